"""A date poll's copies (the poll and its reminder) still waiting in a paced outbox when the poll
ends: withdrawn, never sent late.

- The meeting is cancelled while polling: the waiting copies are withdrawn; each member who got a
  copy (or whose copy was being handed over) is told the meeting is cancelled and their answer is
  no longer needed (`poll_cancel`, no calendar file: nothing was in their calendar); a member
  who never got one hears nothing, since for them nothing was ever asked.
- The poll is closed, a date chosen (or none): the waiting copies are withdrawn too (an answer
  would only be told "closed"); the whole audience gets the announcement of the date, which
  tells those who had the poll what was decided.
"""
from __future__ import annotations

from store import meetings as store_meetings
from store import members as store_members
from store import outbox
from workflows.meetings.views import view
from workflows.routing.context import Context
from workflows.sending.withdrawal import POLL_COPIES, tell_those_it_reached, withdraw_waiting


def withdraw_at_close(ctx: Context, poll_id: int) -> None:
    """The poll closes: its copies still waiting are withdrawn (see the module doc)."""
    withdraw_waiting(ctx, "poll", poll_id, POLL_COPIES, "the date poll was closed")


def cancelled_while_polling(ctx: Context, meeting: dict) -> int:
    """The meeting (just cancelled, never announced) had a date poll: its waiting copies are
    withdrawn and each active member who got one is sent `poll_cancel`; return how many."""
    poll = store_meetings.poll_of_meeting(ctx.db, meeting["id"])
    if poll is None:
        return 0
    withdraw_waiting(ctx, "poll", poll["id"], POLL_COPIES, "the meeting was cancelled")
    told = 0
    with ctx.fanout():
        for member_id in sorted(outbox.members_sent(ctx.db, "poll", poll["id"], POLL_COPIES)):
            member = store_members.get(ctx.db, member_id)
            if member is not None and member["active"]:
                ctx.send(member, "poll_cancel", meeting=view(meeting))
                told += 1
    return told


def tell_polls_that_went(ctx: Context) -> None:
    """Tick: a poll copy withdrawn while it was being handed over went all the same; when its
    meeting was cancelled before any announcement, its member gets `poll_cancel` (once). (One
    withdrawn by the poll's close needs nothing: its member gets the announcement.)"""
    def tell(ctx: Context, member: dict, poll_id: int) -> None:
        poll = store_meetings.get_poll(ctx.db, poll_id)
        meeting = store_meetings.get_meeting(ctx.db, poll["meeting_id"]) if poll else None
        if meeting is not None and meeting["state"] == "cancelled" and meeting["announced_at"] is None:
            ctx.send(member, "poll_cancel", meeting=view(meeting))
    tell_those_it_reached(ctx, POLL_COPIES, tell)
