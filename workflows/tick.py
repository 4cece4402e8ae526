"""The clock tick: do every piece of time-driven work that is due, once."""
from __future__ import annotations

from store import timers
from store.db import transaction
from workflows import registry
from workflows.context import Context


def due_timers(ctx: Context) -> list[dict]:
    """Timers due at `ctx.now` (the caller handles each in its own transaction), after the
    tick hooks (each in its own transaction) have planned what they plan."""
    for hook in registry.TICK_HOOKS:
        with transaction(ctx.db):
            hook(ctx)
    return timers.due(ctx.db, ctx.now)


def run_timer(ctx: Context, timer: dict) -> str:
    """Do one due timer's work and mark it done, inside the caller's transaction."""
    handler = registry.TIMER_HANDLERS.get(timer["kind"])
    outcome = handler(ctx, timer) if handler else f"no handler for {timer['kind']}"
    timers.mark_done(ctx.db, timer["id"], ctx.now, outcome or "done")
    return outcome or "done"
