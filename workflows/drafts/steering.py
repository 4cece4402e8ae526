"""The author's replies to a draft's confirmation: a new version, a new deadline, CLOSE or WITHDRAW.

Each reply is answered with a fresh confirmation (carrying a new "draft-admin" token, so the
author can keep steering the draft by replying), which says what changed or what was not
understood.
"""
from __future__ import annotations

from mailer.message import InboundMail
from store import drafts as store_drafts
from store import outbox, timers
from workflows.routing.context import Context
from workflows.sending import fanout
from workflows.drafts.deadlines import close_now
from workflows.drafts.circulation import (TIMER_KINDS, active_recipients, headers_for, refuse_too_large,
                                          schedule_timers, store_files)

DRAFT_COPIES = ("draft_circulation", "draft_new_version")  # the copies that carry the draft's files


def confirm(ctx: Context, author: dict, draft_id: int, event: str, *, in_reply_to: str | None,
            errors: list[str] = (), changes: list[str] = (), files: list[dict] = (), count: int = 0,
            copies: list[int] = ()) -> None:
    """Send the author a confirmation of `event` for the draft, with a token for further replies;
    when the sending budget paces the members' `copies` (outbox rows), it says when the last goes."""
    ctx.send(author, "draft_confirmation", reply_for=("draft-admin", draft_id), in_reply_to=in_reply_to,
             event=event, draft=store_drafts.get(ctx.db, draft_id), count=count, errors=list(errors),
             changes=list(changes), files=list(files),
             last_copy_at=fanout.paced(ctx, author, f"Draft {draft_id}", list(copies), told_by="draft_confirmation"))


def author_reply(ctx: Context, mail: InboundMail, author: dict, token_row: dict) -> str:
    """Apply the author's instruction: attachments (with or without "Version N") make a new version
    sent to the same audience; "Deadline: …" moves the deadline (members told); CLOSE closes it now
    (the digest goes as at the deadline); WITHDRAW withdraws the draft (members told, timers
    cancelled). Anything else gets a polite explanation."""
    draft = store_drafts.get(ctx.db, token_row["item_id"])
    reply_to = mail.message_id or None
    if draft is None:
        from workflows.membership import commands
        return commands.forward_unknown(ctx, mail)
    heads = headers_for(ctx, mail)
    if draft["state"] != "open":
        confirm(ctx, author, draft["id"], "not_open", in_reply_to=reply_to)
        return f"draft {draft['id']} is {draft['state']}; nothing changed"
    errors = list(heads.errors)
    if heads.audience is not None:
        errors.append("The audience cannot change after circulation; circulate a new [Draft] for another audience.")
    if heads.close and (mail.attachments or heads.deadline is not None or heads.withdraw):
        errors.append("CLOSE closes the draft as it is: send it alone, without a new version, deadline or WITHDRAW.")
    if heads.version is not None and not mail.attachments:
        errors.append(f"\"Version {heads.version}\" needs the new file attached; nothing was sent.")
    if errors:
        confirm(ctx, author, draft["id"], "error", in_reply_to=reply_to, errors=errors)
        return "author's reply not applied: " + "; ".join(errors)
    if heads.withdraw:
        return withdraw(ctx, draft, author, reply_to)
    if heads.close:
        return "closed by its author's CLOSE: " + close_now(ctx, draft["id"])
    refused = refuse_too_large(ctx, mail, author, draft, draft["title"], heads.rest)
    if refused:
        return f"refused: new version of draft {draft['id']} {refused}"
    changes = []
    deadline_moved = heads.deadline is not None and heads.deadline != draft["deadline_at"]
    if deadline_moved:
        store_drafts.set_deadline(ctx.db, draft["id"], heads.deadline)
        timers.cancel_item(ctx.db, TIMER_KINDS, draft["id"])
        schedule_timers(ctx, draft["id"], heads.deadline)
        changes.append("deadline")
    recipients = active_recipients(ctx, draft["id"])
    refs = []
    first = len(ctx.queued)
    if mail.attachments:
        refs = store_files(ctx, mail.attachments)
        version = store_drafts.add_version(ctx.db, draft["id"], note=heads.rest, attachments=refs, now=ctx.now)
        current = store_drafts.get(ctx.db, draft["id"])
        with ctx.fanout():
            for member in recipients:
                ctx.send(member, "draft_new_version", reply_for=("draft", draft["id"]), attachments=refs,
                         draft=current, version=version, note=heads.rest, files=refs, deadline_moved=deadline_moved)
        changes.append("version")
    elif deadline_moved:
        current = store_drafts.get(ctx.db, draft["id"])
        with ctx.fanout():
            for member in recipients:
                ctx.send(member, "draft_deadline_moved", reply_for=("draft", draft["id"]), draft=current,
                         previous_deadline=draft["deadline_at"], note=heads.rest)
    if not changes:
        confirm(ctx, author, draft["id"], "not_understood", in_reply_to=reply_to)
        return f"author's reply to draft {draft['id']} not understood"
    confirm(ctx, author, draft["id"], "changed", in_reply_to=reply_to, changes=changes, files=refs,
            count=len(recipients), copies=ctx.queued[first:])
    return f"draft {draft['id']}: {' and '.join(changes)} changed; {len(recipients)} member(s) told"


def withdraw(ctx: Context, draft: dict, author: dict, reply_to: str | None) -> str:
    """Withdraw the draft: timers cancelled, every member of its audience told, the author confirmed."""
    store_drafts.set_state(ctx.db, draft["id"], "withdrawn", ctx.now)
    timers.cancel_item(ctx.db, TIMER_KINDS, draft["id"])
    recipients = active_recipients(ctx, draft["id"])
    current = store_drafts.get(ctx.db, draft["id"])
    first = len(ctx.queued)
    with ctx.fanout():
        for member in recipients:
            ctx.send(member, "draft_withdrawn", draft=current, author=author)
    confirm(ctx, author, draft["id"], "withdrawn", in_reply_to=reply_to, count=len(recipients),
            copies=ctx.queued[first:])
    return f"draft {draft['id']} withdrawn; {len(recipients)} member(s) told"


def oversize_stopped(ctx: Context, draft_id: int, went: int, kind: str) -> tuple[int | None, str, str | None]:
    """The fan-out of the draft's copies stopped, too large for the mail provider
    (`workflows.sending.oversize`): when no member got any copy of the draft, it is withdrawn
    (its reminder and digest cancelled; nobody is told, since nobody had it); else it stays open
    for those who have it. Returns its author, what became of it ("withdrawn", or "") and its title."""
    draft = store_drafts.get(ctx.db, draft_id)
    if draft is None:
        return None, "", None
    if draft["state"] == "open" and not outbox.members_sent(ctx.db, "draft", draft_id, DRAFT_COPIES):
        store_drafts.set_state(ctx.db, draft_id, "withdrawn", ctx.now)
        timers.cancel_item(ctx.db, TIMER_KINDS, draft_id)
        return draft["author_id"], "withdrawn", draft["title"]
    return draft["author_id"], "", draft["title"]
