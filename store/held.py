"""Messages held until their sender confirms them (see workflows/trust), and bounce reports."""
from __future__ import annotations

from datetime import datetime

import sqlite_utils

from store.sql import query, query_one
from store.times import to_db


def hold(db: sqlite_utils.Database, *, kind: str, action: str, member_id: int, from_addr: str,
         reason: str, raw: bytes, received_at: datetime, expires_at: datetime) -> int:
    """Keep `raw` as held (state 'held') and return its id."""
    return db.execute(
        "INSERT INTO held (kind, action, member_id, from_addr, reason, raw, received_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [kind, action, member_id, from_addr, reason, raw, to_db(received_at), to_db(expires_at)]).lastrowid


def get(db: sqlite_utils.Database, held_id: int) -> dict | None:
    """The held row (with its bytes), or None."""
    return query_one(db, "SELECT * FROM held WHERE id = ?", [held_id])


def decide(db: sqlite_utils.Database, held_id: int, state: str, now: datetime) -> bool:
    """Move a message still held to `state` ('confirmed', 'cancelled', 'expired') and blank its
    bytes; False when it was no longer held (decided already)."""
    cursor = db.execute("UPDATE held SET state = ?, decided_at = ?, raw = NULL WHERE id = ? AND state = 'held'",
                        [state, to_db(now), held_id])
    return cursor.rowcount == 1


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """How many messages are held, confirmed, cancelled and expired."""
    found = {r["state"]: r["n"] for r in query(db, "SELECT state, count(*) AS n FROM held GROUP BY state")}
    return {state: found.get(state, 0) for state in ("held", "confirmed", "cancelled", "expired")}


def record_bounce(db: sqlite_utils.Database, member_id: int | None, permanent: bool, now: datetime) -> None:
    """Remember one bounce report; `member_id` None when no bounce token mapped it to a message."""
    db.execute("INSERT INTO bounce_reports (received_at, member_id, permanent) VALUES (?, ?, ?)",
               [to_db(now), member_id, int(permanent)])


def bounce_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Bounce reports mapped to a member by their token, and reports that named nobody."""
    row = db.execute("SELECT count(member_id), count(*) - count(member_id) FROM bounce_reports").fetchone()
    return {"matched": row[0], "unmatched": row[1]}
