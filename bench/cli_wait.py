"""Benchmark 6, a CLI command beside a busy daemon: how long a write waits for the store.

`convenor run` (a child) takes 1,000 ballot replies waiting in the mailbox, in batches of 100.
Meanwhile this process does what a CLI command that changes something does (`members set`,
`votes close` …): `store.db.transaction` with one small write, every 20 ms, and records how long
each waited for the write lock. Raw: the same write on the idle store (no ratio: the target is
an absolute wait). Every message is parsed
before the daemon takes the write lock, which it holds only to route, record and commit.
Target: the longest wait ≤ 0.5 s.
"""
from __future__ import annotations

import statistics
import time

from bench.common import (DaemonProcess, Row, ballot_reply, ballots, mark_all_sent, network, open_vote,
                          reader, seed_maildir, start_stack, wait_until)
from bench.latency import percentile

N = 1000  # 10 batches of 100: the longest wait is one batch's commit, whatever their number


def _timed_write(db) -> float:
    """Seconds one small write transaction took (mostly: waiting for the write lock)."""
    from store.db import transaction
    started = time.perf_counter()
    with transaction(db):
        db.execute("UPDATE members SET name = name WHERE id = 1")
    return time.perf_counter() - started


def run(profile: bool = False) -> Row:
    """Measure the waits while the daemon takes N replies and return the table row."""
    from store.db import open_store
    stack = start_stack()
    net = network("cliwait", stack, N)
    daemon = None
    waits: list[float] = []
    try:
        vote_id = open_vote(net)
        mark_all_sent(net.db)
        seed_maildir(stack, None, [ballot_reply(b) for b in ballots(net.db)[:N]])
        db_path = net.settings.store.path
        net.close()
        cli = open_store(db_path)
        idle = [_timed_write(cli) for _ in range(50)]
        observer = reader(db_path)
        query = "SELECT count(*) FROM vote_events WHERE vote_id = ?"
        daemon = DaemonProcess(net.config, net.folder / "daemon.log")
        started = time.monotonic()
        while observer.execute(query, [vote_id]).fetchone()[0] < N and time.monotonic() - started < 120:
            waits.append(_timed_write(cli))
            time.sleep(0.02)
        taken = observer.execute(query, [vote_id]).fetchone()[0]
        elapsed = time.monotonic() - started
        wait_until(lambda: not observer.execute("SELECT count(*) FROM outbox WHERE state = 'queued'").fetchone()[0],
                   60)
        observer.close()
        cli.close()
    finally:
        if daemon is not None:
            daemon.stop()
        net.close()
        stack.close()
    worst, p95 = max(waits), percentile(waits, 95)
    raw = statistics.median(idle)
    note = (f"{len(waits)} writes while the daemon took {taken} replies in {elapsed:.1f} s; median wait "
            f"{statistics.median(waits) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {worst * 1000:.0f} ms")
    return Row(f"6. CLI write beside the daemon taking {N} replies", f"max {worst * 1000:.0f} ms",
               f"{raw * 1000:.1f} ms idle", None, "max ≤ 0.5 s", worst <= 0.5, note)


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
