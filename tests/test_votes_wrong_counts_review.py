"""Issue 15, votes: a member's reply to a ballot is never counted as the wrong option.

Each scenario is a reply a member might really write, and what must happen to it: counted as an
option, or asked back (a question back is safe; a wrong count is the worst failure). The first
group were counted wrong before this review; the attacker groups are replies written to trip the
reader (irony, reported speech, double negatives, conditions, answers to another question, emoji,
numbers, ballots of other options), each with the reading a careful human would accept. The last
test walks three such replies through the real network: the member gets a question back, never a
receipt for the wrong option.
"""
from __future__ import annotations

import re

import pytest

from tests.test_votes_scenario import net  # noqa: F401 (net: the network fixture)
from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No", "Abstain"]
MERGER = "Merge with the Hamilton network"
CITIES = ["Ottawa", "Toronto", "Montreal"]
GATHERING = "Where should the 2027 gathering be held"
AB = ["Option A", "Option B"]
NEWSLETTER = "Newsletter frequency"
ASKED = None  # asked back


def _read(reply: str, options=YES_NO, title=MERGER):
    reading = read_vote(reply, options, title=title)
    return (options[reading.choice] if reading.choice is not None else ASKED), reading


def _check(reply: str, expected, options=YES_NO, title=MERGER):
    got, reading = _read(reply, options, title)
    assert got == expected, f"{reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"
    assert reading.ambiguous == (expected is ASKED)


# the replies the review found counted wrong, with what must happen now
FOUND_WRONG = [
    # "that" points at the other proposal of the sentence before: asked, never No
    ("Some want to postpone the merger. I oppose that.", ASKED),
    ("Some want to postpone the merger.\nI oppose that.", ASKED),
    # reported speech: the treasurer's stance, then the member's "I don't"
    ("I support the budget, said the treasurer. I don't.", ASKED),
    # the stance is asked as a question, then "Never"
    ("Against the merger, me? Never.", ASKED),
    # an emoji whose meaning is the other answer
    ("Yes ❌", ASKED), ("No ✅", ASKED), ("No 👍", ASKED),
    # the reason judges the motion the other way
    ("Yes, the merger is a bad idea", ASKED), ("No, I think it's great", ASKED),
]
STILL_COUNTED = [
    ("Yes ✅", "Yes"), ("Yes 👍", "Yes"), ("No ❌", "No"), ("No 👎", "No"),
    ("Yes, because it saves money", "Yes"), ("No, it costs too much", "No"),
    ("Yes, not doing it would be a mistake", "Yes"),  # the negation turns "a mistake" round: a yes
    ("No, it's not a good idea.", "No"), ("Yes, it's not a bad idea.", "Yes"),
    ("No, the merger would be a disaster.", "No"), ("Yes, the merger is long overdue.", "Yes"),
    ("Yes, as Anna said.", "Yes"), ("As Tom said, yes.", "Yes"), ("Sure, why not?", "Yes"),
    ("Yes, why not?", "Yes"), ("Why not? Yes.", "Yes"), ("Yes, of course, and thanks for organising.", "Yes"),
    ("Sorry for the delay. Yes.", "Yes"), ("No questions. Yes.", "Yes"),
    ("Why not? Because it's a terrible idea. No.", "No"),
    # newly read: a stance with "I'm", a "for" the member denies
    ("I'm all for the merger", "Yes"), ("We're all for the merger.", "Yes"), ("I'm not for it.", "No"),
]
# the corpus's rule since batch 2 (votes/b2_amb_no_objection, b2_amb_not_against, b2_amb_cant_say_yes):
# an objection denied, or a yes the member cannot give, is asked back, not read
KEPT_ASKED = [
    ("No objection.", ASKED), ("No objections from me", ASKED), ("I don't oppose it", ASKED),
    ("Not against it.", ASKED), ("I can't say yes to this.", ASKED), ("Not at all", ASKED),
    ("No objection, but I'd rather wait.", ASKED),
]


@pytest.mark.parametrize("reply, expected", FOUND_WRONG + STILL_COUNTED + KEPT_ASKED)
def test_the_replies_of_the_review_on_a_yes_no_ballot(reply, expected):
    _check(reply, expected)


