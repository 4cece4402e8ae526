"""`convenor decisions list|show|export`, `convenor actions list|show|done` and
`convenor attendance`: the network's record from the command line.

Reading commands first record any closed vote that has no decision yet (as the daemon's tick
does), so the record is complete even before the daemon ran. `actions done` runs the same
workflow as the owner's DONE reply, inside one store transaction; the messages it queues are
sent by the running daemon (or the next `convenor run`).
"""
from __future__ import annotations

import sys
from zoneinfo import ZoneInfo

from convenor import cli_common as common
from convenor import exports
from store import record as store_record
from store.db import transaction
from workflows.record import actions as record_actions
from workflows.record import attendance, decisions, outcomes
from workflows.routing.context import Context

DECISION_FIELDS = ["number", "decided_at", "vote", "title", "outcome", "tallies", "voted", "eligible",
                   "turnout_percent", "quorum_met", "pass_rule", "quorum_percent", "secret", "documents", "motion"]


def _context(args) -> Context:
    ctx = common.context(args)
    with transaction(ctx.db):
        outcomes.backfill(ctx)
    return ctx


def _decision_row(ctx: Context, decision: dict) -> dict:
    v = decisions.view(ctx.db, decision, ctx.rules.network.default_language)
    return {"number": v["number"], "decided_at": v["decided_at"], "vote": v["vote"], "title": v["title"],
            "outcome": v["outcome"], "tallies": {r["label"]: r["count"] for r in v["rows"]}, "voted": v["voted"],
            "eligible": v["eligible"], "turnout_percent": v["turnout_percent"], "quorum_met": v["quorum_met"],
            "pass_rule": v["rule"]["pass_rule"], "quorum_percent": v["rule"]["quorum_percent"],
            "secret": v["secret"], "documents": [d["ref"] for d in v["documents"]], "motion": v["motion"]}


def cmd_decisions_list(args) -> int:
    """Print the decisions, newest first (all, or those matching words or a year)."""
    ctx = _context(args)
    query = " ".join(args.query or [])
    found, total = decisions.search(ctx.db, query, ctx.rules.network.timezone) if query else \
        (store_record.decisions(ctx.db), None)
    rows = [_decision_row(ctx, d) for d in found]
    zone = ctx.rules.network.timezone
    return common.print_list(rows, args.json, lambda r: (
        f"Decision {r['number']}  {common.day(r['decided_at'], zone)}  Vote {r['vote']}  {r['outcome']}  {r['title']}"),
        "decision")


def _decision(ctx: Context, ref: str) -> dict:
    return common.existing_item(ref, ("decision", "décision"), "Decision 4", "Decision",
                                lambda n: store_record.get_decision(ctx.db, n))


def cmd_decisions_show(args) -> int:
    """Print one decision: motion, rule, tallies, outcome, documents."""
    ctx = _context(args)
    row = _decision_row(ctx, _decision(ctx, args.ref))
    if args.json:
        common.print_json(row)
        return 0
    print(f"Decision {row['number']}: {row['title']}  (Vote {row['vote']}, {common.when(row['decided_at'], ctx.rules.network.timezone)})")
    print(f"Outcome: {row['outcome']}; " + ", ".join(f"{k} {v}" for k, v in row["tallies"].items()))
    print(f"Turnout {row['voted']}/{row['eligible']}; rule {row['pass_rule']}, quorum {row['quorum_percent']:g}%"
          + ("; secret ballot" if row["secret"] else ""))
    if row["documents"]:
        print("Documents: " + ", ".join(row["documents"]))
    print()
    print(row["motion"])
    return 0


def cmd_decisions_export(args) -> int:
    """Write every decision as CSV (one row each, oldest first; no names): a file is the owner's
    alone (0600) and no cell runs as a spreadsheet formula (see convenor.exports)."""
    ctx = _context(args)
    rows = []
    for decision in reversed(store_record.decisions(ctx.db)):
        row = _decision_row(ctx, decision)
        row["tallies"] = "; ".join(f"{k} {v}" for k, v in row["tallies"].items())
        row["documents"] = "; ".join(row["documents"])
        rows.append(row)
    out = exports.private_file(args.to) if args.to else sys.stdout
    try:
        exports.write_csv(out, DECISION_FIELDS, rows)
    finally:
        if args.to:
            out.close()
    return 0


PURGED = "(text removed by the privacy purge)"


