"""Waiting for new mail on the IMAP inbox: IDLE when the server offers it (renewed before the
30 minutes RFC 2177 allows), else polling; interruptible from another thread; reconnecting with
backoff when the connection is lost while waiting."""
from __future__ import annotations

import logging
import os
import re
import select
import socket
import ssl
import time

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientAbortError, IMAPClientError

from mailer.imap_connection import Disconnected, is_transient

log = logging.getLogger("convenor.imap")

IDLE_RENEW_SECONDS = 25 * 60  # RFC 2177: servers may drop an IDLE after 30 minutes
_UNTAGGED = re.compile(rb"^\* (?:(\d+) )?([A-Za-z]+)")


class Waiting:
    """Mixed into `ImapMailbox` (an `ImapConnection` with `Fetching`): `wait_for_mail` and
    `interrupt`, through a self-pipe that wakes a wait from any thread."""

    def _open_wakeup(self) -> None:
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)

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
        except (IMAPClientError, CapabilityError, OSError, Disconnected) as e:
            if not is_transient(e):
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

        Raises Disconnected on BYE, or when the socket was readable yet gave nothing (EOF).
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
                    raise Disconnected("connection closed by the server") from e
                lines += 1
                match = _UNTAGGED.match(line)
                if match and match.group(2).upper() == b"BYE":
                    raise Disconnected(f"server said {line[:80]!r}")
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
                if not is_transient(e):
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

    def __del__(self) -> None:
        for fd in (getattr(self, "_wake_r", None), getattr(self, "_wake_w", None)):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
