"""Lines of plain prose: lines that no check of the reply reader can take for anything but the
member's own words, told apart by a few tests in C instead of a dozen checks in Python.

`read_reply` asks each line of text whether it is an attribution, a header block, a separator, a
signature, a sign-off, a legal notice, a closing formula, a greeting or a banner (~10 µs a line).
A line is plain when every one of those checks would say no; read_reply then keeps it as the
member's (`seg.own`) without building a `Line`. What makes a line plain (`is_plain`):

- at most MAX_LINE characters, ASCII, a letter first and last or a full stop, comma … last, and only
  letters, spaces and ``,.;'!?()"-`` between: no digit or "@" (every date, time and address test
  needs one), no colon (every header field, loose or wrapped attribution, framed title needs one),
  no ">", "<", "[", "&", "\\", "*", "_" and no leading symbol (quotes, links, markdown escapes,
  rules, dashed and starred forms); trailing spaces and tabs (format=flowed's) are not looked at,
  as the checks see the line stripped and the reader keeps it right-stripped;
- none of the ANCHORED patterns (those the checks match at the start of a line) matches it: each
  is asked itself (when the line opens with a letter it can open with), or through the first test
  standing in front of it, so a phrase added to any of them is covered without a change here;
- none of the attribution verbs is in it (`attribution_verbs._verb_hint`, the reader's own first test),
  no word of the "think before printing" line, no phone or app name in a line of at most 70
  characters, and it is not a name alone on its line.

How each other pattern of the reading modules is covered is the table COVERED_BY (its classes in
CLASSES): tests/test_plain_lines.py fails when a pattern is neither asked nor listed there, so
that a new check cannot be skipped unseen. `first_letters` works out from a pattern itself which
letters a match can open with, so that a line is not tried against patterns it cannot open.
Context (a banner above the text, a line wrapped inside a quote) is checked by the caller.
"""
from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
import string

from mailer import attribution_verbs, legal_notices, quote_headers, quote_markers, sign_offs, signature_names
from mailer.reply_lines import MAX_LINE

_TRAILING = (" ", "\t")
# the characters of a plain line, and its first and last one
_PLAIN_CHARS = re.compile(r"[A-Za-z](?:[A-Za-z ,.;'!?()\"-]*[A-Za-z,.;'!?()\"-])?")


def _first_chars(items) -> tuple[set[str] | None, bool]:
    """The characters a match of the parsed pattern `items` can open with (None: any) other than
    white space, and whether it can match the empty string."""
    found: set[str] = set()
    for op, av in items:
        if op is _sre.AT:
            continue  # "^", "\\b": zero width
        if op is _sre.LITERAL:
            return found | {chr(av)}, False
        if op is _sre.IN:
            for kind, value in av:
                if kind is _sre.LITERAL:
                    found.add(chr(value))
                elif kind is _sre.RANGE:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                elif not (kind is _sre.CATEGORY and value is _sre.CATEGORY_SPACE):
                    return None, False  # a negated set, "\\w", "\\S" …: any character
            return found, False
        if op is _sre.SUBPATTERN or op is _sre.ATOMIC_GROUP:
            inner, empty = _first_chars(av[-1] if op is _sre.SUBPATTERN else av)
        elif op is _sre.BRANCH:
            inner, empty = set(), False
            for branch in av[1]:
                chars, may_be_empty = _first_chars(branch)
                if chars is None:
                    return None, False
                inner |= chars
                empty = empty or may_be_empty
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            inner, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False  # ".", a look-around, a back-reference: any character
        if inner is None:
            return None, False
        found |= inner
        if not empty:
            return found, False
    return found, True


def first_letters(pattern: re.Pattern) -> frozenset[str]:
    """The ASCII letters a match of `pattern` can open with, past white space (every letter when
    that cannot be told): each character the pattern may open with is tried against each letter
    under the pattern's own flags, so case-blind matches of "ſ" or the Kelvin sign are counted."""
    chars, empty = _first_chars(_sre_parse.parse(pattern.pattern, pattern.flags))
    letters = string.ascii_letters
    if chars is None or empty:
        return frozenset(letters)
    flags = pattern.flags & re.IGNORECASE
    return frozenset(c for c in letters if any(re.fullmatch(re.escape(x), c, flags) for x in chars))


