"""Queries on meetings, date polls, availability, agenda items, attendance and announcements."""
from __future__ import annotations

import json
import secrets
from datetime import datetime

import sqlite_utils

from store.times import from_db, to_db
from store.sql import query, query_one


def _meeting(row: dict | None) -> dict | None:
    if row is None:
        return None
    row["starts_at"] = from_db(row["starts_at"]) if row["starts_at"] else None
    return row


def series_first_seen(db: sqlite_utils.Database, name: str, now: datetime) -> datetime:
    """When the series `name` was first seen (recording `now` the first time)."""
    db.execute("INSERT OR IGNORE INTO meeting_series (name, first_seen_at) VALUES (?, ?)", [name, to_db(now)])
    row = db.execute("SELECT first_seen_at FROM meeting_series WHERE name = ?", [name]).fetchone()
    return from_db(row[0])


def create_meeting(db: sqlite_utils.Database, *, title: str, audience: str, subcommittee: str | None,
                   starts_at: datetime | None, duration_minutes: int, timezone: str, location: str,
                   call: str, domain: str, now: datetime, series: str | None = None,
                   occurrence: str | None = None, created_by: int | None = None, description: str = "") -> int:
    """Add a meeting (state 'planned') with a fresh, stable calendar UID; return its id.
    `description` is the coordinator's text about it (sent to members, never logged)."""
    return db["meetings"].insert({
        "series": series, "occurrence": occurrence, "title": title, "audience": audience,
        "subcommittee": subcommittee, "starts_at": to_db(starts_at) if starts_at else None,
        "duration_minutes": duration_minutes, "timezone": timezone, "location": location,
        "call": call, "description": description, "state": "planned",
        "uid": f"meeting-{secrets.token_hex(10)}@{domain}",
        "sequence": 0, "created_by": created_by, "created_at": to_db(now)}).last_pk


def by_occurrence(db: sqlite_utils.Database, occurrence: str) -> dict | None:
    """The meeting planned for this series occurrence key, or None."""
    return query_one(db, "SELECT * FROM meetings WHERE occurrence = ?", [occurrence], read=_meeting)


def get_meeting(db: sqlite_utils.Database, meeting_id: int) -> dict | None:
    """The meeting with this id (starts_at as an aware UTC datetime or None), or None."""
    return query_one(db, "SELECT * FROM meetings WHERE id = ?", [meeting_id], read=_meeting)


def by_uid(db: sqlite_utils.Database, uid: str) -> dict | None:
    """The meeting whose calendar UID is `uid` (as its invitations carry it), or None."""
    return query_one(db, "SELECT * FROM meetings WHERE uid = ?", [uid.strip()], read=_meeting)


def list_meetings(db: sqlite_utils.Database, *, upcoming_after: datetime | None = None) -> list[dict]:
    """Meetings ordered by date (undated last); only those starting after `upcoming_after` if given."""
    if upcoming_after is None:
        return [_meeting(r) for r in query(db, "SELECT * FROM meetings ORDER BY starts_at IS NULL, starts_at, id")]
    return [_meeting(r) for r in query(
        db, "SELECT * FROM meetings WHERE state != 'cancelled' AND (starts_at IS NULL OR starts_at > ?) "
            "ORDER BY starts_at IS NULL, starts_at, id", [to_db(upcoming_after)])]


def update_meeting(db: sqlite_utils.Database, meeting_id: int, **fields) -> None:
    """Change some fields of a meeting (datetimes are stored as UTC text)."""
    for key, value in list(fields.items()):
        if isinstance(value, datetime):
            fields[key] = to_db(value)
    db["meetings"].update(meeting_id, fields)


# --- polls -------------------------------------------------------------------------------------

def _poll(row: dict | None) -> dict | None:
    if row is None:
        return None
    row["candidates"] = [from_db(c) for c in json.loads(row["candidates"])]
    row["closes_at"] = from_db(row["closes_at"])
    row["opened_at"] = from_db(row["opened_at"])
    return row


def create_poll(db: sqlite_utils.Database, meeting_id: int, candidates: list[datetime],
                closes_at: datetime, now: datetime) -> int:
    """Open a date poll for the meeting on these candidate start times; return its id."""
    return db["polls"].insert({
        "meeting_id": meeting_id, "candidates": json.dumps([to_db(c) for c in candidates]),
        "opened_at": to_db(now), "closes_at": to_db(closes_at), "state": "open"}).last_pk


def get_poll(db: sqlite_utils.Database, poll_id: int) -> dict | None:
    """The poll (candidates as UTC datetimes), or None."""
    return query_one(db, "SELECT * FROM polls WHERE id = ?", [poll_id], read=_poll)


