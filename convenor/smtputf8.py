"""Whether the sending server offers SMTPUTF8, which an address with a non-ASCII part before the
@ (`jöhn@example.org`) needs; an internationalised domain alone (`ana@bücher.example`) goes as
its A-label without it.

How Convenor knows: the store keeps what the server's EHLO said at the daemon's last connection
(`remember`, after each outbox round) or at `convenor check`; a command that adds such an address
before anything was recorded asks the server itself (one EHLO, nothing sent). A Maildir sender
takes any address.
"""
from __future__ import annotations

import logging
from datetime import datetime

import sqlite_utils

from store import sending as store_sending
from store.db import transaction

log = logging.getLogger("convenor.smtputf8")


def remember(db: sqlite_utils.Database, sender, now: datetime) -> None:
    """Record what the sender's EHLO last said (its `offers_smtputf8`, and its `max_size`, the
    largest message it takes: a draft larger is refused before its fan-out), when it changed."""
    offered = getattr(sender, "offers_smtputf8", None)
    size = getattr(sender, "max_size", None)
    if offered is not None and (offered != store_sending.smtputf8(db) or size != store_sending.max_size(db)):
        with transaction(db):
            store_sending.record_smtputf8(db, offered, now)
            store_sending.record_max_size(db, size)


def offered(settings, db: sqlite_utils.Database, now: datetime) -> bool | None:
    """True/False when known (recorded, or asked now: one connection, nothing sent); None when the
    server cannot be reached (the address is then accepted; a message that cannot go is reported
    to the coordinators)."""
    if settings.sending.kind == "maildir":
        return True
    known = store_sending.smtputf8(db)
    if known is not None:
        return known
    from convenor.wiring import sender_from
    try:
        said = bool(sender_from(settings).probe().get("smtputf8"))
    except Exception as exc:  # noqa: BLE001 - unknown is an answer: the send path reports what fails
        log.warning("could not ask the sending server whether it offers SMTPUTF8: %s", type(exc).__name__)
        return None
    with transaction(db):
        store_sending.record_smtputf8(db, said, now)
    return said