class PlainLines:
    """`is_plain(text)`: whether the line `text` is plain prose (see the module's docstring).

    `anchored` are the patterns the checks match at the start of the line, each asked through
    its own first test when it has one (ANCHORED); the reader adds its own (its greeting).
    """

    def __init__(self, anchored: tuple[re.Pattern, ...]) -> None:
        self.patterns = tuple((p, first_letters(p)) for p in anchored if p not in _ASKED_OTHERWISE)

    def is_plain(self, text: str) -> bool:
        """True when `text` (a line that is not blank and not quoted) is plain prose: then every
        check of a line of text gives it the same answer as to any other of the member's lines."""
        if text[-1:] in _TRAILING:  # format=flowed's space, a client's padding: read as the checks see
            text = text.rstrip(" \t")  # it (stripped); the reader keeps the line right-stripped
        if len(text) > MAX_LINE or not text.isascii() or _PLAIN_CHARS.fullmatch(text) is None:
            return False
        if quote_markers._starts_well(text) or sign_offs._phone_sig(text):
            return False  # _START and _PHONE_SIG, through their first tests (exact: see their tests)
        first = text[0]
        for pattern, letters in self.patterns:
            if first in letters and pattern.match(text) is not None:
                return False
        lower = text.lower()
        if attribution_verbs._verb_hint(lower):
            return False
        for cue in legal_notices.PRINTING_CUES:  # is_disclaimer's own first test
            if cue in lower:
                return False
        if len(text) >= legal_notices.NOTICE_WIDTH:  # and _is_notice's
            for cue in legal_notices.NOTICE_CUES:
                if cue in lower:
                    return False
        if len(text) <= sign_offs.DEVICE_LINE_WIDTH and sign_offs._DEVICE.search(text) is not None:
            return False  # names_device reads only lines this short
        if len(text) <= signature_names.NAME_WIDTH and signature_names._looks_like_name(text):
            return False
        return not signature_names.name_with_title(text)  # "Rebecca Singh, RN": a name and its title


# the patterns the checks match at the start of a line: each is asked of a line before it is plain
ANCHORED = (quote_markers._START, quote_headers._SEPARATOR, sign_offs._PHONE_SIG, sign_offs._LONG_PHONE_SIG,
            sign_offs._VERB_LAST_DEVICE,
            sign_offs._CLOSING, legal_notices._DISCLAIMER, legal_notices._NOTICE_LABEL,
            legal_notices._OLDER_NOTICE_LABEL)
