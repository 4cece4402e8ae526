"""The tables of votes: the motion, its electorate frozen at opening, every vote event, each choice."""
from __future__ import annotations

from sqlite_utils import Migrations

votes = Migrations("convenor-votes")


@votes()
def m001_votes(db):
    db.executescript(
        """
        CREATE TABLE votes (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            motion TEXT NOT NULL,
            options TEXT NOT NULL,             -- JSON list of option labels, in ballot order
            electorate TEXT NOT NULL,          -- 'core', or 'subcommittee'
            subcommittee TEXT,                 -- the sub-committee's name when electorate = 'subcommittee'
            quorum_percent REAL NOT NULL,
            pass_rule TEXT NOT NULL CHECK (pass_rule IN ('majority', 'two-thirds')),
            secret INTEGER NOT NULL DEFAULT 0,
            opened_by INTEGER REFERENCES members(id),
            opened_at TEXT NOT NULL,
            closes_at TEXT NOT NULL,
            closed_at TEXT,
            closed_how TEXT,                   -- 'deadline', 'coordinator', 'command line'
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'cancelled')),
            result TEXT,                       -- JSON: the tally and outcome computed at the close
            message_id TEXT
        );
        CREATE TABLE vote_electorate (
            vote_id INTEGER NOT NULL REFERENCES votes(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            ballot_token TEXT,                 -- the token carried by the ballot's mailto links
            PRIMARY KEY (vote_id, member_id)
        );
        CREATE TABLE vote_choices (
            vote_id INTEGER NOT NULL REFERENCES votes(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            choice INTEGER,                    -- option index; NULL once a secret ballot closed
            voted_at TEXT NOT NULL,
            PRIMARY KEY (vote_id, member_id)
        );
        CREATE TABLE vote_events (
            id INTEGER PRIMARY KEY,            -- order of arrival
            vote_id INTEGER NOT NULL REFERENCES votes(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            received_at TEXT NOT NULL,
            message_id TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('vote', 'ambiguous', 'late')),
            choice INTEGER,                    -- NULL once a secret ballot closed
            receipt_outbox_id INTEGER          -- the receipt queued for it, redacted for secret ballots
        );
        CREATE INDEX vote_events_vote ON vote_events(vote_id, member_id);
        """
    )


@votes()
def m002_bylaw_rules(db):
    """The rules the bylaws recognise: any pass rule the workflow knows (no fixed list in the
    schema: `workflows.votes.rules` validates it), how abstentions count, the seats of an election,
    a ranking per choice (ranked elections) and a receipt code per voter (verifiable secret ballots)."""
    db.execute("ALTER TABLE votes ADD COLUMN rule TEXT NOT NULL DEFAULT 'majority'")
    db.execute("UPDATE votes SET rule = pass_rule")
    db["votes"].transform(drop={"pass_rule"}, rename={"rule": "pass_rule"})
    db.executescript(
        """
        ALTER TABLE votes ADD COLUMN abstentions TEXT NOT NULL DEFAULT 'quorum-only';
        ALTER TABLE votes ADD COLUMN seats INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE vote_choices ADD COLUMN ranking TEXT;       -- JSON list of option indices, first preference first
        ALTER TABLE vote_choices ADD COLUMN receipt_code TEXT;  -- secret ballots: erased once the codes are published
        ALTER TABLE vote_events ADD COLUMN ranking TEXT;
        """
    )
