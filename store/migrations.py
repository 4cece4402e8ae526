"""Every migration set the store applies, in order. Each set records itself in the database.

`apply_pending` applies them under the store's write lock, so that two processes opening an old
store at the same instant never both apply a migration (the second used to fail on a column the
first had just added, and roll back)."""
from __future__ import annotations

import sqlite3

import sqlite_utils

from store.schema_core import core
from store.schema_drafts import drafts
from store.schema_meetings import meetings
from store.schema_polls import polls
from store.schema_privacy import privacy
from store.schema_sending import sending
from store.schema_trust import trust
from store.schema_votes import votes
from store.schema_record import record

MIGRATION_SETS = [core, drafts, meetings, votes, sending, trust, privacy, record, polls]


def apply_pending(db: sqlite_utils.Database, begin_immediate) -> None:
    """Apply every migration not yet recorded in `db`, all in one write transaction: a read first
    (nothing pending: no lock taken, as on every open of an up-to-date store), then
    `begin_immediate(db)` (a context manager: `store.db.transaction`) takes the write lock and what
    is recorded is read again under it, so a process that waited for another one's migrations
    finds them applied and applies nothing."""
    if not any(migrations.pending(db) for migrations in MIGRATION_SETS):
        return
    locked = _ScriptsInTransaction(db.conn)
    with begin_immediate(locked):
        for migrations in MIGRATION_SETS:
            migrations.apply(locked)  # re-reads what is recorded, under the lock


class _ScriptsInTransaction(sqlite_utils.Database):
    """The store's connection, whose `executescript` runs each statement of the script inside the
    open transaction. Python's own `executescript` commits any open transaction first (sqlite3
    documents it), which would give up the write lock half-way through the migrations; no library
    runs a script's statements one by one, so they are split here at each `;` that ends a
    complete statement (`sqlite3.complete_statement`: a `;` in a string, a comment or a trigger's
    body does not)."""

    def executescript(self, sql: str) -> None:
        statement = ""
        for piece in sql.split(";"):
            statement += piece + ";"
            if sqlite3.complete_statement(statement):
                if statement.strip(" \t\r\n;"):
                    self.conn.execute(statement)
                statement = ""
        if statement.strip(" \t\r\n;"):
            self.conn.execute(statement)
