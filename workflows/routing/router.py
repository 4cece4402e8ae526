"""The router: each inbound message goes to exactly one action, chosen by a table of rules.

Policy as data, after GNU Mailman's chains: `RULES` below is read top to bottom. Each rule's check
is pure (it reads the store, never writes, sends or logs): it returns None, or a `Match` that says
why it matched and which action does the work. `decide()` runs the checks only, which is what
`convenor inspect` shows; `route()` decides, then acts. The last rule always matches, so nothing is
dropped without a record of why.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from mailer.compose import is_own_message_id
from mailer.message import InboundMail
from mailer.subjects import has_prefix, strip_prefixes, tag_pattern
from store import members as store_members
from store import outbox as store_outbox
from store import tokens as store_tokens
from workflows.meetings import calendar_answers, calendar_reading
from workflows.membership import bounces, commands, complaints
from workflows.reading.command_words import read_command
from workflows.routing import machine_guesses, table, wrong_copy
from workflows.routing.context import Context
from workflows.routing.quarantine import Quarantine  # noqa: F401 - raised by actions, read by the pipeline
from workflows.trust import confirming, forgeries, holding
from workflows.votes import replies as vote_replies

# The words of the "[Vote 7]" references Convenor writes in subjects, in both languages.
SUBJECT_WORDS = {
    "draft": "draft", "brouillon": "draft",
    "vote": "vote", "scrutin": "vote",
    "meeting": "meeting", "réunion": "meeting", "reunion": "meeting",
    "poll": "poll", "sondage": "poll",
    "announce": "announce", "annonce": "announce",
    "action": "action",
}

NEW_ITEM_PATTERNS = [(tag_pattern(tags), tags[0], handler) for tags, handler in table.NEW_ITEMS]

Action = Callable[[Context, InboundMail], str]


@dataclass(frozen=True)
class Match:
    """A rule matched: its name, why (for the record and `inspect`), and the action to run."""

    rule: str
    reason: str
    act: Action
    reached_member: bool = False  # the sender answered a token we mailed to them alone
    writer: dict | None = None  # the member who wrote, when the check has already loaded them


@dataclass(frozen=True)
class Routed:
    """Which rule took the message, why, and what its action reported."""

    handler: str
    reason: str
    outcome: str


def decide(ctx: Context, mail: InboundMail) -> Match:
    """The first rule of `RULES` that matches `mail`; runs no action and writes nothing."""
    for _name, check in RULES:
        match = check(ctx, mail)
        if match is not None:
            return match
    raise AssertionError("the last rule always matches")


def route(ctx: Context, mail: InboundMail) -> Routed:
    """Decide which rule takes `mail`, run its action in the caller's transaction, say what happened."""
    match = decide(ctx, mail)
    routed = Routed(match.rule, match.reason, match.act(ctx, mail))
    if match.reached_member or (mail.auth.verified and match.rule not in ("feedback", "bounce", "machine",
                                                                          machine_guesses.HANDLER)):
        bounces.clear_on_mail_from(ctx, mail, match.writer)  # never on a forged From: only proven senders clear it
    return routed


def _with(handler: Callable, *args) -> Action:
    """An action that calls `handler(ctx, mail, *args)`."""
    return lambda ctx, mail: handler(ctx, mail, *args)


def _say(outcome: str) -> Action:
    """An action that does nothing but record `outcome`."""
    return lambda ctx, mail: outcome


# --- the checks, in the order of RULES ----------------------------------------------------------

def is_bounce(ctx: Context, mail: InboundMail) -> Match | None:
    """A delivery-status report (or a bounce sent to our bounce address)."""
    if mail.bounce is None:
        return None
    return Match("bounce", "a delivery-status report", bounces.handle_bounce)


def is_feedback_report(ctx: Context, mail: InboundMail) -> Match | None:
    """A provider's feedback report (RFC 5965): a recipient complained about our mail. One
    failing authentication is forged mail like any other (the next rules set it aside)."""
    if mail.feedback is None or mail.auth.failed:
        return None
    return Match("feedback", f"a feedback report ({mail.feedback.feedback_type})", complaints.handle_feedback)


