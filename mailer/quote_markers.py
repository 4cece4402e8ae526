"""The lines that open a quoted message, in the languages and clients members write from.

`attribution_span` recognises the line (or two or three wrapped lines) that introduces a quote:
"On … wrote:" and its translations (Gmail, Thunderbird, Apple Mail, Outlook for Mac set in
Catalan, Czech, Danish, Dutch, Finnish, French, German, Italian, Japanese, Korean, Norwegian,
Polish, Portuguese, Russian, Spanish, Swedish, Turkish, Ukrainian, Vietnamese, Arabic, Chinese,
and Gmail's Welsh, Swahili, Afrikaans, Galician and Basque, Apple Mail's Polish "Wiadomość
napisana przez … w dniu …:"),
"X schrieb am <date>:" and "X kirjoitti <date>:" (verb before the date), Gmail's ISO form
"2014-03-20 8:48 GMT+01:00 Name <addr>:" and every other locale that ends with the address and a
colon, Zimbra's "- On … wrote:", Android's "---- Name wrote ----", Zoho's "---- On … wrote ----",
Eudora's "At 6/16/2016 08:32 PM, you wrote:", and "sent:" in place of "wrote:".

A forwarded or original message's separator and header block are recognised by
`mailer.quote_headers.quote_starts`.

No pattern here was taken from mail-parser-reply's language tables: measured on the corpus they
know only 13 languages, anchor each attribution on a single line and miss the Gmail forms that
end with the address; the phrases below were written from each client's own output. Every
pattern sees at most `_WINDOW` lines of at most MAX_LINE characters, so no input makes them slow.
The attribution verbs of every language, and the quick tests for them, are `mailer.attribution_verbs`.
"""
from __future__ import annotations

import re

from mailer.ascii_case import ascii_lower, search_case_blind
from mailer.attribution_verbs import (
    _ENDS_WITH_VERB_LOWER,
    _LOWER_VERBS,
    _VERB,
    _VERB_LOWER,
    _VERB_WORDS_ALL,
    _VERBS,
    _ends_with_verb,
    _has_verb,
    _line_verb_hint,
    _verb_hint,
)
from mailer.reply_lines import MAX_LINE, NOT_READ, Line, Lines, is_quoted  # noqa: F401 - MAX_LINE, is_quoted: shared

_WINDOW = 3  # an attribution may be wrapped over this many lines

_START_WORDS = (
    "on|le|am|den|op|el|il|dnia|dne|em|w dniu|på|el día|at|quoting|citando|vào|в|у|о"
    "|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|man|tir|ons|tor|fre|lør|søn"
    "|mån|tis|lör|sön|ma|di|wo|do|vr|za|zo|ti|ke|to|pe|la|su|pon|wt|śr|czw|pt|sob|niedz"
    "|seg|ter|qua|qui|sex|sáb|dom|dl|dt|dc|dj|dv|ds|dg|пн|вт|ср|чт|пт|сб|нд|вс|في|th"
    "|pzt|sal|çar|per|cum|cmt|paz|in a message dated|le|στις|ב-|pada|sre|pet|ned"
    "|zitat von|citation de|citando a|citazione da|cytuję|citeren|quoting"
)
_START = re.compile(
    r"^(?:" + _START_WORDS + r")\b\.?|^\d"
    r"|^[a-zåäöæøéèüß]{2,5}\.,?\s+\d|^在",  # "tors. 3. feb.", "fre.", "在 2016年6月15日"
    re.IGNORECASE,
)
# What `_START` needs of an ASCII line: a digit first, or its leading run of letters (lower-cased)
# one of the first words of `_START_WORDS` (the word ends there: "\b", or a space inside the
# phrase), or two to five letters and a full stop (`ascii_lower`: the other non-ASCII words match
# no ASCII line).
_START_FIRST = frozenset(w for w in (ascii_lower(p.split(" ")[0]) for p in _START_WORDS.split("|")) if w.isascii())
_ASCII_LETTERS = re.compile(r"[A-Za-z]*")


def _starts_well(bare: str) -> bool:
    """`_START.match(bare)`, answered False at once for an ASCII line whose first word cannot
    open an attribution ("I think …": ~1 µs saved a line of prose)."""
    if bare.isascii() and not bare[:1].isdigit():
        word = _ASCII_LETTERS.match(bare).group()
        if word.lower() not in _START_FIRST and not (2 <= len(word) <= 5 and bare[len(word):len(word) + 1] == "."):
            return False
    return _START.match(bare) is not None
