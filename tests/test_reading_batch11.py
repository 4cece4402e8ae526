"""The classes of vote replies blind batch 11 (tests/corpus_own/votes/b11v_*) found misread, one
test per class. Each reads like what happens on the network: a member's reply to a ballot arrives
(the ballot quoted below it, as their mail program quotes it), and the vote counted, or the
question asked back, is checked, with the look-alikes that must keep their reading (a wrong vote
costs the network its count; asking back costs a member one more email)."""
from __future__ import annotations

import pytest

from mailer.reply import read_reply
from workflows.reading.choices import read_vote
from workflows.reading.rankings import read_ranking

YES_NO = ["Yes", "No", "Abstain"]
STIPEND = ["$100 a month", "$200 a month", "No stipend"]
VENUE = ["Union hall, Bank Street", "Westside library", "Online (Zoom)"]
STEERING = ["Fatima Benali", "Henrik Lund", "Priya Raman", "Diego Fernandez", "Yuki Tanaka"]
PRIORITIES = ["Affordable housing", "Youth mentoring", "Clean air", "Digital inclusion"]
ACCOUNTS = "Vote 72 Approve the 2026 accounts"  # the title as the ballot's subject gives it


def _ballot(options: list[str], ranked: bool = False) -> str:
    lines = ["Hello Megan Doyle,", "", "Ruth Alvarez has opened a vote. You have a vote.", "", "Options:"]
    lines += [f"  {i + 1}. ({'ABCDE'[i]}) {label}" for i, label in enumerate(options)]
    lines.append("Reply with your ranking, your first choice first." if ranked else "Reply with the number, the letter or the label.")
    return "\n".join(lines)


def _mail(answer: str, options: list[str], ranked: bool = False) -> str:
    """The member's reply as Gmail writes it: the answer, the attribution, the ballot quoted."""
    quoted = "\n".join("> " + line if line else ">" for line in _ballot(options, ranked).split("\n"))
    return f"{answer}\n\nOn Mon, Jan 4, 2027 at 9:00 AM Test Network <network+abc@example.org> wrote:\n\n{quoted}\n"


def counted(answer: str, options=YES_NO, title: str = "") -> str | None:
    """The option counted for a reply whose answer is `answer`, or None when it is asked back."""
    body = _mail(answer, options)
    reading = read_vote(read_reply(body).new_text, options, body, title=title)
    return options[reading.choice] if reading.choice is not None else None


def ranked(answer: str, options=STEERING, body: str | None = None) -> list[str] | None:
    """The ranking counted for a reply to a ranked ballot, or None when it is asked back."""
    body = _mail(answer, options, ranked=True) if body is None else body
    reading = read_ranking(read_reply(body).new_text, options, body)
    return [options[i] for i in reading.ranking] if reading.ranking is not None else None


