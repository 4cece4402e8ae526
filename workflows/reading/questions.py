"""Whether a member's words hold something for a person to answer: a question, or a message
longer than an attempt at a one-word answer. Used where a reply to an automatic message (a
ballot) would otherwise end with the machine ("Can you explain the motion?").

Written by hand: a question mark ending a sentence of at least four words is a question people
write in any language; "Yes?" (a doubt about a vote) is not one.
"""
from __future__ import annotations

import itertools
import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+")  # a word of letters: "1, 3 and 2?" holds one
# an ASCII text's letters (what _WORD matches of ASCII: A-Z, a-z) as b"a", every other byte as a space
_ASCII_LETTERS = bytes(0x61 if chr(b).isascii() and chr(b).isalpha() else 0x20 for b in range(256))


def asks_something(text: str) -> bool:
    """True when `text` holds a question of four words of letters or more ("Will the hotline stay
    funded?"); numbers do not count ("1, 3 and 2?" answers a date poll)."""
    if "?" not in (text or ""):  # no sentence can hold one
        return False
    for sentence in _SENTENCE_END.split(text or ""):
        if "?" in sentence and len(_WORD.findall(sentence.split("?")[0])) >= 4:
            return True
    return False


def is_a_message(text: str, words: int = 15) -> bool:
    """True when `text` asks something, or runs to `words` words or more: a person wrote to be read."""
    return asks_something(text) or has_words(text or "", words)


def has_words(text: str, words: int) -> bool:
    """True when `text` holds `words` words of letters or more (as `_WORD` finds them), looked
    for only until there are that many. An ASCII text is read on a copy whose letters are one
    byte and everything else a space (`bytes.split`, C speed: the pattern took ~70 ns a
    character, 7 ms for a 100 KB reply of rules or tabs); equivalence with the pattern in
    tests/test_worst_read_text_paths.py. U+FFFD, what a byte the declared charset cannot decode
    becomes, is no letter: taken as a space first, it leaves every word as it was, and a text
    mislabelled throughout reads as ASCII (the pattern scanned 100,000 of them in ~5 ms)."""
    if words <= 0:
        return True
    if "\ufffd" in text:
        text = text.replace("\ufffd", " ")
    if text.isascii():
        return len(text.encode("ascii").translate(_ASCII_LETTERS).split(None, words)) >= words
    return next(itertools.islice(_WORD.finditer(text), words - 1, None), None) is not None