def is_machine_mail(ctx: Context, mail: InboundMail) -> Match | None:
    """Mail no person wrote to us: our own, automatic replies, list traffic; never answered."""
    if mail.from_self:
        reason = "our own message came back"
    elif mail.auto_reply and not _subject_guess_overruled(ctx, mail):
        if mail.auto_reply_guessed and not mail.list_traffic:  # list headers are a machine's sign
            return _guessed_machine_mail(ctx, mail)
        reason = f"automatic reply ({mail.auto_reply_reason})"
    elif mail.list_traffic:
        reason = "mailing-list traffic"
    else:  # no readable sender is not a sign of a machine: such mail goes on to the coordinators
        return None
    return Match("machine", reason, _say(f"ignored: {reason}"))


def _guessed_machine_mail(ctx: Context, mail: InboundMail) -> Match | None:
    """Mail that looks automatic by its subject, words or no-reply address alone (no header, a return path) may be a
    person's: never answered, never dropped (`machine_guesses`). Forged mail is left to the next
    rule, which sets it aside like any forgery."""
    if mail.auth.failed:
        return None
    token = is_token_reply(ctx, mail)
    act = token.act if token is not None and token.reached_member else None
    sign = machine_guesses.what_it_rests_on(mail)
    return Match(machine_guesses.HANDLER, f"taken for an automatic reply by its {sign} alone (a guess: never answered)",
                 functools.partial(machine_guesses.take, act=act))


def _subject_guess_overruled(ctx: Context, mail: InboundMail) -> bool:
    """A subject that only looks automatic ("Out of office policy", "Absence") does not make a
    person's mail automatic when it is a member's new item with that title ("[Vote] Out of office
    policy"), or a member's message that is exactly a command ("AWAY until 2027-03-01" as subject
    and text: an auto-reply never writes a command), or a reply carrying a valid token whose
    subject is our own message's subject. Header signals (Auto-Submitted, X-Autoreply …) are
    never overruled."""
    if not mail.auto_reply_by_subject:
        return False
    member = ctx.active_sender(mail)
    if member is not None and not has_prefix(mail.subject) and any(
            pattern.match(mail.subject or "") for pattern, _tag, _handler in NEW_ITEM_PATTERNS):
        return True
    if member is not None and _command(ctx, mail, member) is not None:
        return True
    ours = " ".join(strip_prefixes(mail.subject).split()).casefold()
    return any(store_tokens.resolve(ctx.db, token) is not None and ours in store_outbox.subjects_for_token(ctx.db, token)
               for token in mail.tokens)


def failed_authentication(ctx: Context, mail: InboundMail) -> Match | None:
    """The message is forged: its verdict is `failed` (see mailer.authentication). It never acts,
    never counts; it is set aside and the coordinators are told someone wrote in that name,
    within daily caps (`workflows.trust.forgeries`)."""
    if not mail.auth.failed:
        return None
    reason = f"forged sender: {mail.auth.reason}"
    return Match("authentication", reason, _with(forgeries.set_aside, reason))


def is_token_reply(ctx: Context, mail: InboundMail) -> Match | None:
    """A reply carrying a token Convenor issued: it counts only from one of the token owner's
    addresses (or, for the kinds in `table.TOKEN_SENDERS`, the one address the item names), while
    the owner is an active member (and, for `table.COORDINATOR_TOKENS`, an active coordinator).
    Mail with no readable sender address is nobody's reply: it goes on to the coordinators."""
    if not mail.from_addr:
        return None
    for token in mail.tokens:
        row = store_tokens.resolve(ctx.db, token)
        if row is None:
            continue
        owner = store_members.get(ctx.db, row["member_id"])
        allowed = table.TOKEN_SENDERS.get(row["kind"])
        from_owner = owner is not None and store_members.has_address(ctx.db, owner, mail.from_addr)
        if owner is None or not (from_owner or (allowed is not None and allowed(ctx.db, row) == mail.from_addr)):
            return Match(wrong_copy.rule(ctx, mail, row), f"a {row['kind']} token used from another address",
                         functools.partial(wrong_copy.refuse, owner=owner, row=row))
        if row["kind"] in table.COORDINATOR_TOKENS and not (owner["coordinator"] and owner["active"]):
            return Match("token-reply", f"a {row['kind']} token of someone no longer a coordinator",
                         _with(commands.refuse_former_coordinator, owner))
        if not owner["active"]:
            if row["kind"] == "vote" and vote_replies.is_secret(ctx.db, row["item_id"]):
                # never passed on as a non-member's mail: nothing written on a secret ballot is shown
                return Match("token-reply", "a secret ballot's token of someone no longer a member",
                             _with(vote_replies.former_member_on_secret_ballot, owner, row))
            return None  # a member removed since: no token of theirs acts; their mail is a non-member's
        handler = TOKEN_REPLIES.get(row["kind"])
        if handler is None:
            return None
        if holding.must_confirm_shown(ctx, mail) and store_tokens.was_shown(ctx.db, row["token"]):
            # the coordinators saw this token in a copy forwarded to them: from the owner's address
            # but unverified, it may be a coordinator's forgery; the owner confirms it first
            return Match("confirmation", f"a {row['kind']} token shown to the coordinators, {mail.auth.status}",
                         functools.partial(_hold, kind="item", action="token_reply", member=owner, argument="",
                                           act=_with(handler, owner, row)))
        return Match("token-reply", f"a {row['kind']} token from its owner", _with(handler, owner, row),
                     reached_member=True, writer=owner if from_owner else None)
    return None


