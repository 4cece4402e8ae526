"""Attachments kept once by SHA-256 and referenced, never copied per recipient."""
from __future__ import annotations

import hashlib

import sqlite_utils

_CHUNK = 1024 * 1024  # bytes written at a time


def put(db: sqlite_utils.Database, data) -> str:
    """Store `data` once (a second put of the same bytes stores nothing) and return its SHA-256.

    `data` is bytes, or a file given in pieces: an object with `chunks()` (its bytes in
    order), `len()` and a hex `sha256` (a large attachment decoded as it is written, never
    held whole). The bytes are written into the row in chunks (incremental blob I/O), so
    SQLite does not take its own whole copy of a large file first."""
    pieces = getattr(data, "chunks", None)
    sha = data.sha256 if pieces is not None else hashlib.sha256(data).hexdigest()
    size = len(data)
    cursor = db.conn.execute("INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, zeroblob(?))",
                             [sha, size, size])
    if cursor.rowcount and size:
        with db.conn.blobopen("blobs", "data", cursor.lastrowid) as blob:
            if pieces is not None:
                for piece in pieces():
                    blob.write(piece)
            else:
                view = memoryview(data)
                for start in range(0, size, _CHUNK):
                    blob.write(view[start:start + _CHUNK])
    return sha


def get(db: sqlite_utils.Database, sha256: str) -> bytes:
    """The bytes stored under `sha256` (read straight into one buffer); KeyError when there are none."""
    with reader(db, sha256) as blob:
        return blob.read()


def reader(db: sqlite_utils.Database, sha256: str):
    """The bytes stored under `sha256` as an open, read-only file-like blob (`read(n)`, `len()`,
    a context manager): a large file can be read in pieces. KeyError when there are none."""
    row = db.conn.execute("SELECT rowid FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise KeyError(sha256)
    return db.conn.blobopen("blobs", "data", row[0], readonly=True)
