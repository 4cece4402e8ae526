"""The end of a vote: reminders to non-voters, the close and its result, cancellation, status.

`close_vote` and `cancel_vote` are the one way a vote ends, whether the close timer fell due,
the coordinator replied CLOSE / CANCEL, or `convenor votes close|cancel` ran: each runs inside
the caller's transaction and queues its messages in the outbox, so a restart at the close
time finds the vote already closed (or the timer still pending) and never announces twice.
"""
from __future__ import annotations

from datetime import datetime

from store import members as store_members
from store import raw_removals
from store import timers
from store import votes as store_votes
from store.times import to_db
from workflows.membership.leave import on_leave
from workflows.routing.context import Context
from workflows.sending import fanout
from workflows.sending.withdrawal import VOTE_COPIES, tell_those_it_reached, withdraw_waiting
from workflows.votes.ranked import count_ranked
from workflows.votes.rules import RANKED
from workflows.votes.wording import choice_label, language_of, option_views, reference, result_view
from workflows.votes.tally import count, is_yes_no

TOO_LARGE = "too large for the mail provider"  # how a vote whose ballots were refused for size ended
REDACTED_CLARIFICATION = ("A request to clarify a vote in a secret ballot. The ballot has closed and, as the "
                          "network's rules require, what this request quoted was erased from Convenor's store.\n")
REDACTED_RECEIPT = ("Receipt of a vote in a secret ballot. The ballot has closed and, as the network's "
                    "rules require, the choice it recorded was erased from Convenor's store.\n")


def remind(ctx: Context, timer_row: dict) -> str:
    """Remind each eligible member who has not voted yet (and is still active) of an open vote."""
    vote = store_votes.get(ctx.db, timer_row["item_id"])
    if vote is None or vote["state"] != "open":
        return "skipped: the vote is no longer open"
    if vote["closes_at"] <= ctx.now:
        return "skipped: stale reminder, the closing time has come"
    later_due = [t for t in timers.pending_for(ctx.db, "vote.reminder", vote["id"])
                 if to_db(timer_row["due_at"]) < t["due_at"] <= to_db(ctx.now)]
    if later_due:
        return "skipped: a later reminder for this vote is also due"
    voted = store_votes.voter_ids(ctx.db, vote["id"])
    first = len(ctx.queued)
    with ctx.fanout():
        for elector in store_votes.electorate(ctx.db, vote["id"]):
            if elector["id"] in voted or not elector["active"] or on_leave(elector, ctx.now, ctx.rules.network.timezone):
                continue
            lang = language_of(elector, ctx.rules.network.default_language)
            ctx.send(elector, "vote_reminder", token=elector["ballot_token"], vote=vote, ref=reference(vote, lang),
                     options=option_views(vote, lang, ctx.list_address, elector["ballot_token"]),
                     yes_no=is_yes_no(vote["options"]))
    rows = ctx.queued[first:]
    return f"{reference(vote)}: reminder sent to {len(rows)} member(s) who had not voted" + _tell(ctx, vote, rows,
                                                                                                  "reminder")


def _tell(ctx: Context, vote: dict, rows: list[int], what: str) -> str:
    """`fanout.tell_if_paced` for the vote's copies `rows`, told to the coordinator who opened it."""
    return fanout.tell_if_paced(ctx, fanout.responsible(ctx, vote["opened_by"]), reference(vote), rows, what)


def close_on_time(ctx: Context, timer_row: dict) -> str:
    """Close the vote when its closing time comes (nothing to do if it already ended); `how` is
    the timer's payload's ("command line" for a close typed early), else "deadline"."""
    vote = store_votes.get(ctx.db, timer_row["item_id"])
    if vote is None or vote["state"] != "open":
        return "skipped: the vote had already ended"
    how = (timer_row.get("payload") or {}).get("how", "deadline")
    return close_vote(ctx, vote["id"], how=how, at=min(vote["closes_at"], ctx.now))


def close_when_read(ctx: Context, vote_id: int, how: str) -> tuple[str, datetime]:
    """Record a close asked for at `ctx.now` (the command line): the vote's closing time becomes
    that moment and its close timer falls due then. Whoever runs the timer has read the mailbox
    first (the daemon takes mail before timers), so every vote that reached the mailbox before
    the close counts, and one that arrived after it is late (its sender is told). Return the
    timer's kind. A close typed again later changes nothing: the first moment stands."""
    at = min(ctx.now, store_votes.get(ctx.db, vote_id)["closes_at"])
    store_votes.set_closes_at(ctx.db, vote_id, at)
    timers.cancel(ctx.db, "vote.reminder", vote_id)
    timers.schedule(ctx.db, "vote.close", vote_id, at, {"how": how})
    return "vote.close", at


