"""What coordinators write at the top of a new item: setting lines ("Audience: core",
"Send: 2027-02-01 09:00"), audiences, dates, clock times. Lenient: any case, English or French,
with or without accents; what cannot be read is said back in a sentence for the coordinator."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Callable
from zoneinfo import ZoneInfo

from workflows.reading.accents import fold as without_accents
from workflows.reading.calendar_words import MONTHS as MONTH_WORDS

class HeaderError(ValueError):
    """A header line the coordinator wrote cannot be read; the message says what was expected."""


def fold(text: str) -> str:
    """Lower-case without accents, single spaces: the form keys and words are compared in."""
    return " ".join(without_accents(text).lower().split())


# the months by their English and French names, folded ("fevrier"): what coordinators write
MONTHS = {fold(name): number for number, names in MONTH_WORDS.items() for name in names[:2]}


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


def clock_time(text: str) -> time:
    """"17:00" → time(17, 0): a time from the settings file (validated there as HH:MM); what people
    write is read by `dates.read_clock`."""
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def days_from_today(now: datetime, days: int, timezone: str, at: str) -> datetime:
    """`days` days after today (in `timezone`) at the local time `at` ("17:00")."""
    zone = ZoneInfo(timezone)
    return datetime.combine(now.astimezone(zone).date() + timedelta(days=days), clock_time(at), tzinfo=zone)
