"""Queries on drafts: creation, versions, the frozen audience, feedback, and their reading back.

Instants are aware datetimes in and out (stored as UTC text, see `store.times`); attachment
lists are references {sha256, filename, content_type, size} to bytes kept once in `blobs`.
"""
from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from store.times import from_db, to_db
from store.sql import query, query_one


def _draft(row: dict | None) -> dict | None:
    if row is None:
        return None
    row["deadline_at"] = from_db(row["deadline_at"])
    row["created_at"] = from_db(row["created_at"])
    row["closed_at"] = from_db(row["closed_at"])
    return row


def create(db: sqlite_utils.Database, *, title: str, author_id: int, intro: str, audience_kind: str,
           audience_name: str | None, deadline_at: datetime, attachments: list[dict], now: datetime,
           message_id: str | None = None) -> int:
    """Record a new open draft (version 1 with its attachments) and return its id (its number)."""
    draft_id = db["drafts"].insert({
        "title": title, "author_id": author_id, "intro": intro, "audience_kind": audience_kind,
        "audience_name": audience_name, "deadline_at": to_db(deadline_at), "state": "open",
        "version": 1, "created_at": to_db(now), "message_id": message_id}).last_pk
    db["draft_versions"].insert({"draft_id": draft_id, "version": 1, "created_at": to_db(now),
                                 "note": intro, "attachments": json.dumps(attachments)})
    return draft_id


def get(db: sqlite_utils.Database, draft_id: int) -> dict | None:
    """The draft with this id (deadline_at, created_at, closed_at as datetimes), or None."""
    return query_one(db, "SELECT * FROM drafts WHERE id = ?", [draft_id], read=_draft)


def all_drafts(db: sqlite_utils.Database, *, state: str | None = None) -> list[dict]:
    """Every draft (or those in `state`), newest first."""
    where, params = ("WHERE state = ?", [state]) if state else ("", [])
    return [_draft(r) for r in query(db, f"SELECT * FROM drafts {where} ORDER BY id DESC", params)]


def latest_drafts(db: sqlite_utils.Database, ended: int = 10) -> list[dict]:
    """The open drafts and the `ended` latest closed or withdrawn ones, newest first."""
    return [_draft(r) for r in query(db, """SELECT * FROM drafts WHERE state = 'open' UNION ALL
                                            SELECT * FROM (SELECT * FROM drafts WHERE state != 'open'
                                                           ORDER BY id DESC LIMIT ?)
                                            ORDER BY id DESC""", [ended])]


def count_drafts(db: sqlite_utils.Database, state: str) -> int:
    """How many drafts are in `state`."""
    return db.conn.execute("SELECT count(*) FROM drafts WHERE state = ?", [state]).fetchone()[0]


def add_version(db: sqlite_utils.Database, draft_id: int, *, note: str, attachments: list[dict],
                now: datetime) -> int:
    """Record the next version of the draft and return its number."""
    version = get(db, draft_id)["version"] + 1
    db["draft_versions"].insert({"draft_id": draft_id, "version": version, "created_at": to_db(now),
                                 "note": note, "attachments": json.dumps(attachments)})
    db.execute("UPDATE drafts SET version = ? WHERE id = ?", [version, draft_id])
    return version


def versions(db: sqlite_utils.Database, draft_id: int) -> list[dict]:
    """Every version of the draft, oldest first, with `attachments` decoded."""
    rows = list(query(db, "SELECT * FROM draft_versions WHERE draft_id = ? ORDER BY version", [draft_id]))
    for r in rows:
        r["attachments"] = json.loads(r["attachments"])
        r["created_at"] = from_db(r["created_at"])
    return rows


def latest_attachments(db: sqlite_utils.Database, draft_id: int) -> list[dict]:
    """The attachment references of the draft's current version."""
    return versions(db, draft_id)[-1]["attachments"]


def set_deadline(db: sqlite_utils.Database, draft_id: int, deadline_at: datetime) -> None:
    """Move the draft's deadline."""
    db.execute("UPDATE drafts SET deadline_at = ? WHERE id = ?", [to_db(deadline_at), draft_id])


def set_state(db: sqlite_utils.Database, draft_id: int, state: str, now: datetime) -> None:
    """Close or withdraw the draft ('closed' or 'withdrawn'), remembering when."""
    db.execute("UPDATE drafts SET state = ?, closed_at = ? WHERE id = ?", [state, to_db(now), draft_id])


def add_recipients(db: sqlite_utils.Database, draft_id: int, member_ids: list[int], now: datetime) -> None:
    """Freeze the audience: these members were asked, whatever the membership becomes later."""
    for member_id in member_ids:
        db.execute("INSERT OR IGNORE INTO draft_recipients (draft_id, member_id, sent_at) VALUES (?, ?, ?)",
                   [draft_id, member_id, to_db(now)])


def recipients(db: sqlite_utils.Database, draft_id: int) -> list[dict]:
    """The members the draft went to (member rows, plus `reminded_for`), ordered by name."""
    return list(query(db,
        """SELECT m.*, r.reminded_for FROM draft_recipients r JOIN members m ON m.id = r.member_id
           WHERE r.draft_id = ? ORDER BY m.name COLLATE NOCASE, m.id""", [draft_id]))



def mark_reminded(db: sqlite_utils.Database, draft_id: int, member_id: int, deadline_at: datetime) -> None:
    """Remember that this member was reminded of the deadline `deadline_at`."""
    db.execute("UPDATE draft_recipients SET reminded_for = ? WHERE draft_id = ? AND member_id = ?",
               [to_db(deadline_at), draft_id, member_id])


def add_feedback(db: sqlite_utils.Database, draft_id: int, member_id: int, *, body: str, no_comment: bool,
                 late: bool, version: int, attachments: list[dict], now: datetime,
                 message_id: str | None = None) -> int:
    """Record one reply from a member (every reply is kept, in order) and return its id."""
    return db["feedback"].insert({
        "draft_id": draft_id, "member_id": member_id, "received_at": to_db(now), "body": body,
        "no_comment": int(no_comment), "late": int(late), "version": version, "message_id": message_id,
        "attachments": json.dumps(attachments)}).last_pk


def feedback(db: sqlite_utils.Database, draft_id: int, *, include_late: bool = True) -> list[dict]:
    """Every feedback on the draft in arrival order, with the member's name and email."""
    late = "" if include_late else "AND f.late = 0"
    rows = list(query(db,
        f"""SELECT f.*, m.name AS member_name, m.email AS member_email FROM feedback f
            JOIN members m ON m.id = f.member_id WHERE f.draft_id = ? {late} ORDER BY f.id""", [draft_id]))
    for r in rows:
        r["attachments"] = json.loads(r["attachments"])
        r["received_at"] = from_db(r["received_at"])
    return rows


def answered_ids(db: sqlite_utils.Database, draft_id: int) -> set[int]:
    """Ids of the members who have sent at least one reply (NO COMMENT included)."""
    return {r[0] for r in db.execute("SELECT DISTINCT member_id FROM feedback WHERE draft_id = ?", [draft_id])}


def open_for_member(db, member_id: int) -> list[dict]:
    """Open drafts this member was asked about, with whether they answered (for STATUS by email)."""
    return list(query(db,
        """SELECT d.id, d.title, d.deadline_at,
                  EXISTS (SELECT 1 FROM feedback f WHERE f.draft_id = d.id AND f.member_id = ?) AS answered
           FROM drafts d JOIN draft_recipients r ON r.draft_id = d.id
           WHERE d.state = 'open' AND r.member_id = ? ORDER BY d.deadline_at""", [member_id, member_id]))
