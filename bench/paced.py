"""Benchmark "paced fan-out": the sending governor against a provider's per-minute limit.

A ballot to N = 2 × L members goes out under `max_per_minute = L` (L = 300, or
$BENCH_PACED_PER_MINUTE), through `convenor.delivery.deliver_due` and `SmtpSender` to the
discarding sink, on the real clock: the daemon's rounds are played by calling deliver_due again
when the governor says the window reopens. Measured:
- the busiest 60 s: the most messages accepted in any 60 s window, against L (never above it);
- the pace: how soon each window's budget was used again, (k - 1) × 60 s over the time from the
  first message to the first of the last window (1.00 = on time; target ≥ 0.95: within 5%);
- the cost: CPU seconds of paced sending against the same N messages sent unpaced, in
  ROUNDS interleaved rounds (31, or $BENCH_PACED_ROUNDS; which goes first alternates) where the
  paced side's clock jumps to each reopening instead of sleeping, so both sides run with warm
  caches. Each side is timed by the CPU clock of the sending thread (`time.thread_time`: the
  in-process LMTP bridge's thread and the machine's other work are not counted; the sink is
  another process), after a garbage collection so that neither side pays for the other's
  garbage. The figure, target ≤ 1.05, is the ratio of the two sides' lower quartiles: on a
  shared 2-core machine a round's CPU only ever grows with what else runs (another process on
  the same core evicts the caches; one round in four or five costs 20–60% more), so a quiet
  round of each side says what the work costs, and a quartile of 31 rounds is not one lucky
  round. The note also gives the ratio of the sides' minima and medians, and the median of the
  rounds' own ratios with the middle half of them (that one swings by ±5% between runs). (The
  real-time run's CPU is in the note too: after each minute asleep the first messages run on
  cold caches, which is the machine's cost, not the governor's.)
"""
from __future__ import annotations

import dataclasses
import gc
import os
import statistics
import time
from datetime import timedelta

from bench.common import Row, mark_all_sent, network, open_vote, start_stack
from convenor.delivery import deliver_due
from mailer.smtp_send import SmtpSender
from workflows.sending.pacing import SendingLimits

PER_MINUTE = int(os.environ.get("BENCH_PACED_PER_MINUTE", "300"))
N = 2 * PER_MINUTE
ROUNDS = int(os.environ.get("BENCH_PACED_ROUNDS", "31"))


class TimedSender:
    """The sender, noting when the server accepted each message (both runs use it alike)."""

    def __init__(self, inner: SmtpSender):
        self.inner, self.times = inner, []

    def send(self, envelope_from: str, recipient: str, data: bytes) -> None:
        self.inner.send(envelope_from, recipient, data)
        self.times.append(time.monotonic())

    def close(self) -> None:
        self.inner.close()


def _requeue(db) -> None:
    db.execute("UPDATE outbox SET state = 'queued', sent_at = NULL, attempts = 0 WHERE kind = 'vote_ballot'")
    db.conn.commit()


def _queued(db) -> int:
    return db.execute("SELECT count(*) FROM outbox WHERE state = 'queued'").fetchone()[0]


def _send_all_jumping(db, rules, sender, start) -> float:
    """Send every queued row, the clock jumping to each reopening; return the CPU seconds the
    sending thread spent."""
    moment = [start]
    gc.collect()
    cpu = time.thread_time()
    while _queued(db):
        report = deliver_due(db, rules, sender, lambda: moment[0], retry_base=60, retry_max=3600, max_attempts=5)
        if report.waiting_until is not None:
            moment[0] = report.waiting_until
    return time.thread_time() - cpu


def busiest_minute(times: list[float]) -> int:
    """The most messages in any 60 s window."""
    best, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= 60.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def run(profile: bool = False) -> Row:
    """Measure and return the table row."""
    stack = start_stack()
    net = network("paced", stack, N - 1)
    try:
        open_vote(net)
        db, rules = net.db, net.daemon.rules
        mark_all_sent(db)
        db.execute("UPDATE outbox SET sent_at = NULL")  # nothing counts against the budget yet
        db.conn.commit()
        sender = TimedSender(SmtpSender(**stack.smtp_settings()))
        origin = time.monotonic()
        clock = lambda: net.now + timedelta(seconds=time.monotonic() - origin)  # noqa: E731 - the real clock, store's epoch
        paced_rules = dataclasses.replace(rules, sending=SendingLimits(per_minute=PER_MINUTE))
        ratios, unpaced, jumped = [], [], []
        for number in range(ROUNDS):
            sides = [("unpaced", rules), ("paced", paced_rules)]
            for name, side_rules in sides if number % 2 == 0 else reversed(sides):
                _requeue(db)
                db.execute("UPDATE outbox SET sent_at = NULL")  # earlier rounds count for no budget
                db.conn.commit()
                cpu_used = _send_all_jumping(db, side_rules, sender, net.now + timedelta(days=number + 1))
                (unpaced if name == "unpaced" else jumped).append(cpu_used)
            ratios.append(jumped[-1] / unpaced[-1])
        db.execute("UPDATE outbox SET sent_at = NULL")
        _requeue(db)
        sender.times.clear()
        cpu_paced, rounds = 0.0, 0
        while _queued(db):
            cpu = time.process_time()
            report = deliver_due(db, paced_rules, sender, clock, retry_base=60, retry_max=3600, max_attempts=5)
            cpu_paced += time.process_time() - cpu
            rounds += 1
            if report.waiting_until is not None:
                time.sleep(max(0.0, (report.waiting_until - clock()).total_seconds()) + 0.005)
        sender.close()
        times = sender.times
    finally:
        net.close()
        stack.close()
    busiest = busiest_minute(times)
    windows = len(times) // PER_MINUTE
    pace = (windows - 1) * 60.0 / (times[(windows - 1) * PER_MINUTE] - times[0])
    def quiet(values: list[float]) -> float:  # the lower quartile
        return statistics.quantiles(values, n=4)[0]

    cost = quiet(jumped) / quiet(unpaced)
    quartiles = statistics.quantiles(ratios, n=4)
    met = busiest <= PER_MINUTE and pace >= 0.95 and cost <= 1.05
    note = (f"{len(times)} ballots at max_per_minute = {PER_MINUTE} on the real clock: busiest 60 s {busiest} "
            f"(limit {PER_MINUTE}); pace {pace:.3f} of the limit (first of window {windows} at "
            f"{times[(windows - 1) * PER_MINUTE] - times[0]:.2f} s); {rounds} delivery rounds, CPU {cpu_paced:.3f} s. "
            f"CPU of the sending thread, paced / unpaced, over {ROUNDS} interleaved rounds: lower quartiles "
            f"{quiet(jumped) * 1000:.1f} / {quiet(unpaced) * 1000:.1f} ms = {cost:.3f}; minima "
            f"{min(jumped) / min(unpaced):.3f}; medians {statistics.median(jumped) / statistics.median(unpaced):.3f}; "
            f"the rounds' own ratios: median {statistics.median(ratios):.3f}, middle half "
            f"{quartiles[0]:.3f}–{quartiles[2]:.3f}, all {min(ratios):.3f}–{max(ratios):.3f}")
    return Row(f"paced fan-out: {N} ballots at {PER_MINUTE}/min", f"busiest 60 s {busiest}, pace {pace:.3f}",
               f"limit {PER_MINUTE}/min", cost, "busiest ≤ limit, pace ≥ 0.95, CPU (quiet rounds) ≤ 1.05× unpaced",
               met, note)


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
