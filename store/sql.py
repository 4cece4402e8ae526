"""Reading rows without sqlite-utils' per-query savepoints (three extra statements per read)."""
from __future__ import annotations

import sqlite_utils


def query(db: sqlite_utils.Database, sql: str, params=()) -> list[dict]:
    """The rows of a SELECT as dicts keyed by column name; inside the caller's transaction if any."""
    cursor = db.conn.execute(sql, params)
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]
