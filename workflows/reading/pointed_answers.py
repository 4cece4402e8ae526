"""An answer written inside the quoted ballot, right under the option it points at. Pure functions
(batch 14).

Members who reply inline put their answer where it belongs: under the option they choose, in the
ballot their client quotes ("> 2. (B) Every two weeks" / "This one!" / "> 3. (C) Monthly"), with an
arrow or a word that points ("^ this one please", "<-- my vote", "Celle-ci !"). The pointing line
names no option by itself; the quoted option line right above it (blank lines between allowed) is
the one it points at. One pointing line under one option is an answer; pointers under two options
are none (`choices.read_vote` asks back). Only the text's first MAX_LINES lines (and as many
characters as they may hold) are read: the cost does not grow with the message.
"""
from __future__ import annotations

import re

from workflows.reading.answer_lines import clean

# an option's line of the ballot as a client quotes it ("> 2. (B) Every two weeks"); not unquoted
_QUOTED_OPTION = re.compile(r"^\s*>[>\s]*(\d{1,2})\.\s*\(([A-Z])\)\s+\S")
# a line that points at what is above it, and says nothing else ("This one!", "^ this one please",
# "<-- my vote", "Celle-ci !", "Diese hier", "Esta", "Questa", "Deze")
_POINTER = re.compile(r"^[\^↑⬆<←=\-\s]*(?:(?:this|that) one|this|my (?:vote|choice|pick)|yes,? this|celle-ci|celui-ci"
                      r"|celle-là|celui-là|ce choix|diese(?:s)?(?: hier)?|die hier|esta|este|esta opción|questa|questo"
                      r"|deze|dit|essa|esta aqui)?(?:\s+(?:please|pls|one|svp|bitte|por favor|per favore|graag))?[\s!.]*$")
MAX_LINES = 400  # of the text: the ballot is quoted near the top of a reply
MAX_LINE_CHARS = 200


# what points down, at the line below ("this one 👇", "this one below"): never the option above
# (review of b14v); the arrows that do ("⬇️", "↓", "🔽") are `_other_arrow`'s
_DOWN = re.compile("👇|\\bv\\s*$|(?:below|beneath|en dessous|ci-dessous|unten|abajo|sotto|hieronder)")


# the arrows and triangles that point up or left, at the option above ("^ this one", "<-- my vote")
_UP = frozenset("↑⬆←⬅⇑⇧⇐⇦⟵⟸⤴⬉↖▲△▴▵◀◁◄🔼🔺⏫👆☝👈")
# blocks of arrows and triangles: any of them but the up/left ones may point elsewhere (review of b14v)
_ARROW_BLOCKS = ((0x2190, 0x21FF), (0x27F0, 0x27FF), (0x2900, 0x297F), (0x2B00, 0x2BFF), (0x1F800, 0x1F8FF),
                 (0x25A0, 0x25FF), (0x23E9, 0x23FA), (0x1F53A, 0x1F53D))


def _other_arrow(text: str) -> bool:
    """True when the text holds an arrow or triangle that does not point up or left ("⏬", "⇩", "▼")."""
    return any(c not in _UP and any(lo <= ord(c) <= hi for lo, hi in _ARROW_BLOCKS) for c in text)


def _points(line: str, raw: str = "") -> bool:
    """True when the (cleaned) line only points at the line above it: with a word that points
    ("this one", "my vote", "celle-ci"; not a bare "That", "Mine" or "<--", which may start anything),
    and nothing in its raw form that points down or any way but up or left."""
    return (bool(line) and _POINTER.match(line) is not None and any(c.isalpha() for c in line)
            and not _DOWN.search(raw or line) and not _other_arrow(raw or line))


def pointed_option(text: str, first_line: str, options: list[str]) -> int | None:
    """The option whose quoted ballot line the member's `first_line` (cleaned, as `answer_lines`
    gives it) is written right under, when it only points ("This one!"); None when it does not point,
    is not under an option, or pointing lines sit under two different options."""
    if not text or not _points(first_line):
        return None
    above: int | None = None  # the quoted option right above, blank lines between
    found: set[int] = set()
    for raw in text[:MAX_LINES * MAX_LINE_CHARS].replace("\r", "").split("\n")[:MAX_LINES]:
        raw = raw[:MAX_LINE_CHARS]
        if not raw.strip():
            continue
        m = _QUOTED_OPTION.match(raw)
        if m:
            position = int(m.group(1)) - 1
            above = position if 0 <= position < len(options) and m.group(2) == chr(ord("A") + position) else None
            continue
        if raw.lstrip().startswith(">"):
            above = None
            continue
        if above is not None and _points(clean(raw), raw):
            found.add(above)
        above = None
    return found.pop() if len(found) == 1 else None
