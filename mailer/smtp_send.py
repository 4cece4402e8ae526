"""Sending over SMTP (smtplib): one connection kept open across messages, failures classified.

4xx replies, refused connections, timeouts and cut connections are TemporaryFailure; 5xx
replies are PermanentFailure (TooLarge when the message is larger than the server takes: beyond
its EHLO SIZE, RFC 1870, checked before anything is handed over, or refused for its size); a
quota or rate answer (`mailer.quota_replies`) is QuotaDeferral,
whatever its code. Problems of the link itself (TLS, certificate, login) are
TemporaryFailure too: the message is fine, the outbox keeps it until the link is fixed.
`data` is sent as given: serialise with email.policy.SMTP (CRLF line ends).
"""
from __future__ import annotations

import logging
import re
import smtplib
import socket
import threading
from typing import Callable

from mailer.addresses import transport_address
from mailer.quota_replies import quota_scope
from mailer.policy_refusals import policy_reason
from mailer.sending import PermanentFailure, PolicyRefusal, QuotaDeferral, TemporaryFailure, TooLarge, Unreachable
from mailer.size_replies import stated_limit, too_large
from mailer.tls import describe_transport, make_ssl_context, require_secure_or_loopback

log = logging.getLogger("convenor.smtp")


def _reply(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {text}".strip()


def _classify(code: int, message: bytes | str, what: str, *, size: int | None = None,
              at_rcpt: bool = False, limit: int | None = None) -> Exception:
    """QuotaDeferral for a quota or rate answer, TooLarge for a refusal of a message of `size`
    bytes for its size (never an answer to RCPT TO: that is the recipient's mailbox),
    PolicyRefusal for a 5xx about the network's own setup (5.7.x, DMARC, a blocklist), else
    PermanentFailure for 5xx and TemporaryFailure for anything else (4xx, odd codes)."""
    reply = _reply(code, message)
    text = f"{what}: {reply}"
    scope = quota_scope(code, reply.partition(" ")[2])
    if scope:
        return QuotaDeferral(text, scope)
    if size is not None and too_large(code, reply.partition(" ")[2], at_rcpt=at_rcpt):
        # refused under its stated SIZE: its real limit is lower, and not known
        return TooLarge(text, size, limit if limit is not None and size > limit else None)
    if 500 <= code <= 599 and (reason := policy_reason(reply)):
        return PolicyRefusal(text, reason)
    return PermanentFailure(text) if 500 <= code <= 599 else TemporaryFailure(text)


_LOGIN_LOST = re.compile(r"authentication required|not authenticated|must (?:first )?authenticate|"
                         r"(?:token|session|credentials?) (?:has |have )?expired", re.IGNORECASE)


def _login_lost(code: int, message: bytes | str) -> bool:
    """True when the server answers as if this session were not logged in (530, RFC 4954; 535;
    or words saying so): a provider whose XOAUTH2 token or session expired mid-batch. It says
    nothing of the message or its recipient: log in again, never mark the copy failed."""
    return code in (530, 535) or (500 <= code <= 599 and bool(_LOGIN_LOST.search(_reply(code, message))))


class SmtpSender:
    """The Sender protocol over SMTP; not for concurrent use from several threads (a lock guards it).

    `messages_sent` and `connections_opened` count what happened, for benchmarks;
    `offers_smtputf8` and `max_size` (its SIZE: the largest message it takes, None when it names
    none) are what the server's last EHLO said (None before the first connection).
    """

    def __init__(self, host: str, port: int, security: str = "ssl", username: str | None = None,
                 password: str | None = None, ca_file: str | None = None, insecure: bool = False,
                 timeout: float = 30.0, local_hostname: str | None = None,
                 password_provider: Callable[[], str] | None = None,
                 oauth2_token_provider: Callable[[], str] | None = None):
        require_secure_or_loopback(host, security, insecure, "SMTP")
        self.host, self.port, self.security = host, port, security
        self.username, self.ca_file, self.timeout = username, ca_file, timeout
        self.local_hostname = local_hostname
        self._password, self._password_provider = password, password_provider
        self._oauth2_token_provider = oauth2_token_provider
        self._conn: smtplib.SMTP | None = None
        self._lock = threading.Lock()
        self.messages_sent = 0
        self.connections_opened = 0
        self.offers_smtputf8: bool | None = None
        self.max_size: int | None = None

    def _open(self) -> smtplib.SMTP:
        context = make_ssl_context(self.ca_file) if self.security != "plain" else None
        if self.security == "ssl":
            conn = smtplib.SMTP_SSL(self.host, self.port, local_hostname=self.local_hostname,
                                    timeout=self.timeout, context=context)
        else:
            conn = smtplib.SMTP(self.host, self.port, local_hostname=self.local_hostname,
                                timeout=self.timeout)
        try:
            # commands and replies are small: send each at once rather than wait for ACKs
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.ehlo()
            if self.security == "starttls":
                if not conn.has_extn("starttls"):
                    raise TemporaryFailure(f"SMTP {self.host}:{self.port} does not offer STARTTLS; "
                                           "not sending in plaintext")
                conn.starttls(context=context)
                conn.ehlo()
            if self.username and self._oauth2_token_provider is not None:
                _xoauth2_login(conn, self.username, self._oauth2_token_provider())
            elif self.username:
                password = self._password_provider() if self._password_provider else self._password
                conn.login(self.username, password or "")
        except BaseException:
            conn.close()
            raise
        self.connections_opened += 1
        self.offers_smtputf8 = bool(conn.has_extn("smtputf8"))
        self.max_size = stated_limit(conn.esmtp_features)
        log.info("SMTP connected to %s:%s (%s)", self.host, self.port,
                 describe_transport(self.host, self.security))
        return conn

    def probe(self) -> dict:
        """Connect and log in as sending would (TLS verified), send nothing, and report for
        `convenor check`: {"tls", "auth", "size", "extensions"}. Raises what connecting raises."""
        conn = self._open()
        try:
            return {"tls": describe_transport(self.host, self.security), "auth": bool(self.username),
                    "size": stated_limit(conn.esmtp_features), "extensions": sorted(conn.esmtp_features),
                    "smtputf8": bool(conn.has_extn("smtputf8"))}
        finally:
            _say_quit(conn)

    def send(self, envelope_from: str, recipient: str, data: bytes | list) -> None:
        """Deliver `data` to `recipient` with envelope sender `envelope_from`; return once accepted.

        Reuses the open connection; if it turns out to be dead before the message was handed
        over (at MAIL FROM), reconnects once. Raises TemporaryFailure (Unreachable when the
        server could not be reached or would not log us in) or PermanentFailure (TooLarge when
        the message is larger than the server's SIZE: then nothing is handed over).
        """
        with self._lock:
            for attempt in (1, 2):
                reused = self._conn is not None
                try:
                    if self._conn is None:
                        self._conn = self._connect()
                    self._transaction(self._conn, envelope_from, recipient, data)
                    self.messages_sent += 1
                    return
                except _StaleConnection as e:
                    self._drop()
                    if not reused or attempt == 2:
                        raise TemporaryFailure(f"SMTP {self.host}:{self.port}: {e}") from None
                    log.info("SMTP connection to %s:%s was closed; reconnecting", self.host, self.port)
                except (TemporaryFailure, PermanentFailure):
                    raise
                except smtplib.SMTPResponseException as e:
                    self._drop()
                    error = _classify(e.smtp_code, e.smtp_error, f"SMTP {self.host}:{self.port}")
                    if not isinstance(error, QuotaDeferral):
                        error = TemporaryFailure(str(error))
                    raise error from e
                except (smtplib.SMTPException, OSError) as e:  # refused, timeout, TLS, cut
                    self._drop()
                    raise TemporaryFailure(f"SMTP {self.host}:{self.port}: {type(e).__name__}: {e}") from e

    def _connect(self) -> smtplib.SMTP:
        """`_open`, with every failure to reach, greet or log in raised as Unreachable (a quota
        answer at connect stays a QuotaDeferral): nothing was handed over yet."""
        try:
            return self._open()
        except QuotaDeferral:
            raise
        except smtplib.SMTPAuthenticationError as e:
            raise Unreachable(f"SMTP login refused: {_reply(e.smtp_code, e.smtp_error)}") from e
        except smtplib.SMTPResponseException as e:  # e.g. 432 4.3.2 at connect: too many connections
            error = _classify(e.smtp_code, e.smtp_error, f"SMTP {self.host}:{self.port}")
            raise (error if isinstance(error, QuotaDeferral) else Unreachable(str(error))) from e
        except TemporaryFailure as e:
            raise Unreachable(str(e)) from e
        except (smtplib.SMTPException, OSError) as e:  # refused, timeout, TLS, DNS
            raise Unreachable(f"SMTP {self.host}:{self.port}: {type(e).__name__}: {e}") from e

    def _transaction(self, conn: smtplib.SMTP, envelope_from: str, recipient: str, data: bytes) -> None:
        options = []
        recipient = transport_address(recipient)  # an internationalised domain goes as its A-label
        if not (envelope_from + recipient).isascii():
            if not conn.has_extn("smtputf8"):
                raise NeedsSmtpUtf8(
                    f"<{recipient}> cannot be sent: its part before the @ is not ASCII, which needs the "
                    f"SMTPUTF8 extension, and {self.host}:{self.port} does not offer it; give the member "
                    "an ASCII address or send through a server that offers SMTPUTF8")
            options.append("SMTPUTF8")
        if not all(part.isascii() for part in _parts(data)) and conn.has_extn("8bitmime"):
            options.append("BODY=8BITMIME")
        size, limit = sum(len(part) for part in _parts(data)), stated_limit(conn.esmtp_features)
        if limit is not None and size > limit:
            raise TooLarge(f"message to <{recipient}> not sent: {size} bytes, and {self.host}:{self.port} "
                           f"takes at most {limit} (its SIZE)", size, limit)
        if conn.has_extn("size"):
            options.append(f"SIZE={size}")  # RFC 1870: a server may refuse it before the data goes
        sized = {"size": size, "limit": limit}
        plain = _UTF8_ADDRESS if "SMTPUTF8" in options else _PLAIN_ADDRESS
        if conn.has_extn("pipelining") and plain.fullmatch(envelope_from) and plain.fullmatch(recipient):
            return self._pipelined(conn, envelope_from, recipient, data, options, sized)
        try:
            code, message = conn.mail(envelope_from, options)
        except smtplib.SMTPServerDisconnected as e:
            raise _StaleConnection(str(e) or "disconnected") from None
        if code == 421 or _login_lost(code, message):
            raise _StaleConnection(_reply(code, message))
        if code != 250:
            self._reset(conn)
            raise _classify(code, message, f"sender <{envelope_from}> refused", **sized)
        try:
            code, message = conn.rcpt(recipient)
            if code not in (250, 251):
                self._reset(conn)
                raise _classify(code, message, f"recipient <{recipient}> refused", **sized, at_rcpt=True)
            code, message = _data(conn, data)
        except smtplib.SMTPDataError as e:  # DATA itself was answered with something else than 354
            self._reset(conn)
            raise _classify(e.smtp_code, e.smtp_error, f"message to <{recipient}> refused", **sized) from None
        except smtplib.SMTPServerDisconnected as e:
            self._drop()
            raise TemporaryFailure(f"SMTP {self.host}:{self.port} closed the connection during "
                                   f"the transaction: {e}") from None
        if code != 250:
            if code == 421:
                self._drop()
            else:
                self._reset(conn)
            raise _classify(code, message, f"message to <{recipient}> refused", **sized)

    def _pipelined(self, conn: smtplib.SMTP, envelope_from: str, recipient: str, data: bytes,
                   options: list[str], sized: dict) -> None:
        """MAIL, RCPT and DATA in one write (RFC 2920 PIPELINING), their three replies read in
        order, then the message: two round trips instead of four. Replies are classified as in
        the one-by-one dialogue; the message is handed over only after all three were accepted."""
        params = "".join(" " + o for o in options)
        try:
            # UTF-8 only with SMTPUTF8 (then the addresses may hold it), else ASCII by construction
            conn.send(f"MAIL FROM:<{envelope_from}>{params}\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode())
            mail = conn.getreply()
        except smtplib.SMTPServerDisconnected as e:
            raise _StaleConnection(str(e) or "disconnected") from None
        if mail[0] == 421:
            raise _StaleConnection(_reply(*mail))
        try:
            rcpt, data_reply = conn.getreply(), conn.getreply()
        except smtplib.SMTPServerDisconnected as e:
            self._drop()
            raise TemporaryFailure(f"SMTP {self.host}:{self.port} closed the connection during "
                                   f"the transaction: {e}") from None
        if _login_lost(*mail):
            failure = _StaleConnection(_reply(*mail))  # logged in again and tried once more
        elif mail[0] != 250:
            failure = _classify(*mail, f"sender <{envelope_from}> refused", **sized)
        elif rcpt[0] not in (250, 251):
            failure = _classify(*rcpt, f"recipient <{recipient}> refused", **sized, at_rcpt=True)
        elif data_reply[0] != 354:
            failure = _classify(*data_reply, f"message to <{recipient}> refused", **sized)
        else:
            try:
                code, message = _send_body(conn, data)
            except smtplib.SMTPServerDisconnected as e:
                self._drop()
                raise TemporaryFailure(f"SMTP {self.host}:{self.port} closed the connection during "
                                       f"the transaction: {e}") from None
            if code == 250:
                return
            failure = _classify(code, message, f"message to <{recipient}> refused", **sized)
            data_reply = (code, message)
        if data_reply[0] == 354:  # DATA was taken although the envelope was refused: end it, empty
            try:
                conn.send(".\r\n")
                conn.getreply()
            except (smtplib.SMTPException, OSError):
                self._drop()
        if 421 in (mail[0], rcpt[0], data_reply[0]) or isinstance(failure, _StaleConnection):
            self._drop()
        elif self._conn is not None:
            self._reset(conn)
        raise failure

    def _reset(self, conn: smtplib.SMTP) -> None:
        try:
            conn.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass

    def close(self) -> None:
        """Say QUIT and close the connection; safe to call twice."""
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                _say_quit(conn)


def _say_quit(conn: smtplib.SMTP) -> None:
    """Say QUIT and close `conn`; only close it when the server does not answer (a timeout
    is an OSError)."""
    try:
        conn.quit()
    except (smtplib.SMTPException, OSError):
        conn.close()


def _xoauth2_login(conn: smtplib.SMTP, username: str, token: str) -> None:
    """AUTH XOAUTH2 (Google, Microsoft): the user and a bearer token in one initial response.

    On a refusal the server sends a 334 with an error; the empty answer ends the exchange and
    smtplib raises SMTPAuthenticationError with the server's final reply.
    """
    answered = []

    def respond(challenge: bytes | None = None) -> str:
        if answered:
            return ""
        answered.append(True)
        return f"user={username}\x01auth=Bearer {token}\x01\x01"

    conn.auth("XOAUTH2", respond, initial_response_ok=True)


# an address that needs no quoting in MAIL FROM / RCPT TO (anything else goes through smtplib)
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,255}")
# the same with SMTPUTF8: UTF-8 letters before the @ too (RFC 6531), the domain as its A-label
_UTF8_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\u0080-\U0010ffff-]{1,64}@[A-Za-z0-9.-]{1,255}")


