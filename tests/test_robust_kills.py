"""SIGKILL of `convenor run` at random points of a 500-member vote: during the fan-out of 500
ballots, then during 1,000 inbound replies (every member votes, then changes their mind).
After the kills and one clean run: every ballot sent, every reply handled once, every member
counted once with their last choice, every receipt queued once; duplicate sends counted."""
from __future__ import annotations

import random
import signal
import sqlite3
from collections import Counter
from email.message import EmailMessage

import pytest

from tests.fixtures_convenor import Network
from tests.robust_figures import record
from tests.test_spine_daemon import start_cli_daemon, wait_until

N = 500


def kill_at_random_points(network, progress, target: int, kills: int, rng: random.Random) -> list[int]:
    """Start the daemon `kills` times, each time SIGKILL it once `progress()` passed a random mark."""
    marks = []
    for _ in range(kills):
        start = progress()
        mark = min(target - 1, start + rng.randint(5, max(6, (target - start) // (kills + 1))))
        proc = start_cli_daemon(network)
        wait_until(lambda: progress() >= mark, timeout=60, step=0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        marks.append(progress())
    return marks


def run_to_the_end(network, done) -> None:
    proc = start_cli_daemon(network)
    try:
        assert wait_until(done, timeout=180, step=0.2)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)


@pytest.mark.slow
def test_sigkill_during_a_500_ballot_fan_out_and_1000_replies(mail_stack, tmp_path):
    rng = random.Random(500)
    members = [(f"Member {i}", f"m{i}@example.org", "core", i == 0, "en", []) for i in range(N)]
    network = Network(tmp_path, stack=mail_stack, members=members)
    db = sqlite3.connect(network.settings.store.path)
    count = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    network.send("Member 0 <m0@example.org>", "[Vote] Adopt the budget", "Closes: in 30 days\n\nThat we adopt it.\n")

    # 1. the fan-out: 500 ballots
    sent = lambda: len(mail_stack.capture.messages)  # noqa: E731
    fanout_marks = kill_at_random_points(network, sent, N + 1, 3, rng)
    run_to_the_end(network, lambda: count("SELECT count(*) FROM outbox WHERE state != 'sent'") == 0
                   and count("SELECT count(*) FROM outbox") >= N)
    ballots = {r[0]: r[1] for r in db.execute(
        "SELECT m.email, o.reply_token FROM outbox o JOIN members m ON m.id = o.member_id "
        "WHERE o.kind = 'vote_ballot'")}
    assert len(ballots) == N
    fanout_duplicates = len(mail_stack.capture.messages) - count("SELECT count(*) FROM outbox")

    # 2. 1,000 replies: YES from everyone, then NO from everyone
    for choice in ("YES", "NO"):
        for address, token in ballots.items():
            msg = EmailMessage()
            msg["From"], msg["To"], msg["Subject"] = address, f"x+{token}@example.org", "Re: [Vote 1] ballot"
            msg["Message-ID"] = f"<{choice}.{token}@client.example.net>"
            msg.set_content(choice)
            mail_stack.send_to_list(msg, rcpt=f"+{token}")
    handled = lambda: count("SELECT count(*) FROM inbound")  # noqa: E731
    before = handled()
    reply_marks = kill_at_random_points(network, handled, before + 2 * N, 4, rng)
    run_to_the_end(network, lambda: handled() == before + 2 * N and mail_stack.folder_counts()["INBOX"] == 0
                   and count("SELECT count(*) FROM outbox WHERE state != 'sent'") == 0)

    votes = count("SELECT count(*) FROM vote_choices")
    no_votes = count("SELECT count(*) FROM vote_choices WHERE choice = 1")
    events = count("SELECT count(*) FROM vote_events WHERE kind = 'vote'")
    receipts_twice = count("SELECT count(*) FROM (SELECT in_reply_to FROM outbox WHERE kind = 'vote_receipt' "
                           "GROUP BY in_reply_to HAVING count(*) > 1)")
    receipts = count("SELECT count(*) FROM outbox WHERE kind = 'vote_receipt'")
    per_message = Counter(m["data"].split(b"Message-ID:", 1)[-1].split(b"\n", 1)[0].strip()
                          for m in mail_stack.capture.messages)
    duplicates_sent = sum(n - 1 for n in per_message.values())
    kills = len(fanout_marks) + len(reply_marks)
    record("sigkill", members=N, ballots=len(ballots), inbound_replies=2 * N, kills=kills,
           fanout_kill_points=fanout_marks, reply_kill_points=reply_marks, lost=2 * N - (handled() - before),
           voters_counted=votes, counted_twice=events - 2 * N, receipts_queued=receipts,
           receipts_queued_twice=receipts_twice, duplicate_sends=duplicates_sent,
           fanout_duplicate_sends=fanout_duplicates)
    assert any(0 < m < N for m in fanout_marks) and any(before < m < before + 2 * N for m in reply_marks)
    assert votes == N and no_votes == N and events == 2 * N
    assert receipts == 2 * N and receipts_twice == 0
    assert duplicates_sent <= kills
