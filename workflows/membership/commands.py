"""Plain commands by email (HELP), strangers, and whatever Convenor does not understand."""
from __future__ import annotations

from mailer.message import InboundMail
from store import members as store_members
from store import notices
from store.times import to_db
from workflows.membership import forwards, strangers
from workflows.reading.command_words import first_word
from workflows.routing.context import Context


HELP_WORDS = ("HELP", "AIDE", "?")  # the HELP command, in every language the command reader knows


def help_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """Reply to the member, in their language, with what they can do by email."""
    ctx.send(member, "help", subcommittees=store_members.subcommittees_of(ctx.db, member["id"]),
             in_reply_to=mail.message_id or None)
    return "help sent"


ANSWERS_A_DAY = 3  # "passed on to the coordinators" answers to one member a day (a loop stops there)


def forward_unknown(ctx: Context, mail: InboundMail, *, refused_tag: str | None = None,
                    former_coordinator: bool = False, about: dict | None = None,
                    only_to: dict | None = None, attached: dict | None = None) -> str:
    """Forward a member's message that no rule understood to each coordinator, original attached.
    With `refused_tag` ("Draft", "Vote"…) the forward says the sender asked for a new item but is
    not a coordinator (and they were told so); otherwise the member is answered too: what was
    understood, that the coordinators have it, and what to write instead (at most
    ANSWERS_A_DAY such answers a day, so a loop with a broken auto-responder ends). With
    `former_coordinator` the forward says its sender answered a coordinator's message but is no
    longer a coordinator (they are told apart, see `refuse_former_coordinator`). With `about`
    the caller answers the member and the forward says why it came: {"kind": "ballot", "ref":
    "Vote 7", "title": …, "counted": bool} (written on a ballot), {"kind": "unsubscribe"} (a core
    member or coordinator asked to stop the network's mail), {"kind": "draft", "ref", "title"} (a
    question in feedback on a draft), {"kind": "wrong_copy", "ref", "title", "owner", "verified"}
    (a reply on another member's copy whose writer could not be told). With `only_to` (an active coordinator: a draft's author) it
    goes to that coordinator alone. With `attached` ({kind, ref, title}: a copy of our message
    to this member came attached) the member's answer says that copy counted for nothing and
    how to answer the item itself."""
    member = store_members.get_by_email(ctx.db, mail.from_addr)
    exclude = {member["id"]} if member and member["coordinator"] else set()
    if only_to is not None:
        exclude = {c["id"] for c in store_members.coordinators(ctx.db)} - {only_to["id"]}
    count = forwards.forward(ctx, mail, "forward_unknown", member=member, exclude=exclude,
                             sender=mail.from_addr, sender_name=mail.from_name, sender_member=member,
                             original_subject=mail.subject, excerpt=_excerpt(mail.new_text), refused_tag=refused_tag,
                             forwarded=mail.forwarded_text, former_coordinator=former_coordinator, about=about)
    if refused_tag or former_coordinator or about or member is None or not member["active"]:
        return f"forwarded to {count} coordinator(s)"
    if not any(notice_once(ctx, member["email"], f"not_understood-{n}") for n in range(1, ANSWERS_A_DAY + 1)):
        return f"forwarded to {count} coordinator(s); the member was already answered {ANSWERS_A_DAY} times today"
    word = first_word(mail)[0]
    hint = {"REJOINDRE": "JOIN", "QUITTER": "LEAVE"}.get(word, word) if word in _SUB_WORDS else None
    ctx.send(member, "not_understood", count=count, hint=hint, original_subject=mail.subject,
             unreadable=bool(mail.defects),
             subcommittees=store_members.subcommittee_names(ctx.db), attached=attached,
             in_reply_to=mail.message_id or None)
    return f"forwarded to {count} coordinator(s); the member was told what to write instead"


_SUB_WORDS = ("JOIN", "REJOINDRE", "LEAVE", "QUITTER")


