"""Benchmark 2, fan-out: a ballot to 500 members sent through the outbox.

Convenor: `convenor.delivery.deliver_due` with `mailer.smtp_send.SmtpSender` (render each row,
send, mark it sent in its own transaction) to a loopback SMTP server that accepts and discards.
Raw: smtplib sending 500 pre-rendered messages of the same bytes over one connection to the
same server. Target: ≥ 0.7× raw. Also reports messages per SMTP connection.
"""
from __future__ import annotations

import smtplib
import time

from bench.common import Row, network, open_vote, rate, start_stack
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
    """Measure both and return the table row."""
    stack = start_stack()
    net = network("fanout", stack, N - 1)  # the coordinator is core too: N ballots
    try:
        open_vote(net)
        db, rules = net.db, net.daemon.rules
        queued = outbox.due(db, net.now, limit=10 * N)
        ballots = [r for r in queued if r["kind"] == "vote_ballot"]
        assert len(ballots) == N, len(ballots)
        rendered = [(addresses.bounce_address(rules.network.list_address, r["bounce_token"]),
                     r["recipient"], render_row(db, rules, r, net.now)) for r in ballots]
        raw = raw_send(stack, rendered)
        before = stack.capture.stats()
        sender = SmtpSender(**stack.smtp_settings())
        profiler = None
        if profile:
            import cProfile
            profiler = cProfile.Profile()
            profiler.enable()
        started = time.perf_counter()
        report = deliver_due(db, rules, sender, lambda: net.now, retry_base=60, retry_max=3600, max_attempts=5)
        elapsed = time.perf_counter() - started
        if profiler:
            profiler.disable()
            from bench.inbound import _print_profile
            _print_profile(profiler)
        sender.close()
        after = stack.capture.stats()
        sent = after["messages"] - before["messages"]
        per_connection = sender.messages_sent / max(1, sender.connections_opened)
        conns = after["connections"] - before["connections"] - 1  # less the stats query itself
    finally:
        net.close()
        stack.close()
    ratio = raw / elapsed * (report.sent / N)
    size = sum(len(m[2]) for m in rendered) // N
    note = (f"{report.sent} sent (+{report.sent - N} confirmation), {sent} accepted by the sink over {conns} connection(s): "
            f"{per_connection:.0f} messages per SMTP connection; ballots ~{size:,} bytes; Convenor {elapsed:.2f} s, raw {raw:.2f} s")
    return Row(f"2. fan-out: ballot to {N} members", rate(report.sent, elapsed), rate(N, raw), ratio,
               "≥ 0.7× raw", ratio >= 0.7, note)


if __name__ == "__main__":
    import sys
    from bench.common import table
    print(table([run(profile="--profile" in sys.argv)]))
