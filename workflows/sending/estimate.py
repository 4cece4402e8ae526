"""When a fan-out will have gone out, given the sending budget (for confirmations and refusals).

Read from the store inside the workflow's transaction; pure otherwise (`now` is passed in).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from store import sending as store_sending
from workflows.routing.context import Context
from workflows.sending.pacing import DAY, RollingWindows

WORTH_SAYING = timedelta(minutes=15)  # a fan-out done sooner than this is "now"
ANSWER_TIME = timedelta(hours=48)  # what a vote leaves members after their ballot, at most


def last_copy_at(ctx: Context, priority: int, extra: int = 0) -> datetime | None:
    """When the last queued message of `priority` (or more urgent), plus `extra` more, would go.

    None when no sending limit applies. Messages are counted as the governor will send them:
    the rolling windows of the last 24 h, any pause a provider imposed, most urgent first.
    """
    limits = ctx.rules.sending
    if not limits.limited:
        return None
    start = ctx.now
    pause = store_sending.pause(ctx.db)
    if pause and pause["until"] > start:
        start = pause["until"]
    times = [t + timedelta(seconds=1) for t in store_sending.sent_since(ctx.db, ctx.now - DAY)]
    count = store_sending.queued_up_to(ctx.db, priority) + extra
    return RollingWindows(limits, times).schedule(count, start)


def worth_saying(ctx: Context, last: datetime | None) -> datetime | None:
    """`last` when it is far enough away to tell the coordinator, else None."""
    return last if last is not None and last - ctx.now > WORTH_SAYING else None


def earliest_workable_close(now: datetime, last: datetime) -> datetime:
    """The earliest close that leaves members time to answer a ballot sent at `last`:
    ANSWER_TIME after it, or as long as the ballots took to go out if that is shorter."""
    return min(last + ANSWER_TIME, last + (last - now))


def too_late(now: datetime, last: datetime | None, closes_at: datetime) -> bool:
    """True when ballots going out until `last` leave too little time before `closes_at`."""
    return last is not None and closes_at < earliest_workable_close(now, last)
