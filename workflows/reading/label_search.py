"""Finding an option's label in what a member wrote: by its first words ("library annex" of
"Library annex, Queen Street"), by its words in order ("raise to $40"), as whole words inside a
line, and with two of the member's words written as one of the label's ("City Copy" of
"CityCopy Ltd"). Pure functions."""
from __future__ import annotations

import functools
import re

from workflows.reading.accents import fold
from workflows.reading.answer_words import LABEL_KEYS, WORD_TO_KEY

_WHOLE_TO_KEY = {w: key for key, words in LABEL_KEYS.items() for w in words}


def _label_words(label: str) -> list[str]:
    """The words of a label; an amount with its thousands separators is one word ("$2,500")."""
    return re.findall(r"[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[$€£]?[\w']+%?", label)


@functools.lru_cache(maxsize=4096)
def label_start(expr: str, labels: tuple[str, ...]) -> str | None:
    """The one label that begins with the words of `expr` ("library annex" of "Library annex,
    Queen Street", "online" of "Online only"), or None when none or several do, or `expr` is
    shorter than four letters or a word of the YES/NO/ABSTAIN vocabulary."""
    words = _label_words(expr)
    if not words or sum(len(w) for w in words) < 4 or expr in _WHOLE_TO_KEY or expr in WORD_TO_KEY:
        return None
    found = {labels_index for labels_index in labels if _label_words(labels_index)[:len(words)] == words
             and len(_label_words(labels_index)) > len(words)}
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=4096)
def label_within(expr: str, labels: tuple[str, ...]) -> str | None:
    """The one label holding every word of `expr` in the same order ("raise to $40" and "$40"
    of "Raise the fee to $40"), when the expression is all words of labels (nothing else), two
    words or more or one with a figure ("$40"), not a number alone and not a YES/NO word; None
    when no label or several do."""
    words = _label_words(expr)
    if len(words) == 1 and not any(c.isdigit() for c in expr):
        return None  # "Hall", "Queen", "only": one word inside a label could be said of anything
    if (not words or len(words) > 6 or sum(len(w) for w in words) < 3 or expr in _WHOLE_TO_KEY
            or expr in WORD_TO_KEY or expr.isdigit() or " ".join(words) != re.sub(r"\s*[-/]\s*", " ", expr.strip(" .!"))):
        return None
    found = set()
    for label in labels:
        have = iter(_label_words(label))
        if all(word in have for word in words):
            found.add(fold(label))
    if len(found) != 1:
        return None
    return next(label for label in labels if fold(label) in found)


@functools.lru_cache(maxsize=1024)
def label_pattern(label: str) -> re.Pattern:
    """An option's label as a whole word or words."""
    return re.compile(r"(?<!\w)" + re.escape(label) + r"(?!\w)")


def joined_forms(expr: str, labels: tuple[str, ...]) -> list[str]:
    """`expr` with two neighbouring words written as one word of a label ("city copy" → "citycopy"
    of "CityCopy Ltd", "co op" → "coop"): each such form, in the order of the words (batch 13)."""
    words = expr.split()
    if len(words) < 2 or len(words) > 6:
        return []
    label_words = {word for label in labels for word in _label_words(label) if len(word) >= 4}
    return [" ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2:])
            for i in range(len(words) - 1) if words[i] + words[i + 1] in label_words]
