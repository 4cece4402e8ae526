"""Reading a calendar client's answer to an invitation (iTIP METHOD:REPLY, RFC 5546) with the
icalendar library: who answered (ATTENDEE), how (PARTSTAT), to which event (UID), plus the
event's SUMMARY, start and the attendee's COMMENT.

Google Calendar, Outlook and Apple Calendar write it differently: a `text/calendar;
method=REPLY` part beside the text (Google, Outlook, base64 at times), an `invite.ics` or
`iCal-….ics` attachment (Google, Apple), `mailto:` in any case, or Apple's `urn:uuid:` value
with the address in an `EMAIL=` parameter, Windows zone names in TZID (Outlook). All are read
here; what cannot be parsed still gives its PARTSTAT and UID when a plain search finds them.
"""
from __future__ import annotations

import re
from datetime import datetime

from icalendar import Calendar

from mailer.message import CalendarReply

CALENDAR_TYPES = ("text/calendar", "application/ics", "text/x-vcalendar")
_PARTSTAT = re.compile(r"PARTSTAT=\"?([A-Z-]+)", re.IGNORECASE)
_UID = re.compile(r"^UID:([^\r\n]+)", re.IGNORECASE | re.MULTILINE)


def read_calendar_reply(ics: str) -> CalendarReply | None:
    """The answer an iTIP REPLY carries, or None when `ics` is not a REPLY (an invitation, a
    cancellation, not a calendar at all). Never raises."""
    if "METHOD:REPLY" not in (ics or "").upper().replace(" ", ""):
        return None
    try:
        calendar = Calendar.from_ical(ics)
        events = calendar.walk("VEVENT")
    except Exception:  # noqa: BLE001 - a damaged calendar is read by a plain search below
        events = []
    for event in events:
        attendees = tuple(_attendee(a) for a in _as_list(event.get("attendee")))
        answers = tuple((address, state) for address, state in attendees if state)
        if not answers:
            continue
        return CalendarReply(partstat=answers[0][1], uid=str(event.get("uid", "")).strip(), attendees=answers,
                             summary=" ".join(str(event.get("summary", "")).split()), start=_start(event),
                             comment=str(event.get("comment", "")).strip())
    found = _PARTSTAT.search(ics)
    if found is None:
        return None
    uid = _UID.search(ics)
    return CalendarReply(partstat=found.group(1).upper(), uid=uid.group(1).strip() if uid else "")


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _attendee(value) -> tuple[str, str]:
    """(the attendee's address in lower case or "", their PARTSTAT in upper case or "")."""
    params = getattr(value, "params", {}) or {}
    text = str(value).strip()
    address = text[7:] if text.lower().startswith("mailto:") else ""
    if not address and params.get("EMAIL"):
        address = str(params["EMAIL"])   # Apple: ATTENDEE;EMAIL=x@y;…:urn:uuid:…
    return address.strip().strip('"').lower(), str(params.get("PARTSTAT", "")).strip().upper()


def _start(event) -> datetime | None:
    try:
        start = event.decoded("dtstart")
    except Exception:  # noqa: BLE001 - an unknown zone or a missing start: the UID still decides
        return None
    return start if isinstance(start, datetime) and start.tzinfo else None  # a floating or all-day start: unknown
