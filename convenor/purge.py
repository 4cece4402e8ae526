"""The privacy purge: what members wrote is blanked a set number of days after its workflow closed.

Blanked: feedback bodies and attachment references of drafts closed or withdrawn; agenda items
and the coordinator's description of meetings held (or cancelled) that long ago; the rendered bodies and attachments of sent
messages that old (ballots, receipts, digests and forwards carry what members wrote or chose);
then every stored file nobody refers to any more is deleted. Kept: every
row, so counts (feedback received, votes cast, the tally of each closed vote, agenda items
proposed) stay exactly as they were. Messages set aside (quarantined) keep their row and the
kind of their error; the store's copy of each is blanked (the coordinators were sent it, and
the mailbox's Quarantine folder keeps it for a human to look at). Addresses go too: the sender
of every message received (its Message-ID kept only as a hash with the sender, for recognising a
second copy) and of every message forwarded to the coordinators, non-members' addresses on
messages sent, the once-a-day notice records of past days, the address of each `ADDRESS ADD`
request (one still pending is given up) and the From address of each held message once decided.
Also blanked: sent messages' subjects (a forward repeats its sender's), the introduction of
closed drafts, the text of sent announcements, and the text of actions done and members'
comments on them (adopted minutes keep what they listed). Message-IDs of members' messages
go too (votes cast, feedback, the items they opened, the message each answer replied to).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlite_utils

from store import purge as store_purge
from store.db import transaction
from store.times import to_db


@dataclass
class PurgeReport:
    """How many bodies were (or, in a dry run, would be) blanked, by kind, and the cut-off used."""

    cutoff: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def purge(db: sqlite_utils.Database, now: datetime, after_days: int, dry_run: bool = False) -> PurgeReport:
    """Blank the bodies whose workflow closed at least `after_days` days before `now`, and delete
    the files nobody refers to any more, in one transaction; with `dry_run` only count them.
    Row counts never change. SQLite's secure_delete overwrites what is removed in the file."""
    cutoff = to_db(now - timedelta(days=after_days))
    report = PurgeReport(cutoff=cutoff)
    db.execute("PRAGMA secure_delete = ON")
    with transaction(db):
        report.counts["feedback"] = store_purge.feedback(db, cutoff, dry_run)
        report.counts["agenda items"] = store_purge.agenda_items(db, cutoff, dry_run)
        report.counts["meeting descriptions"] = store_purge.meeting_descriptions(db, cutoff, dry_run)
        report.counts["sent messages"] = store_purge.sent_messages(db, cutoff, dry_run)
        report.counts["messages set aside"] = store_purge.set_aside_messages(db, cutoff, dry_run)
        report.counts["senders of messages received"] = store_purge.inbound_senders(db, cutoff, dry_run)
        report.counts["senders of messages forwarded"] = store_purge.forward_senders(db, cutoff, dry_run)
        report.counts["non-members' addresses on messages sent"] = store_purge.stranger_recipients(db, cutoff, dry_run)
        report.counts["notice records"] = store_purge.notices(db, cutoff, dry_run)
        report.counts["draft introductions"] = store_purge.draft_introductions(db, cutoff, dry_run)
        report.counts["announcement texts"] = store_purge.announcement_bodies(db, cutoff, dry_run)
        report.counts["texts of actions done"] = store_purge.action_texts(db, cutoff, dry_run)
        report.counts["Message-IDs of members' messages"] = store_purge.message_ids(db, cutoff, dry_run)
        report.counts["comments on actions"] = store_purge.action_comments(db, cutoff, dry_run)
        report.counts["addresses asked to be added"] = store_purge.address_requests(db, cutoff, dry_run)
        report.counts["senders of held messages"] = store_purge.held_senders(db, cutoff, dry_run)
        report.counts["stored files"] = store_purge.unreferenced_blobs(db, dry_run)
    if not dry_run:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old pages out of the write-ahead log too
    return report
