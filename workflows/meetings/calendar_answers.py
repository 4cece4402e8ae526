"""Acting on a calendar client's answer sent to the list address without a token (see
`workflows.meetings.calendar_reading` for how it is read, and the router's `calendar-answer`
rule for when).

Trust: an answer is attendance, which never makes the network act (it is counted only for a
meeting nobody reported on with PRESENT:, and marked "calendar"), so it is recorded whether or
not the sender is verified; but when the sender is not verified, the member gets a short note at
their own address saying what was recorded, so an answer forged in their name cannot pass unseen
(once a day at most, so forged answers cannot flood them). The same holds for an answer sent from
an address that is nobody's but whose ATTENDEE is the member's: recorded, and the member is told
which address sent it (they can add it with ADDRESS); such an answer that cannot be recorded is a
stranger's mail (no backscatter).
An accepted, declined or tentative answer from a verified sender gets no message. An answer that
cannot be recorded reaches the coordinators with what was understood, and the member is told
why (once a day at most); a note the member wrote in their answer (COMMENT) reaches the
coordinators too. Outcomes name ids and states, never a word the member wrote.
"""
from __future__ import annotations

from mailer.message import InboundMail
from store import meetings as store_meetings
from store import members as store_members
from workflows.meetings.calendar_reading import CalendarAnswer
from workflows.meetings.series import view
from workflows.membership import forwards
from workflows.membership.commands import notice_once
from workflows.routing.context import Context


def record(ctx: Context, mail: InboundMail, member: dict, answer: CalendarAnswer) -> str:
    """Record the member's answer as attendance (replacing an earlier one); tell the member when
    the sender is not verified; pass a note they wrote on to the coordinators."""
    meeting = answer.meeting
    store_meetings.set_attendance(ctx.db, meeting["id"], member["id"], answer.partstat, ctx.arrival(mail))
    outcome = f"calendar answer recorded: {answer.partstat} for meeting {meeting['id']}"
    elsewhere = not store_members.has_address(ctx.db, member, mail.from_addr)
    if elsewhere or not mail.auth.verified:
        if notice_once(ctx, member["email"], "calendar_recorded"):
            ctx.send(member, "calendar_answer_recorded", meeting=view(meeting), partstat=answer.partstat,
                     sent_from=mail.from_addr if elsewhere else None,
                     in_reply_to=None if elsewhere else mail.message_id or None)
            outcome += "; the member was told (" + ("sent from another address" if elsewhere else "sender not verified") + ")"
        else:
            outcome += "; the member was already told of a calendar answer today"
    if _comment(mail):
        count = _forward(ctx, mail, member, answer, recorded=True)
        outcome += f"; its note forwarded to {count} coordinator(s)"
    return outcome


def not_recorded(ctx: Context, mail: InboundMail, member: dict, answer: CalendarAnswer) -> str:
    """The answer cannot be recorded: the coordinators get it with what was understood and why;
    the member is told why (at most once a day, so a looping calendar cannot flood them)."""
    count = _forward(ctx, mail, member, answer, recorded=False)
    outcome = f"calendar answer not recorded ({answer.problem}): forwarded to {count} coordinator(s)"
    if not notice_once(ctx, member["email"], "calendar_not_recorded"):
        return outcome + "; the member was already told today"
    ctx.send(member, "calendar_answer_unmatched", count=count, in_reply_to=mail.message_id or None,
             **_understood(mail, answer))
    return outcome + "; the member was told why"


def _forward(ctx: Context, mail: InboundMail, member: dict, answer: CalendarAnswer, *, recorded: bool) -> int:
    exclude = {member["id"]} if member["coordinator"] else set()
    return forwards.forward(ctx, mail, "calendar_answer_forward", member=member, exclude=exclude,
                            sender=mail.from_addr, sender_name=mail.from_name, sender_member=member,
                            recorded=recorded, comment=_comment(mail), **_understood(mail, answer))


def _understood(mail: InboundMail, answer: CalendarAnswer) -> dict:
    return dict(partstat=answer.partstat, title=answer.title, problem=answer.problem, attendee=answer.attendee,
                meeting=view(answer.meeting) if answer.meeting else None, original_subject=mail.subject)


def _comment(mail: InboundMail) -> str:
    """The attendee's own note in the REPLY (Google's "RSVP with note", Outlook's COMMENT), or ""."""
    return (mail.calendar.comment if mail.calendar else "").strip()