def poll_of_meeting(db: sqlite_utils.Database, meeting_id: int) -> dict | None:
    """The latest poll of a meeting, or None."""
    return query_one(db, "SELECT * FROM polls WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", [meeting_id], read=_poll)


def open_polls(db: sqlite_utils.Database) -> list[dict]:
    """Every poll still open."""
    return [_poll(r) for r in query(db, "SELECT * FROM polls WHERE state = 'open' ORDER BY id")]


def set_poll_closes_at(db: sqlite_utils.Database, poll_id: int, closes_at: datetime) -> None:
    """Move an open poll's closing time (a coordinator closed it early from the command line)."""
    db.execute("UPDATE polls SET closes_at = ? WHERE id = ? AND state = 'open'", [to_db(closes_at), poll_id])


def close_poll(db: sqlite_utils.Database, poll_id: int, chosen: int | None, chosen_by: str) -> None:
    """Record the poll's chosen candidate (1-based) and who chose it ('poll' or a coordinator)."""
    db["polls"].update(poll_id, {"state": "closed", "chosen": chosen, "chosen_by": chosen_by})


def set_availability(db: sqlite_utils.Database, poll_id: int, member_id: int, chosen: set[int],
                     now: datetime) -> None:
    """Record the member's available candidates (1-based), replacing any earlier answer."""
    db.execute("INSERT OR REPLACE INTO availability (poll_id, member_id, chosen, answered_at) VALUES (?, ?, ?, ?)",
               [poll_id, member_id, json.dumps(sorted(chosen)), to_db(now)])


def availability(db: sqlite_utils.Database, poll_id: int) -> dict[int, set[int]]:
    """Each answering member's id → the candidates they can attend."""
    return {r["member_id"]: set(json.loads(r["chosen"]))
            for r in query(db, "SELECT * FROM availability WHERE poll_id = ?", [poll_id])}


# --- agenda and attendance ---------------------------------------------------------------------

def add_agenda_item(db: sqlite_utils.Database, meeting_id: int, member_id: int, text: str, now: datetime) -> int:
    """Record an agenda item proposed by a member; return its id."""
    return db["agenda_items"].insert({"meeting_id": meeting_id, "member_id": member_id, "text": text,
                                      "created_at": to_db(now)}).last_pk


def agenda(db: sqlite_utils.Database, meeting_id: int) -> list[dict]:
    """The meeting's agenda items in order, each with the proposer's `name`."""
    return list(query(db,
        """SELECT a.*, m.name FROM agenda_items a JOIN members m ON m.id = a.member_id
           WHERE a.meeting_id = ? ORDER BY a.id""", [meeting_id]))


def set_attendance(db: sqlite_utils.Database, meeting_id: int, member_id: int, partstat: str, now: datetime) -> None:
    """Record a member's calendar answer (ACCEPTED, DECLINED, TENTATIVE), replacing an earlier one."""
    db.execute("INSERT OR REPLACE INTO attendance (meeting_id, member_id, partstat, answered_at) VALUES (?, ?, ?, ?)",
               [meeting_id, member_id, partstat, to_db(now)])


def attendance(db: sqlite_utils.Database, meeting_id: int) -> dict[int, str]:
    """Each answering member's id → PARTSTAT."""
    return {r["member_id"]: r["partstat"] for r in query(db, "SELECT * FROM attendance WHERE meeting_id = ?", [meeting_id])}


# --- announcements to audiences ----------------------------------------------------------------

def create_announcement(db: sqlite_utils.Database, *, subject: str, body: str, audience: str,
                        subcommittee: str | None, send_at: datetime, created_by: int | None,
                        now: datetime) -> int:
    """Record an announcement to send at `send_at`; return its id."""
    return db["announcements"].insert({
        "subject": subject, "body": body, "audience": audience, "subcommittee": subcommittee,
        "send_at": to_db(send_at), "created_by": created_by, "created_at": to_db(now)}).last_pk


def get_announcement(db: sqlite_utils.Database, announcement_id: int) -> dict | None:
    """The announcement, or None."""
    rows = list(query(db, "SELECT * FROM announcements WHERE id = ?", [announcement_id]))
    if not rows:
        return None
    rows[0]["send_at"] = from_db(rows[0]["send_at"])
    return rows[0]


def mark_announcement_sent(db: sqlite_utils.Database, announcement_id: int, recipients: int, now: datetime) -> None:
    """Record that the announcement went out, to how many members."""
    db["announcements"].update(announcement_id, {"sent_at": to_db(now), "recipients": recipients})

