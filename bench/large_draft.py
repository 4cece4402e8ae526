"""Benchmark 3, large draft: a coordinator circulates a 10 MB attachment to 300 members.

`convenor run` runs as a child process; the coordinator's `[Draft]` message (with the file) is
sent over SMTP → LMTP into the mailbox; the benchmark waits until the outbox has sent all 300
copies and the confirmation, then reads the daemon's peak RSS (VmHWM) and the store's growth.
Then the same with a 30 MB draft to 10 members (per-copy work is the same whatever the
audience; the peak is what counts). Targets: peak RSS ≤ 100 MB for the 10 MB draft, ≤ 60 MB
+ 2× the attachment for any size; the store grows by about one copy of the attachment, not 300.
"""
from __future__ import annotations

import os
import time

from bench.common import (COORDINATOR, DaemonProcess, Row, network, reader, seed_maildir, start_stack, store_bytes,
                          wait_until)
from tests.mailstack import as_bytes, stamp_authentication

MEMBERS = 300
SIZE = 10 * 1024 * 1024
MB = 1024 * 1024
BUDGET_SECONDS = 60.0  # stop waiting for the copies after this (the whole `make bench` stays under 10 min)
SMTP_LIMIT = 20 * 1024 * 1024  # base64 of more does not pass the bridge's 32 MiB limit
BIG_SIZE, BIG_MEMBERS, BIG_BUDGET_SECONDS = 30 * 1024 * 1024, 10, 30.0


def run(profile: bool = False) -> Row:
    """Circulate a 10 MB draft to 300 members, then a 30 MB one to 10, and return the table row."""
    ten = measure(SIZE, MEMBERS, BUDGET_SECONDS)
    big = measure(BIG_SIZE, BIG_MEMBERS, BIG_BUDGET_SECONDS)
    big_limit = 60 + 2 * BIG_SIZE / MB
    met = ten["rss_mb"] <= 100 and big["rss_mb"] <= big_limit and ten["growth"] <= 1.5
    return Row(f"3. large draft: 10 MB to {MEMBERS} members (and 30 MB to {BIG_MEMBERS})",
               f"peak RSS {ten['rss_mb']:.0f} MB (30 MB draft: {big['rss_mb']:.0f} MB); store +{ten['store_mb']:.1f} MB",
               f"attachment {SIZE / MB:.0f} MB", ten["growth"],
               f"RSS ≤ 100 MB (30 MB draft ≤ {big_limit:.0f} MB), store ≈ 1 copy", met,
               f"10 MB: {ten['note']}; 30 MB: {big['note']}")


def measure(size: int, members: int, budget: float) -> dict:
    """Circulate one draft of `size` bytes to `members` through a `convenor run` child."""
    stack = start_stack()
    net = network("draft", stack, members, f"[drafts]\nmax_attachment_mb = {size // MB + 10}\n")
    db_path = net.settings.store.path
    daemon = None
    try:
        daemon = DaemonProcess(net.config, net.folder / "daemon.log")
        assert wait_until(lambda: stack.folder_counts().get("Processed") is not None, 20), "daemon did not connect"
        time.sleep(0.5)
        idle_rss = daemon.status("VmRSS")
        before = store_bytes(db_path)
        attachment = os.urandom(size)  # incompressible, like a PDF
        message = net.compose(f"Carla Coordinator <{COORDINATOR}>", "[Draft] Annual report 2027",
                              "Deadline: in 14 days\n\nPlease read the attached report.\n",
                              attachments=[("annual-report.pdf", "application/pdf", attachment)])
        del attachment
        started = time.perf_counter()
        if size > SMTP_LIMIT:  # past what the test SMTP → LMTP bridge takes: delivered as an MDA does
            seed_maildir(stack, None, [stamp_authentication(as_bytes(message), "pass")])
        else:  # the coordinator's mail passes DKIM at the receiving server (else it is held)
            stack.send_to_list(message, authenticated="pass")
        del message
        observer = reader(db_path)

        def all_sent() -> bool:
            row = observer.execute("SELECT sum(state = 'sent'), sum(state = 'queued') FROM outbox").fetchone()
            return (row[0] or 0) >= members + 1 and not row[1]

        wait_until(lambda: observer.execute("SELECT count(*) FROM drafts").fetchone()[0] > 0, budget, 0.05)
        circulated = time.perf_counter() - started  # taken, parsed, stored, the copies queued, committed
        taken_rss = daemon.status("VmHWM")  # the peak so far: taking the message in
        done = wait_until(all_sent, budget, interval=0.2)
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
    note = (f"taken and queued in {circulated:.1f} s; {sent} of {members} copies sent in {elapsed:.0f} s"
            f"{'' if done else ' (budget reached)'} ({sink['data_bytes'] / MB:,.0f} MB through SMTP); "
            f"{blobs[0]} blob(s) of {blobs[1] / MB:.1f} MB; store {before / MB:.1f} → {after / MB:.1f} MB "
            f"(with the WAL before the checkpoint: {with_wal / MB:.1f} MB); idle daemon RSS {idle_rss / 1024:.0f} MB, "
            f"peak by the time the draft was queued {taken_rss / 1024:.0f} MB, at the end {peak_rss / 1024:.0f} MB")
    return {"rss_mb": peak_rss / 1024, "growth": (after - before) / size, "store_mb": (after - before) / MB,
            "note": note}


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