def close_vote(ctx: Context, vote_id: int, *, how: str, at: datetime | None = None) -> str:
    """Close an open vote as at `at` (default now; its deadline when the timer closes it, so a
    daemon that was down over the close counts, dates and judges leave as at the deadline):
    count it, announce the result, erase secret choices.

    The result goes to every active member of the electorate who is not a coordinator
    (`vote_result`) and to every active coordinator (`vote_result_roll`, with who voted what
    unless the ballot is secret): one message per recipient. Returns the outcome for the record.
    """
    vote = store_votes.get(ctx.db, vote_id)
    if vote is None or vote["state"] != "open":
        return f"Vote {vote_id} is not open; nothing done"
    electors = store_votes.electorate(ctx.db, vote_id)
    current = store_votes.choices(ctx.db, vote_id)
    at = at or ctx.now
    away = [e for e in electors if on_leave(e, at, ctx.rules.network.timezone)]
    outside = {e["id"] for e in away} - {c["member_id"] for c in current} if ctx.rules.votes.leave_outside_quorum else set()
    result = count_vote(vote, electors, current, outside_quorum=len(outside))
    result["away"] = [e["name"] for e in away]
    result["away_outside_quorum"] = bool(outside)
    store_votes.finish(ctx.db, vote_id, "closed", how, result, at)
    timers.cancel_item(ctx.db, ["vote.reminder", "vote.close"], vote_id)
    vote = store_votes.get(ctx.db, vote_id)
    voted = {c["member_id"] for c in current}
    coordinators = store_members.coordinators(ctx.db)
    coordinator_ids = {c["id"] for c in coordinators}
    first = len(ctx.queued)
    with ctx.fanout():
        for elector in electors:
            if elector["active"] and elector["id"] not in coordinator_ids:
                lang = language_of(elector, ctx.rules.network.default_language)
                ctx.send(elector, "vote_result", vote=vote, ref=reference(vote, lang), result=result_view(vote, lang),
                         you_voted=elector["id"] in voted, codes=receipt_codes(vote, current, lang))
    results = ctx.queued[first:]
    with ctx.fanout():
        for coordinator in coordinators:
            lang = language_of(coordinator, ctx.rules.network.default_language)
            roll = None
            if not vote["secret"]:
                by_member = {c["member_id"]: c for c in current}
                roll = [{"name": e["name"], "choice": choice_label(vote, by_member[e["id"]], lang)
                         if e["id"] in by_member else None} for e in electors]
            ctx.send(coordinator, "vote_result_roll", vote=vote, ref=reference(vote, lang),
                     result=result_view(vote, lang), roll=roll,
                     voters=sorted(e["name"] for e in electors if e["id"] in voted),
                     silent=[e["name"] for e in electors if e["id"] not in voted], how=how,
                     codes=receipt_codes(vote, current, lang))
    if vote["secret"]:
        store_votes.erase_choices(ctx.db, vote_id, REDACTED_RECEIPT)
        store_votes.erase_clarifications(ctx.db, vote_id, REDACTED_CLARIFICATION)
        raw_removals.request_for_vote(ctx.db, vote_id, f"{reference(vote)}: secret ballot closed", ctx.now)
    from workflows.record.outcomes import vote_closed
    vote_closed(ctx, vote_id)  # the decision joins the record
    return (f"{reference(vote)} closed ({how}): {result['voted']}/{result['eligible']} voted, "
            f"outcome {result['outcome']}") + _tell(ctx, vote, results, "result")


def receipt_codes(vote: dict, current: list[dict], lang: str) -> list[dict] | None:
    """A secret ballot's published check: every receipt code with the choice counted for it, by code.

    No names: each voter finds their own code from their receipt. None for an open ballot.
    """
    if not vote["secret"]:
        return None
    return sorted(({"code": c["receipt_code"], "choice": choice_label(vote, c, lang)}
                   for c in current if c["receipt_code"]), key=lambda row: row["code"])


def count_vote(vote: dict, electors: list[dict], current: list[dict], *, outside_quorum: int = 0) -> dict:
    """The vote's result under its own rule, from its frozen electorate and current choices.

    `outside_quorum` members (on leave and silent) are left out of the quorum's denominator only."""
    quorum_base = len(electors) - outside_quorum
    if vote["pass_rule"] == RANKED:
        return count_ranked(vote["options"], [c["ranking"] or [] for c in current], len(electors),
                            vote["quorum_percent"], vote["seats"], seed=vote["id"], quorum_base=quorum_base)
    return count(vote["options"], [c["choice"] for c in current], len(electors), vote["quorum_percent"],
                 vote["pass_rule"], abstentions=vote["abstentions"], quorum_base=quorum_base)


