"""Reading a member's answer: a vote, the dates that suit, or "no comment". Pure functions.

The caller passes the new text of a reply (quotes and signature already removed); to be safe
these functions still stop at the first quoted (`>`) line and at a "-- " signature line. Only
the first meaningful lines are read (greetings such as "Hi," or "Bonjour Marie," and blank lines
are skipped): members are asked to put their answer first, and whatever follows is comment.

Anything that could be read two ways is reported as ambiguous, never guessed: the workflow then
asks the member once to clarify. Reasons are short English sentences for `convenor inspect`.

Votes. Recognised on the first line that mentions an option (at most the first three
meaningful lines are looked at): YES / NO / ABSTAIN in any case, with punctuation, quotation
marks, emphasis or emoji around ("Yes!", "**YES**", "\"Yes\"", "Yes 👍"), after "I vote", "je
vote" …, before a comment ("Yes, I support it"), and in the 30 languages of `answer_words` ("Да",
"Ja, dafür", "Tak.", "賛成", "ich enthalte mich"); an option's number ("2", "#2", "n°2", "2️⃣"),
letter ("B"), ordinal ("only the second", "la première", "die zweite", "de derde": on ballots
whose options are not YES/NO, where "the second" could not mean NO), exact label or the words a
single label begins with ("Library annex" of "Library annex, Queen Street"). YES/NO words map to
the options labelled Yes/Oui/For/Pour, No/Non/Against/Contre, Abstain/Abstention; with other
options they are not options. "+1" and "-1" are read as YES and NO on a yes/no ballot only. Two
different options on the line, a hedge ("maybe", a question mark), a condition ("Yes, if …",
"yes as long as …", "Ja, sofern …") or an option word inside a sentence that is not a clear
vote make the answer ambiguous.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from workflows.reading.answer_words import (
    ABSTAIN,
    ABSTAIN_MENTION,
    CONDITION,
    HEDGE,
    KEYS,
    LABEL_KEYS,
    LAST_WORDS,
    NUMBER,
    ORDINAL,
    ORDINALS,
    WHOLE_ANSWERS,
)

MAX_LINES = 3  # meaningful lines read
MAX_LINE_CHARS = 300


@dataclass(frozen=True)
class VoteReading:
    """What was read from a reply to a ballot: the option's index, or why none was counted."""

    choice: int | None
    ambiguous: bool
    reason: str


@dataclass(frozen=True)
class AvailabilityReading:
    """The 1-based indexes of the candidate dates that suit, or why they could not be read."""

    chosen: frozenset[int]
    ambiguous: bool
    reason: str


_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou"
    r"|cher|chère|chers|chères|hallo|hola|hej|ciao|greetings)\b[^.?!:,]{0,40}[,!:]?$")
_GREETING_PREFIX = re.compile(r"^(?:hi|hello|hey|dear|bonjour|bonsoir|salut|coucou|hallo|hola|ciao|hej"
                              r"|good (?:morning|afternoon|evening)|cher|chère|chers|chères)"
                              r"(?:\s+[\w'-]+){0,3}\s*[,!]\s*")
_WORD_TO_KEY = {w: key for key, words in KEYS.items() for w in words}
_WHOLE_TO_KEY = {w: key for key, words in LABEL_KEYS.items() for w in words}
_ANSWER_TO_KEY = {w: key for key, words in WHOLE_ANSWERS.items() for w in words}
_PREFIX = re.compile(
    r"^(?:(?:i|we)\s+(?:vote|am voting|will vote|would vote|say|choose|pick|select|go with|"
    r"will go with|prefer|think)|i'm voting|i'll vote|i'd vote|i'll go with|i'd say|i would say|"
    r"i'd go with|my (?:vote|answer|choice|reply) (?:is|:)|my vote|vote\s*:|answer\s*:|"
    r"réponse\s*:|choix\s*:|je (?:vote|voterai|choisis|dis|pense|prends)|nous votons|"
    r"mon (?:vote|choix) (?:est|:)|mon vote|ma réponse (?:est|:)|definitely|absolutely|certainly|"
    r"of course|bien sûr|évidemment|clearly|(?:i|we|je|nous)(?:\s+will|\s+would|'ll|'d)?"
    r"\s+(?=abst)|je m'(?=abst)|nous nous(?=\s+abst)|it's|it is|c'est"
    r"|(?:i'm|i am|we're|we are|je suis|nous sommes)(?=\s+(?:for|against|in favou?r|opposed|pour|contre)\b))"
    r"\s*(?:(?:for|pour)\b(?=\s*\S)(?!\s*(?:the|la)\b)|:)?\s*")  # "je vote pour" alone: pour = YES
