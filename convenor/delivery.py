"""Sending what the outbox holds: marked sent only after the server accepted it.

Temporary failures are retried with exponential backoff; a permanent failure (or too many
temporary ones) marks the row failed and tells the coordinators. A server that cannot be
reached (or will not log us in) holds all sending, with the same backoff, and counts against no
message: an outage of any length loses nothing. The governor keeps sending
within the provider's limits: when the budget is spent, or the provider answers that its
quota or rate is reached, the round stops and the rest waits (most urgent first) - never failed.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import sqlite_utils

from mailer import addresses
from mailer.compose import compose_parts
from convenor.error_text import traceback_without_message, where_it_failed
from convenor.governor import Governor, pause_unreachable
from mailer.sending import PermanentFailure, PolicyRefusal, QuotaDeferral, Sender, TemporaryFailure, TooLarge, Unreachable
from store import blobs, members, outbox, size_refusals
from store.db import transaction
from workflows.membership.bounces import delivery_failed, report_policy_refusal
from workflows.routing.context import Context, Rules
from workflows.routing.table import ITEM_DESCRIBERS, OVERSIZE_STOPPED
from workflows.sending.size_refusal import refused_for_size, tell_refused_copies

log = logging.getLogger("convenor.delivery")
FOLD_SECONDS = 2.0  # journaled sent marks are folded into the outbox after each batch, or this often


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    waiting_until: datetime | None = None  # the budget is spent (or paused) until then


def render_row(db: sqlite_utils.Database, rules: Rules, row: dict, now: datetime) -> bytes:
    """The bytes of an outbox row, dated `now` (attachments read from the store)."""
    return b"".join(render_parts(db, rules, row, now))


def render_parts(db: sqlite_utils.Database, rules: Rules, row: dict, now: datetime) -> list[bytes | bytearray]:
    """The message of an outbox row in parts (`mailer.compose.compose_parts`), as senders take it."""
    if "member_name" in row:  # loaded with the batch by outbox.due
        name = row["member_name"] or ""
    else:
        member = members.get(db, row["member_id"]) if row["member_id"] else None
        name = member["name"] if member else ""
    return compose_parts(
        list_address=rules.network.list_address, network_name=rules.network.name,
        recipient=row["recipient"], recipient_name=name,
        subject=row["subject"], body_text=row["body_text"], body_html=row["body_html"],
        message_id=row["message_id"], reply_token=row["reply_token"], attachments=row["attachments"],
        load_blob=lambda sha: blobs.reader(db, sha), headers=row["headers"], in_reply_to=row["in_reply_to"],
        date=now)


def deliver_due(db: sqlite_utils.Database, rules: Rules, sender: Sender, clock: Callable[[], datetime], *,
                retry_base: float, retry_max: float, max_attempts: int,
                should_stop: Callable[[], bool] = lambda: False, batch: int = 200) -> DeliveryReport:
    """Send every outbox row due now; return how many were sent, retried and failed."""
    report = DeliveryReport()
    # A "sent" mark lost to a power cut (not to a crash: WAL keeps it) only means one more
    # copy; an fsync per message would cost more than the send itself. Each mark is one small
    # row in a journal (committed before the next message goes), folded into the outbox after
    # each batch: the WAL then grows by a page a message instead of seven, and its checkpoints
    # (two fsyncs each) come every few hundred messages instead of every hundred and forty.
    db.execute("PRAGMA synchronous=NORMAL")
    try:
        _fold_sent(db)  # marks a crash left in the journal: those rows are not sent again
        _deliver(db, rules, sender, clock, retry_base, retry_max, max_attempts, should_stop, batch, report)
    finally:
        try:
            _fold_sent(db)
        finally:
            db.execute("PRAGMA synchronous=FULL")
    return report


def _fold_sent(db) -> None:
    if outbox.has_unfolded(db):
        with transaction(db):
            outbox.fold_sent(db)


def _deliver(db, rules, sender, clock, retry_base, retry_max, max_attempts, should_stop, batch, report):
    try:  # copies refused in a pass that never ended (the process killed before its end)
        _tell_refused(db, rules, clock)
    except Exception as exc:  # noqa: BLE001 - they stay recorded, told at the pass end (which raises if it fails
        # again), and the rest of the outbox is not held back by them. The error's message may quote
        # a member (a template's error names what it could not read): its kind and place alone
        log.error("outbox: the notices of copies refused for size could not be queued (%s); tried again as the "
                  "pass ends\n%s", where_it_failed(exc), traceback_without_message(exc))
    try:
        _deliver_rows(db, rules, sender, clock, retry_base, retry_max, max_attempts, should_stop, batch, report)
    finally:
        _tell_refused(db, rules, clock)  # the members' copies refused for size: one notice per item


def _tell_refused(db, rules, clock) -> bool:
    """Queue the notices of the members' copies refused for size not told yet, and record them told,
    in one transaction (`size_refusal.tell_refused_copies`); True if any was waiting."""
    if not size_refusals.any_untold(db):
        return False
    with transaction(db):
        tell_refused_copies(Context(db, rules, clock()), ITEM_DESCRIBERS)
    return True


def _deliver_rows(db, rules, sender, clock, retry_base, retry_max, max_attempts, should_stop, batch, report):
    governor = Governor(db, rules.sending, clock())
    folded_at = time.monotonic()
    while not should_stop():
        _fold_sent(db)  # the batch just sent reads as sent before the next is chosen
        now = clock()
        room = governor.room(now)  # no more rows loaded than the budget lets go (at least one: it
        # tells whether anything waits, and the budget's check below says until when)
        rows = outbox.due(db, now, limit=batch if room is None else max(1, min(batch, room)))
        if not rows:
            if _tell_refused(db, rules, clock):
                continue  # nothing else due: the notices of refused copies go in this pass
            break
        for row in rows:
            if should_stop():
                break
            if not outbox.still_queued(db, row["id"]):  # withdrawn since the batch was picked
                continue
            now = clock()
            opening = governor.opening(now)
            if opening > now:
                report.waiting_until = opening
                return
            envelope_from = addresses.bounce_address(rules.network.list_address, row["bounce_token"])
            data = None  # the last copy (maybe megabytes) is freed before the next one is composed
            try:
                data = render_parts(db, rules, row, clock())
            except Exception as exc:  # noqa: BLE001 - one message that cannot be composed must not block the rest
                with transaction(db):
                    _fail(db, rules, row, f"could not be composed: {type(exc).__name__}: {exc}", clock())
                report.failed += 1
                continue
            try:
                sender.send(envelope_from, row["recipient"], data)
            except QuotaDeferral as exc:
                with transaction(db):
                    report.waiting_until = governor.defer(exc.scope, str(exc), clock())
                log.warning("outbox: the provider's %s quota or rate is reached; sending waits until %s",
                            exc.scope, report.waiting_until)
                return
            except Unreachable as exc:  # says nothing of this message: all sending waits, nothing counted
                with transaction(db):
                    report.waiting_until = pause_unreachable(db, str(exc), clock(), retry_base, retry_max)
                log.warning("outbox: the mail server cannot be reached (%s); sending waits until %s",
                            exc, report.waiting_until)
                return
            except TemporaryFailure as exc:
                with transaction(db):
                    if row["attempts"] + 1 >= max_attempts:
                        _fail(db, rules, row, f"gave up after {max_attempts} attempts: {exc}", clock())
                        report.failed += 1
                    else:
                        when = outbox.mark_retry(db, row["id"], str(exc), clock(), retry_base, retry_max)
                        log.info("outbox %s: temporary failure, next try at %s", row["id"], when)
                        report.retried += 1
                continue
            except PolicyRefusal as exc:  # the network's setup, not the member: no per-member failure notice
                with transaction(db):
                    outbox.mark_failed(db, row["id"], str(exc))
                    domain = row["recipient"].rpartition("@")[2]
                    report_policy_refusal(Context(db, rules, clock()), domain, exc.reason)
                log.warning("outbox %s (%s) refused by policy at %s", row["id"], row["kind"], domain)
                report.failed += 1
                continue
            except TooLarge as exc:  # the item's (its fan-out stops, told once) or one member's copy
                with transaction(db):
                    outbox.mark_failed(db, row["id"], str(exc))
                    outcome = refused_for_size(Context(db, rules, clock()), row, exc.size, exc.limit, str(exc),
                                               OVERSIZE_STOPPED, ITEM_DESCRIBERS)
                log.warning("outbox %s (%s) too large for the provider (%s bytes, limit %s): %s",
                            row["id"], row["kind"], exc.size, exc.limit or "not stated", outcome)
                report.failed += 1
                continue
            except PermanentFailure as exc:
                with transaction(db):
                    _fail(db, rules, row, str(exc), clock())
                report.failed += 1
                continue
            now = clock()
            with transaction(db):
                outbox.journal_sent(db, row["id"], now)
            governor.record(now)
            report.sent += 1
            if time.monotonic() - folded_at >= FOLD_SECONDS:  # slow copies (a large draft): shown sent soon
                _fold_sent(db)
                folded_at = time.monotonic()


def _fail(db, rules, row, error, now):
    outbox.mark_failed(db, row["id"], error)
    log.warning("outbox %s (%s) failed for good: %s", row["id"], row["kind"], error)
    if row["kind"] != "delivery_failed":
        row = dict(row, last_error=error)
        delivery_failed(Context(db, rules, now), row)
