"""Benchmark 1, inbound: 1,000 replies to an open vote waiting in the shared mailbox.

Convenor: `Daemon.take_mail()` takes them all (fetch in batches, parse, route by token, read
the vote, record it, queue a receipt, commit, MOVE to Processed). Raw: imapclient fetching the
same 1,000 messages (BODY.PEEK[] in batches of 100) and `email.message_from_bytes` on each.
Both sides run back to back in each of ROUNDS rounds (every member votes again each round,
a new message with another answer); the row reports the median round's figures and the ratio's
spread. Target: Convenor ≥ 0.5× the raw rate.
"""
from __future__ import annotations

import email
import email.policy
import statistics
import threading
import time

from bench.common import (ROUNDS, Row, Rounds, network, profiled, round_of_replies, seed_maildir, start_stack,
                          vote_awaiting_replies, votes_recorded)

N = int(__import__("os").environ.get("BENCH_INBOUND_N", "1000"))  # per round: 10 batches of 100 (2,000 before: a shorter `make bench`)
BATCH = 100
BUDGET_SECONDS = 60.0  # Convenor stops taking mail after this; its rate is what counts


def raw_fetch_and_parse(stack) -> float:
    """Seconds for imapclient to fetch every INBOX message and parse each with the email package."""
    client = stack.imap_client()
    try:
        started = time.perf_counter()
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search(["ALL"]))
        parsed = 0
        for i in range(0, len(uids), BATCH):
            for item in client.fetch(uids[i:i + BATCH], ["BODY.PEEK[]"]).values():
                email.message_from_bytes(item[b"BODY[]"], policy=email.policy.default)
                parsed += 1
        elapsed = time.perf_counter() - started
    finally:
        client.logout()
    assert parsed == N, parsed
    return elapsed


def run(profile: bool = False) -> Row:
    """Measure both sides in ROUNDS interleaved rounds and return the table row (with
    cProfile's top functions of one more, unmeasured Convenor round when `profile`)."""
    stack = start_stack()
    net = network("inbound", stack, N)
    rounds = Rounds([], [])
    cpu_convenor: list[float] = []
    cpu_raw: list[float] = []
    try:
        vote_id = vote_awaiting_replies(net)
        daemon = net.start()
        for number in range(ROUNDS + (1 if profile else 0)):
            # every round, every member votes again (a new message, a changed answer)
            seed_maildir(stack, None, round_of_replies(net.db, N, number))
            warm = stack.imap_client()  # let Dovecot index the new files before either side is timed
            warm.select_folder("INBOX")
            warm.logout()
            if number == ROUNDS:  # the profiled round: not measured
                profiled(daemon.take_mail)
                break
            cpu = time.process_time()  # the process: Convenor's mailbox worker thread counts too
            raw = raw_fetch_and_parse(stack)  # reads INBOX read-only; Convenor then moves it all
            cpu_raw.append((time.process_time() - cpu) / N)
            cpu = time.process_time()
            taken, elapsed = _take_all(daemon)
            cpu_convenor.append((time.process_time() - cpu) / max(1, taken))
            rounds.raw.append(N / raw)
            rounds.convenor.append(taken / elapsed)
        counted = votes_recorded(net.db, vote_id)
        receipts = net.db.execute("SELECT count(*) FROM outbox WHERE kind = 'vote_receipt'").fetchone()[0]
        moved = stack.folder_counts().get("Processed", 0)
    finally:
        net.close()
        stack.close()
    best = rounds.median_round
    note = (f"{counted} vote events recorded, {receipts} receipts queued, {moved} in Processed "
            f"({ROUNDS} rounds of {N}); CPU a message (median): Convenor {statistics.median(cpu_convenor) * 1e3:.2f} ms, "
            f"raw {statistics.median(cpu_raw) * 1e3:.2f} ms; {rounds.describe()}")
    return Row(f"1. inbound: {N} ballot replies", f"{rounds.convenor[best]:,.0f} msg/s",
               f"{rounds.raw[best]:,.0f} msg/s", rounds.ratio, "≥ 0.5× raw", rounds.ratio >= 0.5, note,
               spread=rounds.spread)


def _take_all(daemon) -> tuple[int, float]:
    """(messages taken, seconds) for `Daemon.take_mail()`, stopped after BUDGET_SECONDS."""
    daemon._stop.clear()
    budget = threading.Timer(BUDGET_SECONDS, daemon._stop.set)  # take_mail checks it after each batch
    budget.start()
    started = time.perf_counter()
    taken = daemon.take_mail()
    elapsed = time.perf_counter() - started
    budget.cancel()
    daemon._stop.clear()
    return taken, elapsed


if __name__ == "__main__":
    import sys
    from bench.common import table
    print(table([run(profile="--profile" in sys.argv)]))
