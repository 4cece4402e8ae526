"""Issue 15, votes17: a yes put off, held to a part, another version, course or amount, in the members'
languages; "why not" after a no without its question mark; irony and attendance the round missed.

The review of the votes16 round (/work/notes/review_votes16.md, section 3) found "Sí, pero no ahora",
"Sim, mas não agora", "Tak, ale nie teraz", "Yes, but only next year", "Yes, except section 4", "Yes,
to €35", "Yes, to merging with Toronto instead", "Non, pourquoi pas", "Yes 🤡", "Ja, en ik ben de
paus" and "Sim, vou" counted. Each is asked now; the plain answers beside them stay counted.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import MERGER, FEE, TERMS, ASKED, check


HELD_BACK = [
    ("Sí, pero no ahora", ASKED, MERGER), ("Sim, mas não agora", ASKED, MERGER), ("Tak, ale nie teraz", ASKED, MERGER),
    ("Tak, ale jeszcze nie", ASKED, MERGER), ("Yes, but only next year", ASKED, MERGER),
    ("Ja, aber erst nächstes Jahr", ASKED, MERGER), ("Sí, el año que viene", ASKED, MERGER),
    ("Tak, w przyszłym roku", ASKED, MERGER), ("Yes, to the merger — but in 2028", ASKED, MERGER),
    ("Yes, except section 4", ASKED, TERMS), ("Yes, apart from the bit about quorum", ASKED, TERMS),
    ("Oui, sauf l'article 4", ASKED, TERMS), ("Ja, außer Abschnitt 4", ASKED, TERMS), ("Yes, to part one", ASKED, TERMS),
    ("Yes, to Paul's terms", ASKED, TERMS), ("Yes, to the idea, not the plan", ASKED, MERGER),
    ("Yes, to merging with Toronto instead", ASKED, MERGER), ("Yes, to €35", ASKED, FEE),
    ("Yes, to the fee of €25", ASKED, FEE), ("Yes, to raising it to €25", ASKED, FEE),
    ("Yes, to a smaller increase", ASKED, FEE), ("Sí, pero 25 euros", ASKED, FEE),
    # still counted
    ("Sí, ahora", "Yes", MERGER), ("Yes, raise it to €30", "Yes", FEE), ("Yes, €25 would have been a mistake", "Yes", FEE),
    ("Yes, staying at €20 is a disaster", "Yes", FEE), ("Yes, although section 4 is a bit vague", "Yes", TERMS),
    ("Yes — clause 5 was never right before", "Yes", TERMS), ("Yes, now rather than later", "Yes", MERGER),
    ("Tak, teraz", "Yes", MERGER), ("Sim, agora", "Yes", MERGER), ("Yes, to the revised terms", "Yes", TERMS),
]


@pytest.mark.parametrize("reply, expected, title", HELD_BACK)
def test_a_yes_held_back(reply, expected, title):
    check(reply, expected, title)


OTHERS = [
    ("Non, pourquoi pas", ASKED), ("Nein, warum nicht", ASKED), ("No, why not", ASKED), ("Yes 🤡", ASKED),
    ("Ja, en ik ben de paus", ASKED), ("Tak, jak mi kaktus na dłoni wyrośnie", ASKED), ("Sim, vou", ASKED),
    ("Sí, voy", ASKED),
    ("Sure, merge with Hamilton, why not give them our bank account too", ASKED),
    ("Brilliant. Another merger. Yes, I'm thrilled.", ASKED), ("Yes. Seriously?", ASKED), ("Yes. Really? Merging?", ASKED),
    ("Yes, why not give it a try", "Yes"), ("Sure, why not", "Yes"), ("Yes, really!", "Yes"),
    ("Sim, vou votar sim", "Yes"), ("Non, merci", "No"), ("Nein, danke", "No"), ("Yes 😊", "Yes"),
    ("Ja, en ik ben blij", "Yes"),
]


@pytest.mark.parametrize("reply, expected", OTHERS)
def test_why_not_irony_and_attendance(reply, expected):
    check(reply, expected)