def names_an_item(ctx: Context, mail: InboundMail) -> Match | None:
    """A member's message whose subject names an item ("[Draft 3]") but whose token was lost."""
    if mail.subject_ref is None:
        return None
    word, number = mail.subject_ref
    kind = SUBJECT_WORDS.get(word)
    member = ctx.active_sender(mail) if kind else None
    if member is None:
        return None
    if kind in table.REFERENCES_WITHOUT_TOKEN:
        exists, answer = table.REFERENCES_WITHOUT_TOKEN[kind]
        if exists(ctx.db, number) is None:
            return None
        return Match("subject-reference", f"names {kind} {number} without its token", _with(answer, member, number))
    resolver = table.SUBJECT_REFERENCES.get(kind)
    if resolver is None or not mail.auth.verified:
        # without its token, only the From address says who wrote: an unverified message never
        # acts for a member (it goes on to the coordinators, and its sender is told so)
        return None
    item = resolver(ctx.db, number)
    token = store_tokens.latest_for(ctx.db, member["id"], item[0], item[1]) if item else None
    handler = table.TOKEN_REPLIES.get(item[0]) if token else None
    if handler is None:
        return None
    return Match("subject-reference", f"names {kind} {number}, sent to this member",
                 _with(handler, member, store_tokens.resolve(ctx.db, token)))


def is_calendar_answer(ctx: Context, mail: InboundMail) -> Match | None:
    """A member's calendar client answered a meeting's invitation to its ORGANIZER, the list
    address, without our token (an iTIP REPLY, or an "Accepted: <title>" subject naming a meeting):
    recorded as attendance, or passed to the coordinators with what was understood. A REPLY from
    an address that is nobody's, answering for a member (its ATTENDEE), is recorded only when it
    can be, and that member is told; otherwise it is a stranger's mail."""
    if mail.calendar is None and calendar_reading.subject_answer(mail.subject) is None:
        return None
    member = ctx.active_sender(mail)
    from_elsewhere = member is None and store_members.get_by_email(ctx.db, mail.from_addr) is None
    if from_elsewhere:
        member = calendar_reading.attendee_member(ctx.db, mail)
    if member is None:
        return None
    answer = calendar_reading.read_answer(ctx.db, mail, member, ctx.arrival(mail))
    if answer is None or (from_elsewhere and not answer.recordable):
        return None
    if answer.recordable:
        return Match("calendar-answer", f"a calendar answer ({answer.partstat}) to meeting {answer.meeting['id']}"
                     + (", for the member its ATTENDEE names, from another address" if from_elsewhere else ""),
                     _with(calendar_answers.record, member, answer))
    return Match("calendar-answer", f"a calendar answer that cannot be recorded ({answer.problem})",
                 _with(calendar_answers.not_recorded, member, answer))


def is_from_stranger(ctx: Context, mail: InboundMail) -> Match | None:
    """The sender is not an active member: the coordinators get the message."""
    if ctx.active_sender(mail) is not None:
        return None
    return Match("stranger", "the sender is not an active member", commands.from_stranger)


def needs_confirmation(ctx: Context, mail: InboundMail) -> Match | None:
    """A coordinator's new item or a membership change by email that is not verified: held
    until its sender confirms it (see workflows/trust)."""
    if not holding.must_confirm(ctx, mail):
        return None
    member = ctx.active_sender(mail)
    for pattern, tag, handler in NEW_ITEM_PATTERNS:
        if pattern.match(mail.subject or ""):
            if not member["coordinator"]:
                return None  # refused by the next rule; nothing acts
            return Match("confirmation", f"a [{tag}] from a coordinator, {mail.auth.status}",
                         functools.partial(_hold, kind="item", action=tag.lower(), member=member, argument="",
                                           act=_with(handler, member)))
    word, argument, handler = _command(ctx, mail, member) or ("", "", None)
    if handler in table.MEMBERSHIP_CHANGES:
        return Match("confirmation", f"the membership command {word}, {mail.auth.status}",
                     functools.partial(_hold, kind="membership", action=table.MEMBERSHIP_CHANGES[handler],
                                       member=member, argument=argument, act=_with(handler, member, argument)))
    return None


