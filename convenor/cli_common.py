"""The plumbing every `convenor` command shares: finding the settings, opening the store, the
clock, item references, printing JSON, and usage errors that say what was expected."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from workflows.reading import dates


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


JSON_HELP = "print JSON instead of text (its keys: the README's JSON keys section)"


def no_such(kind: str, number: int) -> UsageError:
    """The error for an item that does not exist: "there is no Vote 7 (see `convenor votes list`)"."""
    return UsageError(f"there is no {kind} {number} (see `convenor {kind.lower()}s list`)")


def existing_item(ref: str, words: tuple[str, ...], example: str, kind: str, get) -> dict:
    """The item `ref` names (see `item_number`: any of `words`, `example` in the error), as
    `get(number)` reads it; UsageError when `ref` is no reference or there is no such `kind`
    (see `no_such`)."""
    number = item_number(ref, words, example)
    item = get(number)
    if item is None:
        raise no_such(kind, number)
    return item


def print_list(rows: list, as_json: bool, line, noun: str) -> int:
    """Print a list command's `rows`: as JSON when `as_json`, else `line(row)` for each and their
    count ("3 vote(s)" for `noun` "vote"); the command's exit status, 0."""
    if as_json:
        print_json(rows)
        return 0
    for row in rows:
        print(line(row))
    print(f"{len(rows)} {noun}(s)")
    return 0


def load_settings(args):
    """The settings named by --config (or $CONVENOR_CONFIG, or ./convenor.toml)."""
    from convenor import settings as settings_mod  # imported when needed: `deliver` starts fast

    path = args.config or os.environ.get("CONVENOR_CONFIG") or "convenor.toml"
    if not Path(path).exists():
        raise UsageError(f"no settings file at {path}: run `convenor init` first, or pass --config FILE")
    return settings_mod.load(path)


def existing_store(settings) -> None:
    """UsageError unless the store the settings name exists: a command that only reads or blanks
    it must not quietly create an empty one (a wrong `store.path` would look like an empty network)."""
    if not Path(settings.store.path).exists():
        raise UsageError(f"no store at {settings.store.path} (the settings' store.path): correct store.path, "
                         "or create the store with `convenor members import` or `convenor run`")


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


def zone(args) -> str:
    """The network's time zone (`network.timezone`), in which the CLI shows every date."""
    return load_settings(args).network.timezone


def when(moment: datetime | str | None, zone_name: str, missing: str = "-") -> str:
    """An instant for a person at a terminal, in the network's zone with the zone named:
    "2027-03-04 17:00 Europe/Paris"; `missing` for None. The one way the CLI writes a date
    and time (a store text such as "2027-03-04 16:00:00" is read as UTC)."""
    moment = _instant(moment)
    if moment is None:
        return missing
    return dates.shown(moment, zone_name)


def day(moment: datetime | date | str | None, zone_name: str, missing: str = "-") -> str:
    """The calendar day of an instant in the network's zone ("2027-03-04"); a plain date (a due
    date, the last day of leave) is already a day of the network and is written as it is."""
    if moment is None or moment == "":
        return missing
    if isinstance(moment, date) and not isinstance(moment, datetime):
        return moment.isoformat()
    if isinstance(moment, str) and len(moment) == 10:
        return moment
    return f"{_instant(moment).astimezone(ZoneInfo(zone_name)):%Y-%m-%d}"


def today(zone_name: str) -> date:
    """Today's date in the network's zone (what "today" means for leave and due dates)."""
    return now().astimezone(ZoneInfo(zone_name)).date()


def _instant(moment: datetime | str | None) -> datetime | None:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment) if moment else None
    if moment is not None and moment.tzinfo is None:  # the store's text: UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def json_value(value):
    """`value` with every datetime written as ISO 8601 with its offset and every date as
    YYYY-MM-DD (the form `--json` prints)."""
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def print_json(value) -> None:
    """Print `value` as indented JSON with sorted keys (dates as ISO 8601 strings, with the offset)."""
    print(json.dumps(json_value(value), indent=2, ensure_ascii=False, default=str, sort_keys=True))


def print_queued(ctx) -> None:
    """Print how many messages a command queued in `ctx` and who sends them."""
    print(f"{len(ctx.queued)} message(s) queued; the running daemon sends them (or the next `convenor run`).")
