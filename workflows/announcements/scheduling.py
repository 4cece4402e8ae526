"""Announcements to any audience: a coordinator's `[Announce]` (French `[Annonce]`) with
`Audience:` and optionally `Send:`; each member gets their own copy with a List-Unsubscribe
header. Associates can stop them with UNSUBSCRIBE (and restart with SUBSCRIBE); core members and
coordinators keep receiving them, since they take part in the network's work.
"""
from __future__ import annotations

from mailer import addresses
from mailer.message import InboundMail
from mailer.subjects import strip_prefixes
from store import meetings as store_meetings
from store import members as store_members
from store import timers, tokens
from workflows.membership import commands
from workflows.reading.command_words import first_word, spoken_command
from workflows.routing import outcomes
from workflows.routing.context import Context, as_written
from workflows.sending import fanout
from workflows.reading.dates import read_moments
from workflows.reading.setting_lines import read_setting_lines, where
from workflows.reading.setting_lines import read_audience

NEW_ITEM_TAGS = ("Announce", "Annonce")  # "[Announce] Title": a coordinator announces
KEYS = {"audience": "audience", "public": "audience", "to": "audience", "destinataires": "audience",
        "send": "send", "envoi": "send", "envoyer": "send", "send at": "send", "date d'envoi": "send"}


def new_announcement(ctx: Context, mail: InboundMail, member: dict) -> str:
    """A coordinator's announcement: recorded and sent now or at `Send:`; the coordinator gets a receipt."""
    found = read_setting_lines(as_written(mail, mail.new_text or mail.text), KEYS)
    values, body = found.values, found.body
    problems = list(found.problems)
    subject = mail.subject.split("]", 1)[1].strip() if "]" in mail.subject else mail.subject
    audience = values.get("audience", "all")
    try:
        kind, sub = _audience(ctx, audience)
    except ValueError as exc:
        problems.append(f"{where(found, 'audience')}{exc}")
    send_at = ctx.now
    if values.get("send"):
        try:
            moment = read_moments(values["send"], ctx.rules.network.timezone, now=ctx.arrival(mail),
                                  need_time=False, date_order=ctx.rules.network.date_order)[0]
            send_at = max(moment, ctx.now)
        except ValueError as exc:
            problems.append(f"{where(found, 'send')}Send: {exc}")
    if not body:
        problems.append("the announcement has no text")
    if problems:
        ctx.send(member, "meeting_problem", tag="Announce", problems=problems, original_subject=mail.subject,
                 in_reply_to=mail.message_id or None)
        return "announcement refused: " + outcomes.problems(len(problems))
    fields = dict(subject=subject or ctx.rules.network.name, body=body, audience=audience, send_at=send_at,
                  created_by=member["id"])
    last = None
    if send_at > ctx.now:
        announcement_id = schedule(ctx, **fields)
        count = len(recipients(ctx, kind, sub))
    else:  # sent in this unit of work, so the receipt can say when its last copy goes
        announcement_id = record(ctx, **fields)
        rows = send_now(ctx, store_meetings.get_announcement(ctx.db, announcement_id))
        count = len(rows)
        last = fanout.paced(ctx, member, f"Announce {announcement_id}", rows, told_by="announce_scheduled")
    ctx.send(member, "announce_scheduled", announcement=store_meetings.get_announcement(ctx.db, announcement_id),
             recipients=count, last_copy_at=last, sending_limited=ctx.rules.sending.limited,
             in_reply_to=mail.message_id or None)
    return f"announcement {announcement_id} to {kind} at {ctx.local(send_at)}"


def recipients(ctx: Context, kind: str, subcommittee: str | None) -> list[dict]:
    """Who receives an announcement to this audience now: its active members, less the associates
    who unsubscribed (core members and coordinators always receive)."""
    try:
        members = store_members.audience(ctx.db, kind, subcommittee)
    except store_members.MembershipError:
        return []
    return [m for m in members if m["subscribed"] or m["role"] == "core" or m["coordinator"]]


def _audience(ctx: Context, text: str) -> tuple[str, str | None]:
    """The audience a coordinator wrote, checked against the membership; ValueError saying why not."""
    kind, sub = read_audience(text)
    try:
        store_members.audience(ctx.db, kind, sub)
    except store_members.MembershipError as exc:
        raise ValueError(str(exc)) from None
    return kind, sub


def record(ctx: Context, *, subject: str, body: str, audience: str, send_at, created_by: int | None = None) -> int:
    """Record an announcement (audience as written: 'all', 'subcommittee Awareness' …) to send at
    `send_at`, without scheduling it; return its id. Raises ValueError for an unknown audience."""
    kind, sub = _audience(ctx, audience)
    return store_meetings.create_announcement(
        ctx.db, subject=subject, body=body, audience=kind, subcommittee=sub, send_at=send_at,
        created_by=created_by, now=ctx.now)


