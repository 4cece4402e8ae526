"""What coordinators write at the top of a new item: setting lines ("Audience: core",
"Send: 2027-02-01 09:00"), audiences, dates, clock times. Lenient: any case, English or French,
with or without accents; what cannot be read is said back in a sentence for the coordinator."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Callable
from zoneinfo import ZoneInfo

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}

DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T,]+(\d{1,2})\s*[:hH]\s*(\d{2})?)?")


class HeaderError(ValueError):
    """A header line the coordinator wrote cannot be read; the message says what was expected."""


def fold(text: str) -> str:
    """Lower-case without accents, single spaces: the form keys and words are compared in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@dataclass
class SettingLines:
    """The setting lines at the top of a coordinator's text, and the text after them.

    `values` maps each canonical key to its value as written; `lines` to the line's number (1 = the
    first line of the text) and `problems` holds what is wrong with the lines themselves (a key given
    twice), each naming its line, so a caller can add its own and report them all at once.
    """

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    problems: list[str] = field(default_factory=list)


_SETTING = re.compile(r"^\s*([^\W\d_][\w' -]{0,24}?)\s*:\s*(.*?)\s*$")


def read_setting_lines(text: str, keys: dict[str, str],
                       bare_lines: Callable[[str], tuple[str, str] | None] | None = None) -> SettingLines:
    """Read the "Key: value" lines at the top of `text` (the one reader for drafts, votes, meetings
    and announcements; its rules are the same everywhere):

    - a key is matched in any case, with or without accents (`keys` maps spellings, compared
      folded, to canonical keys; English and French spellings side by side);
    - blank lines are skipped; the first line that is not a setting line with a known key ends the
      settings and starts the body, so a "Send: …" line further down stays in the body;
    - `bare_lines(folded line)` may read lines without a colon (a draft's "WITHDRAW", "Version 2")
      as (key, value);
    - a key given twice is a problem naming both lines (the first value is kept).
    """
    folded_keys = {fold(spelling): key for spelling, key in keys.items()}
    out = SettingLines()
    lines = (text or "").splitlines()
    at = 0
    while at < len(lines):
        line = lines[at]
        if not line.strip():
            at += 1
            continue
        pair = bare_lines(fold(line)) if bare_lines else None
        if pair is None:
            match = _SETTING.match(line)
            key = folded_keys.get(fold(match.group(1))) if match else None
            if key is None:
                break
            pair = (key, match.group(2))
            spelled = match.group(1).strip()
        else:
            spelled = pair[0]
        key, value = pair
        if key in out.values:
            out.problems.append(f"line {at + 1}: “{line.strip()}” gives {spelled} again "
                                f"(already set on line {out.lines[key]}); keep one of the two")
        else:
            out.values[key], out.lines[key] = value, at + 1
        at += 1
    out.body = "\n".join(lines[at:]).strip()
    return out


def where(found: SettingLines, key: str) -> str:
    """"line 3: " when `key` was set on line 3 of the text, else "" (a default was used)."""
    return f"line {found.lines[key]}: " if key in found.lines else ""


def read_audience(value: str) -> tuple[str, str | None]:
    """("core"|"all"|"associates", None) or ("subcommittee", name) from an Audience value, in
    English or French, any case, with or without accents. Raises HeaderError for anything else."""
    folded = fold(value)
    if folded in ("core", "core members", "noyau", "membres du noyau", "membres principaux", "principaux"):
        return ("core", None)
    if folded in ("all", "everyone", "all members", "tous", "tout le monde", "tous les membres", "toutes"):
        return ("all", None)
    if folded in ("associates", "associate", "associate members", "associes", "associe", "membres associes"):
        return ("associates", None)
    match = re.match(r"^(?:the |le )?(?:sub-?committee|sous-?comite|sc)\s+(.+)$", folded)
    if match:
        name = value.strip().split(None, 1)[1].strip()
        if fold(name.split(None, 1)[0]) in ("sub-committee", "subcommittee", "sous-comite", "souscomite", "sc"):
            name = name.split(None, 1)[1].strip()  # "the subcommittee X" / "le sous-comité X"
        return ("subcommittee", name)
    raise HeaderError(
        f'"{value.strip()}" is not an audience I know. Write one of: core, all, associates, '
        "or subcommittee NAME (e.g. \"subcommittee Awareness\").")