_SUFFIX = re.compile(r"\s*(?:please|pls|thanks|thank you|thx|merci(?: beaucoup)?|from me|for me|"
                     r"pour moi|de ma part|here|!)$")
_SPLIT = re.compile(r"\s*(?:[.!,;:()—–]|\s-\s|\bbut\b|\bmais\b|\bbecause\b|\bcar\b|\bparce\b"
                    r"|\bas\b|\bsince\b|\bcomme\b)\s*")
_LETTER = re.compile(r"^(?:option|choice|choix)?\s*\(?([a-z])\)?\s*[.)]?$")
_CONNECT = r"(?=\s*(?:$|[^\w\s']|\b(?:and|or|et|ou|but|mais|nor)\b))"


def _without_emoji(line: str) -> str:
    """The line without emoji and pictographs ("Yes 👍", "oui ✅"), joiners, selectors and the
    keycap's enclosing mark ("2️⃣" is "2"); the degree sign stays ("n°2")."""
    return "".join(" " if unicodedata.category(c) in ("So", "Sk", "Cs", "Co", "Me") and c not in "°" else c
                   for c in line if c not in "\ufe0f\ufe0e\u200d")


def _clean(line: str) -> str:
    """Lower-case, NFKC-normalised, without emphasis markers or emoji, with straight apostrophes
    (remembered per line: answers repeat, "Yes", "YES", "Oui", and so do option labels; only
    the first MAX_LINE_CHARS characters are read, and kept)."""
    return _clean_head(line[:MAX_LINE_CHARS])


@functools.lru_cache(maxsize=4096)
def _clean_head(line: str) -> str:
    line = _without_emoji(unicodedata.normalize("NFKC", line)).casefold()
    line = line.replace("’", "'").replace("`", "").replace("*", "").replace("~", "")
    line = re.sub(r"(?<!\w)_+|_+(?!\w)", "", line)
    return re.sub(r"\s+", " ", line).strip()


def _meaningful_lines(text: str, limit: int = MAX_LINES) -> list[tuple[int, str, str]]:
    """(line number, line as written, cleaned line) of the first `limit` meaningful lines."""
    out: list[tuple[int, str, str]] = []
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    for number, raw in enumerate(text.split("\n")[:200], start=1):
        raw = raw.replace("\x00", "")
        if raw.lstrip().startswith(">") or raw.rstrip() in ("--", "-- ") or raw.strip() == "--":
            break
        cleaned = _clean(raw)
        if not cleaned or _GREETING.match(cleaned) or not re.search(r"[\w+#-]", cleaned):
            continue
        out.append((number, raw.strip()[:80], _GREETING_PREFIX.sub("", cleaned)))
        if len(out) >= limit:
            break
    return out


