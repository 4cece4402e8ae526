"""A fan-out longer than the sending budget allows at once: the coordinators who answer for it
are told when its last copy will go (see `estimate`), and when it has all gone they are told so,
with when the last went, how many went and how many failed.

Two ways of telling, one estimate:
- `paced` when a message to those coordinators goes out in the same unit of work (a vote's,
  a draft's, a meeting's or an announcement's confirmation): that message carries `last_copy_at`;
- `tell_if_paced` when nothing else goes to them (a timer's fan-out, a command typed): each gets
  `fanout_started`, sent before the copies.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from store import members as store_members
from store import sending as store_sending
from store import timers
from workflows.routing.context import Context
from workflows.sending import estimate
from workflows.sending.priority import DEADLINE, priority_of

TIMER = "sending.fanout_done"
RECHECK = timedelta(minutes=1)  # after the estimate: the last copy goes in the round after the tick


def paced(ctx: Context, coordinators: dict | list[dict], ref: str, rows: list[int], *,
          told_by: str) -> datetime | None:
    """When the outbox rows `rows` (queued in this unit of work) will all have gone, if that is
    worth telling (else None); then a timer tells `coordinators` when they did.

    `told_by` is the kind of the message about to tell them (one each): counted before the
    copies when it is at least as urgent as they are.
    """
    if not rows:
        return None
    told = coordinators if isinstance(coordinators, list) else [coordinators]
    priority = store_sending.least_urgent(ctx.db, rows[0], rows[-1])
    extra = len(told) if priority_of(told_by) <= priority else 0
    last = estimate.worth_saying(ctx, estimate.last_copy_at(ctx, priority, extra=extra))
    if last is not None and told:
        timers.schedule(ctx.db, TIMER, rows[0], last, {"last_row": rows[-1], "ref": ref, "priority": priority,
                                                      "coordinators": [c["id"] for c in told]})
    return last


def tell_if_paced(ctx: Context, coordinators: list[dict], ref: str, rows: list[int], what: str) -> str:
    """For a fan-out no confirmation follows (started by a timer or a command): when the budget
    paces `rows` past `estimate.WORTH_SAYING`, each of `coordinators` gets `fanout_started`
    (`what` went to how many, when the last copy goes), then `fanout_done` when it has.

    Returns what to add to the outcome ("" when the fan-out is not paced). `rows` is copied first:
    a caller may pass `ctx.queued` itself, which the notices sent here lengthen.
    """
    rows = list(rows)
    last = paced(ctx, coordinators, ref, rows, told_by="fanout_started")
    if last is None:
        return ""
    with ctx.fanout():
        for coordinator in coordinators:
            ctx.send(coordinator, "fanout_started", ref=ref, what=what, count=len(rows), last_copy_at=last)
    return f"; paced: last copy around {ctx.local(last)}, {len(coordinators)} coordinator(s) told"


def responsible(ctx: Context, member_id: int | None) -> list[dict]:
    """Who answers for a fan-out: the coordinator who started it, while still an active
    coordinator; else (a series, a command typed, a coordinator since gone) every active one."""
    member = store_members.get(ctx.db, member_id) if member_id is not None else None
    if member is not None and member["active"] and member["coordinator"]:
        return [member]
    return list(store_members.coordinators(ctx.db))


def fanout_done(ctx: Context, timer: dict) -> str:
    """Timer: tell the coordinators that the fan-out has gone (how many went, failed, and were
    withdrawn unsent when the item changed), or look again when it should have."""
    payload = timer["payload"]
    first, last_row = timer["item_id"], payload["last_row"]
    counts = store_sending.rows_by_state(ctx.db, first, last_row)
    if counts.get("queued"):
        again = max(estimate.last_copy_at(ctx, payload.get("priority", DEADLINE)) or ctx.now, ctx.now) + RECHECK
        timers.schedule(ctx.db, TIMER, first, again, payload)
        return f"{counts['queued']} copies of {payload['ref']} still waiting; looking again at {again}"
    ids = payload.get("coordinators") or [payload["coordinator"]]  # "coordinator": earlier versions' timers
    told = [m for m in (store_members.get(ctx.db, i) for i in ids) if m is not None and m["active"]]
    if not told:
        return f"{payload['ref']}: all copies went; the coordinator is no longer active"
    last_at = store_sending.last_sent_at(ctx.db, first, last_row)
    with ctx.fanout():
        for coordinator in told:
            ctx.send(coordinator, "fanout_done", ref=payload["ref"], sent=counts.get("sent", 0),
                     failed=counts.get("failed", 0), withdrawn=counts.get("withdrawn", 0), last_at=last_at)
    return f"{payload['ref']}: all copies went; {len(told)} coordinator(s) told"
