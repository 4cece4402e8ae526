"""A round that fails is tried again by the same running daemon; a CLI command beside a busy
daemon is not kept waiting.

The failure is a real one: `convenor run` runs with a file-size limit, so its store cannot grow
(as on a full disk); the limit is lifted from outside while it keeps running.
"""
from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.test_spine_daemon import wait_until

ROOT = Path(__file__).parent.parent
CONVENOR = [sys.executable, "-m", "convenor"]


def _limited(limit: int):
    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    return preexec


@pytest.mark.slow
def test_a_round_that_failed_is_taken_again_by_the_same_daemon(network):
    network.step()  # the store exists, migrated
    network.close()
    with sqlite3.connect(network.settings.store.path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the next writes must grow a file
    for i in range(10):
        network.send(f"{['li', 'sofia', 'jean', 'priya'][i % 4]}@example.org", f"help {i}", "HELP\n-- \n" + "x" * 20_000)
    log: list[bytes] = []
    proc = subprocess.Popen(CONVENOR + ["--config", str(network.config), "run"], cwd=ROOT,
                            env=dict(os.environ, CONVENOR_TEST_IMAP_PASSWORD=network.stack.list_password),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_limited(32 * 1024))
    reader = threading.Thread(target=lambda: log.extend(iter(proc.stderr.readline, b"")), daemon=True)
    reader.start()
    try:
        assert wait_until(lambda: b"a round failed" in b"".join(log), timeout=60), b"".join(log)[-3000:]
        assert network.stack.folder_counts()["INBOX"] == 10
        resource.prlimit(proc.pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        assert wait_until(lambda: len(network.stack.capture.messages) >= 10, timeout=60), \
            "the running daemon never took the batch again"
        assert proc.poll() is None  # the same process
        assert wait_until(lambda: network.stack.folder_counts().get("Processed") == 10, timeout=15)
        assert sorted(m["rcpt_tos"][0] for m in network.stack.capture.messages) == sorted(
            f"{['li', 'sofia', 'jean', 'priya'][i % 4]}@example.org" for i in range(10))
    finally:
        proc.terminate()
        proc.wait(30)
    assert network.stack.folder_counts()["INBOX"] == 0


def test_a_cli_command_beside_a_busy_daemon_is_not_kept_waiting(network):
    """A hang detector, not a speed test (bench/cli_wait.py measures): while the running daemon
    takes 300 messages, writes as a CLI command does them, and `convenor members add`, finish."""
    from store.db import open_store, transaction
    from tests.test_spine_daemon import live_daemon

    network.step()
    network.close()
    for i in range(300):
        network.send(f"{['li', 'sofia', 'jean', 'priya'][i % 4]}@example.org", f"help {i}", "HELP")
    cli = open_store(network.settings.store.path)
    daemon, thread = live_daemon(network)
    waits = []
    try:
        handled = lambda: cli.execute("SELECT count(*) FROM inbound").fetchone()[0]  # noqa: E731
        assert wait_until(lambda: handled() > 0, timeout=30)
        command = CONVENOR + ["--config", str(network.config), "members", "add", "new@example.org", "--name", "New"]
        added = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        while handled() < 300 and len(waits) < 2000:
            started = time.monotonic()
            with transaction(cli):
                cli.execute("UPDATE members SET name = name WHERE id = 1")
            waits.append(time.monotonic() - started)
            time.sleep(0.01)
        assert added.wait(60) == 0, added.stderr.read()
        assert handled() == 300
    finally:
        daemon.stop()
        thread.join(30)
        cli.close()
    assert waits and max(waits) < 5.0, max(waits)
