"""mailer.line_ends.as_lf against the two replacements it stands for (the line ends of
reply_cleanup.clean_text), and reply_cleanup.shorten_blank_runs against the one pattern it stands
for: on every corpus message (and line), the crafted kinds of the worst-case read at every size
(whole and cut where the reply reader cuts), and generated texts."""
from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import line_ends, reply_cleanup
from mailer.reply_cleanup import MAX_CHARS

ROOT = Path(__file__).resolve().parent.parent


def by_replace(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def test_every_corpus_message_and_line_has_its_line_ends_made_as_the_replacements_make_them():
    files = sorted((ROOT / "tests" / "corpus_own").rglob("*.eml"))
    assert len(files) > 500
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        for piece in [text, text * 40, text[:MAX_CHARS // 100]] + text.split("\n"):
            assert line_ends.as_lf(piece) == by_replace(piece), path


def test_the_crafted_kinds_have_their_line_ends_made_as_the_replacements_make_them():
    for size in SIZES:
        for kind, raw in kinds(size, b"a@b.org", b"network@example.org", 1).items():
            text = raw.decode("latin-1")
            body = text.split("\r\n\r\n", 1)[-1]
            for piece in (text, body, body[:MAX_CHARS], body[MAX_CHARS:], body[:MAX_CHARS - 1],
                          body[1:], body + "\r", body + "\r\r", "\r" + body, body.replace("a\r\n", "a\r", 1)):
                assert line_ends.as_lf(piece) == by_replace(piece), (size, kind)


def test_short_lines_go_the_short_way():
    text = "YES\r\n" + "a\r\n" * 100_000
    assert line_ends.as_lf(text) == by_replace(text)
    assert line_ends.as_lf(text[:-1]) == by_replace(text[:-1])  # cut inside the last CRLF


PIECES = st.sampled_from(["a", "\r", "\n", "\r\n", "\r\n" * 40, "a\r\n" * 40, "\r\r", "\n\r", "é", "\u2028",
                          "\x00", "\ufeff", " ", "x" * 30])


@settings(max_examples=800, deadline=None)
@given(st.lists(PIECES, max_size=300).map("".join))
@example("a\r\n" * 2000)
@example("a\r\n" * 2000 + "\r")
@example("a\r\n" * 2000 + "\r\r")
@example("a\r\n" * 1000 + "a\r" + "a\r\n" * 1000)
@example("a\r\n" * 2000 + "é")
@example("\r" * 5000)
@example("\r\n" * 5000)
def test_generated_texts_have_their_line_ends_made_as_the_replacements_make_them(text):
    assert line_ends.as_lf(text) == by_replace(text)
    cleaned = by_replace(text).replace("\ufeff", "").replace("\x00", "").replace("\u00a0", " ")
    assert reply_cleanup.clean_text(text) == cleaned


def _blank_runs_by_pattern(text: str) -> str:
    return reply_cleanup._BLANK_RUN.sub("\n\n\n\n", text)


def test_every_corpus_message_and_crafted_kind_has_its_blank_runs_shortened_as_the_pattern_does():
    texts = [by_replace(p.read_bytes().decode("utf-8", "replace"))
             for p in sorted((ROOT / "tests" / "corpus_own").rglob("*.eml"))]
    texts += [by_replace(raw.decode("latin-1")).split("\n\n", 1)[-1][:MAX_CHARS]
              for size in SIZES for raw in kinds(size, b"a@b.org", b"network@example.org", 1).values()]
    assert len(texts) > 500
    for text in texts:
        assert reply_cleanup.shorten_blank_runs(text) == _blank_runs_by_pattern(text), text[:80]


BLANK_PIECES = st.sampled_from(["a", "a\n", "\n", " ", "\t", "\n \n", "\n\t\n", "\n\n\n\n\n", "\r", "\x0b", "\x0c",
                                "\u2028", "\u00a0", " \n", "\t\n"])


@settings(max_examples=800, deadline=None)
@given(st.lists(BLANK_PIECES, max_size=40).map("".join))
@example("YES\n" + "a\n" * 3000)
@example("a\n" * 30 + "\n \t \n\n\n\n")
@example("a\n \n\t\n \n\t\n")
@example("a\n\t\n\t\n\t\n\t\nb")  # tabs alone: the third pair
@example("a\n \n \n \n \nb")
@example("a\n\n\n\n\nb")
def test_generated_texts_have_their_blank_runs_shortened_as_the_pattern_does(text):
    assert reply_cleanup.shorten_blank_runs(text) == _blank_runs_by_pattern(text)


def test_initials_quotes_of_the_crafted_kinds_and_texts_without_a_quote_sign_are_read_as_before():
    """supercite_as_quote answers a text without ">" at once: what its patterns, which both need
    one, find there is nothing."""
    from mailer.quote_prefixes import _initials_as_quote, supercite_as_quote
    texts = [by_replace(raw.decode("latin-1")).split("\n\n", 1)[-1]
             for size in SIZES for raw in kinds(size, b"a@b.org", b"network@example.org", 1).values()]
    texts += ["RN> a\nRN> b\n", "a\nRN> b\nRN> c", "RN> a\nRN> b", "a\n" * 100 + "AB> x\nAB> y\n", "no sign\nRN a\n"]
    for text in texts:
        assert supercite_as_quote(text) == _initials_as_quote(text), text[:60]


FEW_PIECES = st.sampled_from(["x" * 700, "y" * 2100, "\r", "\n", "\r\n", "\r\r", "\n\r", "\r\r\n", "é", "a\r\n" * 40])


@settings(max_examples=1500, deadline=None)
@given(st.lists(FEW_PIECES, max_size=20).map("".join))
@example("x" * 100_000 + "\r\n")
@example("\r" + "x" * 5000 + "\r")
@example("x" * 600 + "\r\r\n" + "x" * 600 + "\r")
@example("x" * 3000 + "a\r\n" * 40)  # few CRs first, then too many: given up, read the other way
def test_texts_of_few_crs_have_their_line_ends_made_as_the_replacements_make_them(text):
    """Long lines (one CR in 512 characters at most) are made LF CR by CR (`_few_crs_as_lf`)."""
    assert line_ends.as_lf(text) == by_replace(text)


def test_a_long_line_goes_the_few_crs_way():
    text = "x" * 100_000 + "\r\n"
    assert line_ends._few_crs_as_lf(text, len(text) // line_ends._FEW) == "x" * 100_000 + "\n"
    assert line_ends._few_crs_as_lf("a\r\n" * 1000, 5) is None
