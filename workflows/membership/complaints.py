"""Feedback reports: a member's provider says they complained about the network's mail.

What a serious list does with an abuse complaint (RFC 5965 feedback loops): it stops mailing
that address, never silently. A complaint (abuse, fraud, virus, other) about a message we sent
to a member stops all mail to that member (`mail_stopped`: the date and the report's type) until
a coordinator has looked at it and resumes it (`convenor members set EMAIL --resume-mail`); the
coordinators are told at once, one message each, with the report attached. The member is not
written to: they asked for no more of our mail.

It stops mail only through a token of the reported message that maps to a message we sent to
that member (anyone can write a report naming an address), and only when the report itself is
verified (an aligned DKIM or DMARC pass: the providers' feedback loops sign their reports) and
does not come from a member's own address (a member is a person, not a provider's loop), and
never when no other coordinator would be told (the member is the only coordinator still getting
mail: they are told instead, and their mail goes on). Anyone
holding a copy of the member's mail (a forward) holds its tokens, so an unsigned report, or one
written by a member, stops nothing. A report failing authentication never reaches this handler
(it is set aside as forged). A report naming only an address, an unverified one, a "not-spam"
report, an authentication-failure report about our own domain, or one naming nobody we know
changes nothing; the coordinators get it, at most once a day per type and member (or once a day
per type for reports tied to no member, whatever address they name), and at most
`strangers.forwards_per_day` such notices a day in all: past that a report is kept in Quarantine
and counted in the next day's summary of mail held from non-members.
"""
from __future__ import annotations

from mailer.feedback_report import FEEDBACK_TYPES
from mailer.message import InboundMail
from store import members as store_members
from store import notices
from store import outbox as store_outbox
from store import tokens as store_tokens
from workflows.membership import strangers
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


def untrusted(ctx: Context, mail: InboundMail) -> str | None:
    """Why this report cannot stop anyone's mail though it carries a member's token (a short,
    text-free reason), or None when it can."""
    if not mail.auth.verified:
        return "unverified"
    if mail.from_addr and store_members.get_by_email(ctx.db, mail.from_addr) is not None:
        return "from a member"
    return None


def nobody_else_told(ctx: Context, member: dict) -> bool:
    """True when stopping `member`'s mail would leave no coordinator who still gets mail to be
    told of it (they are the only one): their mail is not stopped, they are told instead."""
    return not any(c["id"] != member["id"] and not c["mail_stopped"] for c in store_members.coordinators(ctx.db))


def handle_feedback(ctx: Context, mail: InboundMail) -> str:
    """Act on a feedback report as the module docstring says; return what was done."""
    report = mail.feedback
    member, row = reported_member(ctx, mail)
    complaint = report.complaint
    why_not = untrusted(ctx, mail) if complaint and member is not None else None
    if complaint and member is not None and why_not is None and nobody_else_told(ctx, member):
        why_not = "the only coordinator"
    if complaint and member is not None and why_not is None:
        if member["mail_stopped"]:
            return f"{report.feedback_type} report for member {member['id']}: their mail is already stopped"
        store_members.update(ctx.db, member["id"], mail_stopped=f"{ctx.arrival(mail).date().isoformat()} {report.feedback_type}")
        ctx.notify_coordinators("complaint_reported", attachments=ctx.original_as_attachment(),
                                complained_member=member, feedback_type=report.feedback_type, stopped=True,
                                failed_subject=row["subject"] if row else None, named=list(report.addresses))
        return f"{report.feedback_type} report: mail to member {member['id']} stopped, coordinators told"
    known = member if why_not else next(
        (m for m in (store_members.get_by_email(ctx.db, a) for a in report.addresses) if m is not None), None)
    day = ctx.arrival(mail).date().isoformat()
    if sum(notices.count_on(ctx.db, f"feedback:{kind}", day) for kind in FEEDBACK_TYPES) \
            >= ctx.rules.strangers.forwards_per_day:
        return strangers.hold(ctx, mail, f"{strangers.HELD}the {ctx.rules.strangers.forwards_per_day} "
                                         "notices of the day about feedback reports are used")
    if not notices.first_today(ctx.db, known["email"] if known else "(no member)", f"feedback:{report.feedback_type}", day):
        return f"{report.feedback_type} report: the coordinators were told of one like it today"
    ctx.notify_coordinators("complaint_reported", attachments=ctx.original_as_attachment(),
                            complained_member=known, feedback_type=report.feedback_type, stopped=False,
                            complaint=complaint, failed_subject=None, named=list(report.addresses)[:5],
                            unverified=why_not, token_member=member if why_not else None)
    who = f"member {known['id']}" if known else "no member it can be tied to"
    return f"{report.feedback_type} report about {who}" + (f" ({why_not})" if why_not else "") \
        + ": nothing stopped, coordinators told"
