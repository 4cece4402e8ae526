"""A real mail stack on loopback for tests and benchmarks: Dovecot, an SMTP→LMTP bridge, a capture.

    stack = MailStack.start()                     # Dovecot + LmtpBridge + SmtpCapture, ~0.1 s
    stack.send_to_list(msg, rcpt="network+tok@example.org")   # returns once it is in INBOX
    ImapMailbox(**stack.imap_settings())          # plaintext on loopback; imap_settings("ssl")
    SmtpSender(**stack.smtp_settings())           # outbound mail lands in stack.capture
    stack.capture.script(["451 4.3.0 try later", "250 OK"]); stack.capture.wait_for(1)
    stack.dovecot.restart(); stack.close()

Everything listens on 127.0.0.1 only; Dovecot (`tests.dovecot`) runs from its own config in a
short temp dir (never /etc/dovecot) and is stopped by PID, its children too.
"""
from __future__ import annotations

import email.policy
import os
import smtplib
from email.message import EmailMessage
from email.utils import parseaddr

from tests.dovecot import MAIL_UID, Dovecot, dovecot_missing  # noqa: F401 (re-exported)
from tests.loopback import HOST, free_port, make_self_signed_cert  # noqa: F401 (re-exported)
from tests.smtp_servers import LmtpBridge, SmtpCapture  # noqa: F401 (re-exported)


def as_bytes(message: bytes | EmailMessage) -> bytes:
    """Serialise with CRLF line ends (email.policy.SMTP), as a mail client would send it."""
    if isinstance(message, bytes):
        return message
    if not str(message["From"] or "").isascii():  # a UTF-8 address, as SMTPUTF8 clients write it (RFC 6532)
        return message.as_bytes(policy=email.policy.SMTPUTF8)
    return message.as_bytes(policy=email.policy.SMTP)


TEST_AUTHSERV_ID = "mx.test.example"  # the authserv-id the bridge (and a test Maildir's "MTA") stamps
AUTH_REQUEST = b"X-Test-Authenticate: "  # the first header line a test adds to ask the bridge for a stamp


def stamp_authentication(data: bytes, result: str, authserv_id: str = TEST_AUTHSERV_ID) -> bytes:
    """`data` with the receiving server's Authentication-Results on top, as Gmail or OpenDMARC
    add it: dkim and dmarc `result` ("pass", "fail", "none") for the From header's domain."""
    from email.parser import BytesHeaderParser
    head = BytesHeaderParser().parsebytes(data)
    domain = parseaddr(str(head.get("From", "")))[1].rpartition("@")[2].lower() or "unknown.invalid"
    line = (f"Authentication-Results: {authserv_id};\r\n\tdkim={result} header.d={domain};\r\n"
            f"\tdmarc={result} header.from={domain}\r\n").encode()
    return line + data


