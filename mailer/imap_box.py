"""The shared mailbox over IMAP (imapclient 4.1): fetch by UID, move away, wait with IDLE.

Keys are "imap:<folder>:<uidvalidity>:<uid>". Within one connection only UIDs above the highest
one already yielded are fetched; after a reconnect, or when UIDVALIDITY changed, the folder is
read again from its start (whatever is still in the inbox is not processed yet; the caller
dedupes by content hash). Messages are only ever moved (MOVE, or COPY + \\Deleted + UID EXPUNGE
of that one UID), never deleted otherwise; messages already flagged \\Deleted in the inbox are
left alone. Message bodies are never logged (imapclient's protocol trace is switched off).

One job a module: `imap_connection` (TLS, login, folder names, reconnecting), `imap_fetching`
(new messages), `imap_folders` (moving, the privacy deletions), `imap_waiting` (IDLE, polling,
interrupting); the Sent folder's care is `mailer.sent_folder`, on a session of its own.
"""
from __future__ import annotations

from mailer.imap_connection import ImapConnection
from mailer.imap_fetching import Fetching, parse_key
from mailer.imap_folders import Folders
from mailer.imap_waiting import Waiting

__all__ = ["ImapMailbox", "parse_key"]


class ImapMailbox(Fetching, Folders, Waiting, ImapConnection):
    """The Mailbox protocol over IMAP; one connection, opened lazily, used from one thread.

    `interrupt()` may be called from any thread. Reconnects back off from `backoff_initial`
    doubling to `backoff_max` seconds; only after `reconnect_give_up` seconds of failures does
    `wait_for_mail` raise MailboxError. Takes `ImapConnection`'s arguments.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._open_wakeup()
