"""SmtpSender against a real SMTP server (aiosmtpd capture, and the SMTP→LMTP→Dovecot route)."""
from __future__ import annotations

import socket
import time

import pytest

from mailer.sending import PermanentFailure, TemporaryFailure
from mailer.smtp_send import SmtpSender
from mailer.tls import InsecureConnectionError
from tests.mailstack import SmtpCapture, as_bytes, free_port, make_message

DATA = as_bytes(make_message(from_="network@example.org", to="jean@example.org", subject="Receipt"))


@pytest.fixture(params=[False, True], ids=["one-by-one", "pipelined"])
def sender(smtp_capture, request):
    """A sender to the capture, which offers PIPELINING or not: every case holds both ways."""
    smtp_capture.pipelining = request.param
    s = SmtpSender(smtp_capture.host, smtp_capture.port, security="plain", timeout=5)
    yield s
    s.close()
    smtp_capture.pipelining = False


def test_sends_exact_bytes_to_one_recipient(smtp_capture, sender):
    sender.send("network+b-tok@example.org", "jean@example.org", DATA)
    [got] = smtp_capture.wait_for(1)
    assert got == {"mail_from": "network+b-tok@example.org", "rcpt_tos": ["jean@example.org"],
                   "data": DATA}


def test_several_messages_share_one_connection(smtp_capture, sender):
    for i in range(5):
        sender.send("network@example.org", f"m{i}@example.org", DATA)
    assert [m["rcpt_tos"] for m in smtp_capture.wait_for(5)] == [[f"m{i}@example.org"] for i in range(5)]
    assert (sender.messages_sent, sender.connections_opened) == (5, 1)


def test_451_is_temporary_then_the_retry_succeeds(smtp_capture, sender):
    smtp_capture.script(["451 4.3.0 try later", "250 OK"])
    with pytest.raises(TemporaryFailure, match="451"):
        sender.send("network@example.org", "jean@example.org", DATA)
    assert smtp_capture.messages == []
    sender.send("network@example.org", "jean@example.org", DATA)
    assert len(smtp_capture.wait_for(1)) == 1
    assert sender.connections_opened == 1  # a refusal does not cost the connection


def test_550_is_permanent(smtp_capture, sender):
    smtp_capture.script(["550 5.1.1 no such user"])
    with pytest.raises(PermanentFailure, match="550 5.1.1"):
        sender.send("network@example.org", "jean@example.org", DATA)
    smtp_capture.reject_rcpt("gone@example.org", "550 5.1.1 no such user")
    with pytest.raises(PermanentFailure, match="gone@example.org"):
        sender.send("network@example.org", "gone@example.org", DATA)
    smtp_capture.reject_rcpt("full@example.org", "452 4.2.2 mailbox full")
    with pytest.raises(TemporaryFailure, match="452"):
        sender.send("network@example.org", "full@example.org", DATA)
    sender.send("network@example.org", "jean@example.org", DATA)
    assert [m["rcpt_tos"] for m in smtp_capture.wait_for(1)] == [["jean@example.org"]]


def test_refused_connection_is_temporary(smtp_capture, sender):
    smtp_capture.refuse_connections = True
    with pytest.raises(TemporaryFailure, match="ConnectionRefused"):
        sender.send("network@example.org", "jean@example.org", DATA)
    smtp_capture.refuse_connections = False
    sender.send("network@example.org", "jean@example.org", DATA)
    assert len(smtp_capture.wait_for(1)) == 1


def test_connection_cut_during_data_is_temporary(smtp_capture, sender):
    smtp_capture.script(["DROP"])
    with pytest.raises(TemporaryFailure, match="closed"):
        sender.send("network@example.org", "jean@example.org", DATA)
    sender.send("network@example.org", "jean@example.org", DATA)  # reconnects
    assert len(smtp_capture.wait_for(1)) == 1
    assert sender.connections_opened == 2


