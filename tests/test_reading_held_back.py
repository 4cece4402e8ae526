"""Votes the rules added with blind batch 13 counted that a careful person would not (a reviewer's
inputs): an aside that answers or changes the vote, a wish held back, approving a thing that may not
be the motion, a one-letter "typo" that makes another word, a choice named then withdrawn, a
concession that names the member's own choice, a translation beating a label written as the member
wrote it. Each reply arrives as Gmail writes it, the ballot quoted below; an ambiguous answer is
asked back (None), never counted."""
from __future__ import annotations

import pytest

from tests.test_reading_batch13 import VENUE, counted
from workflows.reading.answer_typos import misspelt_key

ABC = ["Option A", "Option B", "Option C"]


@pytest.mark.parametrize("answer, vote", [
    ("Yes. Also no, sorry, I changed my mind", None), ("Yes. Also, no - ignore my yes", None),
    ("Yes. PS no, definitely no", None), ("Yes. PS, on reflection no.", None), ("Yes. Also, no. Final answer.", None),
    ("Yes. By the way, no is my real answer", None), ("Yes. Also I oppose this", None),
    ("Abstain. Also: yes, actually I can decide", None), ("Abstain. Also: no, I really mean it", None),
    # look-alikes: the answer word opens a clause about attending another matter
    ("Abstain. Also: no, I can't make the AGM, sorry.", "Abstain"),
    ("Abstain. Also: no, I won't be able to make the AGM.", "Abstain"),
])
def test_an_aside_that_answers_or_changes_the_vote_is_no_aside(answer, vote):
    """"Yes. PS no, definitely no": what follows "PS" answers the ballot again, so the reply holds two
    answers and is asked back; "no, I can't make the AGM" answers another matter."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, vote", [
    ("I'd be happy to say yes but I can't", None), ("I'd be happy to vote yes but the numbers don't add up", None),
    ("I would be happy to say yes, though I have doubts", None),
    # look-alike: the wish said without holding it back
    ("I'd be happy to vote yes", "Yes"),
])
def test_a_wish_to_say_yes_held_back_by_but_is_asked_back(answer, vote):
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, vote", [
    ("I support the amendment", None), ("I back the opposition", None), ("I support the objection", None),
    ("I support the rejection", None), ("I back the chair", None), ("I support the delay", None),
    ("I reject the criticism", None), ("I oppose the cuts", None),
    ("I support the principle but not this budget", None), ("I approve the idea but not the budget", None),
    # look-alikes: the motion itself, by a generic noun
    ("I support the budget", "Yes"), ("I approve the accounts", "Yes"), ("I oppose the motion", "No"),
    ("I oppose this", "No"),
])
def test_approving_a_thing_that_may_not_be_the_motion_is_asked_back(answer, vote):
    """"I support the amendment", "I oppose the cuts": the noun may name anything but the motion."""
    assert counted(answer) == vote


@pytest.mark.parametrize("answer, vote", [
    ("Sfavorevole.", "No"), ("Desteklemiyorum.", "No"), ("Desteklmiyorum.", None),
    ("certainty", None), ("partent", None), ("akkord", None), ("vastaa", None), ("approver", None),
    ("agains", None), ("gainst", None),
    # look-alikes: slips inside an English answer word still read
    ("aprove", "Yes"), ("againts", "No"), ("abstein", "Abstain"), ("Abstian", "Abstain"),
])
def test_a_typo_never_turns_another_word_or_a_negation_into_an_answer(answer, vote):
    """"Sfavorevole" (Italian: against) is "favorevole" with a letter added in front; "desteklmiyorum"
    is "destekliyorum" (I support) with the negation's letter: neither is a slip of "yes"."""
    assert counted(answer) == vote


def test_the_typo_rule_keeps_a_words_ends():
    assert misspelt_key("sfavorevole") is None and misspelt_key("approver") is None
    assert misspelt_key("aganist") == "NO"


@pytest.mark.parametrize("answer, options, vote", [
    ("Lisbon would be my choice, but I can't come either way so count me out", VENUE, None),
    ("Lisbon would be my choice; sadly I'm not allowed to vote", VENUE, None),
    ("Lisbon would be my choice but I'll abstain", VENUE, None),
    ("Lisbon would be my choice. But I defer to the group", VENUE, None),
    ("Option B would be my choice but I'll abstain", ABC, None),
    ("Lisbon - though Marseille would be my choice", VENUE, None),
    # look-alikes: the choice alone, and a concession that is no choice
    ("Lisbon would be my choice", VENUE, "Lisbon"), ("Option B would be my choice", ABC, "Option B"),
    ("Lisbon. Marseille is too expensive for most of us", VENUE, "Lisbon"),
])
def test_a_choice_named_then_withdrawn_or_conceded_is_asked_back(answer, options, vote):
    assert counted(answer, options) == vote


@pytest.mark.parametrize("answer, vote", [("Vienne", None), ("Wien", "Vienna"), ("Lyon", "Lyon")])
def test_a_label_written_as_the_member_wrote_it_beats_a_translation(answer, vote):
    """"Vienne" on a ballot of Vienna and Vienne (Isère) is never Vienna."""
    assert counted(answer, ["Vienna", "Vienne (Isère)", "Lyon"]) == vote
