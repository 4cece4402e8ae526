"""Privacy and reach: raw messages to remove from the mailbox's Processed folder (a secret ballot's
replies); when the only coordinator was told that a message to them failed for good."""
from __future__ import annotations

from sqlite_utils import Migrations

privacy = Migrations("convenor-privacy")


@privacy()
def m001_raw_removals(db):
    db.executescript(
        """
        CREATE TABLE raw_removals (
            id INTEGER PRIMARY KEY,
            mailbox_key TEXT NOT NULL,
            message_id TEXT,
            reason TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            done_at TEXT,
            UNIQUE (mailbox_key)
        );
        CREATE INDEX raw_removals_pending ON raw_removals(done_at);
        """
    )


@privacy()
def m002_failure_told(db):
    db.executescript("ALTER TABLE outbox ADD COLUMN failure_told_at TEXT;")


@privacy()
def m003_strangers_by_day(db):
    """The strangers' daily caps count handled messages by handler and arrival day: indexed, so
    the count stays cheap as the inbound history grows."""
    db.executescript("CREATE INDEX IF NOT EXISTS inbound_handler_day ON inbound(handler, received_at);")
