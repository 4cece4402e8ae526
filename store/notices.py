"""Notices sent at most once a day per address and kind (strangers, refused tokens, ballots sent again)."""
from __future__ import annotations

import sqlite_utils


def first_today(db: sqlite_utils.Database, address: str, kind: str, day: str) -> bool:
    """Record (address, kind, day) and return True, or False when it was already recorded."""
    cursor = db.execute("INSERT OR IGNORE INTO notices (address, kind, day) VALUES (?, ?, ?)",
                        [address, kind, day])
    return cursor.rowcount == 1
