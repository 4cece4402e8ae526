"""The real servers failing under the daemon: SMTP 421 in the middle of a batch, Dovecot killed in
the middle of a fetch. Nothing lost, nothing handled or sent twice once they are back."""
from __future__ import annotations

import sqlite3
import threading
from collections import Counter

import pytest

from mailer.mailbox import MailboxError

from tests.fixtures_convenor import Network
from tests.robust_figures import record
from tests.test_spine_daemon import wait_until

MEMBERS = [(f"Member {i}", f"m{i}@example.org", "core", i == 0, "en", []) for i in range(10)]


def sent_message_ids(stack) -> Counter:
    return Counter(m["data"].split(b"Message-ID:", 1)[-1].split(b"\n", 1)[0].strip()
                   for m in stack.capture.messages)


def test_smtp_421_in_the_middle_of_a_batch_is_retried_and_nothing_is_sent_twice(network):
    for i in range(6):
        network.send(["li", "sofia", "jean"][i % 3] + "@example.org", f"help {i}", "HELP")
    network.stack.capture.script(["250 OK", "250 OK", "421 4.7.0 closing connection", "421 4.7.0 closing"])
    network.step()
    first = len(network.outbound())
    network.advance(minutes=5)
    network.step()
    network.advance(minutes=30)
    network.step()
    ids = sent_message_ids(network.stack)
    record("fault_smtp_421", messages=6, sent_before_421=first, delivered=len(ids),
           duplicates=sum(n - 1 for n in ids.values()))
    assert first < 6 and len(ids) == 6 and set(ids.values()) == {1}
    assert network.db.execute("SELECT count(*) FROM outbox WHERE state = 'sent'").fetchone()[0] == 6


@pytest.mark.slow
def test_dovecot_killed_during_a_fetch_then_back_loses_nothing(mail_stack, tmp_path, monkeypatch):
    network = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    for i in range(300):
        network.send(f"m{i % 10}@example.org", f"help {i}", "HELP")
    errors = []
    # batches of 10: the next batch is fetched while one is taken in, so with batches of 100 all
    # three fetches could be over before the kill lands; with 30 batches it lands mid-stream
    monkeypatch.setattr("convenor.daemon.BATCH_MESSAGES", 10)
    network.start().mailbox.fetch_batch = 10
    watcher = sqlite3.connect(network.settings.store.path)

    def work():
        try:
            network.step()
        except Exception as exc:  # noqa: BLE001 - the failure is what this test causes
            errors.append(type(exc).__name__)
    thread = threading.Thread(target=work)
    thread.start()
    count = lambda: watcher.execute("SELECT count(*) FROM inbound").fetchone()[0]  # noqa: E731
    assert wait_until(lambda: count() >= 1, timeout=30, step=0.002)
    mail_stack.dovecot.crash()
    thread.join(60)
    at_crash = count()
    mail_stack.dovecot.start()
    network.restart()
    retries = 0
    for _ in range(6):  # as `convenor run` does: a mailbox error is logged and the round tried again
        try:
            network.step()
        except MailboxError:
            retries += 1
            continue
        if mail_stack.folder_counts()["INBOX"] == 0:
            break
    handled = network.db.execute("SELECT count(*) FROM inbound WHERE state = 'handled'").fetchone()[0]
    ids = sent_message_ids(mail_stack)
    replies = Counter(r[0] for r in network.db.execute("SELECT in_reply_to FROM outbox"))
    record("fault_dovecot_killed_mid_fetch", messages=300, handled_before_kill=at_crash, errors=errors, rounds_failed_after_restart=retries,
           handled=handled, lost=300 - handled, replies_queued_twice=sum(n - 1 for n in replies.values()),
           duplicate_sends=sum(n - 1 for n in ids.values()))
    assert 0 < at_crash < 300, "the kill did not land mid-fetch"
    assert handled == 300 and set(replies.values()) == {1} and len(ids) == 300 and set(ids.values()) == {1}
    assert mail_stack.folder_counts()["INBOX"] == 0
