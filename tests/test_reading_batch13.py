"""The classes of vote replies blind batch 13 (tests/corpus_own/votes/b13v_*) found misread, one
test per class. Each reads like what happens on the network: a member's reply to a ballot arrives
(the ballot quoted below it, as their mail program quotes it), and the vote counted, or the
question asked back, is checked, with the look-alikes that must keep their reading (a wrong vote
costs the network its count; asking back costs a member one more email)."""
from __future__ import annotations

import pytest

from mailer.reply import read_reply
from workflows.reading.answer_typos import misspelt_key
from workflows.reading.choices import read_vote
from workflows.reading.rankings import read_ranking

YES_NO = ["Yes", "No", "Abstain"]
VENUE = ["Lisbon", "Marseille", "Online only"]
PRINTER = ["Green Print Co-op", "CityCopy Ltd", "Print in-house"]
CAMPAIGN = ["Food bank partnership", "Youth mentoring", "Legal aid clinic", "Tenants' union support"]
COORDINATOR = ["Amara Diallo", "Jonas Weber", "Li Na", "Sofia Martins"]
WINTER = ["Riverside park clean-up", "Winter coat drive", "School supplies", "Community fridge"]


def _ballot(options: list[str], ranked: bool = False) -> str:
    lines = ["Hello Grace,", "", "Amina Yusuf has opened a vote. You have a vote.", "", "Options:"]
    lines += [f"  {i + 1}. ({'ABCDE'[i]}) {label}" for i, label in enumerate(options)]
    lines.append("Reply with your ranking, your first choice first." if ranked else "Reply with the number, the letter or the label.")
    return "\n".join(lines)


def _mail(answer: str, options: list[str], ranked: bool = False) -> str:
    """The member's reply as Gmail writes it: the answer, the attribution, the ballot quoted."""
    quoted = "\n".join("> " + line if line else ">" for line in _ballot(options, ranked).split("\n"))
    return f"{answer}\n\nOn Tue, Dec 1, 2026 at 9:00 AM Riverside Network <network+vt-1@example.org> wrote:\n\n{quoted}\n"


def counted(answer: str, options=YES_NO) -> str | None:
    """The option counted for a reply whose answer is `answer`, or None when it is asked back."""
    body = _mail(answer, options)
    reading = read_vote(read_reply(body).new_text, options, body)
    return options[reading.choice] if reading.choice is not None else None


def ranked(answer: str, options=COORDINATOR) -> list[str] | None:
    """The ranking counted for a reply to a ranked ballot, or None when it is asked back."""
    body = _mail(answer, options, ranked=True)
    reading = read_ranking(read_reply(body).new_text, options, body)
    return [options[i] for i in reading.ranking] if reading.ranking is not None else None


@pytest.mark.parametrize("answer, vote", [
    ("Hi all - yes from me", "Yes"), ("Hello Amina – I abstain", "Abstain"), ("Hi all — no", "No"),
    # look-alikes: a greeting alone, and one before a question, count nothing
    ("Hi all -", None), ("Hey - quick question about the budget?", None),
])
def test_a_greeting_joined_to_the_answer_by_a_dash(answer, vote):
    """"Hi all - yes from me": the dash joins the greeting to the vote, which is read."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, vote", [
    ("aprove", "Yes"), ("Aproved, thanks Amina", "Yes"), ("agaisnt", "No"), ("Abstian", "Abstain"),
    # look-alikes: other words one letter away from nothing, or a real word
    ("improve", None), ("married", None),
])
def test_a_long_answer_word_typed_with_one_letter_wrong(answer, vote):
    """"aprove" is "approve" with a letter dropped: the long one-word answers are read through one
    slip of the finger, as "abstian" was."""
    assert counted(answer) == vote


def test_a_typo_one_letter_from_answers_of_two_keys_is_not_guessed():
    assert misspelt_key("aprove") == "YES" and misspelt_key("reproved") is None


@pytest.mark.parametrize("answer, vote", [
    ("如果预算不变，我同意", None), ("只要预算不变，同意", None), ("假如预算不变的话，赞成", None),
    # look-alikes: the answer alone, and with a comment that sets no condition
    ("同意", "Yes"), ("同意，谢谢", "Yes"),
])
def test_a_chinese_answer_after_an_if_clause_is_asked_back(answer, vote):
    """"如果预算不变，我同意" (if the budget stays, I agree) is a Yes on a condition: asked back,
    as "If the budget is fixed, yes" is."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, vote", [
    ("Nein. Doch, ja.", "Yes"), ("No... bueno, sí.", "Yes"), ("Non. Enfin si, oui.", "Yes"),
    # look-alikes: the same words that correct nothing
    ("Ja, doch.", "Yes"), ("Nein, doch nicht.", "No"), ("Bueno, sí.", "Yes"), ("Sí. Bueno, no sé.", None),
])
def test_a_member_takes_their_first_word_back_in_german_spanish_or_french(answer, vote):
    """"Nein. Doch, ja." (no. Yes after all): the answer after the word that takes the first back."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, options, vote", [
    ("Η δεύτερη", VENUE, "Marseille"), ("Voto por la opción 2", VENUE, "Marseille"),
    ("Ich stimme für Option B", VENUE, "Marseille"), ("C seçeneği", CAMPAIGN, "Legal aid clinic"),
    ("选项A", PRINTER, "Green Print Co-op"), ("C is my choice", PRINTER, "Print in-house"),
    ("City Copy", PRINTER, "CityCopy Ltd"), ("Voto que sí.", YES_NO, "Yes"), ("Voto que no", YES_NO, "No"),
    # look-alikes: an option that does not exist, two options, a number that is no option
    ("Voto por la opción 5", VENUE, None), ("Ich stimme für Option B oder C", VENUE, None), ("Η πέμπτη", VENUE, None),
])
def test_an_option_by_its_number_letter_or_label_as_other_languages_write_it(answer, options, vote):
    """A Greek article before the ordinal, "por"/"für" before the option noun, the Turkish noun after
    the letter, "选项" (option) glued to it, "C is my choice", a label's compound word written in two."""
    assert counted(answer, options) == vote


