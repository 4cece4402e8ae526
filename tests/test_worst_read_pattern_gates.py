"""Cuts of the fifteenth worst-case read round give what the code they replaced gave.

- `pattern_gates.gated`: a reading pattern is run only on a text that holds one of the words its
  matches need (derived from the pattern). On every corpus message, each of their lines (as
  written and cleaned as the vote reader cleans them), the crafted kinds of bench/worst_read.py and
  generated texts, a text the gate passes over has no match of the pattern anywhere, so every
  method (search, match, finditer, split, sub, …) gives what the pattern's own gives;
- `contrary_remarks.emoji_line_after` and `answer_emoji.opposite_emoji`: a line without a letter or digit is
  found by one search (past U+FFFD) instead of `re.sub(r"[\\W_]", "", line)`, and a line holding
  none of the answer emoji has no run of them: compared with the code they replaced (copied here
  as it was) on the same texts;
- `option_expressions.mentions` looks each word of a line up once (a set), and an option's number
  only on a line holding "option", "choice", "choix" or "#": compared with the code it replaced.
"""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given, settings, strategies as st

from workflows.reading import answer_emoji, contrary_remarks, pattern_gates
from workflows.reading.answer_doubts import doubtful_emoji
from workflows.reading.answer_emoji import _POLITE, NEGATIVE_EMOJI as _NEGATIVE_EMOJI, POSITIVE_EMOJI as _POSITIVE_EMOJI
from workflows.reading.answer_lines import clean
from workflows.reading.contrary_remarks import _polarity
from workflows.reading.option_expressions import option_keys
from tests.test_worst_read_text_paths import texts


def _gated() -> dict[str, pattern_gates.Gated]:
    """Every gated pattern of the reading modules, by module and name (each once, where it is first found)."""
    found, seen = {}, set()
    for name, module in sorted(sys.modules.items()):
        if name.startswith("workflows.reading.") and module is not None:
            for attr, value in vars(module).items():
                if isinstance(value, pattern_gates.Gated) and id(value) not in seen:
                    seen.add(id(value))
                    found[f"{name}.{attr}"] = value
    return found


def _skipped(gate: pattern_gates.Gated, text: str) -> bool:
    return len(text) >= pattern_gates.SHORT and not any(map(text.__contains__, gate.words))


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    """Each distinct corpus line as written and cleaned (what the patterns read; its first 600
    characters), the crafted kinds and one whole message in forty (their first 2,000: each pattern
    tried at every character of 30 M characters of whole messages took minutes)."""
    every = texts()
    lines = {line[:600] for text in every for line in text.split("\n")[:400]}
    return sorted(lines | {clean(line) for line in lines}) + [text[:2000] for text in every[-40:] + every[::40]]


def test_the_hot_patterns_are_gated():
    import workflows.reading.choices  # noqa: F401  (every reading module the vote reader uses)
    names = set(_gated())
    for name in ("answer_words.HEDGE", "answer_words.CORRECTION", "motion_stances._ASIDE", "motion_stances._CLAUSES",
                 "reported_answers._REPORTED", "reported_answers._THEIRS", "ballot_echoes._ABOUT"):
        assert f"workflows.reading.{name}" in names, name


@pytest.mark.timeout(900)
def test_a_text_the_gate_passes_over_has_no_match(corpus_texts):
    import workflows.reading.choices  # noqa: F401
    passed_over = 0
    for name, gate in _gated().items():
        for text in corpus_texts:
            if _skipped(gate, text):
                passed_over += 1
                assert gate.compiled.search(text) is None, (name, text[:200])
    assert passed_over > 10_000


def test_every_method_gives_what_the_pattern_gives(corpus_texts):
    import workflows.reading.choices  # noqa: F401
    for name, gate in _gated().items():
        for text in corpus_texts[::97]:
            p = gate.compiled
            assert gate.search(text) == p.search(text) or (
                gate.search(text).span() == p.search(text).span()), name
            assert [m.span() for m in gate.finditer(text)] == [m.span() for m in p.finditer(text)], name
            assert gate.findall(text) == p.findall(text), name
            assert gate.split(text) == p.split(text), name
            assert gate.sub("", text) == p.sub("", text), name
            assert (gate.match(text) is None) == (p.match(text) is None), name
            assert (gate.fullmatch(text) is None) == (p.fullmatch(text) is None), name


