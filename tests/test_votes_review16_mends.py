"""Issue 15, votes: what the review of the votes16 round found, mended.

The round (dc3c6b7..cb57e55) taught the reader to count again some answers it asked back safely
(an attendance line with "to vote it", "Yes, to the <title's noun>", "…, which is silly", an
apology before a judgement, "on the understanding", anger followed by words). The review (1351
replies written as members write them, /work/notes/review_votes16.md) found 42 wrong counts those
exemptions created: each matched on its surface form without reading what comes after it. Each
scenario below is a reply a member might write, and what must happen to it: counted as an option,
or asked back (a question back is safe; a wrong count is the worst failure).
"""
from __future__ import annotations

import pytest

from tests.review_ballots import MERGER, FEE, TERMS, ASKED, check


# 1a. "vote it down / out / off" beside an attendance yes is no vote for the motion: a bare "it" is a
# vote for it only ending its sentence ("… to vote it."), and a line with both a yes and a no said in
# words is asked
VOTE_IT_DOWN = [
    ("Yes, I'll be there to vote it down", ASKED), ("Yes, I'll be there to vote it down, obviously", ASKED),
    ("Yes, I'll be there to vote it out", ASKED), ("Yes, I'll be there and I'll vote it down", ASKED),
    ("Yes, I'm coming to vote it down!", ASKED), ("Yes, we'll be there to vote it down", ASKED),
    ("Yes, I'll be there, ready to vote it down", ASKED), ("Yes, I'll be there to vote it off the agenda", ASKED),
    ("Yes, I'll be there to vote it, then fight it", ASKED), ("Yes, I'll be there. Vote it down!", ASKED),
    ("Yes, I'll be at the AGM to vote it out, then vote for Toronto", ASKED),
    ("Yes, I'll be there and voting yes, then voting against", ASKED),
    # still counted: the vote said in words
    ("Yes, I'll be at the AGM to vote it", "Yes"), ("Yes, I'll be there to vote it through", "Yes"),
    ("Yes, I'll be there, and I'll vote it through", "Yes"), ("Yes, I'll be there to vote it.", "Yes"),
]


@pytest.mark.parametrize("reply, expected", VOTE_IT_DOWN)
def test_vote_it_down_is_no_yes(reply, expected):
    check(reply, expected)


# 1b. "Yes, to the …": the title's words narrow nothing only when the object is made of them alone
# (with "the", "of", "revised", "updated", "as circulated"); another version, a part, a time or another
# party's proposal is asked
TO_THE = [
    ("Yes, to the old terms", ASKED, TERMS), ("Yes, to the previous terms", ASKED, TERMS),
    ("Yes, to the existing terms", ASKED, TERMS), ("Yes, to the terms as they were", ASKED, TERMS),
    ("Yes, to the original terms", ASKED, TERMS), ("Yes, to the amended terms", ASKED, TERMS),
    ("Yes, to the terms as amended by Paul", ASKED, TERMS), ("Yes, to the terms in Anna's version", ASKED, TERMS),
    ("Yes, to the terms but not clause 5", ASKED, TERMS), ("Yes, to the terms minus clause 5", ASKED, TERMS),
    ("Yes, to the reference terms of Hamilton", ASKED, TERMS), ("Yes, to the merger in a year", ASKED, MERGER),
    ("Yes, to the Hamilton network's counter-proposal", ASKED, MERGER),
    ("Yes, to the merger next spring", ASKED, MERGER), ("No, to the terms except section 2", ASKED, TERMS),
    # still counted: the motion's own words
    ("Yes, to the updated terms", "Yes", TERMS), ("Yes, to the terms as circulated", "Yes", TERMS),
    ("Yes, to the revised terms of reference", "Yes", TERMS), ("Yes, to the new terms", "Yes", TERMS),
    ("Yes, to the terms", "Yes", TERMS), ("Yes, to the merger", "Yes", MERGER),
    ("Yes, to the merger plan", "Yes", MERGER), ("Yes, to the fee increase", "Yes", FEE),
]


@pytest.mark.parametrize("reply, expected, title", TO_THE)
def test_yes_to_the_title_s_noun_reads_what_goes_with_it(reply, expected, title):
    check(reply, expected, title)


# 1c. "…, which is <judgement>" after the motion itself judges the motion; after another clause, that clause
WHICH_IS = [
    ("Yes, to merging, which is a mistake", ASKED, MERGER), ("No, to merging, which is brilliant", ASKED, MERGER),
    ("Yes, merge with Hamilton, which is stupid", ASKED, MERGER), ("Yes, merge, which is silly", ASKED, MERGER),
    ("Yes, the merger, which is a bad idea", ASKED, MERGER), ("Yes, merging with Hamilton, which is absurd", ASKED, MERGER),
    ("Yes, to merge with Hamilton, which is silly", ASKED, MERGER), ("Yes, to raise the fee, which is wrong", ASKED, FEE),
    ("Yes, adopt them, which is a mistake", ASKED, TERMS), ("Yes, adopt the new terms, which are awful", ASKED, TERMS),
    ("No, to the revised terms, which are excellent", ASKED, TERMS), ("Yes, the fee rise, which is outrageous", ASKED, FEE),
    # still counted: the judgement agrees, or judges another clause
    ("Yes, merge, which is the right call", "Yes", MERGER), ("Yes, merge, which makes sense", "Yes", MERGER),
    ("Yes, to merge with Hamilton, which is smart", "Yes", MERGER),
    ("No, to merge with Hamilton, which is silly", "No", MERGER),
    ("Yes, the fee hasn't changed in years, which is silly", "Yes", FEE),
]


