"""Rolling sending windows, as providers count them: at most `per_minute` messages in any 60 s
and `per_day` in any 24 h. Pure: the caller supplies the times (from the store) and `now`.

Convenor sends one message per recipient, so a provider's recipient limit and its message limit
are the same number here.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta

MINUTE = timedelta(seconds=60)
DAY = timedelta(hours=24)


@dataclass(frozen=True)
class SendingLimits:
    """The provider's limits; None means no limit of that kind."""

    per_minute: int | None = None
    per_day: int | None = None
    connections: int | None = None

    @property
    def limited(self) -> bool:
        return bool(self.per_minute or self.per_day)


class RollingWindows:
    """The send times of the last 24 h, and when the next message may go.

    `times` must be in time order (oldest first). `next_slot(now)` is O(log n); `record(t)` O(1)
    amortised, so the governor adds next to nothing per message.
    """

    def __init__(self, limits: SendingLimits, times: list[datetime] = ()):
        self.limits = limits
        self.times = sorted(times)

    def next_slot(self, now: datetime) -> datetime:
        """The earliest moment at or after `now` when one more message keeps within both windows."""
        slot = now
        times, per_minute, per_day = self.times, self.limits.per_minute, self.limits.per_day
        if per_day and len(times) >= per_day:
            slot = max(slot, times[-per_day] + DAY)
        if per_minute and len(times) >= per_minute:
            slot = max(slot, times[-per_minute] + MINUTE)
        return slot

    def record(self, when: datetime) -> None:
        """Count one message sent at `when` (trims what fell out of the 24 h window)."""
        self.times.append(when)
        if len(self.times) > 4 * (self.limits.per_day or 0) + 1024:
            del self.times[:bisect_right(self.times, when - DAY)]

    def room(self, now: datetime) -> int | None:
        """How many more messages may go at `now` without waiting (None: no limit): the least
        of each window's limit less what it counts. `next_slot(now)` is `now` exactly when this
        is above 0."""
        room = None
        for limit, span in ((self.limits.per_minute, MINUTE), (self.limits.per_day, DAY)):
            if limit:
                left = max(0, limit - self.sent_within(now, span))
                room = left if room is None else min(room, left)
        return room

    def sent_within(self, now: datetime, span: timedelta = DAY) -> int:
        """How many messages were sent in the `span` before `now`."""
        return len(self.times) - bisect_right(self.times, now - span)

    def schedule(self, count: int, now: datetime) -> datetime | None:
        """When the last of `count` more messages would go, sent as soon as the windows allow.

        Simulated on a copy: nothing is recorded. None when `count` is 0.
        """
        shadow = RollingWindows(self.limits, self.times)
        last = None
        for _ in range(count):
            last = shadow.next_slot(now)
            shadow.times.append(last)
        return last
