"""Benchmark 2, fan-out: a ballot to 500 members sent through the outbox.

Convenor: `convenor.delivery.deliver_due` with `mailer.smtp_send.SmtpSender` (render each row,
send, mark it sent in its own transaction) to a loopback SMTP server that accepts and discards.
Raw: smtplib sending 500 pre-rendered messages of the same bytes over one connection to the
same server. Both sides run in each of ROUNDS rounds, which goes first alternating; the row
reports the median round's figures and the ratio's spread. Target: ≥ 0.75× raw. Also reports
messages per SMTP connection.
"""
from __future__ import annotations

import smtplib
import statistics
import time

from bench.common import ROUNDS, Row, Rounds, mark_all_sent, network, open_vote, start_stack
from convenor.delivery import deliver_due, render_row
from mailer import addresses
from mailer.smtp_send import SmtpSender
from store import outbox

N = 500


def raw_send(stack, messages: list[tuple[str, str, bytes]]) -> float:
    """Seconds for smtplib to send the given (envelope from, recipient, bytes) over one connection."""
    started = time.perf_counter()
    with smtplib.SMTP(stack.capture.host, stack.capture.port, timeout=30) as smtp:
        for envelope_from, rcpt, data in messages:
            smtp.sendmail(envelope_from, [rcpt], data)
    return time.perf_counter() - started


def run(profile: bool = False) -> Row:
    """Measure both sides in ROUNDS interleaved rounds (which goes first alternates) and return
    the table row; with `profile`, cProfile's top functions of one more, unmeasured round."""
    stack = start_stack()
    net = network("fanout", stack, N - 1)  # the coordinator is core too: N ballots
    rounds = Rounds([], [])
    sent_total = 0
    cpu_convenor: list[float] = []
    cpu_raw: list[float] = []
    try:
        open_vote(net)
        db, rules = net.db, net.daemon.rules
        queued = outbox.due(db, net.now, limit=10 * N)
        ballots = [r for r in queued if r["kind"] == "vote_ballot"]
        assert len(ballots) == N, len(ballots)
        rendered = [(addresses.bounce_address(rules.network.list_address, r["bounce_token"]),
                     r["recipient"], render_row(db, rules, r, net.now)) for r in ballots]
        mark_all_sent(db)  # the coordinator's confirmation is not what this measures
        before = stack.capture.stats()
        sender = SmtpSender(**stack.smtp_settings())
        for number in range(ROUNDS + (1 if profile else 0)):
            _requeue_ballots(db)
            if number == ROUNDS:
                from bench.common import profiled
                profiled(lambda: _deliver(db, rules, sender, net))
                break
            if number % 2:
                seconds, sent = _timed(lambda: _deliver(db, rules, sender, net))
                cpu_convenor.append(CPU[-1] / N)
                raw = _timed(lambda: raw_send(stack, rendered))[0]
                cpu_raw.append(CPU[-1] / N)
            else:
                raw = _timed(lambda: raw_send(stack, rendered))[0]
                cpu_raw.append(CPU[-1] / N)
                seconds, sent = _timed(lambda: _deliver(db, rules, sender, net))
                cpu_convenor.append(CPU[-1] / N)
            sent_total += sent
            rounds.convenor.append(sent / seconds)
            rounds.raw.append(N / raw)
        sender.close()
        after = stack.capture.stats()
        accepted = after["messages"] - before["messages"]
        per_connection = sender.messages_sent / max(1, sender.connections_opened)
    finally:
        net.close()
        stack.close()
    size = sum(len(m[2]) for m in rendered) // N
    best = rounds.median_round
    note = (f"{sent_total} sent by Convenor in {ROUNDS} rounds ({per_connection:.0f} messages per SMTP connection), "
            f"{accepted} accepted by the sink (both sides); ballots ~{size:,} bytes; CPU a message (median): "
            f"Convenor {statistics.median(cpu_convenor) * 1e3:.2f} ms, raw {statistics.median(cpu_raw) * 1e3:.2f} ms; "
            f"{rounds.describe()}")
    return Row(f"2. fan-out: ballot to {N} members", f"{rounds.convenor[best]:,.0f} msg/s",
               f"{rounds.raw[best]:,.0f} msg/s", rounds.ratio, "≥ 0.75× raw", rounds.ratio >= 0.75, note,
               spread=rounds.spread)


def _requeue_ballots(db) -> None:
    """Put the ballots back in the queue, as if just opened (the same rows, sent again)."""
    db.execute("UPDATE outbox SET state = 'queued', sent_at = NULL, attempts = 0 WHERE kind = 'vote_ballot'")
    db.conn.commit()


def _deliver(db, rules, sender, net) -> int:
    report = deliver_due(db, rules, sender, lambda: net.now, retry_base=60, retry_max=3600, max_attempts=5)
    return report.sent


def _timed(work) -> tuple[float, object]:
    started, cpu = time.perf_counter(), time.thread_time()
    result = work()
    CPU.append(time.thread_time() - cpu)
    return time.perf_counter() - started, result


CPU: list[float] = []  # CPU seconds of each timed side, in order (raw and Convenor alternate)


if __name__ == "__main__":
    import sys
    from bench.common import table
    print(table([run(profile="--profile" in sys.argv)]))
