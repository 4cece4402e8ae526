"""Notices sent at most once a day per address and kind (strangers, refused tokens, ballots sent again),
or once per member or message and kind (`first_once`)."""
from __future__ import annotations

import sqlite_utils


def first_today(db: sqlite_utils.Database, address: str, kind: str, day: str) -> bool:
    """Record (address, kind, day) and return True, or False when it was already recorded."""
    cursor = db.execute("INSERT OR IGNORE INTO notices (address, kind, day) VALUES (?, ?, ?)",
                        [address, kind, day])
    return cursor.rowcount == 1


def first_once(db: sqlite_utils.Database, key: str, kind: str, day: str) -> bool:
    """Record (key, kind) on `day` and return True, or False when it was recorded on any day: a
    notice given once while its record is kept (the privacy purge deletes it with the day's
    others). `key` names a member or a message by its id ("member 12"), never an address."""
    if given_once(db, key, kind):
        return False
    return first_today(db, key, kind, day)


def given_once(db: sqlite_utils.Database, key: str, kind: str) -> bool:
    """Whether (key, kind) is recorded on any day (`first_once` would return False), recording nothing."""
    return db.execute("SELECT 1 FROM notices WHERE address = ? AND kind = ? LIMIT 1", [key, kind]).fetchone() is not None


def count_on(db: sqlite_utils.Database, kind: str, day: str) -> int:
    """How many notices of `kind` were recorded on `day`, all addresses together."""
    return db.execute("SELECT count(*) FROM notices WHERE kind = ? AND day = ?", [kind, day]).fetchone()[0]


def count_for(db: sqlite_utils.Database, address: str, kind: str, day: str) -> int:
    """How many notices of `kind` (or numbered `kind-1`, `kind-2`…) were recorded for `address` on `day`."""
    return db.execute("SELECT count(*) FROM notices WHERE address = ? AND day = ? AND (kind = ? OR substr(kind, 1, ?) = ?)",
                      [address, day, kind, len(kind) + 1, f"{kind}-"]).fetchone()[0]
