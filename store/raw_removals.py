"""Raw messages the mailbox must lose: asked for inside a workflow's transaction, done by the daemon.

The one exception to "nothing that arrives is deleted": when a secret ballot closes, the raw
replies to it leave the Processed folder (they say how each member voted); so does a reply to a
secret ballot that cannot count (it came after the close, or from someone no longer a member).
"""
from __future__ import annotations

from datetime import datetime

import sqlite_utils

from store.sql import query
from store.times import to_db


def request_for_vote(db: sqlite_utils.Database, vote_id: int, reason: str, now: datetime) -> int:
    """Ask for the removal of every recorded message that was a reply to this vote (its events'
    Message-IDs); return how many were asked for."""
    rows = list(query(db,
        "SELECT mailbox_key, message_id FROM inbound WHERE message_id != '' AND message_id IN "
        "(SELECT message_id FROM vote_events WHERE vote_id = ? AND message_id IS NOT NULL)", [vote_id]))
    for row in rows:
        request(db, row["mailbox_key"], row["message_id"], reason, now)
    return len(rows)


def request(db: sqlite_utils.Database, mailbox_key: str, message_id: str, reason: str, now: datetime) -> None:
    """Ask for the removal of one recorded message (a secret ballot's reply that came too late,
    or from someone no longer a member, after the close that removed the others)."""
    db.execute("INSERT OR IGNORE INTO raw_removals (mailbox_key, message_id, reason, requested_at) "
               "VALUES (?, ?, ?, ?)", [mailbox_key, message_id, reason, to_db(now)])


def pending(db: sqlite_utils.Database) -> list[dict]:
    """Removals asked for and not yet done, oldest first."""
    return list(query(db, "SELECT id, mailbox_key, message_id, reason FROM raw_removals "
                          "WHERE done_at IS NULL ORDER BY id"))


def mark_done(db: sqlite_utils.Database, ids: list[int], now: datetime) -> None:
    """These removals were done (or the messages were already gone)."""
    for removal_id in ids:
        db.execute("UPDATE raw_removals SET done_at = ? WHERE id = ?", [to_db(now), removal_id])
