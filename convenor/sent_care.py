"""`sending.remove_sent_copies_after_days`: once a day, remove Convenor's own copies from the
provider's Sent folder (over IMAP), matched by the Message-IDs Convenor generated and sent
before the cut-off; nothing else is ever touched (see mailer/sent_folder.py)."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlite_utils

from mailer.sent_folder import remove_own_copies
from store import sending as store_sending

log = logging.getLogger("convenor.sent")


def remove_sent_copies(db: sqlite_utils.Database, mailbox, list_address: str, days: int, now: datetime) -> int:
    """Remove the copies of what Convenor sent more than `days` ago; return how many went."""
    cutoff = now - timedelta(days=days)
    client = mailbox.open_session()
    try:
        return remove_own_copies(client, list_address.rpartition("@")[2], cutoff.date(),
                                 lambda ids: store_sending.own_sent_before(db, ids, cutoff))
    finally:
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the work is done; a failed goodbye changes nothing
            pass
