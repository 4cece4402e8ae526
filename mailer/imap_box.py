"""The shared mailbox over IMAP (imapclient 4.1): fetch by UID, move away, wait with IDLE.

Keys are "imap:<folder>:<uidvalidity>:<uid>". Within one connection only UIDs above the highest
one already yielded are fetched; after a reconnect, or when UIDVALIDITY changed, the folder is
read again from its start (whatever is still in the inbox is not processed yet; the caller
dedupes by content hash). Messages are only ever moved (MOVE, or COPY + \\Deleted + UID EXPUNGE
of that one UID), never deleted otherwise; messages already flagged \\Deleted in the inbox are
left alone. Message bodies are never logged (imapclient's protocol trace is switched off).
"""
from __future__ import annotations

import logging
import os
import re
import select
import socket
import ssl
import time
from datetime import datetime, timezone
from typing import Callable, Iterator

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientAbortError, IMAPClientError, LoginError

from mailer.mailbox import MailboxError, RawMessage
from mailer.tls import describe_transport, make_ssl_context, require_secure_or_loopback

log = logging.getLogger("convenor.imap")

IDLE_RENEW_SECONDS = 25 * 60  # RFC 2177: servers may drop an IDLE after 30 minutes
_UNTAGGED = re.compile(rb"^\* (?:(\d+) )?([A-Za-z]+)")
SUBADDRESSING_NOTE = ("IMAP cannot tell whether mail to list+token@ reaches this mailbox: "
                      "send a message to such an address and see it arrive")


class _Disconnected(Exception):
    """The server closed the connection or said BYE."""


# Transient: worth reconnecting. Certificate and login problems are not (MailboxError at once).
_TRANSIENT = (OSError, IMAPClientAbortError, _Disconnected)


def _is_transient(error: BaseException) -> bool:
    if isinstance(error, ssl.SSLCertVerificationError):
        return False
    if isinstance(error, LoginError):
        return "UNAVAILABLE" in str(error).upper()  # RFC 5530: temporary authentication failure
    return isinstance(error, _TRANSIENT)


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


