"""A provider session whose XOAUTH2 token expires mid-batch (Gmail and Microsoft 365 then answer
MAIL FROM with 530 5.7.0 "Authentication required"): Convenor logs in again with a fresh token
from `sending.oauth2_token_command` and every copy goes; nothing is failed, nobody is told a
member cannot be reached, and nothing goes twice.

Over the real Dovecot (the coordinator's [Vote] arrives by mail) and a loopback SMTP server that
checks the bearer token and lets each login send two messages before its token expires.
"""
from __future__ import annotations

import email
import email.policy
from email.utils import parseaddr

import pytest

from tests.fixtures_convenor import Network
from tests.smtp_servers import XOAuth2Smtp

MEMBERS = [("Amina Diallo", "amina@example.org", "core", True, "en", [])] + [
    (f"Member {i}", f"m{i}@example.org", "core", False, "fr" if i % 2 else "en", []) for i in range(1, 8)]


class ExpiringTokens(XOAuth2Smtp):
    """Each login may send `per_login` messages; then MAIL FROM gets 530 5.7.0 and the token is
    replaced by a new one (written where the token command reads it), as an identity provider's
    token expiring and being renewed."""

    def __init__(self, token_file, per_login: int = 2):
        super().__init__("network@example.org", "ya29.token-1")
        self.token_file, self.per_login, self.expired = token_file, per_login, 0
        token_file.write_text(self.token + "\n")

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        sent = getattr(session, "sent_in_login", 0)
        if sent >= self.per_login:
            if getattr(session, "expired_token", None) != self.token:
                session.expired_token = self.token
                self.expired += 1
                self.token = f"ya29.token-{self.expired + 1}"
                self.token_file.write_text(self.token + "\n")
            return "530 5.7.0 Authentication Required. Learn more at https://support.google.com/mail"
        session.sent_in_login = sent + 1
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"


@pytest.fixture(params=[False, True], ids=["one-by-one", "pipelined"])
def provider(request, tmp_path):
    server = ExpiringTokens(tmp_path / "token")
    server.pipelining = request.param
    server.start()
    yield server
    server.close()


def test_a_token_that_expires_mid_fan_out_is_renewed_and_every_ballot_goes_once(mail_stack, tmp_path, provider):
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    sending = net.settings.sending
    sending.host, sending.port = provider.host, provider.port
    sending.username, sending.oauth2_token_command = "network@example.org", f"cat {provider.token_file}"
    try:
        net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget",
                 "Closes: in 7 days\n\nThat the network adopts the 2027 budget.\n")
        net.step()
        recipients = sorted(m["rcpt_tos"][0] for m in provider.messages)
        assert provider.expired >= 3                      # the token expired several times on the way
        # a ballot to each of the 8 core members, and the coordinator's confirmation; each once
        assert recipients == sorted(["amina@example.org"] * 2 + [f"m{i}@example.org" for i in range(1, 8)])
        subjects = [str(email.message_from_bytes(m["data"], policy=email.policy.default)["Subject"])
                    for m in provider.messages]
        assert not any("could not" in s.lower() or "failed" in s.lower() for s in subjects), subjects
        states = dict(net.db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
        assert states == {"sent": 9}
        assert sorted(parseaddr(str(email.message_from_bytes(m["data"])["To"]))[1] for m in provider.messages) == recipients
    finally:
        net.close()
