"""Votes read as a careful person reads them, for the misreads left after batch 9 (#15), each with
the look-alikes that must not change:

- An option named and then refused ("No honorarium, no", "Sin honorarios, no", "Postpone. No.",
  "No to no honorarium") is asked back, never read as that option: a refusal names no choice
  (refusing one of two options is not choosing the other). On a ballot with a No option the "no"
  is the ballot's own answer: "No, no" stays No.
- A decimal number ("12.5") is a date written day.month only when no option is its month.day
  reading ("5.12" is 12 May in China and Japan): with 12 May and 5 December both options it is
  asked back; "19.6", "18.30" (a time) and "3.7." as before.
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


FEES = ["Honorarium of $200", "No honorarium", "Postpone"]


def _chosen(text, options):
    reading = read_vote(text, options, text)
    return None if reading.choice is None else options[reading.choice]


@pytest.mark.parametrize("text, want", [
    ("No honorarium, no", None), ("Sin honorarios, no", None), ("No honorarium. No.", None),
    ("No honorarium, no way", None), ("No to no honorarium", None), ("Postpone. No.", None),
    # look-alikes: the option chosen, with a comment that is no refusal
    ("No honorarium", "No honorarium"), ("Sin honorarios", "No honorarium"), ("No honorarium, please", "No honorarium"),
    ("Postpone, no rush", "Postpone"), ("Postpone, no doubt", "Postpone"),
    ("Honorarium of $200, definitely", "Honorarium of $200"),
])
def test_an_option_named_then_refused_is_asked_back(text, want):
    assert _chosen(text, FEES) == want


def test_a_refusal_reason_says_so_and_a_doubled_no_stays_no():
    assert "rules 'No honorarium' out" in read_vote("Sin honorarios, no", FEES).reason
    assert _chosen("No, no", YES_NO) == "No" and _chosen("No, no, no!", YES_NO) == "No"
    assert _chosen("Yes, yes", YES_NO) == "Yes"


MAY = ["Tuesday 12 May", "Thursday 14 May"]
MAY_DEC = ["Tuesday 12 May", "Friday 5 December"]
JUNE = ["Friday 19 June", "Saturday 20 June"]
TIMES = ["Tuesday 12 May, 18:30", "Tuesday 12 May, 12:05"]


@pytest.mark.parametrize("text, options, want", [
    ("12.5", MAY_DEC, None), ("5.12", MAY_DEC, None), ("12.5.", MAY_DEC, None),
    # look-alikes: day.month the only reading the options leave; a time with a dot
    ("12.5", MAY, "Tuesday 12 May"), ("12.5.", MAY, "Tuesday 12 May"), ("19.6", JUNE, "Friday 19 June"),
    ("18.30", TIMES, "Tuesday 12 May, 18:30"), ("12.05", TIMES, "Tuesday 12 May, 12:05"),
    ("12 May", MAY_DEC, "Tuesday 12 May"),
])
def test_a_decimal_number_is_a_date_only_when_day_month_is_its_one_reading(text, options, want):
    assert _chosen(text, options) == want
