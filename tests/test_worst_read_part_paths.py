"""Per-part shortcuts of the worst-case read give what the code they replaced gave, on the corpus,
the crafted kinds of bench/worst_read.py and generated input (Hypothesis): a part's content type
read from its header list (`ReadMessage`), the plainest text/plain part read as its body
(`body_parts._plain_ascii_text`), a clean header block read in one match (`simple_parse`), boundary
lines found from their literal (`simple_multipart`), boundary parameters and dash lines found
without case-blind or line-start patterns (`read_limits`)."""
from __future__ import annotations

import email
import email.policy
import re
from email.message import Message
from pathlib import Path

from hypothesis import given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import body_parts, parse as parse_mod
from mailer import read_limits, simple_multipart
from mailer.large_parts import LargeBodies
from mailer.read_message import ReadMessage
from mailer.simple_parse import _header_block
from tests.test_worst_read_multipart import multipart_messages

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if p.is_dir()), None)


def corpus() -> list[bytes]:
    files = list((ROOT / "tests" / "corpus_own").rglob("*.eml"))
    if SHARED is not None:
        files += [p for p in SHARED.rglob("*") if p.is_file() and not p.name.startswith(("LICENSE", "INDEX"))]
    return [p.read_bytes() for p in sorted(files)]


def crafted() -> list[bytes]:
    return [raw for size in SIZES[:2] for raw in kinds(size, b"a@b.org", b"network@example.org", 1).values()]


def parsed(raw: bytes) -> Message:
    return email.message_from_bytes(raw, ReadMessage, policy=email.policy.compat32)


# --- the code replaced, kept here as the reference ---------------------------------------------

_OLD_BOUNDARY_PARAM = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.IGNORECASE)
_OLD_DASH_LINE = re.compile(rb"^--([^\r\n]{1,210})\r?$", re.MULTILINE)
_OLD_FIELD = re.compile(r"([\x21-\x39\x3b-\x7e]+):([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)\r?\n")
_OLD_BLANK = re.compile(r"\r?\n")


def old_header_block(text: str, pos: int, end: int):
    headers = []
    while True:
        blank = _OLD_BLANK.match(text, pos, end)
        if blank:
            return headers, blank.end()
        field = _OLD_FIELD.match(text, pos, end)
        if field is None:
            return None
        headers.append((field.group(1), field.group(2).lstrip(" \t").rstrip("\r\n")))
        pos = field.end()
        if pos >= end:
            return None


def old_boundary_lines(text: str, boundary: str, start: int) -> list[tuple]:
    pattern = re.compile(r"^--" + re.escape(boundary) + r"(--)?[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
    return [(m.span(), m.group(1)) for m in pattern.finditer(text, start)]


def new_boundary_lines(text: str, boundary: str, start: int) -> list[tuple]:
    return [(m.span(), m.group(1)) for m in simple_multipart._boundary_lines(text, boundary, start)]


def all_parts(msg: Message):
    return list(msg.walk())


# --- the tests ------------------------------------------------------------------------------

def test_every_corpus_and_crafted_parts_content_type_is_the_packages() -> None:
    seen = 0
    for raw in corpus() + crafted()[:40]:
        try:
            parts = all_parts(parsed(raw))
        except RecursionError:  # deep nesting: the package's walk gives up before the reader does
            continue
        for part in parts:
            assert part.get_content_type() == Message.get_content_type(part)
            seen += 1
    assert seen > 1000


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.text(st.sampled_from("text/plain;TEXT HTML/ \t\"é=x\udcff"), max_size=20), max_size=2),
       st.booleans())
def test_generated_content_types_are_the_packages(values, digest) -> None:
    head = "".join(f"Content-Type: {v}\n" for v in values)
    msg = email.message_from_bytes((head + "Subject: x\n\nbody\n").encode("utf-8", "surrogateescape"), ReadMessage,
                                   policy=email.policy.compat32)
    if digest:
        msg.set_default_type("message/rfc822")
    assert outcome(msg.get_content_type) == outcome(lambda: Message.get_content_type(msg))


def outcome(read):
    """What `read()` gives, or the type of what it raises."""
    try:
        return read()
    except Exception as e:  # noqa: BLE001 - the package's own failures are compared too
        return type(e)


def read_body_both_ways(raw: bytes, monkeypatch):
    bounded, _cut = read_limits.bound_message(raw)
    try:
        msg = parsed(bounded)
        fast = body_parts.read_body(msg, fast_defects := [], LargeBodies(bounded))
        with monkeypatch.context() as m:
            m.setattr(body_parts, "_plain_ascii_text", lambda part, large: None)
            slow = body_parts.read_body(parsed(bounded), slow_defects := [], LargeBodies(bounded))
    except RecursionError:
        return None
    return (fast, fast_defects), (slow, slow_defects)


def test_every_corpus_and_crafted_body_reads_the_same_with_the_plain_part_shortcut(monkeypatch) -> None:
    for raw in corpus() + crafted():
        both = read_body_both_ways(raw, monkeypatch)
        if both is not None:
            assert both[0] == both[1]


PLAIN_TYPES = st.sampled_from(["text/plain", "TEXT/PLAIN", "text/plain; charset=utf-8", 'text/plain; charset="US-ASCII"',
                               "text/plain;charset=utf-8 ", "text/plain; charset=utf-16", "text/plain; charset=utf-7",
                               "text/plain; format=flowed", "text/plain; name=a.txt", "text/plain; charset=utf-8; x=y",
                               " text/plain", "text/plain ", "text/html"])
