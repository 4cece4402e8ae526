"""The outbox as coordinators rely on it: retried when the server says later, reported when it says never."""
from __future__ import annotations

from store import outbox


def test_a_temporary_refusal_is_retried_with_backoff_and_then_delivered(network):
    network.stack.capture.script(["451 4.3.0 try again later"])
    network.send("li@example.org", "help", "HELP")
    network.step()
    assert network.new_messages() == []
    assert outbox.counts(network.db) == {"queued": 1}
    network.advance(seconds=30)
    network.step()  # not due yet: the first retry waits retry_base_seconds (60 s)
    assert network.new_messages() == []
    network.advance(seconds=31)
    network.step()
    (msg,) = network.new_messages()
    assert msg.to == "li@example.org"
    assert outbox.counts(network.db) == {"sent": 1}


def test_a_permanent_refusal_is_marked_failed_and_the_coordinators_are_told(network):
    network.stack.capture.reject_rcpt("li@example.org", "550 5.1.1 no such user")
    network.send("li@example.org", "help", "HELP")
    network.step()
    out = network.new_messages()
    (report,) = out
    assert report.to == "amina@example.org" and "could not be delivered" in report.subject
    assert "Li Wei" in report.text and "550" in report.text
    assert outbox.counts(network.db) == {"failed": 1, "sent": 1}
    network.advance(days=1)
    network.step()
    assert network.new_messages() == []  # never tried again


def test_a_refused_connection_is_a_temporary_failure(network):
    network.stack.capture.refuse_connections = True
    network.send("li@example.org", "help", "HELP")
    network.step()
    assert outbox.counts(network.db) == {"queued": 1}
    network.stack.capture.refuse_connections = False
    network.advance(minutes=2)
    network.step()
    assert [m.to for m in network.new_messages()] == ["li@example.org"]


def test_a_connection_cut_during_data_is_retried(network):
    network.stack.capture.script(["DROP"])
    network.send("li@example.org", "help", "HELP")
    network.step()
    assert network.new_messages() == []
    network.advance(minutes=2)
    network.step()
    assert [m.to for m in network.new_messages()] == ["li@example.org"]


def test_too_many_temporary_failures_end_as_failed_and_reported(network):
    network.settings.sending.max_attempts = 2
    network.stack.capture.script(["451 4.3.0 later", "451 4.3.0 later"])
    network.send("li@example.org", "help", "HELP")
    network.step()
    network.advance(minutes=2)
    network.step()
    out = network.new_messages()
    assert [m.to for m in out] == ["amina@example.org"] and "could not be delivered" in out[0].subject
    assert outbox.counts(network.db)["failed"] == 1


def test_a_message_that_cannot_be_composed_is_failed_and_reported_and_the_rest_still_go(network):
    network.send("li@example.org", "help", "HELP")
    network.send("sofia@example.org", "help", "HELP")
    network.step()
    network.new_messages()
    network.send("li@example.org", "help again", "HELP")
    network.send("sofia@example.org", "help again", "HELP")
    network.start().take_mail()
    db = network.db
    broken = db.execute("SELECT id FROM outbox WHERE state = 'queued' AND recipient = 'li@example.org'").fetchone()[0]
    db.execute("UPDATE outbox SET attachments = ? WHERE id = ?",
               ['[{"sha256": "0000", "filename": "gone.pdf", "content_type": "application/pdf"}]', broken])
    network.step()
    out = network.new_messages()
    assert [m.to for m in out if "How to use" in m.subject] == ["sofia@example.org"]
    report = network.only_message_to("amina@example.org", out)
    assert "could not be delivered" in report.subject and "could not be composed" in report.text
    assert outbox.counts(network.db)["failed"] == 1


def test_a_sent_mark_left_in_the_journal_by_a_crash_is_kept_and_that_message_not_sent_again(network):
    """Sent marks are journaled one small row a message and folded into the outbox after each
    batch; a crash between the two loses nothing: after the restart the message reads as sent
    and is not sent a second time, and the rest of the queue goes out."""
    from store.db import transaction

    network.stack.capture.refuse_connections = True
    network.send("li@example.org", "help", "HELP")
    network.send("sofia@example.org", "help", "HELP")
    network.step()
    assert outbox.counts(network.db) == {"queued": 2}
    first = network.db.execute("SELECT id FROM outbox WHERE recipient = 'li@example.org'").fetchone()[0]
    with transaction(network.db):  # the server took Li's reply; the daemon died before the fold
        outbox.journal_sent(network.db, first, network.now)
    network.restart()
    network.stack.capture.refuse_connections = False
    network.advance(minutes=2)
    network.step()
    assert [m.to for m in network.new_messages()] == ["sofia@example.org"]
    assert outbox.counts(network.db) == {"sent": 2}
    assert not outbox.has_unfolded(network.db)
    sent = network.db.execute("SELECT sent_at, attempts FROM outbox WHERE id = ?", [first]).fetchone()
    assert sent[0] is not None and sent[1] == 1  # the accepted one: a refused connection counts against no message
