"""Calendar invitations (.ics, iTIP) for meetings: a pure function from a meeting to bytes.

One VEVENT per meeting, with the meeting's stable UID; an update carries the same UID and a
higher SEQUENCE; a cancellation is METHOD:CANCEL with STATUS:CANCELLED. The VTIMEZONE of the
meeting's zone is included, so calendars place it right on either side of a DST change.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress, vText


def build_invite(*, method: str, uid: str, sequence: int, summary: str, start: datetime,
                 duration_minutes: int, timezone: str, location: str, description: str,
                 organizer_email: str, organizer_name: str, attendee_email: str,
                 attendee_name: str, stamp: datetime) -> bytes:
    """Return the .ics bytes of one meeting for one attendee.

    `method` is "REQUEST" (invitation or update) or "CANCEL"; `start` is aware and shown in
    `timezone` (whose VTIMEZONE is included); ORGANIZER is the list address.
    """
    if method not in ("REQUEST", "CANCEL"):
        raise ValueError(f"unknown iTIP method {method!r}")
    zone = ZoneInfo(timezone)
    local_start = start.astimezone(zone)
    local_end = local_start + timedelta(minutes=duration_minutes)
    cal = Calendar()
    cal.add("prodid", "-//Convenor//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    cal.add_component(Timezone.from_tzid(timezone, first_date=local_start.date() - timedelta(days=366),
                                          last_date=local_end.date() + timedelta(days=366)))
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
    event.add("dtstart", local_start)
    event.add("dtend", local_end)
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{organizer_email}")
    organizer.params["cn"] = vText(organizer_name)
    event["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{attendee_email}")
    attendee.params["cn"] = vText(attendee_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("TRUE")
    event.add("attendee", attendee)
    cal.add_component(event)
    return cal.to_ical()
