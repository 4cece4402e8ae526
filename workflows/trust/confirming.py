"""The sender's answer to a confirmation, and the expiry of what nobody confirmed.

Only a reply that carries the confirmation's token from the token owner's own address reaches
`confirm_reply` (the router's token rule refuses any other address, and `failed` mail is
quarantined before it). GO / CONFIRMER (an item) or CONFIRM / CONFIRMER (a membership change)
as the first word makes the held message act, at the time of the confirmation, exactly as if it
had been verified; CANCEL / ANNULER drops it; anything else changes nothing and says so.
"""
from __future__ import annotations

from mailer.message import InboundMail, Verdict
from store import held as store_held
from store import members as store_members
from store import timers
from store.times import from_db
from workflows.reading.command_words import first_word
from workflows.routing.context import Context
from workflows.trust.holding import CONFIRMED_BY_REPLY, EXPIRY_TIMER, expire

CONFIRM_WORDS = {"item": {"GO", "CONFIRMER"}, "membership": {"CONFIRM", "CONFIRMER"}}
CANCEL_WORDS = {"CANCEL", "ANNULER"}


def confirm_reply(ctx: Context, mail: InboundMail, member: dict, token: dict, *, route) -> str:
    """The held message's sender answered its confirmation (token kind "confirm"); `route` is
    the router's, which takes the held message once it is confirmed."""
    held = store_held.get(ctx.db, token["item_id"])
    if held is None or held["state"] != "held" or ctx.arrival(mail) >= from_db(held["expires_at"]):
        if held is not None and held["state"] == "held":
            expire(ctx, held, member)
        state = held["state"] if held is not None and held["state"] != "held" else "expired"
        ctx.send(member, "hold_answer", outcome="closed", state=state, held=held, in_reply_to=mail.message_id or None)
        return f"confirmation for held #{token['item_id']} refused: {state}"
    word = first_word(mail)[0]
    if word in CANCEL_WORDS:
        store_held.decide(ctx.db, held["id"], "cancelled", ctx.now)
        timers.cancel(ctx.db, EXPIRY_TIMER, held["id"])
        ctx.send(member, "hold_answer", outcome="cancelled", held=held, in_reply_to=mail.message_id or None)
        return f"held #{held['id']} cancelled by its sender"
    if word not in CONFIRM_WORDS[held["kind"]]:
        ctx.send(member, "hold_answer", outcome="unclear", held=held, expires=from_db(held["expires_at"]),
                 words=sorted(CONFIRM_WORDS[held["kind"]]), in_reply_to=mail.message_id or None)
        return f"held #{held['id']}: answer not understood; still held"
    return _release(ctx, held, route)


def _release(ctx: Context, held: dict, route) -> str:
    """Act on the held message now, as if it had been verified; it is read by the caller's
    reader (`Context.reader`), as the pipeline reads every message."""
    if ctx.reader is None:
        raise RuntimeError("no mail reader in this context: held mail is released where mail is read")
    raw = bytes(held["raw"])
    store_held.decide(ctx.db, held["id"], "confirmed", ctx.now)
    timers.cancel(ctx.db, EXPIRY_TIMER, held["id"])
    auth = Verdict("verified", "confirmed by its sender's reply to the confirmation", CONFIRMED_BY_REPLY)
    original = ctx.reader(raw, auth)
    routed = route(Context(ctx.db, ctx.rules, ctx.now, raw=raw, auth=auth, reader=ctx.reader, scan_tokens=ctx.scan_tokens), original)
    return f"held #{held['id']} confirmed: {routed.handler}: {routed.outcome}"



def expire_held(ctx: Context, timer: dict) -> str:
    """A held message nobody confirmed in time (timer "trust.expire"): dropped, its sender told."""
    held = store_held.get(ctx.db, timer["item_id"])
    if held is None or held["state"] != "held":
        return "already decided"
    member = store_members.get(ctx.db, held["member_id"])
    expire(ctx, held, member, cancel_timer=False)
    return f"held #{held['id']} expired"


def status(db, now, when) -> dict:
    """The `trust` section of `convenor status`: held messages by state, and bounce reports
    mapped to a member by their token or marking nobody."""
    return {"held": store_held.counts(db), "bounce_reports": store_held.bounce_counts(db)}
