"""A plain one-level multipart read without the feed parser (mailer/simple_multipart.py) is the
message the email package builds: the same parts (headers, payloads, default types), preamble,
epilogue and defects (a missing close boundary); where it declines, the package reads it. Compared on every corpus
message, the crafted kinds of the worst-case read, the messages the tests write and generated
multipart messages (Hypothesis), each message's parts compared one by one; and the reading
(`parse_message`) of each is the same with and without the fast path."""
from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import parse as parse_mod
from mailer.parse import parse_message
from mailer.read_message import ReadMessage
from mailer.simple_parse import simple_message

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if p.is_dir()), None)
LIST = "network@example.org"


def shape(msg) -> tuple:
    """Everything of a parsed message a reader can see, parts included."""
    payload = msg._payload
    return (type(msg).__name__, msg._headers, msg.get_unixfrom(), msg.get_default_type(), msg.preamble, msg.epilogue,
            [type(d).__name__ for d in msg.defects], msg._charset,
            [shape(part) for part in payload] if isinstance(payload, list) else payload)


def verdict(raw: bytes) -> bool | None:
    """None when the fast path declines; else whether it built what the email package builds."""
    fast = simple_message(raw)
    if fast is None:
        return None
    return shape(fast) == shape(email.message_from_bytes(raw, ReadMessage, policy=email.policy.compat32))


def same_reading(raw: bytes, monkeypatch) -> bool:
    with monkeypatch.context() as m:
        m.setattr(parse_mod, "simple_message", lambda raw: None)
        try:
            full = parse_message(raw, LIST)
        except parse_mod.MalformedMessage:
            full = "malformed"
    try:
        fast = parse_message(raw, LIST)
    except parse_mod.MalformedMessage:
        fast = "malformed"
    return fast == full


def corpus() -> list[Path]:
    files = list((ROOT / "tests" / "corpus_own").rglob("*.eml"))
    if SHARED is not None:
        files += [p for p in SHARED.rglob("*") if p.is_file() and not p.name.startswith(("LICENSE", "INDEX"))]
    return sorted(files)


def test_every_corpus_multipart_is_read_as_the_email_package_reads_it(monkeypatch):
    taken = 0
    for path in corpus():
        raw = path.read_bytes()
        found = verdict(raw)
        assert found is not False, path
        if found and b"multipart" in raw[:raw.find(b"\n\n") if b"\n\n" in raw else len(raw)].lower():
            taken += 1
            assert same_reading(raw, monkeypatch), path
    assert taken >= 20  # real multipart mail goes the short way


def test_the_crafted_kinds_are_read_as_the_email_package_reads_them(monkeypatch):
    for size in SIZES[:2]:
        for kind, raw in kinds(size, b"a@b.org", b"network+abcdefghijklmnopqrstuvwxyz@example.org", 1).items():
            assert verdict(raw) is not False, kind
            assert same_reading(raw, monkeypatch), kind
    many = kinds(SIZES[0], b"a@b.org", b"network@example.org", 1)
    assert verdict(many["many parts"]) and verdict(many["many attachments"])  # the short way


def test_what_it_does_not_read_itself_goes_to_the_email_package():
    head = b"Content-Type: multipart/mixed; boundary=b\n\n"
    assert simple_message(head + b"--b\n\nx\n--b--\n") is not None
    assert simple_message(head + b"--b\n\nx\n").defects  # no close boundary: the package's defect
    assert simple_message(head + b"x\n--b--\n") is None  # no start boundary
    assert simple_message(head + b"--b\n--b\n\nx\n--b--\n") is None  # two boundary lines in a row
    assert simple_message(head + b"--b\nContent-Type: text/plain\n--b--\n") is None  # no blank line in the part
    assert simple_message(head + b"--b\nnot a header\n\nx\n--b--\n") is None
    assert simple_message(head + b"--b\nContent-Type: message/rfc822\n\nSubject: x\n\ny\n--b--\n") is None
    assert simple_message(head + b"--b\n\nx\ry\n--b--\n") is None  # a lone CR
    assert simple_message(b"Content-Type: multipart/digest; boundary=b\n\n--b\n\nx\n--b--\n") is None
    assert simple_message(b"Content-Type: multipart/mixed\n\n--b\n\nx\n--b--\n") is None  # no boundary
    assert simple_message(b"Content-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: base64\n\n"
                          b"--b\n\nx\n--b--\n") is None


