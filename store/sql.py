"""Reading rows without sqlite-utils' per-query savepoints (three extra statements per read)."""
from __future__ import annotations

import sqlite_utils


def query(db: sqlite_utils.Database, sql: str, params=()) -> list[dict]:
    """The rows of a SELECT as dicts keyed by column name; inside the caller's transaction if any."""
    cursor = db.conn.execute(sql, params)
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]


def query_one(db: sqlite_utils.Database, sql: str, params=(), read=None) -> dict | None:
    """The first row of a SELECT as a dict, passed through `read` when given (a table's decoder),
    or None when it returns no row; inside the caller's transaction if any."""
    rows = query(db, sql, params)
    if not rows:
        return None
    return read(rows[0]) if read is not None else rows[0]


def state_counts(db: sqlite_utils.Database, table: str) -> dict[str, int]:
    """How many rows of `table` (outbox, inbound) are in each state, from the counts its
    triggers keep (migration m003); states with no row are left out."""
    return {state: n for state, n in db.conn.execute(
        "SELECT state, n FROM state_counts WHERE tbl = ? AND n > 0 ORDER BY state", [table])}


def widen_state_check(db: sqlite_utils.Database, table: str, states: tuple[str, ...], added: str) -> None:
    """Let `table`'s `state` column take `added` besides `states` (its CHECK constraint as created):
    the table's definition is edited in place, as SQLite documents for loosening a constraint
    (https://sqlite.org/lang_altertable.html, "making other kinds of table schema changes"), so
    no table that may hold years of history is rebuilt, and its triggers and indexes stay.
    Raises RuntimeError when the definition is not the one expected (nothing is changed)."""
    listed = ", ".join(f"'{s}'" for s in states)
    old, new = f"CHECK (state IN ({listed}))", f"CHECK (state IN ({listed}, '{added}'))"
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()
    if old not in sql:
        raise RuntimeError(f"{table}: unexpected table definition; cannot widen its state constraint")
    (version,) = db.execute("PRAGMA schema_version").fetchone()
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", [sql.replace(old, new), table])
        db.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
