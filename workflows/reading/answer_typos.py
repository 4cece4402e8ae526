"""A one-word answer typed wrong: the YES / NO / ABSTAIN word it misspells. Pure functions."""
from __future__ import annotations

import re

from workflows.reading.answer_words import ANSWER_TO_KEY, WORD_TO_KEY


def misspelt_key(expr: str) -> str | None:
    """The YES/NO/ABSTAIN word a one-word answer misspells: a last letter typed twice or more
    ("yess", "nooo"), two neighbouring letters of a short word swapped ("yse", "uoi", "nno"; not
    "any" of "nay") or, for the long words only ("abstain", "abstention", and the one-word whole
    answers of seven letters or more: "approve", "approved", "against"), one slip inside the word
    ("abstian", "aprove", "aproved", "agaisnt"); None otherwise, and None when the word is one edit
    from long words of two keys.

    The slip inside a long word is read by this rule: the typed word has six letters or more; its
    first and last letters are the answer word's (an edit at either end makes another word or
    form: "sfavorevole" is Italian "against", "gainst", "agains", "approver", "vastaa" Finnish
    "answers"); no letter is added (a letter inside a word is how a negation is formed:
    "desteklmiyorum" is one letter from Turkish "destekliyorum", I support); a changed letter is
    a keyboard neighbour of the right one or a vowel for a vowel ("abstsin", "abstein"; not
    "certainty", a word of its own); two neighbouring letters swapped keep the first; and in
    the answer words of languages other than English, whose neighbouring words the reader does not
    know ("akkord", "partent" are words), only two neighbouring letters swapped ("akkorod")."""
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
    found = {key for word, key in _LONG_WORDS if _slip_inside(expr, word)}
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


# the English long answer words, where a dropped letter or a neighbouring key is read as a slip
_ENGLISH = frozenset(("approve", "approved", "against", "abstain", "abstained", "abstaining", "abstains",
                      "abstention", "support", "totally", "definitely", "absolutely", "certainly", "affirmative",
                      "favorable", "negative", "disapprove", "opposed", "disagree", "neutral"))
# the letter keys of a QWERTY keyboard, row by row: a changed letter is a slip only onto a neighbour
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbour_keys(a: str, b: str) -> bool:
    """True when the letters `a` and `b` are side by side, or above and below, on a QWERTY keyboard."""
    at = {ch: (row, col) for row, keys in enumerate(_ROWS) for col, ch in enumerate(keys)}
    if a not in at or b not in at:
        return False
    (ra, ca), (rb, cb) = at[a], at[b]
    return (ra == rb and abs(ca - cb) == 1) or (abs(ra - rb) == 1 and cb - ca in ((0, 1) if rb < ra else (-1, 0)))


def _slip_inside(typed: str, word: str) -> bool:
    """True when `typed` is the long answer `word` with one slip inside it (see `misspelt_key`)."""
    if _neighbours_swapped(typed, word):
        return typed[0] == word[0]  # "againts", "akkorod"
    if typed[0] != word[0] or typed[-1] != word[-1] or len(typed) > len(word) or not _one_edit(typed, word):
        return False
    if len(typed) == len(word):
        i = next(i for i in range(len(word)) if typed[i] != word[i])
        return word in _ENGLISH and (_neighbour_keys(typed[i], word[i]) or {typed[i], word[i]} <= set("aeiou"))
    return word in _ENGLISH


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
