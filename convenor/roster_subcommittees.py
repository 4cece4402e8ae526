"""The sub-committees a members CSV would create, and the names among them that look like a typo.

The first roster creates every sub-committee it names (later imports need `--new-subcommittee`
for each new one). A name one or two letters away from another ("Trainng" beside "Training") is
almost always a typo, and would silently make a second sub-committee: such a name is created only
when the person confirms it with `--new-subcommittee NAME`. Which of two look-alikes is the typo:
the one fewer rows name (on a tie, the later one); a name already in the store is never the typo.
Closeness is difflib's ratio of the two names (case aside), as `difflib.get_close_matches` uses;
names that differ only in a number or a letter ("Region 1", "Region 2") are distinct on purpose.
"""
from __future__ import annotations

import difflib

from convenor.membership import MemberRecord

LOOK_ALIKE = 0.8  # difflib ratio from which two names are taken for one another ("Trainng"/"Training": 0.93)


def new_names(records: list[MemberRecord], known: list[str]) -> list[str]:
    """The sub-committee names `records` use that are not among `known` (case aside), each once,
    spelled as first written, in the order of the file."""
    have = {k.casefold() for k in known}
    found: dict[str, str] = {}
    for rec in records:
        for name in (n.strip() for n in rec.subcommittees):
            if name and name.casefold() not in have:
                found.setdefault(name.casefold(), name)
    return list(found.values())


def look_alikes(records: list[MemberRecord], known: list[str], confirmed: list[str]) -> list[str]:
    """One problem (naming lines) for each new name, not in `confirmed`, that looks like a typo of
    a name in the store or of a new name more rows use (or as many, written first); [] when none."""
    uses: dict[str, list[int]] = {}  # casefolded name -> the lines naming it
    spelled: dict[str, str] = {}
    for rec in records:
        for name in (n.strip() for n in rec.subcommittees):
            if name:
                uses.setdefault(name.casefold(), []).append(rec.line)
                spelled.setdefault(name.casefold(), name)
    stored = {k.casefold(): k for k in known}
    sure = {c.strip().casefold() for c in confirmed}
    problems = []
    for key in (k for k in uses if k not in stored and k not in sure):
        rivals = [(other, stored.get(other) or spelled[other]) for other in [*stored, *uses]
                  if other != key and _beats(other, key, uses, stored)]
        close = [(other, shown) for other, shown in rivals if _look_alike(key, other)]
        if close:
            other, shown = close[0]
            where = "already a sub-committee" if other in stored else f"line {uses[other][0]}"
            problems.append(f"line {uses[key][0]}: sub-committee {spelled[key]!r} looks like a typo of {shown!r} "
                            f"({where}): correct the file, or add --new-subcommittee {spelled[key]!r} to create it")
    return problems


def _look_alike(a: str, b: str) -> bool:
    """True when two (casefolded) names are close enough to be taken for one another, unless they
    differ only in short words on purpose: a number or a letter ("Region 1" / "Region 2",
    "Team A" / "Team B")."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) == len(words_b) and all(x == y or (len(x) <= 2 and len(y) <= 2)
                                            for x, y in zip(words_a, words_b)):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= LOOK_ALIKE


def _beats(other: str, key: str, uses: dict[str, list[int]], stored: dict[str, str]) -> bool:
    """True when `other` is the right spelling against `key`: stored, or named by more rows, or
    by as many rows but first written earlier."""
    if other in stored:
        return True
    mine, theirs = uses[key], uses[other]
    return len(theirs) > len(mine) or (len(theirs) == len(mine) and theirs[0] < mine[0])
