"""Issue 15, votes: what the review of branch votes15 found, mended.

The branch taught the reader to ask back answers turned round by their own line. The review
(765 replies written to trip it) found that it also counted some replies wrong that were asked
before, and asked back plain, agreeing answers that were counted before. Each scenario below is a
reply a member might really write, and what must happen to it: counted as an option, or asked
back (a question back is safe; a wrong count is the worst failure; asking back a plain answer is
a cost to the member).
"""
from __future__ import annotations

import pytest

from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No", "Abstain"]
MERGER = "Merge with the Hamilton network"
FEE = "Raise the annual fee to €30"
TERMS = "Adopt the revised terms of reference"
VENUES = ["Library annex, Queen Street", "Community centre", "Online"]
FREQUENCY = ["Monthly", "Every two weeks", "Quarterly"]
ASKED = None  # asked back


def _check(reply: str, expected, options=YES_NO, title=MERGER):
    reading = read_vote(reply, options, title=title)
    got = options[reading.choice] if reading.choice is not None else ASKED
    assert got == expected, f"{reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"
    assert reading.ambiguous == (expected is ASKED)


# A. a no that the rest of its line takes back: the member lets the motion pass, or says the
# other stance after all. Counted No by the branch; asked now.
NO_TAKEN_BACK = [
    ("I'm not for it, but I won't stand in the way", ASKED),
    ("I'm not for it, but I won't block it", ASKED),
    ("I'm not for it, but I'll go with the majority", ASKED),
    ("I'm against it, but I won't vote it down", ASKED),
    ("I'm not for it... yet", ASKED),
    ("I'm not for it — I'm mad for it!", ASKED),
    ("I'm not for it, lol, I'm all in", ASKED),
    ("We're not for it, well, Anna isn't; I am.", ASKED),
    # a plain no, and a no with its reason, still count
    ("I'm not for it.", "No"), ("No, I am against it", "No"), ("No, we are not ready", "No"),
    ("No, I'm in Toronto that week", "No"),
]


@pytest.mark.parametrize("reply, expected", NO_TAKEN_BACK)
def test_a_no_the_line_takes_back_is_asked(reply, expected):
    _check(reply, expected)
