"""The date poll story by email: replies in English and French, a changed reply, a "none", a
reminder to non-responders only, the tie rule, an override by CHOOSE, and the invitations'
UID/SEQUENCE/METHOD across the update and a cancellation."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import icalendar

from store import timers
from workflows.meetings import polls

ONE_OFF = "[Meeting] Planning day"
CANDIDATES = "Candidates: 2027-02-09 18:00; 2027-02-11 18:00; 2027-02-16 18:00\nWhere: 519 Church Street\n" \
             "Call: https://meet.example.org/network\nAudience: core\n"


def invite(received):
    data = next(d for name, ctype, d in received.attachments if name == "invite.ics")
    cal = icalendar.Calendar.from_ical(data)
    event = cal.walk("VEVENT")[0]
    return str(cal["method"]), str(event["uid"]), int(event["sequence"]), event["dtstart"].dt


def run_to_next_timer(net):
    net.set_time(max(timers.next_due(net.db), net.now))
    net.step()


def is_poll(m) -> bool:
    """A date poll: it carries its meeting's number ("[Meeting 1] When can you come to …?")."""
    return m.subject.startswith(("[Meeting ", "[Réunion ")) and ("can you come" in m.subject or "pouvez-vous venir" in m.subject)


def poll_story(net):
    net.send("amina@example.org", ONE_OFF, CANDIDATES)
    net.step()
    first = net.new_messages()
    core = ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]
    polls_sent = {m.to: m for m in first if is_poll(m)}
    assert sorted(polls_sent) == core  # associates are not in a core meeting's audience
    assert "1. " in polls_sent["li@example.org"].text and "EST, America/Toronto" in polls_sent["li@example.org"].text
    assert "mardi 9 février 2027" in polls_sent["jean@example.org"].text  # French, network zone
    net.reply(polls_sent["li@example.org"], "1, 3")
    net.reply(polls_sent["jean@example.org"], "1 et 3 mais pas 2")
    net.step()
    receipts = net.new_messages()
    assert "recorded" in net.only_message_to("li@example.org", receipts).subject
    assert "enregistrées" in net.only_message_to("jean@example.org", receipts).subject
    net.reply(polls_sent["li@example.org"], "Actually only 2")   # a later reply replaces the first
    net.reply(polls_sent["sofia@example.org"], "none")
    net.step()
    net.new_messages()
    return polls_sent


def test_poll_replies_reminder_tie_and_choose_override(maildir_network):
    net = maildir_network
    polls_sent = poll_story(net)
    run_to_next_timer(net)  # the reminder, two days before the close
    reminded = net.new_messages()
    assert [m.to for m in reminded] == ["amina@example.org"]  # the only one who has not answered
    run_to_next_timer(net)  # the close
    closing = net.new_messages()
    # 1: Jean (core) · 2: Li (core) · 3: Jean → 1 and 3 tie on one core member each, the earliest wins
    announced = [m for m in closing if m.subject.startswith(("[Meeting 1]", "[Réunion 1]")) and m.attachments]
    assert sorted(m.to for m in announced) == sorted(polls_sent)
    method, uid, sequence, start = invite(net.only_message_to("li@example.org", announced))
    assert (method, sequence) == ("REQUEST", 0)
    assert start.astimezone(timezone.utc) == datetime(2027, 2, 9, 23, 0, tzinfo=timezone.utc)
    grid = next(m for m in closing if m.subject.startswith("[Meeting 1] Result") and m.to == "amina@example.org")
    assert "Li Wei: . x ." in grid.text and "Sofia Martins: . . ." in grid.text and "Amina Diallo: no answer" in grid.text
    net.reply(grid, "CHOOSE 3")
    net.step()
    update = net.new_messages()
    li_update = next(m for m in update if m.to == "li@example.org")
    method2, uid2, sequence2, start2 = invite(li_update)
    assert (method2, uid2, sequence2) == ("REQUEST", uid, 1)
    assert start2.astimezone(timezone.utc) == datetime(2027, 2, 16, 23, 0, tzinfo=timezone.utc)
    assert any("Date 3 chosen" in m.subject for m in net.messages_to("amina@example.org", update))
    meeting_id = net.db.execute("SELECT id FROM meetings").fetchone()[0]
    from store.db import transaction
    from workflows.meetings import series as meetings
    from workflows.routing.context import Context
    with transaction(net.db):
        meetings.cancel(Context(net.db, net.daemon.rules, net.now), meeting_id)
    net.step()
    cancel = net.only_message_to("li@example.org", net.new_messages())
    assert invite(cancel)[:3] == ("CANCEL", uid, 2)


def test_a_calendar_rsvp_is_attendance_and_other_replies_are_agenda(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Meeting] Training day",
             "When: 2027-02-20 10:00\nWhere: Hall\nAudience: subcommittee Training\n")
    net.step()
    announce = net.only_message_to("li@example.org", net.new_messages())
    net.reply(announce, "I accept", headers={}, quote=False)
    net.step()
    assert "Agenda item received" in net.only_message_to("li@example.org", net.new_messages()).subject
    msg = net.compose("li@example.org", "Accepted: Training day", "Li has accepted.", to=announce.reply_to)
    msg["In-Reply-To"] = announce.message_id
    net.deliver(msg)
    net.step()
    assert net.new_messages() == []
    assert net.db.execute("SELECT partstat FROM attendance").fetchone()[0] == "ACCEPTED"


def test_tie_goes_to_most_core_members_then_earliest():
    t = [datetime(2027, 3, d, tzinfo=timezone.utc) for d in (2, 9, 16)]
    rows = [{"number": 1, "start": t[0], "count": 2, "core": 1},
            {"number": 2, "start": t[1], "count": 2, "core": 2},
            {"number": 3, "start": t[2], "count": 1, "core": 1}]
    assert polls.winner(rows) == 2
    rows[0]["core"] = 2
    assert polls.winner(rows) == 1


