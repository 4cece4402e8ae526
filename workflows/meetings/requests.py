"""One-off meetings called by email: a coordinator's `[Meeting]` (French `[Réunion]`) with
`When:` (one date: announced directly) or `Candidates:` (several: a date poll), `Where:`,
`Call:` and `Audience:`. A malformed line gets a clear answer to the coordinator."""
from __future__ import annotations

from mailer.message import InboundMail
from store import meetings as store_meetings
from store import members as store_members
from workflows.meetings import series as meetings
from workflows.meetings import polls
from workflows.meetings.description import read_description
from workflows.meetings import poll_setup
from workflows.routing import outcomes
from workflows.routing.context import Context, as_written
from workflows.sending import fanout
from workflows.reading.dates import read_moments
from workflows.reading.durations import read_duration
from workflows.reading.setting_lines import read_audience, read_setting_lines, where

NEW_ITEM_TAGS = ("Meeting", "Réunion", "Reunion")  # "[Meeting] Title": a coordinator calls a meeting
KEYS = {"when": "when", "quand": "when", "date": "when", "candidates": "candidates", "candidats": "candidates",
        "dates": "candidates", "where": "where", "lieu": "where", "où": "where", "ou": "where",
        "call": "call", "appel": "call", "visio": "call", "audience": "audience", "public": "audience",
        "duration": "duration", "durée": "duration", "duree": "duration", **poll_setup.KEYS}


def new_meeting(ctx: Context, mail: InboundMail, member: dict) -> str:
    """A coordinator calls a meeting: announced at once (When:) or polled (Candidates:)."""
    found = read_setting_lines(as_written(mail, mail.new_text or mail.text), KEYS)
    values = found.values
    zone = ctx.rules.network.timezone
    problems, moments = list(found.problems), []
    title = (mail.subject.split("]", 1)[1].strip() if "]" in mail.subject else "") or ctx.rules.network.name
    kind, sub = "core", None
    try:
        kind, sub = read_audience(values.get("audience", "core"))
        store_members.audience(ctx.db, kind, sub)
    except (ValueError, store_members.MembershipError) as exc:
        problems.append(f"{where(found, 'audience')}Audience: {exc}")
    source = "candidates" if values.get("candidates") else "when"
    if not values.get("when") and not values.get("candidates"):
        problems.append("no When: line (one date) nor Candidates: line (several dates)")
    else:
        try:
            moments = sorted(read_moments(values[source], zone, now=ctx.arrival(mail), need_time=True,
                                          date_order=ctx.rules.network.date_order))
        except ValueError as exc:
            problems.append(f"{where(found, source)}{source.capitalize()}: {exc}")
    setup = poll_setup.read_setup(ctx.db, found, source, zone, meetings.audience_members(
        ctx, {"audience": kind, "subcommittee": sub}), ctx.rules.network.date_order)
    problems += setup.problems
    if any(m <= ctx.now for m in moments):
        problems.append("a date is already past")
    elif len(moments) > 1 and polls.closing_time(ctx, {"series": None, "timezone": zone}, moments,
                                                 meetings.policy(ctx).poll_open_days) <= ctx.now:
        problems.append("the first candidate is too soon: the poll must close the day before it, "
                        "so members have time to answer")
    duration = meetings.policy(ctx).default_duration_minutes
    if values.get("duration"):
        try:
            duration = read_duration(values["duration"])
        except ValueError as exc:
            problems.append(f"{where(found, 'duration')}Duration: {exc}")
    if problems:
        ctx.send(member, "meeting_problem", tag="Meeting", problems=problems, original_subject=mail.subject,
                 in_reply_to=mail.message_id or None)
        return "meeting refused: " + outcomes.problems(len(problems))
    meeting_id = store_meetings.create_meeting(
        ctx.db, title=title, audience=kind, subcommittee=sub, starts_at=moments[0], duration_minutes=duration,
        timezone=zone, location=values.get("where", "") or (setup.place_by_moment.get(moments[0], "")
                                                            if len(moments) == 1 else ""),
        call=values.get("call", ""), domain=ctx.domain,
        now=ctx.now, created_by=member["id"], description=read_description(found))
    first = len(ctx.queued)
    if len(moments) > 1:
        outcome = polls.open_poll(ctx, meeting_id, moments[:9], meetings.policy(ctx).poll_open_days,
                                  options=setup.options(moments[:9], values.get("where", "")))
    else:
        outcome = meetings.announce(ctx, meeting_id)
    poll = store_meetings.poll_of_meeting(ctx.db, meeting_id) if len(moments) > 1 else None
    ctx.send(member, "meeting_created", meeting=meetings.view(store_meetings.get_meeting(ctx.db, meeting_id)),
             candidates=moments if len(moments) > 1 else [], in_reply_to=mail.message_id or None,
             **setup.view(moments[:9], values.get("where", "")),
             reply_for=("poll-admin", poll["id"]) if poll else ("meeting-admin", meeting_id),
             last_copy_at=fanout.paced(ctx, member, f"Meeting {meeting_id}", ctx.queued[first:],
                                       told_by="meeting_created"))
    return f"meeting {meeting_id}: {outcome}"
