"""A close typed on the command line counts every answer that reached the mailbox before it.

Time is when mail arrived, not when Convenor read it. `convenor votes close`, `drafts close` and
`meetings close` therefore record the close as at the moment it was typed (the item's deadline
becomes that moment and its close timer falls due then) and do the close only once the mail
waiting in the mailbox has been read:

- no daemon running: the command takes the store's lock, reads the mailbox as the daemon would
  (every message waiting gets its effect or answer), then runs the close and prints its outcome;
- a daemon running: the command wakes it (through the hand-over socket); its next round reads
  the mailbox first and then runs the due close, as every round does. The command waits up to
  WAIT_SECONDS for that and prints the outcome, or says the close is recorded and will be done;
- the mailbox cannot be read: the close stays recorded (what reached the mailbox before it will
  count once it is read, by the next `convenor run`); the command says so and exits 1.

Answers that reached the mailbox after the moment typed are late, as after any deadline: their
senders are told.
"""
from __future__ import annotations

import sys
import time
from typing import Callable

from convenor import cli_common as common

WAIT_SECONDS = 60.0  # how long the command waits for a running daemon to do the close
_POLL_SECONDS = 0.2


def close_after_reading(args, record: Callable, finished: Callable, item_id: int, what: str, show: str) -> int:
    """Record a close of `item_id` typed now (`record(ctx)` moves the deadline and schedules the
    close timer, returning its kind and the moment it closes as at), then have it done after the mailbox is read (see module
    doc). `finished(db)` says whether the item is closed; `what` names the item ("Vote 7"),
    `show` the command that shows it afterwards."""
    from convenor.wiring import rules_from, store_from
    from store.db import transaction
    from workflows.routing.context import Context

    settings = common.load_settings(args)
    db = store_from(settings)
    ctx = Context(db, rules_from(settings), common.now())
    with transaction(db):
        kind, typed = record(ctx)  # typed: the moment it closes as at (the first, if typed twice)
    try:
        return _read_then_close(settings, kind, item_id, typed, what)
    except _DaemonRunning:
        return _left_to_daemon(db, settings, finished, typed, what, show)
    finally:
        db.close()


class _DaemonRunning(Exception):
    """Another process (the daemon) holds the store: it reads the mail and runs the close."""


def _read_then_close(settings, kind: str, item_id: int, typed, what: str) -> int:
    """No daemon runs: take the store as one would, read the mailbox, then run the close."""
    from convenor.daemon import Daemon
    from convenor.lock import AlreadyRunning
    from store import timers
    from store.db import transaction
    from workflows.routing.context import Context
    from workflows.routing.tick import run_timer

    try:
        daemon = Daemon(settings, clock=common.now)
    except AlreadyRunning:
        raise _DaemonRunning from None
    except Exception as exc:  # noqa: BLE001 - e.g. the mailbox's password cannot be found: said, close kept
        return _unread(exc, what, typed, settings)
    try:
        try:
            read = daemon.take_mail()
        except Exception as exc:  # noqa: BLE001 - unreachable, refused, no password: said, close kept
            return _unread(exc, what, typed, settings)
        print(f"{read} message(s) waiting in the mailbox read first")
        ctx = Context(daemon.db, daemon.rules, common.now())
        with transaction(daemon.db):
            due = [t for t in timers.due(daemon.db, ctx.now) if t["kind"] == kind and t["item_id"] == item_id]
            outcome = run_timer(ctx, due[0]) if due else f"{what} was closed meanwhile (by mail just read)"
        print(outcome)
        common.print_queued(ctx)
        return 0
    finally:
        daemon.close()


def _unread(exc: Exception, what: str, typed, settings) -> int:
    """Say that the mailbox could not be read, so the close recorded waits for it; exit 1."""
    from convenor.error_text import where_it_failed
    from convenor.settings import SettingsError
    from mailer.mailbox import MailboxError

    why = str(exc) if isinstance(exc, (MailboxError, SettingsError)) else where_it_failed(exc)
    print(f"convenor: the mailbox could not be read ({why}). {what} closes as at "
          f"{common.when(typed, settings.network.timezone)}: what reached the mailbox before then "
          "will count once it has been read (start `convenor run`); nothing was closed yet.", file=sys.stderr)
    return 1


def _left_to_daemon(db, settings, finished: Callable, typed, what: str, show: str) -> int:
    """A daemon runs: wake it and wait (at most WAIT_SECONDS) for its round to read the mail
    and do the close; print the outcome, or that the close is recorded and left to it."""
    from convenor.handoff import poke

    if poke(settings.store.path):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if finished(db):
                print(f"{what} closed by the running daemon, which read the mailbox first and sends the "
                      f"messages; `{show}` shows the result.")
                return 0
            time.sleep(_POLL_SECONDS)
    print(f"{what} closes as at {common.when(typed, settings.network.timezone)}: the running daemon reads "
          f"the mail waiting first (what reached the mailbox before then counts), then closes it and sends "
          f"the messages; `{show}` shows the result.")
    return 0
