"""Holding what could be forged until its sender confirms it (after Salmon's ConfirmationEngine).

A coordinator's new item ([Draft], [Vote], [Meeting], [Announce]) or a membership change by
email (JOIN, LEAVE, UNSUBSCRIBE, SUBSCRIBE) acts at once only when its authentication verdict is
`verified` (and `trust.confirm` is "unverified", the default). Otherwise the router's
`needs_confirmation` rule hands it to `hold`: the message is kept in the store, and the From
address (a member's own) gets a confirmation saying exactly what would happen, with a token.
Only a reply from that address carrying that token, first word GO / CONFIRMER (items) or
CONFIRM / CONFIRMER (membership changes), makes it happen (`workflows.trust.confirming`).
Nobody else receives anything until then.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Callable

from mailer.message import InboundMail
from store import held as store_held
from store import timers
from workflows.routing.context import Context
from workflows.trust.preview import dry_run, first_lines

CONFIRMED_BY_REPLY = "confirmation"  # the Verdict.method of a held message its sender confirmed
EXPIRY_TIMER = "trust.expire"


def must_confirm(ctx: Context, mail: InboundMail) -> bool:
    """True when a coordinator's item or a membership change in `mail` may act only once its
    sender confirms it: not verified (or `trust.confirm = "always"`), and not already confirmed."""
    if mail.auth.method == CONFIRMED_BY_REPLY:
        return False
    return ctx.rules.trust.confirm == "always" or not mail.auth.verified


def must_confirm_shown(ctx: Context, mail: InboundMail) -> bool:
    """True when a reply carrying a token the coordinators were shown may act only once its
    sender confirms it: not verified, and not already confirmed (whatever `trust.confirm` says)."""
    return mail.auth.method != CONFIRMED_BY_REPLY and not mail.auth.verified


def hold(ctx: Context, mail: InboundMail, *, kind: str, action: str, member: dict, argument: str,
         act: Callable[[Context], str]) -> str:
    """Keep `mail` held and send `member` (its From address) the confirmation of what `act`
    would do. When `act` fails in the dry run the message is not held: it is acted on now, so
    that it fails for real and is set aside with its error, as any other.

    The confirmation window (`trust.confirm_days`) counts from when the message reached the
    mailbox, not from when Convenor read it; one read only after its whole window (the daemon
    was down) expires at once, and its sender is told nothing was done."""
    try:
        preview = dry_run(ctx, member["email"], act)
    except Exception:  # noqa: BLE001 - the real run fails the same way and sets it aside
        return act(ctx)
    arrived = ctx.arrival(mail)
    expires = arrived + timedelta(days=ctx.rules.trust.confirm_days)  # the window runs from arrival
    held_id = store_held.hold(ctx.db, kind=kind, action=action, member_id=member["id"], from_addr=mail.from_addr,
                              reason=mail.auth.reason, raw=ctx.raw or b"", received_at=arrived, expires_at=expires)
    if expires <= ctx.now:  # read only after its whole window (Convenor was down): too late to confirm
        expire(ctx, store_held.get(ctx.db, held_id), member, cancel_timer=False, read_late=True)
        return f"held #{held_id} ({kind} {action}) expired at once: read after its confirmation window"
    timers.schedule(ctx.db, EXPIRY_TIMER, held_id, expires)
    ctx.send(member, "hold_confirm", reply_for=("confirm", held_id), in_reply_to=mail.message_id or None,
             held_kind=kind, action=action, argument=argument, preview=preview, lines=first_lines(mail.new_text),
             attachments_seen=[(a.filename, a.size) for a in mail.attachments], expires=expires,
             original_subject=mail.subject, always=ctx.rules.trust.confirm == "always" and mail.auth.verified)
    return f"held #{held_id} ({kind} {action}) until its sender confirms it ({mail.auth.status})"


def expire(ctx: Context, held: dict, member: dict | None, cancel_timer: bool = True, read_late: bool = False) -> bool:
    """Mark a held message expired (its bytes blanked) and tell its sender, if still an active
    member, that nothing was done (`read_late`: because it was read only after its window);
    False when it had been decided already."""
    if not store_held.decide(ctx.db, held["id"], "expired", ctx.now):
        return False
    if cancel_timer:
        timers.cancel(ctx.db, EXPIRY_TIMER, held["id"])
    if member is not None and member["active"]:
        ctx.send(member, "hold_expired", held=held, read_late=read_late, days=f"{ctx.rules.trust.confirm_days:g}")
    return True
