"""Taking one inbound message into the store exactly once.

The message is parsed first, outside any transaction; then in ONE transaction it is recorded
(server key and SHA-256 of its bytes), routed, and its whole effect (state change and every
reply queued) written. Its time is when it reached the mailbox, not when it was read. Only after the
commit may the caller move the server copy. A message already recorded is not handled again,
so a crash anywhere leads, after restart, to the same result as no crash.
"""
from __future__ import annotations

import email.policy
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import sqlite_utils

from convenor.error_text import where_it_failed
from mailer import addresses
from mailer.mailbox import RawMessage
from mailer.message import InboundMail, Verdict
from mailer.parse import parse_message, read_headers
from mailer.token_scan import scanner, token_shaped
from store import inbound
from store import members as store_members
from store import raw_removals
from store.db import savepoint, transaction
from workflows.routing.context import Context, Rules
from workflows.routing.router import route

log = logging.getLogger("convenor.pipeline")


@dataclass(frozen=True)
class Ingested:
    """What became of one message: 'handled', 'quarantined', `inbound.ANSWERED_HELD` (its answer
    had its effect, the text beside it is held), or 'duplicate' (with the earlier state)."""

    state: str
    handler: str
    outcome: str
    earlier_state: str | None = None

    @property
    def destination(self) -> str:
        """Where the server copy belongs now: 'processed' or 'quarantine'."""
        state = self.earlier_state if self.state == "duplicate" else self.state
        return "quarantine" if state in ("quarantined", inbound.ANSWERED_HELD) else "processed"


def identity(raw: bytes) -> tuple[str, str]:
    """(Message-ID, sender address) read from the headers alone; ("", "") parts when unreadable."""
    try:
        headers = read_headers(raw, email.policy.compat32)
        message_id = " ".join(str(headers.get("Message-ID", "")).split())[:998]
        return message_id, addresses.parse_one(str(headers.get("From", "")))[1]
    except Exception:  # noqa: BLE001 - identity is a hint for deduplication, never a reason to fail
        return "", ""


def delivered_key(raw: bytes) -> str:
    """The server key of a message given to `convenor deliver` (by the daemon or by itself)."""
    return "stdin:" + hashlib.sha256(raw).hexdigest()


Authenticator = Callable[[bytes], Verdict]  # raw bytes -> verdict: see convenor.wiring.authenticator_from


def ingest(db: sqlite_utils.Database, rules: Rules, key: str, raw: bytes, now: datetime,
           authenticator: Authenticator | None = None, received_at: datetime | None = None) -> Ingested:
    """Handle the message `raw` (server key `key`) once and commit its whole effect.

    `received_at` is when it reached the mailbox (default: `now`, the moment it was read).
    """
    return ingest_many(db, rules, [RawMessage(key, raw, received_at)], now, authenticator)[0]


@dataclass
class _Read:
    """One message read (parsed) before the write transaction: what the commit step needs."""

    key: str
    raw: bytes
    sha: str
    received_at: datetime
    mail: InboundMail | None
    auth: Verdict
    unreadable: Exception | None
    message_id: str
    from_addr: str


def arrival(received_at: datetime | None, now: datetime) -> datetime:
    """When a message counts as received: its mailbox arrival time, never later than `now`
    (a server clock ahead of ours must not make an answer late), `now` when unknown."""
    return min(received_at, now) if received_at is not None else now


def read_message(message: RawMessage, list_address: str, now: datetime,
                 authenticator: Authenticator | None = None) -> _Read:
    """Parse and authenticate one message (no store access; DKIM keys may be looked up in the
    DNS): the heavy part, done outside the write transaction. Without `authenticator` the
    message is unverified."""
    sha = hashlib.sha256(message.raw).hexdigest()
    received_at = arrival(message.received_at, now)
    auth = _verdict(authenticator, message.raw)
    try:
        mail, unreadable = parse_message(message.raw, list_address, auth=auth), None
        mail.received_at = received_at
        message_id, from_addr = " ".join(mail.message_id.split())[:998], mail.from_addr
    except Exception as exc:  # noqa: BLE001 - set aside below, once we know it is not a copy
        mail, unreadable = None, exc
        message_id, from_addr = identity(message.raw)
    return _Read(message.key, message.raw, sha, received_at, mail, auth, unreadable, message_id, from_addr)


def reader_for(list_address: str) -> Callable[[bytes, Verdict], InboundMail]:
    """How a workflow reads mail the store kept raw (a held message its sender confirmed): as
    `read_message` reads every inbound message, with the verdict the workflow gives it."""
    return lambda raw, auth: parse_message(raw, list_address, auth=auth)


def _verdict(authenticator: Authenticator | None, raw: bytes) -> Verdict:
    if authenticator is None:
        return Verdict("unverified", "no authentication configured")
    try:
        return authenticator(raw)
    except Exception as exc:  # noqa: BLE001 - no evidence makes an unverified message, never a lost one
        return Verdict("unverified", f"authentication could not be checked ({type(exc).__name__})")


