"""A meeting called for "tomorrow 18h" (or "demain à 18h", "Friday 6pm", "next Tuesday 18:00"),
over the real Dovecot + SMTP stack: the day counts from when the coordinator's mail arrived, in the
network's zone, not from when Convenor read it; what could name two days is refused, saying both,
in the coordinator's language."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import icalendar
from store import meetings as store_meetings

AMINA = "amina@example.org"
JEAN = "jean@example.org"  # French; made a coordinator where a test needs one
CORE = sorted([AMINA, JEAN, "li@example.org", "sofia@example.org"])


def make_jean_a_coordinator(net) -> None:
    from store import members as store_members
    store_members.update(net.db, store_members.get_by_email(net.db, JEAN)["id"], coordinator=True)


def invite_start(received):
    data = next(d for name, ctype, d in received.attachments if name == "invite.ics")
    return icalendar.Calendar.from_ical(data).walk("VEVENT")[0]["dtstart"].dt.astimezone(timezone.utc)


def test_tomorrow_counts_from_when_the_mail_arrived_not_from_when_it_was_read(network):
    net = network
    net.set_time(datetime(2027, 1, 5, 4, 50, tzinfo=timezone.utc))  # Monday 23:50 in Toronto
    net.send(AMINA, "[Meeting] Board", "When: tomorrow 18h\nAudience: core\n")
    net.advance(minutes=20)  # Convenor reads it on Tuesday at 00:10: "tomorrow" is still Tuesday
    net.step()
    out = net.new_messages()
    confirmation = out[0]
    assert confirmation.to == AMINA and "[Meeting 1] Announced" in confirmation.subject
    tuesday_six_pm = datetime(2027, 1, 5, 23, 0, tzinfo=timezone.utc)
    assert "Tuesday, January 5, 2027, 6:00 PM" in confirmation.text
    invitations = [m for m in out if m.attachments]
    assert sorted(m.to for m in invitations) == CORE
    assert all(invite_start(m) == tuesday_six_pm for m in invitations)


def test_a_french_coordinator_writes_demain_a_18h_and_moves_it_to_vendredi_by_reply(network):
    net = network
    make_jean_a_coordinator(net)
    net.send(JEAN, "[Réunion] Bureau", "Quand : demain à 18h\nPublic : core\n")  # Monday 09:00
    net.step()
    out = net.new_messages()
    confirmation = out[0]
    assert confirmation.to == JEAN and "[Réunion 1]" in confirmation.subject
    assert all(invite_start(m) == datetime(2027, 1, 5, 23, 0, tzinfo=timezone.utc) for m in out if m.attachments)
    net.advance(hours=2)
    net.reply(confirmation, "Quand : vendredi 18h30")
    net.step()
    out = net.new_messages()
    answer = next(m for m in out if m.to == JEAN and not m.attachments)
    assert "Modifiée" in answer.subject
    friday = datetime(2027, 1, 8, 23, 30, tzinfo=timezone.utc)
    assert store_meetings.get_meeting(net.db, 1)["starts_at"] == friday
    assert sorted(m.to for m in out if m.attachments) == CORE


def test_next_tuesday_said_on_a_monday_is_refused_naming_both_days_in_the_coordinators_language(network):
    net = network
    make_jean_a_coordinator(net)
    net.send(AMINA, "[Meeting] Board", "When: next Tuesday 18:00\nAudience: core\n")  # Monday 09:00
    net.send(JEAN, "[Réunion] Bureau", "Quand : mardi prochain 18h\nPublic : core\n")
    net.send(AMINA, "[Meeting] Board", "When: tomorrow\nAudience: core\n")
    net.step()
    out = net.new_messages()  # nothing reaches the members
    assert sorted(m.to for m in out) == [AMINA, AMINA, JEAN]
    english = [m.text for m in out if m.to == AMINA]
    assert any("line 1: When: “next tuesday” could be 2027-01-05 or 2027-01-12: write the date you mean" in t
               for t in english)
    assert any("line 1: When: “tomorrow” has no time: write it like 2027-02-10 18:00" in t for t in english)
    (french,) = [m.text for m in out if m.to == JEAN]
    assert "ligne 1 : Quand : « mardi prochain » peut désigner le 2027-01-05 ou le 2027-01-12 : " \
           "écrivez la date voulue" in " ".join(french.split())
    assert store_meetings.get_meeting(net.db, 1) is None


def test_an_announcement_sent_tomorrow_goes_at_nine_the_next_morning(network):
    net = network
    net.set_time(datetime(2027, 1, 5, 4, 50, tzinfo=timezone.utc))  # Monday 23:50 in Toronto
    net.send(AMINA, "[Announce] Spring gathering", "Audience: all\nSend: tomorrow\n\nWe meet in spring.")
    net.advance(minutes=20)
    net.step()
    (receipt,) = net.new_messages()
    assert receipt.to == AMINA and "Tuesday, January 5, 2027, 9:00 AM" in receipt.text
    net.set_time(datetime(2027, 1, 5, 13, 59, tzinfo=timezone.utc))
    net.step()
    assert net.new_messages() == []
    net.advance(minutes=2)
    net.step()
    assert len({m.to for m in net.new_messages() if m.subject == "Spring gathering"}) == 6  # every member


def test_the_command_line_reads_the_same_days_counting_from_now(network, monkeypatch, capsys):
    from convenor import cli
    net = network
    net.send(AMINA, "[Meeting] Board", "When: 2027-01-20 18:00\nAudience: core\n")
    net.step()
    net.new_messages()
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)  # Monday 09:00
    assert cli.main(["--config", str(net.config), "meetings", "move", "1", "--when", "Friday 18:00"]) == 0
    assert store_meetings.get_meeting(net.db, 1)["starts_at"] == datetime(2027, 1, 8, 23, 0, tzinfo=timezone.utc)
    assert cli.main(["--config", str(net.config), "meetings", "move", "1", "--when", "next Tuesday 18:00"]) == 2
    assert "--when: “next tuesday” could be 2027-01-05 or 2027-01-12" in capsys.readouterr().err
