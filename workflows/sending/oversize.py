"""A message too large for the mail provider: checked before a fan-out when the provider's
limit is known, and its fan-out stopped at the first refusal when it was not.

The provider states the largest message it takes in its EHLO (RFC 1870 SIZE), which the daemon
records at each connection (`store.sending.max_size`). Before a draft (or its new version) is
circulated, the size of one member's copy is estimated (attachments grow by a third when
encoded for mail): above the provider's limit, nothing is sent and the author is told at once.
When the limit was not known yet, or the provider refuses a copy all the same (552, 5.3.4,
5.2.3: `mailer.size_replies`), every copy would be refused alike: the copy is marked failed,
the copies of the same message still waiting are withdrawn (never sent, state `withdrawn`), and
who answers for it is told once, with the size, the limit and what to do (never one failure
notice per copy).
"""
from __future__ import annotations

import math
from typing import Callable

from store import outbox
from store import sending as store_sending
from store import tokens
from workflows.routing.context import Context
from workflows.sending import fanout

MB = 1_000_000
HEADERS = 16_000  # room for a copy's headers and the text around its attachments

# what an item does when the fan-out of its copies stops: fn(ctx, item_id, went) -> (the id of
# the member who answers for it, or None: every coordinator; what became of it: e.g. "withdrawn";
# its title, or None: the copy's subject names it)
Stopped = Callable[[Context, int, int], tuple[int | None, str, str | None]]


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
    return mb(size), mb(limit)


def mb(size: int) -> float:
    """Bytes as MB with one decimal, rounded up (a size just over a limit never reads as equal)."""
    return math.ceil(size / MB * 10) / 10


def stop_fanout(ctx: Context, row: dict, size: int, limit: int | None, answer: str,
                stopped: dict[str, Stopped]) -> str:
    """The provider refused `row` (an outbox row, already marked failed) for its size: withdraw
    the waiting copies of the same message (same kind, same attachments), let its item react
    (`stopped`, by the token's item kind: a draft no member got is withdrawn), and tell who
    answers for it, once. Returns the outcome for the log (no word of the message)."""
    withdrawn = outbox.withdraw_same_message(ctx.db, row["id"], "too large for the mail provider")
    went = outbox.same_message_sent(ctx.db, row["id"])
    item = tokens.resolve(ctx.db, row["reply_token"]) if row.get("reply_token") else None
    answers_for, became, title = None, "", None
    if item is not None and item["kind"] in stopped:
        answers_for, became, title = stopped[item["kind"]](ctx, item["item_id"], went)
    told = fanout.responsible(ctx, answers_for)
    ref = f"{item['kind'].capitalize()} {item['item_id']}" if item is not None else None
    for member in told:
        ctx.send(member, "too_large_for_provider", subject=title or row["subject"], ref=ref, size_mb=mb(size),
                 limit_mb=mb(limit) if limit else None, answer=answer[:300], went=went,
                 withdrawn=len(withdrawn), became=became)
    return (f"too large for the provider ({size} bytes, limit {limit or 'not stated'}): {len(withdrawn)} "
            f"waiting copies withdrawn, {went} went before; {len(told)} told")
