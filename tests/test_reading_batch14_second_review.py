"""Replies a second review of batch 14's vote reading found COUNTED as a vote the member did not
mean, by class. Each must be asked back: asking costs a member one more email, a wrong vote costs
the network its count."""
from __future__ import annotations

import pytest

from tests.test_reading_batch14_votes import BUDGET, FEE, FOCUS, MERGER, NEWS, counted


@pytest.mark.parametrize("answer, title", [
    ("Why would we oppose merging? No.", MERGER), ("Why should we stop merging? No.", MERGER),
    ("Why would merging hurt us? No.", MERGER), ("Why would merging be bad? No.", MERGER),
    ("Why vote against merging? No.", MERGER), ("Pourquoi refuser la fusion ? Non.", MERGER),
    ("Warum sollten wir die Fusion ablehnen? Nein.", MERGER),
    ("Why would adopting the budget be a problem? No.", BUDGET),
    ("Why not merge? No.", MERGER), ("Why wouldn't we merge? No.", MERGER),
])
def test_a_no_after_a_question_that_opposes_or_negates_the_motion_is_asked(answer, title):
    """"Why would we oppose merging? No." says no to opposing, not to merging: the question's own
    opposition or negation turns the answer round, so it is asked back."""
    assert counted(answer, title=title) is None


@pytest.mark.parametrize("answer", [
    "No to the vote, we should decide at the AGM.", "I oppose this vote.", "Against this ballot.",
    "I support the merger ballot",
])
def test_a_stance_on_the_vote_or_ballot_itself_is_asked(answer):
    """"I oppose this vote" may refuse holding the vote at all, not the merger: asked back."""
    assert counted(answer, title=MERGER) is None


@pytest.mark.parametrize("answer", [
    "this one ⏬", "⇓ this one", "this one ⇩", "this one 🡇", "this one 🠗", "this one 🔻", "this one ▼", "this one ⬎",
])
def test_a_pointer_with_an_arrow_that_does_not_point_up_is_asked(answer):
    """"this one ⏬" under "1. (A) Weekly" points at the option below it, not at Weekly: any arrow
    or triangle but the up/left ones stops the pointer being read."""
    assert counted(answer, NEWS, under="1. (A) Weekly") is None


@pytest.mark.parametrize("answer, title", [
    ("\"I support the merger\" - Tom's words, which I disagree with.", MERGER),
    ("I support the merger. Just kidding.", MERGER), ("I oppose the merger. Kidding! Full support.", MERGER),
    ("I oppose the merger. That was my view in March; no longer.", MERGER),
    ("I oppose the merger - said no one ever.", MERGER), ("I oppose the fee rise, said nobody.", FEE),
    ("I oppose the merger as much as I oppose sunshine.", MERGER),
])
def test_a_stance_with_anything_more_on_its_line_is_asked(answer, title):
    """A stance counts only when it is the whole of what the member wrote on its line, apart from
    thanks: a quote of someone else's words, a joke taken back, a view since changed are asked."""
    assert counted(answer, title=title) is None


@pytest.mark.parametrize("answer", [
    "Mentoring for young people, definitely not", "Mentoring for young people, never again",
    "Mentoring for young people - over my dead body", "Mentoring for young people, said no one ever",
    "Mentoring for young people, least of all",
])
def test_an_option_in_own_words_with_more_after_it_is_asked(answer):
    """"Mentoring for young people, definitely not" names the mentoring programme to refuse it:
    an option named in the member's own words counts only with nothing but thanks after it."""
    assert counted(answer, FOCUS) is None
