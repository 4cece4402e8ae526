"""Durations as people write them, in English or French: "90", "90 min", "1h30", "1 h 30",
"1.5 hours", "1,5 heure", "2 heures", "1 hour 30 minutes", "1:30".

Written by hand: the libraries that read durations (pytimeparse, humanfriendly's parse_timespan)
read neither French units nor "1h30", and a bare number must stay minutes here.
"""
from __future__ import annotations

import re

from workflows.reading.setting_lines import HeaderError, fold

MAX_MINUTES = 24 * 60
_HOURS = r"(?:h|hr|hrs|hours?|heures?)"
_MINUTES = r"(?:m|mn|min|mins|minutes?)"
_FORMS = [
    re.compile(rf"(?P<minutes>\d+)\s*{_MINUTES}?"),
    re.compile(rf"(?P<hours>\d+(?:\.\d+)?)\s*{_HOURS}(?:\s*(?:and|et)?\s*(?P<minutes>\d{{1,2}})\s*{_MINUTES}?)?"),
    re.compile(r"(?P<hours>\d{1,2}):(?P<minutes>\d{2})"),
]


def duration_minutes(text: str) -> int | None:
    """The whole minutes `text` names ("1h30" → 90, "1.5 hours" → 90, "90" → 90), or None when it
    is not a duration."""
    folded = fold(text).strip(" .").replace(",", ".")
    for form in _FORMS:
        match = form.fullmatch(folded)
        if match:
            groups = match.groupdict()
            hours = float(groups.get("hours") or 0)
            minutes = int(groups.get("minutes") or 0)
            if groups.get("hours") and minutes > 59:
                return None
            return round(hours * 60) + minutes
    return None


def read_duration(text: str) -> int:
    """The minutes a `Duration:` value names, between 1 minute and 24 hours; HeaderError saying
    what to write otherwise."""
    minutes = duration_minutes(text)
    if minutes is None:
        raise HeaderError(f"“{text.strip()}” is not a duration I can read: write e.g. 90 min, 1h30 or 2 hours")
    if not 1 <= minutes <= MAX_MINUTES:
        raise HeaderError(f"“{text.strip()}” must be between 1 minute and 24 hours")
    return minutes
