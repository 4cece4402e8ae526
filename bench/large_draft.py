"""Benchmark 3, large draft: a coordinator circulates a 10 MB attachment to 300 members.

`convenor run` runs as a child process; the coordinator's `[Draft]` message (with the file) is
sent over SMTP → LMTP into the mailbox; the benchmark waits until the outbox has sent all 300
copies and the confirmation, then reads the daemon's peak RSS (VmHWM) and the store's growth.
Targets: peak RSS ≤ 150 MB; the store grows by about one copy of the attachment, not 300.
"""
from __future__ import annotations

import os
import time

from bench.common import COORDINATOR, DaemonProcess, Row, network, reader, start_stack, store_bytes, wait_until

MEMBERS = 300
SIZE = 10 * 1024 * 1024
MB = 1024 * 1024
BUDGET_SECONDS = 75.0  # stop waiting for the copies after this (the whole `make bench` stays under 5 min)


def run(profile: bool = False) -> Row:
    """Circulate the draft through a `convenor run` child and return the table row."""
    stack = start_stack()
    net = network("draft", stack, MEMBERS)
    db_path = net.settings.store.path
    daemon = None
    try:
        daemon = DaemonProcess(net.config, net.folder / "daemon.log")
        assert wait_until(lambda: stack.folder_counts().get("Processed") is not None, 20), "daemon did not connect"
        time.sleep(0.5)
        idle_rss = daemon.status("VmRSS")
        before = store_bytes(db_path)
        attachment = os.urandom(SIZE)  # incompressible, like a PDF
        message = net.compose(f"Carla Coordinator <{COORDINATOR}>", "[Draft] Annual report 2027",
                              "Deadline: in 14 days\n\nPlease read the attached report.\n",
                              attachments=[("annual-report.pdf", "application/pdf", attachment)])
        started = time.perf_counter()
        stack.send_to_list(message, authenticated="pass")  # the receiving MTA verified the coordinator
        observer = reader(db_path)

        def all_sent() -> bool:
            row = observer.execute("SELECT sum(state = 'sent'), sum(state = 'queued') FROM outbox").fetchone()
            return (row[0] or 0) >= MEMBERS + 1 and not row[1]

        wait_until(lambda: observer.execute("SELECT count(*) FROM drafts").fetchone()[0] > 0, BUDGET_SECONDS, 0.05)
        circulated = time.perf_counter() - started  # taken, parsed, stored, 301 messages queued, committed
        done = wait_until(all_sent, BUDGET_SECONDS, interval=0.2)
        elapsed = time.perf_counter() - started
        sent = observer.execute("SELECT count(*) FROM outbox WHERE kind = 'draft_circulation' "
                                "AND state = 'sent'").fetchone()[0]
        blobs = observer.execute("SELECT count(*), coalesce(sum(size), 0) FROM blobs").fetchone()
        observer.close()
        peak_rss = daemon.status("VmHWM")
        with_wal = store_bytes(db_path)
        daemon.stop()
        after = store_bytes(db_path)  # the WAL is checkpointed into the file and removed at close
        sink = stack.capture.stats()
    finally:
        if daemon is not None:
            daemon.stop()
        net.close()
        stack.close()
    growth = (after - before) / SIZE
    rss_mb = peak_rss / 1024
    met = rss_mb <= 150 and growth <= 1.5
    note = (f"draft taken and queued in {circulated:.1f} s; {sent} of {MEMBERS} copies sent in {elapsed:.0f} s{'' if done else ' (budget reached)'} ({sink['data_bytes'] / MB:,.0f} MB through SMTP); "
            f"{blobs[0]} blob(s) of {blobs[1] / MB:.1f} MB; store {before / MB:.1f} → {after / MB:.1f} MB "
            f"(with the WAL before the checkpoint: {with_wal / MB:.1f} MB); idle daemon RSS {idle_rss / 1024:.0f} MB")
    return Row(f"3. large draft: 10 MB to {MEMBERS} members",
               f"peak RSS {rss_mb:.0f} MB; store +{(after - before) / MB:.1f} MB",
               f"attachment {SIZE / MB:.0f} MB", growth,
               "RSS ≤ 150 MB, store ≈ 1 copy", met, note)


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
