"""Whether a member's words hold something for a person to answer: a question, or a message
longer than an attempt at a one-word answer. Used where a reply to an automatic message (a
ballot) would otherwise end with the machine ("Can you explain the motion?").

Written by hand: a question mark ending a sentence of at least four words is a question people
write in any language; "Yes?" (a doubt about a vote) is not one.
"""
from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+")  # a word of letters: "1, 3 and 2?" holds one


def asks_something(text: str) -> bool:
    """True when `text` holds a question of four words of letters or more ("Will the hotline stay
    funded?"); numbers do not count ("1, 3 and 2?" answers a date poll)."""
    for sentence in _SENTENCE_END.split(text or ""):
        if "?" in sentence and len(_WORD.findall(sentence.split("?")[0])) >= 4:
            return True
    return False


def is_a_message(text: str, words: int = 15) -> bool:
    """True when `text` asks something, or runs to `words` words or more: a person wrote to be read."""
    return asks_something(text) or len(_WORD.findall(text or "")) >= words
