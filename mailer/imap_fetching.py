"""Fetching from the IMAP inbox: new UIDs since the last one yielded, bodies in batches, each
with its INTERNALDATE; the keys ("imap:<folder>:<uidvalidity>:<uid>") that name a message."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Iterator

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mailer.mailbox import RawMessage

log = logging.getLogger("convenor.imap")


def _aware(moment: datetime | None) -> datetime | None:
    """INTERNALDATE as an aware UTC datetime (imapclient gives it with the server's offset)."""
    if not isinstance(moment, datetime):
        return None
    if moment.tzinfo is None:  # not expected with normalise_times off; read as local time
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc)


def parse_key(key: str) -> tuple[str, int, int]:
    """Split "imap:<folder>:<uidvalidity>:<uid>" into (folder, uidvalidity, uid); ValueError if not one."""
    scheme, rest = key.split(":", 1)
    folder, uidvalidity, uid = rest.rsplit(":", 2)
    if scheme != "imap":
        raise ValueError(f"not an IMAP key: {key!r}")
    return folder, int(uidvalidity), int(uid)


class Fetching:
    """Mixed into `ImapMailbox` (an `ImapConnection`): reads its inbox. Keeps `_uidvalidity`,
    `_last_uid` (the highest UID yielded on this connection) and watches `_generation`."""

    def fetch_new(self) -> Iterator[RawMessage]:
        """Yield the inbox's messages above the last UID seen on this connection, oldest first.

        Bodies are fetched (BODY.PEEK[], the \\Seen flag is left alone) `fetch_batch` UIDs at a
        time, each with its INTERNALDATE (when it reached the mailbox) as `received_at`.
        Raises MailboxError if the server cannot be reached or the connection breaks.
        """
        uids = self._with_reconnect("search", self._new_uids)
        generation = self._generation
        for start in range(0, len(uids), self.fetch_batch):
            if self._generation != generation or self._client is None:
                return  # reconnected meanwhile: the next fetch_new reads from the start
            batch = uids[start:start + self.fetch_batch]
            try:
                items = self._client.fetch(batch, ["BODY.PEEK[]", "INTERNALDATE"])
            except (IMAPClientError, OSError) as e:
                raise self._failed("fetch", e) from e
            for uid in batch:
                body = items.get(uid, {}).get(b"BODY[]")
                if body is None:
                    continue  # moved away by someone else meanwhile
                self._last_uid = max(self._last_uid, uid)
                yield RawMessage(f"imap:{self.folder}:{self._uidvalidity}:{uid}", body,
                                 _aware(items[uid].get(b"INTERNALDATE")))

    def _new_uids(self, client: IMAPClient) -> list[int]:
        uidvalidity = int(client.select_folder(self.folder)[b"UIDVALIDITY"])
        if uidvalidity != self._uidvalidity:
            log.warning("UIDVALIDITY of %s changed from %s to %s: reading it again from the start",
                        self.folder, self._uidvalidity, uidvalidity)
            self._uidvalidity, self._last_uid = uidvalidity, 0
        return self._search_new(client)

    def _search_new(self, client: IMAPClient) -> list[int]:
        last = self._last_uid
        # "UID n:*" also matches the highest UID when it is below n: filter
        return sorted(u for u in client.search(["UID", f"{last + 1}:*", "UNDELETED"]) if u > last)

    def forget(self, keys: list[str]) -> None:
        """The next fetch_new yields these messages again (the round that read them failed):
        the last UID seen goes back to just below the lowest of them."""
        uids = [parse_key(k)[2] for k in keys if parse_key(k)[:2] == (self.folder, self._uidvalidity)]
        if uids:
            self._last_uid = min(self._last_uid, min(uids) - 1)
