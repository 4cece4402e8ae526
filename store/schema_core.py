"""The core tables: members, inbound messages, tokens, outbox, attachments, timers, notices."""
from __future__ import annotations

from sqlite_utils import Migrations

core = Migrations("convenor-core")


@core()
def m001_core(db):
    db.executescript(
        """
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('core', 'associate')),
            coordinator INTEGER NOT NULL DEFAULT 0,
            language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr')),
            active INTEGER NOT NULL DEFAULT 1,
            subscribed INTEGER NOT NULL DEFAULT 1,
            bouncing INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE subcommittees (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE memberships (
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            subcommittee_id INTEGER NOT NULL REFERENCES subcommittees(id) ON DELETE CASCADE,
            PRIMARY KEY (member_id, subcommittee_id)
        );
        CREATE TABLE inbound (
            id INTEGER PRIMARY KEY,
            mailbox_key TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL UNIQUE,
            message_id TEXT,
            from_addr TEXT,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('handled', 'quarantined')),
            handler TEXT,
            error TEXT,
            raw BLOB
        );
        CREATE INDEX inbound_message_id ON inbound(message_id, from_addr);
        CREATE TABLE tokens (
            token TEXT PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            item_id INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX tokens_item ON tokens(kind, item_id, member_id);
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            member_id INTEGER REFERENCES members(id),
            recipient TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            body_html TEXT,
            headers TEXT NOT NULL DEFAULT '{}',
            attachments TEXT NOT NULL DEFAULT '[]',
            reply_token TEXT,
            bounce_token TEXT NOT NULL UNIQUE,
            message_id TEXT NOT NULL UNIQUE,
            in_reply_to TEXT,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at TEXT NOT NULL,
            last_error TEXT,
            sent_at TEXT
        );
        CREATE INDEX outbox_due ON outbox(state, next_try_at);
        CREATE TABLE timers (
            id INTEGER PRIMARY KEY,
            due_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            item_id INTEGER NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            done_at TEXT,
            outcome TEXT,
            UNIQUE (kind, item_id, due_at)
        );
        CREATE INDEX timers_due ON timers(done_at, due_at);
        CREATE TABLE notices (
            address TEXT NOT NULL,
            kind TEXT NOT NULL,
            day TEXT NOT NULL,
            PRIMARY KEY (address, kind, day)
        );
        """
    )


@core()
def m002_leave_and_addresses(db):
    """Leave (a member away until a date) and the other addresses a member writes from."""
    db.executescript(
        """
        ALTER TABLE members ADD COLUMN away_until TEXT;      -- ISO date, inclusive; NULL when not away
        CREATE TABLE member_addresses (
            address TEXT PRIMARY KEY,                        -- normalised, never a member's primary address
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            added_at TEXT NOT NULL
        );
        CREATE TABLE address_requests (
            id INTEGER PRIMARY KEY,                          -- ADDRESS ADD by email: confirmed from both addresses
            member_id INTEGER NOT NULL REFERENCES members(id),
            address TEXT NOT NULL,
            confirmed_primary INTEGER NOT NULL DEFAULT 0,
            confirmed_other INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'cancelled')),
            created_at TEXT NOT NULL
        );
        """
    )


@core()
def m003_forwards(db):
    """Messages forwarded to the coordinators, so that a coordinator's reply reaches their sender."""
    db.executescript(
        """
        CREATE TABLE forwards (
            id INTEGER PRIMARY KEY,
            address TEXT NOT NULL,                           -- the original sender, normalised
            member_id INTEGER REFERENCES members(id),        -- NULL for someone who is not a member
            message_id TEXT,                                 -- of the original, to thread the answer
            created_at TEXT NOT NULL
        );
        CREATE INDEX forwards_address ON forwards(address);
        CREATE TABLE forward_answers (
            forward_id INTEGER NOT NULL REFERENCES forwards(id),
            coordinator_id INTEGER NOT NULL REFERENCES members(id),
            answered_at TEXT NOT NULL
        );
        """
    )


@core()
def m004_state_counts_and_history_indexes(db):
    """What `convenor status` reads must not grow with ten years of history: the number of
    outbox and inbound rows in each state kept by triggers (a count over a million rows costs
    tens of milliseconds), and partial indexes for the latest failed and quarantined rows.
    A table rebuilt by `transform()` loses its triggers: a migration that rebuilds outbox or
    inbound must create them again (and recount)."""
    db.executescript(
        """
        CREATE TABLE state_counts (
            tbl TEXT NOT NULL,
            state TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (tbl, state)
        ) WITHOUT ROWID;
        INSERT INTO state_counts SELECT 'outbox', state, count(*) FROM outbox GROUP BY state;
        INSERT INTO state_counts SELECT 'inbound', state, count(*) FROM inbound GROUP BY state;
        CREATE INDEX outbox_failed ON outbox(id) WHERE state = 'failed';
        CREATE INDEX inbound_quarantined ON inbound(id) WHERE state = 'quarantined';
        """
    )
    for table in ("outbox", "inbound"):
        up = (f"INSERT OR IGNORE INTO state_counts VALUES ('{table}', NEW.state, 0); "
              f"UPDATE state_counts SET n = n + 1 WHERE tbl = '{table}' AND state = NEW.state;")
        down = f"UPDATE state_counts SET n = n - 1 WHERE tbl = '{table}' AND state = OLD.state;"
        db.executescript(
            f"""
            CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table} BEGIN {up} END;
            CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} BEGIN {down} END;
            CREATE TRIGGER {table}_count_update AFTER UPDATE OF state ON {table}
                WHEN OLD.state IS NOT NEW.state BEGIN {down} {up} END;
            """
        )


@core()
def m005_notices_once_kept_by_day(db):
    """A notice given once (`notices.first_once`) is recorded on its real day, so the privacy purge
    deletes it with the other notice records; it used to be kept for good under the day "once",
    keyed for a copy with no member by its raw recipient address. Those kept by member id get the
    upgrade's day; those naming an address are deleted (at most one notice given again)."""
    db.executescript(
        """
        UPDATE OR IGNORE notices SET day = date('now') WHERE day = 'once' AND address LIKE 'member %';
        DELETE FROM notices WHERE day = 'once';
        """
    )
