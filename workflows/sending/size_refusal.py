"""A copy the mail provider refused for its size: whose refusal it is, decided here alone.

The refusal is the item's only while no copy of the same fan-out has been accepted: then every
copy would be refused alike, so the fan-out stops (`oversize.stop_fanout`: the waiting copies
withdrawn, a vote cancelled, whoever answers for it told once). Once the provider has accepted
one copy, the message is not too large in general: this copy is that member's failure (a longer
copy, in their language; a limit lowered since), the item goes on (a vote stays open, nothing is
erased) and the coordinators are told in the notice of any message that could not be delivered,
naming the member, the item and what they can do: one notice per item and outbox pass, listing
every member whose copy was refused in that pass (`RefusedCopies`, told when the pass ends), and
each member once per item.

"Accepted" is what the store records when the refusal is handled: the sent marks of the fan-out's
other copies (folded, or still in the journal), read inside the refusal's write transaction
(BEGIN IMMEDIATE), so every mark committed before it counts, whichever connection sent it. A copy
another connection is handing over at that moment is not counted: when the fan-out stops, that
copy is withdrawn as it goes, and its member is told of the change at the next tick
(`withdrawal.tell_those_it_reached`), as for any change made while a copy was being handed over.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from store import notices
from store import outbox
from workflows.membership.bounces import delivery_failed
from workflows.routing.context import Context
from workflows.sending import oversize


@dataclass
class RefusedCopies:
    """Members' copies refused for their size in one outbox pass, by item (their notice's key): told
    in one notice per item when the pass ends (`tell_refused_copies`)."""
    items: dict[str, list[tuple[dict, int, int | None, int]]] = field(default_factory=dict)


def stops_item(row: dict, accepted: int) -> bool:
    """Whether the provider's size refusal of outbox `row` is its item's (`oversize.stop_fanout`)
    rather than one member's failed message, when `accepted` other copies of its fan-out have been
    accepted: a copy of a fan-out (`Context.fanout`) none of whose copies was accepted (its first,
    its only one: a vote with one elector), or a copy carrying files to one person (a digest to its
    draft's author). A copy of a fan-out some of whose copies were accepted, and a text-only message
    to one person (a ballot sent again to the member who asked, a notice), are that member's."""
    fanout = row.get("fanout_id") is not None
    files = (row.get("attachments") or "[]") != "[]"
    return accepted == 0 and (fanout or files)


def refused_for_size(ctx: Context, row: dict, size: int, limit: int | None, answer: str,
                     stopped: dict[str, oversize.Stopped],
                     describers: dict[str, Callable[[object, int], dict]], refused: RefusedCopies) -> str:
    """The provider refused `row` (an outbox row, already marked failed, in the transaction that
    does what follows) for its `size` (`limit`: the provider's stated one, or None), answering
    `answer`: stop its item, or report that member's copy (see the module doc: a member's copy of
    a fan-out joins `refused`, told when the pass ends). Returns the outcome for the log (no word
    of the message)."""
    accepted = outbox.same_message_sent(ctx.db, row["id"])
    if stops_item(row, accepted):
        return oversize.stop_fanout(ctx, row, size, limit, answer, stopped, describers)
    return _member_copy_refused(ctx, row, size, limit, answer, accepted, refused)


def tell_refused_copies(ctx: Context, refused: RefusedCopies,
                        describers: dict[str, Callable[[object, int], dict]]) -> int:
    """Tell the coordinators of the members' copies `refused` in one outbox pass: one notice per
    item, naming each member and address (a coordinator among them is not sent the notice naming
    their own copy), then forget them. Returns how many items were told of."""
    told = 0
    for entries in refused.items.values():
        failed, size, limit, _ = entries[0]
        item = oversize.item_of(ctx, failed)
        describe = describers.get(item["kind"]) if item is not None else None
        described = describe(ctx.db, item["item_id"]) if describe is not None else {}
        delivery_failed(ctx, failed, too_large=True, ref=described.get("ref"), title=described.get("title"),
                        size_mb=oversize.mb(max(entry[1] for entry in entries)),
                        limit_mb=oversize.mb(limit, limit=True) if limit else None,
                        accepted=max(entry[3] for entry in entries), copy_kind=failed["kind"],
                        also_failed=[entry[0] for entry in entries[1:]])
        told += 1
    refused.items.clear()
    return told


def _member_copy_refused(ctx: Context, row: dict, size: int, limit: int | None, answer: str, accepted: int,
                         refused: RefusedCopies) -> str:
    failed = dict(row, last_error=answer)
    if row.get("fanout_id") is None:  # a message to one person alone: the notice of any failed message
        if row["kind"] != "delivery_failed":
            delivery_failed(ctx, failed)
        return "that member's own message failed for good: the coordinators told"
    if row["kind"] == "delivery_failed":  # a notice of a failure is not reported in turn
        return f"one copy of a coordinators' notice not delivered ({accepted} accepted)"
    item = oversize.item_of(ctx, row)
    who = f"member {row['member_id']}" if row.get("member_id") else f"outbox {row['id']}"  # never an address
    about = f"size-refused {item['kind']} {item['item_id']}" if item else f"size-refused outbox {row['fanout_id']}"
    if not notices.first_once(ctx.db, who, about, ctx.now.date().isoformat()):
        return f"one member's copy refused ({accepted} accepted): the coordinators were told of that member before"
    refused.items.setdefault(about, []).append((failed, size, limit, accepted))
    return f"one member's copy refused ({accepted} accepted): the item goes on, the coordinators told as the pass ends"
