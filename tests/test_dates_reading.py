"""The one reader of dates, clock times and durations (workflows/reading/dates.py, durations.py):
times as people write them, DST gaps and folds refused, ambiguous numeric dates refused unless
`network.date_order` says, durations that mean what they say."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from workflows.reading.dates import parse_moments, read_clock, read_when
from workflows.reading.durations import duration_minutes, read_duration
from workflows.reading.setting_lines import HeaderError

NOW = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)  # Monday 09:00 in Toronto
ZONE = "America/Toronto"


def when(value, date_order=None):
    return read_when(value, now=NOW, timezone=ZONE, default_time="17:00", what="Closes",
                     date_order=date_order).isoformat()


@pytest.mark.parametrize("value, expected", [
    ("17h", "2027-01-04T17:00:00-05:00"),          # a time today, not "in 17 hours"
    ("17h30", "2027-01-04T17:30:00-05:00"),
    ("17 h 30", "2027-01-04T17:30:00-05:00"),
    ("17 heures", "2027-01-04T17:00:00-05:00"),
    ("5pm", "2027-01-04T17:00:00-05:00"),
    ("5:30 pm", "2027-01-04T17:30:00-05:00"),
    ("5 p.m.", "2027-01-04T17:00:00-05:00"),
    ("12 pm", "2027-01-04T12:00:00-05:00"),
    ("tomorrow 9am", "2027-01-05T09:00:00-05:00"),
    ("2027-01-15 5:30 pm", "2027-01-15T17:30:00-05:00"),
    ("January 15, 2027 at 6pm", "2027-01-15T18:00:00-05:00"),
    ("15 janvier 2027 à 17h30", "2027-01-15T17:30:00-05:00"),
    ("13/04/2027", "2027-04-13T17:00:00-04:00"),   # only one reading: 13 April
    ("04/13/2027", "2027-04-13T17:00:00-04:00"),
    ("04/04/2027", "2027-04-04T17:00:00-04:00"),   # both readings agree
    ("in 17 hours", "2027-01-05T07:00:00+00:00"),
    ("dans 2 heures", "2027-01-04T16:00:00+00:00"),
    ("in 1h30", "2027-01-04T15:30:00+00:00"),
    ("48h", "2027-01-06T14:00:00+00:00"),          # no time of day has 48 hours
])
def test_times_and_delays_are_told_apart(value, expected):
    assert when(value) == expected


def test_a_numeric_date_whose_day_and_month_could_swap_needs_the_networks_date_order():
    with pytest.raises(HeaderError, match=r"03/04/2027 could be 3 April 2027 or March 4, 2027.*date_order"):
        when("03/04/2027")
    assert when("03/04/2027", "dmy") == "2027-04-03T17:00:00-04:00"
    assert when("03/04/2027", "mdy") == "2027-03-04T17:00:00-05:00"
    with pytest.raises(HeaderError, match="could be"):
        when("03/04/2027", "ymd")                  # year-first says nothing about this form
    assert when("2027/03/04", "ymd") == "2027-03-04T17:00:00-05:00"
    assert when("2027-03-04") == "2027-03-04T17:00:00-05:00"  # ISO is always year-month-day


@pytest.mark.parametrize("value, says", [
    ("2027-03-14 02:30", "does not exist in America/Toronto"),   # spring forward: 02:00 → 03:00
    ("2027-11-07 01:30", "happens twice in America/Toronto"),    # fall back: 01:00–02:00 twice
    ("14/03/2027 2h30", "does not exist"),
    ("25:00", "not a time of day"),
    ("13pm", "not a time of day"),
    ("8am", "already past"),
    ("next-ish week", "not a date I can read"),
])
def test_what_cannot_be_read_is_refused_with_the_reason(value, says):
    with pytest.raises(HeaderError, match=says) as refused:
        when(value)
    assert f'"Closes: {value}"' in str(refused.value)


def test_meeting_dates_and_candidates_read_every_form_and_refuse_gaps_folds_and_ambiguity():
    got = parse_moments("2027-02-09 18h; 16/02/2027 6:30 pm, 2027-02-23 18:00", ZONE, need_time=True)
    assert [m.isoformat() for m in got] == ["2027-02-09T23:00:00+00:00", "2027-02-16T23:30:00+00:00",
                                           "2027-02-23T23:00:00+00:00"]
    assert parse_moments("03/04/2027 18h", ZONE, need_time=True, date_order="dmy")[0].isoformat() \
        == "2027-04-03T22:00:00+00:00"
    for value, says in [("2027-03-14 02:30", "does not exist"), ("2027-11-07 1:30 am", "happens twice"),
                        ("03/04/2027 18h", "could be 3 April 2027 or March 4, 2027"),
                        ("2027-02-10", "has no time"), ("2027-02-30 10:00", "not a real date"),
                        ("soon", "no date found")]:
        with pytest.raises(HeaderError, match=says):
            parse_moments(value, ZONE, need_time=True)


def test_clock_times_alone():
    assert [str(read_clock(v)) for v in ("17h", "17h30", "5pm", "5:30 pm", "17:00", "12am")] == \
        ["17:00:00", "17:30:00", "17:00:00", "17:30:00", "17:00:00", "00:00:00"]
    assert read_clock("tomorrow") is None


@pytest.mark.parametrize("value, minutes", [
    ("90", 90), ("90 min", 90), ("90 minutes", 90), ("1h30", 90), ("1 h 30", 90), ("1h30min", 90),
    ("1.5 hours", 90), ("1,5 heure", 90), ("2 heures", 120), ("2h", 120), ("1:30", 90),
    ("1 hour 30 minutes", 90), ("1 heure et 15", 75), ("45mn", 45),
])
def test_durations(value, minutes):
    assert duration_minutes(value) == minutes == read_duration(value)


@pytest.mark.parametrize("value, says", [("soon", "not a duration"), ("0", "between"), ("25 hours", "between"),
                                         ("1h75", "not a duration")])
def test_a_duration_that_cannot_be_read_is_refused(value, says):
    with pytest.raises(HeaderError, match=says):
        read_duration(value)


def test_a_place_written_after_each_date_is_kept_whatever_the_date_form():
    from workflows.meetings.poll_setup import places_with_dates
    got = places_with_dates("2027-02-09 18h à la Bibliothèque; 16/02/2027 6:30 pm at Hall B", ZONE)
    assert [(m.isoformat(), p) for m, p in got.items()] == [
        ("2027-02-09T23:00:00+00:00", "la Bibliothèque"), ("2027-02-16T23:30:00+00:00", "Hall B")]


# --- a day named from when the mail arrived, with a time: [Meeting] When:, [Announce] Send: -------------

def moments(value, need_time=True, now=NOW):
    from workflows.reading.dates import read_moments
    return [m.astimezone(__import__("zoneinfo").ZoneInfo(ZONE)).isoformat()
            for m in read_moments(value, ZONE, now=now, need_time=need_time)]


@pytest.mark.parametrize("value, expected", [  # written on Monday 2027-01-04, 09:00 in Toronto
    ("tomorrow 18h", "2027-01-05T18:00:00-05:00"),
    ("tomorrow at 6pm", "2027-01-05T18:00:00-05:00"),
    ("Tomorrow, 6:30 pm", "2027-01-05T18:30:00-05:00"),
    ("demain 18h", "2027-01-05T18:00:00-05:00"),
    ("demain à 18h30", "2027-01-05T18:30:00-05:00"),
    ("18h demain", "2027-01-05T18:00:00-05:00"),
    ("6pm tomorrow", "2027-01-05T18:00:00-05:00"),
    ("today 18h", "2027-01-04T18:00:00-05:00"),
    ("aujourd'hui 18h", "2027-01-04T18:00:00-05:00"),
    ("après-demain 9h", "2027-01-06T09:00:00-05:00"),
    ("the day after tomorrow 10am", "2027-01-06T10:00:00-05:00"),
    ("Tuesday 18:00", "2027-01-05T18:00:00-05:00"),       # the first Tuesday after today
    ("this Friday at 6 pm", "2027-01-08T18:00:00-05:00"),
    ("vendredi 18h", "2027-01-08T18:00:00-05:00"),
    ("in 3 days 10:00", "2027-01-07T10:00:00-05:00"),
    ("dans 2 semaines 18h", "2027-01-18T18:00:00-05:00"),
    ("in 2 hours", "2027-01-04T11:00:00-05:00"),
    ("2027-01-20 10:00", "2027-01-20T10:00:00-05:00"),      # what parse_moments reads stays as it was
])
def test_a_day_named_from_now_with_a_time_is_read(value, expected):
    assert moments(value) == [expected]


def test_next_weekday_is_read_when_every_reading_agrees():
    wednesday = datetime(2027, 1, 6, 14, 0, tzinfo=timezone.utc)
    assert moments("next Tuesday 18:00", now=wednesday) == ["2027-01-12T18:00:00-05:00"]
    assert moments("mardi prochain 18h", now=wednesday) == ["2027-01-12T18:00:00-05:00"]


@pytest.mark.parametrize("value, said", [
    ("next Tuesday 18:00", "“next tuesday” could be 2027-01-05 or 2027-01-12: write the date you mean"),
    ("mardi prochain 18h", "“mardi prochain” could be 2027-01-05 or 2027-01-12: write the date you mean"),
    ("Monday 18h", "“monday” could be 2027-01-04 or 2027-01-11: write the date you mean"),  # said on a Monday
    ("next Sunday 14h", "“next sunday” could be 2027-01-10 or 2027-01-17: write the date you mean"),
    ("tomorrow", "“tomorrow” has no time: write it like 2027-02-10 18:00"),
    ("demain", "“demain” has no time: write it like 2027-02-10 18:00"),
    ("tomorrow 25h", "25h is not a time of day"),
    ("someday 18h", "no date found in “someday 18h”: write it like 2027-02-10 18:00"),
    ("Funday 18h", "no date found in “Funday 18h”: write it like 2027-02-10 18:00"),
])
def test_what_stays_ambiguous_or_unread_is_refused_saying_why(value, said):
    with pytest.raises(HeaderError) as refused:
        moments(value)
    assert str(refused.value) == said


def test_next_weekday_said_on_a_sunday_could_be_two_days():
    sunday = datetime(2027, 1, 10, 14, 0, tzinfo=timezone.utc)  # a week starts on Sunday for some
    with pytest.raises(HeaderError, match="2027-01-12 or 2027-01-19"):
        moments("next Tuesday 18:00", now=sunday)


def test_a_day_named_from_now_keeps_to_the_network_s_zone_and_its_clock_changes():
    late = datetime(2027, 1, 5, 4, 50, tzinfo=timezone.utc)  # Monday 23:50 in Toronto, Tuesday in UTC
    assert moments("tomorrow 18h", now=late) == ["2027-01-05T18:00:00-05:00"]  # Tuesday, Toronto's tomorrow
    before_spring = datetime(2027, 3, 13, 15, 0, tzinfo=timezone.utc)  # Saturday before the clocks go forward
    with pytest.raises(HeaderError, match="does not exist in America/Toronto"):
        moments("tomorrow 2:30", now=before_spring)
    assert moments("tomorrow", need_time=False, now=late) == ["2027-01-05T09:00:00-05:00"]  # Send: takes 09:00
