"""Reading which dates of a date poll suit a member: "1, 3", "all but 2", "none". Pure functions.

Read from the first meaningful lines of the reply's new text (`answer_lines`); `poll_answers`
takes the "if need be" marks and places off before it hands the rest here. Anything that could
be read two ways is reported as ambiguous, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from workflows.reading.answer_lines import meaningful_lines


@dataclass(frozen=True)
class AvailabilityReading:
    """The 1-based indexes of the candidate dates that suit, or why they could not be read."""

    chosen: frozenset[int]
    ambiguous: bool
    reason: str


_MONTHS_DAYS = re.compile(
    r"\b(?:jan|feb|febr?|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|"
    r"april|june|july|august|september|october|november|december|janv|févr|fév|avr|mai|juin|"
    r"juil|août|déc|janvier|février|mars|avril|juillet|septembre|octobre|novembre|décembre|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|"
    r"fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
_TIMES = re.compile(r"\d\s*(?:am|pm|h\b|:\d\d)|\b\d+(?:st|nd|rd|th|er|ère|e)\b|\d/\d")
_ALL = re.compile(r"\b(?:all|any|every|everything|tous|toutes|tout|n'importe)\b")
_BOTH = re.compile(r"\b(?:both|les deux)\b")
_NONE = re.compile(r"\b(?:none|neither|nothing|aucune|aucun|rien|ni l'une ni l'autre)\b|"
                   r"\bno (?:date|dates|option|options|day|days)\b|"
                   r"\b(?:can't|cannot|can not) make (?:any|it)\b|\bnot available\b|"
                   r"\bpas disponible\b|\bindisponible\b")
_NEGATION = re.compile(r"(?<=\ball )but\b|(?<=\btous )sauf\b|\b(?:but not|except|excepting|apart from|other than|sauf|mais pas|"
                       r"excepté|hormis|not|pas|can't|cannot|can not|won't|unavailable|"
                       r"indisponible|impossible)\b")
_RANGE = re.compile(r"(\d{1,4})\s*(?:-|–|to|à|au|through|thru)\s*(\d{1,4})")
_PURE_NUMBERS = re.compile(r"^[\d\s,;&+/#.-]+$")
_AVAIL_HEDGE = re.compile(r"\b(?:maybe|perhaps|peut[- ]être|not sure|pas sûr|probably|"
                          r"probablement|possibly|if needed|si besoin|à confirmer|tbc)\b|\?")


def _numbers(segment: str) -> list[int]:
    """Every number in a segment, ranges ("2-4", "2 to 4") expanded (capped at 100 long)."""
    out: list[int] = []
    for m in _RANGE.finditer(segment):
        low, high = int(m.group(1)), int(m.group(2))
        out.extend(range(low, high + 1) if 0 < high - low < 100 else [low, high])
    segment = _RANGE.sub(" ", segment)
    out.extend(int(n) for n in re.findall(r"(?<![\w.])\d{1,4}(?![\w])", segment))
    return out


def read_availability(new_text: str, candidates: int) -> AvailabilityReading:
    """Read which candidate dates (1-based) suit a member, from the first meaningful line(s).

    Promises: understands "1, 3", "1 and 3", "1 3", "2-4", "all" / "tous" / "toutes", "none" /
    "aucune" / "aucun", "1 and 4 but not 2", "all except 2" / "tous sauf 2"; lines that are only
    numbers are read together ("1" then "3" on the next line). An empty set with `ambiguous`
    False means "none suits". Ambiguous (empty set) when a number is out of range, a date or
    time is written out ("Tuesday 4", "3pm", "1st"), the answer is hedged, only exclusions are
    given, or nothing readable is found. Never raises.
    """
    lines = meaningful_lines(new_text)
    if not lines:
        return AvailabilityReading(frozenset(), True, "no text")
    for position, (number, raw, line) in enumerate(lines):
        if _MONTHS_DAYS.search(line) or _TIMES.search(line):
            return AvailabilityReading(frozenset(), True, f"line {number} names dates or times "
                                       f"instead of the numbers of the options: {raw!r}")
        neg = _NEGATION.search(line)
        positive, negative = (line[:neg.start()], line[neg.end():]) if neg else (line, "")
        wanted, unwanted = _numbers(positive), _numbers(negative)
        if _PURE_NUMBERS.match(line):
            for _, _, more in lines[position + 1:]:
                if not _PURE_NUMBERS.match(more):
                    break
                wanted += _numbers(more)
        everything = bool(_ALL.search(positive)) or (bool(_BOTH.search(positive)) and candidates == 2
                                                      and not wanted)
        nothing = bool(_NONE.search(line)) or (bool(re.fullmatch(r"(?:no|non)[.!]*", line)))
        if not (wanted or unwanted or everything or nothing):
            continue
        out_of_range = sorted({n for n in wanted + unwanted if not 1 <= n <= candidates})
        if out_of_range:
            return AvailabilityReading(frozenset(), True, f"line {number}: no option numbered "
                                       f"{', '.join(map(str, out_of_range))} (1-{candidates}): {raw!r}")
        if _AVAIL_HEDGE.search(line):
            return AvailabilityReading(frozenset(), True, f"line {number} is not a firm answer: {raw!r}")
        if nothing and (wanted or everything):
            return AvailabilityReading(frozenset(), True, f"line {number} says both some and none: {raw!r}")
        if nothing and not unwanted:
            return AvailabilityReading(frozenset(), False, f"read 'none' on line {number}")
        if everything:
            chosen = frozenset(range(1, candidates + 1)) - set(unwanted)
        elif wanted:
            chosen = frozenset(wanted) - set(unwanted)
        else:
            return AvailabilityReading(frozenset(), True, f"line {number} only says which options "
                                       f"do not suit: {raw!r}")
        listed = ", ".join(map(str, sorted(chosen))) or "none"
        return AvailabilityReading(chosen, False, f"read {listed} on line {number}")
    return AvailabilityReading(frozenset(), True, f"no option read in the first {len(lines)} line(s)")


