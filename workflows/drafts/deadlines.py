"""A draft's time-driven work (the reminder, the deadline digest) and how drafts are shown.

Both timers carry the deadline they were scheduled for; a timer whose deadline has since moved,
or whose draft is no longer open, does nothing. The digest closes the draft, so it is sent once
even if the timer were run twice; a member is reminded at most once per deadline.
"""
from __future__ import annotations

from datetime import datetime

from store import drafts as store_drafts
from store import timers
from store import members as store_members
from store.times import to_db
from workflows.membership.leave import on_leave
from workflows.routing.context import Context
from workflows.sending import fanout
from workflows.drafts.circulation import active_recipients, digest_readers, named_after


def _current(ctx: Context, timer: dict) -> dict | None:
    """The draft the timer is for, if it is open and its deadline is still the timer's."""
    draft = store_drafts.get(ctx.db, timer["item_id"])
    if draft is None or draft["state"] != "open":
        return None
    if timer["payload"].get("deadline") not in (None, to_db(draft["deadline_at"])):
        return None
    return draft


def remind(ctx: Context, timer: dict) -> str:
    """Remind, once per deadline, each member of the audience who has not answered yet."""
    draft = _current(ctx, timer)
    if draft is None:
        return "skipped: draft not open or deadline moved"
    if ctx.now >= draft["deadline_at"]:
        return "skipped: stale reminder (the deadline has passed)"
    answered = store_drafts.answered_ids(ctx.db, draft["id"])
    files = store_drafts.latest_attachments(ctx.db, draft["id"])
    first = len(ctx.queued)
    with ctx.fanout():
        for member in active_recipients(ctx, draft["id"]):
            if member["id"] in answered or member["reminded_for"] == to_db(draft["deadline_at"]) \
                    or on_leave(member, ctx.now, ctx.rules.network.timezone):
                continue
            ctx.send(member, "draft_reminder", reply_for=("draft", draft["id"]), attachments=files,
                     draft=draft, files=files)
            store_drafts.mark_reminded(ctx.db, draft["id"], member["id"], draft["deadline_at"])
    rows = ctx.queued[first:]
    return f"reminded {len(rows)} member(s) of draft {draft['id']}" + fanout.tell_if_paced(
        ctx, fanout.responsible(ctx, draft["author_id"]), f"Draft {draft['id']}", rows, "reminder")


def close_and_digest(ctx: Context, timer: dict) -> str:
    """Close the draft and send its digest to the author (and other coordinators, per settings)."""
    draft = _current(ctx, timer)
    if draft is None:
        return "skipped: draft not open or deadline moved"
    return _close(ctx, draft)


def close_now(ctx: Context, draft_id: int) -> str:
    """Close an open draft before its deadline (a coordinator asked): its reminder and deadline
    timers are cancelled and the digest goes out as at the deadline."""
    timers.cancel_item(ctx.db, ["draft.reminder", "draft.deadline"], draft_id)
    return _close(ctx, store_drafts.get(ctx.db, draft_id))


def close_when_read(ctx: Context, draft_id: int) -> tuple[str, datetime]:
    """Record a close asked for at `ctx.now` (the command line): the draft's deadline becomes
    that moment and its deadline timer falls due then; whoever runs it has read the mailbox
    first, so feedback that reached it before the close is in the digest and later feedback is
    late (forwarded, its sender told). Return the timer's kind and the moment it closes as at. A close typed again later
    changes nothing: the first moment stands."""
    at = min(ctx.now, store_drafts.get(ctx.db, draft_id)["deadline_at"])
    store_drafts.set_deadline(ctx.db, draft_id, at)
    timers.cancel_item(ctx.db, ["draft.reminder", "draft.deadline"], draft_id)
    timers.schedule(ctx.db, "draft.deadline", draft_id, at, {"deadline": to_db(at)})
    return "draft.deadline", at


