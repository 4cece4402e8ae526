"""Reading a coordinator's header lines at the top of a draft: Audience, Deadline, Version.

Lenient: keys in any case, English or French, with or without accents; a value that cannot be
read becomes a `HeaderError` whose message is written for the coordinator, never an exception
that sets the message aside. No clock reads: `now` is passed in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from workflows.reading.setting_lines import HeaderError, days_from_today, fold, read_audience, read_when

AUDIENCE_KEYS = {"audience", "public", "destinataires", "audience cible"}
DEADLINE_KEYS = {"deadline", "echeance", "date limite", "due", "delai"}
VERSION_RE = re.compile(r"^\s*version\s*:?\s*(\d{1,4})\b", re.IGNORECASE)
HEADER_RE = re.compile(r"^\s*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ]{1,20}?)\s*:\s*(.*?)\s*$")




@dataclass
class DraftHeaders:
    """What the top lines of a draft said, and the rest of the text (the introduction)."""

    audience: tuple[str, str | None] | None = None  # ("subcommittee", "Awareness"), ("core", None) …
    deadline: datetime | None = None
    version: int | None = None
    withdraw: bool = False
    rest: str = ""
    errors: list[str] = field(default_factory=list)




def read_headers(text: str, *, now: datetime, timezone: str, deadline_time: str) -> DraftHeaders:
    """Read Audience/Deadline/Version/WITHDRAW lines from the top of `text` (blank lines skipped).

    Reading stops at the first line that is none of these; that line and the ones after it are
    the introduction (`rest`). A line with a known key and an unreadable value is recorded in
    `errors` (one sentence each, for the coordinator).
    """
    out = DraftHeaders()
    lines = (text or "").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        word = fold(line).strip(" .!")
        if word in ("withdraw", "retirer", "retrait"):
            out.withdraw = True
            i += 1
            continue
        version = VERSION_RE.match(fold(line))
        if version and len(fold(line).split()) <= 3:
            out.version = int(version.group(1))
            i += 1
            continue
        header = HEADER_RE.match(line)
        if not header:
            break
        key, value = fold(header.group(1)), header.group(2)
        if key in AUDIENCE_KEYS:
            try:
                out.audience = read_audience(value)
            except HeaderError as exc:
                out.errors.append(str(exc))
        elif key in DEADLINE_KEYS:
            try:
                out.deadline = read_deadline(value, now=now, timezone=timezone, deadline_time=deadline_time)
            except HeaderError as exc:
                out.errors.append(str(exc))
        else:
            break
        i += 1
    out.rest = "\n".join(lines[i:]).strip()
    return out




def read_deadline(value: str, *, now: datetime, timezone: str, deadline_time: str) -> datetime:
    """The deadline a Deadline value names (see `mail_headers.read_when` for what it understands)."""
    return read_when(value, now=now, timezone=timezone, default_time=deadline_time, what="Deadline")


def default_deadline(now: datetime, *, days: int, timezone: str, deadline_time: str) -> datetime:
    """`days` days from today (in the network's zone) at `deadline_time`."""
    return days_from_today(now, days, timezone, deadline_time)


    return None
