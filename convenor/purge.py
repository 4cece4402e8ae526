"""The privacy purge: what members wrote is blanked a set number of days after its workflow closed.

Blanked: feedback bodies and attachment references of drafts closed or withdrawn; agenda items
of meetings held (or cancelled) that long ago; and the rendered bodies of sent messages that
old (ballots, receipts, digests and forwards carry what members wrote or chose). Kept: every
row, so counts (feedback received, votes cast, the tally of each closed vote, agenda items
proposed) stay exactly as they were. Quarantined messages are left for a human to look at.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlite_utils

from store.db import transaction
from store.times import to_db

PURGED = ""


@dataclass
class PurgeReport:
    """How many bodies were (or, in a dry run, would be) blanked, by kind, and the cut-off used."""

    cutoff: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _tables(db: sqlite_utils.Database) -> set[str]:
    return set(db.table_names())


# Each target: (name, required table, WHERE clause over rows still holding a body, SET clause).
TARGETS = [
    ("feedback", "feedback",
     "feedback WHERE (body != '' OR attachments != '[]') AND draft_id IN "
     "(SELECT id FROM drafts WHERE state IN ('closed', 'withdrawn') AND closed_at IS NOT NULL AND closed_at <= :cutoff)",
     "body = '', attachments = '[]'"),
    ("agenda items", "agenda_items",
     "agenda_items WHERE text != '' AND meeting_id IN "
     "(SELECT id FROM meetings WHERE (starts_at IS NOT NULL AND starts_at <= :cutoff) "
     "OR (state = 'cancelled' AND created_at <= :cutoff))",
     "text = ''"),
    ("sent messages", "outbox",
     "outbox WHERE state IN ('sent', 'failed') AND COALESCE(sent_at, created_at) <= :cutoff "
     "AND (body_text != '' OR body_html IS NOT NULL)",
     "body_text = '', body_html = NULL"),
]


def purge(db: sqlite_utils.Database, now: datetime, after_days: int, dry_run: bool = False) -> PurgeReport:
    """Blank the bodies whose workflow closed at least `after_days` days before `now`, in one
    transaction; with `dry_run` only count them. Row counts never change."""
    cutoff = to_db(now - timedelta(days=after_days))
    report = PurgeReport(cutoff=cutoff)
    present = _tables(db)
    with transaction(db):
        for name, table, where, assignments in TARGETS:
            if table not in present:
                continue
            n = db.execute(f"SELECT count(*) FROM {where}", {"cutoff": cutoff}).fetchone()[0]
            report.counts[name] = n
            if n and not dry_run:
                db.execute(f"UPDATE {where.replace(' WHERE ', f' SET {assignments} WHERE ', 1)}",
                           {"cutoff": cutoff})
    return report
