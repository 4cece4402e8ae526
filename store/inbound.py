"""The record of every message taken from the mailbox: the key to handling each exactly once."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta

import sqlite_utils

from store.times import to_db
from store.sql import query, query_one, state_counts


def dedup_key(message_id: str, from_addr: str) -> str:
    """What the purge keeps of a message's Message-ID and sender (`sha256:` and the hex digest of
    both): a second copy of it is still recognised, and the row names no address."""
    both = f"{message_id}\n{from_addr or ''}".encode("utf-8", "surrogateescape")
    return "sha256:" + hashlib.sha256(both).hexdigest()


def seen(db: sqlite_utils.Database, mailbox_key: str, sha256: str,
         message_id: str = "", from_addr: str = "") -> dict | None:
    """The row of a message already recorded: under this server key, with these exact bytes, or
    (when it has one) with the same Message-ID from the same sender (a second delivered copy),
    also once the purge has kept only the `dedup_key` of the two. One look-up (every message
    makes it): a row of the first kind comes first."""
    return query_one(db,
        "SELECT id, state, mailbox_key, sha256 FROM inbound WHERE mailbox_key = ? OR sha256 = ? "
        "UNION ALL SELECT * FROM (SELECT id, state, mailbox_key, sha256 FROM inbound "
        "WHERE ((message_id = ? AND from_addr = ?) OR (message_id = ? AND from_addr = '')) AND ? != '' LIMIT 1) "
        "LIMIT 1",
        [mailbox_key, sha256, message_id, from_addr, dedup_key(message_id or "", from_addr or ""), message_id])


ANSWERED_HELD = "answered_held"  # its answer had its effect; the text beside it is held in Quarantine


def record(db: sqlite_utils.Database, *, mailbox_key: str, sha256: str, message_id: str,
           from_addr: str, state: str, handler: str | None, error: str | None,
           raw: bytes | None, now: datetime, facts: dict | None = None) -> int:
    """Record a message with its outcome; `raw` is kept only for quarantined messages.

    `state`: 'handled'; 'quarantined' (set aside, nothing acted on); `ANSWERED_HELD` (its answer
    had its effect, the text beside it is held). `now` is stored as `received_at`: when the
    message reached the mailbox. `facts`: what the coordinators' daily summary names of it (a
    text-free dict, kept as JSON; see `taken_between`)."""
    return db.execute(
        """INSERT INTO inbound (mailbox_key, sha256, message_id, from_addr, received_at, state,
               handler, error, raw, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [mailbox_key, sha256, message_id, from_addr, to_db(now), state, handler, error, raw,
         json.dumps(facts) if facts else None]).lastrowid


def quarantined(db: sqlite_utils.Database, limit: int | None = None) -> list[dict]:
    """Messages in Quarantine, newest first (the latest `limit` when given), without their bytes:
    those set aside and those whose text waits there beside an answer that counted (`ANSWERED_HELD`).
    Each state's latest are read through its own partial index, never the whole history."""
    columns = "SELECT id, mailbox_key, message_id, from_addr, received_at, error FROM inbound"
    limit = -1 if limit is None else limit
    return list(query(db,
        f"SELECT * FROM ({columns} WHERE state = 'quarantined' ORDER BY id DESC LIMIT ?) "
        f"UNION ALL SELECT * FROM ({columns} WHERE state = '{ANSWERED_HELD}' ORDER BY id DESC LIMIT ?) "
        "ORDER BY id DESC LIMIT ?", [limit, limit, limit]))


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """How many messages were handled and how many quarantined (both keys always there), and any
    other state's count (kept by triggers: no count over the whole history)."""
    return {"handled": 0, "quarantined": 0, ANSWERED_HELD: 0, **state_counts(db, "inbound")}


def forwarded_on(db: sqlite_utils.Database, handler: str, day, from_addr: str | None = None,
                 forwarded_prefix: str = "") -> int:
    """How many messages `handler` handled (not held) that arrived on UTC `day`, from one sender or
    all; with `forwarded_prefix`, quarantined ones whose reason starts with it count too (set
    aside, but forwarded all the same)."""
    sql = ("SELECT count(*) FROM inbound WHERE handler = ? AND (state = 'handled' OR (? != '' AND "
           "state = 'quarantined' AND substr(error, 1, ?) = ?)) AND received_at >= ? AND received_at < ?")
    args = [handler, forwarded_prefix, len(forwarded_prefix), forwarded_prefix,
            f"{day.isoformat()} 00:00:00", f"{(day + timedelta(days=1)).isoformat()} 00:00:00"]
    if from_addr is not None:
        sql += " AND from_addr = ?"
        args.append(from_addr)
    return db.execute(sql, args).fetchone()[0]


def held_between(db: sqlite_utils.Database, handler: str, reason_prefix: str, start: datetime, end: datetime) -> int:
    """How many messages `handler` held (quarantined with a reason starting `reason_prefix`) that
    arrived in [start, end)."""
    return db.execute(
        "SELECT count(*) FROM inbound WHERE handler = ? AND state = 'quarantined' AND substr(error, 1, ?) = ? "
        "AND received_at >= ? AND received_at < ?",
        [handler, len(reason_prefix), reason_prefix, to_db(start), to_db(end)]).fetchone()[0]


def held_by_sender_between(db: sqlite_utils.Database, handler: str | None, reason_prefix: str, start: datetime,
                           end: datetime) -> list[tuple[str, int, int]]:
    """How many messages `handler` (any handler when None) held (as `held_between`, or held after
    their answer had its effect: `ANSWERED_HELD`) from each sender address, most first: (address,
    how many, how many of them `ANSWERED_HELD`)."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        f"SELECT from_addr, count(*) AS n, sum(state = '{ANSWERED_HELD}') FROM inbound WHERE (? IS NULL OR handler = ?) "
        f"AND state IN ('quarantined', '{ANSWERED_HELD}') "
        "AND substr(error, 1, ?) = ? AND received_at >= ? AND received_at < ? GROUP BY from_addr "
        "ORDER BY n DESC, from_addr",
        [handler, handler, len(reason_prefix), reason_prefix, to_db(start), to_db(end)]).fetchall()]


def taken_between(db: sqlite_utils.Database, handler: str, start: datetime, end: datetime,
                  fact: str | None = None) -> list[dict]:
    """The messages `handler` took (in any state) that arrived in [start, end), oldest first
    (with `fact`, only those whose `facts` name it, whatever its value: a JSON null too, which says
    it was not known): each one's sender address, arrival, state, text-free reason (`error`) and
    `facts` (a dict, {} when none)."""
    rows = query(db, "SELECT from_addr, received_at, state, error, facts FROM inbound WHERE handler = ? "
                     "AND received_at >= ? AND received_at < ? AND (? IS NULL OR json_type(facts, '$.' || ?) "
                     "IS NOT NULL) ORDER BY received_at, id",
                 [handler, to_db(start), to_db(end), fact, fact])
    return [{**row, "facts": json.loads(row["facts"]) if row["facts"] else {}} for row in rows]
