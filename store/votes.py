"""Queries on votes: opening, the frozen electorate, vote events, current choices, erasure.

No network rules here beyond integrity: who may vote and what counts is decided in
`workflows.votes.ballots`; this module only records and reads.
"""
from __future__ import annotations

import json
import secrets
from datetime import datetime

import sqlite_utils

from store.times import from_db, to_db
from store.sql import query, query_one

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def create(db: sqlite_utils.Database, *, title: str, motion: str, options: list[str], electorate: str,
           subcommittee: str | None, quorum_percent: float, pass_rule: str, secret: bool,
           opened_by: int | None, closes_at: datetime, message_id: str | None, now: datetime,
           abstentions: str = "quorum-only", seats: int = 1) -> int:
    """Record a new open vote and return its id (its number, as in "Vote 7")."""
    return db["votes"].insert({
        "title": title, "motion": motion, "options": json.dumps(options), "electorate": electorate,
        "subcommittee": subcommittee, "quorum_percent": quorum_percent, "pass_rule": pass_rule,
        "abstentions": abstentions, "seats": seats, "secret": int(secret), "opened_by": opened_by, "opened_at": to_db(now),
        "closes_at": to_db(closes_at), "state": "open", "message_id": message_id}).last_pk


def get(db: sqlite_utils.Database, vote_id: int) -> dict | None:
    """The vote with this id, decoded (options a list, times aware, result a dict), or None."""
    return query_one(db, "SELECT * FROM votes WHERE id = ?", [vote_id], read=_decode)


def all_votes(db: sqlite_utils.Database, state: str | None = None) -> list[dict]:
    """Every vote (or those in `state`), newest first, decoded."""
    if state:
        rows = query(db, "SELECT * FROM votes WHERE state = ? ORDER BY id DESC", [state])
    else:
        rows = query(db, "SELECT * FROM votes ORDER BY id DESC")
    return [_decode(r) for r in rows]


def latest(db: sqlite_utils.Database, ended: int = 10) -> list[dict]:
    """The open votes and the `ended` latest closed or cancelled ones, newest first, decoded
    (what a coordinator looks at; the rest of the history is not read)."""
    rows = query(db, """SELECT * FROM votes WHERE state = 'open' UNION ALL
                        SELECT * FROM (SELECT * FROM votes WHERE state != 'open' ORDER BY id DESC LIMIT ?)
                        ORDER BY id DESC""", [ended])
    return [_decode(r) for r in rows]


def _decode(row: dict) -> dict:
    row = dict(row)
    row["options"] = json.loads(row["options"])
    row["result"] = json.loads(row["result"]) if row.get("result") else None
    row["secret"] = bool(row["secret"])
    for key in ("opened_at", "closes_at", "closed_at"):
        row[key] = from_db(row[key])
    return row


def add_elector(db: sqlite_utils.Database, vote_id: int, member_id: int, ballot_token: str | None) -> None:
    """Freeze one member into the vote's electorate, with the token of their ballot's links."""
    db.execute("INSERT OR IGNORE INTO vote_electorate (vote_id, member_id, ballot_token) VALUES (?, ?, ?)",
               [vote_id, member_id, ballot_token])


def ballot_token(db: sqlite_utils.Database, vote_id: int, member_id: int) -> str | None:
    """The token of the member's ballot for this vote (None when they are not in the electorate)."""
    row = db.execute("SELECT ballot_token FROM vote_electorate WHERE vote_id = ? AND member_id = ?",
                     [vote_id, member_id]).fetchone()
    return row[0] if row else None


def electorate(db: sqlite_utils.Database, vote_id: int) -> list[dict]:
    """The members frozen into the vote's electorate (member rows with their `ballot_token`), by name."""
    return list(query(
        db,
        """SELECT m.*, e.ballot_token FROM members m JOIN vote_electorate e ON e.member_id = m.id
           WHERE e.vote_id = ? ORDER BY m.name COLLATE NOCASE, m.id""", [vote_id]))