_DATEISH = re.compile(r"@|\b(?:19|20)\d{2}\b|\d{1,2}[:.h]\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
                      r"|\d{4}\s*[年년]")
_DIGIT = re.compile(r"\d")


def _dateish(text: str) -> bool:
    """Whether `_DATEISH` finds a date, a time or an address in `text`: an "@", or a form that
    starts at a digit, so it is searched for from the first digit on (a line of prose without
    one costs a scan for it, not five patterns tried at each character)."""
    if "@" in text:
        return True
    digit = _DIGIT.search(text)
    return digit is not None and _DATEISH.search(text, digit.start()) is not None


def _line_dateish(line: Line) -> bool:
    """`_dateish` of the line's clean text, found once a line."""
    if line.dateish is NOT_READ:
        line.dateish = _dateish(line.clean)
    return line.dateish
_JA_ATTRIB = re.compile(r"^\d{4}\s*[年년/-]\s*\d{1,2}\s*[月월/-].{0,200}[:：]$")
# "Name <addr>:" at the end (Gmail in Russian, Japanese, ISO-dated locales …), "(addr):" too
_ENDS_WITH_ADDRESS = re.compile(r"(?:<[^<>\s]{1,200}@[^<>\s]{1,200}>|\([^()\s]{1,200}@[^()\s]{1,200}\)"
                                r"|\[mailto:[^\]\s]{1,200}\])\s*[,)]?\s*[:：]$")
# "Max Mustermann schrieb am 3. Feb. 2025 um 10:00:", "Jan kirjoitti 3.2.2025 klo 10.00:"
_NAME_THEN_VERB = re.compile(
    r"^(?!(?:as |like |when |what |if |and |but )?(?:i|we|you|he|she|they|it)\b)"
    r"[\w\"'.,()<>@&+:/-]+(?:\s+[\w\"'.,()<>@&+:/-]+){0,9}\s+(?:" + _VERBS + r")\b", re.IGNORECASE)
# mutt's "* Jan Novak <jan@example.org> [2025-02-03 10:00 +0100]:"
_MUTT = re.compile(r"^\*\s.{1,200}\[(?:19|20)\d\d-\d\d-\d\d[^\]]{0,40}\]\s*:$")
_PRONOUN_VERB = re.compile(r"\b(?:i|we|you|he|she|they)\s+(?:wrote|writes|sent)\b", re.IGNORECASE)
# the member herself as the writer, next to the verb ("On 2 Dec at 9:14 I wrote to the council:",
# "Am … schrieb ich dem Hausmeister:", "… skrev jeg til kommunen:"): no mail program writes that (Eudora's
# "At …, you wrote:" names the reader); searched in the lower-cased line
# (Polish and Russian: "W dniu 30.11.2026 napisałam do gminy:", "30.11.2026 я написал в управу:")
_FIRST_PERSON_VERB = re.compile(r"\b(?:i|we)\s+(?:wrote|sent)\b|\b(?:schrieb|schrieben)\s+(?:ich|wir)\b"
                                r"|\bskrev\s+(?:jeg|jag|vi)\b|\b(?:schreef\s+ik|schreven\s+wij?)\b"
                                r"|\bnapisa(?:łem|łam|liśmy|łyśmy)\b|(?:^|\s)(?:я\s+написала?|мы\s+написали)(?!\w)")


def _without_dashes(line: str) -> str:
    """`line` without its leading dashes and a trailing run of two or more (with the spaces next to
    them): "---- Jan wrote ----" is "Jan wrote". String methods, not a pattern: a pattern's
    `\\s*[-–—]{2,}$` tried at every position of a long rule of dashes costs the square of its length."""
    rest = line.lstrip("-–—")
    if len(rest) < len(line):
        rest = rest.lstrip()
    body = rest.rstrip("-–—")
    return body.rstrip() if len(rest) - len(body) >= 2 else rest


_DASHED = re.compile(r"^[-–—]{2,}+\s*\S.{0,200}?\s(?:" + _VERBS + r")\s*[-–—]{2,}$", re.IGNORECASE)


