"""Dates and clock times as coordinators and members write them, placed in the network's zone.

One reader for every line that names a moment: `Closes:`, `Deadline:`, `When:`, `Candidates:`,
`Send:`, `AWAY until …`, an action's due date and the CLI's date arguments. Its rules:

- clock times: "17:00", "17h", "17h30", "17 h 30", "17 heures", "5pm", "5:30 pm", "5 p.m.";
- "in 17 hours", "dans 2 heures", "in 1h30", "48 hours", "48h" (more than 23) are delays from now,
  never times; "17h" alone is 17:00 today;
- an all-numeric date whose day and month could swap ("03/04/2027") is refused unless
  `network.date_order` (dmy, mdy, ymd) says how the network writes dates; "13/04/2027" (only one
  reading), "04/04/2027" (both readings agree) and year-first dates ("2027-04-03") are read as they are;
- a local time that does not exist (the spring-forward gap) or happens twice (the autumn fold) in
  the network's zone is refused with the reason, never moved silently.

The parsing is written by hand: dateutil's parser guesses (day-first or not, "17h" unread, a
non-existent local time accepted), and no maintained library reads French and English clock times
and refuses what is ambiguous, which is the point here.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone as dt_timezone
from zoneinfo import ZoneInfo

from workflows.reading.durations import duration_minutes
from workflows.reading.calendar_words import MONTHS as MONTH_WORDS, WEEKDAYS
from workflows.reading.setting_lines import MONTHS, HeaderError, fold

DATE_ORDERS = ("dmy", "mdy", "ymd")

# A clock time in folded text (lower case, no accents). Groups: hour, then minute and am/pm.
CLOCK = (r"(?P<hour>\d{1,2})(?:\s*:\s*(?P<minute>\d{2})(?:\s*(?P<half>[ap])\.?\s*m\b\.?)?"
         r"|\s*h(?:eures?)?(?:\s*(?P<hminute>\d{2}))?(?![a-z\d])"
         r"|\s*(?P<bare_half>[ap])\.?\s*m\b\.?)")
_CLOCK = re.compile(CLOCK)
_YEAR_FIRST = r"(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
_YEAR_LAST = r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y2>\d{4})"
_MOMENT = re.compile(rf"(?<![\d/.-])(?:{_YEAR_FIRST}|{_YEAR_LAST})(?![\d/.-]\d)"
                     rf"(?:(?:\s*,\s*|\s+|t)(?:(?:at|a|à|@)\s+)?{CLOCK})?", re.IGNORECASE)
_TRAILING_TIME = re.compile(rf"(?:^|\s+(?:at|a|@)\s+|\s+|,\s*|t){CLOCK}$")
_LEADING_TIME = re.compile(rf"{CLOCK}(?:\s*,\s*|\s+)(?=[a-z])")
# the weekdays by their English and French names (Monday is 0)
_WEEKDAYS = {name: n for n, names in enumerate(WEEKDAYS.values()) for name in names[:2]}
_MONTH_NAMES = {number: names[0].capitalize() for number, names in MONTH_WORDS.items()}


def clock_from(match: re.Match) -> time:
    """The time of day a `CLOCK` match names; HeaderError when it is not one ("25:00", "13pm")."""
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or match.group("hminute") or 0)
    half = (match.group("half") or match.group("bare_half") or "").lower()
    written = match.group(0).strip()
    if half:
        if not 1 <= hour <= 12 or minute > 59:
            raise HeaderError(f"{written} is not a time of day (with am/pm the hour goes from 1 to 12)")
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise HeaderError(f"{written} is not a time of day")
    return time(hour, minute)


def read_clock(text: str) -> time | None:
    """The time of day `text` is, alone ("17h30", "5:30 pm", "17:00"); None when it is not one.
    HeaderError for a clock-like text that names no time ("25h")."""
    match = _CLOCK.fullmatch(fold(text).strip(" ."))
    return clock_from(match) if match else None


def numeric_day(year: int, first: int, second: int, date_order: str | None, written: str) -> date | None:
    """The date "first/second/year" names (year last), read with `date_order` only when the day and
    the month could swap. None when it is no date; HeaderError when it is ambiguous."""
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            pass
    if len(readings) <= 1:
        return readings.pop() if readings else None
    if date_order in ("dmy", "mdy"):
        day, month = (first, second) if date_order == "dmy" else (second, first)
        return date(year, month, day)
    a, b = date(year, second, first), date(year, first, second)
    raise HeaderError(
        f"{written} could be {a.day} {_MONTH_NAMES[a.month]} {year} or {_MONTH_NAMES[b.month]} {b.day}, "
        f"{year}: write it as {a.isoformat()} (year-month-day) or with the month's name; the network's "
        "administrator can also set network.date_order (dmy or mdy) to say how dates are written here")


def place(day: date, at: time, timezone: str, written: str = "") -> datetime:
    """`day` at the local time `at` in `timezone`, aware. HeaderError when that local time does
    not exist (clocks spring forward over it) or happens twice (clocks fall back over it)."""
    zone = ZoneInfo(timezone)
    local = datetime.combine(day, at, tzinfo=zone)
    shown = written or f"{day.isoformat()} {at.strftime('%H:%M')}"
    try:
        back = local.astimezone(dt_timezone.utc).astimezone(zone)
    except OverflowError:  # the last hours of the year 9999 (or the first of the year 1) in UTC
        raise HeaderError(f"{shown} is too far away") from None
    if back.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise HeaderError(
            f"{shown} does not exist in {timezone}: the clocks go forward that night and skip that "
            "hour; choose another time")
    if local.replace(fold=1).utcoffset() != local.utcoffset():
        raise HeaderError(
            f"{shown} happens twice in {timezone}: the clocks go back that night and repeat that "
            "hour; choose another time")
    return local


def parse_moments(value: str, zone: str, *, need_time: bool, default_time: str = "09:00",
                  date_order: str | None = None) -> list[datetime]:
    """Every date-time written in `value` ("2027-02-01 09:00", "2027-02-01 18h30", "15/02/2027
    6:30 pm"), placed in `zone`, in UTC. A date alone takes `default_time` unless `need_time`.
    Raises ValueError (HeaderError) saying what is wrong: no date, no time, an ambiguous date, a
    local time in a DST gap or fold."""
    found = find_moments(value, zone, need_time=need_time, default_time=default_time, date_order=date_order)
    if not found:
        raise HeaderError(f"no date found in “{(value or '').strip()}”: write it like 2027-02-10 18:00")
    return [moment for _, moment in found]


def find_moments(value: str, zone: str, *, need_time: bool, default_time: str = "09:00",
                 date_order: str | None = None) -> list[tuple[re.Match, datetime]]:
    """Each date-time of `value` (read as `parse_moments` reads them) with its match in `value`
    (`.start()`, `.end()`: what is written around it, e.g. a place), in order; [] when none."""
    out = []
    for match in _MOMENT.finditer(value or ""):
        written = match.group(0).strip()
        written_day = match.string[match.start():match.end("d1" if match.group("y1") else "y2")]
        if match.group("y1"):
            y, mo, d = int(match.group("y1")), int(match.group("m1")), int(match.group("d1"))
            try:
                day = date(y, mo, d)
            except ValueError:
                raise HeaderError(f"{written_day} is not a real date") from None
        else:
            day = numeric_day(int(match.group("y2")), int(match.group("a")), int(match.group("b")),
                              date_order, written_day)
            if day is None:
                raise HeaderError(f"{written_day} is not a real date")
        if match.group("hour"):
            at = clock_from(match)
        elif need_time:
            raise HeaderError(f"{written_day} has no time: write it like {day.isoformat()} 18:00")
        else:
            hour, minute = default_time.split(":")
            at = time(int(hour), int(minute))
        out.append((match, place(day, at, zone, written).astimezone(ZoneInfo("UTC"))))
    return out


def read_moments(value: str, zone: str, *, now: datetime, need_time: bool, default_time: str = "09:00",
                 date_order: str | None = None) -> list[datetime]:
    """The moments a `When:`, `Candidates:` or `Send:` line names: every date-time as
    `parse_moments` reads them, or, when `value` holds no such date, the one moment it names
    counting from `now` (when the coordinator's mail arrived) in `zone`: "tomorrow 18h",
    "tomorrow at 6pm", "demain à 18h", "18h demain", "Tuesday 18:00", "next Tuesday 18:00",
    "mardi prochain 18h", "in 3 days 10:00", "in 2 hours". Raises HeaderError saying what is
    wrong: no date, no time (with `need_time`), a weekday that could name two days ("next
    Tuesday" said on a Monday: tomorrow, or the Tuesday of next week?), a time in a DST gap or fold.
    Whether the moment is past is the caller's to judge."""
    found = find_moments(value, zone, need_time=need_time, default_time=default_time, date_order=date_order)
    if found:
        return [moment for _, moment in found]
    moment = _spoken_moment(fold(value).strip(" ."), now, zone, None if need_time else default_time, date_order)
    if moment is None:
        raise HeaderError(f"no date found in “{(value or '').strip()}”: write it like 2027-02-10 18:00")
    return [moment.astimezone(ZoneInfo("UTC"))]


def _spoken_moment(folded: str, now: datetime, timezone: str, default_time: str | None,
                   date_order: str | None) -> datetime | None:
    """The moment `folded` names counting from `now` (see `read_when`), or None when it names
    none. HeaderError for a time or day it cannot settle; with `default_time` None, a day without
    a time is one."""
    delay = _delay(folded)
    if delay is not None:
        return now + delay
    at = _clock(default_time) if default_time else None
    written_time = _TRAILING_TIME.search(folded) or _LEADING_TIME.match(folded)
    if written_time:
        at = clock_from(written_time)
        folded = (folded[:written_time.start()] + " " + folded[written_time.end():]).strip(" ,")
    today = now.astimezone(ZoneInfo(timezone)).date()
    day = (today if not folded or folded in ("today", "aujourd'hui", "aujourdhui")
           else _relative_day(folded, today) or _absolute_day(folded, date_order))
    if day is None:
        return None
    if at is None:
        raise HeaderError(f"“{folded}” has no time: write it like 2027-02-10 18:00")
    return place(day, at, timezone)


def read_when(value: str, *, now: datetime, timezone: str, default_time: str, what: str,
              date_order: str | None = None) -> datetime:
    """The future instant a coordinator's line names (`what` is its key, for the message), in
    `timezone`, at `default_time` when no time is given. Understands "2027-01-15", "2027-01-15 12:00",
    "15/01/2027 17h", "January 15, 2027 5pm", "15 janvier 2027 à 17h30", "17h" (today), "tomorrow
    5:30 pm", "demain à 18h", "next Tuesday 18:00" (see `_relative_day`), "in 10 days", "dans 2
    semaines", "in 48 hours", "in 1h30". Raises HeaderError saying what was expected."""
    quoted = f'"{what}: {value.strip()}"'
    try:
        moment = _spoken_moment(fold(value).strip(" ."), now, timezone, default_time, date_order)
    except HeaderError as exc:
        raise HeaderError(f"{quoted}: {exc}.") from None
    if moment is None:
        raise HeaderError(
            f'{quoted} is not a date I can read. Write e.g. "{what}: 2027-01-15", "{what}: 2027-01-15 12:00", '
            f'"{what}: 17h" or "{what}: in 10 days".')
    if moment <= now:
        raise HeaderError(f"{quoted} is already past; it must be in the future.")
    return moment


def _clock(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def _delay(folded: str) -> timedelta | None:
    """"in 17 hours", "dans 1h30", "48 hours", "48h": a delay from now (days are read as dates)."""
    ahead = re.fullmatch(r"(?:in|dans)\s+(.+)", folded)
    if ahead and not re.search(r"(?:days?|jours?|weeks?|semaines?)$", ahead.group(1)):
        minutes = duration_minutes(ahead.group(1))
        return timedelta(minutes=minutes) if minutes else None
    if re.fullmatch(r"\d{1,3}\s*hours?", folded) or re.fullmatch(r"(?:2[4-9]|[3-9]\d|\d{3})\s*h(?:eures?)?", folded):
        return timedelta(hours=int(re.match(r"\d+", folded).group(0)))
    return None


def _relative_day(folded: str, today: date) -> date | None:
    """The day a phrase names counting from `today`: "tomorrow"/"demain", "the day after
    tomorrow"/"après-demain", "in 3 days"/"dans 2 semaines", a weekday (see `_weekday`); None
    when it is none of these."""
    if folded in ("tomorrow", "demain"):
        return today + timedelta(days=1)
    if folded in ("the day after tomorrow", "day after tomorrow", "apres-demain", "apres demain"):
        return today + timedelta(days=2)
    match = re.fullmatch(r"(?:in|dans)?\s*(\d{1,3})\s*(days?|jours?|weeks?|semaines?)", folded)
    if not match:
        return _weekday(folded, today)
    count = int(match.group(1))
    return today + timedelta(days=count * (7 if match.group(2)[0] in "ws" else 1))


def _weekday(folded: str, today: date) -> date | None:
    """"Tuesday", "this Tuesday", "mardi": the first Tuesday after today; "next Tuesday", "mardi
    prochain": the same, when that is also the Tuesday of next week, whether a week starts on
    Monday or on Sunday. HeaderError when the phrase could name two days (a weekday said on that
    weekday: today or in a week?; "next Tuesday" said on a Monday: tomorrow or in 8 days?); None
    when it names no weekday."""
    match = re.fullmatch(r"(?:(?P<next>next|prochain)\s+|(?:this|on|ce|le)\s+)?(?P<day>[a-z]+)"
                         r"(?:\s+(?P<after>prochain|next))?", folded)
    if not match or match["day"] not in _WEEKDAYS:
        return None
    target = _WEEKDAYS[match["day"]]
    ahead = (target - today.weekday()) % 7
    first = today + timedelta(days=ahead or 7)
    readings = {first} if ahead else {today, first}
    if match["next"] or match["after"]:
        monday = today - timedelta(days=today.weekday())
        sunday = today - timedelta(days=(today.weekday() + 1) % 7)
        readings = {first, monday + timedelta(days=7 + target), sunday + timedelta(days=7 + (target + 1) % 7)}
    if len(readings) > 1:
        a, b = min(readings).isoformat(), max(readings).isoformat()
        raise HeaderError(f"“{folded}” could be {a} or {b}: write the date you mean")
    return first


def _absolute_day(folded: str, date_order: str | None) -> date | None:
    folded = re.sub(r"\b1er\b", "1", folded)
    numeric = re.fullmatch(_YEAR_LAST, folded)
    if numeric:
        return numeric_day(int(numeric["y2"]), int(numeric["a"]), int(numeric["b"]), date_order, folded)
    patterns = [
        (_YEAR_FIRST, lambda m: (int(m["y1"]), int(m["m1"]), int(m["d1"]))),
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


def shown(moment: datetime, zone_name: str) -> str:
    """An instant as a person reads it: in the network's zone with the zone named,
    "2027-03-04 17:00 Europe/Paris" (the CLI and the outcome lines it prints write dates so)."""
    return f"{moment.astimezone(ZoneInfo(zone_name)):%Y-%m-%d %H:%M} {zone_name}"