# the attacker's replies on the yes/no ballot of the merger
IRONY = [
    ("Oh yes, what a brilliant idea. Not.", ASKED), ("Yes, sure, and pigs will fly.", ASKED),
    ("Yes... said no one.", ASKED), ("Yes — worst idea ever.", ASKED), ("Yes, what a mistake that would be.", ASKED),
    ("Yes (jk)", ASKED), ("Yes /s", ASKED), ("Yeah right.", ASKED),
    ("Oui, bien sûr, et la marmotte met le chocolat dans le papier alu.", ASKED),
    ("Ja, genau, und morgen schneit es Geld.", ASKED), ("Sí, claro, y yo soy el Papa.", ASKED),
    ("Oh absolutely, let's merge and lose everything 🙄", ASKED),
    ("Yes. Honestly, what could go wrong?", ASKED), ("Yes, because nothing says \"community\" like a hostile takeover.", ASKED),
    ("Yes, great, another merger.", ASKED), ("Oh great, another merger. Yes.", ASKED),
    ("Super, encore une fusion. Oui.", ASKED), ("Toll, noch eine Fusion. Ja.", ASKED), ("Yay, another merger. No.", "No"),
]
REPORTED = [
    ("Anna said yes.", ASKED), ("Anna said: yes.", ASKED), ("Yes, Anna says.", ASKED), ("No, my wife says.", ASKED),
    ("Anna votes yes, I vote no.", ASKED), ("The board says yes. I say no.", ASKED),
    ("Marie a dit oui. Moi, non.", ASKED), ("Mi hermana vota sí, yo no.", ASKED),
    ("Mi marido dice que sí. Yo digo que no.", ASKED), ("Tom says no and I disagree.", ASKED),
    ("My answer: yes. My husband's: no.", ASKED),
]
DOUBLE_NEGATIVES = [
    ("No estoy en contra.", ASKED), ("Non, je ne suis pas contre.", ASKED), ("Nein, ich bin nicht dagegen.", ASKED),
    ("I wouldn't say no.", ASKED), ("Not no.", ASKED), ("Je ne dis pas non.", ASKED), ("No digo que no.", ASKED),
    ("It's not that I'm against it.", ASKED), ("I'm not not in favour.", ASKED), ("Obviously not yes.", ASKED),
]
CONDITIONS = [
    ("Yes if Hamilton agrees to keep our name.", ASKED), ("Yes, unless the fees go up.", ASKED),
    ("Oui si on garde notre nom.", ASKED), ("Ja, wenn wir unseren Namen behalten.", ASKED),
    ("Sí, siempre que no suban las cuotas.", ASKED), ("Would have said yes last year.", ASKED),
    ("Ich würde ja sagen, aber ich darf nicht abstimmen.", ASKED), ("Je voterais oui si j'étais membre.", ASKED),
]
OTHER_QUESTIONS = [
    ("Yes, I'll be at the AGM.", ASKED), ("No, I haven't read the documents yet.", ASKED),
    ("Yes to the amendment, no to the motion.", ASKED), ("Yes on the merger, no on the name change.", ASKED),
    ("No, I can't come to the meeting. Yes to the merger.", ASKED), ("No problem.", ASKED),
    ("Some say we should wait. I agree.", ASKED), ("Some say we should wait. No.", ASKED),
    ("Tom suggested we postpone. I'm for it.", ASKED), ("Others prefer a partnership. Yes.", ASKED),
    ("Manche wollen die Fusion verschieben. Ich bin dagegen.", ASKED), ("Einige wollen warten. Ich stimme zu.", ASKED),
    ("Certains veulent reporter la fusion. Je m'y oppose.", ASKED), ("Algunos quieren aplazar la fusión. Me opongo.", ASKED),
]
JUDGED_OTHERWISE = [
    ("No, it's the best idea we've had.", ASKED), ("No! Best decision ever.", ASKED), ("No, it's not a bad idea.", ASKED),
    ("Oui, c'est une mauvaise idée.", ASKED), ("Non, c'est une excellente idée.", ASKED), ("Non, c'est parfait.", ASKED),
    ("Ja, das ist eine schlechte Idee.", ASKED), ("Nein, das ist eine tolle Idee.", ASKED), ("Nein, das ist super.", ASKED),
    ("Sí, es una mala idea.", ASKED), ("No, es una gran idea.", ASKED), ("No, es lo mejor.", ASKED),
    ("Sì, è una pessima idea.", ASKED), ("Nee, dat is een prima idee.", ASKED), ("Ja, dat is een slecht idee.", ASKED),
    ("Sim, é uma péssima ideia.", ASKED),
    ("Oui, c'est parfait.", "Yes"), ("Ja, das ist super.", "Yes"), ("Sí, es lo mejor.", "Yes"),
]
EMOJI_AND_NUMBERS = [
    ("Yes 👎", ASKED), ("Yes 🤮", ASKED), ("👍 No", ASKED), ("✅ No", ASKED), ("YES!!! 👎👎", ASKED),
    ("Oui 👎", ASKED), ("Non 👍", ASKED), ("Nein ✅", ASKED), ("👍", ASKED), ("Yes 🙃", ASKED),
    ("1 (No)", ASKED), ("2 (Yes)", ASKED), ("Option 1 = No", ASKED), ("0", ASKED), ("50/50", ASKED), ("100% no", ASKED),
    ("1", "Yes"), ("2", "No"), ("+1", "Yes"), ("-1", "No"),
]
TWO_ANSWERS = [
    ("Yes and no.", ASKED), ("Yes/no", ASKED), ("Yes? No? I can't decide.", ASKED), ("Hell no... just kidding, yes.", ASKED),
    ("Yes lol no", ASKED), ("Ja, nein, vielleicht.", ASKED), ("Yes (not really)", ASKED), ("Oui, mais non.", ASKED),
    ("Anything but yes.", ASKED), ("I agree with Tom.", ASKED), ("Same as Anna.", ASKED), ("Whatever the board decides.", ASKED),
]