def _action(ctx: Context, ref: str) -> dict:
    return common.existing_item(ref, ("action",), "Action 3", "Action", lambda n: store_record.get_action(ctx.db, n))


def cmd_actions_list(args) -> int:
    """Print the open action items (or all with --all), soonest due first."""
    ctx = _context(args)
    rows = [record_actions.view(a) for a in store_record.actions(ctx.db, state=None if args.all else "open")]
    return common.print_list(rows, args.json, lambda r: (
        f"{r['ref']}  {r['state']}  due {r['due_on'] or '-'}  {r['owner']}: {r['text'] or PURGED}"), "action item")


def cmd_actions_show(args) -> int:
    """Print one action item with its history."""
    ctx = _context(args)
    action = _action(ctx, args.ref)
    row = record_actions.view(action)
    row["history"] = [{"at": e["at"], "kind": e["kind"], "by": e["name"], "text": e["text"]}
                      for e in store_record.action_events(ctx.db, action["id"])]
    if args.json:
        common.print_json(row)
        return 0
    print(f"{row['ref']}: {row['text'] or PURGED}")
    print(f"Owner: {row['owner']}; due {row['due_on'] or '-'}; {row['state']}"
          + (f"; from Meeting {row['meeting_id']}" if row["meeting_id"] else ""))
    for e in row["history"]:
        print(f"  {common.when(e['at'], ctx.rules.network.timezone)}  {e['kind']}  {e['by'] or 'Convenor'}  {e['text']}")
    return 0


def cmd_actions_done(args) -> int:
    """Mark an action item done: its reminders dropped, its owner and creator told."""
    ctx = _context(args)
    action = _action(ctx, args.ref)
    return common.act(ctx, lambda c: record_actions.finish(c, action, None))


def cmd_attendance(args) -> int:
    """Print the year's attendance register: meetings held with who came and the quorum, and
    per core member the meetings attended among those they were invited to."""
    ctx = _context(args)
    year = args.year or ctx.now.astimezone(ZoneInfo(ctx.rules.network.timezone)).year  # the network's year
    report = attendance.register(ctx.db, year, ctx.rules.network.timezone,
                                 record_actions.policy(ctx).meeting_quorum_percent, ctx.now)
    if args.json:
        common.print_json(report)
        return 0
    print(f"Attendance {year} (meeting quorum {report['quorum_percent']:g}% of core members invited)")
    if not report["meetings"]:
        print(f"  no meeting held in {year}")
    for m in report["meetings"]:
        source = {"calendar": " (calendar accepts)", "none": " (not recorded)"}.get(m["source"], "")
        print(f"  Meeting {m['id']}  {common.day(m['starts_at'], ctx.rules.network.timezone)}  {m['title']}: {m['core_present']}/{m['core_invited']} "
              f"core, quorum {'reached' if m['quorum_met'] else 'not reached'}{source}")
    for r in report["members"]:
        print(f"  {r['name']}: {r['attended']} of {r['invited']} meeting(s)")
    return 0


def add_commands(subparsers) -> None:
    """Add `convenor decisions …`, `convenor actions …` and `convenor attendance`."""
    p = subparsers.add_parser("decisions", help="the network's decisions: list, show, export")
    sub = p.add_subparsers(dest="decisions_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("list", help="every decision, newest first; or those matching words or a year")
    q.add_argument("query", nargs="*", help='words or a year, e.g. brochure or 2027')
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_decisions_list)
    q = sub.add_parser("show", help="one decision")
    q.add_argument("ref", help='e.g. "Decision 4" or 4')
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_decisions_show)
    q = sub.add_parser("export", help="every decision as CSV")
    q.add_argument("--to", metavar="FILE", help="write to FILE instead of standard output")
    q.set_defaults(func=cmd_decisions_export)
    p = subparsers.add_parser("actions", help="action items: list, show, done")
    sub = p.add_subparsers(dest="actions_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("list", help="open action items (all with --all)")
    q.add_argument("--all", action="store_true")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_actions_list)
    q = sub.add_parser("show", help="one action item and its history")
    q.add_argument("ref", help='e.g. "Action 3" or 3')
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_actions_show)
    q = sub.add_parser("done", help="mark an action item done")
    q.add_argument("ref")
    q.set_defaults(func=cmd_actions_done)
    p = subparsers.add_parser("attendance", help="the attendance register of a year, with meeting quorums")
    p.add_argument("--year", type=int, default=None, help="the year (default: this year)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_attendance)
