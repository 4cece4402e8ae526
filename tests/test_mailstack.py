"""The test mail stack itself: Dovecot, the SMTP→LMTP bridge, the capture and their faults."""
from __future__ import annotations

import email
import email.policy
import smtplib
import socket
import time

import pytest
from imapclient import IMAPClient

from tests.mailstack import SmtpCapture, as_bytes, make_message


def _inbox_messages(stack) -> list[email.message.EmailMessage]:
    client = stack.imap_client()
    try:
        client.select_folder("INBOX", readonly=True)
        uids = client.search("ALL")
        items = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
        return [email.message_from_bytes(items[u][b"BODY[]"], policy=email.policy.default)
                for u in sorted(items)]
    finally:
        client.logout()


def test_mail_to_list_plus_token_lands_in_inbox(mail_stack):
    assert mail_stack.folder_counts() == {"INBOX": 0}
    mail_stack.send_to_list(make_message(subject="Ballot 7", body="YES\n"), rcpt="+abc234")

    [msg] = _inbox_messages(mail_stack)  # no wait: delivered before sendmail returned
    local, domain = mail_stack.list_address.split("@")
    assert msg["Delivered-To"] == f"{local}+abc234@{domain}"
    assert msg["Subject"] == "Ballot 7"
    assert msg.get_content().strip() == "YES"
    assert msg["Return-Path"] == "<alice@example.net>"


def test_each_test_gets_an_empty_mailbox_of_its_own(mail_stack, mail_servers):
    other = mail_servers.new_list(mail_stack.list_address.replace("@", "-other@"))
    mail_stack.send_to_list(make_message(subject="one"))
    assert mail_stack.folder_counts() == {"INBOX": 1}
    assert other.folder_counts() == {"INBOX": 0}


def test_user_added_right_after_a_login_can_log_in_at_once(mail_stack, mail_servers):
    mail_stack.folder_counts()  # an auth lookup this very second
    fresh = mail_servers.new_list(mail_stack.list_address.replace("@", "-fresh@"), password="pw2")
    assert fresh.folder_counts() == {"INBOX": 0}
    with pytest.raises(Exception, match="AUTHENTICATIONFAILED"):
        IMAPClient("127.0.0.1", mail_stack.dovecot.imap_port, ssl=False).login(fresh.list_address, "wrong")


def test_bridge_refuses_unknown_recipient(mail_stack):
    with smtplib.SMTP("127.0.0.1", mail_stack.bridge.port, timeout=10) as smtp:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            smtp.sendmail("a@example.net", ["nobody@example.org"], as_bytes(make_message()))
    assert refused.value.smtp_code == 550


def test_capture_records_envelope_and_exact_bytes(smtp_capture):
    data = as_bytes(make_message(subject="Receipt"))
    with smtplib.SMTP(smtp_capture.host, smtp_capture.port, timeout=10) as smtp:
        smtp.sendmail("network@example.org", ["jean@example.org"], data)
    [got] = smtp_capture.wait_for(1)
    assert got == {"mail_from": "network@example.org", "rcpt_tos": ["jean@example.org"], "data": data}
    smtp_capture.clear()
    assert smtp_capture.messages == []


def test_capture_scripted_replies_and_faults(smtp_capture):
    smtp_capture.script(["451 4.3.0 try later", "550 5.1.1 no such user", "250 OK"])
    data = as_bytes(make_message())
    with smtplib.SMTP(smtp_capture.host, smtp_capture.port, timeout=10) as smtp:
        for code in (451, 550):
            with pytest.raises(smtplib.SMTPDataError) as e:
                smtp.sendmail("n@example.org", ["a@example.org"], data)
            assert e.value.smtp_code == code
        smtp.sendmail("n@example.org", ["a@example.org"], data)
    assert len(smtp_capture.wait_for(1)) == 1

    smtp_capture.reject_rcpt("gone@example.org")
    with smtplib.SMTP(smtp_capture.host, smtp_capture.port, timeout=10) as smtp:
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            smtp.sendmail("n@example.org", ["gone@example.org"], data)

    smtp_capture.close_mid_data = True
    with pytest.raises(smtplib.SMTPServerDisconnected):
        with smtplib.SMTP(smtp_capture.host, smtp_capture.port, timeout=10) as smtp:
            smtp.sendmail("n@example.org", ["a@example.org"], data)

    smtp_capture.refuse_connections = True
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP(smtp_capture.host, smtp_capture.port, timeout=10)
    smtp_capture.clear()  # listening again, faults gone
    with smtplib.SMTP(smtp_capture.host, smtp_capture.port, timeout=10) as smtp:
        smtp.sendmail("n@example.org", ["a@example.org"], data)
    assert len(smtp_capture.wait_for(1)) == 1


def test_capture_with_starttls_verifies_against_its_cert():
    import ssl
    capture = SmtpCapture(tls="starttls").start()
    try:
        context = ssl.create_default_context(cafile=capture.cert_path)
        with smtplib.SMTP(capture.host, capture.port, timeout=10) as smtp:
            smtp.starttls(context=context)
            smtp.sendmail("n@example.org", ["a@example.org"], as_bytes(make_message()))
        assert len(capture.wait_for(1)) == 1
    finally:
        capture.close()


def test_restart_keeps_mail_and_stop_leaves_no_process(private_mail_stack):
    stack = private_mail_stack
    stack.send_to_list(make_message(subject="before"))
    client = stack.imap_client()
    client.select_folder("INBOX")
    client.idle()
    master = stack.dovecot.proc.pid
    children = stack.dovecot.pids()
    assert len(children) >= 4

    started = time.monotonic()
    stack.dovecot.stop()
    took = time.monotonic() - started
    assert [pid for pid in [master, *children] if _alive(pid)] == []
    assert took < 5.0  # stopped by us, not by Dovecot's own slow shutdown
    responses = client.idle_check(timeout=2)  # the session was ended, not left serving
    assert responses == [] or responses[0][0] == b"BYE"
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", stack.dovecot.imap_port), timeout=1)

    stack.dovecot.start()
    stack.send_to_list(make_message(subject="after"))
    assert stack.folder_counts() == {"INBOX": 2}


def test_crash_cuts_sessions_without_bye(private_mail_stack):
    client = private_mail_stack.imap_client()
    client.select_folder("INBOX")
    client.idle()
    children = private_mail_stack.dovecot.pids()
    private_mail_stack.dovecot.crash()
    assert [pid for pid in children if _alive(pid)] == []
    assert client.idle_check(timeout=2) == []  # imapclient hides the EOF: an early empty answer
    private_mail_stack.dovecot.start()
    assert private_mail_stack.folder_counts() == {"INBOX": 0}


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
