"""The queries behind the privacy purge: blank what members wrote, keep every row (and so every count).

Each function takes the cut-off as the store's UTC text and returns how many rows it blanked
(or, with `dry_run`, would blank). The caller owns the transaction.
"""
from __future__ import annotations

import sqlite_utils

from store.inbound import dedup_key

_CLOSED_DRAFTS = ("SELECT id FROM drafts WHERE state IN ('closed', 'withdrawn') "
                  "AND closed_at IS NOT NULL AND closed_at <= :cutoff")
_ENDED_VOTES = ("SELECT id FROM votes WHERE state IN ('closed', 'cancelled') "
                "AND closed_at IS NOT NULL AND closed_at <= :cutoff")
_PAST_MEETINGS = ("SELECT id FROM meetings WHERE (starts_at IS NOT NULL AND starts_at <= :cutoff) "
                  "OR (state = 'cancelled' AND created_at <= :cutoff)")
# an outbox row's recipient that is none of its member's addresses now (or has no member)
_NOT_A_MEMBERS_ADDRESS = (
    "member_id IS NULL OR (lower(recipient) != (SELECT lower(email) FROM members WHERE id = outbox.member_id) "
    "AND lower(recipient) NOT IN (SELECT lower(address) FROM member_addresses WHERE member_id = outbox.member_id))")
_OLD_MESSAGES = "state IN ('sent', 'failed', 'withdrawn') AND COALESCE(sent_at, created_at) <= :cutoff"


def _run(db: sqlite_utils.Database, table: str, where: str, assignments: str, cutoff: str, dry_run: bool) -> int:
    n = db.execute(f"SELECT count(*) FROM {table} WHERE {where}", {"cutoff": cutoff}).fetchone()[0]
    if n and not dry_run:
        db.execute(f"UPDATE {table} SET {assignments} WHERE {where}", {"cutoff": cutoff})
    return n


