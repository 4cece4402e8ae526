"""The ballots the vote reviews wrote their replies to, and how a reply's reading is checked against
what a careful reader concludes (an option counted, or the member asked back)."""
from __future__ import annotations

from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No", "Abstain"]
CITIES = ["Ottawa", "Toronto", "Montreal"]
MERGER = "Merge with the Hamilton network"
FEE = "Raise the annual fee to €30"
TERMS = "Adopt the revised terms of reference"
GATHERING = "Where should the 2027 gathering be held"
ATTEND = "Will you attend the AGM on 14 March"
ASKED = None  # asked back
BALLOTS = {"M": (MERGER, YES_NO), "F": (FEE, YES_NO), "T": (TERMS, YES_NO), "G": (GATHERING, CITIES),
           "A": (ATTEND, YES_NO)}
# batch 20's ballots (tests/test_votes_batch20.py and the reviews of its rules)
PETITION = "Vote 51 Back the tenants' petition against the rent rise"
VAN = "Vote 52 Buy a second-hand van for the food bank"
VENUES = ["Riverside Park", "St Mary's Hall", "Online"]
ASSEMBLY = "Vote 54 Where to hold the spring assembly"
CANDIDATES = ["Oluwaseun Adeyemi", "Marta Kowalska", "Abstain"]
SECRETARY = "Vote 55 Elect the secretary"
NAMES = ["Common Ground", "The Bridge", "Mill Street Voice", "Neighbours Together"]
NEWSLETTER = "Vote 56 Name the newsletter"
TREASURERS = ["Ana Silva", "Tom Becker"]
TREASURER = "Vote 57 Elect the treasurer"


def check(reply: str, expected, title=MERGER, options=YES_NO, text: str = ""):
    """Assert the reply is counted as `expected` (an option's label), or asked back when it is ASKED
    (`text`: the whole text of the reply, as `read_vote` takes it, when a test gives it)."""
    reading = read_vote(reply, options, text, title=title)
    got = options[reading.choice] if reading.choice is not None else ASKED
    assert got == expected, f"{reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"
    assert reading.ambiguous == (expected is ASKED)


def answer_on(reply: str, ballot: str) -> tuple[str, str]:
    """The reading of `reply` on one of BALLOTS ("M", "F", …): the option counted or "ASK", and why."""
    title, options = BALLOTS[ballot]
    reading = read_vote(reply, options, title=title)
    return (options[reading.choice] if reading.choice is not None else "ASK"), reading.reason