def _dashed(line: str, lower: str) -> bool:
    """True for an attribution framed by dashes: "---- Jan wrote ----", or a verb (or a date or
    time) and an address anywhere between the dashes ("---- Am Mo, 03 Feb 2025 10:00 schrieb Jan
    <jan@…> ---", Zoho); `lower` is the line lower-cased."""
    if not line.startswith(("--", "––", "——", "-–", "–-")) or not line.endswith(("--", "––", "——")):
        return False  # plain string tests first: a long rule of dashes is never scanned twice
    if not _has_verb(line, lower):
        # "---- 2026/03/11 17:02:13 +0900 Name <addr> 書きました ----" in a locale whose verb is not
        # known: a date or time and an address between the dashes say the same
        return "@" in line and _DASHED_DATE.search(line) is not None
    return "@" in line or bool(_DASHED.match(line))


_DASHED_DATE = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}(?!\d)|\d{1,2}[:.h]\d{2}(?!\d))")


def _is_attribution(joined: str, lower: str, starts_well: bool, hints: Line | None = None) -> bool:
    """True when the (joined) line reads as a whole attribution; `lower` is it lower-cased;
    `hints` the Line when `joined` is one line alone (its verb and date tests are kept there)."""
    if _dashed(joined, lower):
        return True  # "---- Jan wrote ----", "---- On Mon, 3 Feb 2025 Jan wrote ----"
    text = _without_dashes(joined) if joined.startswith(("-", "–", "—")) else joined
    if text is not joined:
        lower, hints = text.lower(), None
    if not text.endswith((":", "：")):
        return False
    if not (_line_dateish(hints) if hints is not None else _dateish(text)):
        return False
    if _MUTT.match(text) or (_JA_ATTRIB.match(text) and "@" in text):
        return True
    if _ENDS_WITH_ADDRESS.search(text):
        return starts_well or bool(re.search(r"\d{1,2}[:.h]\d{2}|\b(?:19|20)\d{2}\b", text))
    if (_ENDS_WITH_VERB_LOWER.search(lower) is not None if len(text) <= 16 and text.isascii()  # (*)
            else ((_line_verb_hint(hints) if hints is not None else _verb_hint(lower))
                  and _ends_with_verb(text, lower))):
        if _FIRST_PERSON_VERB.search(lower):
            return False  # "Am 2. Dezember um 9:14 schrieb ich dem Hausmeister:": she wrote it, and tells of it
        return starts_well or "@" in text or (bool(_NAME_THEN_VERB.match(text))
                                              and not _PRONOUN_VERB.search(text))
    return False


# (*) In a short ASCII line the verb hint is a pattern search as long as the one it stands in front
# of, and adds nothing: where _ENDS_WITH_VERB_LOWER finds a verb, so does _VERB_HINT.


# Gmail's older East-Asian form without the colon: "2011/4/7 Nathan <nathan@example.com>"
_DATE_THEN_ADDRESS = re.compile(r"^\d{4}[/-]\d{1,2}[/-]\d{1,2}\b.{0,200}<[^<>\s]{1,200}@[^<>\s]{1,200}>$")


def may_open_attribution(line: Line) -> bool:
    """Whether an attribution may open with the line, by its text alone (`attribution_span` reads
    the next lines only when it may): it holds a letter or a figure, and it opens as one does, or
    names an address, an attribution verb or a date, or opens with a dash or a star. Found once a line."""
    if line.opens is NOT_READ:
        first = line.clean  # stripped: quoted when it opens with ">"
        if not first or first[0] == ">" or len(first) < 6 or not line.clean_letter_or_digit:
            line.opens = False  # a rule of dashes or stars names nobody: no pattern is tried on it
        else:
            bare = _without_dashes(first) if first.startswith(("-", "–", "—")) else first
            line.opens = bool(_starts_well(bare) or "@" in first or (
                _line_verb_hint(line) and search_case_blind(_VERB, _VERB_LOWER, first, line.lower))
                or _line_dateish(line) or first.startswith(("-", "–", "—", "*")))
    return line.opens


