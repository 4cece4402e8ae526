"""Meetings: series planned from the settings, announcements with calendar invites, updates and
cancellations, reminders, the agenda collected by reply, and attendance from calendar answers.

Date polls live in `workflows.meetings.polls`; meetings called by email in `workflows.meetings.requests`.
Every step is a timer in the store, so a restart does each once; a step whose meeting is already
past is skipped with the reason as the timer's outcome.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from mailer.ics import build_invite
from mailer.message import InboundMail
from store import meetings as store_meetings
from store import members as store_members
from store import timers
from workflows.meetings import poll_copies, recurrence
from workflows.meetings.calendar_reading import subject_answer
from workflows.meetings.description import invite_description
from workflows.meetings.views import view
from workflows.reading.attendance_words import read_attendance
from workflows.reading.setting_lines import clock_time
from workflows.routing.context import Context
from workflows.reading.setting_lines import read_audience
from workflows.sending import fanout
from workflows.sending.withdrawal import MEETING_COPIES, tell_those_it_reached, withdraw_waiting
from workflows.meetings.policy import MeetingsPolicy, SeriesPolicy

FOLLOW_UP_TIMERS = ["meeting.remind", "meeting.agenda"]


def policy(ctx: Context) -> MeetingsPolicy:
    """The meetings settings (defaults when the settings have no [meetings] section)."""
    return ctx.rules.meetings or MeetingsPolicy()


def series_policy(ctx: Context, name: str | None) -> SeriesPolicy | None:
    """The settings of the series `name`, or None (one-off meeting, or series since removed)."""
    return next((s for s in policy(ctx).series if s.name == name), None) if name else None




def audience_members(ctx: Context, meeting: dict) -> list[dict]:
    """The active members a meeting is for."""
    try:
        return store_members.audience(ctx.db, meeting["audience"], meeting["subcommittee"])
    except store_members.MembershipError:
        return []


def send_time(ctx: Context, meeting: dict) -> str:
    """The local time of day at which this meeting's messages go out."""
    return setting(ctx, meeting, "send_time")


def setting(ctx: Context, meeting: dict, name: str):
    """A meeting setting (e.g. "remind_days_before"): its series' own value, else the default
    for meetings called by email from `[meetings]`."""
    series = series_policy(ctx, meeting["series"])
    return getattr(series if series else policy(ctx), name)


def tell_paced(ctx: Context, meeting: dict, rows: list[int], what: str) -> str:
    """`fanout.tell_if_paced` for the meeting's copies `rows` (`what`: announce, update, cancel,
    reminder, poll, poll_reminder), told to who answers for the meeting: the coordinator who
    called it by email, else every coordinator."""
    return fanout.tell_if_paced(ctx, fanout.responsible(ctx, meeting["created_by"]), f"Meeting {meeting['id']}",
                                rows, what)


def local(meeting: dict, moment: datetime) -> datetime:
    """`moment` in the meeting's zone."""
    return moment.astimezone(ZoneInfo(meeting["timezone"]))


# --- planning the series ---------------------------------------------------------------------

def plan_series(ctx: Context) -> int:
    """Make sure the next two meetings of every series exist with their first step scheduled.

    A series starts with the first meeting whose first step (poll, or announcement when the
    series has no poll) comes after the series was first seen, so installing Convenor never
    sends a late poll for a meeting already arranged by hand. Returns how many were created.
    """
    created = 0
    for series in policy(ctx).series:
        first_seen = store_meetings.series_first_seen(ctx.db, series.name, ctx.now)
        zone = series.timezone or ctx.rules.network.timezone
        rule = recurrence.parse_rule(series.rule)
        at = clock_time(series.time)
        send_at = clock_time(series.send_time)
        planned = 0
        for start in recurrence.occurrences(rule, at, zone, ctx.now, 6, series.start_month):
            days = series.poll_days_before if series.poll else series.announce_days_before
            first_step = recurrence.days_before_at(start, days, send_at)
            if first_step < first_seen:
                continue
            key = f"{series.name}|{start.date().isoformat()}"
            if store_meetings.by_occurrence(ctx.db, key) is None:
                kind, sub = read_audience(series.audience)
                meeting_id = store_meetings.create_meeting(
                    ctx.db, title=series.name, audience=kind, subcommittee=sub, starts_at=start,
                    duration_minutes=series.duration_minutes, timezone=zone, location=series.location,
                    call=series.call, domain=ctx.domain, now=ctx.now, series=series.name, occurrence=key)
                timers.schedule(ctx.db, "meeting.poll" if series.poll else "meeting.announce", meeting_id,
                                first_step)
                created += 1
            planned += 1
            if planned == 2:
                break
    return created


# --- announcing, updating, cancelling ----------------------------------------------------------

