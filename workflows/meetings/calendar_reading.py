"""What a calendar client's answer to a meeting invitation says, read without a token: how the
member answered and to which meeting.

Calendar clients answer an invitation to its ORGANIZER, the list address, without Convenor's
token (Google Calendar, Outlook and Apple Calendar alike). Read here, purely (the store is only
read): the answer (the iTIP REPLY's PARTSTAT, else an "Accepted: <title>" style subject, English,
French and a few other languages), whose it is (the sender, and the REPLY's ATTENDEE must be one
of the sender's own addresses), and the meeting: the REPLY's UID first (`meetings.uid`, written
in every invitation), else the title in the subject (or the event's SUMMARY), with the date the
subject names, or the one such meeting not yet over, to tell meetings of the same title apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil import parser as date_parser

from mailer.message import InboundMail
from store import meetings as store_meetings
from store import members as store_members
from workflows.reading.setting_lines import fold

ANSWERS = ("ACCEPTED", "DECLINED", "TENTATIVE")

# The words calendar clients put before ":" in an answer's subject, folded (lower case, no accents).
SUBJECT_WORDS = {
    **dict.fromkeys(("accepted", "accept", "invitation accepted", "accepte", "acceptee", "invitation acceptee",
                     "zugesagt", "angenommen", "aceptado", "aceptada", "accettato", "aceito"), "ACCEPTED"),
    **dict.fromkeys(("declined", "decline", "invitation declined", "refuse", "refusee", "invitation refusee",
                     "abgesagt", "abgelehnt", "rechazado", "rechazada", "rifiutato", "recusado"),
                    "DECLINED"),
    **dict.fromkeys(("tentative", "tentatively accepted", "maybe", "invitation tentatively accepted",
                     "provisoire", "accepte provisoirement", "acceptee provisoirement", "peut-etre", "peut etre",
                     "mit vorbehalt", "vorlaufig", "provisional", "provvisorio", "provisorio"), "TENTATIVE"),
}
_ANSWER_SUBJECT = re.compile(r"^\s*([^:\[\]]{2,40}?)\s*:\s*(.*?)\s*$", re.DOTALL)

# Why an answer could not be recorded (the templates say each in the reader's language).
PROBLEMS = ("unknown-uid", "no-meeting", "several-meetings", "not-in-audience", "not-announced", "cancelled",
            "other-attendee", "unknown-answer")


@dataclass(frozen=True)
class CalendarAnswer:
    """What was understood of a calendar answer: `partstat` (as written), the title as the
    client wrote it, the meeting when one was found, and the `problem` (one of PROBLEMS) that
    keeps it from being recorded, or "" when it can be."""

    partstat: str
    title: str
    meeting: dict | None
    problem: str = ""
    attendee: str = ""    # the address the REPLY answers for, when it is not the sender's

    @property
    def recordable(self) -> bool:
        return not self.problem


def subject_answer(subject: str) -> tuple[str, str] | None:
    """(PARTSTAT, the rest of the subject) of an "Accepted: Title" / "Refusé : Titre" subject,
    or None when the subject does not start with a calendar answer's word."""
    match = _ANSWER_SUBJECT.match(subject or "")
    if match is None:
        return None
    partstat = SUBJECT_WORDS.get(fold(match.group(1)))
    return (partstat, match.group(2)) if partstat else None


def read_answer(db, mail: InboundMail, member: dict, arrived: datetime) -> CalendarAnswer | None:
    """The member's calendar answer carried by `mail` (sent without a token), with its meeting or
    the problem; None when the mail is no calendar answer, or only its subject looks like one and
    no meeting has that title (then it is a person's message like any other)."""
    reply = mail.calendar
    by_subject = subject_answer(mail.subject)
    if reply is None and by_subject is None:
        return None
    written = by_subject[1] if by_subject else ""
    if reply is not None and reply.summary:
        inner = subject_answer(reply.summary)     # Outlook's SUMMARY is "Accepted: Title"
        title = inner[1] if inner else reply.summary
    else:
        title = written
    partstat, attendee = _partstat(db, mail, member, by_subject)
    if reply is not None and reply.uid:
        meeting = store_meetings.by_uid(db, reply.uid)
        if meeting is None:
            return CalendarAnswer(partstat, title, None, "unknown-uid")
        meetings, problem = [meeting], ""
    else:
        meetings = _by_title(db, written or title)
        if not meetings and reply is None:
            return None
        problem = "" if meetings else "no-meeting"
        meetings = _closest(meetings, mail, reply.start if reply else None, arrived)
        if len(meetings) > 1:
            problem = "several-meetings"
    meeting = meetings[0] if len(meetings) == 1 else None
    if not problem:
        problem = _problem(db, meeting, member, partstat, attendee)
    return CalendarAnswer(partstat, meeting["title"] if meeting else title, meeting, problem, attendee)