@pytest.mark.parametrize("answer, vote", [
    ("Ie, o blaid.", "Yes"), ("Yn erbyn", "No"), ("I bhfabhar", "Yes"), ("I gcoinne", "No"),  # Welsh, Irish
    ("አዎ", "Yes"), ("Na amince", "Yes"), ("ஆம்", "Yes"), ("இல்லை", "No"), ("جی ہاں", "Yes"), ("نہیں", "No"),
    ("Bẹ́ẹ̀ni", "Yes"), ("Rárá", "No"), ("Protiv", "No"), ("Hindi ako pabor.", "No"), ("Genehmigt.", "Yes"),
    ("Abstentzioa", "Abstain"), ("Berkecuali", "Abstain"), ("Sit hjá", "Abstain"), ("Παρών", "Abstain"),
    ("Stemmer blankt", "Abstain"), ("Jag lägger ner min röst.", "Abstain"), ("मैं मतदान से दूर रहूँगा", "Abstain"),
    # look-alikes: the same words in sentences that are no vote
    ("Hindi ko pa nabasa ang balota, mamaya na lang.", None), ("Protiv čega točno glasamo?", None),
])
def test_a_member_answers_in_their_own_language(answer, vote):
    """Members write in Welsh, Irish, Amharic, Hausa, Tamil, Urdu, Yoruba, Basque, Malay,
    Icelandic, Greek, Norwegian, Swedish and Hindi: the yes, no, abstention and blank vote of each
    is counted; a sentence around those words that is not itself an answer is asked back."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, vote", [
    ("After thinking about it over the weekend I'm going to say no.", "No"),
    ("Since I only joined in November I'll abstain on this one, hope that's ok.", "Abstain"),
    ("We (Eastside Tenants' Association) vote yes.", "Yes"),
    # still asked back: someone else's vote, a negation or a condition before it, another option named first
    ("I think people will vote no", None),
    ("I don't think I'll vote yes", None),
    ("If the dues are covered I'll vote yes", None),
    ("Abstaining is tempting, but I'll vote yes", None),
])
def test_a_vote_said_at_the_end_of_a_sentence_that_gives_a_reason(answer, vote):
    """A member gives the reason first and the vote at the end of the same sentence ("… I'm going
    to say no"): the vote is counted, unless the sentence says it about someone else, negates it,
    sets a condition or names another option before it."""
    assert counted(answer) == vote


def test_a_vote_the_member_was_talked_out_of_counts_the_one_they_end_with():
    """"I was going to vote no, but … convinced me. Yes.": the first intention is told as past;
    the answer after it counts. Being convinced with no answer after it is asked back."""
    assert counted("I was going to vote no, but Ruth's explanation at the meeting convinced me. Yes.") == "Yes"
    assert counted("Ich wollte mit Nein stimmen, habe es mir aber anders überlegt: Ja.") == "Yes"
    assert counted("Ruth's explanation convinced me.") is None
    assert counted("I was going to vote no.") is None


def test_a_yes_on_condition_in_russian_is_asked_back():
    """"За, но с условием, что …" (for, but on condition that …) is a conditional yes, asked back
    as "yes, provided …" is; a Spanish "Si, si" (yes, yes typed without accents) stays a yes."""
    assert counted("За, но с условием, что через год пересмотрим.") is None
    assert counted("Да, при условии, что бюджет утвердят.") is None
    assert counted("За.") == "Yes"
    assert counted("Si, si, de acuerdo") == "Yes"


def test_the_motion_named_after_its_own_verb():
    """On "Approve the 2026 accounts", "I approve the accounts as presented" approves the motion;
    approving something the title does not name is no vote; refusing to approve is a no."""
    assert counted("I approve the accounts as presented.", title=ACCOUNTS) == "Yes"
    assert counted("I approve the pizza order.", title=ACCOUNTS) is None
    assert counted("I'm not approving this. Line 14 (travel) doesn't add up.", title=ACCOUNTS) == "No"
    assert counted("I cannot approve this.", title=ACCOUNTS) == "No"
    assert counted("I can't approve these until the auditor signs off, so no from me for now.", title=ACCOUNTS) == "No"


@pytest.mark.parametrize("answer, vote", [
    ("200", "$200 a month"), ("$100/month", "$100 a month"), ("200 $ par mois", "$200 a month"),
    ("100 USD", "$100 a month"), ("月200ドル", "$200 a month"), ("100 dólares", "$100 a month"),
    ("The higher one.", "$200 a month"), ("2", "$200 a month"), ("3", "No stipend"),
    ("Keine Vergütung, das Amt ist ehrenamtlich.", "No stipend"), ("Nenhuma remuneração", "No stipend"),
    ("Без оплаты", "No stipend"),
    # an amount no option pays, and "no idea" in German, are no vote
    ("Honestly I'd pay $150.", None), ("$150 a month", None), ("Keine Ahnung", None),
])
def test_an_amount_paid_by_the_month_is_read_however_the_member_writes_it(answer, vote):
    """The ballot offers "$100 a month", "$200 a month" or "No stipend": members write the amount
    alone, with their own currency word and period, or refuse pay in their language."""
    assert counted(answer, STIPEND) == vote


def test_the_higher_one_needs_exactly_two_amounts():
    assert counted("The higher one.", ["$25", "$40", "$60", "No fee"]) is None


@pytest.mark.parametrize("answer, vote", [
    ("In person at Westside library please", "Westside library"), ("at the union hall", "Union hall, Bank Street"),
    ("Zoom olsun", "Online (Zoom)"), ("La sala del sindacato in Bank Street", "Union hall, Bank Street"),
    ("El local del sindicato", "Union hall, Bank Street"),
    ("At home", None), ("Anywhere but Zoom.", None),
])
def test_a_venue_named_with_at_or_in_the_members_language(answer, vote):
    assert counted(answer, VENUE) == vote


@pytest.mark.parametrize("answer, ranking", [
    ("Priya 1, Henrik 2, Yuki 3", ["Priya Raman", "Henrik Lund", "Yuki Tanaka"]),
    ("Yuki (2), Fatima (1), Diego (3)", ["Fatima Benali", "Yuki Tanaka", "Diego Fernandez"]),
    ("1st Henrik Lund 2nd Diego Fernandez 3rd Priya Raman", ["Henrik Lund", "Diego Fernandez", "Priya Raman"]),
    ("First Yuki, then Fatima, then nobody else.", ["Yuki Tanaka", "Fatima Benali"]),
    # the numbers are the candidates' own on the ballot, written in another order: rank or number?
    ("Henrik (2), Fatima (1), Priya (3)", None),
    ("Priya 1, Henrik 1", None),
    ("2nd Henrik 1st Diego", None),
])
def test_a_ranking_with_the_rank_after_each_name_or_as_ordinals_on_one_line(answer, ranking):
    assert ranked(answer) == ranking


@pytest.mark.parametrize("answer, ranking", [
    ("Wohnen > Saubere Luft > Jugend", ["Affordable housing", "Clean air", "Youth mentoring"]),
    ("1. Vivienda asequible 2. Aire limpio", ["Affordable housing", "Clean air"]),
    ("habitação, inclusão digital", ["Affordable housing", "Digital inclusion"]),
    ("1. Logement abordable\n2. Air pur\n3. Mentorat des jeunes", ["Affordable housing", "Clean air", "Youth mentoring"]),
])
def test_priorities_ranked_in_the_members_language(answer, ranking):
    assert ranked(answer, PRIORITIES) == ranking


def test_ranks_typed_after_an_arrow_beside_the_candidates_of_an_unquoted_original():
    """Outlook leaves the original unprefixed below its header block; the member typed "-> 2"
    beside Fatima and "-> 1" beside Priya and wrote nothing above: Priya first, Fatima second.
    An arrow with no number beside a candidate is no rank (asked back)."""
    head = ("From: Test Network <network+abc@example.org>\nSent: Monday, January 4, 2027 9:00 AM\n"
            "To: Megan Doyle <megan@example.net>\nSubject: [Vote 76] Steering committee election\n\n")
    ballot = _ballot(STEERING, ranked=True)
    marked = ballot.replace("(A) Fatima Benali", "(A) Fatima Benali   -> 2").replace("(C) Priya Raman", "(C) Priya Raman   -> 1")
    assert ranked("", body="\n" + head + marked) == ["Priya Raman", "Fatima Benali"]
    arrow_only = ballot.replace("(C) Priya Raman", "(C) Priya Raman   <--")
    assert ranked("", body="\n" + head + arrow_only) is None
