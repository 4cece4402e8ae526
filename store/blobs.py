"""Attachments kept once by SHA-256 and referenced, never copied per recipient."""
from __future__ import annotations

import hashlib

import sqlite_utils


def put(db: sqlite_utils.Database, data: bytes) -> str:
    """Store `data` once (a second put of the same bytes stores nothing) and return its SHA-256."""
    sha = hashlib.sha256(data).hexdigest()
    db.execute("INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)", [sha, len(data), data])
    return sha


def get(db: sqlite_utils.Database, sha256: str) -> bytes:
    """The bytes stored under `sha256`; KeyError when there are none."""
    row = db.execute("SELECT data FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise KeyError(sha256)
    return bytes(row[0])