def _hold(ctx: Context, mail: InboundMail, *, act: Action, **what) -> str:
    return holding.hold(ctx, mail, act=lambda c: act(c, mail), **what)


def is_new_item(ctx: Context, mail: InboundMail) -> Match | None:
    """A subject starting with a new-item tag ("[Draft] …"): a coordinator's, or refused."""
    for pattern, tag, handler in NEW_ITEM_PATTERNS:
        tagged = pattern.match(mail.subject or "")
        if tagged is None:
            continue
        member = ctx.active_sender(mail)
        if not member["coordinator"]:
            title = (mail.subject or "")[tagged.end():].strip() or "(untitled)"
            return Match("new-item", f"a [{tag}] from a member who is not a coordinator",
                         _with(commands.refuse_non_coordinator, member, tag, title))
        return Match("new-item", f"a [{tag}] from a coordinator", _with(handler, member))
    return None


def is_command(ctx: Context, mail: InboundMail) -> Match | None:
    """A command by email (HELP, STATUS, JOIN Training …): only when the member's new text is
    that command with the arguments it expects, nothing else (see `read_command`)."""
    member = ctx.active_sender(mail)
    command = _command(ctx, mail, member)
    if command is None:
        return None
    word, argument, handler = command
    return Match("command", f"the command {word}", _with(handler, member, argument))


def _command(ctx: Context, mail: InboundMail, member: dict | None) -> tuple[str, str, Callable] | None:
    """(command word, its argument, its handler) when the member's new text is exactly a command."""
    arguments = {word: (low, high, functools.partial(check, ctx.db) if check else None)
                 for word, (low, high, check) in table.COMMAND_ARGUMENTS.items()}
    command = read_command(mail, arguments, member["name"] if member else "",
                           answering_us=is_own_message_id(mail.in_reply_to, ctx.domain))
    handler = table.COMMANDS.get(command[0]) if command else None
    return (command[0], command[1], handler) if handler is not None else None


def anything_else(ctx: Context, mail: InboundMail) -> Match:
    """Whatever no rule above took: the coordinators get it, original attached. When it carries,
    attached, a copy of our message to its sender (a ballot forwarded as .eml), that copy's token
    acts for nothing (it proves holding a copy, not answering it), but the member's answer names
    the item and says to reply to the message itself."""
    attached = _attached_copy(ctx, mail)
    if attached is None:
        return Match("unknown", "no rule understood it", commands.forward_unknown)
    return Match("unknown", f"no rule understood it (a copy of its sender's {attached['kind']} message attached)",
                 functools.partial(commands.forward_unknown, attached=attached))


def _attached_copy(ctx: Context, mail: InboundMail) -> dict | None:
    """The item ({kind, ref, title}) of the first attached copy of a message we sent to this
    message's sender (an active member), by that copy's token; else None."""
    member = ctx.active_sender(mail) if mail.attached_tokens else None
    for token in mail.attached_tokens if member else ():
        row = store_tokens.resolve(ctx.db, token)
        describe = table.ITEM_DESCRIBERS.get(row["kind"]) if row and row["member_id"] == member["id"] else None
        if describe is not None:
            item = describe(ctx.db, row["item_id"])
            return {"kind": item["kind"], "ref": item["ref"], "title": item.get("title") or ""}
    return None


# The table's token replies, and the confirmation of a held message, which routes that message.
TOKEN_REPLIES = {**table.TOKEN_REPLIES, "confirm": functools.partial(confirming.confirm_reply, route=route)}

RULES: list[tuple[str, Callable[[Context, InboundMail], Match | None]]] = [
    ("feedback", is_feedback_report),
    ("bounce", is_bounce),
    ("machine", is_machine_mail),
    ("authentication", failed_authentication),
    ("token-reply", is_token_reply),
    ("subject-reference", names_an_item),
    ("calendar-answer", is_calendar_answer),
    ("stranger", is_from_stranger),
    ("confirmation", needs_confirmation),
    ("new-item", is_new_item),
    ("command", is_command),
    ("unknown", anything_else),
]
