"""The meetings tables: series seen, meetings, date polls, availability, agenda, attendance,
announcements to audiences."""
from __future__ import annotations

from sqlite_utils import Migrations

meetings = Migrations("convenor-meetings")


@meetings()
def m001_meetings(db):
    db.executescript(
        """
        CREATE TABLE meeting_series (
            name TEXT PRIMARY KEY,
            first_seen_at TEXT NOT NULL
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            series TEXT,
            occurrence TEXT UNIQUE,
            title TEXT NOT NULL,
            audience TEXT NOT NULL,
            subcommittee TEXT,
            starts_at TEXT,
            duration_minutes INTEGER NOT NULL,
            timezone TEXT NOT NULL,
            location TEXT NOT NULL DEFAULT '',
            call TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'planned'
                CHECK (state IN ('planned', 'polling', 'announced', 'cancelled')),
            uid TEXT NOT NULL UNIQUE,
            sequence INTEGER NOT NULL DEFAULT 0,
            created_by INTEGER REFERENCES members(id),
            created_at TEXT NOT NULL,
            announced_at TEXT
        );
        CREATE TABLE polls (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            candidates TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            closes_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
            chosen INTEGER,
            chosen_by TEXT
        );
        CREATE TABLE availability (
            poll_id INTEGER NOT NULL REFERENCES polls(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            chosen TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (poll_id, member_id)
        );
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE attendance (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            partstat TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (meeting_id, member_id)
        );
        CREATE TABLE announcements (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            audience TEXT NOT NULL,
            subcommittee TEXT,
            send_at TEXT NOT NULL,
            sent_at TEXT,
            recipients INTEGER,
            created_by INTEGER REFERENCES members(id),
            created_at TEXT NOT NULL
        );
        """
    )


@meetings()
def m002_meeting_description(db):
    # the coordinator's words about a meeting (the body of their [Meeting] message): sent to the
    # members in the poll, the announcement and the invitation's DESCRIPTION
    db.execute("ALTER TABLE meetings ADD COLUMN description TEXT NOT NULL DEFAULT ''")