def attribution_span(lines: Lines, i: int) -> int:
    """How many lines (1 to 3) the attribution starting at line i spans, or 0 if there is none.

    Promises: only lines i to i+2 are read, each up to MAX_LINE characters; a quoted (`>`) or
    blank line never belongs to an attribution; a sentence that merely ends in "wrote:" without
    a date, a time or an address is not one.
    """
    line = lines[i]
    if not may_open_attribution(line):
        return 0
    first = line.clean
    starts_well = _starts_well(_without_dashes(first) if first.startswith(("-", "–", "—")) else first)
    if _DATE_THEN_ADDRESS.match(first):
        return 1
    joined, lower = first, line.lower
    for span in range(1, _WINDOW + 1):
        if span > 1:
            j = i + span - 1
            if j >= lines.count:
                return 0
            following = lines[j]
            nxt = following.clean
            if not nxt or nxt[0] == ">":
                return 0
            if ((_list_item(line, starts_well) and _starts_well(nxt))
                    or (_line_dateish(line) and _whole_alone(following, nxt))):
                return 0  # "- gloves" / "- bags" / "On … wrote:": her list item above an attribution's opening;
                # "1. meet at 10:00" / "On … wrote:": the attribution is whole on the next line alone
            joined, lower = f"{joined} {nxt}", f"{lower} {following.lower}"
        if len(joined) > 3 * MAX_LINE:
            return 0
        if _is_attribution(joined, lower, starts_well, line if span == 1 else None):
            return span
        if joined.endswith((":", "：")) or _dashed(joined, lower):
            return 0  # a complete line that is not an attribution: do not join it to the next
    return 0


def _whole_alone(following: Line, nxt: str) -> bool:
    """True when the line under an attribution's first line (`nxt`, its clean text) is a whole
    attribution by itself: it opens as one does, with a capital ("On", "Le", "Am" …), and names a
    date or a time of its own, so the line above it is none of its words ("1. meet at 10:00", "- Sun
    13 Dec, 10:00", "Plan: 11:00 till" right above "On … wrote:" are the member's). The rest of an
    attribution wrapped after its date names no date of its own, though its sender's name may open
    with such a word ("On Wed, Dec 2, 2026 at 9:14 AM" / "Le Tuan Anh <le.tuan@…> wrote:"), and goes
    on in lower case ("On Wed, Dec 2, 2026" / "at 9:14 AM Network … wrote:")."""
    return (nxt.endswith((":", "：")) and nxt[:1].isupper() and _OPENER.match(nxt) is not None
            and _names_date_or_time(nxt) and _is_attribution(nxt, following.lower, True, following))


# the words a whole attribution opens with (not a weekday nor a figure: "Pzt, 10:00 tarihinde şunu
# yazdı:" and "9:14 AM Network … wrote:" go on a line naming the sender and the date above them)
_OPENER = re.compile(r"(?:on|le|am|den|op|el|il|em|dne|dnia|w dniu|på|at|vào|в|у|στις|pada)\s", re.IGNORECASE)
# a date or a time of day in figures (`_DATEISH` without its "@": an address is no date)
_DATE_OR_TIME = re.compile(r"\b(?:19|20)\d{2}\b|\d{1,2}[:.h]\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}\s*[年년]")


def _names_date_or_time(text: str) -> bool:
    """True when `text` names a date or a time of day in figures, searched from its first digit."""
    digit = _DIGIT.search(text)
    return digit is not None and _DATE_OR_TIME.search(text, digit.start()) is not None


_NUMBERED = re.compile(r"\d{1,2}[.)]\s+[^\W\d_]")


def _list_item(line: Line, starts_well: bool) -> bool:
    """True for an item of a list ("- gloves", "* bags", "• tea", "1. gloves", "2) bags"): a dash,
    star or bullet not opening an attribution's words, or a number naming no date, time or
    address ("2. Dez. 2026 um 09:14 schrieb …" opens an attribution). An attribution wrapped over
    lines never goes on with a line that opens as one does."""
    first = line.clean
    if first[0] in "-–—*•":
        return not starts_well
    return _NUMBERED.match(first) is not None and not _line_dateish(line)


