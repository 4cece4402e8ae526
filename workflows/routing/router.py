"""The router: sends each inbound message to exactly one handler, in a fixed order of rules.

The order is policy, written as data in `RULES`: machine-generated mail is recognised first
(and never answered), then token replies, then subject references, then strangers, then
coordinators' new items, then commands; whatever is left is forwarded to the coordinators.
Nothing is ever dropped without a record of why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mailer.message import InboundMail
from store import members as store_members
from store import tokens as store_tokens
from workflows.routing import registry
from workflows.membership.commands import notice_once
from workflows.routing.context import Context


# The words of the "[Vote 7]" references Convenor writes in subjects, in both languages.
SUBJECT_WORDS = {
    "draft": "draft", "brouillon": "draft",
    "vote": "vote", "scrutin": "vote",
    "meeting": "meeting", "réunion": "meeting", "reunion": "meeting",
    "poll": "poll", "sondage": "poll",
    "announce": "announce", "annonce": "announce",
}


class Quarantine(Exception):
    """The message must be set aside for a human (e.g. it failed authentication)."""


@dataclass(frozen=True)
class Routed:
    """Which rule took the message, and what its handler reported."""

    handler: str
    outcome: str


def route(ctx: Context, mail: InboundMail) -> Routed:
    """Hand `mail` to the first rule that takes it and return what happened."""
    for name, rule in RULES:
        outcome = rule(ctx, mail)
        if outcome is not None:
            return Routed(name, outcome)
    raise AssertionError("the last rule always takes the message")


def first_word(mail: InboundMail) -> tuple[str, str]:
    """The command word of a message (first word of its new text, else of its subject) and the rest."""
    for text in (mail.new_text, re.sub(r"^\s*((re|fwd?|tr)\s*:\s*)+", "", mail.subject, flags=re.I)):
        for line in (text or "").splitlines():
            line = line.strip()
            if line:
                word, _, rest = line.partition(" ")
                return word.strip(".:!,").upper(), rest.strip()
    return "", ""


# --- the rules, in order ------------------------------------------------------------------

def _bounce(ctx: Context, mail: InboundMail):
    if mail.bounce is None:
        return None
    from workflows.membership import bounces
    return bounces.handle_bounce(ctx, mail)


def _machine(ctx: Context, mail: InboundMail):
    if mail.from_self:
        return "ignored: our own message came back"
    if mail.auto_reply:
        return f"ignored: automatic reply ({mail.auto_reply_reason})"
    if mail.list_traffic:
        return "ignored: mailing-list traffic"
    if not mail.from_addr:
        return "ignored: no sender address"
    return None


def _failed_authentication(ctx: Context, mail: InboundMail):
    if mail.dmarc_fail:
        raise Quarantine("the trusted server reports dmarc=fail for this message")
    return None


def _token_reply(ctx: Context, mail: InboundMail):
    for token in mail.tokens:
        row = store_tokens.resolve(ctx.db, token)
        if row is None:
            continue
        owner = store_members.get(ctx.db, row["member_id"])
        if owner is None or owner["email"] != mail.from_addr:
            if owner is not None and notice_once(ctx, owner["email"], "token_refused"):
                # the owner is told once a day at most (no mail-bombing by forgery), and never
                # shown the address of another member
                sender = store_members.get_by_email(ctx.db, mail.from_addr) if mail.from_addr else None
                ctx.send(owner, "token_refused", attempted_from=None if sender else mail.from_addr,
                         subject=mail.subject)
            return "refused: token used from another address"
        handler = registry.TOKEN_HANDLERS.get(row["kind"])
        if handler is None:
            return None
        return handler(ctx, mail, owner, row)
    return None


def _subject_reference(ctx: Context, mail: InboundMail):
    if mail.subject_ref is None:
        return None
    word, number = mail.subject_ref
    kind = SUBJECT_WORDS.get(word)
    if kind is None:
        return None
    member = store_members.get_by_email(ctx.db, mail.from_addr)
    if member is None or not member["active"]:
        return None
    resolver = registry.SUBJECT_REFS.get(kind)
    if resolver is None:
        answer = registry.REFERENCES_WITHOUT_TOKEN.get(kind)
        return answer(ctx, mail, member, number) if answer else None
    item = resolver(ctx.db, number)
    if item is None:
        return None
    token = store_tokens.latest_for(ctx.db, member["id"], item[0], item[1])
    if token is None:
        return None
    handler = registry.TOKEN_HANDLERS.get(item[0])
    return handler(ctx, mail, member, store_tokens.resolve(ctx.db, token)) if handler else None


def _stranger(ctx: Context, mail: InboundMail):
    member = store_members.get_by_email(ctx.db, mail.from_addr)
    if member is not None and member["active"]:
        return None
    from workflows.membership import commands
    return commands.from_stranger(ctx, mail)


def _new_item(ctx: Context, mail: InboundMail):
    for pattern, name, handler in registry.NEW_ITEM_HANDLERS:
        if pattern.search(mail.subject or ""):
            member = store_members.get_by_email(ctx.db, mail.from_addr)
            return handler(ctx, mail, member)
    return None


def _command(ctx: Context, mail: InboundMail):
    word, rest = first_word(mail)
    handler = registry.COMMANDS.get(word)
    if handler is None:
        return None
    member = store_members.get_by_email(ctx.db, mail.from_addr)
    return handler(ctx, mail, member, rest)


def _unknown(ctx: Context, mail: InboundMail):
    from workflows.membership import commands
    return commands.forward_unknown(ctx, mail)


RULES = [
    ("bounce", _bounce),
    ("machine", _machine),
    ("authentication", _failed_authentication),
    ("token-reply", _token_reply),
    ("subject-reference", _subject_reference),
    ("stranger", _stranger),
    ("new-item", _new_item),
    ("command", _command),
    ("unknown", _unknown),
]
