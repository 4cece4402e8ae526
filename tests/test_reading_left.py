"""Votes read as a careful person reads them, for the misreads left after batch 9 (#15), each with
the look-alikes that must not change:

- Spanish "se ha abierto …" (has been opened) after an answer is no condition: "se" before a
  Spanish past participle is not Italian or Portuguese "if" ("Sì, se ha tempo" stays a condition).
"""
from __future__ import annotations

import pytest

from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No"]


@pytest.mark.parametrize("text, choice", [
    ("Sí. Se ha abierto una incidencia con el ayuntamiento, número 4521, y la seguimos.", 0),
    ("Sí, se han aprobado los fondos del año pasado.", 0),
    ("No. Se ha hecho todo lo posible.", 1),
    ("Sì, se ha aperto il ticket.", None),
    ("Sì, se hanno deciso così.", None),
    ("Sim, se ha tempo.", None),
])
def test_spanish_se_ha_is_no_condition_but_italian_and_portuguese_se_is(text, choice):
    assert read_vote(text, YES_NO, text).choice == choice
