"""Cuts of the tenth worst-case read round give what the code they replaced gave, on the corpus,
the crafted kinds of bench/worst_read.py and generated input (Hypothesis): runs of line ends found
by a pattern that opens with a literal (`\\n\\n\\n\\n+` for `\\n{4,}`, `\\n\\n\\n+` for `\\n{3,}`), a `>`
quote told by `str.lstrip` rather than `^\\s*+>`, the reply's `rest` kept from the parse for the
answers typed inside a quoted ballot rather than read again, a part's header block that repeats
the previous part's taken without reading it again, and delimiter lines counted only when
"--boundary" occurs more often than parts are read."""
from __future__ import annotations

import re
import sys

from hypothesis import given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import html_text, read_limits, reply_lines, reply_segments
from mailer.inline_answers import answers_inside_original
from mailer.parse import parse_message
from mailer.reply import read_reply
from tests.test_worst_read_multipart import verdict
from tests.test_worst_read_part_paths import corpus
from tests.test_worst_read_text_paths import texts

BALLOT = ("Vote 1: That the network adopts the revised terms of reference\n\nAnswer YES or NO.\n"
          "Options:\nYES\nNO\n")


def test_every_character_stripped_by_lstrip_is_one_the_pattern_reads_as_white_space():
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (char.lstrip() == "") == (space.match(char) is not None), hex(code)


def test_every_corpus_text_and_line_is_told_quoted_as_the_pattern_told_it():
    for text in texts():
        for line in text.split("\n")[:2000]:
            assert reply_lines.is_quoted(line) == (reply_lines._QUOTED.match(line[:reply_lines.MAX_LINE]) is not None)


