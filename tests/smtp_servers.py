"""The test SMTP servers (aiosmtpd on loopback): a capture with scripted faults, and the
SMTP→LMTP bridge that delivers members' mail into the test Dovecot as Postfix would."""
from __future__ import annotations

from typing import TYPE_CHECKING

import asyncio
import shutil
import smtplib
import ssl
import tempfile
import threading

from aiosmtpd.controller import Controller

from tests.loopback import HOST, free_port, make_self_signed_cert

if TYPE_CHECKING:
    from tests.mailstack import Dovecot


class ProviderProfile:
    """A hosted provider's sending rules, enforced by an SmtpCapture on the clock it is given.

    More than `per_minute` messages accepted in any 60 s: the next is answered `minute_reply`
    (a deferral); more than `per_day` in any 24 h: `day_reply` (Gmail's 550 5.4.5); a recipient
    at a domain of `policy_domains` is refused with that domain's 5.7.x policy reply.
    """

    def __init__(self, clock, per_minute: int | None = None, per_day: int | None = None,
                 policy_domains: dict[str, str] | None = None,
                 minute_reply: str = "421 4.7.0 Try again later, closing connection.",
                 day_reply: str = "550 5.4.5 Daily user sending limit exceeded."):
        self.clock, self.per_minute, self.per_day = clock, per_minute, per_day
        self.policy_domains = policy_domains or {}
        self.minute_reply, self.day_reply = minute_reply, day_reply
        self.accepted_at: list = []
        self.refusals: list[str] = []

    def refusal(self, recipient: str) -> str | None:
        """The reply refusing a message to `recipient` now, or None when it may be accepted."""
        from datetime import timedelta
        now = self.clock()
        domain = recipient.rpartition("@")[2].lower()
        reply = self.policy_domains.get(domain)
        if reply is None and self.per_day and sum(t > now - timedelta(days=1) for t in self.accepted_at) >= self.per_day:
            reply = self.day_reply
        if reply is None and self.per_minute and \
                sum(t > now - timedelta(seconds=60) for t in self.accepted_at) >= self.per_minute:
            reply = self.minute_reply
        if reply:
            self.refusals.append(reply)
        return reply