def test_server_restart_between_sends_reconnects_silently(smtp_capture, sender):
    sender.send("network@example.org", "a@example.org", DATA)
    smtp_capture.refuse_connections = True  # closes the kept connection too
    smtp_capture.refuse_connections = False
    sender.send("network@example.org", "b@example.org", DATA)
    assert len(smtp_capture.wait_for(2)) == 2
    assert sender.connections_opened == 2


def test_silent_server_times_out_as_temporary():
    with socket.socket() as listener:  # accepts TCP (backlog) but never greets
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        s = SmtpSender("127.0.0.1", listener.getsockname()[1], security="plain", timeout=0.5)
        started = time.monotonic()
        with pytest.raises(TemporaryFailure):
            s.send("network@example.org", "jean@example.org", DATA)
        assert time.monotonic() - started < 10  # the 0.5 s timeout applied, not a hang


@pytest.mark.parametrize("tls", ["starttls", "implicit"])
def test_tls_certificate_is_verified(tls):
    capture = SmtpCapture(tls=tls).start()
    security = "ssl" if tls == "implicit" else "starttls"
    try:
        untrusting = SmtpSender(capture.host, capture.port, security=security, timeout=5)
        with pytest.raises(TemporaryFailure, match="CERTIFICATE_VERIFY_FAILED"):
            untrusting.send("network@example.org", "jean@example.org", DATA)
        trusting = SmtpSender("localhost", capture.port, security=security, ca_file=capture.cert_path,
                              timeout=5)
        trusting.send("network@example.org", "jean@example.org", DATA)
        trusting.close()
        assert len(capture.wait_for(1)) == 1
    finally:
        capture.close()


def test_starttls_not_offered_is_not_a_plaintext_fallback(smtp_capture):
    s = SmtpSender(smtp_capture.host, smtp_capture.port, security="starttls", timeout=5)
    with pytest.raises(TemporaryFailure, match="STARTTLS"):
        s.send("network@example.org", "jean@example.org", DATA)
    assert smtp_capture.messages == []


def test_plaintext_to_another_host_is_refused_without_insecure():
    with pytest.raises(InsecureConnectionError):
        SmtpSender("smtp.example.org", 25, security="plain")
    SmtpSender("smtp.example.org", 25, security="plain", insecure=True).close()


def test_nothing_listening_is_temporary():
    s = SmtpSender("127.0.0.1", free_port(), security="plain", timeout=2)
    with pytest.raises(TemporaryFailure):
        s.send("network@example.org", "jean@example.org", DATA)
    s.close()
    s.close()


def test_through_the_mail_stack_into_dovecot(mail_stack):
    s = SmtpSender("127.0.0.1", mail_stack.bridge.port, security="plain", timeout=10)
    s.send("member@example.net", mail_stack.list_address.replace("@", "+tok@"), DATA)
    with pytest.raises(PermanentFailure, match="550"):
        s.send("member@example.net", "nobody@example.org", DATA)
    s.close()
    assert mail_stack.folder_counts() == {"INBOX": 1}


def test_lines_starting_with_a_dot_and_bare_line_ends_arrive_intact(smtp_capture):
    """SMTP's dot-stuffing and CRLF rules are applied only where needed, and always."""
    from mailer.smtp_send import SmtpSender
    sender = SmtpSender(host=smtp_capture.host, port=smtp_capture.port, security="plain")
    try:
        crlf = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: dots\r\n\r\n.first\r\nmiddle\r\n..two\r\n.\r\nend\r\n"
        sender.send("a@example.org", "b@example.org", crlf)
        bare = b"From: a@example.org\nTo: b@example.org\nSubject: bare\n\nline one\nline two"
        sender.send("a@example.org", "b@example.org", bare)
        got = smtp_capture.wait_for(2)
    finally:
        sender.close()
    assert got[0]["data"].endswith(b".first\r\nmiddle\r\n..two\r\n.\r\nend\r\n")
    assert got[1]["data"].replace(b"\r\n", b"\n").endswith(b"\n\nline one\nline two\n")
