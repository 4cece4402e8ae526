"""An attacker's review of trust (after #11 and #13): each attack through the real stack (Dovecot +
SMTP), each changing nothing and sending nothing but the confirmation or the coordinators' notice."""
from __future__ import annotations

import dkim

from tests.test_trust_forgeries import ANNOUNCE, CONFIRM, forge, signed  # noqa: F401 - `signed` is a fixture

HIDDEN_FROM = b"X-Mailer: Outlook\rFrom: Amina Diallo <amina@example.org>\r\n"  # a lone CR, then a From


def _hidden_from_announce(net, from_line: bytes) -> bytes:
    """An [Announce] whose one From (read line by line, as every MTA and DKIM reads headers) is the
    attacker's, with a coordinator's From hidden behind a lone CR (which the email package takes for
    a line end)."""
    return (HIDDEN_FROM + from_line + b"To: " + net.list_address.encode() + b"\r\nSubject: " + ANNOUNCE[0].encode()
            + b"\r\nMessage-ID: <hidden-from@attacker.example>\r\nDate: Mon, 4 Jan 2027 09:00:00 +0000\r\n\r\n"
            + ANNOUNCE[1].replace("\n", "\r\n").encode())


def test_a_from_hidden_behind_a_lone_cr_is_not_verified_by_the_attackers_dmarc_pass(network):
    # the receiving MTA (the trusted one) reads the attacker's own From, and reports its pass
    raw = _hidden_from_announce(network, b"From: evil@attacker.example\r\n")
    stamp = (b"Authentication-Results: mx.test.example; dkim=pass header.d=attacker.example;"
             b" dmarc=pass header.from=attacker.example\r\n")
    forge(network, lambda: network.deliver(stamp + raw), allowed={"amina@example.org"}, expect=CONFIRM)


def test_a_from_hidden_behind_a_lone_cr_is_not_verified_by_the_attackers_dkim_signature(signed):
    raw = _hidden_from_announce(signed, b"From: evil@attacker.example\r\n")
    signature = dkim.sign(raw, b"sel", b"attacker.example", signed.keys["attacker.example"],
                          include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
    forge(signed, lambda: signed.deliver(signature + raw), allowed={"amina@example.org"}, expect=CONFIRM)
