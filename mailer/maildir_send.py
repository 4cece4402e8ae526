"""Sending into a local Maildir (the embedded default): each message is one file in new/.

Written to tmp/, flushed to disk, then renamed into new/ (atomic: a reader never sees half a
message). `Delivered-To` and `Return-Path` are put on top, as a local delivery agent does, so
whoever reads the Maildir knows the envelope.
"""
from __future__ import annotations

import errno
import itertools
import os
import socket
import time
from pathlib import Path

from mailer.maildir_box import ensure_maildir
from mailer.sending import TemporaryFailure

_counter = itertools.count(1)


class MaildirSender:
    """The Sender protocol over a Maildir; safe to share between threads."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.messages_sent = 0
        self.offers_smtputf8 = True  # a file takes any address
        self._ready = False
        self._host = socket.gethostname().replace("/", "\\057").replace(":", "\\072") or "localhost"

    def _ensure(self) -> None:
        if not self._ready:
            ensure_maildir(self.path)
            self._ready = True

    def _unique(self) -> str:
        now = time.time()
        return f"{int(now)}.M{int(now % 1 * 1e6):06d}P{os.getpid()}Q{next(_counter)}.{self._host}"

    def send(self, envelope_from: str, recipient: str, data: bytes | list) -> None:
        """Write the message (with Delivered-To/Return-Path on top) into new/; return once it is there.

        Any OSError (a full disk, ENOSPC, above all) is a TemporaryFailure: nothing is left in new/.
        """
        for value in (envelope_from, recipient):
            if "\r" in value or "\n" in value:
                raise ValueError(f"line break in an envelope address: {value!r}")
        head = f"Return-Path: <{envelope_from}>\r\nDelivered-To: {recipient}\r\n".encode()
        name = self._unique()
        tmp, final = self.path / "tmp" / name, self.path / "new" / name
        try:
            self._ensure()
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                view = memoryview(head + (data if isinstance(data, (bytes, bytearray)) else b"".join(data)))
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.rename(tmp, final)
        except OSError as e:
            self._ready = False  # the folders are looked at again on the next try
            try:
                tmp.unlink()
            except OSError:
                pass
            reason = "disk full" if e.errno == errno.ENOSPC else type(e).__name__
            raise TemporaryFailure(f"Maildir {self.path}: {reason}: {e}") from e
        self.messages_sent += 1

    def close(self) -> None:
        """Nothing to release; safe to call twice."""