@pytest.mark.parametrize("answer, vote", [
    ("J'approuve le budget.", "Yes"), ("J'approuve les comptes", "Yes"), ("We support the 2027 budget", "Yes"),
    ("Ich lehne den Antrag ab", "No"),
    # look-alikes: the verb negated, or no object; a noun that is not the motion's own (this ballot
    # names no merger: it may be anything but the motion, tests/test_reading_held_back.py)
    ("I oppose the merger.", None),
    ("I don't approve the budget", None), ("Je n'approuve pas le budget", None),
])
def test_approving_or_opposing_the_thing_voted_on_by_its_noun(answer, vote):
    """"J'approuve les comptes" (I approve the accounts) on a yes/no ballot: Yes."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, ranking", [
    ("🥇 Li Na 🥈 Amara 🥉 Jonas", ["Li Na", "Amara Diallo", "Jonas Weber"]),
    ("1st Jonas\n2nd Sofia\n3rd Amara", ["Jonas Weber", "Sofia Martins", "Amara Diallo"]),
    ("2 > 1 > 3 - actually swap the first two", ["Amara Diallo", "Jonas Weber", "Li Na"]),
    ("Jonas, Amara, Li Na — sorry, swap the first two: Amara, Jonas, Li Na.", ["Amara Diallo", "Jonas Weber", "Li Na"]),
    ("B, D, A, C. Sorry, I mean B, D, C, A.", ["Jonas Weber", "Sofia Martins", "Li Na", "Amara Diallo"]),
    # look-alikes: a swap that then writes another order, a correction adding one name, ranks out of order
    ("Jonas, Amara — swap the first two: Li Na, Jonas", None), ("A\nactually B", None),
    ("2nd Jonas\n1st Sofia", None),
])
def test_a_ranking_marked_with_medals_ordinals_or_corrected_by_the_member(answer, ranking):
    """Medals and "1st" before the names rank them; "swap the first two" and "I mean" + a whole new
    order correct the order written just before."""
    assert ranked(answer) == ranking


def test_a_ranking_introduced_as_the_top_choice():
    assert ranked("Top choice is the coat drive, then the fridge.", WINTER) == ["Winter coat drive", "Community fridge"]


@pytest.mark.parametrize("answer, options, vote", [
    ("I'm happy to go with option B", VENUE, "Marseille"), ("I'm happy to vote yes", YES_NO, "Yes"),
    ("I second this and vote yes", YES_NO, "Yes"), ("I second the motion and vote no", YES_NO, "No"),
    ("No questions from me, approve.", YES_NO, "Yes"), ("No comments, yes", YES_NO, "Yes"),
    # look-alikes: "no" that is an answer's own word, a remark that is no vote
    ("No problem, yes", YES_NO, None), ("No objection, yes", YES_NO, None), ("No questions.", YES_NO, None),
    ("I'm happy to go with whatever the majority wants", VENUE, None),
])
def test_the_vote_inside_a_sentence_of_willingness_or_after_nothing_to_ask(answer, options, vote):
    """"I'm happy to go with option B", "I second this and vote yes", "No questions from me,
    approve": the vote those words frame; "no questions" is not a No."""
    assert counted(answer, options) == vote


