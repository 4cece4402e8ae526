"""The IMAP connection: TLS, login (password or OAuth2), the server's folder names, and
reconnecting once when a connection went stale. Used by `mailer.imap_box.ImapMailbox`.

Message bodies are never logged (imapclient's protocol trace is switched off).
"""
from __future__ import annotations

import logging
import ssl
from typing import Callable

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientAbortError, IMAPClientError, LoginError

from mailer.mailbox import MailboxError
from mailer.tls import describe_transport, make_ssl_context, require_secure_or_loopback

log = logging.getLogger("convenor.imap")

SUBADDRESSING_NOTE = ("IMAP cannot tell whether mail to list+token@ reaches this mailbox: "
                      "send a message to such an address and see it arrive")


class Disconnected(Exception):
    """The server closed the connection or said BYE."""


# Transient: worth reconnecting. Certificate and login problems are not (MailboxError at once).
_TRANSIENT = (OSError, IMAPClientAbortError, Disconnected)


def is_transient(error: BaseException) -> bool:
    """True when reconnecting may cure `error` (a broken connection, a temporary login failure)."""
    if isinstance(error, ssl.SSLCertVerificationError):
        return False
    if isinstance(error, LoginError):
        return "UNAVAILABLE" in str(error).upper()  # RFC 5530: temporary authentication failure
    return isinstance(error, _TRANSIENT)


