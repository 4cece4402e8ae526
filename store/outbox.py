"""The outbox: every message to send, queued in the same transaction as the decision behind it.

A row goes queued → sent, or stays queued with a later `next_try_at` after a temporary
failure, or goes to failed after a permanent one. It is marked sent only after the server
accepted it, so a crash between the server's "250" and that mark sends it once more, never more.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import sqlite_utils

from store.times import from_db, to_db
from store.sql import query, query_one, state_counts


WENT_WHILE_WITHDRAWN = "went while being withdrawn"


def queue(db: sqlite_utils.Database, *, recipient: str, member_id: int | None, kind: str,
          subject: str, body_text: str, body_html: str | None, headers: dict, attachments: list[dict],
          reply_token: str | None, bounce_token: str, message_id: str, in_reply_to: str | None,
          now: datetime, priority: int = 2, fanout_id: int | None = None) -> int:
    """Queue one message for one recipient and return its outbox id (lower `priority` goes first).
    `fanout_id`: the fan-out the message is a copy in (see `start_fanout`), None for a message
    to one person alone."""
    at = to_db(now)
    return db.execute(
        """INSERT INTO outbox (created_at, member_id, recipient, kind, subject, body_text, body_html,
               headers, attachments, reply_token, bounce_token, message_id, in_reply_to, state,
               attempts, next_try_at, priority, fanout_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)""",
        [at, member_id, recipient, kind, subject, body_text, body_html, _json(headers),
         _json(attachments), reply_token, bounce_token, message_id, in_reply_to, at,
         priority, fanout_id]).lastrowid


def start_fanout(db: sqlite_utils.Database, outbox_id: int) -> int:
    """Make row `outbox_id` the first copy of a fan-out (the copies of one message queued for its
    audience together) and return the fan-out's id, which its other copies are queued with."""
    db.conn.execute("UPDATE outbox SET fanout_id = id WHERE id = ?", [outbox_id])
    return outbox_id


def _json(value) -> str:
    """`json.dumps(value)`, written at once for an empty dict or list (most messages carry no
    extra headers and no attachments)."""
    if not value and type(value) in (dict, list):
        return "{}" if type(value) is dict else "[]"
    return json.dumps(value)


def due(db: sqlite_utils.Database, now: datetime, limit: int = 100) -> list[dict]:
    """Queued rows due at `now`, most urgent first (priority, then oldest), each with its
    member's `member_name` (loaded with the batch, not once a message).

    Read in the order of `outbox_queue` (state, priority, id), stopping at `limit`: by
    `outbox_due` (state, next_try_at), SQLite's own choice, every due row was read whole (its
    text) and sorted before the first `limit` were taken: 500 waiting ballots cost ~36 K
    instructions a row more. Queued rows not yet due (a retry's backoff) are few."""
    rows = list(query(db,
        "SELECT o.*, m.name AS member_name FROM outbox o INDEXED BY outbox_queue "
        "LEFT JOIN members m ON m.id = o.member_id "
        "WHERE o.state = 'queued' AND o.next_try_at <= ? ORDER BY o.priority, o.id LIMIT ?",
        [to_db(now), limit]))
    for r in rows:  # most rows carry neither: no JSON decoding for those
        r["headers"] = json.loads(r["headers"]) if r["headers"] != "{}" else {}
        r["attachments"] = json.loads(r["attachments"]) if r["attachments"] != "[]" else []
    return rows


def mark_sent(db: sqlite_utils.Database, outbox_id: int, now: datetime) -> None:
    """Record that the server accepted the message."""
    db.conn.execute("UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL "
                    "WHERE id = ?", [to_db(now), outbox_id])


def journal_sent(db: sqlite_utils.Database, outbox_id: int, now: datetime) -> None:
    """Record that the server accepted the message, in one small write: the row reads as sent
    once `fold_sent` has applied the mark. The caller commits it before sending anything else,
    so a crash sends at most that one message twice, as with `mark_sent`; a mark costs one page
    of WAL where `mark_sent` writes seven (the row, three indexes, the state counts)."""
    db.conn.execute("INSERT OR REPLACE INTO outbox_sent (outbox_id, sent_at) VALUES (?, ?)", [outbox_id, to_db(now)])