def _option_keys(options: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """(key YES/NO/ABSTAIN → index, cleaned label → index) for the ballot's options (made once
    per set of options: every reply to one vote reads against the same; not to be changed)."""
    return _keys_of(tuple(options))


@functools.lru_cache(maxsize=256)
def _keys_of(options: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
    keys: dict[str, int] = {}
    labels: dict[str, int] = {}
    for index, label in enumerate(options):
        cleaned = _clean(label).strip(" .!")
        labels.setdefault(cleaned, index)
        key = _WHOLE_TO_KEY.get(cleaned)
        if key:
            keys.setdefault(key, index)
    return keys, labels


_FRAME_CHARS = " .!,;:\"«»“”„‘’'"  # punctuation and quotation marks around an answer ("\"Yes\"")


def _strip_frame(expr: str) -> str:
    """Remove vote prefixes ("I vote", "je vote pour") and polite suffixes ("please")."""
    expr = expr.strip(_FRAME_CHARS)
    for _ in range(3):
        new = _PREFIX.sub("", expr, count=1).strip(" .!,;:")
        new = _SUFFIX.sub("", new).strip(_FRAME_CHARS)
        if new == expr:
            break
        expr = new
    return expr


def _parse_expr(expr: str, options: list[str], keys, labels) -> tuple[int | None, str | None]:
    """Read one whole expression: (index, None), (None, why not an option) or (None, None)."""
    expr = _strip_frame(expr)
    if not expr:
        return None, None
    if expr in labels:
        return labels[expr], None
    start = _label_start(expr, tuple(labels))
    if start is not None:
        return labels[start], None
    key = _WORD_TO_KEY.get(expr) or _WHOLE_TO_KEY.get(expr) or (_ANSWER_TO_KEY.get(expr) if keys else None)
    if key is None and expr in ("+1", "-1") and keys:
        key = "YES" if expr == "+1" else "NO"
        if key not in keys:
            return None, f"'{expr}' is not one of the options"
    if key is not None:
        return (keys[key], None) if key in keys else (None, f"'{expr}' is not one of the options")
    if (key is None and "ABSTAIN" in keys and ABSTAIN.match(expr)
            and not _mentions(expr, options, keys, labels) - {keys["ABSTAIN"]}):
        return keys["ABSTAIN"], None  # "ich enthalte mich", "mi astengo", "воздерживаюсь"
    m = ORDINAL.match(expr) if not keys else None  # "the second" is no answer to yes/no
    if m:
        word = m.group(1)
        n = len(options) if word in LAST_WORDS else ORDINALS[word]
        if 1 <= n <= len(options):
            return n - 1, None
        return None, f"there is no {word} option (1-{len(options)})"
    m = NUMBER.match(expr)
    if m:
        n = int(m.group(1))
        if 1 <= n <= len(options):
            return n - 1, None
        return None, f"number {n} is out of range (1-{len(options)})"
    m = _LETTER.match(expr)
    if m and len(options) >= 2:
        n = ord(m.group(1)) - ord("a")
        if n < len(options):
            return n, None
        return None, f"letter {m.group(1).upper()} is not one of the options"
    return None, None


def _mentions(line: str, options: list[str], keys, labels) -> set[int]:
    """Indexes of the options a line mentions as a vote would (not "no problem", not "2 days")."""
    found: set[int] = set()
    for m in re.finditer(r"(?<![\w'])([\w']+)" + _CONNECT, line):
        key = _WORD_TO_KEY.get(m.group(1))
        if key in keys:
            found.add(keys[key])
    if "ABSTAIN" in keys and ABSTAIN_MENTION.search(line):
        found.add(keys["ABSTAIN"])
    for m in re.finditer(r"(?:\boption|\bchoice|\bchoix|#)\s*#?\s*(\d{1,4}|[a-z])\b", line):
        index, _ = _parse_expr(m.group(1), options, keys, labels)
        if index is not None:
            found.add(index)
    for label, index in labels.items():
        if len(label) >= 3 and label not in _WHOLE_TO_KEY and _label_pattern(label).search(line):
            found.add(index)
    return found


def _label_words(label: str) -> list[str]:
    return re.findall(r"[\w']+", label)


@functools.lru_cache(maxsize=4096)
def _label_start(expr: str, labels: tuple[str, ...]) -> str | None:
    """The one label that begins with the words of `expr` ("library annex" of "Library annex,
    Queen Street", "online" of "Online only"), or None when none or several do, or `expr` is
    shorter than four letters or a word of the YES/NO/ABSTAIN vocabulary."""
    words = _label_words(expr)
    if not words or sum(len(w) for w in words) < 4 or expr in _WHOLE_TO_KEY or expr in _WORD_TO_KEY:
        return None
    found = [label for label in labels if _label_words(label)[:len(words)] == words
             and len(_label_words(label)) > len(words)]
    return found[0] if len(found) == 1 else None


@functools.lru_cache(maxsize=1024)
def _label_pattern(label: str) -> re.Pattern:
    """An option's label as a whole word or words."""
    return re.compile(r"(?<!\w)" + re.escape(label) + r"(?!\w)")


def _conditional(line: str) -> bool:
    """True when the words right after the answer's first word set a condition ("yes unless …",
    "yes as long as …", "ja, sofern …", "I'd vote yes if …")."""
    framed = _strip_frame(line)
    first = re.match(r"\S+", framed)
    return bool(first) and bool(CONDITION.match(framed[first.end():first.end() + 80]))


def _later_answer(lines, options, keys, labels, index: int) -> tuple[int, str] | None:
    """(line number, line) of a later line that is by itself the answer of another option
    ("Yes" then "No" on the next line), else None."""
    for number, raw, line in lines:
        other, _ = _parse_expr(line, options, keys, labels)
        if other is not None and other != index:
            return number, raw
    return None


def read_vote(new_text: str, options: list[str]) -> VoteReading:
    """Read a vote from the first meaningful lines of a reply's new text.

    Promises: `choice` is an index into `options` and `ambiguous` is False only when exactly one
    option is clearly chosen on the first line that mentions any; otherwise `choice` is None and
    `ambiguous` is True. An empty text gives reason "no text". `reason` says what was read and
    on which line (e.g. "read 'YES' on line 1 as 'Yes'"). Never reads past a quoted line;
    never raises.
    """
    lines = _meaningful_lines(new_text)
    if not lines:
        return VoteReading(None, True, "no text")
    keys, labels = _option_keys(options)
    for position, (number, raw, line) in enumerate(lines):
        mentioned = _mentions(line, options, keys, labels)
        index, why_not = _parse_expr(line, options, keys, labels)
        head, rest = line, ""
        if index is None and why_not is None:
            parts = _SPLIT.split(line, maxsplit=1)
            if len(parts) == 2 and parts[0]:
                index, why_not = _parse_expr(parts[0], options, keys, labels)
                head, rest = parts
        if index is None and why_not is None and len(set(_strip_frame(line).split())) == 1:
            index, why_not = _parse_expr(_strip_frame(line).split()[0], options, keys, labels)
        if index is not None:
            others = (mentioned | _mentions(rest, options, keys, labels)) - {index}
            if others:
                names = ", ".join(repr(options[i]) for i in sorted(others | {index}))
                return VoteReading(None, True, f"line {number} names more than one option "
                                               f"({names}): {raw!r}")
            if HEDGE.search(line) or "?" in head or CONDITION.match(rest[:80]) or _conditional(line):
                return VoteReading(None, True, f"line {number} is not a firm answer: {raw!r}")
            later = _later_answer(lines[position + 1:], options, keys, labels, index)
            if later is not None:
                return VoteReading(None, True, f"line {number} and line {later[0]} answer differently: "
                                               f"{raw!r}, {later[1]!r}")
            return VoteReading(index, False, f"read {raw!r} on line {number} as {options[index]!r}")
        if why_not is not None:
            return VoteReading(None, True, f"line {number}: {why_not}: {raw!r}")
        if len(mentioned) > 1:
            names = ", ".join(repr(options[i]) for i in sorted(mentioned))
            return VoteReading(None, True, f"line {number} names more than one option ({names}): "
                                           f"{raw!r}")
        if mentioned:
            return VoteReading(None, True, f"line {number} mentions {options[mentioned.pop()]!r} "
                                           f"but is not a clear vote: {raw!r}")
    return VoteReading(None, True, f"no option read in the first {len(lines)} line(s)")


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
    lines = _meaningful_lines(new_text)
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


_NO_COMMENT = re.compile(r"^(?:no comments?|pas de commentaires?|aucun commentaire|sans commentaire"
                         r"|nothing to add|rien à ajouter)(?:\s*[.!,]*\s*(?:thanks|thank you|"
                         r"merci(?: beaucoup)?))?$")


def is_no_comment(new_text: str) -> bool:
    """True when the first meaningful line says "NO COMMENT" / "PAS DE COMMENTAIRE".

    Promises: any case, emphasis and surrounding punctuation are accepted ("No comment.",
    "**PAS DE COMMENTAIRE**", "no comments, thanks"); "nothing to add" / "rien à ajouter" count
    too. A line that goes on to comment ("No comment on 2, but …") does not. Never raises.
    """
    lines = _meaningful_lines(new_text)
    if not lines:
        return False
    line = lines[0][2].strip(" .!,;:-")
    return bool(_NO_COMMENT.match(line))
