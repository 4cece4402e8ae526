"""Dates, times and durations written by coordinators, over the real Dovecot + SMTP stack: what
each person receives when a line says `Closes: 17h`, names a time the clocks skip, or writes a date
whose day and month could swap."""
from __future__ import annotations

from datetime import datetime, timezone

import icalendar

from store import timers
from tests.fixtures_convenor import Network

AMINA = "amina@example.org"
CORE = ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]


def invite_start_and_end(received):
    data = next(d for name, ctype, d in received.attachments if name == "invite.ics")
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    return event["dtstart"].dt, event["dtend"].dt


def test_a_vote_that_closes_at_17h_closes_at_five_pm_in_the_networks_zone(network):
    net = network  # Monday 2027-01-04, 09:00 in Toronto
    net.send(AMINA, "[Vote] Adopt the budget", "Closes: 17h\n\nThat the network adopts the 2027 budget.\n")
    net.step()
    out = net.new_messages()
    li = next(m for m in out if m.to == "li@example.org")
    assert "Monday, January 4, 2027, 5:00 PM" in li.text  # today 17:00, not "in 17 hours"
    close = datetime(2027, 1, 4, 22, 0, tzinfo=timezone.utc)
    assert timers.next_due(net.db) <= close
    net.reply(li, "YES")
    net.set_time(close)
    net.step()
    results = [m for m in net.new_messages() if "Adopt the budget" in m.subject]
    assert {m.to for m in results} >= set(CORE)
    assert net.db.execute("SELECT closes_at, state, closed_how FROM votes").fetchone() == \
        ("2027-01-04 22:00:00", "closed", "deadline")


def test_a_meeting_at_a_time_the_clocks_skip_or_repeat_is_refused_naming_the_line(network):
    net = network
    net.send(AMINA, "[Meeting] Spring planning", "Audience: core\nWhen: 2027-03-14 02:30\nWhere: Hall A\n")
    net.step()
    (answer,) = net.new_messages()  # nothing reaches the members
    assert answer.to == AMINA and answer.subject.startswith("Not done")
    assert "line 2: When: 2027-03-14 02:30 does not exist in America/Toronto" in answer.text
    net.send(AMINA, "[Meeting] Autumn planning",
             "Candidates: 2027-11-07 1:30 am; 2027-11-14 18:00\nAudience: core\n")
    net.step()
    (answer,) = net.new_messages()
    assert answer.to == AMINA and "line 1: Candidates: 2027-11-07 1:30 am happens twice" in answer.text


def test_a_date_whose_day_and_month_could_swap_is_refused_without_date_order(network):
    plain = network
    if True:
        plain.send(AMINA, "[Meeting] Board", "When: 03/04/2027 18h\nDuration: 1h30\nAudience: core\n")
        plain.step()
        (answer,) = plain.new_messages()
        assert answer.to == AMINA
        assert "line 1: When: 03/04/2027 could be 3 April 2027 or March 4, 2027" in answer.text
        assert "network.date_order" in answer.text
        plain.send(AMINA, "[Vote] Budget", "Closes: 03/04/2027\n\nThat the network adopts the budget.\n")
        plain.step()
        (answer,) = plain.new_messages()
        assert answer.to == AMINA and '"Closes: 03/04/2027": 03/04/2027 could be' in answer.text


def test_a_date_whose_day_and_month_could_swap_is_read_with_date_order(mail_stack, tmp_path):
    dmy = Network(tmp_path, stack=mail_stack, network_settings='date_order = "dmy"\n')
    try:
        dmy.send(AMINA, "[Meeting] Board", "When: 03/04/2027 18h\nDuration: 1h30\nAudience: core\n")
        dmy.step()
        out = dmy.new_messages()
        start, end = invite_start_and_end(next(m for m in out if m.to == "li@example.org"))
        assert (start.month, start.day, start.hour, start.minute) == (4, 3, 18, 0)  # 3 April, 18:00
        assert (end - start).total_seconds() == 90 * 60                               # 1h30, not 130 min
    finally:
        dmy.close()
