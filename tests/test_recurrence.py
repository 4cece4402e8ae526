"""Series rules in words → local meeting times, across DST changes and short months."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from workflows.meetings.recurrence import RuleError, candidates_around, occurrences, parse_rule
from workflows.reading.setting_lines import clock_time as local_time


def test_every_two_months_second_tuesday_keeps_18h_local_across_dst():
    rule = parse_rule("every 2 months on the second Tuesday")
    got = occurrences(rule, local_time("18:00"), "America/Toronto", datetime(2027, 1, 1, tzinfo=timezone.utc), 6)
    assert [d.date().isoformat() for d in got] == ["2027-01-12", "2027-03-09", "2027-05-11", "2027-07-13",
                                                   "2027-09-14", "2027-11-09"]
    assert {(d.hour, d.minute) for d in got} == {(18, 0)}
    utc_hours = [d.astimezone(timezone.utc).hour for d in got]
    assert utc_hours == [23, 23, 22, 22, 22, 23]  # EST, EST, EDT…, EST after Nov 7


def test_monthly_first_thursday_and_french_and_last_friday():
    assert parse_rule("monthly, first Thursday") == parse_rule("tous les mois, premier jeudi")
    last = parse_rule("every month on the last Friday")
    got = occurrences(last, local_time("12:00"), "America/Toronto", datetime(2027, 2, 1, tzinfo=timezone.utc), 2)
    assert [d.date().isoformat() for d in got] == ["2027-02-26", "2027-03-26"]


def test_start_month_shifts_the_cycle_and_a_fifth_weekday_skips_short_months():
    rule = parse_rule("every 2 months on the second Tuesday")
    got = occurrences(rule, local_time("18:00"), "America/Toronto", datetime(2027, 1, 1, tzinfo=timezone.utc), 2,
                      start_month="2027-02")
    assert [d.month for d in got] == [2, 4]
    fifth = parse_rule("monthly, fifth Monday")
    got = occurrences(fifth, local_time("18:00"), "UTC", datetime(2027, 1, 1, tzinfo=timezone.utc), 3)
    assert all(d.day > 28 for d in got)


def test_unreadable_rule_says_what_is_expected():
    with pytest.raises(RuleError, match="every 2 months on the second Tuesday"):
        parse_rule("whenever we feel like it")


def test_candidates_are_the_usual_weekday_around_the_target_at_the_same_local_time():
    target = occurrences(parse_rule("monthly, second Tuesday"), local_time("18:00"), "America/Toronto",
                         datetime(2027, 3, 1, tzinfo=timezone.utc), 1)[0]  # March 9, DST starts March 14
    got = candidates_around(target, 4)
    assert [d.day for d in got] == [2, 9, 16, 23] and {d.hour for d in got} == {18}
    assert got[-1].astimezone(timezone.utc).hour == 22  # after the change, still 18:00 local
