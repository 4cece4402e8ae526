"""Leave: a member away for a while (AWAY until 2027-03-01, French ABSENT jusqu'au …; BACK / RETOUR).

A member on leave still gets ballots and can vote, but no reminders (votes, drafts) and no date
polls, and is left out of a vote's quorum denominator (unless `votes.leave_outside_quorum` is
false) unless they voted; `convenor status` and vote results name who is away. Leave ends by
itself after its last day, or at once with BACK.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from mailer.message import InboundMail
from store import members as store_members
from workflows.reading.dates import read_when
from workflows.reading.setting_lines import HeaderError
from workflows.routing.context import Context

MAX_LEAVE_DAYS = 2 * 366
_UNTIL = re.compile(r"^\s*(?:until|till|til|to|through|thru|jusqu['’]?\s*(?:au|à|a)|jusqu['’]?\s*à|au|:)\s*", re.I)


def local_day(now: datetime, timezone: str) -> date:
    """Today's date in the network's time zone (leave is counted in whole local days)."""
    return now.astimezone(ZoneInfo(timezone)).date()


def on_leave(member: dict, now: datetime, timezone: str) -> bool:
    """True when the member is on leave today (network time)."""
    return store_members.is_away(member, local_day(now, timezone))


def read_leave_end(argument: str, now: datetime, timezone: str, date_order: str | None = None) -> date:
    """The last day of leave from what follows AWAY ("until 2027-03-01", "jusqu'au 1er mars 2027").

    Raises ValueError saying what to write (no date, a past date, more than two years away).
    """
    text = _UNTIL.sub("", argument or "").strip(" .")
    text = re.sub(r"\b1er\b", "1", text)
    if not text:
        raise ValueError("no date")
    try:
        moment = read_when(text, now=now, timezone=timezone, default_time="23:59", what="AWAY until",
                           date_order=date_order)
    except HeaderError as exc:
        raise ValueError(str(exc)) from None
    day = moment.astimezone(ZoneInfo(timezone)).date()
    if day > local_day(now, timezone) + timedelta(days=MAX_LEAVE_DAYS):
        raise ValueError("more than two years away")
    return day


def away_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """AWAY until DATE (ABSENT jusqu'au DATE): the member is on leave through that day; they are told."""
    timezone = ctx.rules.network.timezone
    try:
        until = read_leave_end(argument, ctx.arrival(mail), timezone, ctx.rules.network.date_order)
    except ValueError as exc:
        ctx.send(member, "leave_reply", outcome="unclear", problem=str(exc), in_reply_to=mail.message_id or None)
        return "leave not set: the date could not be read"
    store_members.set_away(ctx.db, member["id"], until)
    shown = datetime.combine(until, time(12), ZoneInfo(timezone))  # the day, as the templates show days
    ctx.send(member, "leave_reply", outcome="away", until=shown, in_reply_to=mail.message_id or None)
    return f"on leave through {until.isoformat()}"


def back_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """BACK (RETOUR): the member's leave ends now; they are told (also when they were not away)."""
    was_away = on_leave(member, ctx.arrival(mail), ctx.rules.network.timezone)
    store_members.set_away(ctx.db, member["id"], None)
    ctx.send(member, "leave_reply", outcome="back" if was_away else "not-away", until=None,
             in_reply_to=mail.message_id or None)
    return "back from leave" if was_away else "BACK from a member who was not on leave"
