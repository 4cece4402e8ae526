"""A coordinator's reply to a meeting's announcement, reminder or minutes that carries
`PRESENT:`, `ABSENT:` or `ACTION:` lines: the lines are the record's, not an agenda item."""
from __future__ import annotations

from mailer.message import InboundMail
from workflows.record import actions, attendance
from workflows.routing.context import Context


def has_record_lines(mail: InboundMail) -> bool:
    """True when the reply's new text holds a PRESENT:, ABSENT: or ACTION: line."""
    present, absent = attendance.presence_lines(mail.new_text)
    return bool(present or absent or actions.action_lines(mail.new_text))


def coordinator_lines(ctx: Context, mail: InboundMail, coordinator: dict, meeting: dict, source: str) -> str:
    """Record the attendance and the action items a coordinator's reply lists for `meeting`; the
    coordinator gets one receipt with what was recorded and the names or lines sent back."""
    present, absent = attendance.presence_lines(mail.new_text)
    presence, problems = None, []
    if present or absent:
        presence, problems = attendance.record_lines(ctx, coordinator, meeting, present, absent)
    created, action_problems = actions.create_from_lines(
        ctx, coordinator, actions.action_lines(mail.new_text), meeting_id=meeting["id"], source=source,
        written_at=ctx.arrival(mail))
    outcome = actions.receipt(ctx, coordinator, mail, created, problems + action_problems, presence)
    if presence is not None:
        outcome += f"; attendance of meeting {meeting['id']}: {len(presence['present'])} present"
    return outcome
