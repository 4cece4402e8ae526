"""Copies still waiting in the outbox when their item changes (a vote or a meeting cancelled, a
meeting moved) are withdrawn rather than sent late; those who got none of them are told nothing
of the change, since for them nothing was ever announced."""
from __future__ import annotations

from store import outbox
from workflows.routing.context import Context

VOTE_COPIES = ("vote_ballot", "vote_reminder")
MEETING_COPIES = ("meeting_announce", "meeting_update", "meeting_reminder")


def withdraw_waiting(ctx: Context, item_kind: str, item_id: int, kinds: tuple[str, ...], why: str) -> set[int]:
    """Withdraw the waiting copies of `kinds` for the item; return the members who now have had
    no copy of `kinds` for it at all (every one they were due was withdrawn, none had gone)."""
    withdrawn = set(outbox.withdraw(ctx.db, item_kind, item_id, kinds, why))
    if not withdrawn:
        return set()
    return withdrawn - outbox.members_sent(ctx.db, item_kind, item_id, kinds)
