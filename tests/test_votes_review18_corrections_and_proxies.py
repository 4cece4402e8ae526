"""Issue 15, votes18: a firm correction on one line, the member's own proxy form, and the member's own stance
said after others' objections.

Batch 18 asked back "No — wait, sorry, I mean yes", "No, anzi sì" (the review too), "No, but I'll send my
proxy form" (on whether the member comes) and "Yes. Some of you are against it, but I'm for it" (the review:
"Yes. I know some of you oppose it, but I'm for it").
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, ATTEND, check

CORRECTED = [
    ("No — wait, sorry, I mean yes.", "Yes"), ("No, anzi sì.", "Yes"), ("Sì, anzi no.", "No"),
    ("Sì, anzi, sono entusiasta", "Yes"), ("Yes, sorry, I meant no", "No"),
    # a loose turn on one line stays asked
    ("No, I mean yes", ASKED), ("Yes, or rather no", ASKED),
]


@pytest.mark.parametrize("reply, expected", CORRECTED)
def test_a_firm_correction_on_one_line(reply, expected):
    check(reply, expected)


OWN = [
    ("Yes. Some of you are against it, but I'm for it.", "Yes"), ("Yes. I know some of you oppose it, but I'm for it", "Yes"),
    ("Yes, no objections, but let's wait", ASKED), ("Voting as proxy for Anna: yes", ASKED),
    ("Yes, my proxy vote for Tom is no", ASKED),
]


@pytest.mark.parametrize("reply, expected", OWN)
def test_the_members_own_stance_and_proxy(reply, expected):
    check(reply, expected)


def test_the_members_own_proxy_form_is_no_vote_for_another():
    check("No, but I'll send my proxy form.", "No", ATTEND)


URGED = [
    ("Yes\n\nHope everyone votes for it", "Yes"), ("Yes\n\nSee you at the AGM — let's vote it through", "Yes"),
    ("No\n\nI urge everyone to vote it down", "No"),
    # the others urged the other way, or another's vote, stay asked
    ("Yes\n\nHope everyone votes against it", ASKED), ("No\n\nHope everyone votes for it", ASKED), ("Yes\n\nAnna votes no", ASKED),
]


@pytest.mark.parametrize("reply, expected", URGED)
def test_the_others_urged_the_members_way_on_the_next_line(reply, expected):
    check(reply, expected)