def intro_before_quote(lines: Lines, i: int) -> int:
    """How many lines (1 or 2) make a line ending with a colon that names a date, a time or an
    address, directly above a `>` quote (at most two blank lines between), or 0.

    That is an attribution whatever its language ("Op Ma. 3 Feb. 2025 om 10:00 het Jan <…>
    geskryf:", "El 3/2/25 a les 10:00, Jan ha escrit:", "3 Feb 2025, 10:00 by jan@…:"): the
    quote below it is the proof. Reads lines i to i+5 only.
    """
    line = lines[i]
    first = line.clean  # stripped: quoted when it opens with ">"
    if len(first) < 12 or first[0] == ">" or not line.clean_letter_or_digit or not _line_dateish(line):
        return 0  # (its first line names the date, the time or the address, wrapped or not)
    text = first
    for span in (1, 2):
        if span == 2:
            nxt = lines[i + 1].clean if i + 1 < lines.count else ""
            if (first.endswith((":", "：", ".", "!", "?")) or not _line_dateish(line) or not nxt
                    or nxt[0] == ">" or _whole_alone(lines[i + 1], nxt)):
                return 0  # the first line of a wrapped attribution holds its date; the next line is no
                # attribution's rest when it is one whole ("1. meet at 10:00" / "On … wrote:")
            text = f"{first} {nxt}"
        if text.endswith((":", "：")) or (span == 1 and _bare_verb_attribution(line)):
            if not (_line_dateish(line) if span == 1 else _dateish(text)):
                return 0
            j = i + span
            while j < lines.count and j < i + span + 2 and lines.blank(j):
                j += 1
            return span if j < lines.count and lines.quoted(j) else 0
    return 0


# the verbs as line endings (plain strings): "On … <addr> wrote" with its colon left out (Rediffmail)
_VERB_ENDINGS = tuple(sorted(_VERB_WORDS_ALL))


def _bare_verb_attribution(line: Line) -> bool:
    """True for "On <date> … <addr> wrote" without its colon: it opens like an attribution, names
    an address and ends with an attribution verb (a whole word)."""
    text, lower = line.clean, line.lower
    if "@" not in text or not lower.endswith(_VERB_ENDINGS) or not _starts_well(text):
        return False
    verb = next(v for v in _VERB_ENDINGS if lower.endswith(v))
    before = lower[:len(lower) - len(verb)]
    return not before or not before[-1].isalnum()


_GROUPWISE = re.compile(r"^>>>\s.{1,300}\s>>>\s*$")


def is_groupwise_header(line: Line) -> bool:
    """True for GroupWise's ">>> Name <addr> 2/3/2025 10:00 AM >>>" above an unprefixed quote."""
    return bool(_GROUPWISE.match(line.stripped))


_LOOSE = re.compile(r"(?:" + _VERBS + r")\s*[:：]$", re.IGNORECASE)
_LOOSE_LOWER = re.compile(r"(?:" + _LOWER_VERBS + r")\s*[:：]$")


# `_LOOSE` (in an ASCII line's lower-cased form, `_LOOSE_LOWER`) read from the line's end: its match
# ends there (at the colon, or at the colon and a last line end), its verb at the last character before
# the colon's white space (no verb ends with white space); so the search's match, the leftmost, holds the
# longest verb the text ends with there: the text reversed opens with the colon, the white space and that
# verb reversed (the alternatives longest first). The search tried some 90 verbs at every character (~10 µs
# a line of 80, twice for a line the reader then asks `pasted_letter_end` of); this tries them at one place.
_LOOSE_REVERSED, _LOOSE_LOWER_REVERSED = (re.compile(r"\n?[:：]\s*(?:" + "|".join(
    re.escape(w[::-1]) for w in sorted(words, key=lambda w: (-len(w), w))) + ")", flags) for words, flags in (
    ([w.replace("\\(", "(").replace("\\)", ")") for w in _VERBS.split("|")], re.IGNORECASE), (_VERB_WORDS_ALL, 0)))


def loose_verb(line: Line) -> tuple[int, int] | None:
    """Where the verb and its colon that end the line's clean text stand, (start, end), as
    `_LOOSE.search` finds them (in an ASCII line `_LOOSE_LOWER.search` of the lower-cased text:
    `search_case_blind`), or None; found once a line, from the line's end."""
    if line.loose is NOT_READ:
        text = line.clean
        found = (_LOOSE_LOWER_REVERSED.match(line.lower[::-1]) if text.isascii()
                 else _LOOSE_REVERSED.match(text[::-1]))
        if found is None:
            line.loose = None
        else:
            end = len(text) - (found.group()[:1] == "\n")
            line.loose = (len(text) - found.end(), end)
    return line.loose


def loose_attribution(line: Line) -> bool:
    """True for a short line that ends like an attribution without a date or an address ("Anna
    wrote:", "On Monday, Anna wrote:"): an attribution only when a `>` quote follows it, which
    the caller checks."""
    text = line.clean
    return (0 < len(text) <= 160 and text.endswith((":", "：")) and _line_verb_hint(line)
            and loose_verb(line) is not None)