def is_elector(db: sqlite_utils.Database, vote_id: int, member_id: int) -> bool:
    """True when the member is in the vote's frozen electorate."""
    return db.execute("SELECT 1 FROM vote_electorate WHERE vote_id = ? AND member_id = ?",
                      [vote_id, member_id]).fetchone() is not None


def elector_state(db: sqlite_utils.Database, vote_id: int, member_id: int) -> dict | None:
    """None when the member is not in the vote's frozen electorate; else {ballot_token, voted}
    (whether they have a current vote), in one look-up (the hot path of every ballot reply)."""
    row = db.execute(
        """SELECT e.ballot_token, c.member_id IS NOT NULL FROM vote_electorate e
           LEFT JOIN vote_choices c ON c.vote_id = e.vote_id AND c.member_id = e.member_id
           WHERE e.vote_id = ? AND e.member_id = ?""", [vote_id, member_id]).fetchone()
    return None if row is None else {"ballot_token": row[0], "voted": bool(row[1])}


def record_event(db: sqlite_utils.Database, vote_id: int, member_id: int, kind: str, choice: int | None,
                 message_id: str | None, now: datetime, ranking: list[int] | None = None,
                 receipt_outbox_id: int | None = None) -> int:
    """Record one reply to a ballot ('vote', 'ambiguous' or 'late') with the receipt queued for
    it, if any; returns the event's id. Events are kept in order of arrival, which is the order
    of handling. A 'vote' event goes with `set_choice`, which makes it the member's current vote.
    """
    return db.conn.execute(
        """INSERT INTO vote_events (vote_id, member_id, received_at, message_id, kind, choice, ranking,
                                    receipt_outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [vote_id, member_id, to_db(now), message_id, kind, choice,
         json.dumps(ranking) if ranking is not None else None, receipt_outbox_id]).lastrowid


def set_choice(db: sqlite_utils.Database, vote_id: int, member_id: int, choice: int, now: datetime,
               ranking: list[int] | None = None, secret: bool = False) -> str | None:
    """Make `choice` the member's current vote (it replaces an earlier one), in one statement;
    for a ranked election `ranking` is their order of preference and `choice` its first.

    For a secret ballot, returns the member's receipt code for this vote, issued on first use:
    ten random characters from an alphabet without look-alikes, grouped "K7QM-29XD-HF"; the same
    code stays with the member's current choice until the close publishes and erases it. Else None.
    """
    code = None
    if secret:
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
        code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    row = db.conn.execute(
        """INSERT INTO vote_choices (vote_id, member_id, choice, voted_at, ranking, receipt_code)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (vote_id, member_id) DO UPDATE SET choice = excluded.choice,
               voted_at = excluded.voted_at, ranking = excluded.ranking,
               receipt_code = coalesce(vote_choices.receipt_code, excluded.receipt_code)
           RETURNING receipt_code""",
        [vote_id, member_id, choice, to_db(now), json.dumps(ranking) if ranking is not None else None,
         code]).fetchone()
    return row[0] if secret else None


def event_counts(db: sqlite_utils.Database, vote_id: int) -> dict[tuple[int, str], int]:
    """How many replies of each kind ('vote', 'ambiguous', 'late') each member sent, by (member, kind)."""
    return {(r["member_id"], r["kind"]): r["n"] for r in query(
        db, "SELECT member_id, kind, count(*) AS n FROM vote_events WHERE vote_id = ? GROUP BY member_id, kind",
        [vote_id])}


def current_choice(db: sqlite_utils.Database, vote_id: int, member_id: int) -> dict | None:
    """The member's current vote {choice, voted_at}, or None when they have not voted."""
    return query_one(db, "SELECT choice, voted_at FROM vote_choices WHERE vote_id = ? AND member_id = ?",
                        [vote_id, member_id])


def choices(db: sqlite_utils.Database, vote_id: int) -> list[dict]:
    """Every current vote of the electorate: {member_id, name, email, choice, voted_at, ranking (a list
    or None), receipt_code}, by name."""
    return [{**r, "ranking": json.loads(r["ranking"]) if r["ranking"] else None} for r in query(
        db,
        """SELECT c.member_id, m.name, m.email, c.choice, c.voted_at, c.ranking, c.receipt_code FROM vote_choices c
           JOIN members m ON m.id = c.member_id WHERE c.vote_id = ?
           ORDER BY m.name COLLATE NOCASE, m.id""", [vote_id])]


def voter_ids(db: sqlite_utils.Database, vote_id: int) -> set[int]:
    """Ids of the members who have a valid vote recorded."""
    return {r[0] for r in db.execute("SELECT member_id FROM vote_choices WHERE vote_id = ?", [vote_id])}



def set_closes_at(db: sqlite_utils.Database, vote_id: int, closes_at: datetime) -> None:
    """Move an open vote's closing time (a coordinator closed it early from the command line)."""
    db.execute("UPDATE votes SET closes_at = ? WHERE id = ? AND state = 'open'", [to_db(closes_at), vote_id])


def finish(db: sqlite_utils.Database, vote_id: int, state: str, how: str, result: dict | None,
           now: datetime) -> bool:
    """Mark an open vote closed or cancelled with its result; False (and nothing changed) if not open."""
    cursor = db.execute(
        "UPDATE votes SET state = ?, closed_at = ?, closed_how = ?, result = ? WHERE id = ? AND state = 'open'",
        [state, to_db(now), how, json.dumps(result) if result is not None else None, vote_id])
    return cursor.rowcount == 1


def erase_choices(db: sqlite_utils.Database, vote_id: int, redacted_receipt: str) -> int:
    """Erase the link between member and choice for a vote (secret ballots, at the close).

    Who voted and when stays (for quorum and audit); every stored choice, ranking and receipt code
    becomes NULL, in the current choices and in the event history, and the bodies of the receipts already queued or
    sent are replaced by `redacted_receipt`. SQLite's secure_delete is switched on for the
    connection so the old values are overwritten on disk, not just unlinked. Returns how many
    receipts were redacted.
    """
    db.execute("PRAGMA secure_delete = ON")
    db.execute("UPDATE vote_choices SET choice = NULL, ranking = NULL, receipt_code = NULL WHERE vote_id = ?",
               [vote_id])
    receipt_ids = [r[0] for r in db.execute(
        "SELECT receipt_outbox_id FROM vote_events WHERE vote_id = ? AND receipt_outbox_id IS NOT NULL",
        [vote_id])]
    db.execute("UPDATE vote_events SET choice = NULL, ranking = NULL WHERE vote_id = ?", [vote_id])
    for outbox_id in receipt_ids:
        db.execute("UPDATE outbox SET body_text = ?, body_html = NULL WHERE id = ?", [redacted_receipt, outbox_id])
    return len(receipt_ids)


def erase_clarifications(db: sqlite_utils.Database, vote_id: int, redacted: str) -> int:
    """Replace the bodies of the clarification requests of this vote (they quote the first line
    of each unreadable reply) by `redacted`; return how many (secret ballots, at the close)."""
    db.execute("PRAGMA secure_delete = ON")
    return db.execute(
        "UPDATE outbox SET body_text = ?, body_html = NULL WHERE kind = 'vote_clarification' AND reply_token IN "
        "(SELECT token FROM tokens WHERE kind = 'vote' AND item_id = ?)", [redacted, vote_id]).rowcount


def open_for_member(db, member_id: int) -> list[dict]:
    """Open votes this member may vote in, with whether they voted (for STATUS by email)."""
    return list(query(
        db,
        """SELECT v.id, v.title, v.closes_at,
                  EXISTS (SELECT 1 FROM vote_choices c WHERE c.vote_id = v.id AND c.member_id = ?) AS answered
           FROM votes v JOIN vote_electorate e ON e.vote_id = v.id
           WHERE v.state = 'open' AND e.member_id = ? ORDER BY v.closes_at""", [member_id, member_id]))
