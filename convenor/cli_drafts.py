"""`convenor drafts list|show REF|export REF [--to DIR]`: a coordinator's view of circulated drafts."""
from __future__ import annotations

from convenor import cli_common as common
from convenor.exports import private_file, private_folder, write_csv
from mailer.filenames import MAX_FILENAME, clean_filename
from store import blobs
from store import drafts as store_drafts
from store.times import to_db


def find_draft(db, ref: str) -> dict:
    """The draft a reference names: "3", "#3", "Draft 3", "[Draft 3]" or "Brouillon 3" (UsageError if none)."""
    return common.existing_item(ref, ("draft", "brouillon"), "Draft 3", "Draft", lambda n: store_drafts.get(db, n))


def _audience(draft: dict) -> str:
    return f"subcommittee {draft['audience_name']}" if draft["audience_kind"] == "subcommittee" else draft["audience_kind"]


def _summary(db, draft: dict) -> dict:
    recipients = store_drafts.recipients(db, draft["id"])
    answered = store_drafts.answered_ids(db, draft["id"])
    return {"ref": f"Draft {draft['id']}", "id": draft["id"], "title": draft["title"], "state": draft["state"],
            "version": draft["version"], "audience": _audience(draft), "recipients": len(recipients),
            "answered": sum(1 for m in recipients if m["id"] in answered),
            "deadline": draft["deadline_at"], "created": draft["created_at"]}


def cmd_list(args) -> int:
    """Print the open drafts and the ten latest ended (every draft with --all), newest first (or --json)."""
    db = common.open_db(args)
    drafts = store_drafts.all_drafts(db) if args.all else store_drafts.latest_drafts(db, ended=10)
    rows = [_summary(db, d) for d in drafts]
    zone = common.zone(args)
    return common.print_list(rows, args.json, lambda r: (
        f"{r['ref']}  {r['state']:<9}  v{r['version']}  {r['answered']}/{r['recipients']} answered  "
        f"deadline {common.when(r['deadline'], zone)}  {r['title']}  ({r['audience']})"), "draft")


def cmd_show(args) -> int:
    """Print one draft: its versions, who was asked, who answered, and each reply."""
    db = common.open_db(args)
    draft = find_draft(db, args.ref)
    summary = _summary(db, draft)
    answered = store_drafts.answered_ids(db, draft["id"])
    summary["members"] = [{"name": m["name"], "email": m["email"], "answered": m["id"] in answered}
                          for m in store_drafts.recipients(db, draft["id"])]
    summary["versions"] = [{"version": v["version"], "at": v["created_at"],
                            "files": [a["filename"] for a in v["attachments"]]}
                           for v in store_drafts.versions(db, draft["id"])]
    summary["feedback"] = [{"member": f["member_name"], "at": f["received_at"],
                            "late": bool(f["late"]), "no_comment": bool(f["no_comment"]), "version": f["version"],
                            "body": f["body"], "files": [a["filename"] for a in f["attachments"]]}
                           for f in store_drafts.feedback(db, draft["id"])]
    if args.json:
        common.print_json(summary)
        return 0
    zone = common.zone(args)
    print(f"{summary['ref']}: {draft['title']}")
    print(f"  state {draft['state']}, version {draft['version']}, audience {summary['audience']}, "
          f"deadline {common.when(summary['deadline'], zone)}")
    for v in summary["versions"]:
        print(f"  version {v['version']} ({common.when(v['at'], zone)}): {', '.join(v['files']) or 'no attachment'}")
    print(f"  {summary['answered']} of {summary['recipients']} answered")
    for m in summary["members"]:
        print(f"    [{'x' if m['answered'] else ' '}] {m['name']} <{m['email']}>")
    for f in summary["feedback"]:
        flags = ", ".join(x for x in ("LATE" if f["late"] else "", "no comment" if f["no_comment"] else "") if x)
        print(f"  -- {f['member']}, {common.when(f['at'], zone)}, on version {f['version']}{' (' + flags + ')' if flags else ''}")
        for line in (f["body"] or "").splitlines():
            print(f"     {line}")
        if f["files"]:
            print(f"     [attached: {', '.join(f['files'])}]")
    return 0


