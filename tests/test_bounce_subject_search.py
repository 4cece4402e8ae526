"""The failure-subject search of bounce detection gives the case-blind pattern's answer when it
searches an ASCII subject lower-cased with the case-sensitive copy of the pattern
(mailer/bounce_precheck.py `search_failure_subject`): checked against the pattern itself on subjects
built from its own phrases in upper, lower and mixed case, folded over lines as a long header is,
on every subject of the corpus and on the worst-case read's subjects. The lower-cased search uses
the phrases grouped by their opening letters (mailer/pattern_alternatives.py), so each phrase
must open with a plain letter: checked here, as a phrase that does not would make the search try
every phrase at every character again."""
from __future__ import annotations

import email
import email.policy
from email.parser import BytesHeaderParser
import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import bounce_precheck
from mailer.header_text import raw_header_values
from mailer.pattern_alternatives import alternatives, opening_literal
FAILURE_SUBJECT = bounce_precheck.FAILURE_SUBJECT  # the pattern the detector searches, wherever it is written

# the phrases of the pattern (its alternatives, the optional parts dropped) and words around them
PHRASES = sorted({re.sub(r"\(\?:[^)]*\)\??|\(\?<!?[^)]*\)|[\\?\[\]()]", "", p).strip()
                  for p in FAILURE_SUBJECT.pattern.split("|") if p.isascii()} - {""})
WORDS = st.sampled_from(PHRASES + ["Re:", "[Vote 1]", "word", "\r\n ", "Mail", "DELIVERY", "Status", "x"])
CASES = st.sampled_from([str.upper, str.lower, str.title, str.swapcase, lambda t: t])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(WORDS, CASES), max_size=8), st.sampled_from([" ", "", "\r\n "]))
def test_the_lower_cased_search_answers_as_the_pattern(words, glue) -> None:
    subject = glue.join(case(word) for word, case in words)
    assert bounce_precheck.search_failure_subject(subject) == (FAILURE_SUBJECT.search(subject) is not None)


def test_the_pattern_can_be_searched_lower_cased() -> None:
    """Its letters are lower-case (an upper-case one would never be found in a lower-cased
    subject) and none of them is one of the few non-ASCII letters that match an ASCII letter
    case-blind (the long s, the Kelvin sign, the dotless and dotted i)."""
    pattern = re.sub(r"\\.", "", FAILURE_SUBJECT.pattern)  # escapes ("\w") are not letters
    assert pattern == pattern.lower()
    assert not set(pattern) & set("\u017f\u212a\u0131\u0130")
    assert FAILURE_SUBJECT.flags & re.IGNORECASE
    assert bounce_precheck.search_failure_subject("Undelivered Mail Returned to Sender")
    assert bounce_precheck.search_failure_subject("DELIVERY STATUS NOTIFICATION (FAILURE)")
    assert not bounce_precheck.search_failure_subject("Re: [Vote 1] terms")


ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if p.is_dir()), None)


def corpus_subjects() -> list[str]:
    files = list((ROOT / "tests" / "corpus_own").rglob("*.eml"))
    if SHARED is not None:
        files += [p for p in SHARED.rglob("*") if p.is_file() and not p.name.startswith(("LICENSE", "INDEX"))]
    subjects = []
    for path in files:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        subjects += raw_header_values(msg, "Subject")
        subjects += [str(v) for v in msg.get_all("Subject", [])]
    return subjects


def test_every_corpus_subject_is_read_as_the_pattern_reads_it() -> None:
    subjects = corpus_subjects()
    assert len(subjects) > 500
    found = 0
    for subject in subjects:
        expected = FAILURE_SUBJECT.search(subject) is not None
        found += expected
        assert bounce_precheck.search_failure_subject(subject) == expected, subject
    assert found > 50  # the corpus's bounces: the phrases are met, not only missed


def test_the_worst_case_subjects_are_read_as_the_pattern_reads_them() -> None:
    for size in SIZES[:2]:
        for raw in kinds(size, b"a@b.example", b"network@example.org", 1).values():
            for subject in raw_header_values(BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw), "Subject"):
                assert bounce_precheck.search_failure_subject(subject) == (FAILURE_SUBJECT.search(subject) is not None)


def test_every_phrase_opens_with_a_plain_letter() -> None:
    """Each alternative of the pattern opens with a literal character (`\\b`, a group or a class
    first would make the engine try every phrase at every character: 24 M instructions for a
    folded subject of 10 KB, ~2 M grouped)."""
    for phrase in alternatives(FAILURE_SUBJECT.pattern):
        assert opening_literal(phrase) is not None, phrase


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from("mailMAIL fureÉé\r\n_-.:xİıſ\u212a"), max_size=40))
def test_mail_failure_is_found_where_a_word_starts(subject) -> None:
    """"m(?<!\\wm)ail failure" (written so to open with a letter) is "\\bmail failure"."""
    assert bounce_precheck.search_failure_subject(subject) == (FAILURE_SUBJECT.search(subject) is not None)
    old = re.compile(r"\bmail failure", re.IGNORECASE)
    new = re.compile(r"m(?<!\wm)ail failure", re.IGNORECASE)
    assert (old.search(subject) is None) == (new.search(subject) is None)
