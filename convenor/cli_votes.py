"""`convenor votes list|show REF|close REF|cancel REF|export REF [--to FILE]`.

`close` and `cancel` run the same workflow functions as the close timer and the coordinator's
CLOSE / CANCEL reply, inside one store transaction at the current time; the messages they
queue are sent by the running daemon (or by the next `convenor run`).
"""
from __future__ import annotations

import sys
from pathlib import Path

from convenor import cli_common as common
from convenor.exports import private_file, write_csv
from store import votes as store_votes
from workflows.votes.wording import ranking_label


def _find(db, ref: str) -> dict:
    """The vote a reference names: "Vote 7", "vote7", "[Scrutin 7]", "#7" or "7" (UsageError if none)."""
    return common.existing_item(ref, ("vote", "scrutin"), "Vote 7", "Vote", lambda n: store_votes.get(db, n))


def _summary(db, vote: dict) -> dict:
    eligible = len(store_votes.electorate(db, vote["id"]))
    voted = len(store_votes.voter_ids(db, vote["id"]))
    return {"ref": f"Vote {vote['id']}", "title": vote["title"], "state": vote["state"], "secret": vote["secret"],
            "options": vote["options"], "electorate": vote["electorate"], "subcommittee": vote["subcommittee"],
            "quorum_percent": vote["quorum_percent"], "pass_rule": vote["pass_rule"],
            "abstentions": vote["abstentions"], "seats": vote["seats"],
            "opened_at": vote["opened_at"], "closes_at": vote["closes_at"], "closed_at": vote["closed_at"],
            "closed_how": vote["closed_how"], "eligible": eligible, "voted": voted, "result": vote["result"]}


def cmd_list(args) -> int:
    """Print the open votes and the ten latest ended (every vote with --all), newest first:
    reference, state, turnout, closing time (or --json)."""
    db = common.open_db(args)
    votes = store_votes.all_votes(db) if args.all else store_votes.latest(db, ended=10)
    rows = [_summary(db, v) for v in votes]
    zone = common.zone(args)

    def line(r: dict) -> str:
        outcome = f", {r['result']['outcome']}" if r["result"] else ""
        return (f"{r['ref']}  {r['state']}{outcome}  {r['voted']}/{r['eligible']} voted  "
                f"closes {common.when(r['closes_at'], zone)}  {r['title']}{'  (secret)' if r['secret'] else ''}")

    return common.print_list(rows, args.json, line, "vote")


def cmd_show(args) -> int:
    """Print one vote: its settings, turnout, tallies (not while a secret ballot is open), result."""
    db = common.open_db(args)
    vote = _find(db, args.ref)
    summary = _summary(db, vote)
    if vote["state"] == "open" and not vote["secret"]:
        tallies = [0] * len(vote["options"])
        for c in store_votes.choices(db, vote["id"]):
            tallies[c["choice"]] += 1
        summary["tallies"] = dict(zip(vote["options"], tallies))
    elif vote["result"]:
        summary["tallies"] = dict(zip(vote["options"], vote["result"]["tallies"]))
    else:
        summary["tallies"] = None
    summary["motion"] = vote["motion"]
    if args.json:
        common.print_json(summary)
        return 0
    print(f"{summary['ref']}: {vote['title']}  [{vote['state']}]")
    print(f"Electorate: {'sub-committee ' + vote['subcommittee'] if vote['subcommittee'] else 'core members'}"
          f"  ({summary['eligible']} ballots)")
    print(f"Options: {', '.join(vote['options'])}")
    print(f"Quorum {vote['quorum_percent']:g}%, pass rule {vote['pass_rule']}, abstentions {vote['abstentions']}, secret: {'yes' if vote['secret'] else 'no'}")
    zone = common.zone(args)
    print(f"Opened {common.when(vote['opened_at'], zone)}; closes {common.when(vote['closes_at'], zone)}"
          + (f"; ended {common.when(vote['closed_at'], zone)} ({vote['closed_how']})" if vote["closed_at"] else ""))
    print(f"Turnout: {summary['voted']}/{summary['eligible']}")
    if summary["tallies"] is not None:
        print("Tallies: " + ", ".join(f"{k} {v}" for k, v in summary["tallies"].items()))
    elif vote["secret"] and vote["state"] == "open":
        print("Tallies: hidden while the secret ballot is open")
    if vote["result"]:
        print(f"Outcome: {vote['result']['outcome']} (quorum {'met' if vote['result']['quorum_met'] else 'not met'})")
        if vote["result"].get("winners"):  # a ranked election: who, in order of election
            print("Elected: " + ", ".join(vote["options"][i] for i in vote["result"]["winners"]))
    print()
    print(vote["motion"])
    return 0