LINE_PIECES = st.sampled_from([" ", "\t", "\u3000", "\u00a0", "\u2028", ">", "x", "\\>", "\n", "\r", "\x1c"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(LINE_PIECES, max_size=30).map("".join), st.integers(0, 420))
def test_generated_lines_are_told_quoted_as_the_pattern_told_them(line, pad):
    for candidate in (line, " " * pad + line, "\t" * pad + ">" + line):
        assert reply_lines.is_quoted(candidate) == (
            reply_lines._QUOTED.match(candidate[:reply_lines.MAX_LINE]) is not None)


def _runs_both_ways(text: str) -> None:
    assert reply_segments._LINE_END_RUN.sub("\n\n\n", text) == re.sub(r"\n{4,}", "\n\n\n", text)
    assert html_text._LINE_END_RUN.sub("\n\n", text) == re.sub(r"\n{3,}", "\n\n", text)


def test_every_corpus_text_has_its_runs_of_line_ends_cut_as_before():
    for text in texts():
        _runs_both_ways(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\n\n\n", "\r\n", " ", "x", "\t\n"]), max_size=40).map("".join))
def test_generated_runs_of_line_ends_are_cut_as_before(text):
    _runs_both_ways(text)


def test_every_corpus_and_crafted_message_keeps_the_rest_its_text_reads_to():
    """The rest kept by the parse is what reading the text again gives, and the answers inside a
    quoted ballot read from it are those read from the text."""
    crafted = [raw for size in SIZES[:2] for raw in kinds(size, b"a@b.org", b"network@example.org", 1).values()]
    read = 0
    for raw in corpus() + crafted:
        try:
            mail = parse_message(raw, "network@example.org")
        except Exception:  # noqa: BLE001 - a message the parse sets aside has no text to compare
            continue
        assert mail.reply_rest == (read_reply(mail.text).rest if mail.text else "")
        if mail.reply_rest:
            read += 1
            for original in (BALLOT, mail.text[len(mail.text) // 2:]):
                assert answers_inside_original(mail.text, original, mail.reply_rest) == \
                    answers_inside_original(mail.text, original)
    assert read > 100


# --- a part's header block that repeats the previous part's (simple_multipart), the parts counted
# --- only when "--boundary" occurs more often than parts are read (read_limits)

_BLOCK_LINES = st.sampled_from(["Content-Type: text/plain", "Content-Type: text/html; charset=utf-8",
                                "Content-Disposition: attachment; filename=\"a.pdf\"", "X-Folded: a{eol} b",
                                "Content-Type: message/rfc822", "Bad header", "Content-Type: TEXT/PLAIN"])
_BODY_LINES = st.sampled_from(["YES", " YES", "\tx", "", "--b", "--b--", "Content-Type: text/html", " continued", "x\ry"])


@st.composite
def repeated_part_messages(draw) -> bytes:
    """Multiparts whose parts mostly repeat one header block, with bodies that open like a fold,
    a header or a boundary."""
    eol = draw(st.sampled_from(["\r\n", "\n"]))
    block = draw(st.lists(_BLOCK_LINES, max_size=2))
    out = ["Content-Type: multipart/mixed; boundary=b", ""]
    for _ in range(draw(st.integers(1, 6))):
        headers = block if draw(st.integers(0, 3)) else draw(st.lists(_BLOCK_LINES, max_size=2))
        out += ["--b"] + [h.format(eol=eol) for h in headers] + ([""] if draw(st.integers(0, 6)) else [])
        out += draw(st.lists(_BODY_LINES, max_size=3))
    out += ["--b--"] if draw(st.integers(0, 3)) else []
    return (eol.join(out) + eol).encode("utf-8", "surrogateescape")


@settings(max_examples=2000, deadline=None)
@given(repeated_part_messages())
def test_generated_parts_repeating_a_header_block_are_read_as_the_email_package_reads_them(raw):
    assert verdict(raw) is not False


def test_the_crafted_parts_repeating_a_header_block_are_read_as_the_email_package_reads_them():
    for size in SIZES:
        for kind in ("many parts", "many attachments"):
            raw, _cut = read_limits.bound_message(kinds(size, b"a@b.org", b"network@example.org", 1)[kind])
            assert verdict(raw) is True, (kind, size)


def bound_parts_by_every_line(raw: bytes, defects: list[str]) -> bytes:
    """`read_limits._bound_parts` as it was: every delimiter line counted."""
    if len(raw) <= 64 * 1024 and b"boundary" not in raw.lower():
        return raw
    boundaries: set[bytes] = set()
    for start, value in read_limits.boundary_parameters(raw):
        if len(boundaries) >= read_limits.MAX_BOUNDARIES and value not in boundaries:
            raw = raw[:raw.rfind(b"\n", 0, start) + 1]
            defects.append(f"more than {read_limits.MAX_BOUNDARIES} nested multiparts: the rest not read")
            break
        boundaries.add(value)
    seen = 0
    for start, line in read_limits._dash_lines(raw):
        name = line.rstrip(b" \t\r")
        if name not in boundaries and not (name.endswith(b"--") and name[:-2] in boundaries):
            continue
        seen += 1
        if seen > read_limits.MAX_PARTS:
            defects.append(f"more than {read_limits.MAX_PARTS} MIME parts: the rest not read")
            return raw[:start]
    return raw


def _cut_both_ways(raw: bytes) -> None:
    new_defects: list[str] = []
    old_defects: list[str] = []
    assert (read_limits._bound_parts(raw, new_defects), new_defects) == (bound_parts_by_every_line(raw, old_defects),
                                                                         old_defects)


def test_every_corpus_and_crafted_message_has_its_parts_cut_where_they_were():
    for raw in corpus() + [r for size in SIZES for r in kinds(size, b"a@b.org", b"network@example.org", 1).values()]:
        _cut_both_ways(raw)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from([b"b", b"-", b"--", b"b--", b"a b"]), st.integers(0, 3), st.integers(190, 210),
       st.sampled_from([b"\r\n", b"\n"]), st.sampled_from([b"", b" ", b"--", b"x", b"\r"]),
       st.sampled_from([b"YES", b"x--b", b" --b"]))
def test_generated_messages_of_about_max_parts_are_cut_where_they_were(boundary, nested, parts, eol, after, line):
    head = b'Content-Type: multipart/mixed; boundary="' + boundary + b'"' + eol + eol
    inner = b"".join(b'--' + boundary + eol + b'Content-Type: multipart/mixed; boundary="c%d"' % i + eol + eol
                     for i in range(nested))
    body = (b"--" + boundary + after + eol + line + eol) * parts
    _cut_both_ways(head + inner + body + b"--" + boundary + b"--" + eol)
