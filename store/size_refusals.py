"""Members' copies the mail provider refused for their size whose notice is not queued yet (table
`size_refused_copies`, migration `convenor-sending` m009): recorded in the refusal's transaction,
forgotten in the one that queues their notice (`workflows.sending.size_refusal`)."""
from __future__ import annotations

import sqlite_utils

from store.sql import query


def record(db: sqlite_utils.Database, outbox_id: int, size: int, limit: int | None, accepted: int) -> None:
    """Keep outbox row `outbox_id` (a copy refused for its `size`, the provider's stated `limit`
    or None, after `accepted` other copies of its fan-out went) until its notice is queued. The
    caller owns the transaction."""
    db.conn.execute("INSERT OR IGNORE INTO size_refused_copies (outbox_id, size, size_limit, accepted) "
                    "VALUES (?, ?, ?, ?)", [outbox_id, size, limit, accepted])


def any_untold(db: sqlite_utils.Database) -> bool:
    """True when a refused copy waits for its notice (a read of a table empty but for those; no
    transaction needed)."""
    return db.conn.execute("SELECT 1 FROM size_refused_copies LIMIT 1").fetchone() is not None


def untold(db: sqlite_utils.Database) -> list[dict]:
    """Every refused copy whose notice is not queued yet, in the order they were refused: its
    outbox row (`last_error` the provider's answer) with `refused_id`, `size`, `size_limit` and
    `accepted`; a copy whose outbox row is gone has `id` None. Read it in the transaction that
    queues the notices and `forget`s them."""
    return query(db, "SELECT o.*, r.id AS refused_id, r.size, r.size_limit, r.accepted "
                     "FROM size_refused_copies r LEFT JOIN outbox o ON o.id = r.outbox_id ORDER BY r.id")


def forget(db: sqlite_utils.Database, refused_ids: list[int]) -> None:
    """The notices of these refused copies (`untold`'s `refused_id`) are queued, or need none."""
    db.conn.executemany("DELETE FROM size_refused_copies WHERE id = ?", [(i,) for i in refused_ids])
