"""An option named by its place in the ballot's numbered list. Pure functions.

`middle_index`: "the middle one", "celle du milieu", "die mittlere" of an odd number of options.
`listed_position`: on a yes/no ballot, whose answers are words, an ordinal names an option only
for a member who sees the numbered list ("1. (A) Yes", "2. (B) No") quoted under the reply, and
only with an article, "one" or an option noun ("the first one", "la deuxième option", "the last
one"): never a bare "second", nor a number word ("the one").
"""
from __future__ import annotations

import re

from workflows.reading.ordinal_words import LAST_WORDS, OPTION_NOUNS_PATTERN, ORDINAL, ORDINALS

# number words that are no ordinal: on a yes/no ballot "the one" or "un" alone is not an option's position
_CARDINALS = frozenset(("one", "two", "three", "four", "five", "six", "un", "une", "deux", "trois", "quatre", "cinq",
                        "eins", "zwei", "drei", "vier", "fünf", "uno", "dos", "tres", "due", "tre", "dois", "duas", "três",
                        "twee", "drie", "dwa", "trzy", "два", "три", "один", "yksi", "kaksi", "kolme", "iki", "üç", "dua",
                        "tiga", "två", "tva", "fyra", "dvě", "tři", "dve", "kettő", "három"))
# the option in the middle of an odd number of them ("the middle one", "celle du milieu", "die mittlere")
_MIDDLE = re.compile(r"^(?:the |la |le |el |die |das |der |il |o |a )?(?:middle|one in the middle|milieu|mittlere[nr]?"
                     r"|del medio|del centro|di mezzo|in mezzo|do meio|middelste)(?: one| option| date| choice| slot)?$"
                     r"|^(?:celle|celui|la|le) du milieu$")


def middle_index(expr: str, count: int) -> int | None:
    """The index of the middle option when `expr` (cleaned) says "the middle one" and `count` is odd."""
    return count // 2 if count % 2 and _MIDDLE.match(expr) else None


def listed_position(expr: str, count: int) -> int | None:
    """The index an ordinal with an article, "one" or an option noun names among `count` listed
    options (`expr` cleaned and stripped of "I vote" / "please"), else None."""
    m = ORDINAL.match(expr)
    if not m or m.group(1) == expr or m.group(1) in _CARDINALS and not re.search(OPTION_NOUNS_PATTERN, expr):
        return None
    n = count if m.group(1) in LAST_WORDS else ORDINALS[m.group(1)]
    return n - 1 if 1 <= n <= count else None
