"""The cheap first tests of the reply reader give the answer of the patterns they stand in front of.

Each first test (mailer/sign_offs.py, mailer/legal_notices.py, mailer/quote_markers.py,
mailer/reply_lines.py) only skips a pattern when the pattern cannot match: checked here against the
pattern itself on lines built from the words those patterns look for, in upper, lower and mixed
case, ASCII or not.
"""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from mailer import attribution_verbs, legal_notices, quote_headers, quote_markers, sign_offs
from mailer.reply_lines import _QUOTED, Line, is_quoted

WORDS = ["sent", "from", "my", "iPhone", "Get", "Outlook", "for", "iOS", "aka.ms", "von", "meinem", "On", "Le",
         "wrote", "schrieb", "a écrit", "kirjoitti", "Mon", "tors.", "3", "2025", "10:00", "x@y.org", "This", "email",
         "is", "confidential", "Consider", "the", "environment", "before", "printing", "DISCLAIMER", "Message",
         "du", "ıt", "ſent", "\u212aIRJOITTI", "I", "think", "members", ",", ".", ":", ">", "-", "*", "_", "  ", "\t",
         "denken", "sie", "an", "die", "Umwelt", "w", "dniu", "écrit", "Envoyé", "de", "mon", "download", "x"]
LINES = st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join) | st.lists(st.sampled_from(WORDS), max_size=9).map("".join)
_OLD_DISCLAIMER = re.compile(legal_notices._DISCLAIMER.pattern + "|" + legal_notices._PRINTING.pattern, re.IGNORECASE)


@settings(max_examples=3000, deadline=None)
@given(LINES)
def test_first_tests_agree_with_the_patterns(text: str) -> None:
    head = text.lstrip()
    assert bool(sign_offs._phone_sig(head)) == bool(sign_offs._PHONE_SIG.match(head))
    assert quote_markers._starts_well(head) == bool(quote_markers._START.match(head))
    lower = head.lower()
    assert attribution_verbs._verb_hint(lower) == bool(attribution_verbs._VERB_HINT.search(lower))
    assert is_quoted(text) == bool(_QUOTED.match(text))
    line = Line(text)
    assert legal_notices.is_disclaimer(line) == (line.letter and len(head) >= 10 and (
        bool(_OLD_DISCLAIMER.search(head)) or legal_notices._is_notice_label(head)))  # a label: by what follows it


def test_first_tests_let_the_forms_they_guard_through() -> None:
    assert sign_offs.is_phone_signature(Line("Sent from my iPhone"))
    assert sign_offs.is_phone_signature(Line("Get Outlook for iOS<https://aka.ms/o0ukef>"))
    assert legal_notices.is_disclaimer(Line("Please consider the environment before printing this e-mail."))
    assert legal_notices.is_disclaimer(Line("CONFIDENTIALITY NOTICE: this message is private"))
    assert quote_markers._starts_well("On Mon, 3 Feb 2025 Jan wrote:")
    assert quote_markers._starts_well("tors. 3. feb. 2025 skrev Jan:")
    assert not quote_markers._starts_well("I think the second paragraph should say members.")
    assert is_quoted("   > indented quote") and not is_quoted("not > quoted")


@settings(max_examples=2000, deadline=None)
@given(LINES)
def test_a_verb_found_at_the_end_of_a_line_is_one_the_verb_hint_finds(text: str) -> None:
    """_is_attribution asks a short ASCII line for a verb without the hint in front: where the
    pattern finds one, so does the hint (the hint would add nothing)."""
    lower = text.strip().lower()
    if attribution_verbs._ENDS_WITH_VERB_LOWER.search(lower):
        assert attribution_verbs._verb_hint(lower)


@given(st.text(alphabet=quote_headers._NOT_TITLE + "\u2013\u2014x", max_size=60))
@settings(max_examples=200, deadline=None)
def test_a_line_the_framed_title_is_not_tried_on_could_not_be_one(text: str) -> None:
    line = text.strip()
    if not line.strip(quote_headers._NOT_TITLE):  # what quote_starts skips
        assert quote_headers._FRAMED.match(line) is None
    assert quote_headers._FRAMED.match("=" * 20 + " Mail original " + "=" * 20)
