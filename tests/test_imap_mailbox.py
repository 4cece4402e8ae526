"""ImapMailbox against a real Dovecot: fetching, moving, IDLE, reconnects, TLS rules."""
from __future__ import annotations

import logging
import threading
import time

import pytest

from mailer.imap_box import ImapMailbox
from mailer.mailbox import MailboxError
from mailer.tls import InsecureConnectionError
from tests.mailstack import make_message


def subject_of(raw: bytes) -> str:
    for line in raw.split(b"\r\n"):
        if line.startswith(b"Subject: "):
            return line[9:].decode()
    return ""


@pytest.fixture
def box(mail_stack):
    mailbox = ImapMailbox(**mail_stack.imap_settings(), backoff_initial=0.2)
    yield mailbox
    mailbox.close()


def deliver(stack, *subjects: str) -> None:
    for subject in subjects:
        stack.send_to_list(make_message(subject=subject))


def test_fetch_new_yields_oldest_first_then_only_new(mail_stack, box):
    deliver(mail_stack, "one", "two", "three")
    messages = list(box.fetch_new())
    assert [subject_of(m.raw) for m in messages] == ["one", "two", "three"]
    folder, uidvalidity, uid = messages[0].key.split(":")[1:]
    assert folder == "INBOX" and int(uidvalidity) > 0 and int(uid) == 1

    assert list(box.fetch_new()) == []  # "UID 4:*" also answers UID 3: filtered
    deliver(mail_stack, "four")
    assert [subject_of(m.raw) for m in box.fetch_new()] == ["four"]


def test_fetch_streams_in_batches(mail_stack):
    deliver(mail_stack, *[f"m{i}" for i in range(7)])
    box = ImapMailbox(**mail_stack.imap_settings(), fetch_batch=3)
    try:
        stream = box.fetch_new()
        first = next(stream)
        assert subject_of(first.raw) == "m0"
        assert [subject_of(m.raw) for m in stream] == [f"m{i}" for i in range(1, 7)]
    finally:
        box.close()


def test_processed_and_quarantined_are_moved_never_deleted(mail_stack, box):
    deliver(mail_stack, "keep", "done", "bad")
    keep, done, bad = box.fetch_new()
    box.move_many([done.key], "processed")
    box.move_many([bad.key], "quarantine")
    box.move_many([done.key], "processed")  # twice: the UID is gone, nothing happens
    assert mail_stack.folder_counts() == {"INBOX": 1, "Processed": 1, "Quarantine": 1}

    box.close()  # a new connection reads INBOX from the start: only what is still there
    assert [subject_of(m.raw) for m in box.fetch_new()] == ["keep"]


def test_without_move_copies_and_expunges_only_that_uid(mail_stack, box):
    deliver(mail_stack, "a", "b", "c")
    a, b, c = box.fetch_new()
    box.capabilities = box.capabilities - {b"MOVE"}  # as on a server without RFC 6851
    client = mail_stack.imap_client()
    client.select_folder("INBOX")
    client.add_flags([3], [b"\\Deleted"])  # someone else's pending deletion must survive
    box.move_many([a.key], "processed")
    assert mail_stack.folder_counts() == {"INBOX": 2, "Processed": 1, "Quarantine": 0}
    client.logout()


def test_stale_uidvalidity_key_moves_nothing(mail_stack, box):
    deliver(mail_stack, "x")
    [message] = box.fetch_new()
    _, folder, uidvalidity, uid = message.key.split(":")
    box.move_many([f"imap:{folder}:{int(uidvalidity) + 1}:{uid}"], "processed")
    box.move_many([f"imap:Other:{uidvalidity}:{uid}"], "processed")
    assert mail_stack.folder_counts()["INBOX"] == 1


def test_idle_wakes_soon_after_delivery(mail_stack, box):
    assert box.wait_for_mail(0.2) is False
    threading.Timer(0.3, deliver, (mail_stack, "late")).start()
    started = time.monotonic()
    assert box.wait_for_mail(10) is True
    assert time.monotonic() - started < 8  # woken by the delivery, not by the 10 s timeout
    assert [subject_of(m.raw) for m in box.fetch_new()] == ["late"]


def test_wait_returns_at_once_when_mail_is_waiting(mail_stack, box):
    deliver(mail_stack, "early")
    started = time.monotonic()
    assert box.wait_for_mail(10) is True
    assert time.monotonic() - started < 5  # not the 10 s timeout


