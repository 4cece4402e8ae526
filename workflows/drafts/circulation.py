"""Draft circulation: a coordinator's [Draft] goes to its audience; members' replies are feedback.

The story (issue 3): a coordinator writes to the list address with a subject starting with
[Draft] (or [Brouillon]) and the draft attached; each member of the audience gets their own copy
with a response token; every reply is recorded in order; at the deadline the author gets one
digest (see `workflows.drafts.deadlines`). The author's replies to the confirmation (new version,
new deadline, WITHDRAW) are handled in `workflows.drafts.steering`.
"""
from __future__ import annotations

from datetime import timedelta

from mailer.filenames import clean_filename
from mailer.message import Attachment, InboundMail
from mailer.subjects import tag_pattern
from store import drafts as store_drafts
from store import members as store_members
from store import timers
from store.times import from_db, to_db
from workflows.membership import passing_on
from workflows.routing.context import Context, as_written
from workflows.sending import fanout, oversize
from workflows.drafts.request import default_deadline, read_headers

TIMER_KINDS = ["draft.reminder", "draft.deadline"]
NEW_ITEM_TAGS = ("Draft", "Brouillon")  # "[Draft] Title": a coordinator circulates a draft
TAG_RE = tag_pattern(NEW_ITEM_TAGS)


def title_from_subject(subject: str) -> str:
    """The draft's title: the subject without its [Draft] tag (or "(untitled)")."""
    return TAG_RE.sub("", subject or "").strip() or "(untitled)"


def headers_for(ctx: Context, mail: InboundMail):
    """Read the coordinator's header lines of the mail's new text with the network's zone and
    defaults; "in 10 days" counts from when the mail arrived, not from when it is read."""
    heads = read_headers(as_written(mail, mail.new_text), now=ctx.arrival(mail), timezone=ctx.rules.network.timezone,
                         deadline_time=ctx.rules.drafts.deadline_time, date_order=ctx.rules.network.date_order)
    if heads.deadline is not None and heads.deadline <= ctx.now:  # passed while the mail waited
        heads.errors.append("a date is already past")
    return heads


def too_large(ctx: Context, attachments: list[Attachment]) -> float | None:
    """The total size in MB when the attachments exceed rules.drafts.max_attachment_mb, else None."""
    total = sum(a.size for a in attachments)
    return round(total / 1_000_000, 1) if total > ctx.rules.drafts.max_attachment_mb * 1_000_000 else None


def refuse_too_large(ctx: Context, mail: InboundMail, author: dict, draft: dict | None, title: str,
                     intro: str) -> str | None:
    """When the draft's files (a new draft, or a new version of `draft`) are above
    `drafts.max_attachment_mb`, or a member's copy would be larger than the mail provider takes
    (its stated SIZE, `workflows.sending.oversize`): the author is told the size, the limit and
    what to do, nothing is sent, and the reason is returned (no word of the draft); else None."""
    size = too_large(ctx, mail.attachments)
    limit, provider = ctx.rules.drafts.max_attachment_mb, False
    if size is None:
        over = oversize.over_provider_limit(ctx, sum(a.size for a in mail.attachments), len(intro or ""))
        if over is None:
            return None
        (size, limit), provider = over, True
    ctx.send(author, "draft_too_large", in_reply_to=mail.message_id or None, draft=draft, title=title,
             size_mb=size, limit_mb=limit, provider=provider)
    return f"too large ({size} MB{', for the mail provider' if provider else ''})"


def store_files(ctx: Context, attachments: list[Attachment]) -> list[dict]:
    """Keep each attachment once (by content hash) and return the references messages carry."""
    refs = []
    for a in attachments:
        ref = ctx.store_attachment(a.data, a.filename or "attachment", a.content_type or "application/octet-stream")
        ref["size"] = a.size
        refs.append(ref)
    return refs


def named_after(member_name: str, refs: list[dict]) -> list[dict]:
    """Copies of attachment references renamed "<Member Name> - <file>" (same stored bytes), the
    name cleaned as every stored name is (no control characters, at most 150 characters)."""
    who = clean_filename(member_name, "member")
    return [{**ref, "filename": clean_filename(f"{who} - {ref['filename']}")} for ref in refs]


