"""Coordinators close a date poll or a draft before its deadline: `convenor meetings close N
[--choose n]` on the command line, CLOSE in reply to a draft's confirmation. Over Dovecot + SMTP."""
from __future__ import annotations

import pytest

from convenor.cli import main
from tests.fixtures_convenor import Network

CORE = ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]


@pytest.fixture
def net(mail_stack, tmp_path, monkeypatch):
    network = Network(tmp_path, stack=mail_stack)
    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)
    yield network
    network.close()


def cli(net, *words) -> int:
    return main(["--config", str(net.config), *words])


def _poll(net, title, dates):
    net.send("Amina Diallo <amina@example.org>", f"[Meeting] {title}", f"Candidates: {dates}\nAudience: core\n")
    net.step()
    out = net.new_messages()
    return {m.to: m for m in out if m.to != "amina@example.org" or "Date poll sent" not in m.subject}


def test_meetings_close_takes_the_best_date_so_far_and_nothing_more_happens_at_the_old_close(net, capsys):
    polls = _poll(net, "Planning day", "2027-02-09 18:00; 2027-02-11 18:00; 2027-02-16 18:00")
    net.advance(hours=1)
    net.reply(polls["li@example.org"], "2")
    net.reply(polls["sofia@example.org"], "2, 3")
    net.reply(polls["jean@example.org"], "3")
    net.step()
    net.new_messages()
    capsys.readouterr()
    net.close()  # no daemon runs: the command reads the mailbox, then closes
    assert cli(net, "meetings", "close", "Meeting 1") == 0
    printed = capsys.readouterr().out
    assert "date poll of Meeting 1 closed, date 2 chosen" in printed and "message(s) queued" in printed
    net.step()
    out = net.new_messages()
    invites = [m for m in out if m.attachments and b"20270211" in m.attachments[0][2]]
    assert sorted(m.to for m in invites) == sorted(CORE)
    result = [m for m in net.messages_to("amina@example.org", out) if "Result" in m.subject]
    assert len(result) == 1 and "most members available" in result[0].text
    assert "Li Wei: . x ." in result[0].text
    assert cli(net, "meetings", "close", "1") == 2          # no open poll any more: said so
    assert "no open date poll" in capsys.readouterr().err
    net.advance(days=10)
    net.step()
    assert [m for m in net.new_messages() if "Result" in m.subject or "Reminder: when" in m.subject] == []


def test_meetings_close_with_choose_takes_that_date_and_a_wrong_number_is_refused(net, capsys):
    _poll(net, "Strategy day", "2027-03-09 18:00; 2027-03-11 18:00; 2027-03-16 18:00")
    assert cli(net, "meetings", "close", "1", "--choose", "7") == 2
    assert "dates 1 to 3" in capsys.readouterr().err
    net.step()
    assert net.new_messages() == []                          # nothing was done
    assert cli(net, "meetings", "close", "1", "--choose", "3") == 0
    net.step()
    out = net.new_messages()
    invites = [m for m in out if m.attachments]
    assert sorted(m.to for m in invites) == sorted(CORE) and all(b"20270316" in m.attachments[0][2] for m in invites)
    result = [m for m in net.messages_to("amina@example.org", out) if "Result" in m.subject]
    assert len(result) == 1 and "by convenor meetings close" in result[0].text


def test_close_in_reply_to_a_drafts_confirmation_sends_the_digest_now(net):
    net.send("Amina Diallo <amina@example.org>", "[Draft] Leaflet", "Audience: core\nDeadline: in 10 days\n\nComments?",
             attachments=[("leaflet.pdf", "application/pdf", b"%PDF-1.4 leaflet")])
    net.step()
    out = net.new_messages()
    confirmation = net.only_message_to("amina@example.org", out)
    assert "write CLOSE to close it now" in confirmation.text
    net.reply(net.only_message_to("li@example.org", out), "Page 2 needs a map.")
    net.step()
    net.new_messages()
    net.reply(confirmation, "CLOSE\n\nThanks all.", attachments=[("v2.pdf", "application/pdf", b"%PDF v2")])
    net.step()
    refused = net.only_message_to("amina@example.org", net.new_messages())
    assert "Nothing changed" in refused.subject and "send it alone" in refused.text
    net.reply(confirmation, "Close")
    net.step()
    out = net.new_messages()
    digest = net.only_message_to("amina@example.org", out)
    assert "Feedback digest" in digest.subject and "Page 2 needs a map." in digest.text
    assert [m.to for m in out] == ["amina@example.org"]      # members get nothing
    net.reply(confirmation, "CLOSE")
    net.step()
    again = net.only_message_to("amina@example.org", net.new_messages())
    assert "is closed, so nothing was changed" in again.text
    net.advance(days=11)
    net.step()
    assert net.new_messages() == []                          # no reminder, no second digest


def test_a_coordinator_changes_or_cancels_an_announced_meeting_by_replying_to_its_confirmation(net):
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Team day", "When: 2027-02-10 18:00\nAudience: core\n")
    net.step()
    confirmation = net.only_message_to("amina@example.org", [m for m in net.new_messages() if "Announced" in m.subject])
    assert "reply to this message with \"When:" in confirmation.text and "CANCEL" in confirmation.text
    net.advance(hours=1)
    net.reply(confirmation, "Thanks!")
    net.step()
    answer = net.only_message_to("amina@example.org", net.new_messages())
    assert answer.subject == "[Meeting 1] Nothing changed: Team day" and "did not ask for a change" in answer.text
    assert net.db.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == 0   # not an agenda item
    net.reply(answer, "Audience: all\nWhen: 2027-02-11 19:00")
    net.step()
    refused = net.only_message_to("amina@example.org", net.new_messages())
    assert "line 1: only When:, Where: and Call: can change" in refused.text
    net.reply(refused, "When: 2027-02-11 19:00\nWhere: Room 4, 519 Church Street")
    net.step()
    out = net.new_messages()
    updates = [m for m in out if m.attachments]
    assert sorted(m.to for m in updates) == sorted(CORE)
    assert all(b"20270212T000000Z" in m.attachments[0][2] or b"20270211T190000" in m.attachments[0][2] for m in updates)
    changed = next(m for m in net.messages_to("amina@example.org", out) if not m.attachments)
    assert changed.subject == "[Meeting 1] Changed: Team day" and "Room 4, 519 Church Street" in changed.text
    net.reply(changed, "CANCEL")
    net.step()
    out = net.new_messages()
    cancelled = [m for m in out if m.attachments and b"METHOD:CANCEL" in m.attachments[0][2]]
    assert sorted(m.to for m in cancelled) == sorted(CORE)
    told = next(m for m in net.messages_to("amina@example.org", out) if not m.attachments)
    assert told.subject == "[Meeting 1] Cancelled: Team day"
    net.reply(told, "When: 2027-02-12 18:00")
    net.step()
    over = net.only_message_to("amina@example.org", net.new_messages())
    assert "is cancelled, so nothing was changed" in over.text
