"""Fuzzing the spine: generated and mutated messages through parse, router and workflows.

Every input goes through `convenor.pipeline.ingest` on a store with an open vote and an open
draft, so token replies reach the vote and draft handlers. What must hold for each input: no
exception escapes; the message is either handled or quarantined with its error and its bytes;
nothing is dropped without a record (a duplicate is reported only for bytes, or Message-ID and
sender, already recorded). Together these tests try more than 10,000 inputs.
"""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robust_figures import record
from tests.robust_harness import Harness

RUN = {"inputs": 0, "crashes": 0, "handled": 0, "quarantined": 0, "answered_held": 0, "duplicate": 0}
FUZZ = settings(deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    h = Harness(tmp_path_factory.mktemp("fuzz"))
    yield h
    record("fuzz", inputs=RUN["inputs"], crashes=RUN["crashes"], handled=RUN["handled"],
           quarantined=RUN["quarantined"], answered_held=RUN["answered_held"], duplicates_recognised=RUN["duplicate"],
           silently_dropped=RUN["inputs"] - RUN["handled"] - RUN["quarantined"] - RUN["answered_held"] - RUN["duplicate"])
    h.close()


def feed(harness: Harness, raw: bytes):
    RUN["inputs"] += 1
    try:
        result = harness.feed(raw)
    except Exception:
        RUN["crashes"] += 1
        raise
    RUN[result.state] += 1
    return result


# --- building blocks ---------------------------------------------------------------------------

SENDERS = st.sampled_from([
    "amina@example.org", "Amina Diallo <amina@example.org>", "JEAN@EXAMPLE.ORG", "li@example.org",
    '"amina@example.org" <evil@attacker.net>', "stranger@elsewhere.net", "network@example.org",
    "MAILER-DAEMON@mx.example.net", "", "<>", "undisclosed-recipients:;", "a@b@c", "=?utf-8?q?=E2=80?= <x@y>",
    "\"Quote <unbalanced\" <q@x.org>", "x" * 5000 + "@example.org",
])
SUBJECTS = st.one_of(st.sampled_from([
    "HELP", "JOIN", "LEAVE", "[Vote] Motion", "[Vote 1] Re: ballot", "Re: [Draft 1] Annual report",
    "[Scrutin 999999999] x", "[Draft] new", "[Meeting] planning", "Out of Office", "Réponse automatique",
    "=?utf-8?b?invalid base64?=", "=?x-unknown?q?abc?=", "=?utf-8?q?" + "=C3" * 50 + "?=",
]), st.text(max_size=300), st.text(min_size=1, max_size=3).map(lambda t: t * 3_000))
BODIES = st.one_of(st.sampled_from([
    "YES", "no", "ABSTAIN", "oui\n\n> YES\n> NO", "2", "HELP", "", "\x00\x00YES\x00", "I agree with section 2.",
    "On Mon, Jan 4, 2027 at 9:00 AM Test Network <network@example.org> wrote:\n> YES\n> NO\n> ABSTAIN",
]), st.text(max_size=3000))
CHARSETS = st.sampled_from(["utf-8", "us-ascii", "iso-8859-1", "koi8-r", "utf-16", "utf-7",
                            "x-unknown", "", "utf-8\"; x=\"", "cp1252"])
ENCODINGS = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "binary", "x-uuencode", "bogus"])
DATES = st.sampled_from(["Mon, 4 Jan 2027 09:00:00 -0500", "Fri, 1 Jan 3000 00:00:00 +0000",
                         "Thu, 1 Jan 1970 00:00:00 +0000", "yesterday", "", "Mon, 31 Feb 2027 99:99:99 +9999",
                         "Tue, 4 Jan 99999 00:00:00 +0000"])
EXTRA_HEADERS = st.lists(st.sampled_from([
    "Auto-Submitted: auto-replied", "Precedence: bulk", "X-Autoreply: yes", "List-Id: <x.lists.example>",
    "X-Auto-Response-Suppress: All", "Authentication-Results: mx.example.org; dmarc=fail header.from=x",
    "Authentication-Results: evil.example; dmarc=fail", "Content-Type: multipart/mixed",
    "Content-Transfer-Encoding: base64", "MIME-Version: 9.9", "X-Long: " + "a" * 20_000,
    "X-Folded: a\r\n\tb\r\n\tc", "Received: from x by y", "Return-Path: <>", "\x00Bad: header",
]), max_size=5)


def _body_bytes(text: str, charset: str, encoding: str) -> bytes:
    try:
        data = text.encode(charset or "utf-8", errors="replace")
    except LookupError:
        data = text.encode("utf-8", errors="replace")
    if encoding == "base64":
        import base64
        return base64.encodebytes(data)
    if encoding == "quoted-printable":
        import quopri
        return quopri.encodestring(data)
    return data