@pytest.mark.parametrize("answer, vote", [
    ("Abstain. Also: no, I won't be able to make the AGM.", "Abstain"), ("Abstain. Also: no, I can't make the AGM, sorry.", "Abstain"),
    ("Yes. Also, could someone send me the minutes?", "Yes"),
    ("After reading the treasurer's notes I'm happy to vote yes on this.", "Yes"),
    # look-alikes: a bare second answer after "also", a doubt before the willing words
    ("Yes. Also no.", None), ("Maybe I'd be happy to vote yes", None), ("I'm not happy to vote yes", None),
    ("Oui. Plus tard je voterai non.", None),
])
def test_an_aside_after_the_vote_and_a_vote_said_willingly_after_the_reasons(answer, vote):
    """"Abstain. Also: no, I can't make the AGM": the "no" answers the aside's own matter; "… I'm
    happy to vote yes on this" after the reasons is the vote."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, vote", [
    ("Lisbon. Marseille is too expensive for most of us.", "Lisbon"),
    ("Lisbon — although Marseille has the nicer venue, the travel costs decide it for me.", "Lisbon"),
    ("Let's just do it online this year.", "Online only"),
    # look-alikes: the other option accepted too, or only judged
    ("Lisbon, although Marseille would also be fine", None), ("Marseille is too expensive.", None),
])
def test_an_option_conceded_or_judged_too_costly_beside_the_choice_is_no_second_choice(answer, vote):
    """"Lisbon. Marseille is too expensive": Marseille is named only to be set aside."""
    assert counted(answer, VENUE) == vote


@pytest.mark.parametrize("answer, ranking", [
    ("I'd put the fridge first and the rest in any order", ["Community fridge"]),
    ("D, B, the rest in any order", ["Community fridge", "Winter coat drive"]),
    # look-alike: the rest ranked after all
    ("I'd put the fridge first and the coat drive second, the rest in any order", None),
])
def test_a_ranking_that_leaves_the_rest_in_any_order(answer, ranking):
    assert ranked(answer, WINTER) == ranking


@pytest.mark.parametrize("answer, vote", [
    ("Je choisis Lisbonne", "Lisbon"), ("Lisboa", "Lisbon"), ("Marsella", "Marseille"),
    # look-alike: a city that is no option
    ("Londres", None),
])
def test_a_city_named_as_the_members_language_names_it(answer, vote):
    """"Je choisis Lisbonne" on a ballot offering Lisbon: the city in French is the option."""
    assert counted(answer, VENUE) == vote


@pytest.mark.parametrize("answer, ranking", [
    # a loose correction after a whole order must be a whole order again, of as many or more
    ("Li Na, Amara, Jonas, Sofia. Actually, Sofia, Jonas", None),
    ("Amara, Jonas, Li Na, Sofia\nI changed my mind about Jonas, Sofia", None),
    ("Amara, Jonas, Li Na\nActually Jonas, Amara, Li Na", ["Jonas Weber", "Amara Diallo", "Li Na"]),
    # "swap the first two" on a later line swaps the order above it, as on line 1
    ("Amara, Jonas, Li Na, Sofia\nSwap the first two", ["Jonas Weber", "Amara Diallo", "Li Na", "Sofia Martins"]),
    ("Amara, Jonas, Li Na, Sofia\nSorry, swap the first two", ["Jonas Weber", "Amara Diallo", "Li Na", "Sofia Martins"]),
    ("Amara, Jonas, Li Na, Sofia\n\nPS swap the first two please",
     ["Jonas Weber", "Amara Diallo", "Li Na", "Sofia Martins"]),
    # look-alikes: another reordering on a later line is asked back, never the order as written
    ("Amara, Jonas, Li Na, Sofia\nSwap Jonas and Sofia", None),
    ("Amara\nJonas\nLi Na\nswap the first two", ["Jonas Weber", "Amara Diallo", "Li Na"]),
])
def test_a_later_correction_or_swap_never_leaves_the_order_it_corrects_counted(answer, ranking):
    """A correction or a swap written after a whole order is read as the member's new order, or
    asked back; the order it corrects is never counted as it stood."""
    assert ranked(answer) == ranking