def _parts(data) -> list:
    """The parts of a message given whole (bytes) or in parts (a list)."""
    return [data] if isinstance(data, (bytes, bytearray)) else list(data)


def _smtp_safe(data):
    """One part with CRLF line ends and leading dots doubled (copied only when it must change)."""
    crlf = data.count(b"\r\n")  # counted once (each count reads the whole message: ~5 instructions a byte)
    if data.count(b"\n") != crlf or data.count(b"\r") != crlf:
        data = re.sub(rb"(?:\r\n|\n|\r(?!\n))", b"\r\n", data)
    if data.startswith(b".") or b"\n." in data:
        data = re.sub(rb"(?m)^\.", b"..", data)
    return data


class NeedsSmtpUtf8(PermanentFailure):
    """The recipient's part before the @ is not ASCII and the server does not offer SMTPUTF8: no
    retry can help; the coordinators are told (the member's address must change, or the server)."""


class _StaleConnection(Exception):
    """The kept connection died before the message was handed over: safe to retry at once."""


def _data(conn: smtplib.SMTP, data: bytes) -> tuple[int, bytes]:
    """SMTP DATA like smtplib's, without its two whole-message copies when none are needed.

    A message composed by Convenor already has CRLF line ends and rarely a line starting with
    ".": the bytes then go out as they are (a 14 MB draft copy stays one 14 MB object).
    """
    code, reply = conn.docmd("data")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    return _send_body(conn, data)


def _send_body(conn: smtplib.SMTP, data) -> tuple[int, bytes]:
    """After a 354: the message with CRLF line ends and dots doubled, the final dot, the reply.

    `data` is the message or its parts (they meet at line starts or just before a line end, so
    each is made SMTP-safe on its own); a large part goes out as it is, not copied."""
    parts = [_smtp_safe(part) for part in _parts(data)]
    tail = b".\r\n" if parts and parts[-1].endswith(b"\r\n") else b"\r\n.\r\n"
    if sum(len(part) for part in parts) < 1024 * 1024:
        conn.send(b"".join(parts) + tail)  # one write: a lone small write would wait on Nagle + delayed ACK
    else:
        for part in parts:
            conn.send(part)
        conn.send(tail)
    return conn.getreply()
