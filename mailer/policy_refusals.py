"""Refusals caused by the sending network's own mail setup, not by the recipient's address:
authentication policy (DMARC, SPF, DKIM), a blocklist, the sender's reputation - RFC 3463's
5.7.x "security or policy status", or words that say so.

Such a refusal says nothing about the member whose copy was refused: every member at that
domain would get it. Read from an SMTP reply (while sending) or a bounce's diagnostic text.
"""
from __future__ import annotations

import re

_POLICY_STATUS = re.compile(r"(?<![\d.])5\.7\.\d{1,3}(?![\d.])")
_POLICY_WORDS = re.compile(
    r"\bdmarc\b|\bspf\b|\bdkim\b|block ?list|black ?list|blocklisted|blacklisted|spamhaus|spamcop"
    r"|barracuda|\bsorbs\b|\brbl\b|\bdnsbl\b|listed (?:at|on|in|by)|poor reputation|sender reputation"
    r"|ip reputation|rejected (?:due to|by|for) (?:local )?policy|policy (?:rejection|violation|reasons)"
    r"|not authori[sz]ed to send|unauthenticated (?:email|mail|sender)",
    re.IGNORECASE,
)
MAX_REASON = 200


def policy_reason(text: str) -> str | None:
    """The refusal's own words (shortened) when `text` (an SMTP reply or a bounce's diagnostic)
    is a policy refusal, else None. A temporary (4.x.x) answer is never one: it counts nowhere."""
    line = " ".join(text.split())
    if not line or re.match(r"4\d\d\b", line):
        return None
    if _POLICY_STATUS.search(line) or _POLICY_WORDS.search(line):
        return line[:MAX_REASON]
    return None