def parse_moments(value: str, zone: str, *, need_time: bool, default_time: str = "09:00") -> list[datetime]:
    """Every date-time written as "2027-02-01 09:00" (or "2027-02-01 18h30") in `value`, placed in
    `zone`, in UTC. A date alone takes `default_time` unless `need_time`. Raises ValueError."""
    out = []
    for y, mo, d, h, mi in DATE.findall(value or ""):
        if not h:
            if need_time:
                raise ValueError(f"{y}-{mo}-{d} has no time: write it like 2027-02-10 18:00")
            h, mi = default_time.split(":")
        try:
            local = datetime(int(y), int(mo), int(d), int(h), int(mi or 0), tzinfo=ZoneInfo(zone))
        except ValueError as exc:
            raise ValueError(f"{y}-{mo}-{d} {h}:{mi or '00'} is not a real date and time ({exc})") from None
        out.append(local.astimezone(ZoneInfo("UTC")))
    if not out:
        raise ValueError(f"no date found in {value!r}: write it like 2027-02-10 18:00")
    return out


def clock_time(text: str) -> time:
    """"17:00" → time(17, 0)."""
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def days_from_today(now: datetime, days: int, timezone: str, at: str) -> datetime:
    """`days` days after today (in `timezone`) at the local time `at` ("17:00")."""
    zone = ZoneInfo(timezone)
    return datetime.combine(now.astimezone(zone).date() + timedelta(days=days), clock_time(at), tzinfo=zone)


def read_when(value: str, *, now: datetime, timezone: str, default_time: str, what: str) -> datetime:
    """The future instant a coordinator's line names (`what` is its key, for the message), in
    `timezone`, at `default_time` when no time is given. Understands "2027-01-15", "2027-01-15 12:00",
    "15/01/2027 17h", "January 15, 2027", "15 janvier 2027 à 17h", "tomorrow", "in 10 days",
    "dans 2 semaines", "in 48 hours". Raises HeaderError saying what was expected."""
    zone = ZoneInfo(timezone)
    folded = fold(value).strip(" .")
    hours = re.fullmatch(r"(?:in|dans)?\s*(\d{1,3})\s*(?:hours?|heures?|h)", folded)
    if hours:
        moment = now + timedelta(hours=int(hours.group(1)))
    else:
        at = clock_time(default_time)
        time_match = re.search(r"(?:\s+(?:at|a|@)\s+|\s+|,\s*|t)(\d{1,2})(?::(\d{2})|h(\d{2})?)$", folded)
        if time_match:
            hour, minute = int(time_match.group(1)), int(time_match.group(2) or time_match.group(3) or 0)
            if hour > 23 or minute > 59:
                raise HeaderError(f'"{what}: {value.strip()}": {hour}:{minute:02d} is not a time of day.')
            at = time(hour, minute)
            folded = folded[:time_match.start()].strip(" ,")
        today = now.astimezone(zone).date()
        day = _relative_day(folded, today) or _absolute_day(folded, today)
        if day is None:
            raise HeaderError(
                f'"{what}: {value.strip()}" is not a date I can read. Write e.g. "{what}: 2027-01-15", '
                f'"{what}: 2027-01-15 12:00" or "{what}: in 10 days".')
        moment = datetime.combine(day, at, tzinfo=zone)
    if moment <= now:
        raise HeaderError(f'"{what}: {value.strip()}" is already past; it must be in the future.')
    return moment


def _relative_day(folded: str, today: date) -> date | None:
    if folded in ("tomorrow", "demain"):
        return today + timedelta(days=1)
    match = re.fullmatch(r"(?:in|dans)?\s*(\d{1,3})\s*(days?|jours?|weeks?|semaines?)", folded)
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
