"""Review of votes17: the mended rules in other words than the review's probes (the general rule, not
its examples). An "Edit:" / "Update:" (numbered too) corrects the answer only when it is the option
alone; a judgement verb counts only as the member's own, with the motion as its object; a held-back
yes only where it opens what follows it; a proxy note read after the answer too; "oops, meant to …",
"tell you why not" and a later doubt after two corrections read as such.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, MERGER, YES_NO
from workflows.reading.choices import read_vote


REPLIES = [
    ("Yes\n\nEdit: no, the venue is the library", "Yes"), ("No\n\nUpdate: yes, I found the agenda", "No"),
    ("Yes\n\nUpdate 3: no", "No"), ("Yes\n\nEDIT: No", "No"), ("No\nEdit: Yes.", "Yes"),
    ("Yes, even though my neighbour hates it", "Yes"), ("No, I'm back from holiday.", "No"),
    ("Yes\n\nP.S. I hate this traffic", "Yes"), ("For avoidance of doubt: yes", "Yes"),
    ("Yes\n\nThis is Paul's husband writing", ASKED), ("Yes\n\nSent by Maria on behalf of Tom", ASKED),
    ("No, I'd support it though", ASKED), ("Yes, I hate it", ASKED), ("Yes, which I hate", ASKED),
    ("No, we love this idea", ASKED), ("Yes, except clause 2", ASKED), ("Yes, except that I'll be late", "Yes"),
    ("Yes, in 2029", ASKED), ("Yes, I think we should have done this in 2019", "Yes"),
    ("No. Actually yes. Actually, not sure.", ASKED), ("Yes\nOops, meant to cc Anna", "Yes"),
    ("No, but I'll tell you why not at the AGM", "No"), ("No — why not?", ASKED), ("Nie. Właściwie tak.", "Yes"),
]


@pytest.mark.parametrize("reply, expected", REPLIES)
def test_general_rules(reply, expected):
    reading = read_vote(reply, YES_NO, title=MERGER)
    got = YES_NO[reading.choice] if reading.choice is not None else ASKED
    assert got == expected, f"{reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"
