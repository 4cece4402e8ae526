"""A pattern of many alternatives (`a|b|c`), rewritten so that the regular expression engine
tries each alternative only where it can begin.

Python's `re` tries every alternative of a top-level `a|b|c` at every character of the text,
one after the other, unless each alternative opens with a plain literal character: then the
compiled pattern carries the set of those characters (its "charset prefix") and the search skips
to the next character of the set before trying anything. One alternative opening with `\\b` or a
group (`(?:a|b)c`) loses that for the whole pattern. Grouped by their opening characters
(`d(?:elivery …|elayed)|u(?:ndeliver…)`, recursively, as a trie), the alternatives are each
tested once per group rather than once per alternative at a character that does open one.

`by_first_characters` writes that form. Whether a text holds a match (`search(...) is not None`)
is the same: `kX|kY` matches where `k(?:X|Y)` does. Which match is found first may differ (the
order of the alternatives changes), so it is for patterns asked only whether they match.
No library builds a trie of regular-expression alternatives (the ones that exist take literal
words), hence this small module; tests/test_pattern_alternatives.py compares the answers.
"""
from __future__ import annotations

_SPECIAL = set("\\.^$*+?{}[]|()")
_QUANTIFIERS = set("*+?{")


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (split at each `|` outside groups, classes and
    escapes), in order."""
    out: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _class_end(pattern: str, i: int) -> int:
    """The index past the character class that opens at `pattern[i]` ("[")."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1  # a "]" first in a class is a literal
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def opening_literal(alternative: str) -> str | None:
    """The plain literal character `alternative` must open with (not special, not quantified),
    or None when it opens with anything else (an escape, a group, a class, an assertion)."""
    if not alternative or alternative[0] in _SPECIAL:
        return None
    if len(alternative) > 1 and alternative[1] in _QUANTIFIERS:
        return None
    return alternative[0]


def by_first_characters(pattern: str, ascii_text: bool = False) -> str:
    """`pattern` (no inline flags, not verbose) with its top-level alternatives grouped by their
    opening literal characters, recursively: a pattern that finds a match in a text exactly when
    `pattern` does (see the module's docstring). With `ascii_text`, for texts that are ASCII
    only: alternatives opening with a non-ASCII character (which cannot match there) are left
    out."""
    alts = alternatives(pattern)
    if ascii_text:
        alts = [a for a in alts if (opening_literal(a) or "").isascii()]
    return _grouped(alts) if alts else "(?!)"  # no alternative left: a pattern that never matches


def _grouped(alts: list[str]) -> str:
    """The alternatives as one alternation, those with the same opening literal under it."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for alt in alts:
        head = opening_literal(alt)
        if head is None:
            rest.append(alt)
        else:
            groups.setdefault(head, []).append(alt[1:])
    out = []
    for head, tails in groups.items():
        if len(tails) == 1:
            out.append(head + tails[0])
        else:
            inner = _grouped(tails)
            out.append(head + (inner if len(alternatives(inner)) == 1 else "(?:" + inner + ")"))
    return "|".join(out + rest)