class ImapMailbox:
    """The Mailbox protocol over IMAP; one connection, opened lazily, used from one thread.

    `interrupt()` may be called from any thread. Reconnects back off from `backoff_initial`
    doubling to `backoff_max` seconds; only after `reconnect_give_up` seconds of failures does
    `wait_for_mail` raise MailboxError.
    """

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
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)

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
            except (IMAPClientError, CapabilityError, OSError, _Disconnected) as e:
                if attempt == 2 or not _is_transient(e):
                    raise self._failed(what, e) from e
                log.warning("IMAP %s failed (%s); reconnecting once", what, type(e).__name__)
                self._drop()

    # -- the Mailbox protocol --------------------------------------------------------------------

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

    def wait_for_mail(self, timeout: float) -> bool:
        """Block up to `timeout` s until new mail may be there (IDLE, or polling); True if so.

        Returns False at once after `interrupt()`. On a BYE, a closed or broken connection it
        reconnects with backoff and returns False; raises MailboxError only after giving up,
        or at once for errors that retrying cannot fix (certificate, login).
        """
        deadline = time.monotonic() + max(0.0, timeout)
        if self._take_interrupt():
            return False
        try:
            if self._client is None:
                self._connect()
            if self._has_new(self._client):
                return True
            if self.use_idle and b"IDLE" in self.capabilities:
                return self._idle_until(self._client, deadline)
            return self._poll_until(self._client, deadline)
        except (IMAPClientError, CapabilityError, OSError, _Disconnected) as e:
            if not _is_transient(e):
                raise self._failed("wait", e) from e
            log.warning("IMAP connection to %s:%s lost (%s: %s); reconnecting", self.host, self.port,
                        type(e).__name__, e)
            self._drop()
            self._reconnect_with_backoff()
            return False

    def _has_new(self, client: IMAPClient) -> bool:
        """True if UIDs above the last yielded exist, or the server announced EXISTS meanwhile."""
        untagged = client._imap.untagged_responses  # imaplib keeps leftovers here between commands
        untagged.clear()
        if self._search_new(client):
            return True
        # a message that arrived during SEARCH is announced after it, and not again in IDLE
        return bool(untagged.get("EXISTS") or untagged.get(b"EXISTS"))

    def _idle_until(self, client: IMAPClient, deadline: float) -> bool:
        client.idle()
        started = time.monotonic()
        news = self._read_idle(client, socket_readable=False)  # lines already buffered
        while not news:
            now = time.monotonic()
            if now >= deadline:
                break
            if now - started >= IDLE_RENEW_SECONDS:
                if self._idle_news(client.idle_done()[1]):
                    return True
                client.idle()
                started = time.monotonic()
                if news := self._read_idle(client, socket_readable=False):
                    break
            wait = min(deadline - now, IDLE_RENEW_SECONDS - (now - started))
            readable = self._poll(client.socket(), wait)
            if readable is None:  # interrupted
                break
            if readable:
                news = self._read_idle(client, socket_readable=True)
        done = client.idle_done()
        return news or self._idle_news(done[1])

    def _read_idle(self, client: IMAPClient, socket_readable: bool) -> bool:
        """Read the IDLE lines waiting (buffered or on the socket) without blocking; True on EXISTS.

        Raises _Disconnected on BYE, or when the socket was readable yet gave nothing (EOF).
        """
        sock, lines, news = client.socket(), 0, False
        sock.setblocking(False)
        try:
            while True:
                try:
                    line = client._imap._get_line()  # imapclient's idle_check reads the same way
                except (socket.timeout, ssl.SSLWantReadError, BlockingIOError):
                    break
                except IMAPClientAbortError as e:  # also a line cut in two packets: reconnect
                    if "EOF" in str(e) and (lines or not socket_readable):
                        break  # a non-blocking read found nothing more: not an end of stream
                    raise _Disconnected("connection closed by the server") from e
                lines += 1
                match = _UNTAGGED.match(line)
                if match and match.group(2).upper() == b"BYE":
                    raise _Disconnected(f"server said {line[:80]!r}")
                news = news or bool(match and match.group(2).upper() == b"EXISTS")
        finally:
            sock.settimeout(self.timeout)
        return news

    @staticmethod
    def _idle_news(responses: list) -> bool:
        return any(len(r) >= 2 and r[1] == b"EXISTS" for r in responses)

    def _poll_until(self, client: IMAPClient, deadline: float) -> bool:
        while (remaining := deadline - time.monotonic()) > 0:
            if self._poll(None, min(self.poll_interval, remaining)) is None:
                return False
            client.noop()
            if self._has_new(client):
                return True
        return False

    def _poll(self, sock, seconds: float) -> bool | None:
        """Wait for `sock` (may be None) to be readable: True/False, or None when interrupted."""
        poller = select.poll()
        poller.register(self._wake_r, select.POLLIN)
        if sock is not None:
            poller.register(sock.fileno(), select.POLLIN)
        events = dict(poller.poll(max(0.0, seconds) * 1000))
        if self._wake_r in events:
            self._take_interrupt()
            return None
        return bool(events)

    def _reconnect_with_backoff(self) -> None:
        delay, started = self.backoff_initial, time.monotonic()
        while self._poll(None, delay) is not None:
            try:
                self._connect()
                return
            except (IMAPClientError, CapabilityError, OSError) as e:
                if not _is_transient(e):
                    raise self._failed("reconnect", e) from e
                if time.monotonic() - started > self.reconnect_give_up:
                    raise self._failed(f"gave up reconnecting after {self.reconnect_give_up:.0f} s", e) from e
                log.warning("IMAP reconnect to %s:%s failed (%s); next try in %.1f s",
                            self.host, self.port, type(e).__name__, min(delay * 2, self.backoff_max))
                delay = min(delay * 2, self.backoff_max)

    def interrupt(self) -> None:
        """Make the current (or next) wait_for_mail return False promptly; safe from any thread."""
        try:
            os.write(self._wake_w, b"!")
        except (BlockingIOError, OSError):
            pass  # the pipe is full (already interrupted) or closed

    def _take_interrupt(self) -> bool:
        try:
            return bool(os.read(self._wake_r, 4096))
        except (BlockingIOError, OSError):
            return False

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

    def __del__(self) -> None:
        for fd in (getattr(self, "_wake_r", None), getattr(self, "_wake_w", None)):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