def fold_sent(db: sqlite_utils.Database) -> int:
    """Apply every journaled sent mark to its row (as `mark_sent` does) and empty the journal;
    return how many. A row withdrawn while it was being handed over reads sent, marked
    `WENT_WHILE_WITHDRAWN` until its member is told of the change (`went_while_withdrawn`).
    The caller owns the transaction."""
    # driven by the journal's ids (UPDATE … FROM outbox_sent had SQLite scan the whole outbox,
    # years of history, for each batch folded)
    folded = db.conn.execute(
        "UPDATE outbox SET state = 'sent', "
        "sent_at = (SELECT j.sent_at FROM outbox_sent j WHERE j.outbox_id = outbox.id), attempts = attempts + 1, "
        f"last_error = CASE WHEN outbox.state = 'withdrawn' THEN '{WENT_WHILE_WITHDRAWN}' ELSE NULL END "
        "WHERE outbox.id IN (SELECT outbox_id FROM outbox_sent)").rowcount
    db.conn.execute("DELETE FROM outbox_sent")
    return folded


def has_unfolded(db: sqlite_utils.Database) -> bool:
    """True when sent marks wait in the journal (after a crash, or during a sending round)."""
    return db.conn.execute("SELECT 1 FROM outbox_sent LIMIT 1").fetchone() is not None


def mark_retry(db: sqlite_utils.Database, outbox_id: int, error: str, now: datetime,
               base_seconds: float, max_seconds: float) -> datetime:
    """Put the row back in the queue with exponential backoff; return when it will be tried."""
    db.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", [outbox_id])
    attempts = db.execute("SELECT attempts FROM outbox WHERE id = ?", [outbox_id]).fetchone()[0]
    delay = min(base_seconds * (2 ** max(attempts - 1, 0)), max_seconds)
    when = now + timedelta(seconds=delay)
    db.execute("UPDATE outbox SET state = 'queued', next_try_at = ?, last_error = ? WHERE id = ?",
               [to_db(when), error[:500], outbox_id])
    return when


def mark_failed(db: sqlite_utils.Database, outbox_id: int, error: str) -> None:
    """Record a permanent failure: the row will not be tried again."""
    db.execute("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
               [error[:500], outbox_id])


def by_bounce_token(db: sqlite_utils.Database, bounce_token: str) -> dict | None:
    """The outbox row whose envelope sender carried this bounce token, or None."""
    return query_one(db, "SELECT id, member_id, recipient, kind, subject FROM outbox WHERE bounce_token = ?",
                        [bounce_token])


def subjects_for_token(db: sqlite_utils.Database, reply_token: str) -> set[str]:
    """The subjects (case-folded, spaces collapsed) of every message sent with this reply token."""
    return {" ".join(r[0].split()).casefold()
            for r in db.execute("SELECT DISTINCT subject FROM outbox WHERE reply_token = ?", [reply_token])}


def text_answered(db: sqlite_utils.Database, reply_token: str, message_ids: list[str],
                  unnamed_kinds: tuple[str, ...] = ()) -> str:
    """The plain text of the message sent with this reply token that a reply answers: the one
    whose Message-ID it names (In-Reply-To, References); when it names none of them, the latest
    sent with the token whose kind is one of `unnamed_kinds` (never another message: a receipt
    is not the text a reply without references quotes); "" when none is kept (purged, or never
    sent)."""
    rows = db.execute("SELECT message_id, body_text, kind FROM outbox WHERE reply_token = ? ORDER BY id DESC",
                      [reply_token]).fetchall()
    named = {mid.strip("<> ") for mid in message_ids if mid}
    answered = next((body for mid, body, _ in rows if (mid or "").strip("<> ") in named), None)
    if answered is not None:
        return answered
    return next((body for _, body, kind in rows if kind in unnamed_kinds), "")


