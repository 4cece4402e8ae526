"""Moving messages out of the IMAP inbox (to the processed or quarantine folder), and the
deletions the privacy settings ask for in the processed folder."""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from imapclient import IMAPClient

from mailer.imap_fetching import parse_key

log = logging.getLogger("convenor.imap")


class Folders:
    """Mixed into `ImapMailbox` (an `ImapConnection` with `Fetching`): moves by UID, never
    deletes otherwise; messages of an older UIDVALIDITY are left alone."""

    def move_many(self, keys: list[str], role: str) -> None:
        """Move these messages to the "processed" or "quarantine" folder with one IMAP command.

        Keys of another folder or of an older UIDVALIDITY are skipped (and logged).
        """
        uids_by_validity: dict[int, list[int]] = {}
        for key in keys:
            folder, uidvalidity, uid = parse_key(key)
            if folder != self.folder:
                log.warning("not moving %s: this mailbox reads %s", key, self.folder)
                continue
            uids_by_validity.setdefault(uidvalidity, []).append(uid)
        if not uids_by_validity:
            return

        def move(client: IMAPClient) -> None:
            target = self.folders[role]
            for uidvalidity, uids in uids_by_validity.items():
                if uidvalidity != self._uidvalidity:
                    log.warning("not moving %d message(s): UIDVALIDITY of %s is now %s",
                                len(uids), self.folder, self._uidvalidity)
                    continue
                if b"MOVE" in self.capabilities:
                    client.move(uids, target)
                else:
                    client.copy(uids, target)
                    client.add_flags(uids, [b"\\Deleted"], silent=True)
                    if b"UIDPLUS" in self.capabilities:
                        client.uid_expunge(uids)
                    else:  # a plain EXPUNGE could remove others' \Deleted messages: leave them flagged
                        log.warning("server lacks UIDPLUS: %d message(s) copied to %s, left flagged \\Deleted",
                                    len(uids), target)
                log.info("moved %d message(s) to %s", len(uids), target)

        self._with_reconnect(f"move to {role}", move)

    def remove_processed(self, items: list[tuple[str, str]]) -> int:
        """Delete for good, from the processed folder, the messages with these (key, Message-ID)
        pairs (found by Message-ID: a move gave them new UIDs); return how many were removed.

        The one deletion Convenor makes besides the privacy purge: a closed secret ballot's replies."""
        message_ids = sorted({mid for _, mid in items if mid})
        if not message_ids:
            return 0
        return self._in_processed("remove replies", lambda client: [
            uid for mid in message_ids for uid in client.search(["HEADER", "Message-ID", mid])])

    def remove_processed_before(self, cutoff: datetime) -> int:
        """Delete for good the processed folder's messages that arrived before `cutoff`'s day
        (INTERNALDATE, IMAP's BEFORE); return how many (`privacy.purge_after_days`)."""
        return self._in_processed("purge", lambda client: client.search(["BEFORE", cutoff.date()]))

    def _in_processed(self, what: str, find: Callable[[IMAPClient], list[int]]) -> int:
        def remove(client: IMAPClient) -> int:
            client.select_folder(self.folders["processed"])
            try:
                uids = sorted(set(find(client)))
                if uids:
                    client.add_flags(uids, [b"\\Deleted"], silent=True)
                    if b"UIDPLUS" in self.capabilities:
                        client.uid_expunge(uids)
                    else:
                        client.expunge()
                    log.info("removed %d message(s) from %s for good (%s)", len(uids),
                             self.folders["processed"], what)
                return len(uids)
            finally:
                client.select_folder(self.folder)
        return self._with_reconnect(what, remove)
