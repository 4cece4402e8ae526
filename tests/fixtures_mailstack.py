"""Pytest plugin: a real mail stack on loopback (Dovecot IMAP/LMTP, SMTP→LMTP bridge, SMTP capture).

    def test_something(mail_stack):                       # fresh, empty list mailbox per test
        mail_stack.send_to_list(make_message(), rcpt="+token")  # in INBOX when this returns
        box = ImapMailbox(**mail_stack.imap_settings())   # or imap_settings("ssl"/"starttls")
        sender = SmtpSender(**mail_stack.smtp_settings())   # outbound lands in mail_stack.capture
        mail_stack.capture.wait_for(1)[0]["data"]

One Dovecot serves the whole session (start ~0.05 s); each test gets a new user
network-<n>@example.org and a new SmtpCapture (~2 ms). A test that stops, crashes or restarts
Dovecot should use `private_mail_stack` (its own Dovecot, ~0.2 s more).
Without Dovecot the tests are skipped; with CI=true they fail instead.
"""
from __future__ import annotations

import itertools
import os

import pytest

from tests.mailstack import MailStack, SmtpCapture, dovecot_missing

_lists = itertools.count(1)


def require_dovecot() -> None:
    """Skip the test when Dovecot cannot run here; under CI=true fail it instead."""
    why = dovecot_missing()
    if why is None and os.geteuid() != 0:
        why = "the test Dovecot runs as root (its mail processes use uid 8, Debian's mail user)"
    if why:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and the mail stack cannot run: {why}", pytrace=False)
        pytest.skip(why)


@pytest.fixture(scope="session")
def mail_servers():
    """The session's shared MailStack (Dovecot + LmtpBridge + a capture); prefer `mail_stack`."""
    require_dovecot()
    stack = MailStack.start("network-0@example.org")
    yield stack
    stack.close()


@pytest.fixture
def smtp_capture():
    """A fresh SmtpCapture on a free loopback port, no TLS (the one `mail_stack.capture` is)."""
    capture = SmtpCapture().start()
    yield capture
    capture.close()


@pytest.fixture
def mail_stack(mail_servers, smtp_capture):
    """A MailStack with a new, empty list mailbox network-<n>@example.org on the shared Dovecot."""
    if not mail_servers.dovecot.running:  # a previous test stopped it: serve this one anyway
        mail_servers.dovecot.start()
    stack = mail_servers.new_list(f"network-{next(_lists)}@example.org", capture=smtp_capture)
    yield stack
    if not mail_servers.dovecot.running:
        mail_servers.dovecot.start()


@pytest.fixture
def private_mail_stack():
    """A MailStack with its own Dovecot, bridge and capture: free to stop, crash or restart."""
    require_dovecot()
    stack = MailStack.start("network@example.org")
    yield stack
    stack.close()
