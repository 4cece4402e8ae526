"""Action items by email over the real Dovecot + SMTP stack: ACTION lines in a coordinator's reply
to a meeting's announcement and in an [Action] message; the owner's DONE, comment and new date;
the reminder before and after the due date; ACTIONS; the agenda digest; the CLI; no member's
words in the logs."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from store import timers

LINES = ("ACTION: Li Wei — call the shelter about spring dates — 2027-02-01\n"
         "ACTION: jean@example.org -- book the hall for the training -- 2027-01-25\n"
         "ACTION: Bob — bring the banner — 2027-02-01\n"
         "ACTION: Li - print the flyers - 2027-13-45\n")


def test_action_items_from_a_meeting_reply_to_done(network, caplog, capsys):
    net = network
    caplog.set_level(logging.DEBUG)
    net.send("amina@example.org", "[Meeting] Planning day", "When: 2027-01-20 18:00\nWhere: Hall\nAudience: core\n")
    net.step()
    announce = net.only_message_to("amina@example.org",
                                   [m for m in net.new_messages() if "Announced" not in m.subject])
    net.reply(announce, LINES)
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == ["amina@example.org", "jean@example.org", "li@example.org"]
    li = net.only_message_to("li@example.org", out)
    assert li.subject == "[Action 1] call the shelter about spring dates"
    assert "Amina Diallo recorded an action item for you" in li.text and "Due: Monday, February 1, 2027" in li.text
    assert "+" in li.reply_to
    jean = net.only_message_to("jean@example.org", out)
    assert "book the hall for the training" in jean.text and "lundi 25 janvier 2027" in jean.text
    receipt = net.only_message_to("amina@example.org", out)
    assert "Recorded: 2 action items (2 to check)" == receipt.subject
    assert '"Bob — bring the banner — 2027-02-01": no member has that name or address.' in receipt.text
    assert "print the flyers - 2027-13-45" in receipt.text
    assert net.db.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == 0   # not an agenda item

    net.advance(hours=2)
    net.reply(li, "Called them, waiting for their answer.")
    net.reply(jean, "2027-02-10")
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == ["amina@example.org", "amina@example.org", "jean@example.org",
                                         "li@example.org"]
    assert "Comment recorded" in net.only_message_to("li@example.org", out).subject
    assert "mercredi 10 février 2027" in net.only_message_to("jean@example.org", out).text
    updates = net.messages_to("amina@example.org", out)
    assert any("waiting for their answer" in m.text for m in updates)
    assert any("moved \"book the hall for the training\" to Wednesday, February 10, 2027" in m.text for m in updates)

    net.send("amina@example.org", "[Action] Follow-ups", "Sofia Martins — update the website — 2027-01-15")
    net.send("li@example.org", "[Action] Mine", "Li Wei — nothing — 2027-01-15")
    net.send("Li Wei <li@example.org>", "actions", "ACTIONS")
    net.send("Li Wei <li@example.org>", "status", "STATUS")
    net.step()
    out = net.new_messages()
    sofia = net.only_message_to("sofia@example.org", out)
    assert sofia.subject == "[Action 3] update the website"
    li_list = [m for m in net.messages_to("li@example.org", out) if "open action items" in m.subject]
    assert len(li_list) == 1 and "Action 1: call the shelter" in li_list[0].text and "Action 3" not in li_list[0].text
    status = next(m for m in net.messages_to("li@example.org", out) if "What is open" in m.subject)
    assert "- Action 1: call the shelter about spring dates (due 2027-02-01)" in status.text
    assert any(m.to == "li@example.org" and "coordinator" in m.text.lower() for m in out)   # [Action] refused
    assert net.db.execute("SELECT count(*) FROM actions").fetchone()[0] == 3

    net.set_time(datetime(2027, 1, 13, 14, 0, tzinfo=timezone.utc))     # two days before, 09:00 Toronto
    net.step()
    (before,) = net.new_messages()
    assert before.to == "sofia@example.org" and before.subject.startswith("[Action 3] Reminder")
    net.set_time(datetime(2027, 1, 16, 14, 0, tzinfo=timezone.utc))     # the day after
    net.step()
    (after,) = net.new_messages()
    assert after.to == "sofia@example.org" and "Overdue" in after.subject and "still open" in after.text

    net.set_time(datetime(2027, 1, 17, 14, 0, tzinfo=timezone.utc))     # the agenda digest, 3 days before
    net.step()
    (digest,) = net.new_messages()
    assert digest.to == "amina@example.org" and "Open action items:" in digest.text
    for text in ("call the shelter", "book the hall", "update the website"):
        assert text in digest.text

    net.reply(after, "Done, the website is updated.")
    net.step()
    out = net.new_messages()
    assert "Done" in net.only_message_to("sofia@example.org", out).subject
    assert "marked done" in net.only_message_to("amina@example.org", out).text

    config = ["--config", str(net.config)]
    net.close()
    from convenor import cli
    capsys.readouterr()
    assert cli.main(config + ["actions", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["ref"], r["owner"], r["due_on"]) for r in rows] == [("Action 1", "Li Wei", "2027-02-01"),
                                                                    ("Action 2", "Jean Tremblay", "2027-02-10")]
    assert cli.main(config + ["actions", "show", "Action 2"]) == 0
    shown = capsys.readouterr().out
    assert "due  Jean Tremblay  2027-02-10" in shown
    assert cli.main(config + ["actions", "done", "1"]) == 0
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == ["amina@example.org", "li@example.org"]
    assert timers.pending_for(net.db, "action.before", 1) == [] and timers.pending_for(net.db, "action.after", 1) == []

    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.split(".")[0] in ("convenor", "workflows", "store", "mailer"))
    for words in ("shelter", "book the hall", "website", "Bob", "waiting for their answer"):
        assert words not in logged


def test_an_unverified_subject_reference_without_its_token_never_marks_an_item_done(network):
    """"[Action 1]" and DONE from Li's address, without the token and unverified (anyone can put
    that From): nothing is marked done; the coordinators get it and the sender is told."""
    net = network
    net.send("amina@example.org", "[Action] Follow-ups", "Li Wei — call the shelter — 2027-02-01")
    net.step()
    net.new_messages()
    net.send("Li Wei <li@example.org>", "Re: [Action 1] call the shelter", "DONE", authenticated=None)
    net.step()
    out = net.new_messages()
    assert net.db.execute("SELECT state FROM actions WHERE id = 1").fetchone()[0] == "open"
    assert any("Not understood" in m.subject for m in net.messages_to("amina@example.org", out))
    assert [m.subject for m in net.messages_to("li@example.org", out)] == [
        "Passed on to the coordinators: Re: [Action 1] call the shelter"]

    net.send("Li Wei <li@example.org>", "Re: [Action 1] call the shelter", "DONE")  # verified: it counts
    net.step()
    net.new_messages()
    assert net.db.execute("SELECT state FROM actions WHERE id = 1").fetchone()[0] == "done"


def test_a_due_date_in_days_counts_from_when_the_coordinator_s_mail_arrived(network):
    net = network
    net.close()                                           # the daemon is down when the item arrives
    net.send("amina@example.org", "[Action] Follow-ups", "Sofia Martins — update the website — in 7 days")
    arrived = net.now
    net.set_time(arrived + timedelta(days=2))             # read two days later
    net.step()
    net.new_messages()
    (due,) = net.db.execute("SELECT due_on FROM actions").fetchone()
    assert due == (arrived.astimezone(ZoneInfo("America/Toronto")).date() + timedelta(days=7)).isoformat()
