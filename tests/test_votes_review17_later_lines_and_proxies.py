"""Issue 15, votes17: lines after the answer that turn it round, and votes given for someone else.

The review of the votes16 round (/work/notes/review_votes16.md, section 3) found answers counted whose
next lines take them back ("Yes" / "P.S. terrible idea", "But not now", "🙄", "I'll be there to vote it
down") and proxy votes counted as the sender's ("Anna asked me to reply for her." / "Yes", "For Anna:
yes", "On behalf of the Smiths: yes", "This is Tom's wife replying: no"). A proxy vote must never be
counted as the sender's: each is asked back. The plain answers beside them stay counted.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import YES_NO, CITIES, MERGER, GATHERING, ASKED, check


LATER_LINES = [
    ("Yes.\nSorry, terrible idea.", ASKED), ("Yes\n\nP.S. terrible idea", ASKED), ("Yes\n\nBTW it's a mistake", ASKED),
    ("Yes\n\nThanks. It's a disaster though.", ASKED), ("No\n\nThanks — great idea really", ASKED),
    ("Yes\n\n🙄", ASKED), ("Yes\n\n🤔", ASKED), ("Yes\n\nI'll be there to vote it down", ASKED),
    ("Yes\n\nBut not now", ASKED), ("Yes\n\nBut only for new members", ASKED), ("Sí\n\nPero no ahora", ASKED),
    ("Yes.\n\nHmm 🤔 actually let me think", ASKED), ("Yes\n\nLet me think about it though", ASKED),
    ("Yes\n\nEdit: no, changed my mind", "No"), ("No\nOops, meant yes", "Yes"),
    # counted: thanks, apologies, a P.S. about something else, a plain emoji
    ("No\n\nThanks, it's good to be asked.", "No"), ("Yes\nSorry it's late, it was a bad week.", "Yes"),
    ("Yes\n\nP.S. it was awful to hear Jim is ill.", "Yes"), ("Yes\n\n🙂", "Yes"), ("No\n\n😢", "No"),
    ("Yes\n\nBut please send the minutes", "Yes"), ("Yes\n\nI'll be there to vote for it", "Yes"),
    ("Yes\n\nThanks — great work everyone", "Yes"), ("No\n\nP.S. great newsletter this month", "No"),
    ("Yes\n\nSee you at the forum", "Yes"),
    ("No\n\nI'd never vote for it", "No"), ("No\n\nI won't vote for it", "No"), ("Yes\n\nI'd never vote it down", "Yes"),
    ("No\n\nI'll vote for it next time", ASKED),
    ("yes\n\nbut honestly we should have discussed this at the December meeting instead of by email.", "Yes"),
]


@pytest.mark.parametrize("reply, expected", LATER_LINES)
def test_later_lines(reply, expected):
    check(reply, expected)


PROXIES = [
    ("Anna asked me to reply for her.\nYes", ASKED, MERGER, YES_NO),
    ("Replying for my husband who has no email.\nNo", ASKED, MERGER, YES_NO),
    ("For Anna: yes", ASKED, MERGER, YES_NO), ("On behalf of the Smiths: yes", ASKED, MERGER, YES_NO),
    ("On behalf of the Hamilton family: yes", ASKED, MERGER, YES_NO),
    ("Anna here (using Tom's account): yes", ASKED, MERGER, YES_NO),
    ("This is Tom's wife replying: no", ASKED, MERGER, YES_NO),
    ("The Parkdale Welcome Centre votes yes, but I don't", ASKED, MERGER, YES_NO),
    ("Pour Anna : Montréal", ASKED, GATHERING, CITIES), ("Für Anna: Ottawa", ASKED, GATHERING, CITIES),
    ("Para Ana: sí", ASKED, MERGER, YES_NO), ("Voor Anna: ja", ASKED, MERGER, YES_NO),
    # counted: the member's own vote, or an organisation's the member speaks for
    ("For me: yes", "Yes", MERGER, YES_NO), ("For the merger: yes", "Yes", MERGER, YES_NO),
    ("Pour moi : oui", "Yes", MERGER, YES_NO), ("Für mich: Ottawa", "Ottawa", GATHERING, CITIES),
    ("For 2027: Toronto", "Toronto", GATHERING, CITIES), ("For now: yes", "Yes", MERGER, YES_NO),
    ("On behalf of the Riverside Youth Club: yes", "Yes", MERGER, YES_NO),
    ("On behalf of the tenants: yes", "Yes", MERGER, YES_NO),
    ("Yes, but I don't think it will be easy", "Yes", MERGER, YES_NO),
]


@pytest.mark.parametrize("reply, expected, title, options", PROXIES)
def test_proxies(reply, expected, title, options):
    check(reply, expected, title, options)
