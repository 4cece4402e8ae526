"""The tables of trust: messages held until their sender confirms them, and bounce reports."""
from __future__ import annotations

from sqlite_utils import Migrations

trust = Migrations("convenor-trust")


@trust()
def m001_held(db):
    db.executescript(
        """
        CREATE TABLE held (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('item', 'membership')),
            action TEXT NOT NULL,              -- 'draft', 'vote', 'meeting', 'announce', 'JOIN', 'LEAVE' …
            member_id INTEGER NOT NULL REFERENCES members(id),
            from_addr TEXT NOT NULL,
            reason TEXT NOT NULL,              -- why it was held (the authentication verdict's reason)
            raw BLOB,                          -- the held message; blanked once confirmed, cancelled or expired
            received_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'held'
                CHECK (state IN ('held', 'confirmed', 'cancelled', 'expired')),
            decided_at TEXT
        );
        CREATE INDEX held_state ON held(state, expires_at);
        CREATE TABLE bounce_reports (
            id INTEGER PRIMARY KEY,
            received_at TEXT NOT NULL,
            member_id INTEGER REFERENCES members(id),  -- NULL: no bounce token mapped it to a message
            permanent INTEGER NOT NULL
        );
        """
    )


@trust()
def m002_tokens_shown(db):
    """Tokens the coordinators were shown (in a message forwarded or set aside): such a token acts
    only on verified mail, or once its owner confirms (see workflows.trust)."""
    db.executescript(
        """
        CREATE TABLE tokens_shown (
            token TEXT PRIMARY KEY REFERENCES tokens(token),
            shown_at TEXT NOT NULL
        );
        """
    )


@trust()
def m003_mail_stopped(db):
    """A member's complaint (a provider's feedback report) stops their mail until a coordinator
    resumes it: the day and the report's type, NULL while mail flows."""
    db.executescript("ALTER TABLE members ADD COLUMN mail_stopped TEXT;")