def schedule_timers(ctx: Context, draft_id: int, deadline) -> None:
    """Schedule the reminder (if still ahead) and the deadline digest for this deadline."""
    payload = {"deadline": to_db(deadline)}
    days = ctx.rules.drafts.reminder_days_before
    reminder_at = deadline - timedelta(days=days)
    if days > 0 and reminder_at > ctx.now:
        timers.schedule(ctx.db, "draft.reminder", draft_id, reminder_at, payload)
    timers.schedule(ctx.db, "draft.deadline", draft_id, deadline, payload)


def active_recipients(ctx: Context, draft_id: int) -> list[dict]:
    """The frozen audience of the draft, less members who have since left the network."""
    return [m for m in store_drafts.recipients(ctx.db, draft_id) if m["active"]]


# --- a coordinator circulates a draft ------------------------------------------------------------

def circulate(ctx: Context, mail: InboundMail, member: dict) -> str:
    """Send a coordinator's new draft to each member of its audience and confirm to the author.

    The router hands it only a coordinator's draft. Refuses politely (never raises) a draft too large, an
    unreadable header line, an unknown sub-committee or an empty audience.
    """
    title = title_from_subject(mail.subject)
    heads = headers_for(ctx, mail)
    refused = refuse_too_large(ctx, mail, member, None, title, heads.rest)
    if refused:
        return f"refused: draft {refused}"
    kind, name = heads.audience or ("core", None)
    errors = list(heads.errors)
    audience = []
    if not errors:
        try:
            audience = [m for m in store_members.audience(ctx.db, kind, name) if m["id"] != member["id"]]
        except store_members.MembershipError as exc:
            errors.append(f'"Audience: {heads_value(kind, name)}": {exc}.')
        if not errors and not audience:
            errors.append(f'"Audience: {heads_value(kind, name)}" has no active member besides you.')
    if errors:
        ctx.send(member, "draft_refused", in_reply_to=mail.message_id or None, reason="headers",
                 title=title, errors=errors)
        return f"refused: {len(errors)} problem(s) reported to the coordinator"  # the lines stay out of the log
    deadline = heads.deadline or default_deadline(
        ctx.arrival(mail), days=ctx.rules.drafts.default_days, timezone=ctx.rules.network.timezone,
        deadline_time=ctx.rules.drafts.deadline_time)
    refs = store_files(ctx, mail.attachments)
    draft_id = store_drafts.create(
        ctx.db, title=title, author_id=member["id"], intro=heads.rest, audience_kind=kind, audience_name=name,
        deadline_at=deadline, attachments=refs, now=ctx.now, message_id=mail.message_id or None)
    store_drafts.add_recipients(ctx.db, draft_id, [m["id"] for m in audience], ctx.now)
    draft = store_drafts.get(ctx.db, draft_id)
    first_row = len(ctx.queued)
    with ctx.fanout():
        for recipient in audience:
            ctx.send(recipient, "draft_circulation", reply_for=("draft", draft_id), attachments=refs,
                     draft=draft, author=member, intro=heads.rest, files=refs)
    schedule_timers(ctx, draft_id, deadline)
    ctx.send(member, "draft_confirmation", reply_for=("draft-admin", draft_id), in_reply_to=mail.message_id or None,
             event="circulated", draft=draft, count=len(audience), files=refs, errors=[], changes=[],
             last_copy_at=fanout.paced(ctx, member, f"Draft {draft_id}", ctx.queued[first_row:],
                                       told_by="draft_confirmation"))
    return f"draft {draft_id} circulated to {len(audience)} member(s)"


def heads_value(kind: str, name: str | None) -> str:
    """The Audience value as the coordinator would write it."""
    return f"subcommittee {name}" if kind == "subcommittee" else kind


# --- a member answers ------------------------------------------------------------------------------

