"""Bounces: map a returned message to the exact outgoing message and member, never answer it.

Scored as GNU Mailman does: a permanent bounce adds `bounces.permanent_score`, a temporary one
`bounces.temporary_score`, at most one a day counts, a score fades after `bounces.fade_after_days`
without a bounce; at `bounces.threshold` the member is marked bouncing and the coordinators are
told. A refusal of the network's own setup (5.7.x, DMARC, a blocklist) counts against nobody:
the coordinators hear of it once a day per domain. A member who writes in, or whose mail is
accepted again (sent and not bounced for `fade_after_days`), is cleared.
"""
from __future__ import annotations

from datetime import timedelta

from mailer.message import InboundMail
from store import held as store_held
from store import members as store_members
from store import notices
from store import outbox as store_outbox
from workflows.routing.context import Context


def handle_bounce(ctx: Context, mail: InboundMail) -> str:
    """Record a bounce; it counts against a member only when its bounce token maps to a message
    sent to that member (anyone can write a delivery report naming an address: a report without
    such a token is recorded, shown by `convenor status`, and marks nobody)."""
    bounce = mail.bounce
    row = store_outbox.by_bounce_token(ctx.db, bounce.token) if bounce.token else None
    member = store_members.get(ctx.db, row["member_id"]) if row and row["member_id"] else None
    store_held.record_bounce(ctx.db, member["id"] if member else None, bounce.permanent, ctx.now)
    if bounce.policy:
        recipient = (row["recipient"] if row else None) or next(iter(bounce.addresses), None) \
            or (member["email"] if member else "")
        domain = recipient.rpartition("@")[2] or "an unknown domain"
        # a refusal that no bounce token ties to our mail could be written by anyone, naming any
        # domain: such refusals reach the coordinators once a day in all, not once per domain
        told = report_policy_refusal(ctx, domain, bounce.policy, key=None if row else "(tied to no message sent)")
        return f"policy refusal by {domain}: counted against no member" + ("; coordinators told" if told else "")
    if member is None:
        return "bounce recorded: no bounce token maps it to a message sent to a member; nobody marked"
    policy = ctx.rules.bounces
    kind = "permanent" if bounce.permanent else "temporary"
    score = store_members.add_bounce(ctx.db, member["id"],
                                     policy.permanent_score if bounce.permanent else policy.temporary_score,
                                     ctx.now, ctx.now - timedelta(days=policy.fade_after_days))
    if score is None:
        return f"{kind} bounce for member {member['id']}: one was already counted today"
    if member["bouncing"] or score < policy.threshold:
        return f"{kind} bounce for member {member['id']}: score {score:g} (threshold {policy.threshold:g})"
    store_members.update(ctx.db, member["id"], bouncing=True)
    ctx.notify_coordinators("bounce_reported", bouncing_member=member,
                            failed_subject=row["subject"] if row else None,
                            forwarded_to=", ".join(target for target, _ in bounce.forwarded_from) or None)
    return f"{kind} bounce: member {member['id']} reached {score:g}, marked bouncing, coordinators told"


def report_policy_refusal(ctx: Context, domain: str, reason: str, key: str | None = None) -> bool:
    """Tell the coordinators, at most once a day per domain (or per `key`, when given), that
    `domain` refuses the network's mail for `reason`; True when they were told now."""
    if not notices.first_today(ctx.db, (key or domain).lower(), "mail_refused", ctx.now.date().isoformat()):
        return False
    ctx.notify_coordinators("mail_refused", domain=domain, reason=reason)
    return True


def clear_on_mail_from(ctx: Context, mail: InboundMail, writer: dict | None = None) -> None:
    """A member who writes in is reachable: their bounce score and mark are cleared. `writer`:
    the member whose address the From is, when the caller has loaded them already (no look-up)."""
    member = writer if writer is not None else (
        store_members.get_by_email(ctx.db, mail.from_addr) if mail.from_addr else None)
    if member is not None and (member["bouncing"] or member["bounce_score"]):
        store_members.clear_bounces(ctx.db, member["id"])


def clear_faded(ctx: Context) -> None:
    """Members whose mail is accepted again (sent since their last bounce, and no bounce for
    `bounces.fade_after_days`) are cleared. Run at every tick."""
    store_members.clear_faded_bounces(ctx.db, ctx.now - timedelta(days=ctx.rules.bounces.fade_after_days))


def delivery_failed(ctx: Context, row: dict, also_failed: list[dict] = (), **details) -> None:
    """Tell the coordinators that the mail server refused one outgoing message for good (`row`,
    its `last_error` the server's answer), and the copies of the same item `also_failed` with it;
    `details` go to the notice (`workflows.sending.size_refusal`: members' copies of a fan-out
    refused for their size). A coordinator whose own copy failed is not sent the notice."""
    failed = []
    for each in (row, *also_failed):
        member = store_members.get(ctx.db, each["member_id"]) if each.get("member_id") else None
        failed.append({"name": member["name"] if member else None, "recipient": each["recipient"],
                       "member": member})
    others = {f["member"]["id"] for f in failed if f["member"] is not None and f["member"]["coordinator"]}
    ctx.notify_coordinators("delivery_failed", exclude=others, failed=row, failed_member=failed[0]["member"],
                            failed_copies=failed, **{"too_large": False, **details})
