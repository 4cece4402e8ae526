"""The network's rules that a coordinator can set: defaults for drafts, votes and meetings.

These are pydantic models so that `convenor.settings` can embed them as sections of the
configuration file and report a wrong key with its file and line.
"""
from __future__ import annotations

from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Strict(BaseModel):
    """The base of every settings section: an unknown key is an error, never ignored."""

    model_config = ConfigDict(extra="forbid")


def _clock_time(value: str) -> str:
    """A local time of day written HH:MM (00:00 to 23:59); anything else is refused with an example."""
    hour, _, minute = value.partition(":")
    if not (len(hour) == 2 and len(minute) == 2 and hour.isdigit() and minute.isdigit()
            and int(hour) < 24 and int(minute) < 60):
        raise ValueError('not a time of day: write it as HH:MM, from "00:00" to "23:59" (e.g. "17:00")')
    return value


def _time_zone(value: str | None) -> str | None:
    """An IANA time zone name ("America/Toronto"); an unknown one is refused with an example."""
    if value is not None:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f'unknown time zone {value!r}: write a zone of the tz database, '
                             f'e.g. "America/Toronto" or "Europe/Paris"') from None
    return value


ClockTime = Annotated[str, AfterValidator(_clock_time)]  # a settings file's "17:00"
TimeZoneName = Annotated[str, AfterValidator(_time_zone)]  # a settings file's "America/Toronto"


class NetworkPolicy(Strict):
    """Who the network is: its name, address, time zone and default language."""

    name: str = "Our Network"
    list_address: str = "network@example.org"
    timezone: TimeZoneName = "America/Toronto"
    default_language: str = Field("en", pattern="^(en|fr)$")
    date_order: Literal["dmy", "mdy", "ymd"] | None = Field(
        None, description="how the network writes all-numeric dates; unset: a date whose day and month "
                          "could swap (03/04/2027) is refused")


class DraftPolicy(Strict):
    """Defaults for circulating drafts."""

    default_days: int = Field(14, ge=1)
    deadline_time: ClockTime = "17:00"
    reminder_days_before: int = Field(3, ge=0)
    max_attachment_mb: float = Field(25, gt=0)
    digest_to_all_coordinators: bool = False


class VotePolicy(Strict):
    """Defaults for votes."""

    default_days: int = Field(7, ge=1)
    closing_time: ClockTime = "17:00"
    quorum_percent: float = Field(50, ge=0, le=100)
    pass_rule: str = Field("majority", pattern="^(majority|two-thirds|majority-of-members|two-thirds-of-members|unanimous)$")
    abstentions: str = Field("quorum-only", pattern="^(quorum-only|count-as-no)$")
    leave_outside_quorum: bool = Field(True, description="members on leave who do not vote are left out of quorum")
    reminder_days_before: list[float] = Field(default_factory=lambda: [2, 1])


class StrangerPolicy(Strict):
    """What reaches the coordinators from people who are not members (see membership/strangers)."""

    max_forward_mb: float = Field(2, gt=0)
    forwards_per_sender_per_day: int = Field(5, ge=0)
    forwards_per_day: int = Field(50, ge=0)


class PrivacyPolicy(Strict):
    """How long bodies of feedback, votes and agenda items are kept after their workflow closes."""

    purge_after_days: int | None = Field(None, ge=0)


class BouncePolicy(Strict):
    """Bounce scoring, after GNU Mailman: a permanent bounce adds more than a temporary one, at
    most one bounce a day counts, a score fades when no bounce came for `fade_after_days`."""

    permanent_score: float = Field(1.0, ge=0)
    temporary_score: float = Field(0.5, ge=0)
    threshold: float = Field(5.0, gt=0)
    fade_after_days: int = Field(7, ge=1)


class TrustPolicy(Strict):
    """When mail that could be forged must be confirmed by its sender before it acts."""

    confirm: str = Field("unverified", pattern="^(unverified|always)$",
                         description="hold a coordinator's new item or a membership change by email "
                                     "when it is not verified (or always)")
    confirm_days: float = Field(3, gt=0, description="a held message expires after this many days")
    stranger_notices_per_day: int = Field(20, ge=0, description="notices to non-members, network-wide, per day")
    failed_forwards_per_address_per_day: int = Field(
        5, ge=0, description="notices to the coordinators a day about mail failing authentication in one "
                             "address's name; past it such mail is held in Quarantine and summarised the next day")
    failed_forwards_per_day: int = Field(
        50, ge=0, description="the same, for all addresses together")
    passed_on_per_sender_per_day: int = Field(
        10, ge=0, description="questions and comments written beside an answer (on a ballot, a date poll, "
                              "a draft) passed on to the coordinators a day from one address; past it the "
                              "message is kept in Quarantine and counted in the next day's summary")
