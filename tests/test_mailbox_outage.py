"""The mailbox cannot be read (the provider's IMAP is down, or refuses a revoked password):
what is already queued still goes out, due closes wait for the mail that waits on the server
(time is arrival), and the coordinators are told once a day that mail is not being read."""
from __future__ import annotations

import pytest

from mailer.mailbox import MailboxError
from store import outbox
from tests.fixtures_convenor import Network


@pytest.fixture
def net(private_mail_stack, tmp_path):
    network = Network(tmp_path, stack=private_mail_stack)
    yield network
    network.close()


def test_while_the_mailbox_cannot_be_read_the_outbox_still_goes_and_the_coordinators_are_told(net):
    net.stack.capture.refuse_connections = True         # a reply is queued while SMTP is away …
    net.send("li@example.org", "HELP", "HELP")
    net.step()
    assert outbox.counts(net.db) == {"queued": 1}
    net.stack.capture.refuse_connections = False
    net.stack.dovecot.stop()                              # … then IMAP goes away
    try:
        net.advance(minutes=5)
        with pytest.raises(MailboxError):
            net.step()
        assert [m.to for m in net.new_messages()] == ["li@example.org"]  # the queued answer went
        net.advance(minutes=40)
        with pytest.raises(MailboxError):
            net.step()
        told = net.new_messages()
        assert [m.to for m in told] == ["amina@example.org"]
        assert "cannot read" in told[0].subject and "nothing is lost" in told[0].text, told[0].text
        assert "mailbox." in told[0].text                 # the settings to look at
        net.advance(hours=3)
        with pytest.raises(MailboxError):
            net.step()
        assert net.new_messages() == []                   # once a day, not every round
    finally:
        net.stack.dovecot.start()
    net.send("sofia@example.org", "HELP", "HELP")
    net.advance(minutes=1)
    net.step()
    assert [m.to for m in net.new_messages()] == ["sofia@example.org"]
