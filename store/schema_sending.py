"""Sending through a provider: the outbox's priority, the paused state after a quota answer,
each member's bounce score, and the journal of sent marks (see `store.outbox.journal_sent`)."""
from __future__ import annotations

from sqlite_utils import Migrations

from store.sql import widen_state_check

sending = Migrations("convenor-sending")


@sending()
def m001_paced_outbox(db):
    db.executescript(
        """
        ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 2;
        CREATE INDEX outbox_queue ON outbox(state, priority, id);
        CREATE INDEX outbox_sent_at ON outbox(sent_at) WHERE sent_at IS NOT NULL;
        CREATE TABLE sending_pause (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            until TEXT NOT NULL,
            reason TEXT NOT NULL,
            since TEXT NOT NULL
        );
        """
    )


@sending()
def m002_bounce_scores(db):
    db.executescript(
        """
        ALTER TABLE members ADD COLUMN bounce_score REAL NOT NULL DEFAULT 0;
        ALTER TABLE members ADD COLUMN bounce_last_at TEXT;
        """
    )


@sending()
def m003_sent_journal(db):
    # one small row per message the server accepted, folded into the outbox after each batch:
    # no index, no trigger and no foreign key, so a mark costs one page of WAL
    db.executescript(
        """
        CREATE TABLE outbox_sent (
            outbox_id INTEGER PRIMARY KEY,
            sent_at TEXT NOT NULL
        );
        """
    )


@sending()
def m004_sending_server(db):
    db.executescript(
        """
        CREATE TABLE sending_server (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            smtputf8 INTEGER NOT NULL,         -- 1 when the sending server offers SMTPUTF8
            seen_at TEXT NOT NULL              -- when its EHLO (or the Maildir sender) said so
        );
        """
    )


@sending()
def m005_withdrawn_state(db):
    """A copy still waiting when its item changed (a vote cancelled, a meeting cancelled or moved)
    is withdrawn: state 'withdrawn', never sent; its copies are found through their reply token.
    Only the CHECK constraint widens (no row changes), so the table's definition is edited in
    place as SQLite documents for loosening a constraint (https://sqlite.org/lang_altertable.html,
    "making other kinds of table schema changes"): no rebuild of a table that may hold years of
    history, and its triggers and indexes stay."""
    widen_state_check(db, "outbox", ("queued", "sent", "failed"), "withdrawn")
    # the copies of an item are found by their reply token (bound to the item in `tokens`)
    db.execute("CREATE INDEX outbox_reply_token ON outbox(reply_token) WHERE reply_token IS NOT NULL")
    # a copy withdrawn while it was being handed over went all the same: its member is told of the change
    db.execute("CREATE INDEX outbox_went_while_withdrawn ON outbox(id) WHERE last_error = 'went while being withdrawn'")


@sending()
def m006_server_size(db):
    """The largest message the sending server takes, as its EHLO said (RFC 1870 SIZE): a draft
    too large for it is refused before its fan-out. NULL: none stated, or not seen yet."""
    db.execute("ALTER TABLE sending_server ADD COLUMN max_size INTEGER")


@sending()
def m007_failed_by_member(db):
    """The failed rows by member: `convenor status` asks for those of the only coordinator, who
    has years of mail in the outbox (through outbox_failed alone: every failed row read)."""
    db.execute("CREATE INDEX outbox_failed_member ON outbox(member_id, id) WHERE state = 'failed'")


@sending()
def m008_fanout(db):
    """The fan-out each outbox row belongs to: the copies of one message queued for its audience
    together (a vote's ballots, a meeting's invitations, a forward to each coordinator) share the
    id of the fan-out's first row; a message to one person alone has none. A copy refused for its
    size withdraws the waiting copies of its fan-out, and nothing else (kind, subject and second
    alike do not make two members' messages one). The copies still waiting at the upgrade are
    grouped as they were found before: same kind, same item (their reply tokens), same moment
    (one pass over the waiting rows, however many). A row alone in its group gets none: nothing
    tells a ballot sent again to one member (or a receipt) from the last copy of a fan-out whose
    others went before the upgrade, and both are that member's message (a size refusal of either
    leaves its item as it is: `workflows.sending.size_refusal`)."""
    db.executescript(
        """
        ALTER TABLE outbox ADD COLUMN fanout_id INTEGER;
        CREATE INDEX outbox_fanout ON outbox(fanout_id) WHERE fanout_id IS NOT NULL;
        """
    )
    first: dict[tuple, int] = {}
    size: dict[tuple, int] = {}
    rows = db.execute("SELECT o.id, o.kind, o.created_at, t.kind, t.item_id FROM outbox o "
                      "JOIN tokens t ON t.token = o.reply_token WHERE o.state = 'queued' ORDER BY o.id").fetchall()
    for row_id, *key in rows:
        first.setdefault(tuple(key), row_id)
        size[tuple(key)] = size.get(tuple(key), 0) + 1
    db.conn.executemany("UPDATE outbox SET fanout_id = ? WHERE id = ?",
                        [(first[tuple(key)], row_id) for row_id, *key in rows if size[tuple(key)] > 1])


@sending()
def m009_size_refused_copies(db):
    """Members' copies of a fan-out the provider refused for their size after it had accepted
    other copies, whose notice to the coordinators is not queued yet: a row is written in the
    refusal's transaction (the copy already marked failed with the provider's answer) and deleted
    in the one that queues the notice and records the member told (`notices.first_once`), so a
    process killed between the two leaves it to tell at the next outbox pass. No address and no
    word of the message: the copy's outbox id, its size, the provider's stated limit (NULL: none)
    and how many other copies it had accepted, as the notice says them."""
    db.executescript(
        """
        CREATE TABLE size_refused_copies (
            id INTEGER PRIMARY KEY,                 -- the order the copies were refused in
            outbox_id INTEGER NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            size_limit INTEGER,
            accepted INTEGER NOT NULL
        );
        """
    )
