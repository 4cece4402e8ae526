"""Whether a line of a reply is a person's name as a signature writes it (split from
`mailer.reply_signatures`, which finds where a signature block stands): a name alone ("Alex Morgan
(they/them)"), a name with credentials or a title ("Rebecca Singh, RN", "James Lee | Partner"), a
full name in a script without capitals or in Chinese, Japanese or Korean ("דנה מזרחי", "林志明"), a
first name signed then repeated in full. Each check reads one line (or the last kept lines).
"""
from __future__ import annotations

import re

from mailer.reply_lines import Line


_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*|de|da|di|do|dos|van|von|der|den|la|le|al|el|bin|ben|ter)$")


NAME_WIDTH = 40  # a name alone on its line is at most this long


_PRONOUNS = re.compile(r"\s*\((?:[^\W\d_]{1,6}/){1,2}[^\W\d_]{1,6}\)\s*$")  # "(she/her)", "(they/them)", "(er/ihm)"


def _looks_like_name(text: str) -> bool:
    """True for a person's name alone on a line: two to four words, each capitalised (or a
    particle: "van", "de", "al"), no figure, no sentence punctuation at the end; pronouns in
    brackets may follow it ("Alex Morgan (they/them)")."""
    if text.endswith(")") and len(text) <= NAME_WIDTH + 20:
        text = _PRONOUNS.sub("", text)
    words = text.split()
    return (2 <= len(words) <= 4 and len(text) <= NAME_WIDTH and not text.endswith((".", ",", ":", ";", "?", "!"))
            and all(_NAME_WORD.match(w) for w in words) and sum(w[:1].isupper() for w in words) >= 2)


# credentials after a name ("RN", "MD", "PhD", "P.Eng.", "MSW, RSW"): two capitals or more in a short word
_CREDENTIALS = re.compile(r"^(?:(?=[A-Za-z.]*[A-Z][A-Za-z.]*[A-Z])[A-Z][A-Za-z.]{1,7}(?:,\s+|\s+|$))+$")
TITLE_WORDS = 6  # a title after "Name | " has at most this many words


def name_with_title(text: str) -> bool:
    """True for a person's name followed on its line by credentials or by a title behind a bar:
    "Rebecca Singh, RN", "Ana Ferreira, MD, PhD", "James Lee | Partner". The name is `_looks_like_name`;
    credentials are short words of two capitals or more, a title at most TITLE_WORDS words without
    a sentence's end. "Joe Chen, please call me" and "Dev Patel, Rosa Lim and I" are sentences;
    "Anna Kowalski - Driver" (a dash) stays a member's list line."""
    if len(text) > NAME_WIDTH + 40 or any(c.isdigit() for c in text):
        return False
    bar = text.find(" | ")
    if bar > 0:
        title = text[bar + 3:].split()
        return (_looks_like_name(text[:bar]) and 0 < len(title) <= TITLE_WORDS
                and not text.endswith(("?", "!", ":", ";", ",", ".")))
    comma = text.find(", ")
    return comma > 0 and _looks_like_name(text[:comma]) and _CREDENTIALS.match(text[comma + 2:]) is not None


_CASELESS_NAME_WORD = re.compile(r"^[^\W\d_]{1,20}$")
CJK_NAME = 4  # a Chinese, Japanese or Korean name signed alone: at most this many characters


def _signed_full_name(text: str) -> bool:
    """True for a full name signed under a closing formula: two to four capitalised words
    (`_looks_like_name`), two to four words of a script without capitals ("דנה מזרחי", "رضا کریمی"),
    or two to CJK_NAME characters of Chinese, Japanese or Korean ("林志明", "한지민")."""
    if _looks_like_name(text):
        return True
    words = text.split()
    if not words or len(text) > NAME_WIDTH or any(w[:1].isupper() or w[:1].islower() for w in words):
        return False  # a script with capitals writes its names with them: `_looks_like_name` said no
    if len(words) == 1:
        return 2 <= len(text) <= CJK_NAME and all(_is_cjk(c) for c in text)
    return len(words) <= 4 and all(_CASELESS_NAME_WORD.match(w) for w in words)


def _is_cjk(char: str) -> bool:
    """True for a Han, kana or Hangul character."""
    return "\u3040" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"


def signed_name_repeated(kept: list[str], line: Line) -> bool:
    """True when the line is a full name (`_looks_like_name`) that opens with the first name the
    member signed with on the last non-blank line kept ("Nathalie", then "Nathalie Moreau" above a
    role): the name repeated in full is the signature's first line. Reads at most 3 kept lines."""
    signed = next((k.strip() for k in kept[-1:-4:-1] if k.strip()), "")
    return (bool(signed) and " " not in signed and line.stripped.startswith(signed + " ")
            and _looks_like_name(line.stripped))