def member_reply(ctx: Context, mail: InboundMail, member: dict, token_row: dict) -> str:
    """Record a member's reply to a draft (text and attachments) and acknowledge it.

    Every reply is kept in order; NO COMMENT counts as an answer; a reply that interleaves
    comments with the quoted draft is kept with its quoted lines marked. After the deadline the reply
    is still recorded, forwarded to the author marked late, and the member told it came late.
    """
    from workflows.reading.answer_lines import is_no_comment

    draft = store_drafts.get(ctx.db, token_row["item_id"])
    reply_to = mail.message_id or None
    if draft is None:
        from workflows.membership import commands
        return commands.forward_unknown(ctx, mail)
    if draft["state"] == "withdrawn":
        ctx.send(member, "draft_ack", in_reply_to=reply_to, draft=draft, status="withdrawn", files=[])
        return f"draft {draft['id']} is withdrawn; reply not recorded"
    text = (mail.new_text or "").strip()
    if not text and not mail.attachments:
        ctx.send(member, "draft_ack", reply_for=("draft", draft["id"]), in_reply_to=reply_to, draft=draft,
                 status="empty", files=[])
        return f"empty reply to draft {draft['id']}; nothing recorded"
    size = too_large(ctx, mail.attachments)
    if size is not None:
        ctx.send(member, "draft_too_large", in_reply_to=reply_to, draft=draft, title=draft["title"],
                 size_mb=size, limit_mb=ctx.rules.drafts.max_attachment_mb, provider=False)
        return f"refused: feedback on draft {draft['id']} too large ({size} MB)"
    refs = store_files(ctx, mail.attachments)
    no_comment = bool(text) and not refs and is_no_comment(text)
    arrived = ctx.arrival(mail)
    late = draft["state"] == "closed" or arrived >= draft["deadline_at"]
    # inline comments reach the author with the quoted lines they answer, marked "> "
    body = text if no_comment else (mail.interleaved_text or text)
    if mail.unread_text and not no_comment:  # past the reading limit: the author gets it as written
        body = f"{body}\n\n{mail.unread_text}"
    if mail.forwarded_text and not no_comment:  # "see below" + a forwarded message: the author gets both
        body = f"{body}\n\n{mail.forwarded_text}"
    store_drafts.add_feedback(ctx.db, draft["id"], member["id"], body=body, no_comment=no_comment, late=late,
                              version=draft["version"], attachments=refs, now=arrived, message_id=reply_to)
    if not late:
        asked = None if no_comment else _pass_on_question(ctx, mail, draft, text)
        ctx.send(member, "draft_ack", reply_for=("draft", draft["id"]), in_reply_to=reply_to, draft=draft,
                 status="no_comment" if no_comment else "recorded", files=refs, passed_on=asked)
        return (f"feedback on draft {draft['id']} recorded{' (no comment)' if no_comment else ''}"
                + (f"; question {asked}" if asked else ""))
    readers = digest_readers(ctx, draft)
    with ctx.fanout():
        for reader in readers:
            ctx.send(reader, "draft_late_feedback", attachments=named_after(member["name"], refs), draft=draft,
                     sender=member, body=body, no_comment=no_comment, received_at=arrived, files=refs)
    ctx.send(member, "draft_late_notice", in_reply_to=reply_to, draft=draft, files=refs)
    return f"late feedback on draft {draft['id']} recorded and forwarded to {len(readers)}"


def digest_readers(ctx: Context, draft: dict) -> list[dict]:
    """Who reads a draft's feedback: its digest at the deadline, and each late reply after it
    (what would have been in the digest). The author while an active member (a coordinator or
    not: they wrote it); with `drafts.digest_to_all_coordinators`, or when the author is gone,
    every other active coordinator too. (A question in on-time feedback is passed on at once to
    the author only while an active coordinator, see `_pass_on_question`: the forward is answered
    by replying, which only a coordinator can do.)"""
    author = store_members.get(ctx.db, draft["author_id"])
    readers = [author] if author and author["active"] else []
    if ctx.rules.drafts.digest_to_all_coordinators or not readers:
        readers += [c for c in store_members.coordinators(ctx.db) if not author or c["id"] != author["id"]]
    return readers


def _pass_on_question(ctx: Context, mail: InboundMail, draft: dict, text: str) -> str | None:
    """A question in on-time feedback ("Is the hotline number on page 2 still right?") reaches the
    draft's author at once (every coordinator when the author is no longer an active one), who can
    answer by replying before the digest; returns what was done (`passing_on.pass_on`)."""
    from workflows.reading.questions import asks_something
    author = store_members.get(ctx.db, draft["author_id"])
    reader = author if author and author["active"] and author["coordinator"] else None
    return passing_on.pass_on(ctx, mail, text, asks_something,
                              {"kind": "draft", "ref": f"Draft {draft['id']}", "title": draft["title"]},
                              answered=True, only_to=reader)  # the feedback is recorded: the digest has it


# Registration of the author's replies, the timers and the status section.
def member_open_drafts(db, member: dict, now) -> list[dict]:
    """Open drafts this member was asked about, and whether they answered (STATUS by email)."""
    return [{"kind": "draft", "ref": f"Draft {d['id']}", "title": d["title"],
             "when": from_db(d["deadline_at"]), "answered": bool(d["answered"])}
            for d in store_drafts.open_for_member(db, member["id"])]
