"""Issue 15, votes17: replies written after the round's changes, as members write them, of the kinds the
review of votes16 named (judgement verbs and consequences, later lines, a yes held back, proxies,
corrections, irony) but in other words than the review's probes: the round must read the kind, not the
example. Asked back or counted, each as a careful reader would.
"""
from __future__ import annotations

import pytest

from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No", "Abstain"]
MERGER = "Merge with the Hamilton network"
ASKED = None  # asked back

BLIND = [
    ("Yes, I could never back it", ASKED), ("Yes, I'd never endorse this proposal", ASKED), ("No, I love this plan", ASKED),
    ("Oui, je rejette cette proposition", ASKED), ("Sí, detesto esta idea", ASKED), ("Yes, it would destroy us", ASKED),
    ("No, it would strengthen us", ASKED), ("Yes, Hamilton will sink us", ASKED), ("Yes, the union is a mistake", ASKED),
    ("Yes, combining would be madness", ASKED), ("Ja, de fusie maakt ons kapot", ASKED),
    ("Yes\n\nBy the way, this is a terrible plan", ASKED), ("Yes\n\n😒", ASKED), ("Yes\n\nBut not this year", ASKED),
    ("Oui\n\nMais pas maintenant", ASKED), ("Ja\n\nAber nicht jetzt", ASKED), ("Sim, mas só no próximo ano", ASKED),
    ("Tak, ale dopiero w przyszłym roku", ASKED), ("Sí, pero todavía no", ASKED), ("Yes, except the bit about fees", ASKED),
    ("Yes, to Anna's version", ASKED), ("For Tom: no", ASKED), ("Voting for my wife: yes", ASKED),
    ("Tom asked me to answer for him: yes", ASKED), ("On behalf of the Nguyen family: no", ASKED),
    ("This is Anna's husband replying: yes", ASKED), ("Yes. Really?", ASKED), ("Non, warum nicht", ASKED),
    ("Yes 🤡🤡", ASKED), ("Oui, et moi je suis le pape", ASKED), ("Yes, which is a mistake", ASKED),
    ("Yes, merge with Hamilton, which is nonsense", ASKED), ("Yes, to the merger in 2029", ASKED),
    ("Yes, but at €25", ASKED),
    ("Yes, I back it fully", "Yes"), ("No, I could never back it", "No"), ("Yes, I endorse this proposal", "Yes"),
    ("No, I reject this proposal", "No"), ("Yes, it would strengthen us", "Yes"), ("No, it would destroy us", "No"),
    ("Yes\n\nPS: see you Thursday", "Yes"), ("Yes\n\nThanks for the clear ballot", "Yes"), ("No\n\nSorry, been away", "No"),
    ("Yes, this year", "Yes"), ("Yes, right away", "Yes"), ("Sí, cuanto antes", "Yes"), ("Tak, jak najszybciej", "Yes"),
    ("Yes, for all of us", "Yes"), ("For myself: yes", "Yes"), ("Yes, the whole thing", "Yes"),
    ("No, which is why I'm writing", "No"), ("Yes — Hamilton are great people", "Yes"), ("No, Hamilton is too far", "No"),
    ("Yes, joining forces makes sense", "Yes"), ("Yes!\n\nThanks Anna, great job organising", "Yes"),
    ("Ja, das rettet uns", "Yes"), ("Nee, dat maakt ons kapot", "No"), ("Yes, I like it", "Yes"),
    ("No, I don't like it", "No"), ("Yes, love it", "Yes"), ("Yes, love you all", "Yes"),
]


@pytest.mark.parametrize("reply, expected", BLIND)
def test_blind_replies(reply, expected):
    reading = read_vote(reply, YES_NO, title=MERGER)
    got = YES_NO[reading.choice] if reading.choice is not None else ASKED
    assert got == expected, f"{reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"
