"""A coordinator whose address is on an internationalised domain (`ana@bücher.example`), over the
real Dovecot + SMTP stack: her mail is verified whether her client writes the domain as its A-label
(`xn--bcher-kva.example`) or in Unicode (RFC 6532), whether the receiving server reports the pass
or Convenor checks her DKIM signature itself; a look-alike domain stays a stranger's."""
from __future__ import annotations

import dkim
import pytest

from tests.dns_server import TxtServer, dkim_key
from tests.fixtures_convenor import Network
from tests.mailstack import TEST_AUTHSERV_ID, as_bytes
from tests.test_trust_forgeries import FORWARD, forge

ANA, ANA_WIRE = "ana@bücher.example", "ana@xn--bcher-kva.example"
MEMBERS = [("Ana Lima", ANA, "core", True, "en", []),
           ("Amina Diallo", "amina@example.org", "core", True, "en", []),
           ("Li Wei", "li@example.org", "core", False, "en", [])]
COORDINATORS = {ANA_WIRE, "amina@example.org"}
NEWS = ("[Announce] Spring training", "Audience: all\n\nThe spring training is open to every member.\n")


def smtputf8_network(mail_stack, tmp_path, members) -> Network:
    """A network of `members` whose sending server offers SMTPUTF8."""
    mail_stack.capture.stop()
    mail_stack.capture.smtputf8 = True
    mail_stack.capture.start()
    return Network(tmp_path, stack=mail_stack, members=members)


@pytest.fixture
def idn_network(mail_stack, tmp_path):
    net = smtputf8_network(mail_stack, tmp_path, MEMBERS)
    yield net
    net.close()


def went_out_at_once(net) -> None:
    """The announcement reached Li, and Ana was asked to confirm nothing."""
    net.step()
    out = net.new_messages()
    assert "spring training is open" in net.only_message_to("li@example.org", out).text
    assert not [m for m in out if "confirm" in (m.subject + m.text).lower()], [(m.to, m.subject) for m in out]


def test_a_coordinators_a_label_from_with_the_servers_pass_is_verified(idn_network):
    # the client writes the A-label, the receiving server reports dmarc=pass header.from=xn--bcher-kva.example
    idn_network.send(f"Ana Lima <{ANA_WIRE}>", *NEWS)
    went_out_at_once(idn_network)


def test_a_coordinators_unicode_from_with_the_servers_pass_for_its_a_label_is_verified(idn_network):
    net = idn_network
    data = as_bytes(net.compose(f"Ana Lima <{ANA}>", *NEWS))   # a UTF-8 From (RFC 6532)
    assert "ana@bücher.example".encode() in data
    stamp = (f"Authentication-Results: {TEST_AUTHSERV_ID}; dkim=pass header.d=xn--bcher-kva.example;"
             " dmarc=pass header.from=xn--bcher-kva.example\r\n").encode()
    net.deliver(stamp + data)
    went_out_at_once(net)


def test_a_look_alike_of_the_coordinators_domain_passing_for_itself_is_a_stranger(idn_network):
    # a Cyrillic 'с' in bücher: another domain, whose own server rightly reports a pass for it
    look_alike = "Ana Lima <ana@büсher.example>"
    out = forge(idn_network, lambda: idn_network.send(look_alike, *NEWS), allowed=COORDINATORS, expect=FORWARD)
    assert {m.to for m in out} == COORDINATORS


def test_a_full_width_look_alike_is_a_stranger_even_with_a_pass_for_the_real_domain(idn_network):
    # 'ｂ' (full-width) maps to 'b' in UTS 46: the address is still not Ana's
    net = idn_network
    data = as_bytes(net.compose("Ana Lima <ana@ｂücher.example>", *NEWS))
    stamp = (f"Authentication-Results: {TEST_AUTHSERV_ID}; dkim=pass header.d=xn--bcher-kva.example;"
             " dmarc=pass header.from=xn--bcher-kva.example\r\n").encode()
    out = forge(net, lambda: net.deliver(stamp + data), allowed=COORDINATORS, expect=FORWARD)
    assert {m.to for m in out} == COORDINATORS


def test_a_coordinators_dkim_signature_checked_by_convenor_itself_is_verified(mail_stack, tmp_path):
    (tmp_path / "keys").mkdir()
    key, record_text = dkim_key(tmp_path / "keys")
    dns = TxtServer({"sel._domainkey.xn--bcher-kva.example": record_text,
                     "_dmarc.xn--bcher-kva.example": "v=DMARC1; p=reject"}).start()
    (tmp_path / "net").mkdir()
    mail_stack.capture.stop()
    mail_stack.capture.smtputf8 = True
    mail_stack.capture.start()
    net = Network(tmp_path / "net", stack=mail_stack, members=MEMBERS,
                  trust=f'[trust]\ndns_server = "127.0.0.1:{dns.port}"\n')
    try:
        for sender in (f"Ana Lima <{ANA_WIRE}>", f"Ana Lima <{ANA}>"):
            data = as_bytes(net.compose(sender, *NEWS))
            signature = dkim.sign(data, b"sel", b"xn--bcher-kva.example", key,
                                  include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
            net.deliver(signature + data)
            went_out_at_once(net)
        # the same signature, the message altered: her domain's policy is reject, so it is set aside
        data = as_bytes(net.compose(f"Ana Lima <{ANA_WIRE}>", *NEWS))
        signature = dkim.sign(data, b"sel", b"xn--bcher-kva.example", key,
                              include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
        net.deliver(signature + data.replace(b"spring training", b"SPRING training"))
        net.step()
        out = net.new_messages()
        assert {m.to for m in out} == COORDINATORS and all("Someone wrote in the name of" in m.subject + m.text for m in out)
    finally:
        net.close()
        dns.close()