def attendee_member(db, mail: InboundMail) -> dict | None:
    """The active member a REPLY answers for when it names exactly one attendee address and that
    address is theirs (a member answering from an address Convenor does not know), else None.
    Only a REPLY carrying the UID of one of the network's meetings (which only its invitations
    carry, and every calendar client answers with) may answer for a member from elsewhere: a
    meeting's title is no secret, and anyone could name a member as its ATTENDEE."""
    addresses = {address for address, _state in (mail.calendar.attendees if mail.calendar else ()) if address}
    if len(addresses) != 1 or not mail.calendar.uid or store_meetings.by_uid(db, mail.calendar.uid) is None:
        return None
    member = store_members.get_by_email(db, addresses.pop())
    return member if member is not None and member["active"] else None


def _partstat(db, mail: InboundMail, member: dict, by_subject) -> tuple[str, str]:
    """(the member's PARTSTAT, "" or the address the REPLY answers for when none is theirs)."""
    reply = mail.calendar
    if reply is None or not reply.attendees:
        return (reply.partstat if reply else by_subject[0]), ""
    for address, state in reply.attendees:
        if store_members.has_address(db, member, address):
            return state, ""
    return reply.partstat, reply.attendees[0][0]


def _problem(db, meeting: dict, member: dict, partstat: str, attendee: str) -> str:
    if attendee:
        return "other-attendee"
    if partstat not in ANSWERS:
        return "unknown-answer"
    if meeting["state"] == "cancelled":
        return "cancelled"
    if meeting["state"] != "announced":
        return "not-announced"
    try:
        audience = store_members.audience(db, meeting["audience"], meeting["subcommittee"])
    except store_members.MembershipError:
        audience = []
    return "" if any(m["id"] == member["id"] for m in audience) else "not-in-audience"


def _by_title(db, written: str) -> list[dict]:
    """The meetings (announced or cancelled: those that had an invitation) whose title starts
    what the client wrote ("Planning day @ Tue Feb 9, 2027 6pm …"); the longest titles only."""
    written = fold(written)
    if not written:
        return []
    found = [m for m in store_meetings.list_meetings(db)
             if m["state"] in ("announced", "cancelled") and m["starts_at"] is not None
             and _starts_with_title(written, fold(m["title"]))]
    longest = max((len(m["title"]) for m in found), default=0)
    return [m for m in found if len(m["title"]) == longest]


def _starts_with_title(written: str, title: str) -> bool:
    return bool(title) and written.startswith(title) and written[len(title):len(title) + 1] in ("", " ", "@", ",", "(")


def _closest(meetings: list[dict], mail: InboundMail, start: datetime | None, arrived: datetime) -> list[dict]:
    """Among meetings of the same title: the one starting at the event's start, else on the date
    the subject names (Google: "Title @ Tue Feb 9, 2027 6pm – 7:30pm (EST)"), else the one not yet over."""
    if len(meetings) < 2:
        return meetings
    if start is not None:
        same = [m for m in meetings if m["starts_at"] == start]
        if same:
            return same
    named = _date_in(mail.subject)
    if named is not None:
        on_day = [m for m in meetings if m["starts_at"].astimezone(_zone(m)).date() == named]
        if on_day:
            return on_day
    ahead = [m for m in meetings if m["starts_at"] + timedelta(minutes=m["duration_minutes"]) > arrived]
    return ahead if ahead else meetings


def _zone(meeting: dict):
    from zoneinfo import ZoneInfo
    return ZoneInfo(meeting["timezone"])


def _date_in(subject: str):
    """The date a subject names after an "@" (Google's form), or None."""
    if "@" not in (subject or ""):
        return None
    text = subject.split("@", 1)[1].split("(", 1)[0]
    text = re.split(r"\s[-–]\s", text)[0]
    try:
        return date_parser.parse(text, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
