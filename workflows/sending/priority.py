"""Which message goes first when the sending budget is short (lower goes first).

0. ANSWER: the coordinator's (or member's) own confirmation or refusal of what they asked, and a
   coordinator's notice that a fan-out they answer for will take long (`fanout_started`);
1. DEADLINE: what carries a deadline or a date: ballots, drafts, polls, reminders, meeting news;
2. NOTICE: receipts, results, digests, notices and everything else.
Within one priority, the oldest goes first.
"""
from __future__ import annotations

ANSWER, DEADLINE, NOTICE = 0, 1, 2

_BY_KIND = {
    **dict.fromkeys((
        "vote_confirmation", "vote_open_refused", "draft_confirmation", "draft_refused",
        "draft_too_large", "meeting_created", "meeting_problem", "meeting_admin_answer", "announce_scheduled", "poll_chosen",
        "fanout_started", "not_coordinator", "not_understood", "forward_unknown", "too_large_for_provider",
    ), ANSWER),
    **dict.fromkeys((
        "vote_ballot", "vote_reminder", "vote_cancelled", "draft_circulation", "draft_new_version",
        "draft_reminder", "draft_deadline_moved", "draft_withdrawn", "poll_request", "poll_reminder",
        "meeting_announce", "meeting_reminder", "meeting_update", "meeting_cancel", "poll_cancel",
    ), DEADLINE),
}


def priority_of(kind: str) -> int:
    """The sending priority of a message kind (its template's name); NOTICE when not listed."""
    return _BY_KIND.get(kind, NOTICE)
