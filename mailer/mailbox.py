"""The one small interface every mailbox offers Convenor: fetch what is new, set it aside.

Two kinds exist: `mailer.imap_box.ImapMailbox` (a real IMAP server, IDLE when it can) and
`mailer.maildir_box.MaildirMailbox` (a local Maildir, the embedded default).
Convenor deletes no message it did not promise to: it moves each to the processed or quarantine
folder; only a closed secret ballot's replies and, with `privacy.purge_after_days`, processed
mail older than that are deleted from the processed folder.
Both implementations also offer `interrupt()` (from any thread: the current or next
`wait_for_mail` returns False promptly) and `probe()` (a dict describing the mailbox, for
`convenor check`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator, Protocol


@dataclass(frozen=True)
class RawMessage:
    """One message as the mailbox holds it.

    `key` identifies it on the server for as long as it stays where it is, e.g.
    "imap:INBOX:1712345678:42" (folder, UIDVALIDITY, UID) or "maildir:1712345.M1P2.host".
    `received_at` is when it reached the mailbox (IMAP INTERNALDATE, the Maildir file's
    delivery time), timezone-aware; None when the mailbox cannot tell.
    """

    key: str
    raw: bytes
    received_at: datetime | None = None


class MailboxError(Exception):
    """The mailbox could not be reached or answered wrongly; the caller may retry later."""


class Mailbox(Protocol):
    def fetch_new(self) -> Iterator[RawMessage]:
        """Yield every message waiting in the inbox that has not been moved away yet, oldest first."""

    def forget(self, keys: list[str]) -> None:
        """These messages were yielded but not taken (the round failed before its commit): the
        next `fetch_new` yields them again, as long as they are still in the inbox."""

    def move_many(self, keys: list[str], role: str) -> None:
        """Move several messages at once to the "processed" or "quarantine" folder."""

    def remove_processed(self, items: list[tuple[str, str]]) -> int:
        """Delete for good from the processed folder the messages with these (key, Message-ID)
        pairs; return how many. The one deletion besides the privacy purge: a closed secret
        ballot's replies (IMAP: flagged \\Deleted and expunged; Maildir: the files deleted)."""

    def remove_processed_before(self, cutoff: datetime) -> int:
        """Delete for good the processed folder's messages that arrived before `cutoff`
        (`privacy.purge_after_days`); return how many."""

    def wait_for_mail(self, timeout: float) -> bool:
        """Block up to `timeout` seconds until new mail may be there; True if something arrived.

        Returns early (False) on a disconnect after reconnecting; never raises for a
        transient server problem, only `MailboxError` after giving up.
        """

    def close(self) -> None:
        """Release the connection; safe to call twice."""