@pytest.mark.parametrize("use_idle", [True, False])
def test_interrupt_ends_a_wait_promptly(mail_stack, use_idle):
    box = ImapMailbox(**mail_stack.imap_settings(), use_idle=use_idle, poll_interval=30)
    try:
        assert box.wait_for_mail(0) is False  # connected
        threading.Timer(0.2, box.interrupt).start()
        started = time.monotonic()
        assert box.wait_for_mail(30) is False
        assert time.monotonic() - started < 10  # ended by interrupt(), not the 30 s timeout
        box.interrupt()  # before the wait: the next wait returns at once
        assert box.wait_for_mail(30) is False
        deliver(mail_stack, "after")  # and the mailbox still works
        assert [subject_of(m.raw) for m in box.fetch_new()] == ["after"]
    finally:
        box.close()


def test_polling_without_idle_sees_new_mail(mail_stack):
    box = ImapMailbox(**mail_stack.imap_settings(), use_idle=False, poll_interval=0.2)
    try:
        assert box.wait_for_mail(0.3) is False
        threading.Timer(0.2, deliver, (mail_stack, "polled")).start()
        assert box.wait_for_mail(5) is True
        assert [subject_of(m.raw) for m in box.fetch_new()] == ["polled"]
    finally:
        box.close()


@pytest.mark.parametrize("how", ["restart", "crash"])
def test_server_restart_during_wait_loses_nothing(private_mail_stack, how):
    stack = private_mail_stack
    box = ImapMailbox(**stack.imap_settings(), backoff_initial=0.2)
    try:
        deliver(stack, "before")
        [before] = box.fetch_new()  # taken but not yet moved when the server goes away
        dovecot = stack.dovecot
        bounce = dovecot.restart if how == "restart" else lambda: (dovecot.crash(), dovecot.start())
        threading.Timer(0.3, bounce).start()
        started = time.monotonic()
        assert box.wait_for_mail(30) is False  # the disconnect ends the wait, after reconnecting
        assert time.monotonic() - started < 20  # ended by the disconnect, not the 30 s timeout
        deliver(stack, "after")
        assert box.wait_for_mail(10) is True
        subjects = [subject_of(m.raw) for m in box.fetch_new()]
        assert subjects == ["before", "after"]  # read again from the start: nothing lost
        box.move_many([before.key], "processed")  # the old key is still good: same UIDVALIDITY
        assert stack.folder_counts()["Processed"] == 1
    finally:
        box.close()


def test_gives_up_only_after_the_configured_time(private_mail_stack):
    box = ImapMailbox(**private_mail_stack.imap_settings(), backoff_initial=0.1,
                      reconnect_give_up=0.8)
    try:
        assert box.wait_for_mail(0) is False
        private_mail_stack.dovecot.stop()
        started = time.monotonic()
        with pytest.raises(MailboxError, match="gave up"):
            box.wait_for_mail(30)
        assert 0.8 <= time.monotonic() - started < 20  # gave up, not the 30 s timeout
    finally:
        box.close()


def test_wrong_password_is_an_error_at_once(mail_stack):
    settings = {**mail_stack.imap_settings(), "password": "wrong"}
    box = ImapMailbox(**settings, reconnect_give_up=600)
    with pytest.raises(MailboxError, match="AUTHENTICATIONFAILED"):
        box.wait_for_mail(1)
    with pytest.raises(MailboxError):
        list(box.fetch_new())


def test_password_provider_is_asked_at_connect(mail_stack):
    calls = []
    settings = {**mail_stack.imap_settings(), "password": None}
    box = ImapMailbox(**settings, password_provider=lambda: calls.append(1) or mail_stack.list_password)
    assert calls == []  # lazy
    assert list(box.fetch_new()) == []
    assert calls == [1]
    box.close()


def test_self_signed_imaps_needs_its_certificate(mail_stack):
    deliver(mail_stack, "secret")
    trusting = ImapMailbox(**mail_stack.imap_settings("ssl"))
    assert [subject_of(m.raw) for m in trusting.fetch_new()] == ["secret"]
    assert trusting.probe()["tls"] == "verified"
    trusting.close()

    starttls = ImapMailbox(**mail_stack.imap_settings("starttls"))
    assert len(list(starttls.fetch_new())) == 1
    starttls.close()

    for security in ("ssl", "starttls"):
        distrusting = ImapMailbox(**{**mail_stack.imap_settings(security), "ca_file": None})
        with pytest.raises(MailboxError, match="CERTIFICATE_VERIFY_FAILED"):
            list(distrusting.fetch_new())
        with pytest.raises(MailboxError, match="CERTIFICATE_VERIFY_FAILED"):
            distrusting.wait_for_mail(1)  # not retried: it will not fix itself