def ingest_many(db: sqlite_utils.Database, rules: Rules, messages: list[RawMessage], now: datetime,
                authenticator: Authenticator | None = None) -> list[Ingested]:
    """Handle several messages in ONE commit, each on its own: a message that fails is
    quarantined without touching the others; return their outcomes in order.

    Every message is parsed first, outside the write transaction; the write lock is held only
    to route, record and commit. Nothing is visible until the commit; the caller moves the
    server copies only afterwards. The batch is first taken without a savepoint per message
    (a savepoint makes SQLite keep a copy of every page each message touches: ~60 µs a
    message); if any message fails, that whole transaction is rolled back and the batch taken
    again with a savepoint per message, so what is committed is the same either way.
    """
    read = [read_message(m, rules.network.list_address, now, authenticator) for m in messages]
    if not any(r.unreadable is not None for r in read):
        try:
            with transaction(db):
                results = [_ingest_unguarded(db, rules, r, now) for r in read]
        except _MessageFailed:
            pass  # rolled back: taken again below, each message in its savepoint
        else:
            for r, result in zip(read, results):
                _log_outcome(r, result)
            return results
    with transaction(db):
        results = [_ingest_one(db, rules, r, now) for r in read]
    for r, result in zip(read, results):
        _log_outcome(r, result)
    return results


class _MessageFailed(Exception):
    """A message failed while its batch was taken without savepoints."""


def _log_outcome(r: _Read, result: Ingested) -> None:
    if result.state == "duplicate":
        log.info("message %s already recorded (%s); not handled again", r.key, result.earlier_state)
    elif result.handler != "quarantine":
        log.info("message %s handled by %s: %s", r.key, result.handler, result.outcome)


def _ingest_unguarded(db, rules, r: _Read, now) -> Ingested:
    """`_ingest_one` without its savepoint: any failure is raised as `_MessageFailed`."""
    prior = inbound.seen(db, r.key, r.sha, r.message_id, r.from_addr)
    if prior is not None:
        return Ingested("duplicate", "", "already recorded", prior["state"])
    try:
        return _handle(db, rules, r, now)
    except Exception as exc:  # noqa: BLE001 - the batch is taken again, this message in a savepoint
        raise _MessageFailed() from exc


def _handle(db, rules, r: _Read, now) -> Ingested:
    """Route one readable message and record it with its outcome (the caller isolates failures)."""
    if r.unreadable is not None:
        raise r.unreadable
    ctx = Context(db, rules, now, raw=r.raw, auth=r.auth, reader=reader_for(rules.network.list_address),
                  scan_tokens=scanner())
    routed = route(ctx, r.mail)
    state = "handled"
    if ctx.held:  # held: kept in the mailbox's Quarantine (after its answer had its effect, or with nothing done)
        state = inbound.ANSWERED_HELD if ctx.answered else "quarantined"
    inbound.record(db, mailbox_key=r.key, sha256=r.sha, message_id=r.message_id,
                   from_addr=r.from_addr, state=state, handler=routed.handler,
                   error=ctx.held or ctx.noted, raw=None, now=r.received_at, facts=ctx.facts)
    if ctx.forget_raw:  # e.g. a secret ballot's reply after its close: removed as the close removed the others
        raw_removals.request(db, r.key, r.message_id or "", ctx.forget_raw, now)
    return Ingested(state, routed.handler, routed.outcome)


def _ingest_one(db, rules, r: _Read, now) -> Ingested:
    key, raw, message_id, from_addr = r.key, r.raw, r.message_id, r.from_addr
    prior = inbound.seen(db, key, r.sha, message_id, from_addr)
    if prior is not None:
        return Ingested("duplicate", "", "already recorded", prior["state"])
    try:
        with savepoint(db):
            return _handle(db, rules, r, now)
    except Exception as exc:  # noqa: BLE001 - any failure sets the message aside, never drops it
        error = f"{type(exc).__name__}: {exc}"[:1000]  # for the coordinators and the record
        log.warning("message %s quarantined: %s", key, where_it_failed(exc))
        with savepoint(db):
            inbound.record(db, mailbox_key=key, sha256=r.sha, message_id=message_id,
                           from_addr=from_addr, state="quarantined",
                           handler=getattr(exc, "handler", None), error=error, raw=raw, now=r.received_at)
            subject = _subject(raw)
            ctx = Context(db, rules, now, raw=raw, auth=r.auth, scan_tokens=token_shaped)
            ctx.notify_coordinators(getattr(exc, "notice", "quarantined"), attachments=ctx.original_as_attachment(),
                                    sender=from_addr or None, original_subject=subject, error=error,
                                    sender_member=store_members.get_by_email(db, from_addr) if from_addr else None,
                                    **getattr(exc, "variables", {}))
        return Ingested("quarantined", "quarantine", where_it_failed(exc))  # printed by `deliver`: no word of it


def _subject(raw: bytes) -> str | None:
    try:
        headers = read_headers(raw)
        return " ".join(str(headers.get("Subject", "")).split())[:300] or None
    except Exception:  # noqa: BLE001 - the subject is only a courtesy in the coordinators' notice
        return None
