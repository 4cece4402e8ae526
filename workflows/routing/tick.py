"""The clock tick: do every piece of time-driven work that is due, once."""
from __future__ import annotations

from store import timers
from workflows.routing import table
from workflows.routing.context import Context


def tick_hooks() -> list:
    """The functions to run at every tick, before due timers are read (the caller runs each in
    its own transaction), e.g. planning the next meetings of each series."""
    return list(table.TICK_HOOKS)


def due_timers(ctx: Context) -> list[dict]:
    """Timers due at `ctx.now`, oldest first (the caller handles each in its own transaction)."""
    return timers.due(ctx.db, ctx.now)


def run_timer(ctx: Context, timer: dict) -> str:
    """Do one due timer's work and mark it done, inside the caller's transaction."""
    handler = table.TIMERS.get(timer["kind"])
    outcome = handler(ctx, timer) if handler else f"no handler for {timer['kind']}"
    timers.mark_done(ctx.db, timer["id"], ctx.now, outcome or "done")
    return outcome or "done"
