"""The bare answers ("Yes.", "Nein", "はい", "Dagegen"), defined once (`mailer.bare_answers`): what
the automatic-reply checks take for a person's answer is what the vote reading reads as that vote."""
from __future__ import annotations

import pytest

from mailer.autoreply_subjects import automatic_subject
from mailer.autoreply_words import says_it_is_automatic
from mailer.bare_answers import BARE_ANSWERS
from workflows.reading.choices import read_vote

OPTIONS = ["Yes", "No", "Abstain"]
INDEX = {"YES": 0, "NO": 1, "ABSTAIN": 2}


@pytest.mark.parametrize("word", sorted(BARE_ANSWERS))
def test_a_bare_answer_is_a_persons_in_an_automatic_subject_and_at_the_head_of_a_message(word):
    assert automatic_subject("Auto-reply: Out of office")  # the words alone are an automatic reply's
    assert not automatic_subject(f"Auto-reply: {word.upper()}")  # a member answering in such a subject
    assert not automatic_subject(f"Out of office: [Vote 7] Budget - {word}")
    assert says_it_is_automatic("This is an automatic reply.")
    assert not says_it_is_automatic(f"{word.capitalize()}. This is an automatic reply.")


@pytest.mark.parametrize("word", sorted(set(BARE_ANSWERS) - {"approves"}))  # a third person's: no vote
def test_a_bare_answer_alone_is_read_as_the_vote_it_answers(word):
    for written in (word, word.capitalize() + ".", word.upper() + "!"):
        reading = read_vote(written, OPTIONS)
        assert (reading.choice, reading.ambiguous) == (INDEX[BARE_ANSWERS[word]], False), (written, reading.reason)


def test_approves_alone_is_no_vote_of_the_members_own():
    assert read_vote("Approves", OPTIONS).choice is None
