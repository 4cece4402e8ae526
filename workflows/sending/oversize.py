"""A message too large for the mail provider: checked before a fan-out when the provider's
limit is known, and its fan-out stopped when the provider refuses a copy before accepting any
(`workflows.sending.size_refusal` decides whose refusal it is).

The provider states the largest message it takes in its EHLO (RFC 1870 SIZE), which the daemon
records at each connection (`store.sending.max_size`). Before a draft (or its new version) is
circulated, the size of one member's copy is estimated (attachments grow by a third when
encoded for mail): above the provider's limit, nothing is sent and the author is told at once.
When the limit was not known yet, or the provider refuses a copy all the same (552, 5.3.4,
5.2.3: `mailer.size_replies`) before it accepted any copy of the same message, every copy would
be refused alike: the copy is marked failed,
the copies of the same message still waiting are withdrawn (never sent, state `withdrawn`), and
who answers for it is told once, with the size, the limit and what to do (never one failure
notice per copy): the item's author (a draft's, a vote's opener, a meeting's creator…) while an
active coordinator; for a copy of no item, its recipient when an active coordinator (a digest
goes to its draft's author); else every coordinator.
"""
from __future__ import annotations

import json
import math
from typing import Callable

from mailer import addresses
from store import drafts as store_drafts
from store import meetings as store_meetings
from store import outbox
from store import record as store_record
from store import sending as store_sending
from store import tokens
from store import votes as store_votes
from workflows.routing.context import Context
from workflows.sending import fanout
from workflows.sending.withdrawal import MEETING_COPIES

MB = 1_000_000
# outbox kinds whose copies each carry an attachment of their own (a meeting's invitation names
# its attendee): no file the author sent, so their notice speaks of text, not of files
OWN_ATTACHMENTS = (*MEETING_COPIES, "meeting_cancel")
HEADERS = 16_000  # room for a copy's headers and the text around its attachments

# what an item does when the fan-out of its copies stops: fn(ctx, item_id, went, the copies' outbox
# kind) -> (the id of the member who answers for it, or None: every coordinator; what became of it:
# e.g. "withdrawn", "cancelled"; its title, or None: the copy's subject names it)
Stopped = Callable[[Context, int, int, str], tuple[int | None, str, str | None]]


def copy_size(attachment_bytes: int, text_chars: int) -> int:
    """About how many bytes one copy takes on the wire: the attachments in base64 (4 bytes for
    3, lines of 76 and CRLF), the text (twice, for its HTML twin) and the headers."""
    encoded = math.ceil(attachment_bytes / 3) * 4
    return encoded + encoded // 76 * 2 + 2 * text_chars + HEADERS


def over_provider_limit(ctx: Context, attachment_bytes: int, text_chars: int) -> tuple[float, float] | None:
    """(a copy's size, the provider's limit), both in MB with one decimal, when one copy would be
    larger than the provider's stated limit; None when it fits or no limit is known."""
    limit = store_sending.max_size(ctx.db)
    size = copy_size(attachment_bytes, text_chars)
    if limit is None or size <= limit:
        return None
    return mb(size), mb(limit, limit=True)


def mb(size: int, *, limit: bool = False) -> float:
    """Bytes as MB with one decimal, rounded up (a size just over a limit never reads as equal);
    a `limit` rounded down (it never reads larger than the provider takes)."""
    return (math.floor if limit else math.ceil)(size / MB * 10) / 10


def _created_by(getter: Callable, column: str) -> Callable[[object, int], int | None]:
    return lambda db, item_id: (getter(db, item_id) or {}).get(column)


def _poll_author(db, poll_id: int) -> int | None:
    poll = store_meetings.get_poll(db, poll_id)
    return _created_by(store_meetings.get_meeting, "created_by")(db, poll["meeting_id"]) if poll else None


# who wrote each kind of item (the kind of the token its copies carry): fn(db, item id) -> member id
AUTHORS = {
    "draft": _created_by(store_drafts.get, "author_id"),
    "draft-admin": _created_by(store_drafts.get, "author_id"),
    "vote": _created_by(store_votes.get, "opened_by"),
    "vote-admin": _created_by(store_votes.get, "opened_by"),
    "meeting": _created_by(store_meetings.get_meeting, "created_by"),
    "meeting-admin": _created_by(store_meetings.get_meeting, "created_by"),
    "poll": _poll_author,
    "poll-admin": _poll_author,
    "announce": _created_by(store_meetings.get_announcement, "created_by"),
    "action": _created_by(store_record.get_action, "created_by"),
}


def author_of(db, kind: str, item_id: int) -> int | None:
    """The member who wrote the item (a vote's opener, a meeting's or an announcement's or an
    action's creator, a draft's author), or None: a kind with no author (minutes Convenor
    drafted, a forward), an item gone, one written by a command typed."""
    find = AUTHORS.get(kind)
    return find(db, item_id) if find is not None else None


def stop_fanout(ctx: Context, row: dict, size: int, limit: int | None, answer: str,
                stopped: dict[str, Stopped], describers: dict[str, Callable[[object, int], dict]]) -> str:
    """The provider refused `row` (an outbox row, already marked failed) for its size: withdraw
    the waiting copies of the same message (the other rows of its fan-out), let its item react (`stopped`, by the token's item kind: a draft no member got is withdrawn),
    and tell who answers for it, once, naming the item by its reference as members read it
    ("Vote 3", from `describers`: `table.ITEM_DESCRIBERS`). Returns the outcome for the log (no
    word of the message)."""
    files = (row.get("attachments") or "[]") != "[]" and row["kind"] not in OWN_ATTACHMENTS
    why = "too large for the mail provider"
    withdrawn = outbox.withdraw_same_message(ctx.db, row["id"], why)
    went = outbox.same_message_sent(ctx.db, row["id"])
    item = item_of(ctx, row)
    answers_for, became, title = None, "", None
    if item is not None and item["kind"] in stopped:
        answers_for, became, title = stopped[item["kind"]](ctx, item["item_id"], went, row["kind"])
    elif item is not None:
        answers_for = author_of(ctx.db, item["kind"], item["item_id"])
    else:  # a copy with no item: one person's alone (a digest to its draft's author, a forward's copy)
        answers_for = row.get("member_id")
    told = fanout.responsible(ctx, answers_for)
    describe = describers.get(item["kind"]) if item is not None else None
    described = describe(ctx.db, item["item_id"]) if describe is not None else {}
    ref, title = described.get("ref"), title or described.get("title")
    with ctx.fanout():
        for member in told:
            ctx.send(member, "too_large_for_provider", subject=title or row["subject"], ref=ref, size_mb=mb(size),
                     limit_mb=mb(limit, limit=True) if limit else None, answer=answer[:300], went=went,
                     withdrawn=len(withdrawn), became=became, files=files, copy_kind=row["kind"])
    return (f"the item's fan-out stopped: {len(withdrawn)} "
            f"waiting copies withdrawn, {went} went before; {len(told)} told")


def item_of(ctx: Context, row: dict) -> dict | None:
    """The token row of the item an outbox row is a copy of: its reply token's, else (an
    announcement's copy answers to the list address) the token of its List-Unsubscribe address."""
    if row.get("reply_token"):
        return tokens.resolve(ctx.db, row["reply_token"])
    headers = row.get("headers") or {}
    unsubscribe = (json.loads(headers) if isinstance(headers, str) else headers).get("List-Unsubscribe", "")
    address = unsubscribe.strip("<>").removeprefix("mailto:").partition("?")[0]
    token = addresses.token_from_address(address, ctx.list_address) if address else None
    return tokens.resolve(ctx.db, token) if token else None
