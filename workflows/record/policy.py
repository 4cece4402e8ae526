"""Settings of the network's record (`[record]`): the meeting quorum, action reminders, minutes."""
from __future__ import annotations

from pydantic import Field

from workflows.routing.policy import ClockTime, Strict


class RecordPolicy(Strict):
    """How the record is kept: when minutes are drafted, when action owners are reminded."""

    meeting_quorum_percent: float = Field(50, ge=0, le=100)  # core members present / core members invited
    action_reminder_days_before: int = Field(2, ge=0)       # 0: no reminder before the due date
    action_reminder_days_after: int = Field(1, ge=0)        # 0: no reminder after it
    send_time: ClockTime = "09:00"  # local time reminders go out
    minutes_after_hours: int = Field(24, ge=0)              # minutes drafted this long after a meeting ends
    minutes_feedback_days: int = Field(7, ge=1)             # the coordinators' feedback deadline on minutes
    minutes_lookback_days: int = Field(30, ge=1)            # older meetings never get minutes drafted
