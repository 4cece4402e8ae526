"""The shared mailbox as a local Maildir (the embedded default): no server, same protocol.

The inbox is the Maildir's new/ and cur/; messages are moved (renamed, never copied or deleted)
into the Maildir++ subfolders .Processed and .Quarantine, so a mail client or Dovecot pointed
at the same Maildir sees them as folders. Keys are "maildir:<unique name>" (the file name
without its ":2,flags" part).
"""
from __future__ import annotations

import logging
import os
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from mailer.mailbox import MailboxError, RawMessage

log = logging.getLogger("convenor.maildir")

POLL_SECONDS = 0.25


def _unique(filename: str) -> str:
    return filename.split(":", 1)[0]


def ensure_maildir(path: Path, subfolder: bool = False) -> None:
    """Create path/{tmp,new,cur} (and the maildirfolder marker for a Maildir++ subfolder), every
    folder readable by its owner alone (0700): Processed holds every raw message."""
    for folder in (path, path / "tmp", path / "new", path / "cur"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if folder.stat().st_mode & 0o077:
            folder.chmod(0o700)
    if subfolder:
        (path / "maildirfolder").touch(mode=0o600, exist_ok=True)


class MaildirMailbox:
    """The Mailbox protocol over a Maildir directory, polled; `interrupt()` works from any thread."""

    def __init__(self, path: str | os.PathLike, processed_folder: str = "Processed",
                 quarantine_folder: str = "Quarantine", poll_seconds: float = POLL_SECONDS):
        self.path = Path(path)
        self.folders = {"processed": self.path / f".{processed_folder}",
                        "quarantine": self.path / f".{quarantine_folder}"}
        self.poll_seconds = poll_seconds
        self._seen: set[str] = set()
        self._wake = threading.Event()
        try:
            ensure_maildir(self.path)
            for folder in self.folders.values():
                ensure_maildir(folder, subfolder=True)
        except OSError as e:
            raise MailboxError(f"Maildir {self.path}: {e}") from e

    def _inbox(self) -> dict[str, Path]:
        """Unique name → file, for every message in new/ and cur/ (hidden files skipped)."""
        found: dict[str, Path] = {}
        for sub in ("new", "cur"):
            directory = self.path / sub
            try:
                names = os.listdir(directory)
            except OSError as e:
                raise MailboxError(f"Maildir {directory}: {e}") from e
            for name in names:
                if not name.startswith("."):
                    found[_unique(name)] = directory / name
        return found

    def fetch_new(self) -> Iterator[RawMessage]:
        """Yield the messages not yet yielded by this object that are still in the inbox.

        Oldest first (by modification time, then name). A message moved away meanwhile is skipped.
        The file's modification time is its delivery time (`received_at`), as Dovecot reads it too.
        """
        inbox = self._inbox()
        self._seen &= inbox.keys()  # forget what was moved away
        waiting = []
        for key, path in inbox.items():
            if key not in self._seen:
                try:
                    waiting.append((path.stat().st_mtime_ns, path.name, key, path))
                except FileNotFoundError:
                    continue
        for mtime, _name, key, path in sorted(waiting):
            try:
                raw = path.read_bytes()
            except FileNotFoundError:  # moved by someone else; maybe new/ → cur/ by a client
                current = self._inbox().get(key)
                if current is None:
                    continue
                raw = current.read_bytes()
            self._seen.add(key)
            yield RawMessage(f"maildir:{key}", raw, datetime.fromtimestamp(mtime / 1e9, timezone.utc))

    def forget(self, keys: list[str]) -> None:
        """The next fetch_new yields these messages again (the round that read them failed)."""
        self._seen.difference_update(k.partition(":")[2] for k in keys)

    def move_many(self, keys: list[str], role: str) -> None:
        """Move these messages to the "processed" or "quarantine" folder."""
        for key in keys:
            self._move(key, role)

    def _move(self, key: str, role: str) -> None:
        scheme, _, unique = key.partition(":")
        if scheme != "maildir" or not unique or "/" in unique:
            raise ValueError(f"not a Maildir key: {key!r}")
        source = self._inbox().get(unique)
        if source is None:
            log.warning("not moving %s: no longer in the inbox", key)
            return
        name = source.name if ":" in source.name else source.name + ":2,"
        try:
            os.rename(source, self.folders[role] / "cur" / name)
        except FileNotFoundError:
            log.warning("not moving %s: it went away meanwhile", key)
            return
        except OSError as e:
            raise MailboxError(f"Maildir: moving {key} to {role}: {e}") from e
        self._seen.discard(unique)
        log.info("moved %s to %s", key, self.folders[role].name)

    def remove_processed(self, items: list[tuple[str, str]]) -> int:
        """Delete for good, from the processed folder, the messages with these (key, Message-ID)
        pairs (found by key: a move keeps the file's name); return how many were removed."""
        wanted = {key.partition(":")[2] for key, _ in items if key.startswith("maildir:")}
        return self._remove_processed(lambda name, path: _unique(name) in wanted, "remove replies")

    def remove_processed_before(self, cutoff: datetime) -> int:
        """Delete for good the processed folder's messages delivered before `cutoff` (the file's
        time, as `fetch_new` reads it); return how many (`privacy.purge_after_days`)."""
        limit = cutoff.timestamp()
        return self._remove_processed(lambda name, path: path.stat().st_mtime < limit, "purge")

    def _remove_processed(self, chosen, what: str) -> int:
        removed = 0
        for sub in ("cur", "new"):
            folder = self.folders["processed"] / sub
            try:
                for name in os.listdir(folder):
                    path = folder / name
                    if not name.startswith(".") and chosen(name, path):
                        path.unlink()
                        removed += 1
            except FileNotFoundError:
                continue
            except OSError as e:
                raise MailboxError(f"Maildir {folder}: {e}") from e
        if removed:
            log.info("removed %d message(s) from %s for good (%s)", removed, self.folders["processed"].name, what)
        return removed

    def wait_for_mail(self, timeout: float) -> bool:
        """Poll new/ and cur/ every `poll_seconds` until a message not yet yielded appears.

        True if one did within `timeout`; False on timeout or after `interrupt()`.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            if self._wake.is_set():
                self._wake.clear()
                return False
            if any(key not in self._seen for key in self._inbox()):
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._wake.wait(min(self.poll_seconds, remaining))

    def interrupt(self) -> None:
        """Make the current (or next) wait_for_mail return False promptly; safe from any thread."""
        self._wake.set()

    def probe(self) -> dict:
        """Describe the Maildir for `convenor check`: its folders and whether they are writable."""
        folders = {"inbox": str(self.path), **{k: str(v) for k, v in self.folders.items()}}
        writable = all(os.access(p / "new", os.W_OK) and os.access(p / "cur", os.W_OK)
                       for p in [self.path, *self.folders.values()])
        return {"kind": "maildir", "folders": folders, "writable": writable}

    def close(self) -> None:
        """Nothing to release; safe to call twice."""