def next_try(db: sqlite_utils.Database) -> datetime | None:
    """When the earliest queued row is due, or None when nothing waits."""
    row = db.execute("SELECT min(next_try_at) FROM outbox WHERE state = 'queued'").fetchone()
    return from_db(row[0]) if row and row[0] else None


def failed_recent(db: sqlite_utils.Database, limit: int = 20) -> list[dict]:
    """The latest rows that failed for good, newest first, without their bodies."""
    return query(db, "SELECT id, recipient, kind, subject, last_error FROM outbox INDEXED BY outbox_failed "
                     "WHERE state = 'failed' ORDER BY id DESC LIMIT ?", [limit])


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """How many rows are in each state (kept by triggers: no count over the whole history)."""
    return state_counts(db, "outbox")


def undelivered_to_only_coordinator(db: sqlite_utils.Database, untold_only: bool = False) -> list[dict]:
    """Messages that failed for good to the network's only active coordinator (so no other
    coordinator could be told), newest first, without their bodies; `untold_only`: those no
    later message to a coordinator has mentioned yet."""
    coordinators = db.execute("SELECT id FROM members WHERE coordinator = 1 AND active = 1 LIMIT 2").fetchall()
    if len(coordinators) != 1:
        return []
    # the coordinator's failed rows through their own index (m007): not years of their mail
    sql = ("SELECT id, recipient, kind, last_error, created_at FROM outbox INDEXED BY outbox_failed_member "
           "WHERE member_id = ? AND state = 'failed'")
    if untold_only:
        sql += " AND failure_told_at IS NULL"
    return list(query(db, sql + " ORDER BY id DESC LIMIT 20", [coordinators[0][0]]))


def mark_failure_told(db: sqlite_utils.Database, outbox_ids: list[int], now: datetime) -> None:
    """A message to a coordinator now mentions these failures."""
    for outbox_id in outbox_ids:
        db.execute("UPDATE outbox SET failure_told_at = ? WHERE id = ?", [to_db(now), outbox_id])


def withdraw(db: sqlite_utils.Database, item_kind: str, item_id: int, kinds: tuple[str, ...], why: str) -> list[int]:
    """Withdraw the copies of `kinds` still waiting whose reply token is for (item_kind,
    item_id): state 'withdrawn', never sent; return the members they were for. A copy whose
    sent mark waits in the journal has gone: it stays. The sender looks at each row's state
    just before handing it over (`still_queued`), so once this is committed none of them goes."""
    marks = ",".join("?" * len(kinds))
    rows = db.execute(
        f"SELECT o.id, o.member_id FROM outbox o JOIN tokens t ON t.token = o.reply_token "
        f"WHERE o.state = 'queued' AND o.kind IN ({marks}) AND t.kind = ? AND t.item_id = ? "
        f"AND o.id NOT IN (SELECT outbox_id FROM outbox_sent)", [*kinds, item_kind, item_id]).fetchall()
    for outbox_id, _ in rows:
        db.execute("UPDATE outbox SET state = 'withdrawn', last_error = ? WHERE id = ?", [f"withdrawn: {why}"[:500], outbox_id])
    return [member_id for _, member_id in rows]


def members_due(db: sqlite_utils.Database, item_kind: str, item_id: int, kinds: tuple[str, ...]) -> set[int]:
    """The members a copy of `kinds` for (item_kind, item_id) was queued for, whatever became of it."""
    marks = ",".join("?" * len(kinds))
    return {r[0] for r in db.execute(
        f"SELECT DISTINCT o.member_id FROM tokens t JOIN outbox o ON o.reply_token = t.token "
        f"WHERE t.kind = ? AND t.item_id = ? AND o.kind IN ({marks})",
        [item_kind, item_id, *kinds]).fetchall() if r[0] is not None}


