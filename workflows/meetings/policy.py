"""Settings for meetings: the recurring series and the defaults for one-off meetings.

The meetings workflow reads these; `convenor.settings` embeds them as the `[meetings]` section.
"""
from __future__ import annotations

from pydantic import Field, field_validator

from workflows.routing.policy import ClockTime, Strict, TimeZoneName


class SeriesPolicy(Strict):
    """One recurring meeting series (e.g. the network meeting every two months)."""

    name: str
    audience: str = "core"  # all | core | associates | subcommittee NAME
    rule: str = "every 2 months on the second Tuesday"
    start_month: str | None = Field(None, pattern=r"^\d{4}-\d{2}$")  # anchors every-N-months cycles
    time: ClockTime = "18:00"
    duration_minutes: int = Field(90, gt=0)
    timezone: TimeZoneName | None = None
    location: str = ""
    call: str = ""
    poll: bool = True
    poll_days_before: int = Field(21, ge=1)
    poll_open_days: int = Field(7, ge=1)
    poll_candidates: int = Field(4, ge=3, le=5)
    announce_days_before: int = Field(14, ge=0)
    remind_days_before: int = Field(1, ge=0)
    agenda_days_before: int = Field(3, ge=0)
    send_time: ClockTime = "09:00"  # local time polls, reminders … go out
    poll_reminder_days_before_close: int = Field(2, ge=0)
    places: list[str] = Field(default_factory=list, max_length=8)  # polled beside the dates (A, B …)
    required: list[str] = Field(default_factory=list)  # names or addresses every polled date must suit

    @field_validator("places")
    @classmethod
    def _several_places(cls, value: list[str]) -> list[str]:
        if len(value) == 1:
            raise ValueError("give at least two places to poll, or write the one place as `location`")
        return value

    @field_validator("audience")
    @classmethod
    def _readable_audience(cls, value: str) -> str:
        from workflows.reading.setting_lines import read_audience
        read_audience(value)  # a HeaderError is a ValueError: reported with the file and line
        return value

    @field_validator("rule")
    @classmethod
    def _readable_rule(cls, value: str) -> str:
        from workflows.meetings.recurrence import RuleError, parse_rule
        try:
            parse_rule(value)
        except RuleError as exc:
            raise ValueError(str(exc)) from None
        return value


class MeetingsPolicy(Strict):
    """All meeting series, and the defaults for meetings called by email."""

    series: list[SeriesPolicy] = Field(default_factory=list)
    default_duration_minutes: int = Field(90, gt=0)
    poll_open_days: int = Field(7, ge=1)
    remind_days_before: int = Field(1, ge=0)
    agenda_days_before: int = Field(3, ge=0)
    send_time: ClockTime = "09:00"  # local time polls, reminders … go out
    poll_reminder_days_before_close: int = Field(2, ge=0)