def refuse_non_coordinator(ctx: Context, mail: InboundMail, member: dict, tag: str, title: str) -> str:
    """A member who is not a coordinator sent a new item (`tag`: "Draft", "Vote", "Meeting",
    "Announce"): nothing is done; the member is told why and the coordinators get the message."""
    ctx.send(member, "not_coordinator", tag=tag, title=title, original_subject=mail.subject,
             in_reply_to=mail.message_id or None)
    return f"refused: [{tag}] from a member who is not a coordinator; " + forward_unknown(ctx, mail, refused_tag=tag)


def refuse_former_coordinator(ctx: Context, mail: InboundMail, member: dict) -> str:
    """A reply carrying a token only a coordinator may answer (`table.COORDINATOR_TOKENS`: a vote's
    CLOSE, a poll's CHOOSE, an answer to a stranger…) from its owner, who is no longer an active
    coordinator: nothing is done; the member (when still active) is told why, once a day, and the
    coordinators get the message."""
    if member["active"] and notice_once(ctx, member["email"], "not_coordinator_reply"):
        ctx.send(member, "not_coordinator", tag="Reply", title="", original_subject=mail.subject,
                 in_reply_to=mail.message_id or None)
    return "refused: a coordinator's token from someone no longer a coordinator; " + \
        forward_unknown(ctx, mail, former_coordinator=True)


def from_stranger(ctx: Context, mail: InboundMail) -> str:
    """Forward a non-member's message to the coordinators within the day's caps (past them it is
    held in Quarantine, summarised the next day); a message above the size limit is forwarded as
    its headers and first lines and kept in Quarantine. No backscatter: the sender gets a
    notice only when verified (a forged From would make us write to a third party), at most
    one a day, never repeating their subject, and the whole network sends at most
    `trust.stranger_notices_per_day` such notices a day.

    A message from which no one sender address can be read (no From, an address that is not
    one, several authors) is malformed: it is forwarded within the same caps, with its From
    header as written and no way to answer it, and set aside in Quarantine."""
    held = strangers.over_cap(ctx, mail)
    if held:
        return strangers.hold(ctx, mail, held)
    too_large = strangers.too_large(ctx)
    why = _stranger_notice(ctx, mail)
    count = forwards.forward(
        ctx, mail, "forward_stranger", member=None, exclude=set(), attach=not too_large,
        sender=mail.from_addr, sender_name=mail.from_name, original_subject=mail.subject,
        excerpt=_excerpt(mail.new_text, 1500 if not too_large else 600), too_large=too_large,
        forwarded=mail.forwarded_text, sender_told=why == "sent", from_header=mail.from_header,
        limit_mb=ctx.rules.strangers.max_forward_mb, to=", ".join(mail.to_addrs[:10]),
        date=mail.date.isoformat() if mail.date else None, message_id=mail.message_id)
    if too_large:
        ctx.held = f"{strangers.HELD}larger than {ctx.rules.strangers.max_forward_mb} MB: headers and first lines forwarded"
    elif not mail.from_addr:
        ctx.held = f"{strangers.FORWARDED}no sender address could be read"
    if why == "sent":
        ctx.send_to_address(mail.from_addr, "stranger_notice", in_reply_to=mail.message_id or None)
    return f"stranger: forwarded to {count} coordinator(s); notice {why}"


def _stranger_notice(ctx: Context, mail: InboundMail) -> str:
    """Whether the non-member is told the coordinators have their message ("sent", remembered
    for today's caps), or why not."""
    if not mail.from_addr:
        return "not sent: no sender address could be read"
    if not mail.auth.verified:
        return "not sent: the sender is not verified"
    if notices.count_on(ctx.db, "stranger", to_db(ctx.now)[:10]) >= ctx.rules.trust.stranger_notices_per_day:
        return "not sent: the network's daily cap on notices to non-members is reached"
    if not notice_once(ctx, mail.from_addr, "stranger"):
        return "already sent today"
    return "sent"


def notice_once(ctx: Context, address: str, kind: str) -> bool:
    """True (and remembered) the first time today an `address` is due a notice of `kind`."""
    return notices.first_today(ctx.db, address, kind, to_db(ctx.now)[:10])


def _excerpt(text: str, limit: int = 1500) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[:limit] + " […]"
