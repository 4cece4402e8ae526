"""A reply on a copy that is not the writer's: someone answered another member's ballot, draft
copy or invitation (forwarded to them, or read in a shared mailbox).

It never acts in the copy owner's name, and what the writer wrote is never lost:

- the owner is told plainly that someone else answered their copy (at most once a day, never
  shown another member's address);
- a verified member who wrote is told to answer their own copy (at most once a day: the answer
  to a loop ends there);
- when the writer cannot be told (their mail is not verified, so its From may be forged; they
  were told already today; they are not a member), the message reaches the coordinators instead:
  a member's through `passing_on.pass_on` (within its daily cap per address), a non-member's as
  any non-member's mail (`commands.from_stranger`, within the strangers' caps; the router records
  it under their rule so those caps count it);
- except on a secret ballot, where nothing written is shown to anyone (the writer, when a
  verified member, is told as above): when neither the writer nor the owner could be told, the
  message is named in the coordinators' next daily summary (who sent it, when, on whose copy of
  which ballot; never a word of it, so never how anyone meant to vote); and for a token that only
  confirms (a held message, an address: `table.ITEM_DESCRIBERS` names no item for it), whose
  reply carries no text to keep.
"""
from __future__ import annotations

from mailer.message import InboundMail
from store import members as store_members
from workflows.membership import commands, passing_on, strangers
from workflows.routing import table
from workflows.routing.context import Context
from workflows.votes import replies as vote_replies


def rule(ctx: Context, mail: InboundMail, row: dict) -> str:
    """The router's rule name for a reply on someone else's copy: the strangers' when its text
    will go on as a non-member's mail (so their daily caps count it), else "token-reply"."""
    if _passed_on(ctx, row) and ctx.active_sender(mail) is None:
        return strangers.HANDLER
    return strangers.TOKEN_REPLY


def refuse(ctx: Context, mail: InboundMail, *, owner: dict | None, row: dict) -> str:
    """A token (`row`) used from an address that is not its `owner`'s: nothing acts; the owner
    and the writer are told as the module says, and the text reaches the coordinators when the
    writer could not be told. Returns what was done (no word of the message)."""
    sender = ctx.active_sender(mail)
    writer = sender if mail.auth.verified else None  # a forged From is not told
    told_writer = writer is not None and commands.notice_once(ctx, writer["email"], "token_not_yours")
    if told_writer:
        ctx.send(writer, "token_not_yours", in_reply_to=mail.message_id or None)
    told_owner = owner is not None and commands.notice_once(ctx, owner["email"], "token_refused")
    if told_owner:
        known = store_members.get_by_email(ctx.db, mail.from_addr) if mail.from_addr else None
        ctx.send(owner, "token_refused", attempted_from=None if known else mail.from_addr,
                 by_member=known is not None, verified=mail.auth.verified, writer_told=writer is not None,
                 subject=mail.subject)
    told = [who for who, yes in (("its owner", told_owner), ("the member who wrote", told_writer)) if yes]
    outcome = "refused: token used from another address" + (f"; {' and '.join(told)} told" if told else "")
    if told_writer or row["kind"] not in table.ITEM_DESCRIBERS:
        return outcome
    if not _passed_on(ctx, row):
        if told_owner:
            return outcome + "; a secret ballot: shown to nobody"
        ctx.facts = {strangers.UNSEEN: _about(ctx, row, owner, mail)["ref"], "owner": owner["id"] if owner else None,
                     "verified": bool(mail.auth.verified)}
        strangers.schedule_summary(ctx, mail)
        return outcome + "; a secret ballot: shown to nobody, named in the coordinators' next summary"
    if sender is None:
        return outcome + "; " + commands.from_stranger(ctx, mail)
    return outcome + "; " + passing_on.pass_on(ctx, mail, mail.new_text, _anything, _about(ctx, row, owner, mail),
                                                    answered=False)


def _passed_on(ctx: Context, row: dict) -> bool:
    """Whether the text written on this copy goes on when its writer cannot be told: a copy of an
    item (`table.ITEM_DESCRIBERS`: a ballot, a draft, an invitation…), not a secret ballot (shown
    to nobody); a token that only confirms (a held message, an address) carries no text to keep."""
    if row["kind"] not in table.ITEM_DESCRIBERS:
        return False
    return not (row["kind"] == "vote" and vote_replies.is_secret(ctx.db, row["item_id"]))


def _anything(words: str) -> bool:
    """Whatever the writer wrote (a bare "Yes" too) is worth passing on: they were not answered."""
    return True


def _about(ctx: Context, row: dict, owner: dict | None, mail: InboundMail) -> dict:
    """What the coordinators' forward says of the copy: its item (when `table.ITEM_DESCRIBERS`
    knows the token's kind), whose copy it was, and why the writer was not told."""
    describe = table.ITEM_DESCRIBERS.get(row["kind"])
    item = describe(ctx.db, row["item_id"]) if describe else {}
    return {"kind": "wrong_copy", "ref": item.get("ref"), "title": item.get("title") or "",
            "owner": owner["name"] if owner else None, "verified": mail.auth.verified}