def members_sent(db: sqlite_utils.Database, item_kind: str, item_id: int, kinds: tuple[str, ...]) -> set[int]:
    """The members a copy of `kinds` for (item_kind, item_id) has gone to (sent, or its sent
    mark still in the journal)."""
    marks = ",".join("?" * len(kinds))
    return {r[0] for r in db.execute(
        f"SELECT DISTINCT o.member_id FROM tokens t JOIN outbox o ON o.reply_token = t.token "
        f"WHERE t.kind = ? AND t.item_id = ? AND o.kind IN ({marks}) "
        f"AND (o.state = 'sent' OR o.id IN (SELECT outbox_id FROM outbox_sent))",
        [item_kind, item_id, *kinds]).fetchall() if r[0] is not None}


def still_queued(db: sqlite_utils.Database, outbox_id: int) -> bool:
    """True while the row waits to be sent (not withdrawn since it was picked)."""
    row = db.execute("SELECT state FROM outbox WHERE id = ?", [outbox_id]).fetchone()
    return row is not None and row[0] == "queued"


def went_while_withdrawn(db: sqlite_utils.Database, kinds: tuple[str, ...]) -> list[dict]:
    """Copies of `kinds` withdrawn while they were being handed over, which went all the same,
    and whose member has not yet been told of the change: {id, member_id, item_kind, item_id}."""
    marks = ",".join("?" * len(kinds))
    return list(query(db,
        f"SELECT o.id, o.member_id, t.kind AS item_kind, t.item_id FROM outbox o "
        f"INDEXED BY outbox_went_while_withdrawn JOIN tokens t ON t.token = o.reply_token "
        f"WHERE o.last_error = '{WENT_WHILE_WITHDRAWN}' AND o.state = 'sent' AND o.kind IN ({marks})", list(kinds)))


def mark_change_told(db: sqlite_utils.Database, outbox_id: int) -> None:
    """The member of a copy that went while being withdrawn has been told of the change."""
    db.execute("UPDATE outbox SET last_error = ? WHERE id = ?", [f"{WENT_WHILE_WITHDRAWN}; change told", outbox_id])


def _same_message(outbox_id: int) -> tuple[str, dict]:
    """SQL picking the other copies of the message row `outbox_id` is a copy of: the rows of its
    fan-out (`start_fanout`); none for a message to one person alone."""
    return ("FROM outbox o WHERE o.fanout_id = (SELECT fanout_id FROM outbox WHERE id = :id) AND o.id != :id",
            {"id": outbox_id})


def withdraw_same_message(db: sqlite_utils.Database, outbox_id: int, why: str) -> list[int]:
    """Withdraw the copies of the same message as row `outbox_id` still waiting (see
    `_same_message`; a copy whose sent mark waits in the journal has gone and stays); return the
    members they were for."""
    where, args = _same_message(outbox_id)
    rows = db.execute(f"SELECT o.id, o.member_id {where} AND o.state = 'queued' "
                      "AND o.id NOT IN (SELECT outbox_id FROM outbox_sent)", args).fetchall()
    for row_id, _ in rows:
        db.execute("UPDATE outbox SET state = 'withdrawn', last_error = ? WHERE id = ?", [f"withdrawn: {why}"[:500], row_id])
    return [member_id for _, member_id in rows]


def same_message_sent(db: sqlite_utils.Database, outbox_id: int) -> int:
    """How many copies of the same message as row `outbox_id` have gone (sent, or their sent
    mark in the journal)."""
    where, args = _same_message(outbox_id)
    return db.execute(f"SELECT count(*) {where} AND (o.state = 'sent' OR o.id IN (SELECT outbox_id FROM outbox_sent))",
                      args).fetchone()[0]


def withdraw_rows(db: sqlite_utils.Database, outbox_ids: list[int], member_id: int, why: str) -> None:
    """Withdraw those of these rows still queued for `member_id`: state 'withdrawn', never sent,
    kept as the record of what would have gone (`why` says why, without a word anyone wrote)."""
    if outbox_ids:
        marks = ", ".join("?" * len(outbox_ids))
        db.execute(f"UPDATE outbox SET state = 'withdrawn', last_error = ? WHERE id IN ({marks}) AND member_id = ? "
                   "AND state = 'queued'", [f"withdrawn: {why}"[:500], *outbox_ids, member_id])
