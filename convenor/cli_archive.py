"""`convenor archive --to DIR`: the network's record as plain HTML pages with links — decisions,
meetings with attendance and minutes, action items, documents with every version's files — for
the coordinators' own records. Folders are written 0700 and files 0600; every value is
HTML-escaped by Jinja2's autoescape (members' words and file names included)."""
from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import jinja2

from convenor import cli_common
from store import blobs
from store import drafts as store_drafts
from store import meetings as store_meetings
from store import record as store_record
from workflows.record import actions as record_actions
from workflows.record import attendance, decisions

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "archive"


def safe_name(name: str) -> str:
    """A file name that stays inside its folder: no separators, no leading dot, printable."""
    name = re.sub(r"[^\w.\- ]+", "_", name or "file").strip(" .") or "file"
    return name[:120]


class Writer:
    """Writes files under one folder, created 0700, each file 0600 (whatever the umask)."""

    def __init__(self, root: Path):
        self.root = root
        self.count = 0
        self.folder(root)

    def folder(self, path: Path) -> Path:
        """Create `path` and every folder between the archive's root and it, each 0700."""
        steps = [path] if path == self.root else [self.root / Path(*path.relative_to(self.root).parts[:i + 1])
                                                  for i in range(len(path.relative_to(self.root).parts))]
        for step in steps:
            step.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(step, 0o700)
        return path

    def write(self, relative: str, data: bytes) -> None:
        path = self.root / relative
        self.folder(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(fd, 0o600)
            os.write(fd, data)
        finally:
            os.close(fd)
        self.count += 1


def collect(ctx) -> dict:
    """Everything the archive shows, as plain values."""
    db, lang = ctx.db, ctx.rules.network.default_language
    quorum = record_actions.policy(ctx).meeting_quorum_percent
    all_decisions = [decisions.view(db, d, lang) for d in store_record.decisions(db)]
    minutes = {r["meeting_id"]: r for r in store_record.all_minutes(db)}
    meetings = []
    for m in attendance.held(db, datetime.min.replace(tzinfo=ctx.now.tzinfo), ctx.now):
        row = dict(m, presence=attendance.summary(db, m, quorum), agenda=store_meetings.agenda(db, m["id"]),
                   actions=[record_actions.view(a) for a in store_record.actions(db, meeting_id=m["id"])],
                   minutes=minutes.get(m["id"]), minutes_text="")
        if row["minutes"]:
            files = store_drafts.latest_attachments(db, row["minutes"]["draft_id"])
            row["minutes_text"] = blobs.get(db, files[0]["sha256"]).decode("utf-8", "replace") if files else ""
        meetings.append(row)
    by_draft = {r["draft_id"]: r for r in minutes.values()}
    drafts = []
    for d in store_drafts.all_drafts(db):
        versions = []
        for v in store_drafts.versions(db, d["id"]):
            files = [dict(f, href=f"files/draft-{d['id']}/v{v['version']}/{safe_name(f['filename'])}")
                     for f in v["attachments"]]
            versions.append(dict(v, files=files))
        drafts.append(dict(d, versions=versions, minutes=by_draft.get(d["id"]),
                           decisions=[x["number"] for x in all_decisions if d["id"] in {doc["id"] for doc in x["documents"]}]))
    return {"decisions": all_decisions, "meetings": list(reversed(meetings)), "drafts": drafts,
            "actions": [record_actions.view(a) for a in store_record.actions(db)]}


def write_archive(ctx, root: Path) -> int:
    """Write the archive into `root`; return how many files were written."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    zone = ctx.rules.network.timezone
    env.filters["when"] = lambda moment: cli_common.when(moment, zone)  # the network's zone, named
    env.filters["day"] = lambda moment: cli_common.day(moment, zone)
    data = collect(ctx)
    common = {**data, "network": ctx.rules.network, "lang": ctx.rules.network.default_language,
              "generated": cli_common.when(ctx.now, zone)}
    writer = Writer(root)

    def page(name: str, template: str, **extra) -> None:
        writer.write(name, env.get_template(template).render(**common, **extra).encode("utf-8"))

    for name in ("index", "decisions", "meetings", "actions", "drafts"):
        page(f"{name}.html", f"{name}.html")
    for m in data["meetings"]:
        page(f"meeting-{m['id']}.html", "meeting.html", m=m)
    for d in data["drafts"]:
        page(f"draft-{d['id']}.html", "draft.html", d=d)
        for v in d["versions"]:
            for f in v["files"]:
                writer.write(f["href"], blobs.get(ctx.db, f["sha256"]))
    return writer.count


def cmd_archive(args) -> int:
    """Write the static HTML archive of the record into the folder given with --to: a new or
    empty folder, or one holding an earlier archive (its pages are written again). A file, a
    folder holding anything else (its permissions would be narrowed to 0700 and files
    overwritten) or a folder that cannot be written is refused, saying why; exit 2."""
    from convenor.cli_record import _context
    root = Path(args.to)
    _check_target(root)
    cli_common.existing_store(cli_common.load_settings(args))
    ctx = _context(args)
    try:
        count = write_archive(ctx, root)
    except OSError as exc:
        raise cli_common.UsageError(f"--to {root}: cannot write the archive there ({exc.strerror or exc}); "
                                    "give a folder you can write") from None
    print(f"wrote {count} file(s) into {args.to}")
    return 0


def _check_target(root: Path) -> None:
    """UsageError unless `root` is absent, an empty folder, or an earlier archive (index.html,
    decisions.html and meetings.html at its top)."""
    if not root.exists():
        return
    if not root.is_dir():
        raise cli_common.UsageError(f"--to {root}: a file of that name exists; expected a folder (new, empty, "
                                    "or an earlier archive)")
    names = {p.name for p in root.iterdir()}
    if names and not {"index.html", "decisions.html", "meetings.html"} <= names:
        raise cli_common.UsageError(f"--to {root}: the folder holds other files; expected a new or empty folder, "
                                    "or an earlier archive (its pages are written again)")


def add_commands(subparsers) -> None:
    """Add `convenor archive`."""
    p = subparsers.add_parser("archive", help="write the record as static HTML pages (0600 files, 0700 folders)")
    p.add_argument("--to", metavar="DIR", required=True, help="the folder to write (created if needed)")
    p.set_defaults(func=cmd_archive)
