"""The sending budget's state: when messages were accepted (the rolling windows are counted
from the outbox's `sent_at`), and the pause a provider's quota answer imposed."""
from __future__ import annotations

from datetime import datetime

import sqlite_utils

from store.sql import query
from store.times import from_db, to_db


def sent_since(db: sqlite_utils.Database, since: datetime) -> list[datetime]:
    """When each message accepted after `since` was accepted, oldest first (second precision)."""
    return [from_db(r[0]) for r in db.execute(
        "SELECT sent_at FROM outbox WHERE sent_at IS NOT NULL AND sent_at > ? ORDER BY sent_at",
        [to_db(since)]).fetchall()]


def nth_latest_sent(db: sqlite_utils.Database, n: int) -> datetime | None:
    """When the n-th most recently accepted message was accepted (None when fewer were sent)."""
    row = db.execute("SELECT sent_at FROM outbox WHERE sent_at IS NOT NULL ORDER BY sent_at DESC "
                     "LIMIT 1 OFFSET ?", [n - 1]).fetchone()
    return from_db(row[0]) if row else None


def pause(db: sqlite_utils.Database) -> dict | None:
    """The pause in force or last in force ({until, reason, since} as datetimes), or None."""
    rows = list(query(db, "SELECT until, reason, since FROM sending_pause WHERE id = 1"))
    if not rows:
        return None
    row = rows[0]
    return {"until": from_db(row["until"]), "reason": row["reason"], "since": from_db(row["since"])}


def set_pause(db: sqlite_utils.Database, until: datetime, reason: str, now: datetime) -> None:
    """Hold all sending until `until` (a provider said its quota or rate is reached)."""
    db.execute("INSERT INTO sending_pause (id, until, reason, since) VALUES (1, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET until = excluded.until, reason = excluded.reason, "
               "since = excluded.since", [to_db(until), reason[:300], to_db(now)])


def waiting(db: sqlite_utils.Database) -> dict[int, int]:
    """How many queued messages wait, by priority."""
    return {r["priority"]: r["n"] for r in query(
        db, "SELECT priority, count(*) AS n FROM outbox WHERE state = 'queued' GROUP BY priority")}


def queued_up_to(db: sqlite_utils.Database, priority: int) -> int:
    """How many queued messages go before (or with) a new one of `priority`."""
    return db.execute("SELECT count(*) FROM outbox WHERE state = 'queued' AND priority <= ?",
                      [priority]).fetchone()[0]


def own_sent_before(db: sqlite_utils.Database, message_ids: list[str], before: datetime) -> set[str]:
    """Those of `message_ids` that Convenor generated for a message accepted before `before`."""
    found: set[str] = set()
    for start in range(0, len(message_ids), 500):
        chunk = message_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(
            f"SELECT message_id FROM outbox WHERE message_id IN ({marks}) AND sent_at IS NOT NULL "
            f"AND sent_at < ?", [*chunk, to_db(before)]).fetchall())
    return found


def rows_by_state(db: sqlite_utils.Database, first: int, last: int) -> dict[str, int]:
    """How many outbox rows with ids first..last are in each state."""
    return {r["state"]: r["n"] for r in query(
        db, "SELECT state, count(*) AS n FROM outbox WHERE id BETWEEN ? AND ? GROUP BY state", [first, last])}


def last_sent_at(db: sqlite_utils.Database, first: int, last: int) -> datetime | None:
    """When the last of the outbox rows first..last was accepted."""
    row = db.execute("SELECT max(sent_at) FROM outbox WHERE id BETWEEN ? AND ?", [first, last]).fetchone()
    return from_db(row[0]) if row and row[0] else None


def least_urgent(db: sqlite_utils.Database, first: int, last: int) -> int | None:
    """The least urgent priority (the highest number) among the outbox rows first..last, or None."""
    row = db.execute("SELECT max(priority) FROM outbox WHERE id BETWEEN ? AND ?", [first, last]).fetchone()
    return row[0] if row else None


def record_smtputf8(db: sqlite_utils.Database, offered: bool, now: datetime) -> None:
    """Remember whether the sending server offers SMTPUTF8 (its EHLO at the last connection, or
    `convenor check`; a Maildir sender takes any address)."""
    db.execute("INSERT INTO sending_server (id, smtputf8, seen_at) VALUES (1, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET smtputf8 = excluded.smtputf8, seen_at = excluded.seen_at",
               [int(bool(offered)), to_db(now)])


def record_max_size(db: sqlite_utils.Database, max_size: int | None) -> None:
    """Remember the largest message the sending server takes (its EHLO SIZE; None: none stated),
    beside what `record_smtputf8` keeps (recorded first)."""
    db.execute("UPDATE sending_server SET max_size = ? WHERE id = 1", [max_size])


def max_size(db: sqlite_utils.Database) -> int | None:
    """The largest message the sending server takes, as last seen; None when it stated none or
    was never seen."""
    row = db.execute("SELECT max_size FROM sending_server WHERE id = 1").fetchone()
    return None if row is None else row[0]


def smtputf8(db: sqlite_utils.Database) -> bool | None:
    """Whether the sending server offers SMTPUTF8, as last seen; None when never seen yet."""
    row = db.execute("SELECT smtputf8 FROM sending_server WHERE id = 1").fetchone()
    return None if row is None else bool(row[0])
