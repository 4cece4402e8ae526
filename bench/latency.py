"""Benchmark 4, latency: 50 votes sent one at a time by SMTP while `convenor run` waits in IDLE.

Each ballot reply goes SMTP → LMTP into the mailbox (`MailStack.send_to_list` returns after the
250, i.e. once the message is in INBOX); the benchmark then polls the store every 2 ms for the
vote's row (vote_events by Message-ID) and records when it appears (committed). The next vote
is sent once the receipt has gone out and the daemon is back in IDLE. Floor: Dovecot's fixed
0.5 s IDLE notification delay. Target: p95 ≤ 0.8 s.
"""
from __future__ import annotations

import statistics
import time

from bench.common import (DaemonProcess, Row, ballot_reply, ballots, mark_all_sent, network, open_vote, reader,
                          start_stack, wait_until)

VOTES = 50
FLOOR = 0.5


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


def run(profile: bool = False) -> Row:
    """Send the votes one by one to a `convenor run` child and return the table row."""
    stack = start_stack()
    net = network("latency", stack, VOTES)
    daemon = None
    latencies: list[float] = []
    try:
        vote_id = open_vote(net)
        mark_all_sent(net.db)
        replies = [ballot_reply(b) for b in ballots(net.db)][:VOTES]
        db_path = net.settings.store.path
        net.close()  # release the store's lock for the child
        daemon = DaemonProcess(net.config, net.folder / "daemon.log")
        assert wait_until(lambda: stack.folder_counts().get("Processed") is not None, 20), "daemon did not connect"
        observer = reader(db_path)
        time.sleep(1.0)  # let it settle into IDLE
        for data in replies:
            message_id = data.split(b"Message-ID: ", 1)[1].split(b"\r\n", 1)[0].decode()
            stack.send_to_list(data, mail_from=None)
            sent = time.perf_counter()
            query = "SELECT 1 FROM vote_events WHERE vote_id = ? AND message_id = ?"
            if wait_until(lambda: observer.execute(query, [vote_id, message_id]).fetchone(), 10, 0.002):
                latencies.append(time.perf_counter() - sent)
            wait_until(lambda: not observer.execute(
                "SELECT count(*) FROM outbox WHERE state = 'queued'").fetchone()[0], 10, 0.01)
            time.sleep(0.2)  # the receipt is out; the daemon goes back to IDLE
        observer.close()
    finally:
        if daemon is not None:
            daemon.stop()
        net.close()
        stack.close()
    p50, p95 = statistics.median(latencies), percentile(latencies, 95)
    note = (f"{len(latencies)} of {VOTES} votes committed; min {min(latencies):.2f} s, max {max(latencies):.2f} s; "
            f"ratio = p95 / Dovecot's {FLOOR} s IDLE delay")
    return Row(f"4. latency: {VOTES} votes by SMTP, daemon in IDLE", f"p50 {p50:.2f} s, p95 {p95:.2f} s",
               f"floor {FLOOR:.1f} s", p95 / FLOOR, "p95 ≤ 0.8 s", p95 <= 0.8 and len(latencies) == VOTES, note)


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
