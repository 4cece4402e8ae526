"""Response tokens: random, unguessable, each bound to (member, kind of item, item)."""
from __future__ import annotations

import secrets
from datetime import datetime

import sqlite_utils

from store.times import to_db
from store.sql import query_one


# every byte value to the base32 letter of its low five bits: 26 random bytes make 26 letters,
# each uniform over the 32 (what the first 26 letters of base32 of 20 random bytes are, ~5× faster)
_BASE32_OF_BYTE = bytes(b"abcdefghijklmnopqrstuvwxyz234567"[b & 31] for b in range(256))


def new_token() -> str:
    """A fresh token: 26 characters of lower-case base32 (130 random bits), safe in an address."""
    return secrets.token_bytes(26).translate(_BASE32_OF_BYTE).decode("ascii")


def issue(db: sqlite_utils.Database, member_id: int, kind: str, item_id: int, now: datetime) -> str:
    """Create and store a token for (member, kind, item) and return it."""
    token = new_token()
    db.execute("INSERT INTO tokens (token, member_id, kind, item_id, created_at) VALUES (?, ?, ?, ?, ?)",
               [token, member_id, kind, item_id, to_db(now)])
    return token


def resolve(db: sqlite_utils.Database, token: str) -> dict | None:
    """The token's row {token, member_id, kind, item_id}, or None for an unknown token."""
    return query_one(db, "SELECT * FROM tokens WHERE token = ?", [token.lower()])


def latest_for(db: sqlite_utils.Database, member_id: int, kind: str, item_id: int) -> str | None:
    """The most recent token issued to this member for this item, or None."""
    row = db.execute(
        "SELECT token FROM tokens WHERE member_id = ? AND kind = ? AND item_id = ? ORDER BY rowid DESC LIMIT 1",
        [member_id, kind, item_id]).fetchone()
    return row[0] if row else None


def mark_shown(db: sqlite_utils.Database, candidates: list[str], now: datetime) -> int:
    """Record which of `candidates` are tokens Convenor issued, as shown to the coordinators;
    return how many were newly recorded."""
    count = 0
    for start in range(0, len(candidates), 500):
        chunk = candidates[start:start + 500]
        count += db.execute(
            f"INSERT OR IGNORE INTO tokens_shown (token, shown_at) SELECT token, ? FROM tokens "
            f"WHERE token IN ({', '.join('?' * len(chunk))})", [to_db(now), *chunk]).rowcount
    return count


def was_shown(db: sqlite_utils.Database, token: str) -> bool:
    """True when the coordinators were shown this token (see `mark_shown`)."""
    return db.execute("SELECT 1 FROM tokens_shown WHERE token = ?", [token.lower()]).fetchone() is not None