def feedback(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the text and attachment references of feedback on drafts closed before `cutoff`."""
    return _run(db, "feedback", f"(body != '' OR attachments != '[]') AND draft_id IN ({_CLOSED_DRAFTS})",
                "body = '', attachments = '[]'", cutoff, dry_run)


def message_ids(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Forget the Message-IDs of members' messages (each names one mail of theirs in their own
    mailbox and the recipients'): of votes cast and of the coordinator's message opening votes
    ended before `cutoff`, of feedback and of the author's message on drafts closed before it,
    the one each message sent before it answered (In-Reply-To), and that of each raw reply
    removed from the mailbox before it. Kept: every row, so who voted and when (never how, on a
    secret ballot), each open ballot's choices and every count stay."""
    steps = (("vote_events", f"vote_id IN ({_ENDED_VOTES})"),
             ("votes", f"id IN ({_ENDED_VOTES})"),
             ("feedback", f"draft_id IN ({_CLOSED_DRAFTS})"),
             ("drafts", f"id IN ({_CLOSED_DRAFTS})"),
             ("raw_removals", "done_at IS NOT NULL AND done_at <= :cutoff"))
    n = sum(_run(db, table, f"message_id IS NOT NULL AND {where}", "message_id = NULL", cutoff, dry_run)
            for table, where in steps)
    return n + _run(db, "outbox", f"{_OLD_MESSAGES} AND in_reply_to IS NOT NULL", "in_reply_to = NULL",
                    cutoff, dry_run)


def agenda_items(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the agenda items of meetings held (or cancelled) before `cutoff`."""
    return _run(db, "agenda_items", f"text != '' AND meeting_id IN ({_PAST_MEETINGS})", "text = ''",
                cutoff, dry_run)


def meeting_descriptions(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the coordinator's description of meetings held (or cancelled) before `cutoff`."""
    return _run(db, "meetings", f"description != '' AND id IN ({_PAST_MEETINGS})", "description = ''",
                cutoff, dry_run)


def set_aside_messages(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the store's copy of messages set aside (quarantined) before `cutoff` and cut their
    error to its kind (an error may quote the message): the coordinators were sent each original
    at the time, and the mailbox's Quarantine folder keeps it for whoever looks into it."""
    return _run(db, "inbound",
                "state = 'quarantined' AND received_at <= :cutoff AND COALESCE(error, '') NOT LIKE 'held: %' "
                "AND (raw IS NOT NULL OR instr(error, ':') > 0)",
                "raw = NULL, error = CASE WHEN instr(error, ':') > 0 THEN substr(error, 1, instr(error, ':') - 1) "
                "ELSE error END", cutoff, dry_run)


def sent_messages(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the subjects, bodies and attachment references of messages sent (or failed, or
    withdrawn unsent) before `cutoff`: ballots, receipts, digests and forwarded originals carry
    what members wrote or chose, and a forward's subject repeats its sender's."""
    return _run(db, "outbox",
                f"{_OLD_MESSAGES} AND (subject != '' OR body_text != '' OR body_html IS NOT NULL OR attachments != '[]')",
                "subject = '', body_text = '', body_html = NULL, attachments = '[]'", cutoff, dry_run)


def draft_introductions(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the author's introduction of drafts closed or withdrawn before `cutoff`, and the
    note of each of their versions (the title stays, as the record of what was circulated)."""
    versions = _run(db, "draft_versions", f"note != '' AND draft_id IN ({_CLOSED_DRAFTS})", "note = ''",
                    cutoff, dry_run)
    return _run(db, "drafts", f"intro != '' AND id IN ({_CLOSED_DRAFTS})", "intro = ''", cutoff, dry_run) + versions


def announcement_bodies(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the text of announcements sent before `cutoff` (the subject stays as the record)."""
    return _run(db, "announcements", "body != '' AND sent_at IS NOT NULL AND sent_at <= :cutoff", "body = ''",
                cutoff, dry_run)


def action_comments(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank what members wrote about actions done before `cutoff` (their replies to reminders);
    the events themselves (who, what kind, when) stay."""
    return _run(db, "action_events",
                "text != '' AND action_id IN (SELECT id FROM actions WHERE state = 'done' AND done_at <= :cutoff)",
                "text = ''", cutoff, dry_run)


def action_texts(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the text of actions done before `cutoff` (it may hold a member's words); the row
    (its number, owner, meeting, due and done dates) stays, and the adopted minutes that listed
    it keep it as the network's record. Open actions keep their text, however old."""
    return _run(db, "actions", "state = 'done' AND done_at <= :cutoff AND text != ''", "text = ''",
                cutoff, dry_run)


def address_requests(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the address of `ADDRESS ADD` requests made before `cutoff` (until confirmed from
    both sides it is not a member's address); one still waiting that long is given up
    (cancelled): a late confirmation is answered that the request is over."""
    return _run(db, "address_requests", "created_at <= :cutoff AND address != ''",
                "address = '', state = CASE WHEN state = 'pending' THEN 'cancelled' ELSE state END", cutoff, dry_run)


def held_senders(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the From address and the authentication reason (which may name an address) of
    held messages decided (confirmed, cancelled, expired) before `cutoff`; their bytes went
    when they were decided."""
    return _run(db, "held", "state != 'held' AND decided_at <= :cutoff AND (from_addr != '' OR reason != '')",
                "from_addr = '', reason = ''", cutoff, dry_run)


def notices(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Delete the once-a-day notice records (each names an address) of days before the cut-off's
    day: only a day's own records stop a second notice that day."""
    where = "day < substr(:cutoff, 1, 10)"
    n = db.execute(f"SELECT count(*) FROM notices WHERE {where}", {"cutoff": cutoff}).fetchone()[0]
    if n and not dry_run:
        db.execute(f"DELETE FROM notices WHERE {where}", {"cutoff": cutoff})
    return n


def forward_senders(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the sender's address and Message-ID of messages forwarded to the coordinators before
    `cutoff`; the row (and who answered it) stays. A coordinator's answer to so old a forward
    reaches a member still active, and is refused with the reason otherwise."""
    return _run(db, "forwards", "created_at <= :cutoff AND (address != '' OR message_id IS NOT NULL)",
                "address = '', message_id = NULL", cutoff, dry_run)


def inbound_senders(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the sender's address of every message received before `cutoff`; its Message-ID
    becomes the `dedup_key` of the two, so a second copy delivered later is still recognised
    (a message with no sender's address too: its Message-ID alone is hashed)."""
    db.conn.create_function("convenor_dedup_key", 2, dedup_key, deterministic=True)
    return _run(db, "inbound", "received_at <= :cutoff AND (COALESCE(from_addr, '') != '' OR "
                "(COALESCE(message_id, '') != '' AND message_id NOT LIKE 'sha256:%'))",
                "message_id = CASE WHEN COALESCE(message_id, '') = '' THEN message_id "
                "ELSE convenor_dedup_key(message_id, from_addr) END, from_addr = ''", cutoff, dry_run)


def stranger_recipients(db: sqlite_utils.Database, cutoff: str, dry_run: bool = False) -> int:
    """Blank the address of non-members (notices to strangers, coordinators' answers to them, the
    confirmation sent to an address a member asked to add and never confirmed) on messages sent
    (or failed) before `cutoff`."""
    return _run(db, "outbox", f"{_OLD_MESSAGES} AND recipient != '' AND ({_NOT_A_MEMBERS_ADDRESS})",
                "recipient = ''", cutoff, dry_run)


def unreferenced_blobs(db: sqlite_utils.Database, dry_run: bool = False) -> int:
    """Delete stored files that no outbox row, draft version or feedback refers to any more."""
    used = " UNION ".join(
        f"SELECT json_extract(j.value, '$.sha256') FROM {table}, json_each({table}.attachments) j"
        for table in ("outbox", "draft_versions", "feedback"))
    where = f"sha256 NOT IN ({used})"
    n = db.execute(f"SELECT count(*) FROM blobs WHERE {where}").fetchone()[0]
    if n and not dry_run:
        db.execute(f"DELETE FROM blobs WHERE {where}")
    return n
