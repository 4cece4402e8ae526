"""The sending governor: the outbox goes out within the provider's rolling windows, and waits
whenever the provider answered that its quota or rate is reached.

What it counts lives in the store (the outbox's `sent_at`, the `sending_pause` row), so a
restart keeps to the same budget. The store keeps seconds: times read back count one second
late, so a restart can only be stricter than the run before it.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import sqlite_utils

from store import outbox
from store import sending as store_sending
from workflows.sending.pacing import DAY, MINUTE, RollingWindows, SendingLimits

MINUTE_PAUSE = timedelta(seconds=60)
DAY_PAUSE_MIN = timedelta(minutes=15)  # never knock on a closed daily quota more often than this
DAY_PAUSE_UNKNOWN = timedelta(hours=1)  # a daily quota reached with nothing of ours in the window


class Governor:
    """When the next message may go; what was sent; how long to wait after a quota answer."""

    def __init__(self, db: sqlite_utils.Database, limits: SendingLimits, now: datetime):
        self.db, self.limits = db, limits
        # the times of the longest window there is (a minute's alone unless there is a daily
        # limit: a sending round does not read the day's thousands to count the last minute)
        span = DAY if limits.per_day else MINUTE
        self.windows = RollingWindows(limits, _sent_times(db, now, span)) if limits.limited else None
        pause = store_sending.pause(db)
        self.paused_until = pause["until"] if pause and pause["until"] > now else None

    def opening(self, now: datetime) -> datetime:
        """The earliest moment, `now` or later, when one more message may go."""
        when = now
        if self.paused_until is not None and self.paused_until > now:
            when = self.paused_until
        if self.windows is not None:
            when = self.windows.next_slot(when)
        return when

    def room(self, now: datetime) -> int | None:
        """How many messages may go at `now` without waiting: 0 while paused, None without limits."""
        if self.paused_until is not None and self.paused_until > now:
            return 0
        return self.windows.room(now) if self.windows is not None else None

    def record(self, now: datetime) -> None:
        """Count one message accepted at `now`."""
        if self.windows is not None:
            self.windows.record(now)

    def defer(self, scope: str, reason: str, now: datetime) -> datetime:
        """Hold all sending after a quota or rate answer of `scope` ("minute" or "day"); return until when.

        A day quota waits until our oldest message of the last 24 h leaves the window (at least
        DAY_PAUSE_MIN); a rate waits a minute. The caller owns the transaction.
        """
        if scope == "day":
            times = self.windows.times if self.windows is not None and self.limits.per_day else sorted(
                _sent_times(self.db, now) + (self.windows.times if self.windows is not None else []))
            recent = [t for t in times if t > now - DAY]
            until = recent[0] + DAY if recent else now + DAY_PAUSE_UNKNOWN
            until = min(max(until, now + DAY_PAUSE_MIN), now + DAY)
        else:
            until = now + MINUTE_PAUSE
        store_sending.set_pause(self.db, until, reason, now)
        self.paused_until = until
        return until


UNREACHABLE = "unreachable: "  # how the reason of a pause for an unreachable server begins


def pause_unreachable(db: sqlite_utils.Database, reason: str, now: datetime, base: float, longest: float) -> datetime:
    """Hold all sending after the server could not be reached (or would not log us in); return
    until when. The wait starts at `base` seconds and doubles while the server stays out of
    reach, up to `longest`; no message's attempts are counted. The caller owns the transaction."""
    wait = timedelta(seconds=base)
    last = store_sending.pause(db)
    if last and last["reason"].startswith(UNREACHABLE) and last["until"] > now - timedelta(seconds=longest):
        wait = max(wait, min((last["until"] - last["since"]) * 2, timedelta(seconds=longest)))
    until = now + wait
    store_sending.set_pause(db, until, UNREACHABLE + reason, now)
    return until


def _sent_times(db: sqlite_utils.Database, now: datetime, span: timedelta = DAY) -> list[datetime]:
    """When each message accepted in the `span` before `now` was accepted, read back one second
    late (for a minute: every time that still counts once read back late; for the day: as read
    before there was a choice)."""
    since = now - DAY if span >= DAY else now - span - timedelta(seconds=1)
    return [t + timedelta(seconds=1) for t in store_sending.sent_since(db, since)]


def next_send_time(db: sqlite_utils.Database, limits: SendingLimits, now: datetime) -> datetime | None:
    """When the outbox will next send something (a retry falling due, the budget reopening), or None.

    Cheap (a few indexed look-ups): the daemon asks it on every turn of its loop.
    """
    due = outbox.next_try(db)
    if due is None:
        return None
    pause = store_sending.pause(db)
    if pause and pause["until"] > due:
        due = pause["until"]
    for count, span in ((limits.per_day, DAY), (limits.per_minute, MINUTE_PAUSE)):
        if count:
            oldest = store_sending.nth_latest_sent(db, count)
            if oldest is not None and oldest + span + timedelta(seconds=1) > due:
                due = oldest + span + timedelta(seconds=1)
    return due