BODIES = st.sampled_from(["YES", "a+AGEA-b", "x \r\ny", "", "é", "caf\udce9", "CONVENOR-LARGE-BODY-0", "=41", "YES "])


@settings(max_examples=1500, deadline=None)
@given(PLAIN_TYPES, BODIES, st.sampled_from(["", "Content-Disposition: inline\n", "Content-Transfer-Encoding: 7bit\n",
                                             "Content-Transfer-Encoding: quoted-printable\n", "Content-Type: text/html\n"]))
def test_generated_text_parts_read_the_same_with_the_plain_part_shortcut(ctype, body, extra) -> None:
    raw = (f"Content-Type: {ctype}\n{extra}Subject: x\n\n{body}\n").encode("utf-8", "surrogateescape")
    fast = body_parts.read_body(parsed(raw), fast_defects := [], LargeBodies(raw))
    slow_parse = parsed(raw)
    original = body_parts._plain_ascii_text
    try:
        body_parts._plain_ascii_text = lambda part, large: None
        slow = body_parts.read_body(slow_parse, slow_defects := [], LargeBodies(raw))
    finally:
        body_parts._plain_ascii_text = original
    assert (fast, fast_defects) == (slow, slow_defects)


@settings(max_examples=1000, deadline=None)
@given(multipart_messages())
def test_generated_header_blocks_and_boundary_lines_are_read_as_before(raw) -> None:
    text = raw.decode("ascii", "surrogateescape")
    for pos in [0] + [m.end() for m in re.finditer(r"\n", text)]:
        assert _header_block(text, pos, len(text)) == old_header_block(text, pos, len(text))
    for boundary in ("b", "=_x", "a:b", "a b", "b--", "b.c+d", "----=_Part_1", "x" * 70, "c"):
        for start in {0, text.find("\n") + 1, text.find("\n\n") + 2}:
            assert new_boundary_lines(text, boundary, start) == old_boundary_lines(text, boundary, start)


LIMIT_LINES = st.sampled_from([b"--b", b"--b--", b"--b  \r", b"--" + b"x" * 209, b"--" + b"x" * 211, b"--", b"---",
                               b"x--b", b" --b", b"--b\rc", b"Content-Type: multipart/mixed; BOUNDARY=\"b\"",
                               b"Content-Type: multipart/mixed; boundary=c", b"boundary = d; x", b"YES", b"",
                               b"bOuNdArY=\"e f\"", b"boundary=" + b"y" * 201])


@settings(max_examples=2000, deadline=None)
@given(st.lists(LIMIT_LINES, max_size=12), st.sampled_from([b"\r\n", b"\n"]), st.booleans())
def test_generated_limits_find_the_boundaries_and_dash_lines_found_before(lines, eol, lead) -> None:
    raw = (b"--b" + eol if lead else b"") + eol.join(lines)
    old_params = [(m.start(), m.group(1) or m.group(2)) for m in _OLD_BOUNDARY_PARAM.finditer(raw)]
    assert list(read_limits.boundary_parameters(raw)) == old_params
    assert list(read_limits._dash_lines(raw)) == [(m.start(), m.group(1)) for m in _OLD_DASH_LINE.finditer(raw)]


def test_every_corpus_and_crafted_message_is_cut_where_it_was() -> None:
    for raw in corpus() + crafted():
        old_params = [(m.start(), m.group(1) or m.group(2)) for m in _OLD_BOUNDARY_PARAM.finditer(raw)]
        assert list(read_limits.boundary_parameters(raw)) == old_params
        assert list(read_limits._dash_lines(raw)) == [(m.start(), m.group(1)) for m in _OLD_DASH_LINE.finditer(raw)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(LIMIT_LINES, max_size=12), st.sampled_from([b"\r\n", b"\n"]), st.booleans())
def test_a_message_too_large_to_copy_finds_the_same_boundaries(lines, eol, lead) -> None:
    """Past the size up to which a lower-cased copy is searched, the any-case pattern finds the same."""
    raw = (b"--b" + eol if lead else b"") + eol.join(lines)
    old_params = [(m.start(), m.group(1) or m.group(2)) for m in _OLD_BOUNDARY_PARAM.finditer(raw)]
    limit = read_limits._LOWER_COPY_LIMIT
    read_limits._LOWER_COPY_LIMIT = -1
    try:
        assert list(read_limits.boundary_parameters(raw)) == old_params
    finally:
        read_limits._LOWER_COPY_LIMIT = limit


def test_a_30_mb_draft_is_parsed_without_a_second_copy_of_it() -> None:
    """A coordinator's 30 MB draft: reading it holds no whole copy of the message beside the raw
    bytes (the boundary search copied it lower-cased: 40 MB more at the daemon's peak)."""
    import os
    import tracemalloc
    from email.message import EmailMessage

    draft = EmailMessage()
    draft["From"], draft["To"], draft["Subject"] = "Carla <carla@example.org>", "network@example.org", "[Draft] Report"
    draft.set_content("Deadline: in 14 days\n\nPlease read the attached report.\n")
    draft.add_attachment(os.urandom(30 * 2**20), maintype="application", subtype="pdf", filename="report.pdf")
    raw = draft.as_bytes()
    del draft
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        mail = parse_mod.parse_message(raw, "network@example.org")
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    assert mail.attachments and peak < len(raw) // 4
