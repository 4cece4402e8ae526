"""Sent-folder care: hosted providers (Gmail, Microsoft 365) keep a copy of every message sent
through their SMTP in the Sent folder; Convenor removes its own copies after a while.

Only messages whose Message-ID the caller confirms as Convenor's own are touched: the server
narrows the search (older than the cut-off, a Message-ID on the list's domain), each candidate's
Message-ID is read, `is_ours` decides, and exactly those UIDs are flagged \\Deleted and expunged
with UID EXPUNGE (RFC 4315), so nothing a person flagged for deletion is expunged with them.
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Callable

from imapclient import IMAPClient

log = logging.getLogger("convenor.sent")

SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail",
              "[Google Mail]/Sent Mail", "INBOX.Sent", "INBOX/Sent", "Envoyés", "Éléments envoyés")
BATCH = 500


class SentFolderError(Exception):
    """The Sent folder cannot be found or cleaned (no UIDPLUS: UID EXPUNGE is needed)."""


def find_sent_folder(client: IMAPClient) -> str:
    """The folder the server marks \\Sent (RFC 6154), else one with a usual name."""
    folders = client.list_folders()
    for flags, _sep, name in folders:
        if b"\\Sent" in flags:
            return name
    by_name = {name.lower(): name for _flags, _sep, name in folders}
    for candidate in SENT_NAMES:
        if candidate.lower() in by_name:
            return by_name[candidate.lower()]
    raise SentFolderError("no Sent folder found (none marked \\Sent, none with a usual name)")


def remove_own_copies(client: IMAPClient, domain: str, before: date,
                      is_ours: Callable[[list[str]], set[str]]) -> int:
    """Remove from the Sent folder the copies older than `before` whose Message-ID `is_ours`
    (given candidate Message-IDs, it returns those Convenor generated); return how many."""
    if b"UIDPLUS" not in {c.upper() for c in client.capabilities()}:
        raise SentFolderError("the server lacks UIDPLUS: Convenor will not expunge without UID EXPUNGE")
    folder = find_sent_folder(client)
    client.select_folder(folder)
    uids = client.search(["BEFORE", before, "HEADER", "Message-ID", f"@{domain}>"])
    removed = 0
    for start in range(0, len(uids), BATCH):
        chunk = uids[start:start + BATCH]
        ids = {}
        for uid, data in client.fetch(chunk, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]).items():
            raw = data.get(b"BODY[HEADER.FIELDS (MESSAGE-ID)]", b"").decode("ascii", "replace")
            value = raw.partition(":")[2].strip() if ":" in raw else ""
            if value:
                ids[uid] = " ".join(value.split())
        ours = is_ours(sorted(set(ids.values())))
        doomed = [uid for uid, mid in ids.items() if mid in ours]
        if doomed:
            client.delete_messages(doomed)
            client.expunge(doomed)  # UID EXPUNGE of exactly these
            removed += len(doomed)
    log.info("Sent folder %s: %d of Convenor's own copies removed", folder, removed)
    return removed
