"""Benchmark 1, inbound: 2,000 replies to an open vote waiting in the shared mailbox.

Convenor: `Daemon.take_mail()` takes them all (fetch in batches, parse, route by token, read
the vote, record it, queue a receipt, commit, MOVE to Processed). Raw: imapclient fetching the
same 2,000 messages (BODY.PEEK[] in batches of 100) and `email.message_from_bytes` on each.
Target: Convenor ≥ 0.5× the raw rate.
"""
from __future__ import annotations

import email
import email.policy
import threading
import time

from bench.common import Row, ballot_reply, ballots, mark_all_sent, network, open_vote, rate, seed_maildir, start_stack

N = int(__import__("os").environ.get("BENCH_INBOUND_N", "2000"))
BATCH = 100
BUDGET_SECONDS = 60.0  # Convenor stops taking mail after this; its rate is what counts (5-minute run)


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
    """Measure both and return the table row (with cProfile's top functions when `profile`)."""
    stack = start_stack()
    net = network("inbound", stack, N)
    try:
        vote_id = open_vote(net)
        mark_all_sent(net.db)  # the ballots are not what this benchmark measures
        replies = [ballot_reply(b, answer=("YES", "No", "abstain")[i % 3])
                   for i, b in enumerate(ballots(net.db))][:N]
        seed_maildir(stack, None, replies)
        warm = stack.imap_client()  # let Dovecot index the new files before either side is timed
        warm.select_folder("INBOX")
        warm.logout()
        raw = raw_fetch_and_parse(stack)
        daemon = net.start()
        profiler = None
        if profile:
            import cProfile
            profiler = cProfile.Profile()
            profiler.enable()
        budget = threading.Timer(BUDGET_SECONDS, daemon._stop.set)  # take_mail checks it after each message
        budget.start()
        started = time.perf_counter()
        taken = daemon.take_mail()
        budget.cancel()
        elapsed = time.perf_counter() - started
        if profiler:
            profiler.disable()
            _print_profile(profiler)
        counted = net.db.execute("SELECT count(*) FROM vote_events WHERE vote_id = ? AND kind = 'vote'",
                                 [vote_id]).fetchone()[0]
        receipts = net.db.execute("SELECT count(*) FROM outbox WHERE kind = 'vote_receipt'").fetchone()[0]
        moved = stack.folder_counts().get("Processed", 0)
    finally:
        net.close()
        stack.close()
    ratio = raw / elapsed
    note = (f"{taken} taken (budget {BUDGET_SECONDS:.0f} s), {counted} votes recorded, {receipts} receipts queued, {moved} in Processed"
            f" (of {N}); Convenor {elapsed:.1f} s, raw {raw:.1f} s")
    return Row(f"1. inbound: {N} ballot replies", rate(taken, elapsed), rate(N, raw), ratio,
               "≥ 0.5× raw", ratio >= 0.5, note)


def _print_profile(profiler) -> None:
    import io
    import pstats
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
    print(out.getvalue())


if __name__ == "__main__":
    import sys
    from bench.common import table
    print(table([run(profile="--profile" in sys.argv)]))
