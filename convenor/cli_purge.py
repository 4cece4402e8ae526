"""`convenor purge [--dry-run] [--days N]`: blank what members wrote once its workflow is long closed.

The number of days comes from `privacy.purge_after_days` in the settings unless --days is given;
with neither, nothing is purged and the command says so.
"""
from __future__ import annotations

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
    db = store_from(settings)
    try:
        report = purge(db, common.now(), days, dry_run=args.dry_run)
    finally:
        db.close()
    verb = "would blank" if args.dry_run else "blanked"
    if args.json:
        common.print_json({"dry_run": args.dry_run, "days": days, "cutoff": from_db(report.cutoff), "counts": report.counts})
    else:
        print(f"purge ({days} days, closed before {common.when(report.cutoff, settings.network.timezone)}): {verb} "
              + ", ".join(f"{n} {kind}" for kind, n in report.counts.items()))
    return 0


def add_commands(subparsers) -> None:
    """Register `purge`."""
    p = subparsers.add_parser("purge", help="blank members' writing N days after its workflow closed",
                              description=cmd_purge.__doc__)
    p.add_argument("--dry-run", action="store_true", help="count what would be blanked, change nothing")
    p.add_argument("--days", type=int, default=None, help="override privacy.purge_after_days")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_purge)