class SmtpCapture:
    """An SMTP server on 127.0.0.1 that records every accepted message, with scripted faults.

    `messages` holds dicts {mail_from, rcpt_tos, data}. `script([...])` queues one reply per DATA
    ("451 4.3.0 try later", "550 5.1.1 no such user", "250 OK", or "DROP" to cut the connection);
    `reject_rcpt(addr, "550 5.1.1 no such user")`; `refuse_connections = True` stops listening;
    `close_mid_data = True` cuts every DATA. `tls="starttls"|"implicit"` uses a self-signed cert.
    `pipelining = True` advertises PIPELINING (RFC 2920), as most providers do; aiosmtpd reads
    pipelined commands one after the other either way. `smtputf8 = True` (then `start()` again)
    offers SMTPUTF8 (RFC 6531), as Gmail and Microsoft 365 do; without it, as many servers, it does not.
    `size_limit = N` (then `start()` again) advertises `SIZE N` (RFC 1870) and refuses a larger
    message as aiosmtpd does (552 to MAIL FROM's SIZE=, or at the end of the data); unset, aiosmtpd's
    default, 32 MiB. `refuse_larger_than = N` refuses a message over N bytes at the end of its data
    with Postfix's "552 5.3.4", whatever SIZE says (a provider whose real limit is below its stated one).
    `refuse_size_to = {addr, …}` refuses, the same way, every message to those recipients alone (one
    member's copy longer than the others', a limit that differs by recipient).
    `hold_to = {addr, …}` holds every message to those recipients at the end of its data, unanswered,
    while they stay in the set (`holding` counts the messages held so far): the sender waits as for a
    slow provider, and can be killed there; once released, the message is answered "451 4.3.0" and
    not recorded (its sender is usually gone).
    """

    def __init__(self, tls: str | None = None, cert: tuple[str, str] | None = None):
        self.host, self.port, self.tls = HOST, free_port(), tls
        self.messages: list[dict] = []
        self.provider: ProviderProfile | None = None  # set to enforce a provider's sending rules
        self.close_mid_data = False
        self.pipelining = False
        self.smtputf8 = False
        self.size_limit: int | None = None
        self.refuse_larger_than: int | None = None
        self.refuse_size_to: set[str] = set()
        self.hold_to: set[str] = set()
        self.holding = 0
        self.mail_options: list[list[str]] = []
        self._script: list[str] = []
        self._rcpt_replies: dict[str, str] = {}
        self._lock = threading.Condition()
        self._controller: Controller | None = None
        self._tmp = None
        self.cert_path = None
        self._ssl = None
        if tls:
            if cert is None:
                self._tmp = tempfile.mkdtemp(dir="/tmp", prefix="cvs")
                cert = make_self_signed_cert(self._tmp)
            self.cert_path = cert[0]
            self._ssl = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._ssl.load_cert_chain(*cert)

    def start(self) -> "SmtpCapture":
        """Listen (again, on the same port); returns once the server greets."""
        if self._controller is None:
            kwargs = {}
            if self.tls == "implicit":
                kwargs["ssl_context"] = self._ssl
            elif self.tls == "starttls":
                kwargs.update(tls_context=self._ssl, require_starttls=True)
            kwargs.update(self.controller_options())
            kwargs["enable_SMTPUTF8"] = self.smtputf8
            if self.size_limit is not None:
                kwargs["data_size_limit"] = self.size_limit
            self._controller = Controller(self, hostname=self.host, port=self.port,
                                          ready_timeout=5.0, **kwargs)
            self._controller.start()
        return self

    def controller_options(self) -> dict:
        """Extra aiosmtpd options (a subclass that logs people in adds its own)."""
        return {}

    def stop(self) -> None:
        """Stop listening and cut open sessions."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def refuse_connections(self) -> bool:
        """True while nothing listens (connections are refused)."""
        return self._controller is None

    @refuse_connections.setter
    def refuse_connections(self, value: bool) -> None:
        self.stop() if value else self.start()

    def script(self, replies: list[str]) -> None:
        """Queue replies, one consumed per DATA; a 2xx (or an empty queue) records the message."""
        with self._lock:
            self._script.extend(replies)

    def reject_rcpt(self, address: str, reply: str = "550 5.1.1 no such user") -> None:
        """Answer RCPT TO:<address> with `reply` from now on."""
        self._rcpt_replies[address.lower()] = reply

    def accept_rcpt(self, address: str) -> None:
        """Accept RCPT TO:<address> again (undo reject_rcpt)."""
        self._rcpt_replies.pop(address.lower(), None)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        """aiosmtpd hook: the usual EHLO answer, with PIPELINING when `pipelining` is set."""
        session.host_name = hostname
        if self.pipelining:
            responses.insert(len(responses) - 1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        """aiosmtpd hook: the reply set by reject_rcpt(), else accept."""
        if reply := self._rcpt_replies.get(address.lower()):
            return reply
        if self.provider is not None and (reply := self.provider.refusal(address)):
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        """aiosmtpd hook: the next scripted reply (or DROP); record the message on a 2xx."""
        if self._held(envelope):
            with self._lock:
                self.holding += 1
                self._lock.notify_all()
            while self._held(envelope):
                await asyncio.sleep(0.02)
            return "451 4.3.0 Held, try again later"
        with self._lock:
            reply = self._script.pop(0) if self._script else "250 OK queued"
            if self.refuse_larger_than is not None and len(envelope.original_content or envelope.content) > \
                    self.refuse_larger_than:
                reply = "552 5.3.4 Message size exceeds fixed limit"
            if {a.lower() for a in envelope.rcpt_tos} & {a.lower() for a in self.refuse_size_to}:
                reply = "552 5.3.4 Message size exceeds fixed limit"
            if self.close_mid_data or reply == "DROP":
                server.transport.abort()  # the client sees the connection cut, no reply
                return "421 dropped"
            if reply.startswith("2"):
                if self.provider is not None:
                    self.provider.accepted_at.append(self.provider.clock())
                self.mail_options.append(list(envelope.mail_options))  # MAIL FROM's parameters, per message
                self.messages.append({"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
                                      "data": bytes(envelope.original_content or envelope.content)})
                self._lock.notify_all()
            return reply

    def _held(self, envelope) -> bool:
        return bool({a.lower() for a in envelope.rcpt_tos} & {a.lower() for a in self.hold_to})

    def wait_for(self, n: int, timeout: float = 5.0) -> list[dict]:
        """Block until at least `n` messages were recorded; return a copy; AssertionError on timeout."""
        with self._lock:
            if not self._lock.wait_for(lambda: len(self.messages) >= n, timeout):
                raise AssertionError(f"expected {n} messages, got {len(self.messages)} in {timeout}s")
            return list(self.messages)

    def clear(self) -> None:
        """Forget recorded messages, scripts and faults; listen again if stopped."""
        with self._lock:
            self.messages.clear()
            self.mail_options.clear()
            self._script.clear()
            self._rcpt_replies.clear()
            self.refuse_size_to.clear()
            self.hold_to.clear()
            self.close_mid_data = False
        self.start()

    def close(self) -> None:
        """Stop (releasing any message held) and remove any temporary certificate."""
        self.hold_to.clear()
        self.stop()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)


class XOAuth2Smtp(SmtpCapture):
    """An SmtpCapture that requires AUTH XOAUTH2 (as Gmail and Microsoft 365 do) and checks the
    user and bearer token; a wrong one gets the provider's 334 error challenge, then 535.
    `logins` records each (user, token) presented."""

    def __init__(self, user: str, token: str, **kwargs):
        super().__init__(**kwargs)
        self.user, self.token = user, token
        self.logins: list[tuple[str, str]] = []

    def controller_options(self) -> dict:
        return {"auth_require_tls": False, "auth_required": True}  # loopback only, as every test server

    def start(self) -> "XOAuth2Smtp":
        import warnings
        with warnings.catch_warnings():  # aiosmtpd warns about AUTH without TLS: this is loopback
            warnings.simplefilter("ignore", UserWarning)
            return super().start()

    async def auth_XOAUTH2(self, server, args):
        """aiosmtpd AUTH hook: `AUTH XOAUTH2 <base64 of user=…^Aauth=Bearer …^A^A>`."""
        import base64
        from aiosmtpd.smtp import AuthResult
        raw = args[1] if len(args) > 1 else (await server.challenge_auth("", encode_to_b64=False))
        try:
            fields = dict(f.split("=", 1) for f in base64.b64decode(raw).decode().split("\x01") if f)
        except ValueError:
            return AuthResult(success=False, handled=False, message="501 5.5.2 cannot decode")
        user, token = fields.get("user", ""), fields.get("auth", "").removeprefix("Bearer ")
        self.logins.append((user, token))
        if (user, token) == (self.user, self.token):
            return AuthResult(success=True, auth_data=user)
        await server.challenge_auth(b'{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}')
        return AuthResult(success=False, handled=False, message="535 5.7.8 Username and Password not accepted")


class LmtpBridge:
    """An SMTP server on 127.0.0.1 that delivers each message into Dovecot over LMTP before its 250.

    So `smtplib.SMTP(host, port).sendmail(...)` returning means the message is in the mailbox.
    One LMTP transaction per recipient; the first refusal's reply is the SMTP reply.
    """

    def __init__(self, dovecot: "Dovecot"):
        self.dovecot, self.host, self.port = dovecot, HOST, free_port()
        self.delivered = 0
        self.stamp_all: str | None = None  # stamp every message with this result (a test sets it back)
        self._controller = Controller(self, hostname=self.host, port=self.port, ready_timeout=5.0)

    def start(self) -> "LmtpBridge":
        """Start listening."""
        self._controller.start()
        return self

    async def handle_DATA(self, server, session, envelope):
        """aiosmtpd hook: deliver over LMTP (in a worker thread), then answer with its outcome."""
        data = bytes(envelope.original_content or envelope.content)
        return await asyncio.get_running_loop().run_in_executor(
            None, self.deliver, envelope.mail_from, list(envelope.rcpt_tos), data)

    def deliver(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> str:
        """Deliver over LMTP now, one transaction per recipient; return the SMTP reply line.

        A message whose first line asks for it (see MailStack.send_to_list(authenticated=…))
        gets the Authentication-Results this server, as the receiving MTA, would add."""
        from tests.mailstack import AUTH_REQUEST, stamp_authentication
        if data.startswith(AUTH_REQUEST):
            request, _, data = data.partition(b"\n")
            data = stamp_authentication(data, request[len(AUTH_REQUEST):].strip().decode())
        elif self.stamp_all:
            data = stamp_authentication(data, self.stamp_all)
        failures = []
        try:
            with smtplib.LMTP(HOST, self.dovecot.lmtp_port, timeout=15) as lmtp:
                for rcpt in rcpt_tos:
                    try:
                        lmtp.sendmail(mail_from, [rcpt], data)
                        self.delivered += 1
                    except smtplib.SMTPRecipientsRefused as e:
                        code, msg = e.recipients[rcpt]
                        failures.append(f"{code} {msg.decode(errors='replace')}")
                    except smtplib.SMTPResponseException as e:
                        failures.append(f"{e.smtp_code} {e.smtp_error.decode(errors='replace')}")
        except (OSError, smtplib.SMTPException) as e:
            return f"451 4.3.0 LMTP delivery failed: {e}"
        if failures and len(failures) == len(rcpt_tos):
            return failures[0]
        return "250 2.0.0 delivered"

    def stop(self) -> None:
        """Stop listening."""
        self._controller.stop(no_assert=True)
