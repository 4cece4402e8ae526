"""A forwarded message inside a member's mail: "FYI" on top, then the message they pass on.

The reader of replies keeps only the member's own words (the note); what they forwarded is read
here, so that it can travel whole wherever the note goes (the coordinators' copy, a draft's
digest). A mail is a forward when its subject carries a forward prefix ("Fwd:", "TR:", "WG:",
"RV:", "I:", "Doorst:", "VB:", "ENC:" …) or when the text the reader stopped at opens with a
forward separator ("---------- Forwarded message ---------", "Begin forwarded message:",
"-------- Message transféré --------" and their translations).
"""
from __future__ import annotations

import re

from mailer.quote_markers import MAX_LINE

MAX_FORWARDED = 100_000  # characters of a forwarded message carried along (the original is attached)

_FORWARD_SUBJECT = re.compile(
    r"^\s*(?:(?:re|aw|sv|antw|odp|ynt|res|réf|rif)\s*(?:\[\d+\])?\s*[:：]\s*)*"
    r"(?:fwd?|fw|tr|wg|rv|enc|vb|vl|doorst|pd|i|ilt|İlt|转发|轉寄|転送|전달)\s*(?:\[\d+\])?\s*[:：]",
    re.IGNORECASE)
_FORWARD_LINE = re.compile(
    r"forwarded (?:message|e-?mail)|begin forwarded|message transféré|message réexpédié|weitergeleitete"
    r"|doorgestuurd|videresendt|vidarebefordra|reenviado|inoltrato|encaminhada|reencaminhada"
    r"|välitetty|přeposlan|przekazan|пересланн|переадресованн|iletilen|προωθημένο|הועבר"
    r"|المُعاد توجيه|المعاد توجيه|転送|转发|轉寄|전달된",
    re.IGNORECASE)


def forwarded_part(subject: str, rest: str) -> str:
    """The forwarded message (from its separator or header block down, at most MAX_FORWARDED
    characters), or "" when the mail is not a forward.

    `rest` is what follows the member's own words (`mailer.reply.ReplyText.rest`). Promises:
    a reply's quote is never returned (no forward prefix in the subject and no forward
    separator in the first three lines of `rest`); reads at most three lines of `rest` by pattern.
    """
    rest = (rest or "").strip()
    if not rest:
        return ""
    first = [line[:MAX_LINE] for line in rest.split("\n", 6)[:6] if line.strip()][:3]
    if _FORWARD_SUBJECT.match(subject or "") or any(_FORWARD_LINE.search(line) for line in first):
        return rest[:MAX_FORWARDED]
    return ""