def _close(ctx: Context, draft: dict) -> str:
    store_drafts.set_state(ctx.db, draft["id"], "closed", ctx.now)
    draft = store_drafts.get(ctx.db, draft["id"])
    digest = build_digest(ctx.db, draft["id"])
    attachments = [ref for entry in digest["answered"] for ref in entry["attachments"]]
    author = store_members.get(ctx.db, draft["author_id"])
    readers = digest_readers(ctx, draft)
    batches = file_batches(attachments, ctx.rules.drafts.max_attachment_mb * 1_000_000)
    with ctx.fanout():  # each part is one message to every reader
        for reader in readers:
            ctx.send(reader, "draft_digest", attachments=batches[0], draft=draft, author=author,
                     parts=len(batches), **digest)
    for part, batch in enumerate(batches[1:], start=2):
        with ctx.fanout():
            for reader in readers:
                ctx.send(reader, "draft_digest_files", attachments=batch, draft=draft, part=part,
                         parts=len(batches), files=[ref["filename"] for ref in batch])
    return f"draft {draft['id']} closed; digest sent to {len(readers)}" + (
        f" in {len(batches)} messages each" if len(batches) > 1 else "")


def file_batches(refs: list[dict], limit: int) -> list[list[dict]]:
    """The digest's files in order, in groups of at most `limit` bytes together (a file larger
    than that alone in its group): one message each, so that no message is larger than what
    the network lets a draft be, and none is refused for its size. Always at least one group."""
    batches: list[list[dict]] = [[]]
    size = 0
    for ref in refs:
        length = ref.get("size") or 0
        if batches[-1] and size + length > limit:
            batches.append([])
            size = 0
        batches[-1].append(ref)
        size += length
    return batches


def build_digest(db, draft_id: int) -> dict:
    """Who answered (each with their replies in order and their attachments named after them) and
    who did not, among the draft's frozen audience; late replies are left out."""
    replies = store_drafts.feedback(db, draft_id, include_late=False)
    answered, silent = [], []
    for member in store_drafts.recipients(db, draft_id):
        mine = [r for r in replies if r["member_id"] == member["id"]]
        if not mine:
            silent.append({"name": member["name"]})
            continue
        refs = [ref for r in mine for ref in r["attachments"]]
        answered.append({
            "name": member["name"],
            "replies": [{"received_at": r["received_at"], "body": r["body"], "no_comment": bool(r["no_comment"]),
                         "files": [a["filename"] for a in r["attachments"]]} for r in mine],
            "no_comment_only": all(r["no_comment"] for r in mine),
            "attachments": named_after(member["name"], refs),
        })
    return {"answered": answered, "silent": silent, "total": len(answered) + len(silent)}


def draft_by_number(db, number: int):
    """("draft", number) when Draft `number` exists, for "[Draft 3]" in a reply's subject."""
    return ("draft", number) if store_drafts.get(db, number) else None


def describe(db, draft_id: int) -> dict:
    """The draft as `convenor inspect` and others show it."""
    draft = store_drafts.get(db, draft_id)
    if draft is None:
        return {"kind": "draft", "id": draft_id, "ref": f"Draft {draft_id}", "title": "(unknown)"}
    return {"kind": "draft", "id": draft_id, "ref": f"Draft {draft_id}", "title": draft["title"],
            "state": draft["state"], "version": draft["version"], "deadline": draft["deadline_at"]}


def drafts_status(db, now: datetime, when) -> dict:
    """Open drafts, each with its answers so far and its deadline (`when` writes a date for the
    reader: the network's zone, named)."""
    items = []
    for draft in store_drafts.all_drafts(db, state="open"):
        total = len(store_drafts.recipients(db, draft["id"]))
        answered = len(store_drafts.answered_ids(db, draft["id"]))
        items.append({
            "line": f"Draft {draft['id']} \"{draft['title']}\" (version {draft['version']}): {answered} of "
                    f"{total} answered; deadline {when(draft['deadline_at'])}",
            "id": draft["id"], "ref": f"Draft {draft['id']}", "title": draft["title"], "answered": answered,
            "audience": total, "deadline": draft["deadline_at"], "overdue": draft["deadline_at"] <= now})
    closed = store_drafts.count_drafts(db, "closed")
    return {"open": items, "closed": closed}
