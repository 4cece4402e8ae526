"""The authentication verdict read from Authentication-Results: which header counts, alignment."""
from __future__ import annotations

import pytest

from mailer.authentication import aligned, authenticate

BODY = b"From: Amina <amina@example.org>\r\nTo: network@example.org\r\nSubject: [Draft] x\r\n\r\nHello\r\n"


def stamped(*lines: str) -> bytes:
    return "".join(f"Authentication-Results: {line}\r\n" for line in lines).encode() + BODY


@pytest.mark.parametrize("raw,status", [
    (stamped("mx.example.net; dmarc=pass header.from=example.org"), "verified"),
    (stamped("mx.example.net; dkim=pass header.d=example.org; dmarc=none"), "verified"),
    (stamped("mx.example.net; dkim=pass header.i=@mail.example.org"), "verified"),  # a subdomain aligns
    (stamped("mx.example.net; dkim=pass header.d=attacker.example"), "unverified"),  # another domain's signature
    (stamped("mx.example.net; dkim=pass header.d=org"), "verified"),  # a parent: only its owner can sign
    (stamped("mx.example.net; dkim=pass header.d=example.org.attacker.example"), "unverified"),
    (stamped("mx.example.net; spf=pass smtp.mailfrom=example.org"), "unverified"),  # SPF alone
    (stamped("mx.example.net; dmarc=pass header.from=attacker.example"), "unverified"),
    (stamped("mx.example.net; dmarc=fail header.from=example.org"), "failed"),
    (stamped("mx.example.net; dmarc=fail header.from=example.org", "mx.example.net; dmarc=pass header.from=example.org"),
     "failed"),  # the header a sender wrote sits below the server's: ignored
    (stamped("mx.example.net; dkim=none; dmarc=none", "mx.example.net; dmarc=pass header.from=example.org"),
     "unverified"),
    (stamped("filter.internal; dmarc=fail", "mx.example.net; dmarc=pass header.from=example.org"),
     "verified"),  # a downstream filter's header above, with another id: skipped
    (stamped("mx.attacker.example; dmarc=pass header.from=example.org"), "unverified"),  # another server
    (stamped("mx.example.net; ;;garbage"), "unverified"),
    (BODY, "unverified"),
    (b"Authentication-Results: mx.example.net; dmarc=pass header.from=example.org\r\n"
     b"From: amina@example.org\r\nFrom: evil@attacker.example\r\n\r\nx\r\n", "unverified"),
    (stamped("MX.Example.NET; DMARC=pass header.from=example.org"), "verified"),
])
def test_only_the_trusted_servers_topmost_header_counts(raw, status):
    assert authenticate(raw, "mx.example.net").status == status


def test_without_a_trusted_server_or_dns_nothing_is_verified():
    assert authenticate(stamped("mx.example.net; dmarc=pass header.from=example.org")).status == "unverified"


def test_alignment_never_joins_two_registrable_domains():
    assert aligned("example.org", "mail.example.org") and aligned("mail.example.org", "example.org")
    assert not aligned("example.org", "example.org.attacker.example".replace("example.org.", "x."))
    assert not aligned("badexample.org", "example.org") and not aligned("", "example.org")


def test_inspect_shows_the_verdict(maildir_network, tmp_path, capsys):
    import json

    from convenor.cli import main
    forged = tmp_path / "forged.eml"
    forged.write_bytes(b"Authentication-Results: mx.test.example; dmarc=fail header.from=example.org\r\n" + BODY)
    assert main(["--config", str(maildir_network.config), "inspect", str(forged), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["auth"]["status"] == "failed" and report["dmarc_fail"] is True
    assert report["route"].startswith("authentication: forged sender")
    forged.write_bytes(BODY)
    assert main(["--config", str(maildir_network.config), "inspect", str(forged), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["auth"] == {"status": "unverified", "reason": "no Authentication-Results from mx.test.example",
                              "method": None, "domain": "example.org"}
    assert report["route"].startswith("confirmation: a [Draft] from a coordinator, unverified")


@pytest.mark.parametrize("above", [b"\r\n", b"\r\n\r\n  \r\n", b"\xef\xbb\xbf", b"From amina@example.org Mon Jan  4 09:00:00 2027\r\n"])
def test_a_message_with_lines_above_its_headers_is_verified_as_it_is_read(above):
    """Blank lines, a byte-order mark or an mbox line a gateway put above the headers: the parser
    reads the message past them, and the verdict is on the same headers (it was "0 From headers")."""
    raw = stamped("mx.example.net; dmarc=pass header.from=example.org")
    assert authenticate(above + raw, "mx.example.net").status == "verified"
    forged = stamped("mx.example.net; dmarc=fail header.from=example.org")
    assert authenticate(above + forged, "mx.example.net").status == "failed"
