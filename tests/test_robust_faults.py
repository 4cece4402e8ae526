"""Fault injection on the local store: the database locked by another process, the disk full.
After each: no message lost, none handled twice, and the waiting mail is handled once the fault
is gone. (SIGKILL, Dovecot restarts and SMTP faults are in test_spine_daemon / test_spine_outbox.)"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.robust_figures import record

ROOT = Path(__file__).parent.parent


def deliver_help_requests(net, n: int, size: int = 0) -> None:
    for i in range(n):
        net.send(f"{['li', 'sofia', 'jean', 'priya'][i % 4]}@example.org", f"help {i}", "HELP\n-- \n" + "x" * size)  # padding as a signature


def inbox_left(net) -> int:
    box = Path(net.settings.mailbox.path)
    return sum(1 for sub in ("new", "cur") for p in (box / sub).iterdir()) if box.exists() else 0


def test_a_database_locked_by_another_process_makes_the_daemon_wait_then_proceed(maildir_network):
    net = maildir_network
    deliver_help_requests(net, 30)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys, time
        db = sqlite3.connect({str(net.settings.store.path)!r}, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep(3)
        db.execute("COMMIT")
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    start = time.monotonic()
    net.step()
    waited = time.monotonic() - start
    holder.wait(10)
    handled = net.db.execute("SELECT count(*) FROM inbound WHERE state = 'handled'").fetchone()[0]
    replies = len(net.outbound())
    record("fault_db_locked", lock_seconds=3, waited_seconds=round(waited, 1), messages=30,
           handled=handled, lost=30 - handled, replies=replies, duplicates=replies - 30)
    assert waited >= 2.5 and handled == 30 and replies == 30 and inbox_left(net) == 0


def test_a_full_disk_leaves_the_mail_in_the_inbox_until_space_returns(maildir_network):
    net = maildir_network
    net.step()  # the store exists, migrated
    net.close()
    deliver_help_requests(net, 10, size=20_000)
    store = Path(net.settings.store.path)
    with sqlite3.connect(store) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the next writes must grow a file
    limit = 32 * 1024  # the write-ahead log (empty now) cannot grow past 32 KiB: the store is "full"
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), not the process
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        from convenor import settings
        from convenor.daemon import Daemon
        d = Daemon(settings.load({str(net.config)!r}))
        try:
            d.run_once()
        except Exception as exc:
            print("stopped:", type(exc).__name__, exc)
        finally:
            try:
                d.close()
            except Exception:
                pass
    """)
    full = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    left_when_full = inbox_left(net)
    recorded_when_full = net.db.execute("SELECT count(*) FROM inbound").fetchone()[0]
    net.close()
    said = (full.stdout + full.stderr).lower()
    assert any(w in said for w in ("full", "too large", "disk i/o error")), (full.returncode, said)
    assert left_when_full == 10 - recorded_when_full, "a message left the inbox without being recorded"
    net.step()  # space is back
    handled = net.db.execute("SELECT count(*) FROM inbound WHERE state = 'handled'").fetchone()[0]
    replies = len(net.outbound())
    record("fault_disk_full", messages=10, recorded_while_full=recorded_when_full, left_in_inbox=left_when_full,
           handled_after=handled, lost=10 - handled, duplicates=replies - 10)
    assert left_when_full > 0 and handled == 10 and replies == 10 and inbox_left(net) == 0
