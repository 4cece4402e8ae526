"""Copies still waiting in the outbox when their item changes (a vote or a meeting cancelled, a
meeting moved) are withdrawn rather than sent late; those who got none of them are told nothing
of the change, since for them nothing was ever announced. A copy that was being handed over at
the moment of its withdrawal goes all the same: its member is told of the change at the next tick."""
from __future__ import annotations

from typing import Callable

from store import members as store_members
from store import outbox
from workflows.routing.context import Context

VOTE_COPIES = ("vote_ballot", "vote_reminder")
MEETING_COPIES = ("meeting_announce", "meeting_update", "meeting_reminder")
POLL_COPIES = ("poll_request", "poll_reminder")


def withdraw_waiting(ctx: Context, item_kind: str, item_id: int, kinds: tuple[str, ...], why: str) -> set[int]:
    """Withdraw the waiting copies of `kinds` for the item; return the members who now have had
    no copy of `kinds` for it at all: every one they were due was withdrawn, or failed (refused for
    its size, their address refused), none had gone."""
    outbox.withdraw(ctx.db, item_kind, item_id, kinds, why)
    return outbox.members_due(ctx.db, item_kind, item_id, kinds) - outbox.members_sent(ctx.db, item_kind, item_id, kinds)


def tell_those_it_reached(ctx: Context, kinds: tuple[str, ...], tell: Callable[[Context, dict, int], None]) -> None:
    """For each copy of `kinds` withdrawn while it was being handed over (it went all the same,
    so its member did see the item): `tell(ctx, member, item_id)` once per member and item, when
    the member is still active; then the copy reads as told."""
    told: set[tuple[int, int]] = set()
    for row in outbox.went_while_withdrawn(ctx.db, kinds):
        member = store_members.get(ctx.db, row["member_id"]) if row["member_id"] is not None else None
        if member is not None and member["active"] and (member["id"], row["item_id"]) not in told:
            told.add((member["id"], row["item_id"]))
            tell(ctx, member, row["item_id"])
        outbox.mark_change_told(ctx.db, row["id"])