def schedule(ctx: Context, *, subject: str, body: str, audience: str, send_at, created_by: int | None = None) -> int:
    """Record an announcement (as `record`) and schedule its sending at `send_at` (the timer
    "announce.send", run by the daemon); return its id. Raises ValueError for an unknown audience."""
    announcement_id = record(ctx, subject=subject, body=body, audience=audience, send_at=send_at,
                             created_by=created_by)
    timers.schedule(ctx.db, "announce.send", announcement_id, send_at)
    return announcement_id


def send_now(ctx: Context, announcement: dict) -> list[int]:
    """Send the announcement: one copy per recipient, each with its own List-Unsubscribe address;
    mark it sent and return the outbox rows of the copies."""
    first = len(ctx.queued)
    with ctx.fanout():
        for member in recipients(ctx, announcement["audience"], announcement["subcommittee"]):
            token = tokens.issue(ctx.db, member["id"], "announce", announcement["id"], ctx.now)
            unsubscribe = f"<mailto:{addresses.token_address(ctx.list_address, token)}?subject=UNSUBSCRIBE>"
            ctx.send(member, "announce_message", headers={"List-Unsubscribe": unsubscribe},
                     announcement=announcement)
    rows = ctx.queued[first:]
    store_meetings.mark_announcement_sent(ctx.db, announcement["id"], len(rows), ctx.now)
    return rows


def send_timer(ctx: Context, timer: dict) -> str:
    """A scheduled announcement is due: send it (`send_now`); when the sending budget paces its
    copies, whoever answers for it is told when the last goes (`fanout.tell_if_paced`)."""
    announcement = store_meetings.get_announcement(ctx.db, timer["item_id"])
    if announcement is None or announcement["sent_at"]:
        return "skipped: already sent"
    rows = send_now(ctx, announcement)
    told = fanout.responsible(ctx, announcement["created_by"])
    return f"announcement sent to {len(rows)} member(s)" + fanout.tell_if_paced(
        ctx, told, f"Announce {announcement['id']}", rows, "announcement")


def set_subscription(ctx: Context, member: dict, subscribe: bool, mail: InboundMail) -> str:
    """SUBSCRIBE / UNSUBSCRIBE: associates choose; core members and coordinators are told they keep
    receiving announcements because they take part, and their message reaches the coordinators
    (a core member asking to stop the network's mail may mean to step back: a person answers)."""
    forwarded = ""
    if not subscribe and (member["role"] == "core" or member["coordinator"]):
        outcome = "must_participate"
        forwarded = "; " + commands.forward_unknown(ctx, mail, about={"kind": "unsubscribe"})
    else:
        store_members.update(ctx.db, member["id"], subscribed=subscribe)
        outcome = "subscribed" if subscribe else "unsubscribed"
    ctx.send(member, "announce_subscription", outcome=outcome, in_reply_to=mail.message_id or None)
    return f"subscription: {outcome}{forwarded}"


def unsubscribe_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """UNSUBSCRIBE: stop announcements (associates)."""
    return set_subscription(ctx, member, False, mail)


def subscribe_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """SUBSCRIBE: receive announcements again."""
    return set_subscription(ctx, member, True, mail)


def announce_reply(ctx: Context, mail: InboundMail, member: dict, token: dict) -> str:
    """Mail to an announcement's List-Unsubscribe address: (UN)SUBSCRIBE; anything else goes to
    the coordinators."""
    word, line = first_word(mail)
    subject_word = (mail.subject or "").strip().split(" ")[0].upper().strip(".:!,")
    said = spoken_command(f"{word} {line}") or spoken_command(strip_prefixes(mail.subject or ""))
    for w in (subject_word, word, said):
        if w in ("UNSUBSCRIBE", "DESABONNER", "DÉSABONNER"):
            return set_subscription(ctx, member, False, mail)
        if w in ("SUBSCRIBE", "ABONNER"):
            return set_subscription(ctx, member, True, mail)
    return commands.forward_unknown(ctx, mail)


def describe(db, announcement_id: int) -> dict:
    """An announcement as `convenor inspect` and the notices about it show it: its reference
    ("Announcement 2") and subject."""
    announcement = store_meetings.get_announcement(db, announcement_id)
    return {"kind": "announce", "id": announcement_id, "ref": f"Announcement {announcement_id}",
            "title": announcement["subject"] if announcement else None}
