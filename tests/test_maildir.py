"""MaildirMailbox and MaildirSender: the embedded default, checked against Dovecot reading it too."""
from __future__ import annotations

import email
import email.policy
import errno
import mailbox as std_mailbox
import os
import threading
import time
from pathlib import Path

import pytest

from mailer.maildir_box import MaildirMailbox
from mailer.maildir_send import MaildirSender
from mailer.sending import TemporaryFailure
from tests.mailstack import MAIL_UID, as_bytes, make_message


def subject_of(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"])


def deliver(path: Path, subject: str, mtime: float | None = None) -> str:
    key = std_mailbox.Maildir(str(path), create=True).add(as_bytes(make_message(subject=subject)))
    if mtime is not None:
        os.utime(path / "new" / key, (mtime, mtime))
    return key


def files(path: Path) -> int:
    return sum(len(os.listdir(path / sub)) for sub in ("new", "cur"))


def test_fetch_oldest_first_then_only_new(tmp_path):
    box = MaildirMailbox(tmp_path)
    now = time.time()
    deliver(tmp_path, "second", now - 10)
    deliver(tmp_path, "first", now - 20)
    messages = list(box.fetch_new())
    assert [subject_of(m.raw) for m in messages] == ["first", "second"]
    assert all(m.key.startswith("maildir:") and ":2," not in m.key for m in messages)
    assert list(box.fetch_new()) == []
    deliver(tmp_path, "third")
    assert [subject_of(m.raw) for m in box.fetch_new()] == ["third"]
    assert [subject_of(m.raw) for m in MaildirMailbox(tmp_path).fetch_new()] == ["first", "second", "third"]


def test_moves_to_processed_and_quarantine_never_deletes(tmp_path):
    box = MaildirMailbox(tmp_path)
    for subject in ("keep", "done", "bad"):
        deliver(tmp_path, subject)
    by_subject = {subject_of(m.raw): m for m in box.fetch_new()}
    box.move_many([by_subject["done"].key], "processed")
    box.move_many([by_subject["bad"].key], "quarantine")
    box.move_many([by_subject["done"].key], "processed")  # already gone: nothing happens
    assert (files(tmp_path), files(tmp_path / ".Processed"), files(tmp_path / ".Quarantine")) == (1, 1, 1)
    [moved] = os.listdir(tmp_path / ".Processed" / "cur")
    assert moved.endswith(":2,") and (tmp_path / ".Processed" / "maildirfolder").exists()
    assert [subject_of(m.raw) for m in MaildirMailbox(tmp_path).fetch_new()] == ["keep"]
    with pytest.raises(ValueError):
        box.move_many(["maildir:../../etc/passwd"], "processed")


def test_wait_sees_delivery_and_interrupt(tmp_path):
    box = MaildirMailbox(tmp_path, poll_seconds=0.05)
    assert box.wait_for_mail(0.1) is False
    threading.Timer(0.2, deliver, (tmp_path, "late")).start()
    started = time.monotonic()
    assert box.wait_for_mail(5) is True
    assert time.monotonic() - started < 4  # woken by the delivery, not the 5 s timeout
    list(box.fetch_new())
    threading.Timer(0.2, box.interrupt).start()
    started = time.monotonic()
    assert box.wait_for_mail(30) is False
    assert time.monotonic() - started < 10  # ended by interrupt(), not the 30 s timeout


def test_sender_writes_whole_messages_into_new(tmp_path):
    sender = MaildirSender(tmp_path / "outbox")
    data = as_bytes(make_message(subject="Ballot"))
    sender.send("network+b-x@example.org", "jean@example.org", data)
    [name] = os.listdir(tmp_path / "outbox" / "new")
    written = (tmp_path / "outbox" / "new" / name).read_bytes()
    assert written == b"Return-Path: <network+b-x@example.org>\r\nDelivered-To: jean@example.org\r\n" + data
    assert os.listdir(tmp_path / "outbox" / "tmp") == []
    assert oct(os.stat(tmp_path / "outbox" / "new" / name).st_mode & 0o777) == "0o600"
    with pytest.raises(ValueError):
        sender.send("a@example.org\r\nBcc: x@example.org", "jean@example.org", data)


def test_sender_disk_full_is_temporary_and_leaves_nothing(tmp_path, monkeypatch):
    sender = MaildirSender(tmp_path)
    real_write = os.write

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(TemporaryFailure, match="disk full"):
        sender.send("network@example.org", "jean@example.org", b"Subject: x\r\n\r\nbody\r\n")
    monkeypatch.setattr(os, "write", real_write)
    assert os.listdir(tmp_path / "tmp") == [] and os.listdir(tmp_path / "new") == []


def test_sender_then_mailbox_round_trip(tmp_path):
    sender = MaildirSender(tmp_path)
    for i in range(3):
        sender.send("network@example.org", "list@example.org", as_bytes(make_message(subject=f"r{i}")))
    assert [subject_of(m.raw) for m in MaildirMailbox(tmp_path).fetch_new()] == ["r0", "r1", "r2"]


def test_dovecot_sees_the_folders_of_a_maildir_mailbox(mail_stack):
    mail_stack.send_to_list(make_message(subject="served"))
    mail_stack.send_to_list(make_message(subject="held"))
    maildir = mail_stack.dovecot.maildir(mail_stack.list_address)
    box = MaildirMailbox(maildir)
    for root, dirs, names in os.walk(maildir):  # Dovecot's mail processes run as the mail user
        for name in dirs + names:
            os.chown(os.path.join(root, name), MAIL_UID, MAIL_UID)
    served, held = box.fetch_new()
    box.move_many([served.key], "processed")
    box.move_many([held.key], "quarantine")
    assert mail_stack.folder_counts() == {"INBOX": 0, "Processed": 1, "Quarantine": 1}
