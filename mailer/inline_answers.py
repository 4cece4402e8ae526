"""A member's lines written inside the original they answer, below a separator whose original is
not `>`-prefixed (Zimbra's "----- Original Message -----", Outlook's header block): found by
comparing the original with the message it is known to be. Pure functions.

`read_reply` takes all that follows such a separator as the quote: it cannot tell a member's line
typed between the original's lines from the original's own. When the original is Convenor's own
message (a ballot), its text is known: every line below the separator's header block that holds
none of the original's words in their place is the member's. Words are compared case-blind,
without punctuation (a client that shows "*YES*" for "YES" or wraps lines anew changes nothing);
a line that shares any word with the original where the two align is the original's, so only
lines that are demonstrably not ours count.

The work is bounded, linear in the size of the two texts but for small windows: whole lines are
aligned first, by their words (`difflib` on lines: a ballot's lines are nearly all unlike each other),
and words are compared (`difflib` on words) only between two aligned lines, where a client rewrapped
the original or a member typed into it, and only while these windows are small (`_WORD_COST`
pairs of words in all). Larger windows, an original over `MAX_WORDS` words, or a quote that holds less than
`_MOST` of the original's words gives "": nothing is read inside it and a reply that says nothing
else is asked back, never counted from lines that might be the original's.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter

from mailer.reply import read_reply
from mailer.reply_lines import is_quoted

MAX_WORDS = 4_000  # of the original and of the text below the separator: a ballot is a few hundred
_WORD = re.compile(r"\w+")
_HEADER_LINES = 40  # a separator's header block (From, Sent, To, Cc wrapped, Subject) ends within these
_MOST = 0.9  # of the original's words the quote must hold for a line of it not held to be the member's
_WORD_COST = 100_000  # words × words compared, summed over the windows between aligned lines (a ballot rewrapped)
_LINE_COST = 40_000  # pairs of equal lines of the two sides that the line alignment may look at


def answers_inside_original(text: str, original: str, rest: str | None = None) -> str:
    """The lines of a reply's `text` written inside the `original` it quotes below a separator
    (where `read_reply` stopped: its `rest`), in order and stripped, as the member's own text
    (read again through `read_reply`, so their signature is left out); "" when there is no such
    separator, its header block does not end with a blank line, no line is the member's, or the
    quote cannot be told from the original within bounded work (an original over `MAX_WORDS`
    words, less than `_MOST` of its words quoted, a window too large to compare word by word).
    A `>`-prefixed line is never the member's. `rest`: `read_reply(text).rest` when the caller
    has it already (`InboundMail.reply_rest`), else None and it is read here."""
    if rest is None:
        rest = read_reply(text).rest
    if not rest or not original.strip():
        return ""
    lines = rest.split("\n")
    body = _body_start(lines)
    if body is None:
        return ""
    theirs, count = [], 0  # (line number, its words) of each line below the header block that has words
    for number in range(body, len(lines)):
        words = _WORD.findall(lines[number].lstrip(">").casefold())
        if words:
            theirs.append((number, words))
            count += len(words)
        if count >= MAX_WORDS:
            break
    ours = [words for words in (_WORD.findall(line.casefold()) for line in original.split("\n")) if words]
    total = sum(map(len, ours))
    if total > MAX_WORDS:
        return ""
    held = _held_lines(ours, [words for _, words in theirs])
    if held is None:
        return ""
    matched, found = held
    if found < _MOST * total:
        return ""
    own = [lines[number].strip() for at, (number, _) in enumerate(theirs)
           if at not in matched and not is_quoted(lines[number])]
    return read_reply("\n".join(own)).new_text if own else ""


def _held_lines(ours: list[list[str]], theirs: list[list[str]]) -> tuple[set[int], int] | None:
    """Which of `theirs` (lines, as their words) hold some of `ours` where the two align, and how
    many of `ours`' words they hold; None when the work would exceed the bounds. Equal lines are
    aligned first; between two aligned lines, the words of the lines left on each side are."""
    a = [" ".join(words) for words in ours]
    b = [" ".join(words) for words in theirs]
    seen = Counter(b)
    if sum(seen[line] for line in a) * max(seen.values(), default=0) > _LINE_COST:
        return None  # the same line over and over on both sides: not a ballot's quote
    matched, found, budget = set(), 0, _WORD_COST
    ai = bi = 0
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    for block in blocks:
        window = ours[ai:block.a], theirs[bi:block.b]
        budget -= sum(map(len, window[0])) * sum(map(len, window[1]))
        if budget < 0:
            return None
        gap = _held_words(*window)
        for at in gap[0]:
            matched.add(bi + at)
        found += gap[1] + sum(len(words) for words in ours[block.a:block.a + block.size])
        matched.update(range(block.b, block.b + block.size))
        ai, bi = block.a + block.size, block.b + block.size
    return matched, found


def _held_words(ours: list[list[str]], theirs: list[list[str]]) -> tuple[set[int], int]:
    """Within one window between aligned lines: which of `theirs` share a word with `ours` where
    their words align, and how many of `ours`' words are held."""
    if not ours or not theirs:
        return set(), 0
    a = [word for words in ours for word in words]
    b, owner = [], []
    for at, words in enumerate(theirs):
        b += words
        owner += [at] * len(words)
    matched, found = set(), 0
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        matched.update(owner[block.b:block.b + block.size])
        found += block.size
    return matched, found


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