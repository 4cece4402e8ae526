"""RFC 8616: a receiving server may write internationalised values in Authentication-Results —
a U-label domain (`header.from=bücher.example`) or a UTF-8 local part (`header.i=josé@…`).
A coordinator on such an address (EAI: UTF-8 local part, IDN domain) whose mail passes DMARC is
verified; a look-alike is not. Over the real Dovecot + SMTP stack (SMTPUTF8 on both sides)."""
from __future__ import annotations

import pytest

from mailer.authentication import authenticate
from tests.mailstack import TEST_AUTHSERV_ID, as_bytes
from tests.test_trust_forgeries import forge
from tests.test_trust_idn import smtputf8_network

JOSE = "josé@bücher.example"
MEMBERS = [("José Lima", JOSE, "core", True, "en", []),
           ("Amina Diallo", "amina@example.org", "core", True, "en", []),
           ("Li Wei", "li@example.org", "core", False, "en", [])]
NEWS = ("[Announce] Spring training", "Audience: all\n\nThe spring training is open to every member.\n")


def stamp(header_from: str, signer: str, identity: str) -> bytes:
    """The trusted server's Authentication-Results in RFC 8616's Unicode forms."""
    return (f"Authentication-Results: {TEST_AUTHSERV_ID};\r\n\tdkim=pass header.i={identity} header.d={signer};\r\n"
            f"\tdmarc=pass (p=reject dis=none) header.from={header_from}\r\n").encode()


@pytest.fixture
def eai_network(mail_stack, tmp_path):
    net = smtputf8_network(mail_stack, tmp_path, MEMBERS)
    yield net
    net.close()


COORDINATORS = {"josé@xn--bcher-kva.example", "amina@example.org"}  # as the SMTP server sees them


def as_a_stranger(net, fake: str, fake_wire: str, head: bytes) -> None:
    """The look-alike's announcement changed nothing and reached no member: the coordinators got it
    forwarded as a non-member's, and its (verified) sender the usual notice."""
    data = as_bytes(net.compose(f"José Lima <{fake}>", *NEWS))
    out = forge(net, lambda: net.deliver(head + data), allowed=COORDINATORS | {fake_wire}, expect="Test Network")
    forwarded = [m for m in out if "From a non-member" in m.subject]
    assert {m.to for m in forwarded} == COORDINATORS
    assert [m.to for m in out if m not in forwarded] == [fake_wire]


def test_an_eai_coordinator_whose_mail_passes_dmarc_in_unicode_is_verified(eai_network):
    net = eai_network
    data = as_bytes(net.compose(f"José Lima <{JOSE}>", *NEWS))
    assert JOSE.encode() in data                                    # a UTF-8 From (RFC 6532)
    net.deliver(stamp("bücher.example", "bücher.example", JOSE) + data)
    net.step()
    out = net.new_messages()
    assert "spring training is open" in net.only_message_to("li@example.org", out).text
    assert not [m for m in out if "confirm" in (m.subject + m.text).lower()], [(m.to, m.subject) for m in out]


def test_the_dkim_identity_alone_in_unicode_verifies_too(eai_network):
    net = eai_network
    data = as_bytes(net.compose(f"José Lima <{JOSE}>", *NEWS))
    head = (f"Authentication-Results: {TEST_AUTHSERV_ID}; dkim=pass header.i={JOSE}; "
            "dmarc=none header.from=bücher.example\r\n").encode()
    net.deliver(head + data)
    net.step()
    assert "spring training is open" in net.only_message_to("li@example.org", net.new_messages()).text


def test_a_look_alike_passing_dmarc_for_its_own_unicode_domain_is_a_stranger(eai_network):
    net = eai_network
    fake = "josé@büсher.example"                                   # a Cyrillic 'с'
    as_a_stranger(net, fake, "josé@xn--bher-0ra631c.example", stamp("büсher.example", "büсher.example", fake))


def test_a_look_alike_local_part_with_the_real_domains_pass_is_a_stranger(eai_network):
    net = eai_network
    # e + a combining accent: another mailbox at José's own domain, which vouches for it rightly
    fake = "jose\u0301@bücher.example"
    as_a_stranger(net, fake, "jose\u0301@xn--bcher-kva.example", stamp("bücher.example", "bücher.example", fake))


def test_the_verdict_reads_each_unicode_form_and_refuses_other_domains():
    raw = f"From: José <{JOSE}>\r\nSubject: x\r\n\r\nhi\r\n".encode()
    verdict = authenticate(stamp("bücher.example", "bücher.example", JOSE) + raw, TEST_AUTHSERV_ID)
    assert verdict.verified and verdict.method == "dmarc"
    a_label = authenticate(stamp("xn--bcher-kva.example", "xn--bcher-kva.example", JOSE) + raw, TEST_AUTHSERV_ID)
    assert a_label.verified
    other = authenticate(stamp("büсher.example", "büсher.example", "x@büсher.example") + raw, TEST_AUTHSERV_ID)
    assert not other.verified and "no aligned pass" in other.reason
    failed = (f"Authentication-Results: {TEST_AUTHSERV_ID}; dmarc=fail header.from=bücher.example\r\n").encode()
    assert authenticate(failed + raw, TEST_AUTHSERV_ID).status == "failed"
