"""Bounces: map a returned message to the exact outgoing message and member, never answer it."""
from __future__ import annotations

from mailer.message import InboundMail
from store import members as store_members
from store import outbox as store_outbox
from workflows.routing.context import Context


def handle_bounce(ctx: Context, mail: InboundMail) -> str:
    """Record a bounce. A permanent one marks the member as bouncing and tells the coordinators once."""
    bounce = mail.bounce
    row = store_outbox.by_bounce_token(ctx.db, bounce.token) if bounce.token else None
    member = store_members.get(ctx.db, row["member_id"]) if row and row["member_id"] else None
    if member is None:
        for address in bounce.addresses:
            member = store_members.get_by_email(ctx.db, address)
            if member:
                break
    if member is None:
        return f"bounce ignored: no member among {', '.join(bounce.addresses) or 'no address'}"
    if not bounce.permanent:
        return f"temporary bounce for member {member['id']}: nothing to do"
    if member["bouncing"]:
        return f"permanent bounce for member {member['id']}: already marked"
    store_members.update(ctx.db, member["id"], bouncing=True)
    ctx.notify_coordinators("bounce_reported", bouncing_member=member,
                            failed_subject=row["subject"] if row else None)
    return f"permanent bounce: member {member['id']} marked bouncing, coordinators told"


def delivery_failed(ctx: Context, row: dict) -> None:
    """Tell the coordinators that the mail server refused one outgoing message for good."""
    member = store_members.get(ctx.db, row["member_id"]) if row.get("member_id") else None
    if member is not None and member["coordinator"]:
        others = {member["id"]}
    else:
        others = set()
    ctx.notify_coordinators("delivery_failed", exclude=others, failed=row, failed_member=member)
