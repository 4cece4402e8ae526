"""Issue 15, votes18: a sincere "of course, and …" and "whether … or not" were read as irony.

The votes17 review asked back "Yes, of course, and about time too", "Oui, bien sûr, et il était temps",
"… and welcome to the Hamilton folks", "Oui, bien sûr, et vive la fusion", "Sí, claro, y cuenten conmigo",
"Yes, whether we like it or not", "Sí, nos guste o no", "Yes! Great, another step forward". The ironies
beside them stay asked.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, check

SINCERE = [
    ("Yes, of course, and about time too", "Yes"), ("Oui, bien sûr, et il était temps !", "Yes"),
    ("Yes, of course, and it's long overdue", "Yes"), ("Yes, of course, and a big thank you to the board", "Yes"),
    # review18: a welcome or a cheer with more after it is asked back (it may welcome "our new overlords")
    ("Yes, of course, and welcome to Hamilton folks", ASKED), ("Oui, bien sûr, et vive la fusion !", ASKED),
    ("Sí, claro, y cuenten conmigo", "Yes"), ("Yes, sure, and count me in for the committee", "Yes"),
    ("Ja klar, und endlich!", "Yes"), ("Yes! Great, another step forward", "Yes"),
    ("Yes, whether we like it or not", "Yes"), ("Yes, whether it passes or not", "Yes"),
    ("Oui, que ça plaise ou non", "Yes"), ("Ja, ob es uns gefällt oder nicht", "Yes"), ("Sí, nos guste o no", "Yes"),
    ("No, nos guste o no", "No"),
    # still irony
    ("Yes, sure, and pigs will fly", ASKED), ("Yes. Not.", ASKED), ("Oh yes, brilliant idea. Not.", ASKED),
    ("Yes, of course, and I'm the Pope", ASKED), ("Sí, claro, y yo soy el Papa", ASKED),
    ("Yes. Great, another merger.", ASKED), ("Yes, or not", ASKED),
]


@pytest.mark.parametrize("reply, expected", SINCERE)
def test_a_sincere_of_course_and_whether_or_not(reply, expected):
    check(reply, expected)