def _invite(ctx: Context, meeting: dict, member: dict, method: str) -> dict:
    """The member's own invitation (.ics); a cancellation carries no description (a calendar
    only removes the event), so it stays small enough for any provider whatever the meeting's text."""
    data = build_invite(
        method=method, uid=meeting["uid"], sequence=meeting["sequence"], summary=meeting["title"],
        start=meeting["starts_at"], duration_minutes=meeting["duration_minutes"], timezone=meeting["timezone"],
        location=meeting["location"],
        description="" if method == "CANCEL" else invite_description(meeting), organizer_email=ctx.list_address,
        organizer_name=ctx.rules.network.name, attendee_email=member["email"], attendee_name=member["name"],
        stamp=ctx.now)
    ref = ctx.store_attachment(data, "invite.ics", "text/calendar")
    ref["method"] = method
    return ref


def send_to_audience(ctx: Context, meeting: dict, kind: str, *, skip: set[int] = frozenset(),
                     announce_to: set[int] = frozenset(), **variables) -> int:
    """Send `kind` (meeting_announce, meeting_update, meeting_cancel) with the member's own
    invitation (.ics) to each member of the meeting's audience but those in `skip`, and the
    announcement itself to those in `announce_to` (theirs was withdrawn unsent); return how many."""
    count = 0
    with ctx.fanout():
        for member in audience_members(ctx, meeting):
            if member["id"] in skip:
                continue
            _send_one(ctx, meeting, member, "meeting_announce" if member["id"] in announce_to else kind, **variables)
            count += 1
    return count


def _send_one(ctx: Context, meeting: dict, member: dict, kind: str, **variables) -> None:
    method = "CANCEL" if kind == "meeting_cancel" else "REQUEST"
    ctx.send(member, kind, reply_for=None if method == "CANCEL" else ("meeting", meeting["id"]),
             attachments=[_invite(ctx, meeting, member, method)], meeting=view(meeting), **variables)


def tell_announcements_that_went(ctx: Context) -> None:
    """Tick: an announcement, update or reminder withdrawn by the meeting's cancellation while it
    was being handed over went all the same; its member gets the cancellation too (once). (One
    withdrawn by a move needs nothing: that member was sent the announcement with the new date.)"""
    def tell(ctx: Context, member: dict, meeting_id: int) -> None:
        meeting = store_meetings.get_meeting(ctx.db, meeting_id)
        if meeting is not None and meeting["state"] == "cancelled":
            _send_one(ctx, meeting, member, "meeting_cancel")
    tell_those_it_reached(ctx, MEETING_COPIES, tell)


def announce(ctx: Context, meeting_id: int) -> str:
    """Announce a dated meeting to its audience with invitations; schedule reminder and agenda digest."""
    meeting = store_meetings.get_meeting(ctx.db, meeting_id)
    store_meetings.update_meeting(ctx.db, meeting_id, state="announced", announced_at=ctx.now)
    meeting = store_meetings.get_meeting(ctx.db, meeting_id)
    count = send_to_audience(ctx, meeting, "meeting_announce")
    schedule_follow_ups(ctx, meeting)
    return f"announced to {count} member(s)"


def schedule_follow_ups(ctx: Context, meeting: dict) -> None:
    """(Re)schedule the reminder and the agenda digest of an announced meeting, when still ahead."""
    timers.cancel_item(ctx.db, FOLLOW_UP_TIMERS, meeting["id"])
    remind_days = setting(ctx, meeting, "remind_days_before")
    agenda_days = setting(ctx, meeting, "agenda_days_before")
    at = clock_time(send_time(ctx, meeting))
    start = local(meeting, meeting["starts_at"])
    for kind, days in (("meeting.remind", remind_days), ("meeting.agenda", agenda_days)):
        due = recurrence.days_before_at(start, days, at)
        if due > ctx.now and due < meeting["starts_at"]:
            timers.schedule(ctx.db, kind, meeting["id"], due, {"sequence": meeting["sequence"]})


def move(ctx: Context, meeting_id: int, *, starts_at: datetime | None = None, location: str | None = None,
         call: str | None = None) -> str:
    """Change a meeting's time or place; once announced, its audience gets an update (same UID,
    SEQUENCE + 1) and the reminder follows the new date; copies still waiting are withdrawn, and
    a member no invitation reached (it was among them, or refused for its size) gets the
    announcement with the new date instead."""
    meeting = store_meetings.get_meeting(ctx.db, meeting_id)
    if meeting is None or meeting["state"] == "cancelled":
        return "not moved: no such meeting, or cancelled"
    changes = {k: v for k, v in (("starts_at", starts_at), ("location", location), ("call", call)) if v is not None}
    if meeting["state"] != "announced":
        store_meetings.update_meeting(ctx.db, meeting_id, **changes)
        return "changed before announcement"
    store_meetings.update_meeting(ctx.db, meeting_id, sequence=meeting["sequence"] + 1, **changes)
    meeting = store_meetings.get_meeting(ctx.db, meeting_id)
    never_had_one = withdraw_waiting(ctx, "meeting", meeting_id, MEETING_COPIES, "the meeting was moved")
    count = send_to_audience(ctx, meeting, "meeting_update", announce_to=never_had_one)
    schedule_follow_ups(ctx, meeting)
    return f"update (sequence {meeting['sequence']}) sent to {count} member(s)"


