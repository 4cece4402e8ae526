"""Cuts of the eleventh worst-case read round give what the code they replaced gave, on the
corpus (every line of every text, cleaned as the vote reader cleans it), the crafted kinds of
bench/worst_read.py and generated input (Hypothesis): a line's split at sentence marks and
"but" words (`line_segments.split_line`) looks first for what every such split point holds, and runs the
splitting pattern only on a line that holds one; a line's overruled doubts
(`firm_answers.without_overruled_doubts`) are looked for only when it holds one of the words ("but",
"mais", "aber", "pero", "ma", "maar") that both doubt patterns look ahead at."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer.parse import parse_message
from tests.test_worst_read_text_paths import texts
from workflows.reading import firm_answers, line_segments
from workflows.reading.answer_lines import clean, meaningful_lines


def _split_both_ways(line: str) -> None:
    for maxsplit in (0, 1):
        assert line_segments.split_line(line, maxsplit) == line_segments._SPLIT.split(line, maxsplit=maxsplit), repr(line)


def _corpus_lines(per_text: int) -> set[str]:
    """Each distinct line among the first `per_text` lines of every corpus text (a ballot's quoted
    lines recur in thousands of replies: each is checked once)."""
    return {line for text in texts() for line in text.split("\n")[:per_text]}


@pytest.mark.timeout(900)  # ~3.6 M characters through a pattern tried at every one: ~40 s alone
def test_every_corpus_line_is_split_as_the_pattern_split_it():
    """`split_line` runs `_SPLIT` itself on a line holding one of the hint's marks or words, so the
    two agree there by construction; what this checks is that a line holding none of them has no
    split point: `_SPLIT` runs only on those (it is tried at every character: on all 8 M characters
    of the corpus's lines it took 95 s of the suite under load)."""
    lines = _corpus_lines(2000)
    hintless = [line for line in lines | {clean(line) for line in lines}
                if line_segments._SPLIT_HINT.search(line) is None]
    assert len(hintless) > 1000
    for line in hintless:  # no split point at all, so no split with any maxsplit either
        assert line_segments.split_line(line) == line_segments._SPLIT.split(line) == [line], repr(line)


def test_every_crafted_kind_is_split_as_the_pattern_split_it():
    for raw in kinds(SIZES[0], b"member@example.org", b"network@example.org", 1).values():
        mail = parse_message(raw, "network@example.org")
        for _, _, line in meaningful_lines(mail.new_text):
            _split_both_ways(line)
        for line in mail.new_text.split("\n")[:200]:
            _split_both_ways(line)


PIECES = st.sampled_from([" ", "a", "s", "as", "but", "but ", " but", "mais", "car", "parce", "since", "comme",
                          "given", "because", "1", ".", ",", ":", "!", ";", "(", ")", "—", "–", "、", "。",
                          "-", "--", " - ", "\t", "\u00a0", "yes", "no", "é", "'", "_"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_generated_lines_are_split_as_the_pattern_split_them(line):
    _split_both_ways(line)


def _doubts_both_ways(line: str) -> None:
    from workflows.reading.option_expressions import option_keys
    for options in (["Yes", "No"], ["Yes", "No", "Abstain"], ["A", "B", "C"], ["Raise the fee to $40", "Keep it"]):
        keys, labels = option_keys(options)
        before = firm_answers._DOUBT_BEFORE_BUT.sub(
            lambda m: m.group(0) if firm_answers._HEDGED_NO.search(m.group(0))
            or firm_answers.mentions(m.group(0), options, keys, labels)
            or line_segments.segment_answers(m.group(0), options, keys, labels)
            or firm_answers.parse_expr(m.group(0).strip(), options, keys, labels)[0] is not None
            else " ", firm_answers._HEDGE_ABOUT.sub(" ", line))
        assert firm_answers.without_overruled_doubts(line, options, keys, labels) == before, repr(line)


def test_every_corpus_line_keeps_its_doubts_as_before():
    for line in {clean(line) for line in _corpus_lines(200)}:
        _doubts_both_ways(line)


def test_every_crafted_kind_keeps_its_doubts_as_before():
    for raw in kinds(SIZES[0], b"member@example.org", b"network@example.org", 1).values():
        for _, _, line in meaningful_lines(parse_message(raw, "network@example.org").new_text):
            _doubts_both_ways(line)


DOUBT_PIECES = st.sampled_from([" ", "not sure", "maybe", "unsure", "what", "it", ",", ".", "?", "but", "mais",
                                "aber", "pero", "ma", "maar", "yes", "no", "b", "a", "keep it", "maybe not"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(DOUBT_PIECES, max_size=14).map(" ".join))
def test_generated_lines_keep_their_doubts_as_before(line):
    _doubts_both_ways(line)
