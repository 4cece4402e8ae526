"""Reading a coordinator's header lines at the top of a draft: Audience, Deadline, Version.

Lenient: keys in any case, English or French, with or without accents; a value that cannot be
read becomes a `HeaderError` whose message is written for the coordinator, never an exception
that sets the message aside. No clock reads: `now` is passed in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from workflows.mail_headers import HeaderError, fold, read_audience

AUDIENCE_KEYS = {"audience", "public", "destinataires", "audience cible"}
DEADLINE_KEYS = {"deadline", "echeance", "date limite", "due", "delai"}
VERSION_RE = re.compile(r"^\s*version\s*:?\s*(\d{1,4})\b", re.IGNORECASE)
HEADER_RE = re.compile(r"^\s*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ]{1,20}?)\s*:\s*(.*?)\s*$")
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}




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
    """The deadline instant a Deadline value names, in the network's zone, at `deadline_time` by default.

    Understands "2027-01-15", "2027-01-15 12:00", "15/01/2027", "January 15, 2027", "15 janvier 2027",
    "in 10 days", "dans 2 semaines". The result must lie after `now`.
    """
    zone = ZoneInfo(timezone)
    folded = fold(value).strip(" .")
    default_hm = _hm(deadline_time)
    today = now.astimezone(zone).date()
    at = default_hm
    time_match = re.search(r"(?:\s+(?:at|a)\s+|\s+|,\s*)(\d{1,2})(?::(\d{2})|h(\d{2})?)$", folded)
    if time_match:
        hour, minute = int(time_match.group(1)), int(time_match.group(2) or time_match.group(3) or 0)
        if hour > 23 or minute > 59:
            raise HeaderError(f'"Deadline: {value.strip()}": {hour}:{minute:02d} is not a time of day.')
        at = time(hour, minute)
        folded = folded[:time_match.start()].strip(" ,")
    day = _relative_day(folded, today) or _absolute_day(folded, today)
    if day is None:
        raise HeaderError(
            f'"Deadline: {value.strip()}" is not a date I can read. Write e.g. "Deadline: 2027-01-15", '
            '"Deadline: 2027-01-15 12:00" or "Deadline: in 10 days".')
    moment = datetime.combine(day, at, tzinfo=zone)
    if moment <= now:
        raise HeaderError(f'"Deadline: {value.strip()}" is already past; the deadline must be in the future.')
    return moment


def default_deadline(now: datetime, *, days: int, timezone: str, deadline_time: str) -> datetime:
    """`days` days from today (in the network's zone) at `deadline_time`."""
    zone = ZoneInfo(timezone)
    return datetime.combine(now.astimezone(zone).date() + timedelta(days=days), _hm(deadline_time), tzinfo=zone)


def _hm(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def _relative_day(folded: str, today: date) -> date | None:
    if folded in ("tomorrow", "demain"):
        return today + timedelta(days=1)
    match = re.fullmatch(r"(?:in|dans)\s+(\d{1,3})\s*(days?|jours?|weeks?|semaines?)", folded)
    if not match:
        return None
    count = int(match.group(1))
    return today + timedelta(days=count * (7 if match.group(2)[0] in "ws" else 1))


def _absolute_day(folded: str, today: date) -> date | None:
    patterns = [
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", lambda m: (int(m[3]), int(m[2]), int(m[1]))),
        (r"(?:[a-z]+,?\s+)?([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})",
         lambda m: (int(m[3]), MONTHS.get(m[1], 0), int(m[2]))),
        (r"(?:[a-z]+,?\s+)?(\d{1,2})(?:er)?\s+([a-z]+),?\s+(\d{4})",
         lambda m: (int(m[3]), MONTHS.get(m[2], 0), int(m[1]))),
    ]
    for pattern, pick in patterns:
        match = re.fullmatch(pattern, folded)
        if match:
            try:
                return date(*pick(match))
            except ValueError:
                return None
    return None
