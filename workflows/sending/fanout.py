"""A fan-out longer than the sending budget allows at once: the coordinator's confirmation says
when its last copy will go (see `estimate`), and when it has all gone they are told so, with
when the last went, how many went and how many failed."""
from __future__ import annotations

from datetime import datetime, timedelta

from store import members as store_members
from store import sending as store_sending
from store import timers
from workflows.routing.context import Context
from workflows.sending import estimate
from workflows.sending.priority import DEADLINE

TIMER = "sending.fanout_done"
RECHECK = timedelta(minutes=1)  # after the estimate: the last copy goes in the round after the tick


def paced(ctx: Context, coordinator: dict, ref: str, first_row: int) -> datetime | None:
    """When the rows queued in this unit of work from index `first_row` of `ctx.queued` on will
    all have gone, if that is worth telling (else None); then a timer tells the coordinator
    when they did."""
    rows = ctx.queued[first_row:]
    last = estimate.worth_saying(ctx, estimate.last_copy_at(ctx, DEADLINE, extra=1))  # + the confirmation, first
    if last is not None and rows:
        timers.schedule(ctx.db, TIMER, rows[0], last,
                        {"last_row": rows[-1], "coordinator": coordinator["id"], "ref": ref})
    return last


def fanout_done(ctx: Context, timer: dict) -> str:
    """Timer: tell the coordinator that the fan-out has gone, or look again when it should have."""
    payload = timer["payload"]
    first, last_row = timer["item_id"], payload["last_row"]
    counts = store_sending.rows_by_state(ctx.db, first, last_row)
    if counts.get("queued"):
        again = max(estimate.last_copy_at(ctx, DEADLINE) or ctx.now, ctx.now) + RECHECK
        timers.schedule(ctx.db, TIMER, first, again, payload)
        return f"{counts['queued']} copies of {payload['ref']} still waiting; looking again at {again}"
    coordinator = store_members.get(ctx.db, payload["coordinator"])
    if coordinator is None or not coordinator["active"]:
        return f"{payload['ref']}: all copies went; the coordinator is no longer active"
    ctx.send(coordinator, "fanout_done", ref=payload["ref"], sent=counts.get("sent", 0),
             failed=counts.get("failed", 0), last_at=store_sending.last_sent_at(ctx.db, first, last_row))
    return f"{payload['ref']}: all copies went; the coordinator was told"
