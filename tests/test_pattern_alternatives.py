"""Alternatives grouped by their opening characters (mailer/pattern_alternatives.py) find a match
in exactly the texts the pattern they were written from finds one in: on generated patterns
(literals, classes, groups, quantifiers, assertions, non-ASCII letters, empty alternatives) and
generated texts, case-blind and not; with `ascii_text`, on ASCII texts."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from mailer.pattern_alternatives import alternatives, by_first_characters, opening_literal

PIECES = ["a", "b", "ab", "ba", "a?", "b*", "a{2}", "[ab]", "[^a]", "[]a]", "(?:a|b)", "(?:ab)?", r"\b", r"\w",
          r"\s?", r"(?<!\wa)", "é", "éa", " ", ".", r"\|", "(a|b)", "[|]", "x+"]
ALTERNATIVE = st.lists(st.sampled_from(PIECES), max_size=4).map("".join)
TEXT = st.text(alphabet=st.sampled_from("abxAB é|\n"), max_size=12)


@settings(max_examples=2000, deadline=None)
@given(st.lists(ALTERNATIVE, min_size=1, max_size=8), st.lists(TEXT, min_size=1, max_size=6),
       st.sampled_from([0, re.IGNORECASE]))
def test_grouped_alternatives_match_where_the_pattern_does(alts, texts, flags) -> None:
    pattern = "|".join(alts)
    assert alternatives(pattern) == alts
    plain, grouped = re.compile(pattern, flags), re.compile(by_first_characters(pattern), flags)
    ascii_only = re.compile(by_first_characters(pattern, ascii_text=True), flags)
    for text in texts:
        expected = plain.search(text) is not None
        assert (grouped.search(text) is not None) == expected, (pattern, grouped.pattern, text)
        if text.isascii():
            assert (ascii_only.search(text) is not None) == expected, (pattern, ascii_only.pattern, text)


def test_the_grouped_form() -> None:
    assert by_first_characters("undeliver|undelivered|delayed|delivery failed") == \
        "undeliver(?:ed|)|del(?:ayed|ivery failed)"
    assert by_first_characters(r"ab|\bx|a?c|éa|ac", ascii_text=True) == r"a(?:b|c)|\bx|a?c"
    assert by_first_characters("éa", ascii_text=True) == "(?!)"
    assert opening_literal("a?b") is None and opening_literal("(a)") is None and opening_literal("ab") == "a"