_EOLS = st.sampled_from(["\r\n", "\n"])
_BOUNDARIES = st.sampled_from(["b", "=_x", "a:b", "a b", "b--", "b.c+d", "----=_Part_1", "x" * 70])
_HEADERS = st.sampled_from(["Content-Type: text/plain", "Content-Type: text/html; charset=utf-8",
                            "Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"a.pdf\"",
                            "Content-Transfer-Encoding: base64", "X-Folded: a{eol} b", "Content-Type: multipart/alternative;"
                            " boundary=c", "Content-Type: message/rfc822", "Bad header", " continued", "From x", ":x",
                            "Content-Type:text/plain", "Content-Type: TEXT/PLAIN"])
_LINES = st.sampled_from(["", "YES", "--{b}x", "--{b}--x", " --{b}", "--{b} \t", "--{b}-", "-- {b}", "x\ry", "\u00e9",
                          "--{b}--", "--{b}", "--c", "=\t", "--"])


@st.composite
def multipart_messages(draw) -> bytes:
    eol, boundary = draw(_EOLS), draw(_BOUNDARIES)
    quoted = draw(st.booleans()) or " " in boundary or ":" in boundary

    def lines(strategy, most):
        return [line.format(b=boundary, eol=eol) for line in draw(st.lists(strategy, max_size=most))]

    top = [f"Content-Type: multipart/{draw(st.sampled_from(['mixed', 'alternative', 'digest']))}; boundary="
           + (f'"{boundary}"' if quoted else boundary)] + lines(st.sampled_from(["Subject: x", "Content-Transfer-Encoding: 7bit",
                                                                                "Content-Transfer-Encoding: base64"]), 1)
    out = top + [""] + lines(_LINES, 3)
    for _ in range(draw(st.integers(0, 4))):
        out += [f"--{boundary}" + draw(st.sampled_from(["", " ", "\t "]))] + lines(_HEADERS, 3)
        out += [""] if draw(st.integers(0, 5)) else []  # the blank line after the part's headers, mostly
        out += lines(_LINES, 4)
    if draw(st.integers(0, 4)):
        out += [f"--{boundary}--" + draw(st.sampled_from(["", " "]))] + lines(_LINES, 3)
    text = eol.join(out) + draw(st.sampled_from(["", eol]))
    return text.encode("utf-8", "surrogateescape")


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=multipart_messages())
@example(raw=b"Content-Type: multipart/mixed; boundary=b\r\n\r\npre\r\n--b\r\nContent-Type: text/plain\r\n\r\nYES\r\n"
         b"--b\r\n\r\n\r\n--b--\r\nepi\r\n")
@example(raw=b"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--")
@example(raw=b"Content-Type: multipart/mixed; boundary=b\n\n\n--b\n\nx\n\n--b--\n\n")
def test_generated_multiparts_are_read_as_the_email_package_reads_them(raw, monkeypatch):
    assert verdict(raw) is not False
    assert same_reading(raw, monkeypatch)


def test_many_parts_are_read_in_linear_time():
    """Hang detector (generous): 200 parts of 1 MB each, and 100,000 tiny ones cut at MAX_PARTS."""
    import time
    head = b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
    started = time.thread_time()
    big = head + (b"--b\r\nContent-Type: text/plain\r\n\r\n" + b"x" * 1_000_000 + b"\r\n") * 20 + b"--b--\r\n"
    assert len(simple_message(big).get_payload()) == 20
    assert parse_message(head + b"--b\r\n\r\nYES\r\n" * 100_000 + b"--b--\r\n", LIST).text.startswith("YES")
    assert time.thread_time() - started < 30
