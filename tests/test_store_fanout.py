"""The fan-out an outbox row belongs to (store migration m008_fanout): copies still waiting when
a store is upgraded are grouped as before (same kind, same item, same moment), every other row
is a message of its own."""
from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from store import members, outbox, tokens
from store.migrations import MIGRATION_SETS

NOW = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)


def _row(db, n: int, member_id: int, kind: str, token: str | None, created_at: str, state: str = "queued") -> None:
    db.execute("INSERT INTO outbox (id, created_at, member_id, recipient, kind, subject, body_text, reply_token, "
               "bounce_token, message_id, state, next_try_at) VALUES (?, ?, ?, ?, ?, 'S', 'T', ?, ?, ?, ?, ?)",
               [n, created_at, member_id, f"m{member_id}@example.org", kind, token, f"b{n}", f"<{n}@x>", state,
                created_at])


def test_copies_waiting_at_the_upgrade_are_one_fanout_per_item_kind_and_moment():
    db = sqlite_utils.Database(memory=True)
    for migrations in MIGRATION_SETS:
        migrations.apply(db, stop_before="m008_fanout")
    assert "fanout_id" not in db["outbox"].columns_dict
    ids = [members.add(db, email=f"m{i}@example.org", name=f"M{i}", role="core", coordinator=False,
                       language="en", now=NOW) for i in range(3)]
    at, later = "2027-01-04T14:00:00+00:00", "2027-01-04T14:00:01+00:00"
    vote1 = [tokens.issue(db, m, "vote", 1, NOW) for m in ids]
    vote2 = tokens.issue(db, ids[0], "vote", 2, NOW)
    _row(db, 1, ids[0], "vote_ballot", vote1[0], at)
    _row(db, 2, ids[1], "vote_ballot", vote1[1], at)
    _row(db, 3, ids[2], "vote_ballot", vote1[2], at, state="sent")  # gone: no longer a copy to withdraw
    _row(db, 4, ids[0], "vote_ballot", vote2, at)  # another vote, alone: one member's message
    _row(db, 5, ids[1], "vote_receipt", vote1[1], at)  # another kind: a receipt, one member's
    _row(db, 6, ids[2], "vote_ballot", vote1[2], later)  # queued later, alone: a ballot sent again
    _row(db, 7, ids[0], "coordinator_answer", None, at)  # no item: one person's
    _row(db, 8, ids[1], "coordinator_answer", None, at)
    for migrations in MIGRATION_SETS:
        migrations.apply(db)
    got = {r[0]: r[1] for r in db.execute("SELECT id, fanout_id FROM outbox")}
    # a row alone in its group is one member's message (a ballot sent again, a receipt): its size
    # refusal must never stop its vote, with no other copy to tell a fan-out by
    assert got == {1: 1, 2: 1, 3: None, 4: None, 5: None, 6: None, 7: None, 8: None}
    assert outbox.withdraw_same_message(db, 7, "too large") == []
    assert outbox.withdraw_same_message(db, 1, "too large") == [ids[1]]


def test_a_copy_accepted_is_what_the_store_records_its_journaled_mark_included():
    """The size rule's "accepted": another copy's sent mark counts from the moment it is committed,
    folded or still in the journal (another connection's copy accepted a moment before), never
    before; a copy of a fan-out with none accepted stops its item, one after an accepted copy not."""
    from store.db import open_store
    from workflows.sending.size_refusal import stops_item
    db = open_store(":memory:")
    ids = [members.add(db, email=f"m{i}@example.org", name=f"M{i}", role="core", coordinator=False,
                       language="en", now=NOW) for i in range(3)]
    rows = [outbox.queue(db, recipient=f"m{i}@example.org", member_id=m, kind="vote_ballot", subject="S",
                         body_text="T", body_html=None, headers={}, attachments=[], reply_token=None,
                         bounce_token=f"b{i}", message_id=f"<{i}@x>", in_reply_to=None, now=NOW)
            for i, m in enumerate(ids)]
    fanout = outbox.start_fanout(db, rows[0])
    db.execute("UPDATE outbox SET fanout_id = ?", [fanout])
    refused = dict(db["outbox"].get(rows[2]))
    assert outbox.same_message_sent(db, rows[2]) == 0 and stops_item(refused, 0)
    outbox.journal_sent(db, rows[0], NOW)  # accepted, its mark not yet folded
    assert outbox.same_message_sent(db, rows[2]) == 1 and not stops_item(refused, 1)
    outbox.fold_sent(db)
    assert outbox.same_message_sent(db, rows[2]) == 1
    alone = dict(refused, fanout_id=None)  # a message to one person alone (a ballot sent again)
    assert not stops_item(alone, 0)
    assert stops_item(dict(alone, attachments='[{"sha256": "x"}]'), 0)  # files to one person (a digest)
