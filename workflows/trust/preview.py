"""What a held message would do if it were acted on: found by doing it, then undoing it.

The handler runs on the real store inside a SAVEPOINT that is always rolled back, so the preview
is exactly what would happen (who would receive what, which dates are set), and nothing of it
remains: no row, no token, no queued message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from store.times import from_db
from workflows.routing.context import Context

FIRST_LINES = 6
LINE_CHARS = 200


@dataclass
class Preview:
    """Who would receive something (excluding the sender), how many, and the dates set."""

    recipients: int = 0
    kinds: list[str] = field(default_factory=list)  # the kinds of message the others would receive
    dates: list[tuple[str, datetime]] = field(default_factory=list)  # (timer kind, when), soonest first
    answer_only: bool = True  # only the sender would hear anything


def dry_run(ctx: Context, sender: str, act: Callable[[Context], object]) -> Preview:
    """Run `act(scratch context)` and roll it back; raises what `act` raises (after the rollback)."""
    db = ctx.db
    last_timer = db.execute("SELECT coalesce(max(id), 0) FROM timers").fetchone()[0]
    scratch = Context(db, ctx.rules, ctx.now, raw=ctx.raw, auth=ctx.auth, reader=ctx.reader, scan_tokens=ctx.scan_tokens)
    db.conn.execute("SAVEPOINT trust_preview")
    try:
        act(scratch)
        rows = [db.execute("SELECT recipient, kind FROM outbox WHERE id = ?", [i]).fetchone() for i in scratch.queued]
        timers = db.execute("SELECT kind, due_at FROM timers WHERE id > ? ORDER BY due_at", [last_timer]).fetchall()
    finally:
        db.conn.execute("ROLLBACK TO trust_preview")
        db.conn.execute("RELEASE trust_preview")
    others = [(r, k) for r, k in rows if r != sender]
    kinds = sorted({k for _, k in others})
    return Preview(recipients=len({r for r, _ in others}), kinds=kinds,
                   dates=[(kind, from_db(due)) for kind, due in timers], answer_only=not others)


def first_lines(text: str) -> list[str]:
    """The first non-empty lines of what the sender wrote, each cut to a readable length."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [line if len(line) <= LINE_CHARS else line[:LINE_CHARS] + " […]" for line in lines[:FIRST_LINES]]