def test_required_words_are_derived_from_the_pattern():
    words = pattern_gates.required_words
    assert words(re.compile(r"(?<![\w'])(?:abstain|abstention|pass)(?![\w'])")) == {"abst", "pass"}
    assert words(re.compile(r"(?<=, )said\s+\w")) == {"said"}  # the longest requirement of the sequence
    assert words(re.compile(r"(?:^|\s)(?:ps|btw)\b|\bwhile we\b")) == {"ps", "btw", "whil"}
    assert words(re.compile(r"\s(?=but\s|mais\s)")) == {"but", "mais"}
    assert words(re.compile(r"[.;!?]+|,")) == {".", ";", "!", "?", ","}
    assert words(re.compile(r"yes|\w+ no")) == {"yes", " no"}
    assert words(re.compile(r"yes|\w+")) is None  # one alternative needs no word
    assert words(re.compile(r"(?:yes)?\d+")) is None
    assert words(re.compile(r"yes", re.IGNORECASE)) is None  # "YES" matches too
    assert words(re.compile(r"(?i:yes)|no")) is None
    assert words(re.compile(r"[^a]yes")) == {"yes"}
    assert words(re.compile(rb"yes")) is None
    assert pattern_gates.gated(re.compile(r"\w+")).__class__ is re.Pattern


_PIECES = ["also", "ps", "p.s", "by the way", "btw", "said", "says", "'s ", "choice", "vote", "maybe", "not sure",
           "correction", "i meant", "wait, no", "on", "for", "about", "against", "in favour of", "jk", "lol", "/s",
           "not", "pas", "sure", "right", "the opposite", "i'd vote", "but", "mais", "?", ",", ".", "-", " ", "a", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'-", max_size=6),
                min_size=8, max_size=60))
@example(["a "] * 40)
@example(["-"] * 60)
def test_generated_texts_the_gate_passes_over_have_no_match(pieces):
    import workflows.reading.choices  # noqa: F401
    text = "".join(pieces)
    for name, gate in _gated().items():
        if _skipped(gate, text):
            assert gate.compiled.search(text) is None, (name, text)
        assert gate.split(text) == gate.compiled.split(text), name
        assert gate.sub("", text) == gate.compiled.sub("", text), name


# the code the round replaced, as it was
def _opposite_emoji_before(raw: str, polarity: int, is_answer=lambda words: True) -> bool:
    other = _NEGATIVE_EMOJI if polarity > 0 else _POSITIVE_EMOJI if polarity < 0 else frozenset()
    runs = list(re.finditer(r"[" + "".join(sorted(_POSITIVE_EMOJI | _NEGATIVE_EMOJI | set("✌🙂🙏😊")))
                            + r"\ufe0f\u200d\s]*[" + "".join(sorted(_POSITIVE_EMOJI | _NEGATIVE_EMOJI)) + r"]"
                            r"[" + "".join(sorted(_POSITIVE_EMOJI | _NEGATIVE_EMOJI | set("✌🙂🙏😊"))) + r"\ufe0f\u200d\s]*", raw))
    for run in runs[:2]:
        before, after = raw[:run.start()], raw[run.end():]
        words = re.sub(r"[^\w\s']", " ", before).casefold().split()
        ends = not re.sub(r"[\W_]", "", after)
        if words and (_POLITE.search(before.casefold()) or not (ends or is_answer(" ".join(words)))):
            continue
        if any(c in other for c in run.group(0)):
            return True
    return False


