"""The header lines a coordinator writes at the top of a draft, read leniently in English and French."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from workflows.drafts.request import HeaderError, read_audience, read_deadline, read_headers

NOW = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)  # Monday 09:00 in Toronto
ZONE = "America/Toronto"


def deadline(value):
    return read_deadline(value, now=NOW, timezone=ZONE, deadline_time="17:00").isoformat()


@pytest.mark.parametrize("value, expected", [
    ("2027-01-15", "2027-01-15T17:00:00-05:00"),
    ("2027-01-15 12:30", "2027-01-15T12:30:00-05:00"),
    ("in 10 days", "2027-01-14T17:00:00-05:00"),
    ("In 2 weeks", "2027-01-18T17:00:00-05:00"),
    ("dans 3 jours", "2027-01-07T17:00:00-05:00"),
    ("15/01/2027", "2027-01-15T17:00:00-05:00"),
    ("January 15, 2027", "2027-01-15T17:00:00-05:00"),
    ("vendredi 15 janvier 2027 à 12h", "2027-01-15T12:00:00-05:00"),
    ("tomorrow", "2027-01-05T17:00:00-05:00"),
    ("2027-07-15", "2027-07-15T17:00:00-04:00"),  # summer time in the network's zone
])
def test_deadlines_are_read_in_the_networks_zone_at_the_deadline_time(value, expected):
    assert deadline(value) == expected


@pytest.mark.parametrize("value, says", [
    ("next-ish week", "not a date I can read"),
    ("2027-02-30", "not a date I can read"),
    ("2026-12-01", "already past"),
    ("2027-01-15 25:00", "not a time of day"),
])
def test_an_unreadable_or_past_deadline_is_explained(value, says):
    with pytest.raises(HeaderError, match=says):
        deadline(value)


def test_audiences_in_both_languages():
    assert read_audience("core") == ("core", None)
    assert read_audience("Tous") == ("all", None)
    assert read_audience("associés") == ("associates", None)
    assert read_audience("subcommittee Awareness") == ("subcommittee", "Awareness")
    assert read_audience("Sous-comité Formation Continue") == ("subcommittee", "Formation Continue")
    with pytest.raises(HeaderError, match="subcommittee NAME"):
        read_audience("the usual people")


def test_header_lines_stop_at_the_introduction_and_errors_are_collected():
    h = read_headers("AUDIENCE: all\nÉchéance : dans 10 jours\n\nBonjour à toutes et tous,\nDeadline: ignored here",
                     now=NOW, timezone=ZONE, deadline_time="17:00")
    assert h.audience == ("all", None) and h.deadline.day == 14 and not h.errors
    assert h.rest == "Bonjour à toutes et tous,\nDeadline: ignored here"
    h = read_headers("Date limite: bientôt\nAudience: everyone\nHello", now=NOW, timezone=ZONE, deadline_time="17:00")
    assert h.audience == ("all", None) and h.deadline is None and len(h.errors) == 1
    h = read_headers("Version 2\n\nFixed page 2.", now=NOW, timezone=ZONE, deadline_time="17:00")
    assert h.version == 2 and h.rest == "Fixed page 2."
    assert read_headers("withdraw.", now=NOW, timezone=ZONE, deadline_time="17:00").withdraw
    assert read_headers("RETIRER", now=NOW, timezone=ZONE, deadline_time="17:00").withdraw
    note = read_headers("Note: the cover is new.", now=NOW, timezone=ZONE, deadline_time="17:00")
    assert note.rest == "Note: the cover is new." and not note.errors