def cancel(ctx: Context, meeting_id: int) -> str:
    """Cancel a meeting: METHOD:CANCEL to its audience if it was announced (but not to a member
    no invitation reached: one still waiting is withdrawn, one refused for its size went nowhere);
    every pending step dropped. While it
    was polling: its poll's waiting copies are withdrawn and those who got one are told
    (`workflows.meetings.poll_copies`)."""
    meeting = store_meetings.get_meeting(ctx.db, meeting_id)
    if meeting is None or meeting["state"] == "cancelled":
        return "not cancelled: no such meeting, or already cancelled"
    was_announced = meeting["state"] == "announced"
    store_meetings.update_meeting(ctx.db, meeting_id, state="cancelled", sequence=meeting["sequence"] + 1)
    timers.cancel_item(ctx.db, FOLLOW_UP_TIMERS + ["meeting.poll", "meeting.announce"], meeting_id)
    poll = store_meetings.poll_of_meeting(ctx.db, meeting_id)
    if poll and poll["state"] == "open":
        store_meetings.close_poll(ctx.db, poll["id"], None, "cancelled")
        timers.cancel_item(ctx.db, ["poll.remind", "poll.close"], poll["id"])
    if not was_announced:
        told = poll_copies.cancelled_while_polling(ctx, store_meetings.get_meeting(ctx.db, meeting_id))
        return "cancelled before announcement" + (f"; {told} member(s) who had its date poll told" if told else "")
    never_had_one = withdraw_waiting(ctx, "meeting", meeting_id, MEETING_COPIES, "the meeting was cancelled")
    count = send_to_audience(ctx, store_meetings.get_meeting(ctx.db, meeting_id), "meeting_cancel",
                             skip=never_had_one)
    return f"cancellation sent to {count} member(s)"


# --- timers ------------------------------------------------------------------------------------

def due_meeting(ctx: Context, timer: dict, state: str, step: str) -> tuple[dict | None, str | None]:
    """The timer's meeting and None when it is in `state` and has not begun; else None and the
    timer's outcome saying why `step` (e.g. "reminder") is skipped. A stale step says "stale"."""
    meeting = store_meetings.get_meeting(ctx.db, timer["item_id"])
    if meeting is None or meeting["state"] != state:
        return None, f"skipped: no {step}, the meeting is {meeting['state'] if meeting else 'gone'}, not {state}"
    if meeting["starts_at"] <= ctx.now:
        return None, f"skipped: stale {step}, the meeting is already past"
    return meeting, None


def announce_timer(ctx: Context, timer: dict) -> str:
    """A series meeting without a poll: announce it (unless cancelled, already announced or past)."""
    meeting, skipped = due_meeting(ctx, timer, "planned", "announcement")
    if skipped:
        return skipped
    first = len(ctx.queued)
    outcome = announce(ctx, meeting["id"])
    return outcome + tell_paced(ctx, meeting, ctx.queued[first:], "announce")


def remind_timer(ctx: Context, timer: dict) -> str:
    """Remind the audience with place, call details and the agenda so far (skipped once past)."""
    meeting, skipped = due_meeting(ctx, timer, "announced", "reminder")
    if skipped:
        return skipped
    items = store_meetings.agenda(ctx.db, meeting["id"])
    first = len(ctx.queued)
    with ctx.fanout():
        for member in audience_members(ctx, meeting):
            ctx.send(member, "meeting_reminder", reply_for=("meeting", meeting["id"]), meeting=view(meeting),
                     agenda=items)
    rows = ctx.queued[first:]
    return f"reminder sent to {len(rows)} member(s)" + tell_paced(ctx, meeting, rows, "reminder")


def agenda_timer(ctx: Context, timer: dict) -> str:
    """Send the coordinators the agenda items collected so far, and the calendar answers."""
    meeting, skipped = due_meeting(ctx, timer, "announced", "agenda digest")
    if skipped:
        return skipped
    names = {m["id"]: m["name"] for m in store_members.all_members(ctx.db)}
    answers = store_meetings.attendance(ctx.db, meeting["id"])
    attendance = {state: sorted(names.get(mid, "?") for mid, s in answers.items() if s == state)
                  for state in ("ACCEPTED", "TENTATIVE", "DECLINED")}
    from workflows.record.actions import open_views
    count = ctx.notify_coordinators("meeting_agenda_digest", meeting=view(meeting),
                                    agenda=store_meetings.agenda(ctx.db, meeting["id"]), attendance=attendance,
                                    actions=open_views(ctx.db))
    return f"agenda digest sent to {count} coordinator(s)"