class ImapConnection:
    """One IMAP connection, opened lazily, used from one thread: settings, login, folder names
    (`folders`: inbox, processed, quarantine as the server spells them), capabilities."""

    def __init__(self, host: str, port: int, username: str, password: str | None = None,
                 security: str = "ssl", ca_file: str | None = None, insecure: bool = False,
                 folder: str = "INBOX", processed_folder: str = "Processed",
                 quarantine_folder: str = "Quarantine", use_idle: bool = True,
                 poll_interval: float = 60.0, timeout: float = 30.0,
                 password_provider: Callable[[], str] | None = None,
                 oauth2_token_provider: Callable[[], str] | None = None, *,
                 reconnect_give_up: float = 3600.0, backoff_initial: float = 0.5,
                 backoff_max: float = 60.0, fetch_batch: int = 100):
        require_secure_or_loopback(host, security, insecure, "IMAP")
        if password is None and password_provider is None and oauth2_token_provider is None:
            raise ValueError("IMAP: give a password, a password_provider or an oauth2_token_provider")
        self.host, self.port, self.username, self.security = host, port, username, security
        self.ca_file, self.folder, self.use_idle = ca_file, folder, use_idle
        self.poll_interval, self.timeout = poll_interval, timeout
        self.reconnect_give_up, self.backoff_initial = reconnect_give_up, backoff_initial
        self.backoff_max, self.fetch_batch = backoff_max, fetch_batch
        self._password, self._password_provider = password, password_provider
        self._oauth2_token_provider = oauth2_token_provider
        self._wanted = {"processed": processed_folder, "quarantine": quarantine_folder}
        self.folders: dict[str, str] = {}  # resolved names, once connected
        self.separator: str | None = None
        self.capabilities: frozenset[bytes] = frozenset()
        self.connections_opened = 0
        self._client: IMAPClient | None = None
        self._generation = 0  # bumped at each connect: a running fetch_new stops when it changes
        self._uidvalidity: int | None = None
        self._last_uid = 0

    # -- connecting ---------------------------------------------------------------------------

    def _open(self, create_folders: bool) -> tuple[IMAPClient, int]:
        """Connect, log in, learn the separator, resolve (and create) folders, select the inbox."""
        context = make_ssl_context(self.ca_file) if self.security != "plain" else None
        client = IMAPClient(self.host, self.port, ssl=self.security == "ssl",
                            ssl_context=context, timeout=self.timeout)
        client._imap.debug = 0  # imapclient traces every line (bodies too) at DEBUG: not ours
        client.normalise_times = False  # INTERNALDATE as the server wrote it, with its offset
        try:
            if self.security == "starttls":
                client.starttls(context)  # CapabilityError when the server does not offer it
            if self._oauth2_token_provider is not None:
                client.oauth2_login(self.username, self._oauth2_token_provider())
            else:
                password = self._password_provider() if self._password_provider else self._password
                client.login(self.username, password)
            self.capabilities = frozenset(c.upper() for c in client.capabilities())
            prefix, self.separator = self._namespace(client)
            self.folders = {"inbox": self.folder}
            for role, name in self._wanted.items():
                self.folders[role] = self._resolve(name, prefix, self.separator)
                if create_folders and not client.folder_exists(self.folders[role]):
                    client.create_folder(self.folders[role])
                    log.info("created IMAP folder %s", self.folders[role])
            info = client.select_folder(self.folder)
            return client, int(info[b"UIDVALIDITY"])
        except BaseException:
            self._quietly_close(client)
            raise

    def _namespace(self, client: IMAPClient) -> tuple[str, str]:
        if b"NAMESPACE" in self.capabilities:
            personal = client.namespace().personal
            if personal:
                prefix, sep = personal[0]
                return prefix or "", sep or "."
        folders = client.list_folders("", "INBOX")
        return "", (folders[0][1].decode() if folders and folders[0][1] else ".")

    @staticmethod
    def _resolve(name: str, prefix: str, separator: str) -> str:
        if name.upper() == "INBOX":
            return "INBOX"
        if separator != "/":
            name = name.replace("/", separator)
        return name if not prefix or name.startswith(prefix) else prefix + name

    def _connect(self) -> None:
        client, uidvalidity = self._open(create_folders=True)
        if self._uidvalidity is not None and uidvalidity != self._uidvalidity:
            log.warning("UIDVALIDITY of %s changed from %s to %s: reading it again from the start",
                        self.folder, self._uidvalidity, uidvalidity)
        self._client, self._uidvalidity, self._last_uid = client, uidvalidity, 0
        self._generation += 1
        self.connections_opened += 1
        log.info("IMAP connected to %s:%s (%s) as %s, %s UIDVALIDITY %s", self.host, self.port,
                 describe_transport(self.host, self.security), self.username, self.folder, uidvalidity)

    @staticmethod
    def _quietly_close(client: IMAPClient) -> None:
        try:
            client.shutdown()
        except Exception:
            pass

    def _drop(self) -> None:
        if self._client is not None:
            self._quietly_close(self._client)
            self._client = None

    def _failed(self, what: str, error: BaseException) -> MailboxError:
        self._drop()
        return MailboxError(f"IMAP {self.host}:{self.port}: {what}: {type(error).__name__}: {error}")

    def _with_reconnect(self, what: str, operation: Callable[[IMAPClient], object]):
        """Run operation(client); on a stale connection reconnect once and run it again."""
        for attempt in (1, 2):
            try:
                if self._client is None:
                    self._connect()
                return operation(self._client)
            except (IMAPClientError, CapabilityError, OSError, Disconnected) as e:
                if attempt == 2 or not is_transient(e):
                    raise self._failed(what, e) from e
                log.warning("IMAP %s failed (%s); reconnecting once", what, type(e).__name__)
                self._drop()

    # -- separate sessions, the check, closing ----------------------------------------------------

    def open_session(self) -> IMAPClient:
        """A separate logged-in connection, inbox selected, for an occasional job (Sent-folder
        care); the caller logs it out."""
        return self._open(create_folders=False)[0]

    def probe(self) -> dict:
        """Connect once on a separate connection (creating nothing) and describe the server.

        Returns {"tls", "idle", "move", "uidplus", "subaddressing": "unknown", "subaddressing_note",
        "separator", "folders": {inbox, processed, quarantine}, "folders_missing", "capabilities"}.
        Raises MailboxError when it cannot connect or log in.
        """
        try:
            client, _ = self._open(create_folders=False)
            try:
                missing = [n for n in self.folders.values() if not client.folder_exists(n)]
            finally:
                self._quietly_close(client)
        except (IMAPClientError, CapabilityError, OSError) as e:
            raise MailboxError(f"IMAP {self.host}:{self.port}: {type(e).__name__}: {e}") from e
        return {"tls": describe_transport(self.host, self.security),
                "idle": b"IDLE" in self.capabilities, "move": b"MOVE" in self.capabilities,
                "uidplus": b"UIDPLUS" in self.capabilities, "subaddressing": "unknown",
                "subaddressing_note": SUBADDRESSING_NOTE, "separator": self.separator,
                "folders": dict(self.folders), "folders_missing": missing,
                "capabilities": sorted(c.decode() for c in self.capabilities)}

    def close(self) -> None:
        """Log out and drop the connection; safe to call twice (the next call reconnects)."""
        client, self._client = self._client, None
        if client is not None:
            try:
                client.logout()
            except Exception:
                self._quietly_close(client)
