"""Opening a vote by email and sending its ballots.

`[Vote] Title` (French `[Scrutin]`) from a coordinator opens a vote: the electorate (active core
members, or the core members of a sub-committee) is frozen, each gets a ballot with a personal
token, and the coordinator a confirmation whose token accepts CLOSE and CANCEL. A vote whose
ballots the sending budget cannot get out well before its close is refused, with the earliest
workable close. Replies to ballots and to the confirmation are read in `workflows.votes.replies`;
closing, cancelling, reminders and the status live in `workflows.votes.closing`.
"""
from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from mailer.message import InboundMail
from store import members as store_members
from store import timers
from store import tokens as store_tokens
from store import votes as store_votes
from store.times import from_db
from workflows.routing.context import Context, as_written
from workflows.sending import estimate, fanout
from workflows.sending.priority import DEADLINE
from workflows.votes import rules
from workflows.votes.request import read_request
from workflows.votes.wording import option_views, reference, language_of
from workflows.votes.tally import is_yes_no


def open_vote(ctx: Context, mail: InboundMail, member: dict) -> str:
    """Open the vote a coordinator sent, or tell the sender politely why it was not opened."""
    request = read_request(mail.subject, as_written(mail, mail.new_text), ctx.rules.votes, ctx.rules.network.timezone,
                           ctx.arrival(mail), ctx.rules.network.date_order)
    electors: list[dict] = []
    request.problems += rules.check_combination(request.pass_rule, is_yes_no(request.options), request.seats,
                                                len(request.options))
    if not request.problems:
        try:
            electors = [m for m in store_members.audience(ctx.db, "core" if request.electorate == "core"
                                                          else "subcommittee", request.subcommittee)
                        if m["role"] == "core"]
        except store_members.MembershipError as exc:
            request.problems.append(str(exc))
        else:
            if not electors:
                request.problems.append("nobody would receive a ballot: that electorate has no active core member")
    budget = None
    if not request.problems:
        budget = _budget_problem(ctx, len(electors), request.closes_at)
    if request.problems or budget:
        ctx.send(member, "vote_open_refused", problems=request.problems, budget=budget,
                 original_subject=mail.subject, in_reply_to=mail.message_id or None)
        return f"vote not opened: {len(request.problems) + bool(budget)} problem(s) reported to the coordinator"
    vote_id = store_votes.create(
        ctx.db, title=request.title, motion=request.motion, options=request.options,
        electorate=request.electorate, subcommittee=request.subcommittee,
        quorum_percent=request.quorum_percent, pass_rule=request.pass_rule, secret=request.secret,
        opened_by=member["id"], closes_at=request.closes_at, message_id=mail.message_id, now=ctx.now,
        abstentions=request.abstentions, seats=request.seats)
    vote = store_votes.get(ctx.db, vote_id)
    first_row = len(ctx.queued)
    with ctx.fanout():
        for elector in electors:
            send_ballot(ctx, vote, elector, opener=member, called=len(electors))
    timers.schedule(ctx.db, "vote.close", vote_id, vote["closes_at"])
    for days in ctx.rules.votes.reminder_days_before:
        due = vote["closes_at"] - timedelta(days=days)
        if due > ctx.now:
            timers.schedule(ctx.db, "vote.reminder", vote_id, due, {"days_before": days})
    send_confirmation(ctx, vote, member, ballots=len(electors), in_reply_to=mail.message_id or None,
                      last_copy_at=fanout.paced(ctx, member, reference(vote), ctx.queued[first_row:],
                                                    told_by="vote_confirmation"))
    return f"{reference(vote)} opened: {len(electors)} ballot(s) queued"


def _budget_problem(ctx: Context, ballots: int, closes_at) -> dict | None:
    """Why the sending budget cannot get every ballot out well before the close, or None."""
    last = estimate.last_copy_at(ctx, DEADLINE, extra=ballots + 1)  # + the confirmation, sent first
    if not estimate.too_late(ctx.now, last, closes_at):
        return None
    earliest = estimate.earliest_workable_close(ctx.now, last)
    earliest = earliest.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    local = earliest.astimezone(ZoneInfo(ctx.rules.network.timezone))
    return {"ballots": ballots, "last_ballot_at": last, "earliest_close": earliest,
            "earliest_close_line": local.strftime("%Y-%m-%d %H:%M"),
            "per_day": ctx.rules.sending.per_day, "per_minute": ctx.rules.sending.per_minute}


def send_ballot(ctx: Context, vote: dict, elector: dict, *, opener: dict | None, resent: bool = False,
                called: int | None = None) -> None:
    """Queue the member's ballot (freezing them into the electorate): motion, options, links, close, rule.

    `called` is how many members are called to vote (the frozen electorate when not given)."""
    lang = language_of(elector, ctx.rules.network.default_language)
    link_token = store_votes.ballot_token(ctx.db, vote["id"], elector["id"])
    if link_token is None:  # one token for the ballot: its Reply-To, its Message-ID and its links
        link_token = store_tokens.issue(ctx.db, elector["id"], "vote", vote["id"], ctx.now)
        store_votes.add_elector(ctx.db, vote["id"], elector["id"], link_token)
    ctx.send(elector, "vote_ballot", token=link_token, vote=vote, ref=reference(vote, lang),
             options=option_views(vote, lang, ctx.list_address, link_token), yes_no=is_yes_no(vote["options"]),
             opener=opener, resent=resent,
             called=called if called is not None else len(store_votes.electorate(ctx.db, vote["id"])))


def send_confirmation(ctx: Context, vote: dict, coordinator: dict, *, ballots: int, unclear: str = "",
                      in_reply_to: str | None = None, last_copy_at=None) -> None:
    """Queue the coordinator's confirmation; replying CLOSE or CANCEL to it acts on the vote."""
    lang = language_of(coordinator, ctx.rules.network.default_language)
    ctx.send(coordinator, "vote_confirmation", reply_for=("vote-admin", vote["id"]), vote=vote,
             ref=reference(vote, lang), options=option_views(vote, lang), ballots=ballots,
             unclear=unclear, in_reply_to=in_reply_to, last_copy_at=last_copy_at)



# --- what a vote is, for `convenor inspect` and STATUS -------------------------------------------

def describe_vote(db, vote_id: int) -> dict:
    """The vote for `convenor inspect`: kind, id, ref, title, options, state, closes_at."""
    vote = store_votes.get(db, vote_id)
    if vote is None:
        return {"kind": "vote", "id": vote_id, "ref": f"Vote {vote_id}", "title": None, "options": []}
    return {"kind": "vote", "id": vote_id, "ref": reference(vote), "title": vote["title"],
            "options": vote["options"], "state": vote["state"], "closes_at": vote["closes_at"]}


def describe_vote_admin(db, vote_id: int) -> dict:
    """A reply to a vote's confirmation (CLOSE / CANCEL), for `convenor inspect`."""
    vote = store_votes.get(db, vote_id)
    return {"kind": "vote-admin", "id": vote_id, "ref": reference(vote) if vote else f"Vote {vote_id}",
            "title": vote["title"] if vote else None}


def member_open_votes(db, member: dict, now) -> list[dict]:
    """Open votes this member may vote in, and whether they voted (STATUS by email)."""
    return [{"kind": "vote", "ref": f"Vote {v['id']}", "title": v["title"],
             "when": from_db(v["closes_at"]), "answered": bool(v["answered"])}
            for v in store_votes.open_for_member(db, member["id"])]
