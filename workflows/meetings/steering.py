"""A coordinator's replies to an announced meeting's confirmation ("[Meeting 5] Announced: …").

`When:`, `Where:` and `Call:` lines move the meeting (its audience gets an update of the
invitation), `CANCEL` cancels it (a calendar cancellation), PRESENT:/ABSENT:/ACTION: lines go to
the record as they do in a reply to the invitation. Anything else is answered with what to write:
a coordinator's word to the confirmation is never taken for an agenda item. Every answer carries a
fresh token, so the coordinator can keep steering the meeting by replying.
"""
from __future__ import annotations

from mailer.message import InboundMail
from store import meetings as store_meetings
from workflows.meetings import requests
from workflows.meetings import series as meetings
from workflows.membership import commands
from workflows.reading.dates import read_moments
from workflows.reading.setting_lines import read_setting_lines, where
from workflows.routing.context import Context
from workflows.sending import fanout

CHANGEABLE = ("when", "where", "call")


def confirm(ctx: Context, coordinator: dict, meeting_id: int, event: str, *, in_reply_to: str | None,
            problems: list[str] = (), outcome: str = "", copies: list[int] = ()) -> None:
    """Send the coordinator the meeting's confirmation of `event`, with a token for further replies;
    when the sending budget paces the members' `copies` (outbox rows), it says when the last goes."""
    ctx.send(coordinator, "meeting_admin_answer", reply_for=("meeting-admin", meeting_id), in_reply_to=in_reply_to,
             meeting=meetings.view(store_meetings.get_meeting(ctx.db, meeting_id)), event=event,
             problems=list(problems), outcome=outcome,
             last_copy_at=fanout.paced(ctx, coordinator, f"Meeting {meeting_id}", list(copies),
                                       told_by="meeting_admin_answer"))


def admin_reply(ctx: Context, mail: InboundMail, coordinator: dict, token: dict) -> str:
    """Apply the coordinator's reply to the meeting's confirmation (see the module doc)."""
    from workflows.record.replies import coordinator_lines, has_record_lines
    from workflows.votes.replies import ADMIN_CANCEL

    meeting = store_meetings.get_meeting(ctx.db, token["item_id"])
    if meeting is None:
        return "no such meeting; " + commands.forward_unknown(ctx, mail)
    reply_to = mail.message_id or None
    if meeting["state"] == "announced" and has_record_lines(mail):
        return coordinator_lines(ctx, mail, coordinator, meeting, "meeting")
    if meeting["state"] == "cancelled" or meeting["starts_at"] <= ctx.arrival(mail):
        confirm(ctx, coordinator, meeting["id"], "over", in_reply_to=reply_to)
        return f"meeting {meeting['id']} is over or cancelled; nothing changed"
    words = (mail.new_text or "").split()
    if words and words[0].strip(" .!:,;").upper() in ADMIN_CANCEL:
        first = len(ctx.queued)
        outcome = meetings.cancel(ctx, meeting["id"])
        confirm(ctx, coordinator, meeting["id"], "cancelled", in_reply_to=reply_to, copies=ctx.queued[first:])
        return f"meeting {meeting['id']} cancelled by its confirmation: {outcome}"
    found = read_setting_lines(mail.new_text or "", requests.KEYS)
    problems = list(found.problems) + [
        f"{where(found, key)}only When:, Where: and Call: can change; for another audience or several dates, "
        f"write CANCEL and call a new [Meeting]" for key in found.values if key not in CHANGEABLE]
    starts_at = None
    if found.values.get("when"):
        try:
            starts_at = read_moments(found.values["when"], meeting["timezone"], now=ctx.arrival(mail),
                                     need_time=True, date_order=ctx.rules.network.date_order)[0]
        except ValueError as exc:
            problems.append(f"{where(found, 'when')}When: {exc}")
        if starts_at is not None and starts_at <= ctx.now:
            problems.append(f"{where(found, 'when')}When: the new date is already past")
    if problems:
        confirm(ctx, coordinator, meeting["id"], "problems", in_reply_to=reply_to, problems=problems)
        return f"meeting {meeting['id']}: coordinator's reply not applied ({len(problems)} problem(s))"
    location, call = found.values.get("where"), found.values.get("call")
    if starts_at is None and location is None and call is None:
        confirm(ctx, coordinator, meeting["id"], "unclear", in_reply_to=reply_to)
        return f"meeting {meeting['id']}: coordinator's reply not understood; told what to write"
    first = len(ctx.queued)
    outcome = meetings.move(ctx, meeting["id"], starts_at=starts_at, location=location, call=call)
    confirm(ctx, coordinator, meeting["id"], "moved", in_reply_to=reply_to, outcome=outcome,
            copies=ctx.queued[first:])
    return f"meeting {meeting['id']} changed by its confirmation: {outcome}"
