"""The drafts tables: each circulated draft, its versions, its frozen audience and its feedback.

`feedback.body` holds what a member wrote (quotes and signature removed); the privacy purge may
blank it once the draft is closed, so nothing else depends on its text.
"""
from __future__ import annotations

from sqlite_utils import Migrations

drafts = Migrations("convenor-drafts")


@drafts()
def m001_drafts(db):
    db.executescript(
        """
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            author_id INTEGER NOT NULL REFERENCES members(id),
            intro TEXT NOT NULL DEFAULT '',
            audience_kind TEXT NOT NULL,
            audience_name TEXT,
            deadline_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'withdrawn')),
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            closed_at TEXT,
            message_id TEXT
        );
        CREATE TABLE draft_versions (
            draft_id INTEGER NOT NULL REFERENCES drafts(id),
            version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            attachments TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (draft_id, version)
        );
        CREATE TABLE draft_recipients (
            draft_id INTEGER NOT NULL REFERENCES drafts(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            sent_at TEXT NOT NULL,
            reminded_for TEXT,
            PRIMARY KEY (draft_id, member_id)
        );
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            received_at TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            no_comment INTEGER NOT NULL DEFAULT 0,
            late INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            message_id TEXT,
            attachments TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX feedback_draft ON feedback(draft_id, member_id, id);
        """
    )
