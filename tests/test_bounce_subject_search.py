"""The failure-subject search of bounce detection gives the case-blind pattern's answer when it
searches an ASCII subject lower-cased with the case-sensitive copy of the pattern
(mailer/bounce.py `_search_failure_subject`): checked against the pattern itself on subjects
built from its own phrases in upper, lower and mixed case, folded over lines as a long header is."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from mailer import bounce
FAILURE_SUBJECT = bounce._FAILURE_SUBJECT  # the pattern the detector searches, wherever it is written

# the phrases of the pattern (its alternatives, the optional parts dropped) and words around them
PHRASES = sorted({re.sub(r"\(\?:[^)]*\)\??|[\\?\[\]()]", "", p).strip()
                  for p in FAILURE_SUBJECT.pattern.split("|") if p.isascii()} - {""})
WORDS = st.sampled_from(PHRASES + ["Re:", "[Vote 1]", "word", "\r\n ", "Mail", "DELIVERY", "Status", "x"])
CASES = st.sampled_from([str.upper, str.lower, str.title, str.swapcase, lambda t: t])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(WORDS, CASES), max_size=8), st.sampled_from([" ", "", "\r\n "]))
def test_the_lower_cased_search_answers_as_the_pattern(words, glue) -> None:
    subject = glue.join(case(word) for word, case in words)
    assert bounce._search_failure_subject(subject) == (FAILURE_SUBJECT.search(subject) is not None)


def test_the_pattern_can_be_searched_lower_cased() -> None:
    """Its letters are lower-case (an upper-case one would never be found in a lower-cased
    subject) and none of them is one of the few non-ASCII letters that match an ASCII letter
    case-blind (the long s, the Kelvin sign, the dotless and dotted i)."""
    pattern = re.sub(r"\\.", "", FAILURE_SUBJECT.pattern)  # escapes ("\w") are not letters
    assert pattern == pattern.lower()
    assert not set(pattern) & set("\u017f\u212a\u0131\u0130")
    assert FAILURE_SUBJECT.flags & re.IGNORECASE
    assert bounce._search_failure_subject("Undelivered Mail Returned to Sender")
    assert bounce._search_failure_subject("DELIVERY STATUS NOTIFICATION (FAILURE)")
    assert not bounce._search_failure_subject("Re: [Vote 1] terms")