def cancel_vote(ctx: Context, vote_id: int, *, how: str, at: datetime | None = None,
                told_already: set[int] = frozenset()) -> str:
    """Cancel an open vote as at `at` (default now: when the coordinator's CANCEL arrived): no
    result; ballots and reminders still waiting in the outbox are withdrawn; the electorate
    (but a member whose ballot never went) and the coordinators are told, once each (but the
    members `told_already` by another message; when `how` is `TOO_LARGE`, only the electors
    who had a ballot: the others never heard of it)."""
    vote = store_votes.get(ctx.db, vote_id)
    if vote is None or vote["state"] != "open":
        return f"Vote {vote_id} is not open; nothing done"
    store_votes.finish(ctx.db, vote_id, "cancelled", how, None, at or ctx.now)
    timers.cancel_item(ctx.db, ["vote.reminder", "vote.close"], vote_id)
    vote = store_votes.get(ctx.db, vote_id)
    never_had_one = withdraw_waiting(ctx, "vote", vote_id, VOTE_COPIES, "the vote was cancelled")
    recipients = {e["id"]: e for e in store_votes.electorate(ctx.db, vote_id)
                  if e["active"] and e["id"] not in never_had_one}
    if how != TOO_LARGE:
        recipients.update({c["id"]: c for c in store_members.coordinators(ctx.db)})
    first = len(ctx.queued)
    with ctx.fanout():
        for member in recipients.values():
            if member["id"] not in told_already:
                _tell_cancelled(ctx, member, vote)
    told = len(ctx.queued) - first  # not those told already (a notice of its own)
    if vote["secret"]:
        store_votes.erase_choices(ctx.db, vote_id, REDACTED_RECEIPT)
    return f"{reference(vote)} cancelled ({how}); {told} member(s) told" + _tell(
        ctx, vote, ctx.queued[first:], "cancel")


def oversize_stopped(ctx: Context, vote_id: int, went: int, kind: str) -> tuple[int | None, str, str | None]:
    """The fan-out of the vote's `kind` copies stopped, too large for the mail provider
    (`workflows.sending.oversize`). Ballots stopped: some of the electorate never got one, so no
    fair result can come of it; the vote is cancelled (`TOO_LARGE`: no reminder, no result; the
    electors who had a ballot are told why) and whoever answers for it learns it from the notice.
    A reminder stopped changes nothing: every elector has their ballot. Returns its opener, what
    became of it ("cancelled", or "") and its title."""
    vote = store_votes.get(ctx.db, vote_id)
    if vote is None:
        return None, "", None
    if kind != "vote_ballot" or vote["state"] != "open":
        return vote["opened_by"], "", vote["title"]
    told = {m["id"] for m in fanout.responsible(ctx, vote["opened_by"])}
    cancel_vote(ctx, vote_id, how=TOO_LARGE, told_already=told)
    return vote["opened_by"], "cancelled", vote["title"]


def _tell_cancelled(ctx: Context, member: dict, vote: dict) -> None:
    lang = language_of(member, ctx.rules.network.default_language)
    ctx.send(member, "vote_cancelled", vote=vote, ref=reference(vote, lang), how=vote["closed_how"])


def tell_ballots_that_went(ctx: Context) -> None:
    """Tick: a ballot or reminder withdrawn by a cancellation while it was being handed over
    went all the same; its member is told of the cancellation too (once)."""
    def tell(ctx: Context, member: dict, vote_id: int) -> None:
        vote = store_votes.get(ctx.db, vote_id)
        if vote is not None and vote["state"] == "cancelled":
            _tell_cancelled(ctx, member, vote)
    tell_those_it_reached(ctx, VOTE_COPIES, tell)


def send_closed_notice(ctx: Context, vote: dict, member: dict, *, in_reply_to: str | None) -> None:
    """Tell a member who wrote after the end that the vote is closed (with its result) or cancelled."""
    lang = language_of(member, ctx.rules.network.default_language)
    ctx.send(member, "vote_closed", vote=vote, ref=reference(vote, lang),
             result=result_view(vote, lang) if vote["state"] == "closed" else None, in_reply_to=in_reply_to)



def votes_status(db, now: datetime, when) -> dict:
    """Open votes with turnout (and tallies unless secret), and the ten latest ended ones (`when`
    writes a date for the reader: the network's zone, named)."""
    open_lines, items = [], []
    for vote in store_votes.latest(db, ended=10):
        eligible = len(store_votes.electorate(db, vote["id"]))
        current = store_votes.choices(db, vote["id"])
        tallies = None
        if vote["state"] == "closed":
            tallies = (vote["result"] or {}).get("tallies")
        elif vote["state"] == "open" and not vote["secret"]:
            tallies = count(vote["options"], [c["choice"] for c in current], eligible, 0, "majority")["tallies"]
        item = {"ref": reference(vote), "title": vote["title"], "state": vote["state"], "secret": vote["secret"],
                "eligible": eligible, "voted": len(current), "closes_at": vote["closes_at"],
                "options": vote["options"],
                "tallies": dict(zip(vote["options"], tallies)) if tallies is not None else None,
                "outcome": (vote["result"] or {}).get("outcome")}
        if vote["state"] == "open":
            shown = ", ".join(f"{k} {v}" for k, v in item["tallies"].items()) if item["tallies"] else "secret ballot"
            open_lines.append({"line": f"{item['ref']} “{vote['title']}”: {len(current)}/{eligible} voted "
                                       f"({shown}); closes {when(vote['closes_at'])}"})
            items.append(item)
        elif len(items) < 10 + len(open_lines):
            items.append(item)
    return {"open": open_lines, "votes": items}
