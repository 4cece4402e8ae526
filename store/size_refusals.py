"""Members' copies the mail provider refused for their size whose notice is not queued yet (table
`size_refused_copies`, migration `convenor-sending` m009): recorded in the refusal's transaction,
forgotten in the one that queues their notice (`workflows.sending.size_refusal`)."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


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


@dataclass(frozen=True)
class RefusedCopy:
    """One member's copy refused for its size, as kept until its notice is queued."""
    refused_id: int         # this record's id (what `forget` takes)
    row: dict | None        # its outbox row, `last_error` the provider's answer; None when the row is gone
    size: int               # its size in bytes, as sent
    limit: int | None       # the provider's stated limit, None when it states none
    accepted: int           # how many other copies of its fan-out had been accepted


def untold(db: sqlite_utils.Database) -> list[RefusedCopy]:
    """Every refused copy whose notice is not queued yet, in the order they were refused, its
    outbox row (as the table holds it, nothing added; None when the row is gone) apart from what
    the refusal recorded. Read it in the transaction that queues the notices and `forget`s them."""
    cursor = db.conn.execute("SELECT r.id, r.size, r.size_limit, r.accepted, o.* "
                             "FROM size_refused_copies r LEFT JOIN outbox o ON o.id = r.outbox_id ORDER BY r.id")
    keys = [d[0] for d in cursor.description[4:]]  # the outbox row's columns, after the refusal's four
    copies = []
    for refused_id, size, limit, accepted, *values in cursor.fetchall():
        row = dict(zip(keys, values))
        copies.append(RefusedCopy(refused_id, row if row["id"] is not None else None, size, limit, accepted))
    return copies


def forget(db: sqlite_utils.Database, refused_ids: list[int]) -> None:
    """The notices of these refused copies (`untold`'s `refused_id`) are queued, or need none."""
    db.conn.executemany("DELETE FROM size_refused_copies WHERE id = ?", [(i,) for i in refused_ids])
