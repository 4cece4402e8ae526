"""The one small interface every sender offers: hand one message for one recipient to a server.

`mailer.smtp_send.SmtpSender` speaks SMTP (submission, STARTTLS or SMTPS);
`mailer.maildir_send.MaildirSender` drops the message into a local Maildir (the embedded default).
"""
from __future__ import annotations

from typing import Protocol


class TemporaryFailure(Exception):
    """The server could not take the message now (4xx, refused, timeout, cut): try again later."""


class QuotaDeferral(TemporaryFailure):
    """The provider's sending quota or rate is reached: hold ALL sending until the window reopens.

    `scope` is "minute" (a rate or connection limit: try again in a minute or so) or "day"
    (a daily quota: try again when the 24 h window lets one more through). Never a failure.
    """

    def __init__(self, message: str, scope: str):
        super().__init__(message)
        self.scope = scope


class Unreachable(TemporaryFailure):
    """The server could not be reached, or would not greet or log us in: no message was handed
    over, so it says nothing of any message or recipient. Hold ALL sending a while (backoff);
    never count it against a message's attempts."""


class PermanentFailure(Exception):
    """The server refused the message for good (5xx): do not try again; tell a human."""


class Sender(Protocol):
    def send(self, envelope_from: str, recipient: str, data: bytes | list) -> None:
        """Deliver `data` (a whole RFC 5322 message, CRLF line ends; or its parts in order, as
        `mailer.compose.compose_parts` gives them) to exactly one recipient.

        Returns only once the server has accepted it; raises TemporaryFailure or PermanentFailure.
        """

    def close(self) -> None:
        """Close any open connection; safe to call twice."""


class TooLarge(PermanentFailure):
    """The message is larger than the server takes (beyond its EHLO SIZE, or refused with 552,
    5.3.4 or 5.2.3: `mailer.size_replies`): every copy of it would be refused alike. `size`: the
    message's bytes; `limit`: the largest the server says it takes, or None when it said none."""

    def __init__(self, message: str, size: int, limit: int | None):
        super().__init__(message)
        self.size, self.limit = size, limit


class PolicyRefusal(PermanentFailure):
    """Refused for the network's own mail setup (5.7.x, DMARC, a blocklist), not for the
    recipient's address: says nothing against the member. `reason` is the server's words."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason
