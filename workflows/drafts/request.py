"""Reading a coordinator's header lines at the top of a draft: Audience, Deadline, Version.

Lenient: keys in any case, English or French, with or without accents; a value that cannot be
read becomes a `HeaderError` whose message is written for the coordinator, never an exception
that sets the message aside. No clock reads: `now` is passed in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from workflows.reading.dates import read_when
from workflows.reading.setting_lines import HeaderError, days_from_today, read_audience, read_setting_lines, where

KEYS = {spelling: "audience" for spelling in ("audience", "public", "destinataires", "audience cible")} | {
    spelling: "deadline" for spelling in ("deadline", "échéance", "date limite", "due", "délai")}
VERSION_RE = re.compile(r"^version\s*:?\s*(\d{1,4})$")
WITHDRAW_WORDS = ("withdraw", "retirer", "retrait")


@dataclass
class DraftHeaders:
    """What the top lines of a draft said, and the rest of the text (the introduction)."""

    audience: tuple[str, str | None] | None = None  # ("subcommittee", "Awareness"), ("core", None) …
    deadline: datetime | None = None
    version: int | None = None
    withdraw: bool = False
    close: bool = False
    rest: str = ""
    errors: list[str] = field(default_factory=list)


def _bare_line(folded: str) -> tuple[str, str] | None:
    """A draft's lines without a colon: "WITHDRAW" / "RETIRER", "CLOSE" / "CLORE", "Version 2"."""
    from workflows.votes.replies import ADMIN_CLOSE

    if folded.strip(" .!") in WITHDRAW_WORDS:
        return ("withdraw", "yes")
    if folded.strip(" .!").upper() in ADMIN_CLOSE:
        return ("close", "yes")
    version = VERSION_RE.match(folded.strip(" ."))
    return ("version", version.group(1)) if version else None


def read_headers(text: str, *, now: datetime, timezone: str, deadline_time: str,
                 date_order: str | None = None) -> DraftHeaders:
    """Read Audience/Deadline/Version/WITHDRAW/CLOSE lines from the top of `text` (the rules of
    `read_setting_lines`); the text after them is the introduction (`rest`). Every line that cannot
    be read is one sentence in `errors`, naming its line, all at once."""
    found = read_setting_lines(text, KEYS, _bare_line)
    out = DraftHeaders(rest=found.body, errors=list(found.problems))
    out.withdraw = "withdraw" in found.values
    out.close = "close" in found.values
    if "version" in found.values:
        out.version = int(found.values["version"])
    try:
        if "audience" in found.values:
            out.audience = read_audience(found.values["audience"])
    except HeaderError as exc:
        out.errors.append(f"{where(found, 'audience')}{exc}")
    try:
        if "deadline" in found.values:
            out.deadline = read_deadline(found.values["deadline"], now=now, timezone=timezone,
                                         deadline_time=deadline_time, date_order=date_order)
    except HeaderError as exc:
        out.errors.append(f"{where(found, 'deadline')}{exc}")
    return out


def read_deadline(value: str, *, now: datetime, timezone: str, deadline_time: str,
                  date_order: str | None = None) -> datetime:
    """The deadline a Deadline value names (see `dates.read_when` for what it understands)."""
    return read_when(value, now=now, timezone=timezone, default_time=deadline_time, what="Deadline",
                     date_order=date_order)


def default_deadline(now: datetime, *, days: int, timezone: str, deadline_time: str) -> datetime:
    """`days` days from today (in the network's zone) at `deadline_time`."""
    return days_from_today(now, days, timezone, deadline_time)