# --- replies to an announcement or a reminder --------------------------------------------------

def rsvp_of(mail: InboundMail) -> str | None:
    """The calendar answer a reply carries (iTIP PARTSTAT, or an "Accepted:" style subject), or None."""
    if mail.calendar_reply:
        return mail.calendar_reply.upper()
    answer = subject_answer(mail.subject)
    return answer[0] if answer else None


def meeting_reply(ctx: Context, mail: InboundMail, member: dict, token: dict) -> str:
    """A reply to a meeting message: a calendar answer is attendance; anything else an agenda item."""
    from workflows.membership import commands
    meeting = store_meetings.get_meeting(ctx.db, token["item_id"])
    if meeting is None:
        return "no such meeting; " + commands.forward_unknown(ctx, mail)
    rsvp = rsvp_of(mail)
    arrived = ctx.arrival(mail)
    if rsvp:
        store_meetings.set_attendance(ctx.db, meeting["id"], member["id"], rsvp, arrived)
        return f"attendance recorded: {rsvp}"
    if member["coordinator"] and meeting["state"] == "announced":
        from workflows.record.replies import coordinator_lines, has_record_lines
        if has_record_lines(mail):
            return coordinator_lines(ctx, mail, member, meeting, "meeting")
    if meeting["state"] != "announced" or meeting["starts_at"] <= arrived:
        return "meeting over or cancelled; " + commands.forward_unknown(ctx, mail)
    text = (mail.new_text or "").strip()
    if not text:
        ctx.send(member, "meeting_agenda_receipt", meeting=view(meeting), item="", in_reply_to=mail.message_id or None)
        return "empty reply to a meeting: nothing recorded, member told what to write"
    said = read_attendance(text, (member["name"] or "",))
    if said:  # "I'll be there", "Sorry, I can't make it", "Thanks!": no agenda item
        if said != "THANKS":
            store_meetings.set_attendance(ctx.db, meeting["id"], member["id"], said, arrived)
        ctx.send(member, "meeting_attendance_receipt", meeting=view(meeting), answer=said,
                 in_reply_to=mail.message_id or None)
        return f"attendance in words recorded: {said}" if said != "THANKS" else "thanks alone: nothing recorded, member told"
    store_meetings.add_agenda_item(ctx.db, meeting["id"], member["id"], text[:4000], arrived)
    ctx.send(member, "meeting_agenda_receipt", meeting=view(meeting), item=text[:4000],
             in_reply_to=mail.message_id or None)
    return "agenda item recorded"


def meeting_ref(db, number: int):
    """"[Meeting 3]" → the meeting 3, or its date poll while the poll is open (a poll carries its
    meeting's number)."""
    meeting = store_meetings.get_meeting(db, number)
    if meeting is None:
        return None
    poll = store_meetings.poll_of_meeting(db, number) if meeting["state"] == "polling" else None
    return ("poll", poll["id"]) if poll and poll["state"] == "open" else ("meeting", number)


def describe_meeting(db, item_id: int) -> dict:
    """A meeting as `convenor inspect` and the CLI show it."""
    m = store_meetings.get_meeting(db, item_id)
    return {"kind": "meeting", "id": item_id, "ref": f"Meeting {item_id}",
            "title": m["title"] if m else "?", "starts_at": m["starts_at"] if m else None,
            "state": m["state"] if m else None}


def status(db, now: datetime, when) -> dict:
    """The calendar: upcoming meetings and open polls (`when` writes a date for the reader: the
    network's zone, named)."""
    lines = []
    for m in store_meetings.list_meetings(db, upcoming_after=now):
        starts = when(m["starts_at"], missing="date to be polled")
        lines.append({"line": f"Meeting {m['id']}: {m['title']}, {starts} ({m['state']})", "id": m["id"],
                      "state": m["state"], "starts_at": m["starts_at"]})
    return {"open": lines}


def member_open_items(db, member: dict, now: datetime) -> list[dict]:
    """The member's upcoming meetings (announced, in their audience)."""
    out = []
    for m in store_meetings.list_meetings(db, upcoming_after=now):
        if m["state"] != "announced":
            continue
        try:
            ids = {a["id"] for a in store_members.audience(db, m["audience"], m["subcommittee"])}
        except store_members.MembershipError:
            continue
        if member["id"] in ids:
            out.append({"kind": "meeting", "ref": f"Meeting {m['id']}", "title": m["title"],
                        "when": m["starts_at"], "answered": None})
    return out
