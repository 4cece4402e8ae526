"""A one-word answer typed wrong: the YES / NO / ABSTAIN word it misspells. Pure functions."""
from __future__ import annotations

import re

from workflows.reading.answer_words import ANSWER_TO_KEY, WORD_TO_KEY


def misspelt_key(expr: str) -> str | None:
    """The YES/NO/ABSTAIN word a one-word answer misspells: a last letter typed twice or more
    ("yess", "nooo"), two neighbouring letters of a short word swapped ("yse", "uoi", "nno"; not
    "any" of "nay") or, for the long words only ("abstain", "abstention", and the one-word whole
    answers of seven letters or more: "approve", "approved", "against"), one letter changed,
    added, dropped or two swapped ("abstian", "abstein", "aprove", "aproved", "agaisnt"); None
    otherwise, and None when the word is one edit from long words of two keys."""
    if not re.fullmatch(r"[a-z]+", expr):
        return None
    short = re.sub(r"(\w)\1+$", r"\1", expr)
    if short != expr and short in WORD_TO_KEY:
        return WORD_TO_KEY[short]
    swapped = {WORD_TO_KEY[word] for word in _SWAPPABLE if _neighbours_swapped(expr, word)}
    if len(swapped) == 1:
        return swapped.pop()  # "yse", "uoi", "nno": a phone keyboard's transposition
    if len(expr) < 6:
        return None
    found = {key for word, key in _LONG_WORDS if _one_edit(expr, word)}
    return found.pop() if len(found) == 1 else None


# the long words a typo is read in: the YES/NO/ABSTAIN words and the one-word whole answers (batch 13:
# "aprove", "Aproved, thanks"), ASCII letters only, seven letters or more; not "carried", one letter
# from "married", "harried"
_LONG_WORDS = tuple((word, key) for word, key in {**ANSWER_TO_KEY, **WORD_TO_KEY}.items()
                    if len(word) >= 7 and re.fullmatch(r"[a-z]+", word) and word != "carried")


# the short answer words whose two neighbouring letters swapped make no other word ("nay" → "any")
_SWAPPABLE = ("yes", "oui", "non", "nope", "yeah", "yep")


def _neighbours_swapped(a: str, b: str) -> bool:
    """True when `a` is `b` with two neighbouring letters swapped ("yse" of "yes")."""
    return len(a) == len(b) and a != b and any(a == b[:i] + b[i + 1] + b[i] + b[i + 2:] for i in range(len(b) - 1))


def _one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` by one letter changed, added or dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]
