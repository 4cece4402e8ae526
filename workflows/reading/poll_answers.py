"""Reading a member's answer to a date poll with "if need be" marks and places. Pure functions.

Dates are numbered (1, 2, 3 …), places lettered (A, B, C …). A date or place that suits only if need
be is marked the way people write it, in English or French:

- a question mark after it: `2?`, `B?`;
- brackets around it: `(2)`, `(2, 4)`, `(2 if need be)`;
- the words after it: `2 if need be`, `2 if needed`, `2 if necessary`, `2 at a push`,
  `2 si nécessaire`, `2 si besoin`, `2 au besoin`, `2 à la rigueur` (numbers joined to it by
  "and"/"et"/"&" share the mark: `2 and 4 if need be`; a comma ends it: `1, 4 if need be` marks 4 only);
- the words before them, up to the end of the line: `if need be: 2, 4`, `si besoin : 2`.

Places are read from a line starting `Places:` / `Place:` / `Lieux :` / `Lieu :`, from a line of
letters alone (`A, C?`), or from capital letters on a dates line (`1, 3 - B`). Everything else is
read by `availability.read_availability` (ranges, "all", "none", "all but 2" …), once the marks are
taken off, so both readers agree. A member who names no place is counted as suiting every place.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mailer.line_ends import as_lf
from workflows.reading.availability import read_availability

_PHRASE = (r"(?:if (?:need|needs|needed) be|if (?:really )?needed|if necessary|if (?:i|we) must|if i have to"
           r"|at a (?:push|pinch)|as a last resort|si n[ée]cessaire|si besoin(?: est)?|au besoin"
           r"|[àa] la rigueur|en cas de besoin|s'il le faut|s'il faut)")
_ITEM = r"(?:\d{1,2}(?:\s*(?:-|–|to|à|au)\s*\d{1,2})?|[A-Za-z](?![\w']))"
_JOIN = r"\s*(?:and|et|&|or|ou)\s*"
_LIST = rf"{_ITEM}(?:(?:\s*[,;/]\s*|{_JOIN}|\s+){_ITEM})*"
_PARENS = re.compile(rf"\(\s*({_LIST})\s*,?\s*(?:{_PHRASE})?\s*\)", re.IGNORECASE)
_AFTER = re.compile(rf"(?<![\w'])({_ITEM}(?:{_JOIN}{_ITEM})*)\s*,?\s*{_PHRASE}(?![\w'])", re.IGNORECASE)
_BEFORE = re.compile(rf"(?<![\w']){_PHRASE}\s*[:,-]?\s*({_LIST})\s*[.!]*\s*$", re.IGNORECASE)
_QUESTION = re.compile(rf"(?<![\w'])({_ITEM})\s*\?", re.IGNORECASE)
_PLACE_LINE = re.compile(r"^\s*(?:places?|lieux?|locations?|venues?|salles?)\s*:\s*(.*)$", re.IGNORECASE)
_LETTERS_ONLY = re.compile(r"^[\sA-Za-z,;/&?().-]*$")
_WORDS_IN_LETTER_LINE = re.compile(r"(?<![\w'])(?:and|et|or|ou)(?![\w'])", re.IGNORECASE)
_ANY_PLACE = re.compile(r"^\s*(?:all|any|either|anywhere|every|tous|toutes|tout|n'importe|peu importe"
                        r"|partout)\b", re.IGNORECASE)
_NO_PLACE = re.compile(r"^\s*(?:none|neither|nowhere|aucun|aucune|nulle part)\b", re.IGNORECASE)
_QUOTE_OR_SIGNATURE = re.compile(r"^\s*>|^--\s*$")


@dataclass(frozen=True)
class PollAnswer:
    """What a reply to a date poll says.

    `dates` holds every date number (1-based) that suits, `dates_if_need_be` the subset that suits
    only if need be; `places` and `places_if_need_be` the same for place numbers (1 = A), or None for
    `places` when the member named none (then every place suits them). `ambiguous` is True when
    nothing may be recorded; `reason` says why or what was read.
    """

    dates: frozenset[int]
    dates_if_need_be: frozenset[int]
    places: frozenset[int] | None
    places_if_need_be: frozenset[int]
    ambiguous: bool
    reason: str


def _items(text: str, places: int) -> tuple[set[int], set[int]]:
    """(date numbers, place numbers) in a list such as "2, 4-5 and B"."""
    dates: set[int] = set()
    letters: set[int] = set()
    for match in re.finditer(_ITEM, text):
        item = match.group(0)
        if item[0].isdigit():
            bounds = [int(n) for n in re.findall(r"\d+", item)]
            dates.update(range(bounds[0], bounds[-1] + 1) if len(bounds) == 2 and bounds[1] > bounds[0]
                         else bounds)
        elif places:
            letters.add(ord(item.upper()) - ord("A") + 1)
    return dates, letters


def _take_marks(line: str, places: int) -> tuple[str, set[int], set[int]]:
    """The line with its if-need-be marks taken off, and the dates and places they marked."""
    maybe_dates: set[int] = set()
    maybe_places: set[int] = set()

    def mark(match: re.Match) -> str:
        dates, letters = _items(match.group(1), places)
        maybe_dates.update(dates)
        maybe_places.update(letters)
        return f" {match.group(1)} "

    for pattern in (_PARENS, _AFTER, _BEFORE, _QUESTION):
        line = pattern.sub(mark, line)
    return line, maybe_dates, maybe_places


def _place_letters(text: str, places: int, any_case: bool) -> set[int]:
    """Place numbers written as letters (capitals only unless `any_case`), within range or not."""
    pattern = r"(?<![\w'’])([A-Za-z])(?![\w'’])" if any_case else r"(?<![\w'’])([A-Z])(?![\w'’])"
    return {ord(m.group(1).upper()) - ord("A") + 1 for m in re.finditer(pattern, text)} if places else set()


def _is_place_line(raw: str, places: int) -> re.Match | bool:
    """A `Places:` line (its match), or True for a line of place letters alone ("A, C?")."""
    if not places or not raw.strip():
        return False
    named = _PLACE_LINE.match(raw)
    if named:
        return named
    words = _WORDS_IN_LETTER_LINE.sub(" ", raw)
    return bool(_LETTERS_ONLY.match(raw) and re.search(r"[A-Za-z]", words)
                and not re.search(r"[A-Za-z]{2,}", words))


def _take_names(line: str, labels: list[str]) -> tuple[str, set[int], set[int]]:
    """The line without the places it names in full ("at the Library", "Café?", "(Online)"), and
    the numbers of those places and of those marked if need be. Names of 3 characters or more,
    any case."""
    named: set[int] = set()
    maybe: set[int] = set()
    for number, label in sorted(enumerate(labels, 1), key=lambda pair: -len(pair[1])):
        if len(label.strip()) < 3:
            continue
        name = re.escape(label.strip())
        inside = re.compile(rf"\(\s*(?:(?:at|à|au)\s+)?(?:(?:the|la|le)\s+|l')?{name}\s*,?\s*(?:{_PHRASE})?\s*\)",
                            re.IGNORECASE)
        after = re.compile(rf"(?<![\w]){name}(?![\w])(\s*\?|\s*,?\s*{_PHRASE}(?![\w']))?", re.IGNORECASE)
        if inside.search(line):
            named.add(number)
            maybe.add(number)
            line = inside.sub(" ", line)
        for match in after.finditer(line):
            named.add(number)
            if match.group(1):
                maybe.add(number)
        line = after.sub(" ", line)
    return line, named, maybe


def _only_items(text: str) -> bool:
    """True when `text` holds nothing but numbers, ranges and separators."""
    return not re.sub(rf"{_ITEM}|{_JOIN}|[\s,;/.!&]", "", text)


def read_poll_answer(new_text: str, candidates: int, places: int | list[str] = 0) -> PollAnswer:
    """Read the dates (and places, when `places` > 0) that suit a member, with if-need-be marks.
    `places` is the number of places, or their labels: then a place may also be named in full
    ("1, 3 at the Library", a line "Library, Café?").

    Promises: `dates_if_need_be` ⊆ `dates` and `places_if_need_be` ⊆ `places`; a date or place
    out of range makes the answer ambiguous (nothing recorded); an answer naming only places is
    ambiguous (the dates are what the poll is for); without marks and places it reads exactly as
    `read_availability`. Never raises.
    """
    labels = list(places) if isinstance(places, list) else []
    places = len(labels) if isinstance(places, list) else places
    text = as_lf(unicodedata.normalize("NFKC", new_text or ""))
    date_lines: list[str] = []
    inline_maybe: set[int] = set()      # marked on a line the availability reader reads
    line_maybe: set[int] = set()        # lines of if-need-be dates alone ("if need be: 2", "4?")
    place_numbers: set[int] = set()
    maybe_places: set[int] = set()
    places_named = False
    for raw in text.split("\n")[:200]:
        if _QUOTE_OR_SIGNATURE.match(raw):
            break
        if labels:
            raw, named, named_maybe = _take_names(raw, labels)
            if named:
                places_named = True
                place_numbers.update(named)
                maybe_places.update(named_maybe)
        place_line = _is_place_line(raw, places)
        if place_line:
            body = place_line.group(1) if isinstance(place_line, re.Match) else raw
            places_named = True
            if _NO_PLACE.match(body):
                continue
            if _ANY_PLACE.match(body):
                place_numbers.update(range(1, places + 1))
                continue
            body, _, marked = _take_marks(body, places)
            maybe_places.update(marked)
            place_numbers.update(marked | _place_letters(_WORDS_IN_LETTER_LINE.sub(" ", body), places, True))
            continue
        plain, marked_dates, marked_places = _take_marks(raw, places)
        capitals = {n for n in _place_letters(plain, places, False) | marked_places if 1 <= n <= places}
        if capitals:
            places_named = True
            place_numbers.update(capitals)
            maybe_places.update(marked_places & capitals)
            plain = re.sub(r"(?<![\w'’])[A-H](?![\w'’])", " ", plain)
        if marked_dates and _only_items(plain) and _items(plain, 0)[0] <= marked_dates:
            line_maybe.update(marked_dates)
            continue
        inline_maybe.update(marked_dates)
        date_lines.append(plain)
    if places and place_numbers - set(range(1, places + 1)):
        wrong = ", ".join(chr(ord("A") + n - 1) for n in sorted(place_numbers - set(range(1, places + 1))))
        return _unclear(f"no place lettered {wrong} (A-{chr(ord('A') + places - 1)})")
    out_of_range = sorted(n for n in line_maybe if not 1 <= n <= candidates)
    if out_of_range:
        return _unclear(f"no option numbered {', '.join(map(str, out_of_range))} (1-{candidates})")
    reading = read_availability("\n".join(date_lines), candidates)
    if reading.ambiguous:
        if not line_maybe or not reading.reason.startswith(("no text", "no option")):
            return _unclear("only places were given, no dates" if places_named and reading.reason.startswith(
                ("no text", "no option")) and not line_maybe else reading.reason)
        dates, maybe = frozenset(line_maybe), frozenset(line_maybe)
    else:
        dates = frozenset(reading.chosen) | frozenset(line_maybe)
        maybe = (frozenset(inline_maybe) & frozenset(reading.chosen)) | frozenset(line_maybe)
    chosen_places = frozenset(place_numbers) if places_named else None
    places_maybe = frozenset(maybe_places) & (chosen_places or frozenset())
    said = ", ".join(f"{n}?" if n in maybe else str(n) for n in sorted(dates)) or "none"
    if chosen_places is not None:
        said += "; places " + (", ".join(letter(n) + ("?" if n in places_maybe else "")
                                         for n in sorted(chosen_places)) or "none")
    return PollAnswer(dates, maybe, chosen_places, places_maybe, False, f"read {said}")


def letter(number: int) -> str:
    """A place's letter: 1 → "A"."""
    return chr(ord("A") + number - 1)


def _unclear(reason: str) -> PollAnswer:
    return PollAnswer(frozenset(), frozenset(), None, frozenset(), True, reason)