NARROWED_OR_DENIED = [
    ("YES (to the amendment only)", ASKED), ("No (to the fee rise)", ASKED), ("Yes, to the amendment", ASKED),
    ("Oui (pas vraiment)", ASKED), ("Ja (nicht wirklich)", ASKED), ("Sí (no realmente)", ASKED),
    ("Yes (to the merger)", "Yes"), ("Yes, for the record.", "Yes"), ("No, on principle.", "No"),
    ("Yes, on reflection.", "Yes"), ("Yes, for sure.", "Yes"), ("Yes (for me)", "Yes"),
]
OTHER_LANGUAGES = [
    ("Sì, certo, e io sono il Papa.", ASKED), ("No, è un'ottima idea.", ASKED), ("Sim, claro, e eu sou o Papa.", ASKED),
    ("Não, é uma ótima ideia.", ASKED), ("Ja hoor, en ik ben de paus.", ASKED), ("Nee, prima plan.", ASKED),
    ("Tak, to zły pomysł.", ASKED), ("Nie, to świetny pomysł.", ASKED), ("Да, это плохая идея.", ASKED),
    ("Нет, это отличная идея.", ASKED), ("はい、悪い考えです。", ASKED), ("いいえ、素晴らしい考えです。", ASKED),
    ("Evet, kötü bir fikir.", ASKED), ("3 (yes)", ASKED), ("No 😍😍", ASKED),
]
LATER_LINES = [
    ("Yes\nActually I'm not sure.", ASKED), ("No\nPS: the merger is a great idea though.", ASKED),
    ("Yes\nBut the merger is a terrible idea.", ASKED), ("No.\nWhy would anyone vote no? It's brilliant.", ASKED),
    ("Some want to postpone the merger.\nYes.", ASKED), ("Some want to postpone the merger.\nI vote yes.", "Yes"),
    ("Yes\nP.S. Anna says no.", "Yes"), ("Yes\nI think the merger is a great idea.", "Yes"),
    ("No\nThe merger would be a mistake.", "No"),
]