def _emoji_line_after_before(new_text: str, number: int, index: int, options) -> bool:
    keys, _ = option_keys(options)
    key = next((k for k, i in keys.items() if i == index), None)
    following = next((l for l in new_text.splitlines()[number:] if l.strip()), "")
    return (not following.lstrip().startswith(">") and not re.sub(r"[\W_]", "", following)
            and (_opposite_emoji_before(following, _polarity(key))  # and, since votes16, an emoji of doubt ("Yes" / "🤔")
                 or bool(_polarity(key)) and doubtful_emoji(following, lambda words: False)))


_OPTIONS = ["Yes", "No", "Abstain"]


def _both_ways(text: str) -> None:
    for polarity in (1, -1, 0):
        assert answer_emoji.opposite_emoji(text, polarity) == _opposite_emoji_before(text, polarity), repr(text)
    for number in (0, 1):
        for index in (0, 1):
            assert (contrary_remarks.emoji_line_after(text, number, index, _OPTIONS)
                    == _emoji_line_after_before(text, number, index, _OPTIONS)), repr(text)


def test_emoji_lines_read_as_before_on_the_corpus(corpus_texts):
    emoji = set(_POSITIVE_EMOJI | _NEGATIVE_EMOJI)
    for n, text in enumerate(corpus_texts):  # every text holding an answer emoji, one in eight of the rest
        if n % 8 == 0 or not emoji.isdisjoint(text):
            _both_ways(text[:2000])
            _both_ways("Yes\n" + text[:300])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab 1_\n\ufffd\ufe0f\u200d✅✔👍❌👎🚫✌🙂.,!?>-", max_size=40))
@example("Yes\n\ufffd\ufffd\ufffd")
@example("Yes\n\ufffd👎")
@example("Yes\n👎 _")
@example("No\n\ufffd1")
def test_emoji_lines_read_as_before_on_generated_texts(text):
    _both_ways(text)
    _both_ways("Yes\n" + text)


# `option_expressions.mentions` as it was: every word looked up (in order, each time it occurs)
def _mentions_before(line: str, options, keys, labels) -> set[int]:
    from workflows.reading.option_expressions import (_CONNECT, _WHOLE_TO_KEY, ABSTAIN_MENTION, WORD_TO_KEY,
                                                      _label_pattern, parse_expr)
    found: set[int] = set()
    for m in re.finditer(r"(?<![\w'])([\w']+)" + _CONNECT, line):
        key = WORD_TO_KEY.get(m.group(1))
        if key in keys:
            found.add(keys[key])
    if "ABSTAIN" in keys and ABSTAIN_MENTION.search(line):
        found.add(keys["ABSTAIN"])
    for m in re.finditer(r"(?:\boption|\bchoice|\bchoix|#)\s*#?\s*(\d{1,4}|[a-z])\b", line):
        index, _ = parse_expr(m.group(1), options, keys, labels)
        if index is not None:
            found.add(index)
    for label, index in labels.items():
        if len(label) >= 3 and label not in _WHOLE_TO_KEY and _label_pattern(label).search(line):
            found.add(index)
    return found


_OPTION_LISTS = (["Yes", "No", "Abstain"], ["Toronto", "Ottawa", "Montreal"], ["Option A", "Option B", "Option C"],
                 ["Oui", "Non"])


def _mentions_both_ways(line: str) -> None:
    from workflows.reading.option_expressions import mentions, without_why_not
    for options in _OPTION_LISTS:
        keys, labels = option_keys(options)
        # votes18 changed what a line mentions on purpose: "why not" and "a no-brainer" name no No; the cut is
        # compared on the line without them
        assert mentions(line, options, keys, labels) == _mentions_before(without_why_not(line), options, keys, labels), (
            line, options)


def test_mentions_as_before_on_the_corpus(corpus_texts):
    for n, text in enumerate(corpus_texts):
        if n % 6 == 0 and len(text) < 2000:  # one line or text in six
            _mentions_both_ways(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["yes", "no", "oui", "abstain", "option", "choice", "#", "2", "b", "toronto", "and",
                                 "or", "but", " ", ",", ".", "'", "a"]), max_size=40))
@example(["yes", " "] * 30 + ["no"])
def test_mentions_as_before_on_generated_lines(words):
    _mentions_both_ways("".join(words))
