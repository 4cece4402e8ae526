"""Quotes marked by something other than "> " rewritten as `>` quotes before a reply is read (split
from `quote_headers`, which finds where a forwarded or original message opens): The Bat!'s,
Supercite's and old Outlook add-ons' quotes prefixed with the writer's initials ("RN> Hello …"), and
SquirrelMail's "Quote Who XML" citation ('<quote who="Name">' above the quote, '</quote>' under it).
Each pattern reads one line at a time, so the rewriting stays linear in the text's size.
"""
from __future__ import annotations

import re

# The Bat!, Supercite and old Outlook add-ons quote with the author's initials: "RN> Hello …"
_INITIALS_QUOTE = re.compile(r"^([A-Z][A-Za-z]{0,3})>(?= |>|$)", re.MULTILINE)
# What a line after the first needs for _INITIALS_QUOTE, found from its line end: a search that
# opens with a literal runs from one "\n" to the next at C speed, where the pattern's "^" is
# tried at every character (~10× the cost on a quoted reply with no initials, nearly every one)
_INITIALS_AFTER_LINE_END = re.compile(r"\n[A-Z][A-Za-z]{0,3}>")


# SquirrelMail's "Quote Who XML" citation: '<quote who="Name">' above the `>` quote, '</quote>' under it
_QUOTE_WHO_OPEN = re.compile(r'^<quote who="([^"\n<>]{1,200})">[ \t]*(?=\n>)', re.MULTILINE)
_QUOTE_WHO_CLOSE = re.compile(r"^(>[^\n]*\n)</quote>[ \t]*$", re.MULTILINE)


def quote_who_as_quote(text: str) -> str:
    """The text with SquirrelMail's '<quote who="Name">' right above a `>` line written as "Name
    wrote:" and its '</quote>' right under one as ">" (the quote's end, not the member's words).
    A tag with no `>` line next to it is left as written."""
    if "<quote who=" not in text:
        return text
    return _QUOTE_WHO_CLOSE.sub(r"\1>", _QUOTE_WHO_OPEN.sub(r"\1 wrote:", text))


def supercite_as_quote(text: str) -> str:
    """The text with an initials quote prefix ("RN> ") written as "> ", when at least two lines
    carry the same one (a ranking "B>A>C" or one line starting "A> " is the member's own)."""
    if ">" not in text:  # (both patterns need one; the search tried each line end: 4.4 M instructions
        return text      # for 100,000 characters of one-letter lines)
    if _INITIALS_AFTER_LINE_END.search(text) is None and _INITIALS_QUOTE.match(text) is None:
        return text  # no line opens with initials and ">": nothing to count
    return _initials_as_quote(text)


def _initials_as_quote(text: str) -> str:
    """`supercite_as_quote` without its first look (what tests/test_fast_paths.py compares it to)."""
    counts: dict[str, int] = {}
    for m in _INITIALS_QUOTE.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    # the three most used at most (nested quotes of two or three writers): the pattern stays short
    prefixes = sorted((p for p, n in counts.items() if n >= 2), key=counts.get, reverse=True)[:3]
    if not prefixes:
        return text
    return re.sub(r"^(?:" + "|".join(map(re.escape, prefixes)) + r")>(?= |>|$)", ">", text, flags=re.MULTILINE)
