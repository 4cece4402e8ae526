"""The reply and forward prefixes mail clients put before a subject, in every language seen.

One pattern for the whole project: "Re:", "Fwd:", "Fw:", "TR:" (French Outlook), "AW:"/"WG:"
(German), "SV:"/"VS:"/"VB:"/"VL:" (Nordic), "RV:" (Spanish), "R:"/"I:" (Italian), "Antw:"/"Doorst:"
(Dutch), "Odp:"/"PD:" (Polish, Czech), "YNT:"/"İLT:" (Turkish), "RES:"/"ENC:" (Portuguese), "Vá:"/"Tov:"
(Hungarian), "Отв:"/"Пересл:" (Russian), "ΑΠ:"/"ΠΡΘ:" (Greek), "השב:" (Hebrew), "رد:" (Arabic), "回复:"/
"转发:" (Chinese), "返信:"/"転送:" (Japanese), "답장:"/"전달:" (Korean), "Réf:", with a counter
("Re[2]:") and repeated.
"""
from __future__ import annotations

import re

# replies, then forwards; Latin-script prefixes are whole words ("Re:" but not "Score:")
REPLIES = (r"re|aw|sv|vs|antw|odp|ynt|res|réf|rif|r|vá|odg|ats|atb|отв|ответ|відп|отг|απ|σχετ|השב|رد"
           r"|回复|回覆|答复|返信|답장|회신")
FORWARDS = (r"fwd?|fw|tr|wg|rv|enc|i|vb|vl|fs|doorst|pd|tov|i̇lt|ilt|posr|pārs|edasi|пересл|πρθ|הועבר"
            r"|转发|轉寄|轉發|転送|전달")
REPLY_PREFIX = re.compile(
    r"^\s*(?:(?<![\w])(?:" + REPLIES + "|" + FORWARDS + r")\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)*",
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
