"""Benchmark 5, mailbox size: the cost of one IDLE cycle with 100 and with 50,000 messages of
history in the Processed folder.

One cycle, as `convenor run` does it: `wait_for_mail` (SEARCH for news, IDLE, DONE) wakes on a
member's HELP delivered over SMTP → LMTP, then `Daemon.run_once()` (timers, fetch, parse,
route, commit, MOVE to Processed, send the answer). Measured per cycle: the CPU time of the
daemon's thread and the IMAP bytes both ways (counted in imaplib), plus the CPU time of
Dovecot's imap process serving the session. The history is written as Maildir files straight
into `.Processed/cur/` (seconds instead of minutes of APPEND); one warm-up cycle lets Dovecot
index it. Target: cost at 50,000 ≤ 1.2× the cost at 100.
"""
from __future__ import annotations

import imaplib
import os
import statistics
import threading
import time
from pathlib import Path

from bench.common import Row, network, seed_maildir, start_stack
from tests.mailstack import make_message

SIZES = (100, 50_000)
CYCLES = 9  # the median of nine cycles (fifteen before: a shorter `make bench`)
IMAP_BYTES = [0]


def _count_imap_bytes() -> None:
    """Count every byte imaplib reads and writes (imapclient talks through imaplib.IMAP4)."""
    if getattr(imaplib.IMAP4, "_bench_counted", False):
        return
    readline, read, send = imaplib.IMAP4.readline, imaplib.IMAP4.read, imaplib.IMAP4.send

    def counted_readline(self):
        line = readline(self)
        IMAP_BYTES[0] += len(line)
        return line

    def counted_read(self, size):
        data = read(self, size)
        IMAP_BYTES[0] += len(data)
        return data

    def counted_send(self, data):
        IMAP_BYTES[0] += len(data)
        return send(self, data)

    imaplib.IMAP4.readline, imaplib.IMAP4.read, imaplib.IMAP4.send = counted_readline, counted_read, counted_send
    imaplib.IMAP4._bench_counted = True


HISTORY_TEMPLATE = (
    "From: Member {m} <m{m:05d}@example.org>\r\nTo: network@example.org\r\nSubject: Re: item {i}\r\n"
    "Date: Mon, 04 Jan 2027 14:00:00 +0000\r\nMessage-ID: <h{i}@client.example.net>\r\n"
    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\n{body}")


def history(n: int):
    """`n` small processed messages (~600 bytes), as members' mail of past years."""
    for i in range(n):
        body = f"Message {i} of the history.\r\n" * 12
        yield HISTORY_TEMPLATE.format(m=i % 500, i=i, body=body).encode()


def dovecot_cpu(stack) -> float:
    """CPU seconds used so far by this Dovecot's imap session processes."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for pid in stack.dovecot.pids({"imap"}):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total / tick


def measure(size: int) -> dict:
    """Median CPU seconds and IMAP bytes of one cycle with `size` messages of history."""
    stack = start_stack()
    net = network(f"mbox{size}", stack, 2)
    try:
        seed_maildir(stack, "Processed", history(size), seen=True)
        daemon = net.start()
        cpu, sent_bytes = [], []
        dovecot_before = None
        for cycle in range(CYCLES + 1):  # the first one warms up (Dovecot indexes Processed)
            help_msg = make_message(from_="Member 1 <m00001@example.org>", subject="HELP", body="HELP\n")
            threading.Timer(0.05, stack.send_to_list, [help_msg]).start()
            bytes_before, cpu_before = IMAP_BYTES[0], time.thread_time()
            arrived = daemon.mailbox.wait_for_mail(5.0)
            daemon.run_once()
            if cycle == 0:
                dovecot_before = dovecot_cpu(stack)
                continue
            cpu.append(time.thread_time() - cpu_before)
            sent_bytes.append(IMAP_BYTES[0] - bytes_before)
            assert arrived, "IDLE did not report the new message"
        dovecot = (dovecot_cpu(stack) - dovecot_before) / CYCLES
        processed = stack.folder_counts().get("Processed", 0)
    finally:
        net.close()
        stack.close()
    return {"cpu": statistics.median(cpu), "bytes": statistics.median(sent_bytes), "dovecot": dovecot,
            "processed": processed}


def run(profile: bool = False) -> Row:
    """Measure a cycle at both sizes and return the table row."""
    _count_imap_bytes()
    small, large = (measure(n) for n in SIZES)
    cpu_ratio, bytes_ratio = large["cpu"] / small["cpu"], large["bytes"] / max(1, small["bytes"])
    ratio = max(cpu_ratio, bytes_ratio)

    def figure(m):
        return f"{m['cpu'] * 1000:.1f} ms CPU, {m['bytes']:,.0f} IMAP bytes per cycle"

    note = (f"CPU ratio {cpu_ratio:.2f}, bytes ratio {bytes_ratio:.2f}; Dovecot's imap process "
            f"{small['dovecot'] * 1000:.0f} ms → {large['dovecot'] * 1000:.0f} ms per cycle "
            f"(10 ms clock ticks); Processed held {small['processed']:,} and {large['processed']:,} at the end")
    return Row(f"5. mailbox size: one IDLE cycle, {SIZES[1]:,} vs {SIZES[0]} in history",
               f"at {SIZES[1]:,}: {figure(large)}", f"at {SIZES[0]}: {figure(small)}", ratio,
               "≤ 1.2", ratio <= 1.2, note)


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
