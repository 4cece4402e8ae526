"""The SMTP answers that mean "your sending quota or rate is reached", per provider.

Such an answer is not about the message: every message would get it until the provider's
window reopens, so sending waits (`QuotaDeferral`) instead of failing the message.
"minute" answers (rates, connections, generic 421/451/452 throttling) wait about a minute;
"day" answers (daily quotas, the sender throttled for repeated errors) wait until the 24 h
window frees a slot. The table is read top to bottom; the first match wins.
"""
from __future__ import annotations

import re

# (provider it comes from, code, pattern on "<code> <text>", scope)
QUOTA_REPLIES: list[tuple[str, int, str, str]] = [
    ("gmail / google-workspace", 550, r"5\.4\.5 .*(?:sending limit|limit exceeded)", "day"),
    ("gmail / google-workspace", 421, r"4\.7\.28? .*(?:rate|unusual|limit)", "minute"),
    ("gmail / google-workspace", 454, r"4\.7\.0 .*(?:too many login|rate)", "minute"),
    ("microsoft365", 554, r"5\.2\.0 STOREDRV", "day"),
    ("microsoft365", 550, r"5\.2\.25[1-5]", "day"),
    ("microsoft365", 432, r"4\.3\.2", "minute"),
    ("microsoft365", 452, r"4\.3\.2|concurrent connections", "minute"),
    ("fastmail", 550, r"5\.7\.1 .*(?:sending limit|rate limit|too many messages)", "day"),
    ("fastmail", 451, r"4\.7\.1 .*(?:rate|limit)", "minute"),
    ("any", 550, r"(?:daily|day).{0,20}(?:sending|message|recipient) (?:limit|quota)", "day"),
    ("any", 421, r".", "minute"),
    ("any", 451, r"rate|limit|throttl|too many|quota|slow down|4\.7\.0", "minute"),
    ("any", 452, r"4\.5\.3|rate|limit|throttl|too many|quota", "minute"),
]

_COMPILED = [(code, re.compile(pattern, re.IGNORECASE), scope) for _, code, pattern, scope in QUOTA_REPLIES]


def quota_scope(code: int, text: str) -> str | None:
    """"minute" or "day" when the reply `code text` says a quota or rate was reached, else None."""
    line = f"{code} {text}"
    for known, pattern, scope in _COMPILED:
        if code == known and pattern.search(line):
            return scope
    return None