def test_bodies_never_reach_the_logs(mail_stack, caplog):
    caplog.set_level(logging.DEBUG)
    mail_stack.send_to_list(make_message(body="Survivor's address: 12 Hidden Lane\n"))
    box = ImapMailbox(**mail_stack.imap_settings())
    [message] = box.fetch_new()
    box.move_many([message.key], "quarantine")
    box.close()
    ours = [r.getMessage() for r in caplog.records if r.name != "mail.log"]  # not the test server
    assert any("Quarantine" in line for line in ours)
    assert not any("Hidden Lane" in line for line in ours)


def test_plaintext_to_another_host_is_refused_without_insecure():
    with pytest.raises(InsecureConnectionError, match="insecure"):
        ImapMailbox("imap.example.org", 143, "network@example.org", "pw", security="plain")
    ImapMailbox("imap.example.org", 143, "network@example.org", "pw", security="plain", insecure=True)
    ImapMailbox("localhost", 143, "network@example.org", "pw", security="plain")


def test_probe_describes_the_server_and_creates_nothing(mail_stack):
    box = ImapMailbox(**mail_stack.imap_settings())
    report = box.probe()
    assert report["tls"] == "plaintext-loopback"
    assert report["idle"] is True and report["move"] is True
    assert report["separator"] == "."
    assert report["subaddressing"] == "unknown"
    assert report["folders"] == {"inbox": "INBOX", "processed": "Processed", "quarantine": "Quarantine"}
    assert report["folders_missing"] == ["Processed", "Quarantine"]
    assert "IMAP4REV1" in report["capabilities"]
    assert mail_stack.folder_counts() == {"INBOX": 0}
    list(box.fetch_new())  # the working connection creates them
    assert box.probe()["folders_missing"] == []
    box.close()


def test_folders_use_the_server_separator(mail_stack):
    box = ImapMailbox(**mail_stack.imap_settings(), processed_folder="Convenor/Done")
    deliver(mail_stack, "x")
    [message] = box.fetch_new()
    box.move_many([message.key], "processed")
    assert mail_stack.folder_counts()["Convenor.Done"] == 1
    box.close()


def test_changed_uidvalidity_starts_over_and_ignores_old_keys(mail_stack, box, caplog):
    deliver(mail_stack, "a", "b")
    old_a, _ = box.fetch_new()
    box.close()
    maildir = mail_stack.dovecot.maildir(mail_stack.list_address)
    for index in [maildir / "dovecot-uidlist", *maildir.glob("dovecot.index*")]:
        index.unlink()  # Dovecot rebuilds them with a new UIDVALIDITY
    box.move_many([old_a.key], "processed")
    assert "UIDVALIDITY" in caplog.text
    assert mail_stack.folder_counts()["INBOX"] == 2
    again = list(box.fetch_new())
    assert [subject_of(m.raw) for m in again] == ["a", "b"]
    assert again[0].key != old_a.key
    box.move_many([again[0].key], "processed")
    assert mail_stack.folder_counts() == {"INBOX": 1, "Processed": 1, "Quarantine": 0}


@pytest.mark.slow
def test_two_thousand_waiting_messages_stream_in_batches(mail_stack, box):
    client = mail_stack.imap_client()  # MULTIAPPEND: much faster than 2,000 deliveries
    client.multiappend("INBOX", [f"Subject: n{i}\r\nFrom: a@example.net\r\n\r\nbody {i}\r\n".encode()
                                 for i in range(2000)])
    client.logout()
    fetches = []
    stream = box.fetch_new()
    first = next(stream)  # count the FETCH commands after the first one
    original = box._client.fetch
    box._client.fetch = lambda uids, *a, **k: fetches.append(len(uids)) or original(uids, *a, **k)
    subjects = [subject_of(first.raw)] + [subject_of(m.raw) for m in stream]
    assert subjects == [f"n{i}" for i in range(2000)]
    assert fetches == [100] * 19  # the first batch was fetched before counting began
