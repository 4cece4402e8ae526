"""What is due and when: the store, not the scheduler, holds the truth of time-driven work."""
from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from store.times import from_db, to_db
from store.sql import query


def schedule(db: sqlite_utils.Database, kind: str, item_id: int, due_at: datetime,
             payload: dict | None = None) -> None:
    """Make (kind, item, due_at) due once; scheduling the same triple again changes nothing."""
    db.execute(
        "INSERT OR IGNORE INTO timers (due_at, kind, item_id, payload) VALUES (?, ?, ?, ?)",
        [to_db(due_at), kind, item_id, json.dumps(payload or {})])


def cancel(db: sqlite_utils.Database, kind: str, item_id: int) -> None:
    """Drop every pending timer of this kind for this item (done ones stay as the record)."""
    db.execute("DELETE FROM timers WHERE kind = ? AND item_id = ? AND done_at IS NULL", [kind, item_id])


def cancel_item(db: sqlite_utils.Database, kinds: list[str], item_id: int) -> None:
    """Drop every pending timer of any of these kinds for this item."""
    for kind in kinds:
        cancel(db, kind, item_id)


def due(db: sqlite_utils.Database, now: datetime) -> list[dict]:
    """Pending timers due at or before `now`, oldest first, with `payload` decoded."""
    rows = list(query(db,
        "SELECT * FROM timers WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at, id", [to_db(now)]))
    for r in rows:
        r["payload"] = json.loads(r["payload"] or "{}")
        r["due_at"] = from_db(r["due_at"])
    return rows


def mark_done(db: sqlite_utils.Database, timer_id: int, now: datetime, outcome: str = "done") -> None:
    """Record that the timer's work was done (or skipped, with the reason as `outcome`)."""
    db.execute("UPDATE timers SET done_at = ?, outcome = ? WHERE id = ?", [to_db(now), outcome, timer_id])


def next_due(db: sqlite_utils.Database) -> datetime | None:
    """When the next pending timer falls due, or None."""
    row = db.execute("SELECT min(due_at) FROM timers WHERE done_at IS NULL").fetchone()
    return from_db(row[0]) if row and row[0] else None


def is_pending(db: sqlite_utils.Database, timer_id: int) -> bool:
    """True while the timer exists and its work has not been done."""
    row = db.execute("SELECT done_at FROM timers WHERE id = ?", [timer_id]).fetchone()
    return row is not None and row[0] is None


def pending_for(db: sqlite_utils.Database, kind: str, item_id: int) -> list[dict]:
    """Pending timers of this kind for this item."""
    return list(query(db, "SELECT * FROM timers WHERE kind = ? AND item_id = ? AND done_at IS NULL",
                         [kind, item_id]))
