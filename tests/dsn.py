"""A delivery-status report (RFC 3464) as a receiving MTA writes it, for bounce tests."""
from __future__ import annotations

import itertools

_ids = itertools.count(1)


def delivery_report(to: str, failed: str, status: str, original: bytes, diagnostic: str | None = None,
                    reporter: str = "mx.example.org") -> bytes:
    """A report to `to` (our bounce address) that `failed` got `status`, with the original's headers."""
    action = "failed" if status.startswith("5") else "delayed"
    headers = original.split(b"\r\n\r\n", 1)[0]
    return (
        f"From: Mail Delivery System <MAILER-DAEMON@{reporter}>\r\nTo: {to}\r\n"
        f"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-{next(_ids)}@{reporter}>\r\n"
        f"Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
        f"--B\r\nContent-Type: text/plain\r\n\r\nThe mail system could not deliver your message.\r\n"
        f"--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; {reporter}\r\n\r\n"
        f"Final-Recipient: rfc822; {failed}\r\nAction: {action}\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; {diagnostic or f'{status} mailbox problem'}\r\n"
        f"--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
    ).encode() + headers + b"\r\n--B--\r\n"