@st.composite
def generated_messages(draw, harness_tokens):
    """A message as a client, a robot or an attacker might write it, MIME and all."""
    lines = []
    sender = draw(SENDERS)
    token = None
    if harness_tokens and draw(st.booleans()):
        token, owner, _kind = draw(st.sampled_from(harness_tokens))
        if draw(st.booleans()):
            sender = draw(st.sampled_from([owner, owner.upper(), f"Someone <{owner}>", sender]))
    if sender:
        lines.append(f"From: {sender}")
    to = f"network+{token}@example.org" if token and draw(st.booleans()) else "network@example.org"
    recipients = draw(st.integers(0, 3))
    if recipients == 3 and draw(st.integers(0, 20)) == 0:
        to += ", " + ", ".join(f"r{i}@many.example" for i in range(10_000))
    lines.append(f"To: {to}")
    lines.append(f"Subject: {draw(SUBJECTS)}")
    if draw(st.booleans()):
        lines.append(f"Message-ID: <{draw(st.text(alphabet='abcdef0123456789.@', max_size=30))}@fuzz>")
    if token and draw(st.booleans()):
        lines.append(f"In-Reply-To: <{token}.x@example.org>")
    lines.append(f"Date: {draw(DATES)}")
    lines.extend(draw(EXTRA_HEADERS))
    charset, encoding = draw(CHARSETS), draw(ENCODINGS)
    depth = draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 40]))
    body = _body_bytes(draw(BODIES), draw(CHARSETS) if draw(st.booleans()) else charset, encoding)
    leaf = (f"Content-Type: text/{draw(st.sampled_from(['plain', 'html', 'calendar']))}; charset={charset}\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\n\r\n").encode() + body
    broken = draw(st.sampled_from(["none", "none", "missing-close", "wrong-boundary", "no-boundary", "truncated"]))
    for level in range(depth):
        boundary = f"b{level}"
        header = f"Content-Type: multipart/{draw(st.sampled_from(['mixed', 'alternative', 'related']))}"
        header += "" if broken == "no-boundary" else f'; boundary="{boundary}"'
        opening = boundary if broken != "wrong-boundary" else boundary + "x"
        closing = b"" if broken == "missing-close" else f"\r\n--{boundary}--\r\n".encode()
        leaf = (header + "\r\n\r\n").encode() + f"--{opening}\r\n".encode() + leaf + closing
    if broken == "truncated":
        leaf = leaf[: len(leaf) // 2]
    head = "\r\n".join(lines).encode("utf-8", errors="surrogatepass")
    raw = head + b"\r\nMIME-Version: 1.0\r\n" + leaf
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + b"\x00" * draw(st.integers(1, 50)) + raw[at:]
    return raw


SEEDS = [
    b"From: Jean <jean@example.org>\r\nTo: network@example.org\r\nSubject: HELP\r\n"
    b"Message-ID: <s1@client>\r\nDate: Mon, 4 Jan 2027 10:00:00 +0000\r\n\r\nHELP\r\n",
    b"From: li@example.org\r\nTo: network@example.org\r\nSubject: Re: [Vote 1] ballot\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: multipart/alternative; boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n\r\nOUI=\r\n\r\n> YES\r\n--zz\r\nContent-Type: text/html\r\n\r\n"
    b"<p>OUI</p><blockquote>YES NO</blockquote>\r\n--zz--\r\n",
    b"From: MAILER-DAEMON@mx.example.net\r\nTo: network+b-abc@example.org\r\nSubject: Undelivered Mail\r\n"
    b"Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\n\r\nfailed\r\n"
    b"--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; "
    b"li@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n--r--\r\n",
    b"From: stranger@elsewhere.net\r\nTo: network@example.org\r\nSubject: =?koi8-r?B?8NLJ18XU?=\r\n"
    b"Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\xf0\xd2\xc9\xd7\xc5\xd4\r\n",
    b"From: amina@example.org\r\nTo: network@example.org\r\nSubject: [Draft] x\r\nContent-Type: multipart/mixed; "
    b"boundary=q\r\n\r\n--q\r\n\r\nDeadline: in 3 days\r\n--q\r\nContent-Type: message/rfc822\r\n\r\nFrom: jean@example.org\r\n"
    b"Subject: inner\r\n\r\nYES\r\n--q\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n"
    b"\r\nJVBERi0=\r\n--q--\r\n",
]


@st.composite
def mutated_messages(draw):
    """A seed message with bytes cut, copied, flipped, or inserted."""
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["cut", "copy", "flip", "insert", "truncate"]))
        at = draw(st.integers(0, len(raw)))
        if op == "cut":
            del raw[at:at + draw(st.integers(1, 40))]
        elif op == "copy":
            raw[at:at] = raw[max(0, at - 60):at] * draw(st.integers(1, 30))
        elif op == "flip" and at < len(raw):
            raw[at] = draw(st.integers(0, 255))
        elif op == "insert":
            raw[at:at] = draw(st.sampled_from([b"\x00", b"\r\n", b"\r\n\r\n", b"--", b"=?", b"?=", b"<", b">",
                                              b"boundary=", b"\xff\xfe", b"\t", b":", b"\r"]))
        elif op == "truncate":
            del raw[at:]
    return bytes(raw)


@pytest.mark.slow
def test_generated_messages_are_handled_or_quarantined_never_lost(harness):
    @settings(FUZZ, max_examples=3000)
    @given(st.data())
    def run(data):
        feed(harness, data.draw(generated_messages(harness.tokens)))
    run()


@pytest.mark.slow
def test_mutated_messages_are_handled_or_quarantined_never_lost(harness):
    @settings(FUZZ, max_examples=4500)
    @given(mutated_messages())
    def run(raw):
        feed(harness, raw)
    run()


@pytest.mark.slow
def test_random_bytes_and_extreme_inputs_leave_a_record(harness):
    rng = random.Random(6)
    extremes = [
        b"", b"\r\n", b"\x00" * 1000, b"Subject: only a header",
        b"From: a@b\r\nTo: network@example.org\r\nSubject: " + b"x" * 2_000_000 + b"\r\n\r\nbody",
        b"From: a@b\r\n" + b"X-H: v\r\n" * 50_000 + b"\r\nbody",
        b"From: jean@example.org\r\nTo: " + b", ".join(b"r%d@x.org" % i for i in range(10_000)) + b"\r\n\r\nHELP",
        b"From: jean@example.org\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n"
        + b"--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n" * 2000,
    ]
    for raw in extremes + [bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 3000))) for _ in range(2600)]:
        feed(harness, raw)
    assert RUN["crashes"] == 0
    assert harness.recorded() - harness.baseline == harness.inputs - harness.duplicates
