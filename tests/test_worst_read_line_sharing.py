"""A line that repeats an earlier line of the same text shares its `Line` (`reply_lines.Lines`):
the reply reader reads every text as it did when each line had a `Line` of its own (the code it
replaced, copied here), on every corpus message (tests/corpus_own, and ../shared/corpus when
present) and each of its lines, the crafted kinds of bench/worst_read.py at 10 and 100 KB, and
generated texts of repeated lines (Hypothesis)."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import reply, reply_lines
from mailer.reply import read_reply
from tests.test_worst_read_text_paths import texts


class LinesEachOwn(reply_lines.Lines):
    """`Lines` as it was: a `Line` made for each line read, whatever its text."""

    def __missing__(self, i: int) -> reply_lines.Line:
        line = self[i] = reply_lines.Line(self.raw[i])
        return line


@pytest.fixture()
def each_own(monkeypatch):
    def read(text: str):
        with monkeypatch.context() as patched:
            patched.setattr(reply, "Lines", LinesEachOwn)
            return read_reply(text)
    return read


def test_every_corpus_text_and_line_is_read_as_with_a_line_each(each_own):
    every = texts()
    assert len(every) > 1000
    for text in every:
        assert read_reply(text) == each_own(text), text[:300]


def test_the_crafted_kinds_are_read_as_with_a_line_each(each_own):
    for size in SIZES[:2]:
        for name, raw in kinds(size, b"a@b.org", b"network@example.org", 1).items():
            body = raw.decode("utf-8", "replace").replace("\r\n", "\n").split("\n\n", 1)[-1]
            assert read_reply(body) == each_own(body), (size, name)


def test_repeated_lines_share_their_line():
    lines = reply_lines.Lines(["-- ", "Anna", "-- ", "Anna"])
    assert lines[0] is lines[2] and lines[1] is lines[3] and lines[0] is not lines[1]


LINES = st.sampled_from(["", "YES", "Anna", "-- ", "----", "> quoted", "On Mon, Jan 4, 2027 at 9:00 AM Anna <a@b.org> wrote:",
                         "From: Anna <a@b.org>", "Sent: Monday", "Best regards,", "Sent from my iPhone", "\t" * 40 + "x",
                         "=" * 30, "_" * 30, "Thanks", "Anna Smith", "Coordinator", "+1 555 0100", "Hi all,",
                         "-----Original Message-----", "I agree.", "Anna wrote:", "| bar", "\\- item", "&nbsp;x"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(LINES, max_size=40).map("\n".join))
@example("YES\n\n-- \nAnna\n\n-- \nAnna")
@example("Anna wrote:\n> a\nAnna wrote:\n> b")
def test_generated_texts_of_repeated_lines_are_read_as_with_a_line_each(text):
    own = read_reply(text)
    reply.Lines, saved = LinesEachOwn, reply.Lines
    try:
        assert own == read_reply(text)
    finally:
        reply.Lines = saved
