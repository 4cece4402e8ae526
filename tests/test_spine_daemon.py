"""`convenor run` as an operator sees it: live on IDLE, survives a server restart and a SIGKILL."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.fixtures_convenor import Network

CONVENOR = [sys.executable, "-m", "convenor"]


def wait_until(condition, timeout=15.0, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def live_daemon(network):
    """Run the real daemon loop in a thread (real clock), as `convenor run` does."""
    from convenor.daemon import Daemon
    os.environ["CONVENOR_TEST_IMAP_PASSWORD"] = network.stack.list_password
    daemon = Daemon(network.settings)
    thread = threading.Thread(target=daemon.run, kwargs={"install_signals": False}, daemon=True)
    thread.start()
    return daemon, thread


def test_a_help_request_is_answered_while_the_daemon_idles_and_after_dovecot_restarts(network):
    daemon, thread = live_daemon(network)
    try:
        network.send("li@example.org", "help", "HELP")
        assert wait_until(lambda: len(network.outbound()) == 1), "no answer while in IDLE"
        network.stack.dovecot.restart()
        network.send("sofia@example.org", "help", "HELP")
        assert wait_until(lambda: len(network.outbound()) == 2, timeout=30), "lost after a Dovecot restart"
        assert sorted(m.to for m in network.outbound()) == ["li@example.org", "sofia@example.org"]
    finally:
        daemon.stop()
        thread.join(10)
    assert not thread.is_alive()
    counts = network.stack.folder_counts()
    assert counts["INBOX"] == 0 and counts["Processed"] == 2


def start_cli_daemon(network):
    """`convenor run` in a subprocess; its stderr goes to `network.folder/daemon.log` (read with log())."""
    env = dict(os.environ, CONVENOR_TEST_IMAP_PASSWORD=network.stack.list_password)
    log = open(network.folder / "daemon.log", "ab")
    proc = subprocess.Popen(CONVENOR + ["--config", str(network.config), "run"], env=env,
                            stdout=log, stderr=log, cwd=Path(__file__).parent.parent)
    log.close()
    return proc


def log_of(network) -> bytes:
    return (network.folder / "daemon.log").read_bytes()


def test_sigterm_stops_the_daemon_cleanly_and_a_second_daemon_is_refused(network):
    first = start_cli_daemon(network)
    try:
        network.send("li@example.org", "help", "HELP")
        assert wait_until(lambda: len(network.outbound()) == 1)
        second = subprocess.run(CONVENOR + ["--config", str(network.config), "run"], capture_output=True,
                                text=True, timeout=30,
                                env=dict(os.environ, CONVENOR_TEST_IMAP_PASSWORD=network.stack.list_password))
        assert second.returncode == 1
        assert f"PID {first.pid}" in second.stderr
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=20)
    assert first.returncode == 0, log_of(network).decode()
    assert b"stopping" in log_of(network)


def test_logs_carry_no_message_bodies_even_at_debug_level(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, extra_settings='[logging]\nlevel = "DEBUG"\n')
    canary = "CANARY-7f3a9c-do-not-log"
    proc = start_cli_daemon(network)
    try:
        network.send("sofia@example.org", f"Question {canary}", f"Body with {canary}\nHELP?")
        assert wait_until(lambda: len(network.outbound()) == 2)  # forwarded to Amina, Sofia told
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    assert canary.encode() not in log_of(network)
    assert b"handled by" in log_of(network) and b"DEBUG" in log_of(network)


@pytest.mark.slow
def test_sigkill_at_several_points_of_a_batch_gives_the_same_result_as_no_kill(mail_stack, tmp_path):
    """400 help requests; the daemon is killed 5 times as soon as it makes progress (taking mail in
    or sending), then runs to the end: every message handled once, every reply queued once."""
    import random
    n = 400
    members = [(f"Member {i}", f"m{i}@example.org", "core", i == 0, "en", []) for i in range(20)]
    network = Network(tmp_path, stack=mail_stack, members=members)
    sent_ids = []
    for i in range(n):
        msg = network.compose(f"m{i % 20}@example.org", f"help {i}", "HELP")
        network.deliver(msg)
        sent_ids.append(str(msg["Message-ID"]))
    db = sqlite3.connect(network.settings.store.path)

    def progress():
        inbound = db.execute("SELECT count(*) FROM inbound").fetchone()[0]
        sent = db.execute("SELECT count(*) FROM outbox WHERE state = 'sent'").fetchone()[0]
        return inbound, sent

    rng = random.Random(7)
    kills, at_kill = 0, []
    for _ in range(5):
        before = progress()
        proc = start_cli_daemon(network)
        wait_until(lambda: progress() != before or proc.poll() is not None, timeout=30, step=0.005)
        time.sleep(rng.uniform(0, 0.05))
        if proc.poll() is None:
            proc.kill()
            kills += 1
        proc.wait(10)
        at_kill.append(progress())
    assert any(i < n or s < n for i, s in at_kill), f"every kill came after the work was done: {at_kill}"
    proc = start_cli_daemon(network)
    try:
        assert wait_until(lambda: mail_stack.folder_counts()["INBOX"] == 0, timeout=60)
        assert wait_until(lambda: db.execute("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0] == 0,
                          timeout=60)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)
    handled = db.execute("SELECT count(*) FROM inbound WHERE state = 'handled'").fetchone()[0]
    replies = dict(db.execute("SELECT in_reply_to, count(*) FROM outbox GROUP BY in_reply_to").fetchall())
    assert handled == n
    assert sorted(replies) == sorted(sent_ids) and set(replies.values()) == {1}  # every reply queued once
    duplicates = len(mail_stack.capture.messages) - n
    print(f"\ncrash test: {n} messages, {kills} SIGKILLs (inbound handled, replies sent at each: {at_kill}), "
          f"0 lost, 0 handled twice, {duplicates} duplicate sends")
    assert 0 <= duplicates <= kills
    counts = mail_stack.folder_counts()
    assert counts["Processed"] == n and counts.get("Quarantine", 0) == 0


def test_an_unexpected_failure_in_a_round_is_logged_and_the_daemon_keeps_going(maildir_network, monkeypatch, caplog):
    import convenor.daemon as daemon_module
    from convenor.daemon import Daemon
    monkeypatch.setattr(daemon_module, "ROUND_RETRY_SECONDS", 0.2)
    daemon = Daemon(maildir_network.settings)
    real_send, calls = daemon.send_outbox, []

    def flaky_send():
        calls.append(1)
        if len(calls) == 1:
            raise OSError("database or disk is full")
        real_send()

    daemon.send_outbox = flaky_send
    maildir_network.send("li@example.org", "help", "HELP")
    thread = threading.Thread(target=daemon.run, kwargs={"install_signals": False}, daemon=True)
    thread.start()
    try:
        assert wait_until(lambda: len(maildir_network.outbound()) == 1, timeout=20)
    finally:
        daemon.stop()
        thread.join(10)
    assert "a round failed" in caplog.text and len(calls) >= 2
