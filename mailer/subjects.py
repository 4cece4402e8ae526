"""The reply and forward prefixes mail clients put before a subject, in every language seen.

One pattern for the whole project: "Re:", "Fwd:", "Fw:", "TR:" (French Outlook), "AW:"/"WG:"
(German), "SV:"/"VS:" (Nordic), "RV:" (Spanish), "Antw:" (Dutch), "Odp:" (Polish), "YNT:"
(Turkish), "RES:"/"ENC:" (Portuguese), "Réf:", with a counter ("Re[2]:") and repeated.
"""
from __future__ import annotations

import re

REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|fw|tr|aw|wg|sv|vs|rv|antw|odp|ynt|res|enc|réf|rif)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)*",
    re.IGNORECASE)


def strip_prefixes(subject: str | None) -> str:
    """`subject` without its leading reply/forward prefixes ("Re: Fwd: [Vote] X" → "[Vote] X")."""
    return REPLY_PREFIX.sub("", subject or "", count=1)


def has_prefix(subject: str | None) -> bool:
    """True when `subject` starts with a reply or forward prefix."""
    return bool(REPLY_PREFIX.match(subject or "").group(0).strip())


def tag_pattern(tags: list[str] | tuple[str, ...]) -> re.Pattern:
    """A pattern matching a subject that starts (after any prefixes) with one of `[tag]`, e.g.
    tags ("Draft", "Brouillon") match "Re: [draft] Procedure"; group 1 is the tag, and the match
    ends after the tag and an optional ":" or dash."""
    return re.compile(REPLY_PREFIX.pattern + r"\[(" + "|".join(re.escape(t) for t in tags) + r")\]\s*[:\-–]?\s*",
                      re.IGNORECASE)
