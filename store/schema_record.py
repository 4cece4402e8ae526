"""The tables of the network's record: decisions (one per closed vote), action items and their
history, attendance reported by a coordinator, and the minutes of meetings.

`actions.text`, `action_events.text` and `minutes` documents hold what members wrote; no row
here carries a secret ballot's choices (a decision keeps the tallies, never names).
"""
from __future__ import annotations

from sqlite_utils import Migrations

record = Migrations("convenor-record")


@record()
def m001_record(db):
    db.executescript(
        """
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,            -- the decision's number, as in "Decision 4"
            vote_id INTEGER NOT NULL UNIQUE REFERENCES votes(id),
            decided_at TEXT NOT NULL,          -- when the vote closed
            title TEXT NOT NULL,
            motion TEXT NOT NULL,
            options TEXT NOT NULL,             -- JSON list of option labels
            rule TEXT NOT NULL,                -- JSON {pass_rule, quorum_percent, electorate, subcommittee, secret}
            result TEXT NOT NULL,              -- JSON: tallies, turnout, outcome, winners (no names)
            outcome TEXT NOT NULL,
            documents TEXT NOT NULL DEFAULT '[]'  -- JSON list of draft ids the vote concerned
        );
        CREATE INDEX decisions_when ON decisions(decided_at);
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,            -- its number, as in "Action 3"
            meeting_id INTEGER REFERENCES meetings(id),
            source TEXT NOT NULL,              -- 'meeting', 'minutes' or 'message'
            created_by INTEGER REFERENCES members(id),
            owner_id INTEGER NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            due_on TEXT,                       -- the local date it is due, '2027-02-01', or NULL
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
            created_at TEXT NOT NULL,
            done_at TEXT
        );
        CREATE INDEX actions_owner ON actions(owner_id, state);
        CREATE TABLE action_events (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id),
            member_id INTEGER REFERENCES members(id),
            kind TEXT NOT NULL CHECK (kind IN ('created', 'comment', 'due', 'done', 'reopened')),
            text TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        );
        CREATE INDEX action_events_action ON action_events(action_id, id);
        CREATE TABLE presence (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            recorded_by INTEGER REFERENCES members(id),
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (meeting_id, member_id)
        );
        CREATE TABLE minutes (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
            draft_id INTEGER NOT NULL UNIQUE REFERENCES drafts(id),
            state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'adopted')),
            drafted_at TEXT NOT NULL,
            adopted_at TEXT,
            adopted_how TEXT                   -- 'Vote 7', or the coordinator's name and 'ADOPT'
        );
        """
    )
