"""Meeting series rules in words ("every 2 months on the second Tuesday") as dateutil rules.

Occurrences are computed in the series' local wall time and only then placed in the zone, so a
meeting at 18:00 stays at 18:00 on both sides of a DST change; short months are dateutil's job
(a "last Friday" or a "fifth Monday" skips months without one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule

WEEKDAYS = {
    "monday": rrule.MO, "tuesday": rrule.TU, "wednesday": rrule.WE, "thursday": rrule.TH,
    "friday": rrule.FR, "saturday": rrule.SA, "sunday": rrule.SU,
    "lundi": rrule.MO, "mardi": rrule.TU, "mercredi": rrule.WE, "jeudi": rrule.TH,
    "vendredi": rrule.FR, "samedi": rrule.SA, "dimanche": rrule.SU,
}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "last": -1,
    "premier": 1, "1er": 1, "deuxième": 2, "deuxieme": 2, "troisième": 3, "troisieme": 3,
    "quatrième": 4, "quatrieme": 4, "dernier": -1,
}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12}


class RuleError(ValueError):
    """A series rule that cannot be read; the message says what is expected."""


@dataclass(frozen=True)
class SeriesRule:
    """A monthly rule: every `interval` months, on the `ordinal` `weekday` of the month."""

    interval: int
    ordinal: int
    weekday: rrule.weekday


def parse_rule(text: str) -> SeriesRule:
    """Read "every 2 months on the second Tuesday", "monthly, first Thursday",
    "every month on the last Friday" (French "tous les 2 mois, deuxième mardi" too).

    Raises RuleError with an example of what is expected.
    """
    words = re.findall(r"[\wéè]+", text.lower())
    interval = None
    if any(w in ("monthly", "mensuel", "mensuelle") for w in words) or \
            re.search(r"\b(every|each|tous les|chaque)\s+mois?\b|\bevery month\b|\beach month\b", text.lower()):
        interval = 1
    match = re.search(r"(?:every|tous les)\s+(\w+)\s+(?:months|mois)", text.lower())
    if match:
        value = match.group(1)
        interval = int(value) if value.isdigit() else NUMBERS.get(value)
    if "bimonthly" in words:
        interval = 2
    ordinal = next((ORDINALS[w] for w in words if w in ORDINALS), None)
    weekday = next((WEEKDAYS[w.rstrip("s")] for w in words if w.rstrip("s") in WEEKDAYS), None)
    if not interval or ordinal is None or weekday is None:
        raise RuleError(f"cannot read the series rule {text!r}: expected e.g. "
                        "'every 2 months on the second Tuesday' or 'monthly, first Thursday'")
    return SeriesRule(interval=interval, ordinal=ordinal, weekday=weekday)


def occurrences(rule: SeriesRule, at: time, zone: str, after: datetime, count: int,
                start_month: str | None = None) -> list[datetime]:
    """The next `count` meeting starts (aware, in `zone`) strictly after `after`.

    The cycle of an every-N-months rule is anchored on `start_month` ('YYYY-MM'; default
    January 2000, so "every 2 months" means January, March, May …).
    """
    year, month = (int(p) for p in (start_month or "2000-01").split("-"))
    anchor = datetime(year, month, 1, at.hour, at.minute)
    rr = rrule.rrule(rrule.MONTHLY, interval=rule.interval, byweekday=rule.weekday(rule.ordinal),
                     dtstart=anchor)
    local_after = after.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    out = []
    for naive in rr.xafter(local_after - timedelta(days=1), count=count + 2):
        moment = naive.replace(tzinfo=ZoneInfo(zone))
        if moment > after:
            out.append(moment)
        if len(out) == count:
            break
    return out


def candidates_around(target: datetime, how_many: int) -> list[datetime]:
    """`how_many` (3–5) candidate starts on the series' usual weekday around `target`:
    the target and the same weekday in the weeks before and after, earliest first,
    at the same local wall-clock time."""
    offsets = {3: (-7, 0, 7), 4: (-7, 0, 7, 14), 5: (-14, -7, 0, 7, 14)}[max(3, min(5, how_many))]
    zone = target.tzinfo
    return [datetime.combine(target.date() + timedelta(days=d), target.timetz().replace(tzinfo=None),
                             tzinfo=zone) for d in offsets]


def days_before_at(moment: datetime, days: int, at: time) -> datetime:
    """The local wall-clock time `at`, `days` days before `moment`'s local date (same zone)."""
    return datetime.combine(moment.date() - timedelta(days=days), at, tzinfo=moment.tzinfo)
