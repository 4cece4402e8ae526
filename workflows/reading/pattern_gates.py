"""A compiled pattern run only on a text that holds one of the words every match of it needs
(the worst-case read, fifteenth round).

Many reading patterns start with a lookbehind or an alternation the regular-expression engine
cannot skip ahead on, so each is tried at every character of a line: on a 300-character line of
"a a a …" (HTML tag soup) or of dashes a few of them cost more than the whole ordinary reply's
reading. `gated(pattern)` derives from the pattern itself, when it is compiled, a set of literal
strings one of which every match holds (in it, or in a lookaround's text next to it: "also",
"ps", "by the way", … for an aside's opener); a text holding none of them cannot match, and the
pattern is not run on it. A pattern whose matches need no such string (one of them could be made
of a character class alone), or one compiled case-blind, is returned as it is. The gate reads the
pattern, not a list written beside it: a word added to the pattern is a word its gate knows.

Pure functions, no I/O. Exact by construction: a method returns what the pattern's own gives.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

SHORT = 48  # a text this short is given to the pattern at once: looking for its words costs as much
HEAD = 4  # a word is looked for by its first characters: a text holding "abstain" holds "abst"


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The requirement that rules out most texts: the one whose shortest word is longest, then fewest words."""
    options = [o for o in options if o]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _pruned(words: frozenset[str]) -> frozenset[str]:
    """The words without those that hold another of them (a text holding "abstain" holds "abst")."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _required(items) -> frozenset[str] | None:
    """Literal strings one of which every match of the parsed sequence `items` holds, or None."""
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append(frozenset((run,)))
            run = ""
        if op is _c.SUBPATTERN:  # (group, flags added, flags removed, items): a case-blind group gives none
            need = None if av[1] & (re.IGNORECASE | re.VERBOSE) else _required(av[-1])
        elif op is _c.BRANCH:
            alternatives = [_required(alt) for alt in av[1]]
            need = None if any(a is None for a in alternatives) else _pruned(frozenset().union(*alternatives))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            need = _required(av[2])
        elif op is _c.ASSERT:  # a lookahead or lookbehind that must hold: its text is in the string
            need = _required(av[1])
        elif op is _c.IN and all(o is _c.LITERAL for o, _ in av) and len(av) <= 8:
            need = frozenset(chr(a) for _, a in av)
        else:
            need = None
        if need:
            found.append(need)
    if run:
        found.append(frozenset((run,)))
    return _best(found)


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` holds or touches (each cut to its
    first HEAD characters), or None when the pattern gives none (or is compiled case-blind, or on
    bytes)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - the pattern compiled: parsing it again does not fail
        return None
    need = _required(list(parsed))
    return _pruned(frozenset(w[:HEAD] for w in need)) if need and "" not in need else None


class Gated:
    """A compiled pattern whose methods give at once what the pattern gives on a text that holds
    none of the words every match needs (`required_words`); the pattern's own answer otherwise."""

    __slots__ = ("compiled", "words", "pattern")

    def __init__(self, compiled: re.Pattern, words: frozenset[str]):
        self.compiled = compiled
        self.words = tuple(sorted(words))
        self.pattern = compiled.pattern

    def search(self, text, *args):
        """`re.Pattern.search`."""
        if len(text) >= SHORT and not any(map(text.__contains__, self.words)):
            return None
        return self.compiled.search(text, *args)

    def match(self, text, *args):
        """`re.Pattern.match`."""
        if len(text) >= SHORT and not any(map(text.__contains__, self.words)):
            return None
        return self.compiled.match(text, *args)

    def fullmatch(self, text, *args):
        """`re.Pattern.fullmatch`."""
        if len(text) >= SHORT and not any(map(text.__contains__, self.words)):
            return None
        return self.compiled.fullmatch(text, *args)

    def finditer(self, text, *args):
        """`re.Pattern.finditer`."""
        if len(text) >= SHORT and not any(map(text.__contains__, self.words)):
            return iter(())
        return self.compiled.finditer(text, *args)

    def findall(self, text, *args):
        """`re.Pattern.findall`."""
        if len(text) >= SHORT and not any(map(text.__contains__, self.words)):
            return []
        return self.compiled.findall(text, *args)

    def split(self, text, maxsplit=0):
        """`re.Pattern.split`."""
        if len(text) >= SHORT and not any(map(text.__contains__, self.words)):
            return [text]
        return self.compiled.split(text, maxsplit)

    def sub(self, repl, text, count=0):
        """`re.Pattern.sub` (a text with no match is given back as it is)."""
        if len(text) >= SHORT and not any(map(text.__contains__, self.words)):
            return text
        return self.compiled.sub(repl, text, count)

    def __getattr__(self, name):
        return getattr(self.compiled, name)


def gated(pattern: re.Pattern):
    """`pattern` run only on texts that hold one of the words its matches need (`Gated`), or
    `pattern` itself when it names none."""
    words = required_words(pattern)
    return pattern if words is None else Gated(pattern, words)
