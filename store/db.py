"""Opening the store: one SQLite file, WAL, readable by its owner alone, migrations applied.

`transaction(db)` is the only way Convenor writes state that must happen exactly once:
`BEGIN IMMEDIATE` takes the write lock up front, so a read-then-write inside it never fails
half-way with "database is locked" (see MAILSTACK.md).
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterator

import sqlite_utils

from store.migrations import apply_pending


class StoreError(Exception):
    """The store cannot be opened or written (locked, full, unreadable)."""


def open_store(path: str | os.PathLike, *, busy_timeout_ms: int = 10_000) -> sqlite_utils.Database:
    """Open (creating if needed) the store at `path`, mode 0600, WAL, all migrations applied.

    `":memory:"` gives a private in-memory store for unit tests.
    """
    if str(path) == ":memory:":
        db = sqlite_utils.Database(memory=True)
    else:
        p = Path(path)
        old_umask = os.umask(0o077)  # what is created here (folders too) is the owner's alone
        try:
            p.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not p.exists():
                p.touch(mode=0o600)
            os.chmod(p, 0o600)
            conn = sqlite3.connect(str(p), timeout=busy_timeout_ms / 1000, check_same_thread=False)
        finally:
            os.umask(old_umask)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
    db.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    db.execute("PRAGMA foreign_keys=ON")
    apply_pending(db, transaction)  # under the write lock: safe when two processes open an old store at once
    return db


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database, *, attempts: int = 50) -> Iterator[sqlite_utils.Database]:
    """Run the block as one write transaction: all of it is committed, or none of it.

    Waits (retrying BEGIN IMMEDIATE) while another process holds the write lock; raises
    `StoreError` if it is still locked after the attempts.
    """
    for attempt in range(attempts):
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise StoreError(str(exc)) from exc
            time.sleep(min(0.05 * (attempt + 1), 1.0))
    else:
        raise StoreError("the store is locked by another process")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise


@contextlib.contextmanager
def savepoint(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Inside an open transaction: run the block so that, if it raises, none of it stays (the
    rest of the transaction does). Like sqlite-utils' `atomic()` there, under one fixed name
    (nesting allowed), so its statements are prepared once, not once per message."""
    db.conn.execute("SAVEPOINT convenor_unit")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:  # a RAISE(ROLLBACK) may already have ended the transaction
            db.conn.execute("ROLLBACK TO SAVEPOINT convenor_unit")
            db.conn.execute("RELEASE SAVEPOINT convenor_unit")
        raise
    else:
        db.conn.execute("RELEASE SAVEPOINT convenor_unit")