def test_poll_story_over_imap(network):
    """The same story through the real Dovecot + SMTP stack."""
    polls_sent = poll_story(network)
    run_to_next_timer(network)
    assert [m.to for m in network.new_messages()] == ["amina@example.org"]
    run_to_next_timer(network)
    closing = network.new_messages()
    assert sum(1 for m in closing if m.subject.startswith(("[Meeting", "[Réunion")) and m.attachments) == len(polls_sent)


def test_cli_lists_moves_and_cancels_with_updates(maildir_network, capsys):
    from convenor import cli
    net = maildir_network
    net.send("amina@example.org", "[Meeting] Board", "When: 2027-03-20 10:00\nAudience: core\n")
    net.step()
    uid = invite(net.only_message_to("li@example.org", net.new_messages()))[1]
    config = ["--config", str(net.config)]
    net.close()
    assert cli.main(config + ["meetings", "list", "--all"]) == 0
    assert "Meeting 1: Board" in capsys.readouterr().out
    assert cli.main(config + ["meetings", "move", "1", "--when", "2027-03-27 10:00", "--where", "Hall B"]) == 0
    assert cli.main(config + ["meetings", "move", "1", "--when", "tomorrow"]) == 2
    net.step()
    method, uid2, sequence, start = invite(net.only_message_to("li@example.org", net.new_messages()))
    assert (method, uid2, sequence, start.day, start.hour) == ("REQUEST", uid, 1, 27, 10)
    net.close()
    assert cli.main(config + ["meetings", "cancel", "Meeting 1"]) == 0
    net.step()
    assert invite(net.only_message_to("li@example.org", net.new_messages()))[:3] == ("CANCEL", uid, 2)


def test_a_poll_closes_before_its_earliest_candidate_and_too_soon_a_candidate_is_refused(maildir_network):
    net = maildir_network  # now: Monday 2027-01-04, 09:00 in Toronto; polls stay open 7 days
    net.send("amina@example.org", ONE_OFF, "Candidates: 2027-01-08 18:00; 2027-01-20 18:00\nAudience: core\n")
    net.step()
    first = net.new_messages()
    assert len([m for m in first if is_poll(m)]) == 4
    poll = net.db.execute("SELECT closes_at FROM polls").fetchone()[0]
    assert poll == "2027-01-07 14:00:00"  # the day before the 8th at 09:00, not the 11th
    net.send("amina@example.org", ONE_OFF, "Candidates: 2027-01-04 18:00; 2027-01-20 18:00\nAudience: core\n")
    net.step()
    (answer,) = net.new_messages()
    assert answer.to == "amina@example.org" and "too soon" in answer.text


def test_agenda_items_reach_the_coordinators_digest_and_the_reminder(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Meeting] Planning day",
             "When: 2027-02-20 10:00\nWhere: Hall\nAudience: core\n")
    net.step()
    out = net.new_messages()
    announce = net.only_message_to("li@example.org", out)
    method, uid, sequence, start = invite(announce)
    ics = next(d for name, _, d in announce.attachments if name == "invite.ics").decode()
    assert "BEGIN:VTIMEZONE" in ics and "TZID:America/Toronto" in ics  # lands right in any calendar
    net.reply(announce, "Item: the spring campaign budget", quote=False)
    net.step()
    net.new_messages()
    net.set_time(timers.next_due(net.db))  # the coordinators' agenda digest, days before
    net.step()
    (digest,) = net.new_messages()
    assert digest.to == "amina@example.org" and "spring campaign budget" in digest.text and "Li Wei" in digest.text
    net.set_time(timers.next_due(net.db))  # the reminder, the day before
    net.step()
    reminders = net.new_messages()
    assert sorted(m.to for m in reminders) == ["amina@example.org", "jean@example.org", "li@example.org",
                                               "sofia@example.org"]
    assert all("spring campaign budget" in m.text and "Hall" in m.text for m in reminders)


def test_cli_polls_a_series_now_shows_a_meeting_and_sends_an_announcement(tmp_path, capsys, monkeypatch):
    import json

    from convenor import cli
    from tests.fixtures_convenor import Network
    net = Network(tmp_path, extra_settings='[[meetings.series]]\nname = "Network meeting"\naudience = "core"\n'
                                          'rule = "every 2 months on the second Tuesday"\ntime = "18:00"\n')
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    config = ["--config", str(net.config)]
    net.step()  # plans the series
    net.new_messages()
    net.close()
    assert cli.main(config + ["meetings", "poll", "Network meeting"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"closes \d{4}-\d\d-\d\d \d\d:\d\d America/Toronto", printed), printed  # the network's zone
    assert cli.main(config + ["meetings", "poll", "No such series"]) == 2
    capsys.readouterr()
    net.step()
    polled = [m for m in net.new_messages() if is_poll(m)]
    assert sorted(m.to for m in polled) == ["amina@example.org", "jean@example.org", "li@example.org",
                                            "sofia@example.org"]
    net.close()
    assert cli.main(config + ["meetings", "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["title"] == "Network meeting" and shown["poll"]["state"] == "open"
    assert len(shown["poll"]["candidates"]) >= 3
    body = tmp_path / "body.txt"
    body.write_text("A training on safeguarding, March 3.\n")
    assert cli.main(config + ["announce", "--audience", "associates", "--subject", "Training",
                              "--body-file", str(body)]) == 0
    assert "+00:00" not in capsys.readouterr().out
    net.step()
    got = [m for m in net.new_messages() if m.subject == "Training"]
    assert sorted(m.to for m in got) == ["marc@example.org", "priya@example.org"]
    net.close()
