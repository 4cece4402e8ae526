"""`convenor purge [--dry-run] [--days N] [--yes]`: blank what members wrote once its workflow is long closed.

The number of days comes from `privacy.purge_after_days` in the settings unless --days is given;
with neither, nothing is purged and the command says so. Blanking cannot be undone, so the
command first counts what it would blank and asks before doing it: at a terminal it asks
"[y/N]"; elsewhere (a script, cron) it blanks only with --yes and otherwise refuses, blanking
nothing. Nothing to blank needs no confirmation.
"""
from __future__ import annotations

import sys

from convenor import cli_common as common
from convenor.purge import purge
from store.times import from_db


def cmd_purge(args) -> int:
    """Blank feedback, agenda items and sent bodies older than the configured days; print counts."""
    settings = common.load_settings(args)
    days = args.days if args.days is not None else settings.privacy.purge_after_days
    if days is None:
        raise common.UsageError("no number of days: set privacy.purge_after_days in the settings, or pass --days N")
    if days < 0:
        raise common.UsageError("--days must be 0 or more")
    from convenor.wiring import store_from
    common.existing_store(settings)
    db = store_from(settings)
    try:
        if not args.dry_run and not args.yes and not _confirmed(db, days, settings, args.json):
            return 1
        report = purge(db, common.now(), days, dry_run=args.dry_run)
    finally:
        db.close()
    _print(report, days, settings, args.dry_run, args.json)
    return 0


def _confirmed(db, days: int, settings, as_json: bool) -> bool:
    """Count what the purge would blank and ask the person at the terminal; True to go ahead.
    Without a terminal (and without --yes) refuse with a UsageError; nothing to blank: True."""
    preview = purge(db, common.now(), days, dry_run=True)
    if preview.total == 0:
        return True
    if not sys.stdin.isatty():
        raise common.UsageError(f"nothing blanked: the purge would blank {preview.total} item(s) for good; "
                                "confirm with --yes, or count them first with --dry-run")
    _print(preview, days, settings, True, as_json)
    try:
        answer = input(f"Blank these {preview.total} item(s) for good? This cannot be undone. [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes", "o", "oui"):
        return True
    print("Nothing blanked.")
    return False


def _print(report, days: int, settings, dry_run: bool, as_json: bool) -> None:
    verb = "would blank" if dry_run else "blanked"
    if as_json:
        common.print_json({"dry_run": dry_run, "days": days, "cutoff": from_db(report.cutoff), "counts": report.counts})
    else:
        print(f"purge ({days} days, closed before {common.when(report.cutoff, settings.network.timezone)}): {verb} "
              + ", ".join(f"{n} {kind}" for kind, n in report.counts.items()))


def add_commands(subparsers) -> None:
    """Register `purge`."""
    p = subparsers.add_parser("purge", help="blank members' writing N days after its workflow closed",
                              description=cmd_purge.__doc__)
    p.add_argument("--dry-run", action="store_true", help="count what would be blanked, change nothing")
    p.add_argument("--days", type=int, default=None, help="override privacy.purge_after_days")
    p.add_argument("--yes", action="store_true", help="blank without asking (a script, cron); it cannot be undone")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_purge)