def make_message(from_: str = "Alice <alice@example.net>", to: str = "network@example.org",
                 subject: str = "Hello", body: str = "Hello network.\n", **headers) -> EmailMessage:
    """A plain-text member message; extra headers as keyword arguments (In_Reply_To=...)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = from_, to, subject
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg


class MailStack:
    """One Dovecot + one LmtpBridge + one SmtpCapture, and the list mailbox `list_address`.

    `MailStack.start()` owns its servers; `stack.new_list(address)` shares them with a fresh
    mailbox user (what the per-test fixture does); `close()` stops only what the stack owns.
    """

    def __init__(self, dovecot: Dovecot, bridge: LmtpBridge, capture: SmtpCapture,
                 list_address: str, owns: bool = False):
        self.dovecot, self.bridge, self.capture = dovecot, bridge, capture
        self.list_address = list_address
        self.list_password = dovecot.users[list_address]
        self.owns = owns

    @classmethod
    def start(cls, list_address: str = "network@example.org", capture_tls: str | None = None) -> "MailStack":
        """Start Dovecot, the bridge and the capture, with one list mailbox user."""
        dovecot = Dovecot(domain=list_address.split("@")[1]).start()
        try:
            dovecot.add_user(list_address)
            bridge = LmtpBridge(dovecot).start()
            capture = SmtpCapture(tls=capture_tls, cert=(dovecot.cert_path, dovecot.key_path)
                                  if capture_tls else None).start()
        except BaseException:
            dovecot.close()
            raise
        return cls(dovecot, bridge, capture, list_address, owns=True)

    def new_list(self, list_address: str, password: str = "secret",
                 capture: SmtpCapture | None = None) -> "MailStack":
        """A stack sharing these servers (and this capture unless another is given) whose list
        mailbox is a new, empty user."""
        self.dovecot.add_user(list_address, password)
        return MailStack(self.dovecot, self.bridge, capture or self.capture, list_address)

    def imap_settings(self, security: str = "plain") -> dict:
        """Keyword arguments for mailer.imap_box.ImapMailbox: "plain", "starttls" or "ssl" (CA = cert)."""
        port = self.dovecot.imaps_port if security == "ssl" else self.dovecot.imap_port
        settings = {"host": HOST, "port": port, "username": self.list_address,
                    "password": self.list_password, "security": security}
        if security != "plain":
            settings["ca_file"] = self.dovecot.cert_path
        return settings

    def smtp_settings(self) -> dict:
        """Keyword arguments for mailer.smtp_send.SmtpSender pointing at the capture."""
        security = {"implicit": "ssl", "starttls": "starttls"}.get(self.capture.tls, "plain")
        settings = {"host": HOST, "port": self.capture.port, "security": security}
        if self.capture.cert_path:
            settings["ca_file"] = self.capture.cert_path
        return settings

    def send_to_list(self, message: bytes | EmailMessage, rcpt: str | list[str] | None = None,
                     mail_from: str | None = None, arrived_at=None, authenticated: str | None = None) -> None:
        """Send like a member's client would (SMTP → LMTP); on return it is in the list's INBOX.

        `rcpt` defaults to the list address; "+token" alone means list+token@domain.
        `mail_from` defaults to the From header's address. `arrived_at` (an aware datetime)
        plays the server's clock: the delivered file's mtime is set to it, so Dovecot reports
        it as the INTERNALDATE (the test config never caches the received date). With
        `authenticated` ("pass", "fail", "none") the bridge, as the receiving MTA, stamps its
        Authentication-Results (authserv-id TEST_AUTHSERV_ID) with that DKIM and DMARC result.
        """
        inbox = self.dovecot.maildir(self.list_address) / "new"
        before = set(os.listdir(inbox)) if arrived_at is not None and inbox.exists() else set()
        data = as_bytes(message)
        if authenticated:
            data = AUTH_REQUEST + authenticated.encode() + b"\r\n" + data
        rcpts = [rcpt or self.list_address] if not isinstance(rcpt, list) else rcpt
        local, domain = self.list_address.split("@")
        rcpts = [f"{local}{r}@{domain}" if r.startswith("+") else r for r in rcpts]
        if mail_from is None:
            from_header = message["From"] if isinstance(message, EmailMessage) else None
            mail_from = parseaddr(from_header or "")[1] or "member@example.net"
            if not mail_from.isascii():  # the envelope is not what Convenor reads: keep it ASCII
                mail_from = "member@example.net"
        with smtplib.SMTP(HOST, self.bridge.port, timeout=15) as smtp:
            refused = smtp.sendmail(mail_from, rcpts, data)
        assert not refused, refused
        if arrived_at is not None:
            stamp = arrived_at.timestamp()
            for name in set(os.listdir(inbox)) - before:
                os.utime(inbox / name, (stamp, stamp))

    def imap_client(self):
        """A logged-in imapclient.IMAPClient on the list mailbox (plaintext, loopback)."""
        from imapclient import IMAPClient
        client = IMAPClient(HOST, self.dovecot.imap_port, ssl=False, timeout=10)
        client.login(self.list_address, self.list_password)
        return client

    def folder_counts(self) -> dict[str, int]:
        """Number of messages in each folder of the list mailbox, e.g. {"INBOX": 2, "Processed": 1}."""
        client = self.imap_client()
        try:
            return {name: client.folder_status(name, ["MESSAGES"])[b"MESSAGES"]
                    for flags, _sep, name in client.list_folders() if b"\\Noselect" not in flags}
        finally:
            client.logout()

    def close(self) -> None:
        """Stop the servers this stack owns (nothing for a stack made by new_list)."""
        if self.owns:
            self.capture.close()
            self.bridge.stop()
            self.dovecot.close()
