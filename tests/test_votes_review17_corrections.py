"""Issue 15, votes17: a member's correction in German, Dutch and Polish read as the English one, and what
follows a correction read as what follows an answer.

"No. Actually, yes." counts the yes; "Nein. Eigentlich doch ja.", "Nee. Eigenlijk wel ja." used to
count the no the member took back (/work/notes/review_votes16.md, section 3). A correction turned on
one sentence ("Nie, a właściwie tak", "Tak, to znaczy nie") is asked; a loose correction followed by
nothing ("changed my mind") gives way to the one before it ("Yes" / "Edit: no, changed my mind"); and
a corrected answer held back, judged the other way or doubted ("No. Actually yes, but only next
year", "Yes. Actually, no, I love it", "No. Actually, yes 🤔") is asked.
"""
from __future__ import annotations

import pytest

from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No", "Abstain"]
MERGER = "Merge with the Hamilton network"
ASKED = None  # asked back

CORRECTIONS = [
    ("Nein. Eigentlich doch ja.", "Yes"), ("Nee. Eigenlijk wel ja.", "Yes"), ("Nein. Eigentlich ja.", "Yes"),
    ("Nee. Eigenlijk ja.", "Yes"), ("Ja. Eigentlich doch nein.", "No"), ("Nie. Właściwie tak.", "Yes"),
    ("Nie, a właściwie tak", ASKED), ("Tak, to znaczy nie", ASKED),
    ("Nein. Eigentlich doch.", ASKED), ("Nee, eigenlijk wel", ASKED), ("Nee. Eigenlijk toch wel.", ASKED),
    ("Ja, eigentlich doch", "Yes"), ("Nein, eigentlich doch nicht", "No"), ("Ja. Eigentlich doch nein.", "No"),
    ("Yes\n\nEdit: no, changed my mind", "No"), ("No\nOops, meant yes", "Yes"),
    ("No. Actually, yes.", "Yes"), ("No. Actually yes, I changed my mind.", "Yes"),
    ("No. Actually yes, but only next year", ASKED), ("No. Actually, yes 🤔", ASKED),
    ("Yes. Actually, no, I love it", ASKED), ("No. Actually, yes, Paul is right, it's a bad idea", ASKED),
    # the plain answers that hold a correction word stay counted
    ("Ja, eigentlich schon", "Yes"), ("Nein, eigentlich nicht", "No"), ("Tak, właściwie tak", "Yes"),
    ("Ja, eigenlijk wel", "Yes"), ("Nee, eigenlijk niet", "No"), ("Yes. Actually, yes, I love it", "Yes"),
    ("No. Actually, no, it's a bad idea", "No"),
]


@pytest.mark.parametrize("reply, expected", CORRECTIONS)
def test_corrections(reply, expected):
    reading = read_vote(reply, YES_NO, title=MERGER)
    got = YES_NO[reading.choice] if reading.choice is not None else ASKED
    assert got == expected, f"{reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"
