"""Benchmark 8, the MDA path: `convenor deliver` of a ballot reply → the receipt handed to SMTP.

`convenor run` runs as a child (IMAP IDLE on an empty inbox, sending to the discarding sink),
as it would beside an MTA whose `mailbox_command` is `convenor deliver`. For each of 50
members, one `convenor --config … deliver` process is started with the member's ballot reply
on standard input; the latency is from that start to the moment the sink has accepted one more
message (the receipt). The next reply follows once the previous `deliver` exited. Raw: the
same process start of the same Python running nothing (`python -c pass`), the floor any
`deliver` pays. Target: p95 ≤ 0.2 s.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import threading
import time

from bench.common import (CONVENOR_BIN, DaemonProcess, Row, ballot_reply, ballots, mark_all_sent, network,
                          open_vote, start_stack, wait_until)
from bench.latency import percentile

REPLIES = 50


def run(profile: bool = False) -> Row:
    """Deliver the replies one by one beside a `convenor run` child and return the table row."""
    stack = start_stack()
    net = network("mda", stack, REPLIES)
    daemon = None
    latencies: list[float] = []
    floors: list[float] = []
    answered: list[float] = []  # until `deliver` printed the daemon's answer (the message committed)
    answers: dict[str, int] = {}
    try:
        open_vote(net)
        mark_all_sent(net.db)
        replies = [ballot_reply(b) for b in ballots(net.db)][:REPLIES]
        net.close()  # release the store's lock for the child
        daemon = DaemonProcess(net.config, net.folder / "daemon.log")
        assert wait_until(lambda: stack.folder_counts().get("Processed") is not None, 20), "daemon did not connect"
        time.sleep(1.0)  # let it settle into IDLE
        for data in replies:
            floors.append(_timed_floor())
            receipt = stack.capture.waiter(stack.capture.stats()["messages"] + 1)
            started = time.perf_counter()
            proc = subprocess.Popen([str(CONVENOR_BIN), "--config", str(net.config), "deliver"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            proc.stdin.write(data)  # an MTA pipes the message as the command starts
            proc.stdin.close()
            arrived: list[float] = []
            watcher = threading.Thread(target=lambda: receipt(10) and arrived.append(time.perf_counter()))
            watcher.start()
            answer = proc.stdout.read().decode().split(":", 1)[0].strip()
            answered.append(time.perf_counter() - started)
            watcher.join()
            if arrived:
                latencies.append(arrived[0] - started)
            proc.wait(30)
            answers[answer] = answers.get(answer, 0) + 1
    finally:
        if daemon is not None:
            daemon.stop()
        net.close()
        stack.close()
    p50, p95 = statistics.median(latencies), percentile(latencies, 95)
    floor = statistics.median(floors)
    note = (f"{len(latencies)} of {REPLIES} receipts reached the sink; min {min(latencies):.3f} s, "
            f"max {max(latencies):.3f} s; deliver answered {answers} (after p50 {statistics.median(answered):.3f} s, "
            f"p95 {percentile(answered, 95):.3f} s); "
            f"ratio = p95 / the median start-up of a bare Python process ({floor:.3f} s)")
    return Row(f"8. MDA path: {REPLIES} replies by `convenor deliver`, daemon running",
               f"p50 {p50:.3f} s, p95 {p95:.3f} s", f"python start {floor:.3f} s", p95 / floor,
               "p95 ≤ 0.2 s", p95 <= 0.2 and len(latencies) == REPLIES, note)


def _timed_floor() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
