"""The plumbing every `convenor` command shares: finding the settings, opening the store, the
clock, item references, printing JSON, and usage errors that say what was expected."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path


class UsageError(Exception):
    """A command was given something it cannot use; the message says what it expected."""


class Parser(argparse.ArgumentParser):
    """argparse that says what was expected and exits 2, without a traceback."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"convenor: error: {message}\n")


def now() -> datetime:
    """The current time, in UTC (tests move it by replacing this function)."""
    return datetime.now(timezone.utc)


def item_number(ref: str, words: tuple[str, ...], example: str) -> int:
    """The number in an item reference: "7", "#7", "Vote 7", "[Scrutin 7]" (any of `words`);
    UsageError saying what was expected otherwise."""
    names = "|".join(re.escape(w) for w in words)
    match = re.fullmatch(rf"\s*\[?\s*(?:(?:{names})\s*)?#?\s*(\d{{1,9}})\s*\]?\s*", ref or "", re.IGNORECASE)
    if not match:
        raise UsageError(f"expected a reference such as 7 or \"{example}\", not {ref!r}")
    return int(match.group(1))


def load_settings(args):
    """The settings named by --config (or $CONVENOR_CONFIG, or ./convenor.toml)."""
    from convenor import settings as settings_mod  # imported when needed: `deliver` starts fast

    path = args.config or os.environ.get("CONVENOR_CONFIG") or "convenor.toml"
    if not Path(path).exists():
        raise UsageError(f"no settings file at {path}: run `convenor init` first, or pass --config FILE")
    return settings_mod.load(path)


def open_db(args):
    """The store named by the settings (see `load_settings`), migrated and ready."""
    from convenor.wiring import store_from

    return store_from(load_settings(args))


def context(args):
    """A workflow context on the store the settings name, at the current time (see `now`)."""
    from convenor.wiring import rules_from, store_from
    from workflows.routing.context import Context

    settings = load_settings(args)
    return Context(store_from(settings), rules_from(settings), now())


def act(ctx, step) -> int:
    """Run `step(ctx)` in one store transaction, print the outcome it returns and how many
    messages it queued (the running daemon sends them); the exit status 0."""
    from store.db import transaction

    with transaction(ctx.db):
        outcome = step(ctx)
    print(outcome)
    print_queued(ctx)
    return 0


def print_json(value) -> None:
    """Print `value` as indented JSON with sorted keys (dates as ISO 8601 strings)."""
    print(json.dumps(value, indent=2, ensure_ascii=False, default=str, sort_keys=True))


def print_queued(ctx) -> None:
    """Print how many messages a command queued in `ctx` and who sends them."""
    print(f"{len(ctx.queued)} message(s) queued; the running daemon sends them (or the next `convenor run`).")
