"""Case-blind reading of ASCII text through its lower-cased form.

A case-blind pattern (re.IGNORECASE) tries each of its words at every character; the same pattern
written in lower case and searched case-sensitively in the lower-cased text skips to its words'
first letters and gives the same answer for ASCII text (a few to ten times sooner), provided the
pattern's letters are all lower-case and each matches no ASCII letter case-blind but its own. Of
the non-ASCII letters only "ı", "ſ", the Kelvin sign and "İ" match an ASCII one case-blind ("i",
"s", "k", "i"): `ascii_lower` folds the first three to it ("İ" lower-cases to "i" and a combining
dot, which no lower-cased ASCII text holds).
"""
from __future__ import annotations

import re

# the non-ASCII letters that match an ASCII letter case-blind, as the lower-case ASCII letter
_TO_ASCII = str.maketrans("ıſ\u212a", "isk")


def ascii_lower(word: str) -> str:
    """`word` lower-cased, each letter that matches an ASCII one case-blind ("ı", "ſ", the Kelvin
    sign) written as that one: the form a lower-cased ASCII text holds it in."""
    return word.translate(_TO_ASCII).lower()


def search_case_blind(case_blind: re.Pattern, lower_case: re.Pattern, text: str, lower: str | None = None) -> bool:
    """Whether `case_blind` finds a match in `text`. For ASCII text it asks `lower_case` (the same
    pattern in lower case, case-sensitive: see the module's docstring) of `lower`, the text
    lower-cased (lower-cased here when not given), which gives the same answer sooner."""
    if text.isascii():
        return lower_case.search(text.lower() if lower is None else lower) is not None
    return case_blind.search(text) is not None