def cmd_export(args) -> int:
    """Write feedback.csv and an attachments/ folder (files named after members) for one draft:
    files 0600, the folders it creates 0700, cells that look like formulas neutralised."""
    db = common.open_db(args)
    draft = find_draft(db, args.ref)
    folder = private_folder(args.to or f"draft-{draft['id']}")
    files = private_folder(folder / "attachments", tighten=True)
    rows, written = [], 0
    used: set[str] = set()
    for f in store_drafts.feedback(db, draft["id"]):
        names = []
        for ref in f["attachments"]:
            name = _unique(clean_filename(f"{f['member_name']} - {ref['filename']}"), used)
            with private_file(files / name, binary=True) as out:
                out.write(blobs.get(db, ref["sha256"]))
            names.append(name)
            written += 1
        rows.append({"draft": f"Draft {draft['id']}", "member": f["member_name"], "email": f["member_email"],
                     "received_at_utc": to_db(f["received_at"]), "version": f["version"], "late": int(f["late"]),
                     "no_comment": int(f["no_comment"]), "body": f["body"], "attachments": "; ".join(names)})
    with private_file(folder / "feedback.csv") as out:
        write_csv(out, ["draft", "member", "email", "received_at_utc", "version", "late", "no_comment", "body",
                        "attachments"], rows)
    print(f"wrote {folder / 'feedback.csv'} ({len(rows)} repl{'y' if len(rows) == 1 else 'ies'}) "
          f"and {written} attachment(s) in {files}")
    return 0


def _unique(name: str, used: set[str]) -> str:
    """`name`, or "name (2).ext", "name (3).ext" … when already used; never over the length limit."""
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 2
    while candidate in used:
        candidate = clean_filename(f"{stem[:MAX_FILENAME - len(ext) - 12]} ({n}).{ext}" if dot and stem
                                   else f"{name[:MAX_FILENAME - 12]} ({n})")
        n += 1
    used.add(candidate)
    return candidate


def cmd_close(args) -> int:
    """Close an open draft as at now: the feedback that reached the mailbox before this moment
    is read first and is in the digest (see convenor.cli_closing); the digest goes to the author."""
    from convenor.cli_closing import close_after_reading
    from workflows.drafts import deadlines

    ctx = common.context(args)
    draft = find_draft(ctx.db, args.ref)
    if draft["state"] != "open":
        raise common.UsageError(f"Draft {draft['id']} is already {draft['state']}")
    return close_after_reading(args, lambda c: deadlines.close_when_read(c, draft["id"]),
                               lambda db: find_draft(db, str(draft["id"]))["state"] != "open", draft["id"],
                               f"Draft {draft['id']}", f"convenor drafts show {draft['id']}")


def add_commands(sub) -> None:
    """Add `convenor drafts …` to the parser."""
    p = sub.add_parser("drafts", help="circulated drafts: list, show one, export its feedback")
    dsub = p.add_subparsers(dest="drafts_command", metavar="ACTION", parser_class=type(p))
    dsub.required = True
    q = dsub.add_parser("list", help="open drafts and the ten latest ended, with answers and deadline (--all: every draft)")
    q.add_argument("--all", action="store_true")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)
    q = dsub.add_parser("show", help="one draft: versions, members asked, every reply")
    q.add_argument("ref", help='the draft, e.g. 3 or "Draft 3"')
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)
    q = dsub.add_parser("export", help="write feedback.csv and the attachments (named after members)")
    q.add_argument("ref", help='the draft, e.g. 3 or "Draft 3"')
    q.add_argument("--to", help="folder to write into (default: ./draft-N)")
    q.set_defaults(func=cmd_export)
    q = dsub.add_parser("close", help="close an open draft as at now, once the feedback waiting in the mailbox is read: the digest goes to its author")
    q.add_argument("ref", help='the draft, e.g. 3 or "Draft 3"')
    q.set_defaults(func=cmd_close)
