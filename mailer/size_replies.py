"""The SMTP answers that mean "this message is larger than I take" (RFC 1870's 552, the
enhanced codes 5.3.4 "message too big for system" and 5.2.3 "message length exceeds
administrative limit"), as providers write them:

- Postfix: "552 5.3.4 Message size exceeds fixed limit"
- Gmail: "552-5.2.3 Your message exceeded Google's message size limits"
- Microsoft 365: "552 5.3.4 Requested action not taken; message size exceeds fixed maximum message size"
- Exim: "552 Message size exceeds maximum permitted"
- aiosmtpd: "552 Error: Too much mail data"

Such an answer is about the message, not the recipient: every copy of it would get the same.
A 552 to RCPT TO (the recipient's mailbox full, "exceeded storage allocation", RFC 5321) and
5.2.2 (mailbox full) are the recipient's, never this.
"""
from __future__ import annotations

import re

_ENHANCED = re.compile(r"^\s*5\.(\d{1,3})\.(\d{1,3})\b")
_SIZE_WORDS = re.compile(r"size|too (?:much|big|large)|exceed(?:s|ed)? .{0,30}(?:length|maximum|limit)",
                         re.IGNORECASE)


def too_large(code: int, text: str, *, at_rcpt: bool = False) -> bool:
    """True when the reply `code text` refuses the message for its size (see the module doc)."""
    if at_rcpt or not 500 <= code <= 599:
        return False
    enhanced = _ENHANCED.match(text)
    if enhanced:
        return enhanced.groups() in (("3", "4"), ("2", "3"))
    return code == 552 and bool(_SIZE_WORDS.search(text))


def stated_limit(features: dict) -> int | None:
    """The largest message the server takes, from its EHLO keywords (smtplib's `esmtp_features`):
    `SIZE 35882577` → 35882577; None when it names none (no SIZE, or `SIZE 0`: no fixed limit)."""
    value = (features.get("size") or "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None
