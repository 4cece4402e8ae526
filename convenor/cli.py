"""The `convenor` command: set-up, the daemon, and a coordinator's view of the store.

Each group of subcommands lives in its own module with `add_commands(subparsers)`; this module
holds the core commands: init, check, run, deliver, status, inspect; the plumbing they share
(finding the settings, opening the store, printing JSON, usage errors) is `convenor.cli_common`.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from convenor import cli_common as common
from convenor.cli_common import Parser, UsageError, load_settings, print_json

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "config"


# --- core commands ---------------------------------------------------------------------------

def cmd_init(args) -> int:
    """Write a commented convenor.toml and a members.csv template into the folder; what it
    creates is the owner's alone (folders 0700, files 0600: the list will hold members' addresses)."""
    from convenor import exports

    folder = exports.private_folder(args.folder)
    written = []
    for source, target in (("convenor.example.toml", "convenor.toml"), ("members.example.csv", "members.csv")):
        dest = folder / target
        if dest.exists() and not args.force:
            print(f"{dest} exists; left as it is (use --force to overwrite)")
            continue
        with exports.private_file(dest, binary=True) as out:
            out.write((EXAMPLE_DIR / source).read_bytes())
        written.append(str(dest))
    for w in written:
        print(f"wrote {w}")
    print("Next: fill in [mailbox] and [sending], then `convenor members import members.csv`, "
          "`convenor check`, `convenor run`.")
    return 0


def cmd_run(args) -> int:
    """Run the daemon in the foreground until SIGTERM or SIGINT."""
    from convenor.daemon import Daemon
    from convenor.lock import AlreadyRunning

    settings = load_settings(args)
    setup_logging(settings.logging.level)
    try:
        daemon = Daemon(settings)
    except AlreadyRunning as exc:
        print(f"convenor: {exc}", file=sys.stderr)
        return 1
    if settings.mailbox.kind == "maildir":
        print(f"Mailbox: drop a message into {settings.mailbox.path}/new/ "
              f"(or pipe one to `convenor deliver`); replies appear in {settings.sending.path}/new/",
              file=sys.stderr)
    daemon.run()
    return 0


EX_TEMPFAIL = 75  # sysexits.h: "try again later"; an MTA's pipe keeps the message and retries


def cmd_deliver(args) -> int:
    """Read one message on standard input and handle it like one fetched from the mailbox.

    A running daemon is handed the message first (see convenor.handoff, tried by convenor.entry
    before anything heavy is imported); this is the path without one, or when it did not answer.

    Nothing is lost: exit 0 only once the message is recorded. Whatever keeps it from being
    recorded now (settings missing or wrong, no store at `store.path`, the store unwritable,
    any failure while taking it in) exits 75, EX_TEMPFAIL, so that the MTA keeps the message and
    tries again; the reason goes to standard error, naming what was expected and never a word
    of the message. Only an empty standard input (no message at all) is a usage error (2).
    """
    from convenor import settings as settings_mod
    from convenor.handoff import forget_stdin, poke, stdin_bytes

    raw = stdin_bytes()
    read_at = common.now()  # the moment it reached Convenor: its time of arrival
    forget_stdin()
    if not raw.strip():
        raise UsageError("expected one email message on standard input, got nothing")
    try:
        settings = load_settings(args)
    except (UsageError, settings_mod.SettingsError) as exc:
        return _temp_fail(f"the settings cannot be read: {exc}")
    store = Path(settings.store.path)
    if not store.exists():
        return _temp_fail(f"no store at {store} (the settings' store.path): start `convenor run` once to "
                          "create it, or correct store.path")
    try:
        from convenor.pipeline import delivered_key, ingest
        from convenor.wiring import authenticator_from, rules_from, store_from
        from convenor.error_text import where_it_failed

        db = store_from(settings)
        try:
            result = ingest(db, rules_from(settings), delivered_key(raw), raw, common.now(),
                            authenticator_from(settings), received_at=read_at)
        finally:
            db.close()
    except Exception as exc:  # noqa: BLE001 - the MTA keeps the message and retries; the reason is said
        return _temp_fail(f"the message could not be recorded ({where_it_failed(exc)})")
    poke(settings.store.path)  # a daemon sends the reply now, not on its next look at the store
    print(f"{result.state}: {result.outcome}")
    return 0


def _temp_fail(reason: str) -> int:
    """Say why `deliver` could not take the message now, and return EX_TEMPFAIL."""
    print(f"convenor deliver: {reason}. Nothing was recorded; exit {EX_TEMPFAIL} (temporary failure): "
          "the MTA keeps the message and delivers it again later.", file=sys.stderr)
    return EX_TEMPFAIL


def cmd_check(args) -> int:
    """Connect to the mailbox and the sending server; report TLS, IDLE, MOVE and folders."""
    from convenor.checks import run_checks

    return run_checks(load_settings(args), as_json=args.json, send_test=args.send_test)


def cmd_status(args) -> int:
    """Show members, open items, outbox and quarantined messages."""
    from convenor.status import collect_status, print_status

    settings = load_settings(args)
    from convenor.wiring import rules_from, store_from
    zone = settings.network.timezone
    status = collect_status(store_from(settings), common.now(), zone, rules_from(settings).sending)
    if args.json:
        print_json(status)
    else:
        print_status(status, zone)
    return 0


def cmd_inspect(args) -> int:
    """Show how Convenor reads one message file."""
    from convenor.inspect import inspect_file

    return inspect_file(args)


def setup_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=getattr(logging, level, logging.INFO), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # imapclient logs whole protocol lines (message bodies included) at DEBUG: never let it.
    logging.getLogger("imapclient").setLevel(logging.WARNING)


# Modules that each add a group of subcommands (`add_commands(subparsers)`), in help order.
COMMAND_GROUPS = ["convenor.cli_members", "convenor.cli_drafts", "convenor.cli_votes", "convenor.cli_meetings",
                  "convenor.cli_record", "convenor.cli_archive", "convenor.cli_purge"]


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = Parser(prog="convenor", description="The email secretary of a volunteer network.")
    parser.add_argument("--config", "-c", help="settings file (default: $CONVENOR_CONFIG or ./convenor.toml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    p = sub.add_parser("init", help="write a commented convenor.toml and a members.csv template")
    p.add_argument("folder", nargs="?", default=".", help="where to write them (default: here)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("check", help="connect to both servers and report what they support")
    p.add_argument("--json", action="store_true")
    p.add_argument("--send-test", action="store_true",
                   help="also send a message to list+check-…@ and wait for it (sub-addressing)")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("run", help="run the daemon in the foreground")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("deliver", help="handle one message read on standard input (for an MTA pipe)")
    p.set_defaults(func=cmd_deliver)
    p = sub.add_parser("status", help="members, open items, outbox, quarantine")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("inspect", help="show how Convenor reads one message file")
    p.add_argument("file", help="an .eml file (- for standard input)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--options", help='read the message as a ballot reply with these options, e.g. "Yes,No,Abstain"')
    p.add_argument("--dates", type=int, metavar="N", help="read the message as a reply to a date poll of N dates")
    p.add_argument("--places", help='with --dates: the places the poll offers (A, B …), e.g. "Library;Online"')
    p.set_defaults(func=cmd_inspect)
    for module in COMMAND_GROUPS:
        importlib.import_module(module).add_commands(sub)
    _accept_config_anywhere(parser)
    _explain_arguments(parser)
    return parser


def _explain_arguments(parser: argparse.ArgumentParser) -> None:
    """Give `--help` a line for the arguments every group shares that were added without one:
    --json, --all, and an item's REF (named after the group: "the meeting's number, e.g. 3 or
    'Meeting 3'")."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                group = child.prog.split()[1] if len(child.prog.split()) > 2 else ""
                kind = group.rstrip("s") or "item"
                for arg in child._actions:
                    if arg.help is not None:
                        continue
                    if arg.dest == "json":
                        arg.help = common.JSON_HELP
                    elif arg.dest == "all":
                        arg.help = "include the ended, past or inactive ones too"
                    elif arg.dest == "ref":
                        arg.help = f"the {kind}'s number, e.g. 3 or \"{kind.capitalize()} 3\""
                _explain_arguments(child)


def _accept_config_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let `--config` also follow the subcommand (`convenor status --config FILE`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if not any("--config" in a.option_strings for a in child._actions):
                    child.add_argument("--config", "-c", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
                _accept_config_anywhere(child)


def main(argv: list[str] | None = None) -> int:
    """The full command line (convenor.entry runs it); returns the exit code."""
    from convenor import settings as settings_mod

    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        if getattr(args, "func", None) is cmd_deliver:  # an MTA's pipe: keep the message, say why
            return _temp_fail(f"unexpected arguments {' '.join(extra)!r} (expected: convenor [--config FILE] deliver)")
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.func(args) or 0
    except (UsageError, settings_mod.SettingsError) as exc:
        print(f"convenor: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `convenor members list | head`: the reader is gone; end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush fails silently too
        return 0


if __name__ == "__main__":  # `python -m convenor.cli`: run the imported module, not a second copy
    from convenor.cli import main as _main
    sys.exit(_main())
