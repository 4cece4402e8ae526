"""Queries on the network's record: decisions, action items, reported attendance, minutes.

Only recording and reading: what counts as a decision, who owns an action and when minutes are
adopted is decided in `workflows.record`.
"""
from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from store.sql import query, query_one
from store.times import from_db, to_db


# --- decisions ---------------------------------------------------------------------------------

def _decision(row: dict) -> dict:
    row = dict(row)
    for key in ("options", "rule", "result", "documents"):
        row[key] = json.loads(row[key])
    row["decided_at"] = from_db(row["decided_at"])
    return row


def add_decision(db: sqlite_utils.Database, *, vote_id: int, decided_at: datetime, title: str, motion: str,
                 options: list[str], rule: dict, result: dict, documents: list[int]) -> int:
    """Record the decision a closed vote made (once per vote) and return its number."""
    db.execute(
        """INSERT OR IGNORE INTO decisions (vote_id, decided_at, title, motion, options, rule, result, outcome,
           documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [vote_id, to_db(decided_at), title, motion, json.dumps(options), json.dumps(rule), json.dumps(result),
         result.get("outcome", ""), json.dumps(sorted(set(documents)))])
    return db.execute("SELECT id FROM decisions WHERE vote_id = ?", [vote_id]).fetchone()[0]


def get_decision(db: sqlite_utils.Database, number: int) -> dict | None:
    """The decision with this number, decoded, or None."""
    return query_one(db, "SELECT * FROM decisions WHERE id = ?", [number], read=_decision)


def decisions(db: sqlite_utils.Database, *, since: datetime | None = None,
              until: datetime | None = None) -> list[dict]:
    """Every decision (or those decided in [since, until)), newest first, decoded."""
    where, params = [], []
    if since is not None:
        where.append("decided_at >= ?")
        params.append(to_db(since))
    if until is not None:
        where.append("decided_at < ?")
        params.append(to_db(until))
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    return [_decision(r) for r in query(db, f"SELECT * FROM decisions {clause} ORDER BY decided_at DESC, id DESC",
                                        params)]


def closed_votes_without_decision(db: sqlite_utils.Database) -> list[int]:
    """Ids of closed votes that have no decision yet (votes closed before the record existed)."""
    return [r[0] for r in db.execute(
        """SELECT v.id FROM votes v LEFT JOIN decisions d ON d.vote_id = v.id
           WHERE v.state = 'closed' AND d.id IS NULL ORDER BY v.closed_at, v.id""")]


# --- action items ------------------------------------------------------------------------------

ACTION_SELECT = """SELECT a.*, o.name AS owner_name, o.email AS owner_email, o.language AS owner_language,
                          c.name AS creator_name
                   FROM actions a JOIN members o ON o.id = a.owner_id LEFT JOIN members c ON c.id = a.created_by"""


def add_action(db: sqlite_utils.Database, *, meeting_id: int | None, source: str, created_by: int | None,
               owner_id: int, text: str, due_on: str | None, now: datetime) -> int:
    """Record a new open action item (and its 'created' event) and return its number."""
    action_id = db.execute(
        """INSERT INTO actions (meeting_id, source, created_by, owner_id, text, due_on, state, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'open', ?)""",
        [meeting_id, source, created_by, owner_id, text, due_on, to_db(now)]).lastrowid
    add_action_event(db, action_id, created_by, "created", "", now)
    return action_id


def get_action(db: sqlite_utils.Database, action_id: int) -> dict | None:
    """The action item with its owner's name, email and language and its creator's name, or None."""
    return query_one(db, ACTION_SELECT + " WHERE a.id = ?", [action_id])


def actions(db: sqlite_utils.Database, *, state: str | None = None, owner_id: int | None = None,
            meeting_id: int | None = None) -> list[dict]:
    """Action items (filtered by state, owner or meeting), soonest due first, undated last."""
    where, params = [], []
    for column, value in (("a.state", state), ("a.owner_id", owner_id), ("a.meeting_id", meeting_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    return query(db, f"{ACTION_SELECT} {clause} ORDER BY a.due_on IS NULL, a.due_on, a.id", params)


def add_action_event(db: sqlite_utils.Database, action_id: int, member_id: int | None, kind: str, text: str,
                     now: datetime) -> None:
    """Add one step to an action's history: 'created', 'comment', 'due', 'done' or 'reopened'."""
    db.execute("INSERT INTO action_events (action_id, member_id, kind, text, at) VALUES (?, ?, ?, ?, ?)",
               [action_id, member_id, kind, text, to_db(now)])


def action_events(db: sqlite_utils.Database, action_id: int) -> list[dict]:
    """The action's history, oldest first, each with the member's `name` (None for Convenor)."""
    rows = query(db, """SELECT e.*, m.name FROM action_events e LEFT JOIN members m ON m.id = e.member_id
                        WHERE e.action_id = ? ORDER BY e.id""", [action_id])
    for r in rows:
        r["at"] = from_db(r["at"])
    return rows


def set_action_due(db: sqlite_utils.Database, action_id: int, due_on: str) -> None:
    """Move the action's due date (a local date, '2027-02-01')."""
    db.execute("UPDATE actions SET due_on = ? WHERE id = ?", [due_on, action_id])


def set_action_state(db: sqlite_utils.Database, action_id: int, state: str, now: datetime) -> bool:
    """Mark the action 'done' (remembering when) or 'open' again; False when it already was."""
    done_at = to_db(now) if state == "done" else None
    cursor = db.execute("UPDATE actions SET state = ?, done_at = ? WHERE id = ? AND state != ?",
                        [state, done_at, action_id, state])
    return cursor.rowcount == 1


# --- attendance reported by a coordinator ------------------------------------------------------

def add_presence(db: sqlite_utils.Database, meeting_id: int, member_id: int, recorded_by: int | None,
                 now: datetime) -> bool:
    """Record that the member was present at the meeting; False when already recorded."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO presence (meeting_id, member_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?)",
        [meeting_id, member_id, recorded_by, to_db(now)])
    return cursor.rowcount == 1


def remove_presence(db: sqlite_utils.Database, meeting_id: int, member_id: int) -> bool:
    """Take the member off the meeting's attendance; False when they were not on it."""
    return db.execute("DELETE FROM presence WHERE meeting_id = ? AND member_id = ?",
                      [meeting_id, member_id]).rowcount == 1


def presence(db: sqlite_utils.Database, meeting_id: int) -> set[int]:
    """Ids of the members a coordinator reported present at the meeting."""
    return {r[0] for r in db.execute("SELECT member_id FROM presence WHERE meeting_id = ?", [meeting_id])}


# --- minutes -----------------------------------------------------------------------------------

def _minutes(row: dict) -> dict:
    row = dict(row)
    for key in ("drafted_at", "adopted_at"):
        row[key] = from_db(row[key])
    return row


def add_minutes(db: sqlite_utils.Database, meeting_id: int, draft_id: int, now: datetime) -> None:
    """Remember that the meeting's minutes are the draft `draft_id` (state 'draft')."""
    db.execute("INSERT INTO minutes (meeting_id, draft_id, state, drafted_at) VALUES (?, ?, 'draft', ?)",
               [meeting_id, draft_id, to_db(now)])


def minutes_of_meeting(db: sqlite_utils.Database, meeting_id: int) -> dict | None:
    """The meeting's minutes row, or None when none was drafted."""
    return query_one(db, "SELECT * FROM minutes WHERE meeting_id = ?", [meeting_id], read=_minutes)


def minutes_of_draft(db: sqlite_utils.Database, draft_id: int) -> dict | None:
    """The minutes row whose document is the draft `draft_id`, or None."""
    return query_one(db, "SELECT * FROM minutes WHERE draft_id = ?", [draft_id], read=_minutes)


def all_minutes(db: sqlite_utils.Database) -> list[dict]:
    """Every minutes row, oldest meeting first."""
    return [_minutes(r) for r in query(db, "SELECT * FROM minutes ORDER BY meeting_id")]


def adopt_minutes(db: sqlite_utils.Database, meeting_id: int, how: str, now: datetime) -> bool:
    """Mark the meeting's minutes adopted (how: 'Vote 7' or a coordinator's reply); False if already."""
    cursor = db.execute(
        "UPDATE minutes SET state = 'adopted', adopted_at = ?, adopted_how = ? WHERE meeting_id = ? AND state = 'draft'",
        [to_db(now), how, meeting_id])
    return cursor.rowcount == 1