def _open_vote(ctx, ref: str) -> dict:
    vote = _find(ctx.db, ref)
    if vote["state"] != "open":
        raise common.UsageError(f"Vote {vote['id']} is already {vote['state']}")
    return vote


def cmd_close(args) -> int:
    """Close an open vote as at now: the votes that reached the mailbox before this moment are
    read first and count (see convenor.cli_closing); then the result is queued for the
    electorate and coordinators."""
    from convenor.cli_closing import close_after_reading
    from workflows.votes import closing as vote_close

    vote = _open_vote(common.context(args), args.ref)
    return close_after_reading(args, lambda c: vote_close.close_when_read(c, vote["id"], how="command line"),
                               lambda db: store_votes.get(db, vote["id"])["state"] != "open", vote["id"], f"Vote {vote['id']}", f"convenor votes show {vote['id']}")


def cmd_cancel(args) -> int:
    """Cancel an open vote: no result; the electorate and coordinators are told."""
    from workflows.votes import closing as vote_close

    ctx = common.context(args)
    vote = _open_vote(ctx, args.ref)
    return common.act(ctx, lambda c: vote_close.cancel_vote(c, vote["id"], how="command line"))


EXPORT_FIELDS = ["vote", "title", "state", "member", "email", "ballot_sent", "voted", "choice", "voted_at",
                 "votes_sent", "unreadable_replies", "late_replies", "ranking", "ranking_numbers"]


def cmd_export(args) -> int:
    """Write the audit CSV of a vote: one row per member called to vote.

    The choice column is left empty for a secret ballot (open or closed): the audit keeps who
    voted and when, never how. In a ranked election `choice` is the first preference, `ranking` the
    whole ranking as labels ("Kwame Asante > Lea Roy") and `ranking_numbers` the options' numbers
    ("2 > 3"); both are empty for secret ballots and other votes. A file is written 0600; cells
    that look like formulas are neutralised.
    """
    db = common.open_db(args)
    vote = _find(db, args.ref)
    current = {c["member_id"]: c for c in store_votes.choices(db, vote["id"])}
    events = store_votes.event_counts(db, vote["id"])
    out = private_file(args.to) if args.to else sys.stdout
    rows = []
    try:
        for member in store_votes.electorate(db, vote["id"]):
            c = current.get(member["id"])
            choice = "" if vote["secret"] or c is None or c["choice"] is None else vote["options"][c["choice"]]
            ranking = [] if vote["secret"] or c is None or not c["ranking"] else c["ranking"]
            rows.append({
                "vote": f"Vote {vote['id']}", "title": vote["title"], "state": vote["state"],
                "member": member["name"], "email": member["email"], "ballot_sent": vote["opened_at"],
                "voted": "yes" if c else "no", "choice": choice, "voted_at": c["voted_at"] if c else "",
                "votes_sent": events.get((member["id"], "vote"), 0),
                "unreadable_replies": events.get((member["id"], "ambiguous"), 0),
                "late_replies": events.get((member["id"], "late"), 0),
                "ranking": ranking_label(vote, ranking) if ranking else "",
                "ranking_numbers": " > ".join(str(i + 1) for i in ranking)})
        write_csv(out, EXPORT_FIELDS, rows)
    finally:
        if args.to:
            out.close()
    if args.to:
        print(f"wrote {Path(args.to)}", file=sys.stderr)
    return 0


def add_commands(subparsers) -> None:
    """Add `convenor votes …` to the command line."""
    p = subparsers.add_parser("votes", help="votes: list, show, close, cancel, export")
    sub = p.add_subparsers(dest="votes_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("list", help="open votes and the ten latest ended, newest first (--all: every vote)")
    q.add_argument("--all", action="store_true")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)
    q = sub.add_parser("show", help="one vote: settings, turnout, tallies, result")
    q.add_argument("ref", help='the vote, e.g. "Vote 7" or 7')
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)
    q = sub.add_parser("close", help="close an open vote as at now, once the votes waiting in the mailbox are read, and queue its result")
    q.add_argument("ref")
    q.set_defaults(func=cmd_close)
    q = sub.add_parser("cancel", help="cancel an open vote (no result)")
    q.add_argument("ref")
    q.set_defaults(func=cmd_cancel)
    q = sub.add_parser("export", help="the audit CSV of a vote (no choices for secret ballots)")
    q.add_argument("ref")
    q.add_argument("--to", metavar="FILE", help="write to FILE instead of standard output")
    q.set_defaults(func=cmd_export)
