"""Messages forwarded to the coordinators and who answered them (from the list address)."""
from __future__ import annotations

from datetime import datetime

import sqlite_utils

from store.sql import query_one
from store.times import from_db, to_db


def create(db: sqlite_utils.Database, *, address: str, member_id: int | None, message_id: str | None,
           now: datetime) -> int:
    """Record a forwarded message (its sender's address) and return its id."""
    return db.execute("INSERT INTO forwards (address, member_id, message_id, created_at) VALUES (?, ?, ?, ?)",
                      [address, member_id, message_id, to_db(now)]).lastrowid


def get(db: sqlite_utils.Database, forward_id: int) -> dict | None:
    """The forward with this id, or None."""
    return query_one(db, "SELECT * FROM forwards WHERE id = ?", [forward_id])


def record_answer(db: sqlite_utils.Database, forward_id: int, coordinator_id: int, now: datetime) -> None:
    """Remember that a coordinator answered the sender of this forward."""
    db.execute("INSERT INTO forward_answers (forward_id, coordinator_id, answered_at) VALUES (?, ?, ?)",
               [forward_id, coordinator_id, to_db(now)])


def last_answer_to(db: sqlite_utils.Database, address: str) -> dict | None:
    """The latest answer a coordinator sent to this address: {name, answered_at}, or None."""
    return query_one(db, """SELECT m.name, a.answered_at FROM forward_answers a
                        JOIN forwards f ON f.id = a.forward_id JOIN members m ON m.id = a.coordinator_id
                        WHERE f.address = ? ORDER BY a.answered_at DESC, a.rowid DESC LIMIT 1""", [address],
                     read=lambda row: dict(row, answered_at=from_db(row["answered_at"])))