HELD_BACK_OR_TURNED = [
    ("Anna wrote:\nYes, absolutely.\nI disagree. No.", ASKED), ("I would vote yes, but I'm not a member.", ASKED),
    ("Yes (I mean the opposite)", ASKED), ("Yes — I oppose.", ASKED), ("Yes, I'm against it.", ASKED),
    ("No, I support it.", ASKED), ("Ich enthalte mich, bin aber dagegen.", ASKED),
    ("Me abstengo, aunque estoy a favor.", ASKED), ("Je m'abstiens, mais je suis pour.", ASKED),
    ("Abstain (I oppose it, but I'm conflicted)", ASKED), ("Yes, but I'll abstain.", ASKED),
    ("Abstain, sorry.", "Abstain"), ("Abstain — conflict of interest.", "Abstain"), ("I abstain, but good luck.", "Abstain"),
    ("Abstain. Also: no, I can't make the AGM, sorry.", "Abstain"), ("Tom votes yes. Same here.", "Yes"),
    ("Never say never. Yes.", "Yes"), ("Same as last time: no.", "No"),
]

@pytest.mark.parametrize("reply, expected", IRONY + REPORTED + DOUBLE_NEGATIVES + CONDITIONS + OTHER_QUESTIONS
                         + JUDGED_OTHERWISE + EMOJI_AND_NUMBERS + TWO_ANSWERS + NARROWED_OR_DENIED
                         + OTHER_LANGUAGES + LATER_LINES + HELD_BACK_OR_TURNED)
def test_an_attacker_on_the_yes_no_ballot(reply, expected):
    _check(reply, expected)


ON_CITIES = [
    ("Ottawa", "Ottawa"), ("Montreal ✅", "Montreal"), ("Montreal, not Toronto.", "Montreal"),
    ("Toronto is too far. Ottawa.", "Ottawa"), ("Ottawa, like Anna said.", "Ottawa"), ("Ottawa, why not?", "Ottawa"),
    ("Pas Ottawa, Toronto.", "Toronto"),
    ("Ottawa 👎", ASKED), ("Toronto ❌", ASKED), ("Ottawa, what a terrible idea.", ASKED),
    ("Ottawa — said no one ever.", ASKED), ("Ottawa, évidemment pas.", ASKED), ("Ottawa, bien sûr que non.", ASKED),
    ("Ottawa (Anna's choice, not mine).", ASKED), ("Ottawa, Anna says.", ASKED), ("Toronto, my partner says.", ASKED),
    ("Ottawa. Not.", ASKED), ("Ottawa... or not.", ASKED), ("Ottawa, sure, and pigs will fly.", ASKED),
    ("Ottawa, it's the worst city.", ASKED), ("Ottawa — a terrible choice, but the cheapest.", ASKED),
    ("Ottawa, what else?", ASKED), ("Ottawa, yeah right.", ASKED), ("Ottawa 🙄", ASKED),
    ("Toronto, Anna said Montreal.", ASKED), ("Everyone else wants Ottawa, I want Toronto.", ASKED),
    ("Marie préfère Ottawa, moi Toronto.", ASKED), ("Ottawa no.", ASKED), ("Ottawa, no.", ASKED),
    ("Toronto nunca.", ASKED), ("Ottawa auf keinen Fall.", ASKED), ("Not Toronto.", ASKED), ("Yes", ASKED),
    ("4", ASKED), ("Montreal, unless it snows.", ASKED), ("Ottawa... just kidding. Toronto.", ASKED),
]


@pytest.mark.parametrize("reply, expected", ON_CITIES)
def test_an_attacker_on_a_ballot_of_cities(reply, expected):
    _check(reply, expected, CITIES, GATHERING)


