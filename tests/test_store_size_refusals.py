"""The members' copies refused for their size and not told yet, as the store gives them back
(`store.size_refusals`): each outbox row exactly as the outbox holds it, nothing of the refusal
mixed into it, apart from what the refusal recorded (size, the provider's limit, copies accepted)."""
from __future__ import annotations

from datetime import datetime, timezone

from store import members, outbox, size_refusals
from store.db import open_store
from store.sql import query_one

NOW = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)


def _ballot(db, member_id: int, n: int) -> int:
    return outbox.queue(db, recipient=f"m{n}@example.org", member_id=member_id, kind="vote_ballot", subject="S",
                        body_text="T", body_html=None, headers={}, attachments=[], reply_token=None,
                        bounce_token=f"b{n}", message_id=f"<{n}@x>", in_reply_to=None, now=NOW)


def test_refused_copies_come_back_in_refusal_order_with_their_outbox_rows_untouched():
    db = open_store(":memory:")
    ids = [members.add(db, email=f"m{i}@example.org", name=f"M{i}", role="core", coordinator=False,
                       language="en", now=NOW) for i in range(3)]
    rows = [_ballot(db, m, i) for i, m in enumerate(ids)]
    outbox.mark_failed(db, rows[2], "552 5.3.4 Message size exceeds fixed limit")
    outbox.mark_failed(db, rows[1], "552 too big")
    size_refusals.record(db, rows[2], 31_000_000, 25_000_000, 1)  # Jean's refused first
    size_refusals.record(db, rows[1], 30_000_000, None, 2)  # then Sofia's, the provider stating no limit
    assert size_refusals.any_untold(db)

    first, second = size_refusals.untold(db)
    assert first.row == query_one(db, "SELECT * FROM outbox WHERE id = ?", [rows[2]])  # no column added
    assert (first.size, first.limit, first.accepted) == (31_000_000, 25_000_000, 1)
    assert first.row["last_error"] == "552 5.3.4 Message size exceeds fixed limit"
    assert second.row["id"] == rows[1] and (second.size, second.limit, second.accepted) == (30_000_000, None, 2)

    db.execute("DELETE FROM outbox WHERE id = ?", [rows[1]])  # Sofia's row purged before the notice went
    first_again, gone = size_refusals.untold(db)
    assert first_again == first and gone.row is None and gone.refused_id == second.refused_id

    size_refusals.forget(db, [first.refused_id, gone.refused_id])
    assert size_refusals.untold(db) == [] and not size_refusals.any_untold(db)
