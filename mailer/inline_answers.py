"""A member's lines written inside the original they answer, below a separator whose original is
not `>`-prefixed (Zimbra's "----- Original Message -----", Outlook's header block): found by
comparing the original with the message it is known to be. Pure functions.

`read_reply` takes all that follows such a separator as the quote: it cannot tell a member's line
typed between the original's lines from the original's own. When the original is Convenor's own
message (a ballot), its text is known: every line below the separator's header block that holds
none of the original's words in their place is the member's. Words are compared case-blind,
without punctuation (a client that shows "*YES*" for "YES" or wraps lines anew changes nothing);
a line that shares any word with the original where the two align is the original's, so only
lines that are demonstrably not ours count. The comparison is `difflib`'s (the standard library's
longest-matching-block alignment, made for this), on at most `MAX_WORDS` words of each side.
"""
from __future__ import annotations

import difflib
import re

from mailer.reply import read_reply
from mailer.reply_lines import is_quoted

MAX_WORDS = 4_000  # of the original and of the text below the separator: a ballot is a few hundred
_WORD = re.compile(r"\w+")
_HEADER_LINES = 40  # a separator's header block (From, Sent, To, Cc wrapped, Subject) ends within these


def answers_inside_original(text: str, original: str, rest: str | None = None) -> str:
    """The lines of a reply's `text` written inside the `original` it quotes below a separator
    (where `read_reply` stopped: its `rest`), in order and stripped, as the member's own text
    (read again through `read_reply`, so their signature is left out); "" when there is no such
    separator, its header block does not end with a blank line, or no line is the member's. A
    `>`-prefixed line is never the member's. `rest`: `read_reply(text).rest` when the caller has
    it already (`InboundMail.reply_rest`), else None and it is read here."""
    if rest is None:
        rest = read_reply(text).rest
    if not rest or not original.strip():
        return ""
    lines = rest.split("\n")
    body = _body_start(lines)
    if body is None:
        return ""
    words, owner = [], []  # each word below the header block, and the line it is on
    for number in range(body, len(lines)):
        line = lines[number]
        for word in _WORD.findall(line.lstrip(">").casefold()):
            words.append(word)
            owner.append(number)
        if len(words) >= MAX_WORDS:
            break
    ours = _WORD.findall(original.casefold())[:MAX_WORDS]
    matched = set()
    matcher = difflib.SequenceMatcher(None, ours, words, autojunk=False)
    for block in matcher.get_matching_blocks():
        matched.update(owner[block.b:block.b + block.size])
    own = [lines[number].strip() for number in dict.fromkeys(owner)
           if number not in matched and not is_quoted(lines[number])]
    return read_reply("\n".join(own)).new_text if own else ""


def _body_start(lines: list[str]) -> int | None:
    """The first line below the separator's header block, or None when no block of header fields
    ("From: …", "*Sent:* …") ending with a blank line opens the text. Blank lines between fields
    (an HTML block turned to text) and indented or wrapped continuations stay in the block."""
    fields = 0
    blank = False
    for number, line in enumerate(lines[:_HEADER_LINES]):
        if not line.strip():
            blank = fields > 0
        elif _FIELD.match(line):
            fields += 1
            blank = False
        elif blank:
            return number
    return None


_FIELD = re.compile(r"^\s*[*_]{0,2}[^\W\d_][\w .'-]{0,30}?[*_]{0,2}\s*[:：]")