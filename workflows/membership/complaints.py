"""Feedback reports: a member's provider says they complained about the network's mail.

What a serious list does with an abuse complaint (RFC 5965 feedback loops): it stops mailing
that address, never silently. A complaint (abuse, fraud, virus, other) about a message we sent
to a member stops all mail to that member (`mail_stopped`: the date and the report's type) until
a coordinator has looked at it and resumes it (`convenor members set EMAIL --resume-mail`); the
coordinators are told at once, one message each, with the report attached. The member is not
written to: they asked for no more of our mail.

It stops mail only through a token of the reported message that maps to a message we sent to
that member (anyone can write a report naming an address): a report naming only an address, a
"not-spam" report, an authentication-failure report about our own domain, or one naming nobody
we know changes nothing; the coordinators get it (at most once a day per kind and address) and
decide.
"""
from __future__ import annotations

from mailer.message import InboundMail
from store import members as store_members
from store import notices
from store import outbox as store_outbox
from store import tokens as store_tokens
from workflows.routing.context import Context


def reported_member(ctx: Context, mail: InboundMail) -> tuple[dict | None, dict | None]:
    """(the member the reported message was sent to, the outbox row it was) as its tokens say,
    else (None, None)."""
    report = mail.feedback
    row = store_outbox.by_bounce_token(ctx.db, report.bounce_token) if report.bounce_token else None
    if row and row["member_id"]:
        return store_members.get(ctx.db, row["member_id"]), row
    for token in report.tokens:
        found = store_tokens.resolve(ctx.db, token)
        if found is not None:
            return store_members.get(ctx.db, found["member_id"]), None
    return None, None


def handle_feedback(ctx: Context, mail: InboundMail) -> str:
    """Act on a feedback report as the module docstring says; return what was done."""
    report = mail.feedback
    member, row = reported_member(ctx, mail)
    complaint = report.complaint
    if complaint and member is not None:
        if member["mail_stopped"]:
            return f"{report.feedback_type} report for member {member['id']}: their mail is already stopped"
        store_members.update(ctx.db, member["id"], mail_stopped=f"{ctx.arrival(mail).date().isoformat()} {report.feedback_type}")
        ctx.notify_coordinators("complaint_reported", attachments=ctx.original_as_attachment(),
                                complained_member=member, feedback_type=report.feedback_type, stopped=True,
                                failed_subject=row["subject"] if row else None, named=list(report.addresses))
        return f"{report.feedback_type} report: mail to member {member['id']} stopped, coordinators told"
    named = [store_members.get_by_email(ctx.db, a) for a in report.addresses]
    known = next((m for m in named if m is not None), None)
    key = (known["email"] if known else (report.addresses[0] if report.addresses else "(nobody named)"))
    if not notices.first_today(ctx.db, key, f"feedback:{report.feedback_type}", ctx.arrival(mail).date().isoformat()):
        return f"{report.feedback_type} report: the coordinators were told of one like it today"
    ctx.notify_coordinators("complaint_reported", attachments=ctx.original_as_attachment(),
                            complained_member=known, feedback_type=report.feedback_type, stopped=False,
                            complaint=complaint, failed_subject=None, named=list(report.addresses))
    who = f"member {known['id']}" if known else "no member it can be tied to"
    return f"{report.feedback_type} report about {who}: nothing stopped, coordinators told"
