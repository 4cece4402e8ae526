"""Calendar answers sent to the ORGANIZER (the list address, no token) are attendance: Google
Calendar, Outlook (French) and Apple Calendar REPLYs, and a subject alone ("Accepté : …"), are
matched to the member and the meeting (UID first, then the title and date) and recorded; an
unverified sender's answer is recorded and the member is told; what cannot be matched reaches
the coordinators with what was understood, and its sender is told why. Over Dovecot + SMTP."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

import icalendar

from tests import calendar_clients

TITLE = "Planning day"


def announce(net, title=TITLE, when="2027-02-09 18:00", audience="core"):
    net.send("amina@example.org", f"[Meeting] {title}", f"When: {when}\nWhere: 519 Church Street\nAudience: {audience}\n")
    net.step()
    sent = net.new_messages()
    li = net.only_message_to("li@example.org", sent)
    data = next(d for name, ctype, d in li.attachments if name == "invite.ics")
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["organizer"]).lower() == f"mailto:{net.list_address}"
    return str(event["uid"])


def attendance(net) -> dict[str, str]:
    rows = net.db.execute("SELECT m.email, a.partstat FROM attendance a JOIN members m ON m.id = a.member_id").fetchall()
    return dict(rows)


def test_google_outlook_apple_and_subject_only_answers_are_attendance(network, capsys, caplog):
    net = network
    caplog.set_level(logging.DEBUG)
    uid = announce(net)
    to = net.list_address
    common = dict(to=to, uid=uid, title=TITLE, now=net.now)
    net.deliver(calendar_clients.google(
        name="Li Wei", address="li@example.org", partstat="ACCEPTED",
        subject=f"Accepted: {TITLE} @ Tue Feb 9, 2027 6pm - 7:30pm (EST) (li@example.org)", **common),
        authenticated="pass")
    net.deliver(calendar_clients.outlook(
        name="Jean Tremblay", address="jean@example.org", partstat="DECLINED", subject=f"Refusé: {TITLE}", **common),
        authenticated="pass")
    net.deliver(calendar_clients.apple(
        name="Sofia Martins", address="sofia@example.org", partstat="TENTATIVE", subject=TITLE, **common),
        authenticated="pass")
    net.send("amina@example.org", f"Accepté : {TITLE}", "Amina Diallo a accepté.")   # a subject, no calendar
    net.step()
    assert net.new_messages() == []                     # a verified answer needs no answer
    assert attendance(net) == {"li@example.org": "ACCEPTED", "jean@example.org": "DECLINED",
                               "sofia@example.org": "TENTATIVE", "amina@example.org": "ACCEPTED"}
    handled = dict(net.db.execute("SELECT handler, count(*) FROM inbound GROUP BY handler").fetchall())
    assert handled.get("calendar-answer") == 4

    # Sofia changes her answer from an unverified sender: recorded, and she is told at her own address
    net.deliver(calendar_clients.apple(
        name="Sofia Martins", address="sofia@example.org", partstat="ACCEPTED", subject=TITLE, **common),
        authenticated=None)
    net.step()
    note = net.only_message_to("sofia@example.org", net.new_messages())
    assert note.subject == f"Calendar answer recorded: {TITLE}" and "accepted" in note.text
    assert "did not prove" in note.text
    assert attendance(net)["sofia@example.org"] == "ACCEPTED"

    # the agenda digest and, after the meeting, `convenor attendance` count the calendar answers
    net.set_time(datetime(2027, 2, 11, tzinfo=timezone.utc))
    config = ["--config", str(net.config)]
    net.close()
    import convenor.cli_common
    from convenor import cli
    original = convenor.cli_common.now
    convenor.cli_common.now = lambda: net.now
    capsys.readouterr()
    try:
        assert cli.main(config + ["attendance", "--year", "2027", "--json"]) == 0
    finally:
        convenor.cli_common.now = original
    report = json.loads(capsys.readouterr().out)
    meeting = next(m for m in report["meetings"] if m["title"] == TITLE)
    assert meeting["source"] == "calendar"
    assert meeting["present"] == ["Amina Diallo", "Li Wei", "Sofia Martins"]
    logged = "\n".join(r.getMessage() for r in caplog.records
                        if r.name.split(".")[0] in ("convenor", "workflows", "store", "mailer"))
    assert TITLE not in logged and "Refusé" not in logged


def test_answers_that_cannot_be_matched_reach_the_coordinators_with_what_was_understood(network):
    net = network
    uid = announce(net)
    to = net.list_address
    # Priya is an associate: a core meeting is not for her
    net.deliver(calendar_clients.google(
        name="Priya Sharma", address="priya@example.org", to=to, uid=uid, partstat="ACCEPTED", title=TITLE,
        now=net.now, subject=f"Accepted: {TITLE} @ Tue Feb 9, 2027 6pm - 7:30pm (EST) (priya@example.org)"),
        authenticated="pass")
    net.step()
    out = net.new_messages()
    forward = net.only_message_to("amina@example.org", out)
    assert forward.subject.startswith("[Test Network] Calendar answer not recorded: Accepted:")
    assert "Answer: accepted" in forward.text and f"Meeting 1, {TITLE}" in forward.text
    assert "not among the people that meeting is for" in forward.text
    assert any(name.endswith(".eml") or ctype == "message/rfc822" for name, ctype, _ in forward.attachments)
    told = net.only_message_to("priya@example.org", out)
    assert told.subject.startswith("Calendar answer not recorded") and "coordinators (1)" in told.text

    # Li answers a calendar event that is not one of the network's (another organiser's UID)
    net.deliver(calendar_clients.outlook(
        name="Li Wei", address="li@example.org", to=to, uid="040000008200E00074C5B7101A82E0080000000@outlook",
        partstat="ACCEPTED", title="Lunch", now=net.now, subject="Accepted: Lunch"), authenticated="pass")
    # Jean's Outlook answers for an address that is not his
    net.deliver(calendar_clients.outlook(
        name="Jean Tremblay", address="j.tremblay@elsewhere.example", to=to, uid=uid, partstat="ACCEPTED",
        title=TITLE, now=net.now, subject=f"Accepté: {TITLE}").replace(b"From: Jean Tremblay <j.tremblay@elsewhere.example>",
                                                                     b"From: Jean Tremblay <jean@example.org>"),
        authenticated="pass")
    net.step()
    out = net.new_messages()
    forwards = net.messages_to("amina@example.org", out)
    assert len(forwards) == 2
    assert any("its UID is unknown" in m.text and '"Lunch"' in m.text for m in forwards)
    assert any("another address (j.tremblay@elsewhere.example)" in m.text for m in forwards)
    assert "son UID est inconnu" not in net.only_message_to("li@example.org", out).text
    assert "its UID is unknown" in net.only_message_to("li@example.org", out).text
    assert "une autre adresse (j.tremblay@elsewhere.example), pas la vôtre" in net.only_message_to("jean@example.org", out).text  # in French
    assert attendance(net) == {}


def test_same_title_meetings_are_told_apart_by_the_date_in_the_subject(maildir_network):
    net = maildir_network
    announce(net, "Network meeting", "2027-02-09 18:00")
    announce(net, "Network meeting", "2027-04-13 18:00")
    net.send("li@example.org", "Accepted: Network meeting @ Tue Apr 13, 2027 6pm - 7:30pm (EDT) (li@example.org)",
             "Li Wei has accepted this invitation.")
    net.send("jean@example.org", "Accepté : Network meeting", "")       # no date: ambiguous
    net.step()
    rows = net.db.execute("SELECT meeting_id, partstat FROM attendance").fetchall()
    assert rows == [(2, "ACCEPTED")]
    out = net.new_messages()
    assert "plusieurs réunions portent ce titre" in net.only_message_to("jean@example.org", out).text
    assert "several meetings have that title" in net.only_message_to("amina@example.org", out).text


def test_a_subject_that_names_no_meeting_is_a_message_like_any_other(maildir_network):
    net = maildir_network
    announce(net)
    net.send("li@example.org", "Accepted: the new budget", "I accept the budget as proposed.")
    net.step()
    out = net.new_messages()
    assert "Not understood" in net.only_message_to("amina@example.org", out).subject
    assert net.db.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def test_reading_a_reply_needs_method_reply_and_survives_damage():
    from mailer.calendar_reply import read_calendar_reply
    request = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    assert read_calendar_reply(request) is None
    damaged = "BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:meeting-1@example.org\n" \
              "ATTENDEE;PARTSTAT=DECLINED:mailto:li@example.org\nDTSTART:2027-99\nBEGIN:VALARM\n"
    reply = read_calendar_reply(damaged)
    assert (reply.partstat, reply.uid) == ("DECLINED", "meeting-1@example.org")


def test_a_note_in_the_answer_reaches_the_coordinators(network):
    net = network
    uid = announce(net)
    net.deliver(calendar_clients.google(
        name="Li Wei", address="li@example.org", to=net.list_address, uid=uid, partstat="TENTATIVE", title=TITLE,
        now=net.now, subject=f"Tentatively accepted: {TITLE} @ Tue Feb 9, 2027 6pm - 7:30pm (EST) (li@example.org)",
        comment="I may be 20 minutes late"), authenticated="pass")
    net.step()
    out = net.new_messages()
    assert attendance(net) == {"li@example.org": "TENTATIVE"}
    forward = net.only_message_to("amina@example.org", out)
    assert forward.subject.startswith("[Test Network] Calendar answer with a note:")
    assert "Answer: tentative" in forward.text and "I may be 20 minutes late" in forward.text
    assert "Not recorded" not in forward.text
    assert net.messages_to("li@example.org", out) == []


def test_an_answer_from_an_unknown_address_for_a_member_is_recorded_and_the_member_told(network):
    net = network
    uid = announce(net)
    common = dict(to=net.list_address, uid=uid, title=TITLE, now=net.now,
                  subject=f"Accepted: {TITLE} @ Tue Feb 9, 2027 6pm - 7:30pm (EST) (li@example.org)")
    from_gmail = calendar_clients.google(name="Li Wei", address="li@example.org", partstat="ACCEPTED", **common)
    net.deliver(from_gmail.replace(b"From: Li Wei <li@example.org>", b"From: Li Wei <li.wei@gmail.example>"),
                authenticated="pass")
    net.step()
    out = net.new_messages()
    assert attendance(net) == {"li@example.org": "ACCEPTED"}
    note = net.only_message_to("li@example.org", out)
    assert "sent from li.wei@gmail.example" in note.text and "ADDRESS ADD li.wei@gmail.example" in note.text
    assert [m.to for m in out] == ["li@example.org"]                    # nothing to the unknown address

    # from an unknown address, for a member, about an event that is not the network's: a stranger's mail
    other = calendar_clients.google(name="Li Wei", address="li@example.org", partstat="ACCEPTED",
                                    **{**common, "uid": "someone-else-event@calendar.example"})
    net.deliver(other.replace(b"From: Li Wei <li@example.org>", b"From: Li Wei <li.wei@gmail.example>"),
                authenticated="pass")
    net.step()
    out = net.new_messages()
    assert net.messages_to("li@example.org", out) == []
    assert net.db.execute("SELECT handler FROM inbound ORDER BY id DESC LIMIT 1").fetchone()[0] == "stranger"
    assert any(m.to == "amina@example.org" for m in out)              # the coordinators have it