ON_LETTERS = [
    ("A", "Option A"), ("Option B 👍", "Option B"), ("B, because A is a terrible idea.", "Option B"),
    ("B, not A.", "Option B"), ("A, no wait, B.", "Option B"),
    ("A 👎", ASKED), ("B ❌", ASKED), ("Option A - worst option.", ASKED), ("A, a terrible idea.", ASKED),
    ("A, said the treasurer. B for me.", ASKED), ("B (Tom's pick, not mine)", ASKED), ("A. Not.", ASKED),
    ("Option A, sure, and pigs will fly.", ASKED), ("The first, obviously not.", ASKED), ("A, évidemment pas.", ASKED),
    ("Anna votes A. I vote B.", ASKED), ("A. No, B.", ASKED), ("Option C", ASKED), ("Neither.", ASKED), ("Yes", ASKED),
]


@pytest.mark.parametrize("reply, expected", ON_LETTERS)
def test_an_attacker_on_a_ballot_of_two_options(reply, expected):
    _check(reply, expected, AB, NEWSLETTER)


MEETINGS = ["2 meetings a year", "4 meetings a year"]
AMOUNTS = ["$500", "$1,000", "$2,500", "Nothing this year"]
DATES = ["Saturday 14 March", "Sunday 15 March"]
OTHER_BALLOTS = [
    # a bare number that is both an option's number and a number in another option's label
    ("2", MEETINGS, ASKED), ("Two", MEETINGS, ASKED), ("1", MEETINGS, "2 meetings a year"),
    ("Option 2", MEETINGS, "4 meetings a year"), ("2 meetings", MEETINGS, "2 meetings a year"),
    ("500", AMOUNTS, "$500"), ("2", AMOUNTS, "$1,000"),
    # a question that names another option, then the answer
    ("Sunday? No. Saturday.", DATES, "Saturday 14 March"), ("Saturday 👎", DATES, ASKED),
    ("For the merger", ["For", "Against", "Abstain"], "For"), ("Against, it is a great idea", ["For", "Against", "Abstain"], ASKED),
    ("Keep, raising it would be a disaster", ["Keep €20", "Raise to €30"], ASKED),
    ("No retreat this year, the retreat is a waste of money.", ["Retreat in May", "No retreat this year"],
     "No retreat this year"),
]


@pytest.mark.parametrize("reply, options, expected", OTHER_BALLOTS)
def test_an_attacker_on_ballots_of_numbers_amounts_and_dates(reply, options, expected):
    _check(reply, expected, options, MERGER)

def _recorded(receipt) -> str | None:
    found = re.search(r"(?:is recorded|est enregistré)\s?:\s?(.+?)\.\s*$", receipt.text, re.M)
    return found.group(1) if found else None


def test_members_whose_reply_turns_the_answer_round_are_asked_not_counted(net):
    """Over the real Dovecot/Maildir path: three replies that were counted as the wrong option get
    the question back that quotes them and lists the options; the member's clear answer to it is
    then recorded; a plain "Yes ✅" is recorded at once."""
    net.send("Amina Diallo <amina@example.org>", f"[Vote] {MERGER}",
             "Closes: in 7 days\n\nThat the network merges with the Hamilton network.\n")
    net.step()
    by = {m.to: m for m in net.new_messages() if "Vote opened" not in m.subject}
    net.advance(hours=1)
    turned = {"li@example.org": "Yes ❌",
              "sofia@example.org": "Some want to postpone the merger. I oppose that.",
              "kofi@example.org": "No, I think it's great"}
    for who, body in turned.items():
        net.reply(by[who], body)
    net.reply(by["tom@example.org"], "Yes ✅")
    net.step()
    got = {m.to: m for m in net.new_messages()}
    assert _recorded(got["tom@example.org"]) == "Yes"
    for who, body in turned.items():
        asked = got[who]
        assert "could not be read" in asked.subject and _recorded(asked) is None
        assert f'Its first line was: "{body.splitlines()[0]}"' in asked.text
        assert "1. (A) Yes" in asked.text and "2. (B) No" in asked.text and "3. (C) Abstain" in asked.text
        net.reply(asked, "No" if who == "sofia@example.org" else "Yes")
    net.step()
    got = {m.to: m for m in net.new_messages()}
    assert _recorded(got["sofia@example.org"]) == "No"
    assert _recorded(got["li@example.org"]) == "Yes" and _recorded(got["kofi@example.org"]) == "Yes"
