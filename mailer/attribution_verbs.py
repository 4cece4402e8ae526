"""The verbs an attribution names its writer with ("wrote", "a écrit", "schrieb", "napisał(a)",
"写道" … in every language `mailer.quote_markers` reads), and the tests for them that the
attribution reader asks of each line (split from `quote_markers`): whether a line holds one of the
verbs (`_has_verb`, first `_verb_hint`: a few substring tests instead of some 90 verbs tried at
each character), and whether it ends with one and a colon within 160 characters (`_ends_with_verb`,
an ASCII line read from its end). Each test is linear in the line's length.
"""
from __future__ import annotations

import re

from mailer.ascii_case import search_case_blind
from mailer.reply_lines import NOT_READ, Line

_VERBS = (
    r"wrote|writes|sent|a écrit|a ecrit|schrieb|skrev|schreef|het volgende geschreven|geschreven"
    r"|escribió|escribio|ha scritto|scrisse|va escriure|napisał\(a\)|napisała|napisał|pisze"
    r"|escreveu|napsal\(a\)|napsal|kirjoitti|írta|a scris|έγραψε|написал\(а\)|написала|написал"
    r"|пишет|написав\(ла\)|написав|написала|пише|đã viết|yazdı|كتب|כתב|写道|寫道|작성|のメール"
    r"|は書きました|さんは書きました|からのメッセージ|のメッセージ|napisal\(a\)|napisal|napísal"
    r"|napisao|napisala|rašė|rakstīja|kirjutas|menulis|skrifaði|ने लिखा|เขียนว่า|نوشت|написа"
    r"|писал\(а\)|писали|писала|писал|a scris|napisao je|napisala je|je napisal\(a\)|skrev følgende"
    r"|գրել է|ysgrifennodd|aliandika|geskryf|escribiu|idatzi zuen|napisana przez"
)
_VERB = re.compile(r"(?<![\w])(?:" + _VERBS + r")", re.IGNORECASE)
# The same verbs in lower case for the lower-cased form of an ASCII line, where a case-sensitive
# search gives the same answer as a case-blind one in the line (of the verbs' letters only "ı"
# also matches an ASCII letter case-blind, "i" and "I": it reads "[ıi]") and skips to the verbs'
# first letters instead of trying every verb at each position: ~10× sooner.
_LOWER_VERBS = _VERBS.replace("ı", "[ıi]")
_VERB_LOWER = re.compile(r"(?<![\w])(?:" + _LOWER_VERBS + r")")
# The same words, case-sensitive, searched in the lower-cased line first: a case-blind search of
# this many words costs about 1 µs a character (no literal prefix to skip by), the plain one a
# hundredth of that, so a long line without any of them is never scanned case-blind.
_VERB_HINT = re.compile("(?:" + _LOWER_VERBS + ")")
# The same verbs as plain strings ("[ıi]" both ways), less those holding a shorter one: whether
# any occurs in a lower-cased text is `_VERB_HINT`'s answer, found by a few substring tests at C
# speed instead of trying some 90 verbs at each character (~0.15 µs a character: 60 µs a long
# line); an ASCII text can hold only the ASCII ones.
_VERB_WORDS_ALL = {w.replace("\\(", "(").replace("\\)", ")") for w in _VERBS.split("|")}
_VERB_WORDS_ALL |= {w.replace("ı", "i") for w in _VERB_WORDS_ALL}
_VERB_WORDS = tuple(sorted(w for w in _VERB_WORDS_ALL if not any(o != w and o in w for o in _VERB_WORDS_ALL)))
# the verbs most attributions carry asked first (whether any occurs does not hang on the order):
# Gmail's and Apple Mail's English "wrote" was found after some 60 tests
_ASCII_VERB_WORDS = tuple(sorted((w for w in _VERB_WORDS if w.isascii()),
                                 key=lambda w: (w not in ("wrote", "writes", "schrieb", "sent"), w)))
# pieces of the ASCII verbs, each verb holding one (the verbs none of them covers are added): an
# ASCII line holding none of them holds no verb, found in half the substring tests
_CUES = ("wrote", "writes", "scr", "schr", "pis", "kir", "sent", "skrev", "ecrit", "napsal", "menulis", "yazdi")
_ASCII_VERB_CUES = _CUES + tuple(w for w in _ASCII_VERB_WORDS if not any(c in w for c in _CUES))


def _verb_hint(lower: str) -> bool:
    """Whether `_VERB_HINT` finds a verb in `lower` (a lower-cased text)."""
    if len(lower) <= 16:  # the pattern is quicker over a few characters than the loop
        return _VERB_HINT.search(lower) is not None
    if lower.isascii():
        for cue in _ASCII_VERB_CUES:
            if cue in lower:
                break
        else:
            return False
        words = _ASCII_VERB_WORDS
    else:
        words = _VERB_WORDS
    for word in words:
        if word in lower:
            return True
    return False


def _line_verb_hint(line: Line) -> bool:
    """`_verb_hint` of the line's lower-cased clean text, found once a line."""
    if line.verb is NOT_READ:
        line.verb = _verb_hint(line.lower)
    return line.verb
_ENDS_WITH_VERB = re.compile(r"(?:" + _VERBS + r")(?:.{0,160})[:：]$", re.IGNORECASE)
_ENDS_WITH_VERB_LOWER = re.compile(r"(?:" + _LOWER_VERBS + r")(?:.{0,160})[:：]$")
# `_ENDS_WITH_VERB_LOWER` read from the end of an ASCII line (reversed): its match ends at the line's
# end (its colon, or a colon and a last line end), so the line reversed opens with that colon and a
# verb (reversed) follows within 160 characters; an ASCII line holds only the ASCII verbs (its "[ıi]"
# only "i"). Found there at once in "On … wrote:", where the search tried every verb at each
# character before it (~45,000 instructions a Gmail attribution)
_ENDS_WITH_VERB_REVERSED = re.compile(r"\n?[:：](?:.{0,160}?)(?:"
                                      + "|".join(re.escape(w[::-1]) for w in sorted(_VERB_WORDS_ALL) if w.isascii())
                                      + ")")


def _ends_with_verb(text: str, lower: str) -> bool:
    """`search_case_blind(_ENDS_WITH_VERB, _ENDS_WITH_VERB_LOWER, text, lower)`: an ASCII line (and
    its lower-cased form) is read from its end (`_ENDS_WITH_VERB_REVERSED`)."""
    if text.isascii() and lower.isascii():
        return _ENDS_WITH_VERB_REVERSED.match(lower[::-1]) is not None
    return search_case_blind(_ENDS_WITH_VERB, _ENDS_WITH_VERB_LOWER, text, lower)


def _has_verb(text: str, lower: str) -> bool:
    """True when `text` (`lower` is it lower-cased) holds one of the attribution verbs (as `_VERB`
    finds them), in time linear in its length with a small constant."""
    return _verb_hint(lower) and search_case_blind(_VERB, _VERB_LOWER, text, lower)
