"""What a closed vote does to the record: its decision, and, when it adopted a motion naming the
minutes of a meeting, the adoption of those minutes. Run when a vote closes, and at every tick
for votes closed before the record existed."""
from __future__ import annotations

from store import record as store_record
from workflows.record import decisions, minutes
from workflows.routing.context import Context


def vote_closed(ctx: Context, vote_id: int) -> int | None:
    """Record the closed vote's decision (once) and adopt the minutes it adopted; its number."""
    number = decisions.record_decision(ctx, vote_id)
    decision = store_record.get_decision(ctx.db, number) if number else None
    if decision is not None and decision["outcome"] == "adopted":
        for draft_id in decision["documents"]:
            minutes.adopt_by_vote(ctx, draft_id, vote_id)
    return number


def backfill(ctx: Context) -> int:
    """Record a decision for every closed vote that has none; return how many."""
    ids = store_record.closed_votes_without_decision(ctx.db)
    for vote_id in ids:
        vote_closed(ctx, vote_id)
    return len(ids)
