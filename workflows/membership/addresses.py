"""A member's other addresses: ADDRESS ADD other@… (French ADRESSE AJOUTER), confirmed from both.

People write from a work and a personal address. A member writes `ADDRESS ADD other@example.net`;
Convenor sends a confirmation to their primary address and one to the new address, each with its
own token, and adds the address only when both are answered YES (Salmon's confirm-by-secret, on
Convenor's tokens: the new address proves it receives mail by answering from itself). `ADDRESS
REMOVE other@…` takes one away at once (it only narrows what counts as the member). From then on a
token answered from any of the member's addresses counts and the member is recognised by it; mail
still goes to the primary address.
"""
from __future__ import annotations

from mailer import addresses as mail_addresses
from mailer.message import InboundMail
from store import members as store_members
from store import sending as store_sending
from workflows.reading.command_words import first_word
from workflows.routing.context import Context

ADD_WORDS = {"ADD", "AJOUTER", "AJOUT"}
REMOVE_WORDS = {"REMOVE", "DELETE", "RETIRER", "SUPPRIMER", "ENLEVER"}
YES_WORDS = {"YES", "OUI", "CONFIRM", "CONFIRMER", "CONFIRME", "OK"}
NO_WORDS = {"NO", "NON", "CANCEL", "ANNULER"}


def address_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """ADDRESS ADD other@… asks both addresses to confirm; ADDRESS REMOVE other@… removes it."""
    action, _, value = (argument or "").partition(" ")
    address = mail_addresses.normalise(value)
    reply = dict(address=address or value.strip(), in_reply_to=mail.message_id or None)
    if action.upper() in REMOVE_WORDS and address:
        removed = store_members.remove_address(ctx.db, member["id"], address)
        ctx.send(member, "address_reply", outcome="removed" if removed else "not-yours", **reply)
        return "an other address removed" if removed else "ADDRESS REMOVE of an address that was not the member's"
    if action.upper() not in ADD_WORDS or not address:
        ctx.send(member, "address_reply", outcome="unclear", **reply)
        return "ADDRESS not understood: the member was told what to write"
    try:
        address = mail_addresses.check_mailable(address, None)
    except ValueError:
        ctx.send(member, "address_reply", outcome="unclear", **reply)
        return "ADDRESS ADD of something that is not an address: the member was told what to write"
    try:
        mail_addresses.check_mailable(address, store_sending.smtputf8(ctx.db))
    except ValueError as exc:
        ctx.send(member, "address_reply", outcome="unmailable", problem=str(exc), **reply)
        return "ADDRESS ADD refused: the sending server cannot carry that address (no SMTPUTF8)"
    if store_members.get_by_email(ctx.db, address) is not None:
        mine = store_members.has_address(ctx.db, member, address)
        ctx.send(member, "address_reply", outcome="already-yours" if mine else "taken", **reply)
        return "ADDRESS ADD refused: the address is already " + ("the member's" if mine else "another member's")
    request_id = store_members.request_address(ctx.db, member["id"], address, ctx.now)
    ctx.send(member, "address_confirm", reply_for=("address-primary", request_id), side="primary", address=address)
    ctx.send({**member, "email": address}, "address_confirm", reply_for=("address-other", request_id),
             side="other", address=address)
    return "ADDRESS ADD: confirmations sent to both addresses"


def allowed_sender(db, token_row: dict) -> str | None:
    """The address an 'address-other' token may come back from: the address being added."""
    request = store_members.address_request(db, token_row["item_id"])
    return request["address"] if request and request["state"] == "pending" else None


def confirmation_reply(ctx: Context, mail: InboundMail, member: dict, token_row: dict) -> str:
    """YES to a confirmation confirms its side (both → the address is added); NO cancels."""
    side = "primary" if token_row["kind"] == "address-primary" else "other"
    request = store_members.address_request(ctx.db, token_row["item_id"])
    word = first_word(mail)[0]
    reply = dict(address=request["address"] if request else "", in_reply_to=mail.message_id or None)
    if request is None or request["state"] != "pending":
        ctx.send(member, "address_reply", outcome="over", **reply)
        return "address confirmation for a request no longer pending"
    if word in NO_WORDS:
        store_members.close_address_request(ctx.db, request["id"], "cancelled")
        ctx.send(member, "address_reply", outcome="cancelled", **reply)
        return "address request cancelled"
    if word not in YES_WORDS:
        ctx.send({**member, "email": mail.from_addr} if side == "other" else member, "address_confirm",
                 reply_for=(token_row["kind"], request["id"]), side=side, address=request["address"], unclear=True)
        return "address confirmation not understood: asked again"
    request = store_members.confirm_address_request(ctx.db, request["id"], side)
    if not (request["confirmed_primary"] and request["confirmed_other"]):
        ctx.send(member, "address_reply", outcome="waiting", waiting_for="other" if side == "primary" else "primary",
                 **reply)
        return f"address request: {side} side confirmed, waiting for the other"
    try:
        store_members.add_address(ctx.db, member["id"], request["address"], ctx.now)
    except store_members.MembershipError:
        store_members.close_address_request(ctx.db, request["id"], "cancelled")
        ctx.send(member, "address_reply", outcome="taken", **reply)
        return "address request: the address was taken meanwhile"
    store_members.close_address_request(ctx.db, request["id"], "done")
    ctx.send(member, "address_reply", outcome="added", **reply)
    return "an other address added, confirmed from both addresses"
