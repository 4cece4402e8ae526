"""Messages forwarded to the coordinators, and a coordinator's answer to their sender.

Each coordinator's copy of a forward carries a token: replying to it sends the coordinator's new
text (and attachments) to the original sender from the list address, so a stranger never sees a
coordinator's own address; the other coordinators get one line saying who answered, and later
forwards from that sender say who answered them last.
"""
from __future__ import annotations

from mailer.message import InboundMail
from store import forwards as store_forwards
from store import members as store_members
from workflows.routing.context import Context


def forward(ctx: Context, mail: InboundMail, kind: str, *, member: dict | None, exclude: set[int],
            attach: bool = True, **variables) -> int:
    """Send template `kind` (the original attached unless `attach` is False) to each coordinator
    but `exclude`, each copy answerable when the sender's address could be read; return how many
    coordinators got it."""
    ctx.mark_tokens_shown()  # the excerpt shows them too, attached or not
    attachments = ctx.original_as_attachment() if attach else []
    if not mail.from_addr:  # nobody to answer: a reply to it reaches the coordinators as any other
        return ctx.notify_coordinators(kind, attachments=attachments, exclude=exclude, answered_before=None,
                                       **variables)
    forward_id = store_forwards.create(ctx.db, address=mail.from_addr, member_id=member["id"] if member else None,
                                       message_id=mail.message_id or None, now=ctx.now)
    return ctx.notify_coordinators(kind, attachments=attachments, exclude=exclude,
                                   reply_for=("forward", forward_id),
                                   answered_before=store_forwards.last_answer_to(ctx.db, mail.from_addr),
                                   **variables)


def coordinator_answer(ctx: Context, mail: InboundMail, coordinator: dict, token_row: dict) -> str:
    """A coordinator replied to a forward: their new text goes to the original sender, from the
    list address; the other coordinators are told who answered. An empty reply, or one to a forward
    whose sender's address the privacy purge removed (a non-member's), sends nothing and the
    coordinator is told why."""
    fwd = store_forwards.get(ctx.db, token_row["item_id"])
    text = (mail.new_text or "").strip()
    if fwd is None or not (text or mail.attachments):
        ctx.send(coordinator, "forward_answered", who=coordinator, sender=fwd["address"] if fwd else "",
                 empty=True, purged=False, in_reply_to=mail.message_id or None)
        return "coordinator's answer to a forward was empty: nothing sent"
    sender = store_members.get(ctx.db, fwd["member_id"]) if fwd["member_id"] else None
    if not fwd["address"] and not (sender is not None and sender["active"]):
        ctx.send(coordinator, "forward_answered", who=coordinator, sender="", empty=True, purged=True,
                 in_reply_to=mail.message_id or None)
        return "coordinator's answer to a forward whose sender's address was purged: nothing sent"
    files = [ctx.store_attachment(a.data, a.filename, a.content_type) for a in mail.attachments]
    variables = dict(text=text, coordinator=coordinator, in_reply_to=fwd["message_id"], attachments=files)
    if sender is not None and sender["active"]:
        ctx.send(sender, "coordinator_answer", **variables)
    else:
        ctx.send_to_address(fwd["address"], "coordinator_answer", **variables)
    store_forwards.record_answer(ctx.db, fwd["id"], coordinator["id"], ctx.now)
    told = ctx.notify_coordinators("forward_answered", exclude={coordinator["id"]}, who=coordinator,
                                   sender=fwd["address"], empty=False)
    return f"coordinator's answer sent to the forward's sender; {told} other coordinator(s) told"
