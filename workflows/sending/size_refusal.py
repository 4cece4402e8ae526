"""A copy the mail provider refused for its size: whose refusal it is, decided here alone.

The refusal is the item's only while no copy of the same fan-out has been accepted: then every
copy would be refused alike, so the fan-out stops (`oversize.stop_fanout`: the waiting copies
withdrawn, a vote cancelled, whoever answers for it told once). Once the provider has accepted
one copy, the message is not too large in general: this copy is that member's failure (a longer
copy, in their language; a limit lowered since), the item goes on (a vote stays open, nothing is
erased) and the coordinators are told in the notice of any message that could not be delivered,
naming the member, the item and what they can do: one notice per item and outbox pass, listing
every member whose copy was refused in that pass, and each member once per item.

So that one notice lists them all, the refusal's transaction queues none: it records the copy
(`store.size_refusals`: its size, the provider's limit, how many copies were accepted; the row
itself is marked failed with the provider's answer). `tell_refused_copies`, run as each outbox
pass starts and ends (and when nothing else is due in it), queues the notices of every copy
recorded, records each member told (`notices.first_once`) and forgets the copies, all in one
transaction: a process killed between a refusal and its notice (a power cut, SIGKILL) leaves the
copy recorded, and it is told as the next pass starts; a member is never recorded told without
the notice queued with it.

"Accepted" is what the store records when the refusal is handled: the sent marks of the fan-out's
other copies (folded, or still in the journal), read inside the refusal's write transaction
(BEGIN IMMEDIATE), so every mark committed before it counts, whichever connection sent it. A copy
another connection is handing over at that moment is not counted: when the fan-out stops, that
copy is withdrawn as it goes, and its member is told of the change at the next tick
(`withdrawal.tell_those_it_reached`), as for any change made while a copy was being handed over.
"""
from __future__ import annotations

from typing import Callable

from store import notices
from store import outbox
from store import size_refusals
from store.size_refusals import RefusedCopy
from workflows.membership.bounces import delivery_failed
from workflows.routing.context import Context
from workflows.sending import oversize


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
                     describers: dict[str, Callable[[object, int], dict]]) -> str:
    """The provider refused `row` (an outbox row, already marked failed, in the transaction that
    does what follows) for its `size` (`limit`: the provider's stated one, or None), answering
    `answer`: stop its item, or report that member's copy (see the module doc: a member's copy of
    a fan-out is recorded, told by `tell_refused_copies`). Returns the outcome for the log (no word
    of the message)."""
    accepted = outbox.same_message_sent(ctx.db, row["id"])
    if stops_item(row, accepted):
        return oversize.stop_fanout(ctx, row, size, limit, answer, stopped, describers)
    return _member_copy_refused(ctx, row, size, limit, answer, accepted)


def tell_refused_copies(ctx: Context, describers: dict[str, Callable[[object, int], dict]]) -> int:
    """Tell the coordinators of the members' copies refused for their size not told yet (recorded
    by `refused_for_size`): one notice per item, naming each member and address not named before
    for that item (a coordinator among them is not sent the notice naming their own copy); each
    member recorded told (`notices.first_once`, by member id, or outbox id for a copy to no member,
    on `ctx.now`'s day) and the copies forgotten, in the caller's transaction, which the notices
    are queued in. Returns how many items were told of."""
    day = ctx.now.date().isoformat()
    waiting = size_refusals.untold(ctx.db)
    items: dict[str, tuple[dict | None, list[RefusedCopy]]] = {}  # by the notice's key: its item, its copies
    for refused in waiting:
        if refused.row is None:  # its outbox row purged meanwhile: nothing left to name
            continue
        who, about, item = _told_keys(ctx, refused.row)
        if notices.first_once(ctx.db, who, about, day):
            items.setdefault(about, (item, []))[1].append(refused)
    size_refusals.forget(ctx.db, [refused.refused_id for refused in waiting])
    for item, copies in items.values():
        first = copies[0]
        describe = describers.get(item["kind"]) if item is not None else None
        described = describe(ctx.db, item["item_id"]) if describe is not None else {}
        delivery_failed(ctx, first.row, too_large=True, ref=described.get("ref"), title=described.get("title"),
                        size_mb=oversize.mb(max(copy.size for copy in copies)),
                        limit_mb=oversize.mb(first.limit, limit=True) if first.limit else None,
                        accepted=max(copy.accepted for copy in copies), copy_kind=first.row["kind"],
                        also_failed=[copy.row for copy in copies[1:]])
    return len(items)


def _told_keys(ctx: Context, row: dict) -> tuple[str, str, dict | None]:
    """Whom the record that the coordinators were told names (a member, or a copy to no member, by
    id: never an address), what about (the item, or the fan-out of a copy of no item), and the item."""
    item = oversize.item_of(ctx, row)
    who = f"member {row['member_id']}" if row.get("member_id") else f"outbox {row['id']}"
    about = f"size-refused {item['kind']} {item['item_id']}" if item else f"size-refused outbox {row['fanout_id']}"
    return who, about, item


def _member_copy_refused(ctx: Context, row: dict, size: int, limit: int | None, answer: str, accepted: int) -> str:
    failed = dict(row, last_error=answer)
    if row.get("fanout_id") is None:  # a message to one person alone: the notice of any failed message
        if row["kind"] != "delivery_failed":
            delivery_failed(ctx, failed)
        return "that member's own message failed for good: the coordinators told"
    if row["kind"] == "delivery_failed":  # a notice of a failure is not reported in turn
        return f"one copy of a coordinators' notice not delivered ({accepted} accepted)"
    who, about, _ = _told_keys(ctx, row)
    if notices.given_once(ctx.db, who, about):
        return f"one member's copy refused ({accepted} accepted): the coordinators were told of that member before"
    size_refusals.record(ctx.db, row["id"], size, limit, accepted)
    return f"one member's copy refused ({accepted} accepted): the item goes on, the coordinators told as the pass ends"
