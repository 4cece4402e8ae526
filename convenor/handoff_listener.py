"""The daemon's end of the hand-over socket (see convenor.handoff for why and the protocol)."""
from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import datetime
from typing import Callable

from convenor.handoff import ANSWER_TIMEOUT, socket_path

log = logging.getLogger("convenor.handoff")

MAX_MESSAGE = 128 * 1024 * 1024  # a larger hand-over is refused (deliver then handles it itself)
_READ_TIMEOUT = 10.0  # a connected client that stops sending is dropped after this


class Handed:
    """One message handed over by `deliver`, waiting for the daemon's commit and answer."""

    def __init__(self, raw: bytes, conn: socket.socket, received_at: datetime):
        self.raw, self.conn = raw, conn
        self.received_at = received_at  # when the daemon had all of it: its time of arrival

    def answer(self, line: str) -> None:
        """Send the outcome line and close; a client that went away meanwhile is no matter
        (it handles the message itself and finds it already recorded)."""
        try:
            self.conn.sendall(line.encode("utf-8", "replace") + b"\n")
        except OSError:
            pass
        finally:
            self.conn.close()


class HandoffListener:
    """The daemon's end of `<store>.sock`: bound while the daemon holds the store lock.

    `on_arrival` is called (from a listener thread) whenever a message is handed over or a
    WAKE comes; `clock` dates each message's arrival (the daemon's clock); `take()` returns the messages waiting. Binding can fail (a socket path longer
    than the system allows, a read-only folder): the daemon then runs without it and `deliver`
    handles messages itself, noticed by the daemon on its next look at the store.
    """

    def __init__(self, store_path: str | os.PathLike, on_arrival: Callable[[], None],
                 clock: Callable[[], datetime]):
        self.path = socket_path(store_path)
        self.on_arrival, self.clock = on_arrival, clock
        self._waiting: list[Handed] = []
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._closed = threading.Event()

    def start(self) -> bool:
        """Bind and listen (replacing a dead daemon's socket file); False when it cannot."""
        try:
            if os.path.exists(self.path):
                os.unlink(self.path)  # the store lock is ours: no live daemon owns this file
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            old_umask = os.umask(0o177)
            try:
                sock.bind(self.path)
            finally:
                os.umask(old_umask)
            os.chmod(self.path, 0o600)
            sock.listen(64)
        except OSError as exc:
            log.warning("no hand-over socket at %s (%s); `convenor deliver` will handle messages itself",
                        self.path, exc.strerror or exc)
            return False
        self._sock = sock
        threading.Thread(target=self._accept, name="handoff", daemon=True).start()
        return True

    def waiting(self) -> bool:
        """Whether messages wait to be taken."""
        with self._lock:
            return bool(self._waiting)

    def take(self) -> list[Handed]:
        """The messages handed over so far (each to be answered once committed)."""
        with self._lock:
            taken, self._waiting = self._waiting, []
        return taken

    def close(self) -> None:
        """Stop listening; clients still waiting get no answer and handle their message themselves."""
        self._closed.set()
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
            try:
                os.unlink(self.path)
            except OSError:
                pass
        for handed in self.take():
            handed.conn.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            sock = self._sock
            if sock is None:
                return
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=self._receive, args=(conn,), name="handoff-client", daemon=True).start()

    def _receive(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(_READ_TIMEOUT)
            head = b""
            while b"\n" not in head and len(head) < 64:
                chunk = conn.recv(64 - len(head))
                if not chunk:
                    break
                head += chunk
            line, _, body = head.partition(b"\n")
            if line.strip() == b"WAKE":
                conn.close()
                self.on_arrival()
                return
            verb, _, length = line.strip().partition(b" ")
            if verb != b"DELIVER" or not length.isdigit() or int(length) > MAX_MESSAGE:
                conn.close()
                return
            raw = _read_exactly(conn, int(length), body)
            if raw is None:
                conn.close()
                return
            conn.settimeout(ANSWER_TIMEOUT)
        except OSError:
            conn.close()
            return
        with self._lock:
            if self._closed.is_set():
                conn.close()
                return
            self._waiting.append(Handed(raw, conn, self.clock()))
        self.on_arrival()


def _read_exactly(conn: socket.socket, length: int, start: bytes) -> bytes | None:
    """`length` bytes (beginning with `start`), or None when the client stopped short."""
    chunks, have = [start], len(start)
    while have < length:
        chunk = conn.recv(min(1 << 20, length - have))
        if not chunk:
            return None
        chunks.append(chunk)
        have += len(chunk)
    data = b"".join(chunks)
    return data if len(data) == length else None