@pytest.mark.parametrize("reply, expected, title", WHICH_IS)
def test_which_is_after_the_motion_judges_it(reply, expected, title):
    check(reply, expected, title)


# 1d. an apology, thanks or aside is skipped, not what it goes on to say of the motion
ASIDES = [
    ("Yes. BTW this is a terrible idea.", ASKED), ("Yes. By the way, it's a mistake.", ASKED),
    ("Yes. Sorry to be late, the idea is terrible though.", ASKED), ("No. Sorry to be late, great idea though.", ASKED),
    ("Yes. Sorry, terrible idea.", ASKED), ("No. Thanks, love the idea though.", ASKED),
    ("Yes. Cheers — awful idea though.", ASKED), ("Yes. PS this plan is a disaster.", ASKED),
    # still counted: the apology or thanks judges nothing of the motion
    ("Yes. Sorry to be late, bad week.", "Yes"), ("Yes. Sorry, awful week.", "Yes"), ("No. Sorry, crazy week.", "No"),
    ("Yes. Thanks, and sorry it's late — busy week, awful weather.", "Yes"),
    ("Yes. Sorry, the link was broken, awful.", "Yes"), ("Yes. Thanks, great idea.", "Yes"),
    ("Yes. Thanks Anna for organising!", "Yes"),
]


@pytest.mark.parametrize("reply, expected", ASIDES)
def test_an_aside_does_not_hide_a_judgement(reply, expected):
    check(reply, expected)


# 1e. "on the understanding that …" is a condition: asked when it undoes the motion
UNDERSTANDING = [
    ("Yes, on the understanding that it never happens", ASKED),
    ("Yes, on the understanding that we won't merge", ASKED),
    ("Yes, on the understanding that we stay separate", ASKED),
    ("Yes, on the understanding that we don't actually merge", ASKED),
    ("Yes, on the understanding that it's put off to 2028", ASKED),
    ("Yes, on the understanding that we postpone it", ASKED),
    # still counted
    ("Yes, on the understanding we keep our name", "Yes"), ("Yes, on the understanding that Hamilton pays", "Yes"),
    ("Yes, with the understanding it'll be reviewed", "Yes"), ("Yes, understanding the risks", "Yes"),
]


@pytest.mark.parametrize("reply, expected", UNDERSTANDING)
def test_an_understanding_that_undoes_the_motion_is_asked(reply, expected):
    check(reply, expected)


# 1f. anger followed by words is about them, unless they name the motion
ANGER = [
    ("Yes 😡 what a mess this merger is", ASKED), ("Yes 😡 terrible idea", ASKED),
    ("Yes 😡 finally!", "Yes"), ("Yes 😡 about time", "Yes"),
]


@pytest.mark.parametrize("reply, expected", ANGER)
def test_anger_at_the_motion_is_asked(reply, expected):
    check(reply, expected)


# 2. plain answers the round asked back: the practice said with the principle, 'never have, never will'
PLAIN = [
    ("Yes, in principle and in practice", "Yes"), ("Yes, in theory and in practice", "Yes"),
    ("Yes, in principle, and I'd go ahead now", "Yes"), ("Yes, in theory we should have done this years ago", "Yes"),
    ("No, never have, never will", "No"), ("No. Never have, never will.", "No"), ("Yes. Always have, always will.", "Yes"),
    ("Yes, always was, always will.", "Yes"), ("No, never did, never will.", "No"),
    # still asked: put off or held to a principle, someone else's will
    ("Yes, in principle", ASKED), ("Yes, in theory, but not now", ASKED), ("Yes, Anna will.", ASKED),
]


@pytest.mark.parametrize("reply, expected", PLAIN)
def test_plain_answers_are_counted(reply, expected):
    check(reply, expected)


# 2. (more) a judgement of a plain other thing, embarrassment, agreeing with the vote one was asked to give
OTHER_THINGS = [
    ("Yes. The survey tool is awful.", "Yes"), ("Yes. The weather is awful today.", "Yes"),
    ("Yes. The vote itself is a silly formality, but yes.", "Yes"),
    ("Yes, sorry, forgot to reply 😬", "Yes"), ("Anna told me to vote yes, and I agree. Yes.", "Yes"),
    # still asked: the motion judged, doubt, a vote for someone else
    ("Yes. The merger is awful.", ASKED), ("Yes. The idea is awful.", ASKED), ("Yes, sorry 🤔", ASKED),
    ("Yes 😬", ASKED), ("Anna asked me to vote yes for her", ASKED),
]


@pytest.mark.parametrize("reply, expected", OTHER_THINGS)
def test_other_things_judged_embarrassment_and_agreement_are_counted(reply, expected):
    check(reply, expected)


# agreeing counts only when the line gives one answer; "vote it in" is a vote for the motion
AGREED_ONE_ANSWER = [
    ("Anna asked me to vote no for her, and I agree. Yes.", ASKED), ("Yes, I'll be there to vote it in", "Yes"),
    ("Yes, I'll be there to vote it in March", ASKED),
]


@pytest.mark.parametrize("reply, expected", AGREED_ONE_ANSWER)
def test_agreeing_with_another_answer_is_asked(reply, expected):
    check(reply, expected)