_ASKED_OTHERWISE = (quote_markers._START, sign_offs._PHONE_SIG)  # through their first tests
CLASSES = {
    "anchored": "matched as one pattern on the line (ANCHORED, and the reader's own)",
    "digit or @": "needs a digit or an '@', which no plain line holds",
    "colon": "needs a colon, which no plain line holds",
    "symbol": "needs a symbol ('>', '<', '[', '*', '_', '&', '\\\\', a leading dash) or a line without a letter",
    "letter": "asks whether the line holds a letter: a plain line opens with one",
    "ascii": "finds only characters outside ASCII, which no plain line holds",
    "verb": "needs an attribution verb: attribution_verbs._verb_hint is asked",
    "printing": "legal_notices.is_disclaimer's search: asked through its first test's words",
    "notice": "legal_notices._is_notice (and _MORE_NOTICE on an ASCII line): asked of lines holding one of its cue "
              "words (NOTICE_CUES)",
    "device": "asked on lines of at most sign_offs.DEVICE_LINE_WIDTH characters",
    "name": "signature_names._looks_like_name is asked",
    "first test": "a quicker first test in front of another pattern, which is covered",
    "after a match": "only tried once another pattern of its check has matched the line",
    "context": "checked by the caller, or read on the lines below a line that is not plain",
    "not a line check": "reads the text as a whole, or the lines below where the reading stopped",
}
# how each pattern of the reading modules is covered (tests/test_plain_lines.py checks that every
# pattern is here or anchored: a new one must be added with its class)
COVERED_BY = {
    "attribution_verbs._VERB": "verb", "attribution_verbs._VERB_LOWER": "verb", "attribution_verbs._VERB_HINT": "verb",
    "attribution_verbs._ENDS_WITH_VERB": "colon", "attribution_verbs._ENDS_WITH_VERB_LOWER": "colon",
    "attribution_verbs._ENDS_WITH_VERB_REVERSED": "colon",
    "quote_markers._ASCII_LETTERS": "first test", "quote_markers._DATEISH": "digit or @",
    "quote_markers._DIGIT": "digit or @", "quote_markers._JA_ATTRIB": "digit or @",
    "quote_markers._ENDS_WITH_ADDRESS": "digit or @", "quote_markers._NAME_THEN_VERB": "after a match",
    "quote_markers._MUTT": "digit or @", "quote_markers._PRONOUN_VERB": "after a match",
    "quote_markers._DASHED": "symbol", "quote_markers._DASHED_DATE": "digit or @",
    "quote_markers._DATE_THEN_ADDRESS": "digit or @",
    "quote_markers._GROUPWISE": "symbol", "quote_markers._LOOSE": "colon", "quote_markers._LOOSE_LOWER": "colon",
    "quote_markers._LOOSE_REVERSED": "colon", "quote_markers._LOOSE_LOWER_REVERSED": "colon",
    "quote_headers._FIELD": "colon", "quote_headers._MESSAGE_DU": "digit or @", "quote_headers._RULE": "symbol",
    "quote_headers._FRAMED": "symbol", "quote_prefixes._INITIALS_QUOTE": "not a line check",
    "quote_prefixes._INITIALS_AFTER_LINE_END": "not a line check",
    "quote_prefixes._QUOTE_WHO_OPEN": "not a line check", "quote_prefixes._QUOTE_WHO_CLOSE": "not a line check",
    "quote_headers._ANY_FIELD": "colon", "quote_headers._DATE_SENT": "after a match",
    "quote_headers._PROSE_END": "after a match", "quote_headers._SOME_FIELD": "after a match",
    "sign_offs._DEVICE": "device", "sign_offs._KO_DEVICE_LINE": "ascii", "sign_offs._TR_DEVICE_LINE": "ascii", "sign_offs._KO_BRAND": "after a match", "sign_offs._SENTENCE_INSIDE": "after a match", "sign_offs._PROSE": "after a match",
    "sign_offs._BARE_SENT": "after a match", "sign_offs._LINK": "symbol", "sign_offs._CONTACT": "context",
    "legal_notices._PRINTING": "printing", "legal_notices._REGISTER": "digit or @",
    "legal_notices._FOUR_FIGURES": "digit or @",
    "legal_notices._WE": "after a match", "legal_notices._NOTICE": "notice", "legal_notices._PERSONAL_DATA": "notice",
    "legal_notices._DATA_RULES": "notice", "legal_notices._PROCESSED": "notice", "legal_notices._VOICE": "notice",
    "legal_notices._I": "notice", "legal_notices._MORE_NOTICE": "notice",
    "legal_notices._REGULATION": "notice", "legal_notices._RESERVED": "notice",
    "legal_notices._MAY_CONTAIN": "after a match",
    "legal_notices._CONFIDENTIAL_CUE": "after a match", "legal_notices._NOT": "after a match",
    "legal_notices._LABELLED_NOTICE_CUE": "after a match", "legal_notices._WESTERN_NOT": "after a match",
    "signature_names._PRONOUNS": "name", "signature_names._CREDENTIALS": "name",
    "reply_signatures._LAND": "context", "reply_signatures._AFTER_HOURS": "context",
    "quote_headers._YEAR_OR_DATE": "after a match", "quote_headers._TIME_OF_DAY": "after a match",
    "quote_headers._ANSWERED_SUBJECT": "after a match",
    "reply_cleanup._BLANK_RUN": "not a line check", "reply_cleanup._LINE_ENDS": "not a line check",
    "reply._BANNER": "context",
    "reply_signatures._UNDERSCORE_RULE": "symbol", "reply_signatures._SIG_DELIM": "symbol",
    "reply_signatures._DELIMITER": "symbol", "reply_signatures._POSTSCRIPT": "context",
    "sign_offs._POSTSCRIPT_MARK": "context",  # asked of the line under a "--" (a symbol line) only
    "quote_markers._NUMBERED": "digit or @",
    "quote_markers._DATE_OR_TIME": "digit or @", "quote_markers._OPENER": "colon",  # asked of a line ending ":"
    "quote_markers._FIRST_PERSON_VERB": "after a match", "quote_headers._NOTES_SUMMARY": "digit or @",
    "signature_names._NAME_WORD": "name", "reply_signatures._MOTTO": "context",
    "signature_names._CASELESS_NAME_WORD": "context",
    "reply_lines._BIDI": "ascii", "reply_lines._QUOTED": "symbol", "reply_lines._MARKDOWN_ESCAPE": "symbol",
    "reply_lines._LETTER": "letter", "reply_lines._LETTER_OR_DIGIT": "letter",
    "reply_segments._MARKED": "not a line check", "reply_segments._ANSWERS_BELOW": "not a line check",
    "reply_segments._LINE_END_RUN": "not a line check",
    "forward_blocks._SEPARATOR": "after a match", "forward_blocks._FORWARD_SUBJECT": "after a match",
    "subjects.REPLY_PREFIX": "not a line check",
    "pasted_originals._TEMPLATE_GREETING": "after a match", "pasted_originals._ANNOUNCES": "context",
}
