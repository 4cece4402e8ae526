"""Fast paths read what they read exactly as the slow ones. Single-part messages read by
mailer.simple_parse give the same compat32 Message as the email package, hence the same
InboundMail from parse_message, on the corpus, on the messages the tests write, and on generated
ones (Hypothesis); where the fast path does not apply it declines and the email package reads
the message. Bare addresses are read as email.utils reads them."""
from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from mailer import body_parts, parse as parse_mod
from mailer.parse import parse_message
from mailer.read_message import ReadMessage
from mailer.simple_parse import simple_message
from tests.mailstack import as_bytes, make_message
from tests.test_worst_read_multipart import shape

ROOT = Path(__file__).resolve().parent.parent
CORPUS = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if p.is_dir()), None)
LIST = "network@example.org"


def corpus_messages() -> list[Path]:
    if CORPUS is None:
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and not p.name.startswith(("LICENSE", "INDEX")))


def full_parse(raw: bytes, monkeypatch) -> object:
    """parse_message with the fast path switched off."""
    with monkeypatch.context() as m:
        m.setattr(parse_mod, "simple_message", lambda raw: None)
        return parse_message(raw, LIST)


def same_message(raw: bytes) -> bool | None:
    """None when the fast path declines; else whether it built what the email package builds."""
    fast = simple_message(raw)
    if fast is None:
        return None
    full = email.message_from_bytes(raw, ReadMessage, policy=email.policy.compat32)
    return shape(fast) == shape(full)


def assert_same_reading(raw: bytes, monkeypatch) -> None:
    try:
        full = full_parse(raw, monkeypatch)
    except parse_mod.MalformedMessage:
        with pytest.raises(parse_mod.MalformedMessage):
            parse_message(raw, LIST)
        return
    assert parse_message(raw, LIST) == full


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")
def test_every_corpus_message_is_read_the_same_with_the_fast_path(monkeypatch):
    files = corpus_messages()
    taken = 0
    for path in files:
        raw = path.read_bytes()
        verdict = same_message(raw)
        assert verdict is not False, path
        taken += verdict is True
        assert_same_reading(raw, monkeypatch)
    assert taken > 0  # the fast path is used on real mail


MEMBER_MESSAGES = [
    make_message(from_="Jean Tremblay <jean@example.org>", to="network+tok@example.org", subject="Re: [Vote 7] Budget",
                 body="OUI\n\nLe lun. 4 janv. 2027, Network <network@example.org> a écrit :\n> Votez\n"),
    make_message(from_="li@example.org", subject="HELP", body="HELP\n"),
    make_message(from_="\"Ann, Coordinator\" <ann@example.org>", subject="[Draft] Plan", body="Deadline: in 3 days\n"),
]
MEMBER_MESSAGES[2].add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf", filename="plan.pdf")


@pytest.mark.parametrize("msg", MEMBER_MESSAGES, ids=["french-vote", "help", "draft-with-file"])
def test_members_messages_are_read_the_same_with_the_fast_path(msg, monkeypatch):
    raw = as_bytes(msg)
    assert same_message(raw) is not False
    assert_same_reading(raw, monkeypatch)


def test_the_fast_path_declines_what_it_does_not_read_itself():
    assert simple_message(b"From jean@example.org Mon Jan  4 09:00:00 2027\nSubject: x\n\nbody\n") is None
    assert simple_message(b" folded-first: x\nSubject: y\n\nbody\n") is None
    assert simple_message(b"Subject: no blank line at the end\n") is None
    assert simple_message(b"Subject: x\nnot a header line\n\nbody\n") is None
    assert simple_message(b"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n\nx\n--b--\n") is None
    assert simple_message(b"Content-Type: message/rfc822\n\nSubject: inner\n\nx\n") is None
    assert simple_message(b"Subject: a lone\rcarriage return\n\nbody\n") is None
    assert simple_message(b"Subject: plain\r\nFrom: li@example.org\r\n\r\nYES\r\n") is not None


_NAMES = st.sampled_from(["From", "To", "Cc", "Subject", "Message-ID", "In-Reply-To", "References", "Date",
                          "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "Precedence",
                          "Delivered-To", "X-Original-To", "Authentication-Results", "MIME-Version", "X-Mailer",
                          "List-Id", "Return-Path", "X-Autoreply", "Reply-To", "from", "SUBJECT"])
_VALUES = st.one_of(
    st.sampled_from(["jean@example.org", "Jean <jean@example.org>", "network+abc123@example.org",
                     "text/plain; charset=utf-8", "text/plain; charset=\"iso-8859-1\"", "text/html",
                     "multipart/alternative; boundary=x", "message/rfc822", "quoted-printable", "base64", "8bit",
                     "=?utf-8?q?R=C3=A9union?=", "auto-replied", "bulk", "<a.b@example.org> <c.d@example.org>",
                     "[Vote 3] Adopt", "Mon, 04 Jan 2027 09:00:00 +0000", "", "  spaced  ",
                     "\"Tremblay, Jean\" <jean@example.org>"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=60))
_ENDS = st.sampled_from(["\r\n", "\n", "\r"])


@st.composite
def messages(draw) -> bytes:
    end = draw(_ENDS) if draw(st.integers(0, 9)) == 0 else draw(st.sampled_from(["\r\n", "\n"]))
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        name, value = draw(_NAMES), draw(_VALUES)
        sep = draw(st.sampled_from([": ", ":", ":\t", ":  "]))
        if draw(st.integers(0, 6)) == 0 and " " in value:
            head, _, tail = value.partition(" ")
            value = head + end + draw(st.sampled_from([" ", "\t"])) + tail  # a folded value
        lines.append(f"{name}{sep}{value}")
    body = draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
    text = end.join(lines) + end + end + body
    return text.encode("utf-8", "surrogateescape")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=messages())
def test_generated_messages_are_read_the_same_with_the_fast_path(raw, monkeypatch):
    assert same_message(raw) is not False
    assert_same_reading(raw, monkeypatch)


# --- a part's charset: "text/plain; charset=x" read without the email package ------------------------

_CTYPE_VALUES = st.one_of(
    st.builds(lambda t, sep, q, cs, tail: f"{t};{sep}charset={q}{cs}{q}{tail}",
              st.sampled_from(["text/plain", "TEXT/Plain", "text/html", "application/x-y", "text", "text/"]),
              st.sampled_from(["", " ", "\t", "  "]), st.sampled_from(["", "\"", "'"]),
              st.sampled_from(["utf-8", "UTF-8", "iso-8859-1", "us-ascii", "x-unknown", "utf_8", "", "utf 8",
                               "utf-8'en'", "=?utf-8?q?x?=", "cp1252;", "é"]),
              st.sampled_from(["", " ", "; format=flowed", ";", "\r\n ;x=y", " (comment)"])),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40))


@settings(max_examples=500, deadline=None)
@given(value=_CTYPE_VALUES, twice=st.booleans())
@example(value="text/plain; charset*=utf-8''utf-8", twice=False)
@example(value='text/plain; charset="UTF-8"', twice=True)
def test_a_parts_charset_is_read_as_the_email_package_reads_it(value, twice):
    headers = f"Content-Type: {value}\n" * (2 if twice else 1)
    msg = email.message_from_string(headers + "Subject: x\n\nbody\n", policy=email.policy.compat32)
    try:
        expected = msg.get_content_charset()
    except Exception:  # noqa: BLE001 - a broken parameter is no charset
        expected = None
    assert body_parts.content_charset(msg) == expected


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")
def test_every_corpus_parts_charset_is_read_as_the_email_package_reads_it():
    direct = 0
    for path in corpus_messages():
        for part in email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32).walk():
            try:
                expected = part.get_content_charset()
            except Exception:  # noqa: BLE001
                expected = None
            assert body_parts.content_charset(part) == expected, path
            direct += body_parts._PLAIN_CHARSET.fullmatch(str(part.get("Content-Type", ""))) is not None
    assert direct > 0  # the direct reading is used on real mail


# --- addresses: bare ones are read without the email package --------------------------------------

_BARE = st.from_regex(r"\A[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,8}(\.[a-zA-Z0-9_-]{1,5}){0,2}@[a-zA-Z0-9-]{1,8}(\.[a-z]{2,4}){0,2}\Z")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_BARE, st.sampled_from(["", " ", "  "])), min_size=1, max_size=4))
def test_bare_addresses_are_read_as_the_email_package_reads_them(found):
    from email.utils import getaddresses, parseaddr

    from mailer import addresses
    values = [pad + addr + pad for addr, pad in found]
    expected = list(dict.fromkeys(n for n in (addresses.normalise(a) for _, a in getaddresses(values)) if n))
    assert addresses.parse_many(values) == expected
    assert addresses.parse_one(values[0]) == ("", addresses.normalise(parseaddr(values[0])[1]))


# --- a large base64 attachment: decoded block by block as it is stored, never held whole ---------------

@st.composite
def base64_bodies(draw) -> bytes:
    """A set-aside body as mail clients write it, or nearly: lines of any length, CRLF or LF,
    a line end or not at the end, cut short, "=" padding, now and then a stray character."""
    import base64
    data = draw(st.binary(max_size=3000))
    text = base64.b64encode(data)
    if draw(st.integers(0, 4)) == 0:
        text = text[:draw(st.integers(0, len(text)))]  # cut short
    width = draw(st.sampled_from([76, 64, 72, 4, 5, 3, 77, 1000]))
    end = draw(st.sampled_from([b"\r\n", b"\n"]))
    body = end.join(text[i:i + width] for i in range(0, len(text), width))
    if draw(st.booleans()):
        body += end
    if draw(st.integers(0, 9)) == 0 and body:
        at = draw(st.integers(0, len(body) - 1))
        body = body[:at] + draw(st.sampled_from([b" ", b"\t", b"=", b"*", b"=="])) + body[at:]
    return body


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=base64_bodies(), block=st.sampled_from([4, 7, 76, 1000, 1024 * 1024]))
@example(body=b" A", block=4)  # not plain base64 and undecodable: read whole, failing as before
def test_a_set_aside_base64_file_is_the_bytes_the_whole_decoding_gives(body, block, monkeypatch):
    """Block by block (whatever the block size), the file is exactly what decoding the whole
    body gives, with its length and SHA-256; a body that is not plain base64 lines is decoded
    whole instead (`SetAsideFile.of` declines), as before."""
    import hashlib

    from mailer import large_parts
    monkeypatch.setattr(large_parts, "_TEXT_BLOCK", block)
    raw = b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body + b"\r\n--b--\r\n"
    start = raw.index(b"\r\n\r\n") + 4
    bodies = large_parts.LargeBodies(raw, {0: (start, start + len(body))})
    try:
        whole = bodies.decode(0, "base64")
    except Exception as exc:  # noqa: BLE001 - then reading the file fails alike
        with pytest.raises(type(exc)):
            bodies.file(0, "base64")
        return
    found = large_parts.SetAsideFile.of(raw, start, start + len(body))
    if found is None:
        assert bodies.file(0, "base64") == whole and isinstance(bodies.file(0, "base64"), bytes)
        return
    assert bytes(found) == whole and found == whole and len(found) == len(whole)
    assert found.sha256 == hashlib.sha256(whole).hexdigest()


def test_a_large_draft_attachment_is_stored_from_its_blocks_byte_for_byte(tmp_path):
    """The parsed draft's file is a SetAsideFile; the store writes it from its blocks and reads
    back the very bytes that were attached."""
    import os

    from mailer.large_parts import SetAsideFile
    from store import blobs
    from store.db import open_store, transaction
    pdf = os.urandom(3 * 1024 * 1024 + 5)
    msg = make_message(from_="ann@example.org", subject="[Draft] Plan", body="Deadline: in 3 days\n")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="plan.pdf")
    (att,) = parse_message(as_bytes(msg), LIST).attachments
    assert isinstance(att.data, SetAsideFile) and att.size == len(pdf)
    db = open_store(tmp_path / "store.db")
    with transaction(db):
        sha = blobs.put(db, att.data)
    assert sha == att.sha256 and blobs.get(db, sha) == pdf
    db.close()


# --- format=flowed: a lone charset parameter is read without the email package ---------------------

@settings(max_examples=500, deadline=None)
@given(value=_CTYPE_VALUES, twice=st.booleans(), absent=st.booleans())
@example(value="text/plain; format=flowed; charset=utf-8", twice=False, absent=False)
@example(value='text/plain; charset="utf-8"; FORMAT="Flowed"', twice=False, absent=False)
def test_format_flowed_is_read_as_the_email_package_reads_it(value, twice, absent):
    headers = "" if absent else f"Content-Type: {value}\n" * (2 if twice else 1)
    msg = email.message_from_string(headers + "Subject: x\n\nbody\n", policy=email.policy.compat32)
    assert body_parts._is_flowed(msg) == (str(msg.get_param("format", "")).lower() == "flowed")


# --- tokens and rendering ---------------------------------------------------------------------------

def test_new_tokens_are_26_letters_of_lowercase_base32_each_letter_uniform():
    from collections import Counter

    from store.tokens import new_token
    tokens = [new_token() for _ in range(4000)]
    assert len(set(tokens)) == len(tokens)
    assert all(len(t) == 26 and set(t) <= set("abcdefghijklmnopqrstuvwxyz234567") for t in tokens)
    counts = Counter("".join(tokens))  # 104,000 letters: each of the 32 about 3,250 times
    assert len(counts) == 32 and min(counts.values()) > 2800 and max(counts.values()) < 3700


def test_the_renderers_item_lookup_gives_what_jinjas_own_gives():
    import jinja2
    from collections import OrderedDict

    from workflows.routing.render import Renderer
    env = Renderer().env
    plain = jinja2.Environment(undefined=jinja2.StrictUndefined)
    row = {"name": "Jean", "items": "shadowed", "get": 1, "title": None}
    cases = [(row, a) for a in ("name", "items", "get", "title", "missing", "__class__", "keys")]
    cases += [(OrderedDict(name="x"), "name"), ([1, 2], "name"), ("text", "upper"), (None, "name")]
    for obj, attribute in cases:
        ours, theirs = env.getattr(obj, attribute), plain.getattr(obj, attribute)
        if isinstance(theirs, jinja2.Undefined):
            assert isinstance(ours, jinja2.Undefined) and ours._undefined_name == theirs._undefined_name
        elif callable(theirs):
            assert getattr(ours, "__self__", None) is getattr(theirs, "__self__", None) and ours.__name__ == theirs.__name__
        else:
            assert ours == theirs


def test_a_template_renders_with_jinjas_globals_and_each_readers_language(tmp_path):
    from datetime import datetime, timezone

    from workflows.routing.render import Renderer
    for lang in ("en", "fr"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "probe.txt").write_text(
            "{% block subject %}{{ row.name }} {{ row.items()|list|length }}{% endblock %}\n"
            "{% block body %}{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}"
            "{{ ns.n }} {{ dict(a=1)|length }} {{ at|day }} {{ 1234|number }}{% endblock %}\n")
    renderer = Renderer(tmp_path, "Europe/Paris")
    at = datetime(2027, 1, 15, 12, tzinfo=timezone.utc)
    row = {"name": "Jean", "items": "shadowed"}
    expected = {"en": ("Jean 2", "3 1 Friday, January 15, 2027 1,234\n"),
                "fr": ("Jean 2", "3 1 vendredi 15 janvier 2027 1\u202f234\n")}
    for lang in ("en", "fr", "fr", "en", "fr"):  # the filters follow each reader's language
        subject, body, html = renderer.render("probe", lang, row=row, at=at)
        assert (subject, body, html) == (*expected[lang], None)


# --- header fields for the authentication verdict; store times --------------------------------------

_HEADER_LINES = st.lists(st.sampled_from(["From: a@example.org", "Subject: x", " folded", "\tmore", "X:",
                                          "no colon", "", " ", "\r", "Received: (a) b", "DKIM-Signature: v=1;"]),
                         max_size=12)


@settings(max_examples=400, deadline=None)
@given(lines=_HEADER_LINES, ends=st.lists(st.sampled_from(["\n", "\r\n", "\r\r\n"]), min_size=12, max_size=12),
       body=st.booleans())
def test_header_fields_split_lines_as_the_line_pattern_does(lines, ends, body):
    import re

    from mailer import authentication
    raw = "".join(line + end for line, end in zip(lines, ends)) + ("\n\nbody\n" if body else "")
    head = raw.encode("utf-8")
    ends_at = [i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0]
    text = (head[: min(ends_at)] if ends_at else head).decode("utf-8", "surrogateescape")
    expected: list[tuple[str, str]] = []
    for line in re.split(r"\r?\n", text):  # the reading before the fast split
        if line[:1] in (" ", "\t") and expected:
            expected[-1] = (expected[-1][0], expected[-1][1] + " " + line.strip())
        elif ":" in line:
            name, _, value = line.partition(":")
            expected.append((name.strip().lower(), value.strip()))
    assert authentication.header_fields(head) == expected


def test_store_times_are_the_same_text_for_the_same_instant_whatever_was_read_before():
    from datetime import datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from store.times import from_db, to_db
    paris = ZoneInfo("Europe/Paris")
    first = datetime(2026, 10, 25, 2, 30, tzinfo=paris)  # an hour that happens twice: fold 0, then 1
    second = first.replace(fold=1)
    assert first == second  # equal to Python, yet an hour apart
    for _ in range(2):  # the second time, from what was remembered
        assert (to_db(first), to_db(second)) == ("2026-10-25 00:30:00", "2026-10-25 01:30:00")
        assert to_db(datetime(2027, 1, 15, 22, tzinfo=timezone.utc)) == "2027-01-15 22:00:00"
        assert to_db(datetime(2027, 1, 15, 23, tzinfo=timezone(timedelta(hours=1)))) == "2027-01-15 22:00:00"
        assert from_db("2027-01-15 22:00:00") == datetime(2027, 1, 15, 22, tzinfo=timezone.utc)
        assert from_db(None) is None and from_db("") is None
    with pytest.raises(ValueError):
        to_db(datetime(2027, 1, 15, 22))


def corpus_texts() -> list[str]:
    """Every corpus message's bytes as text (its headers, its body as sent, quoted-printable and all),
    and its plain parts decoded: what the reply reader and the header checks are given."""
    texts = []
    for path in corpus_messages() + sorted((ROOT / "tests" / "corpus_own").rglob("*.eml")):
        raw = path.read_bytes()
        texts.append(raw.decode("utf-8", "replace"))
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    texts.append(payload.decode("utf-8", "replace"))
    return texts


_QUOTE_LINES = st.lists(st.sampled_from(["RN> Hello", "RN>> nested", "AB> x", "A>", "Abcd> y", "Abcde> z",
                                         "rn> lower", "B>A>C", "> plain", "", "text", "\u212aN> kelvin",
                                         "ÉR> accent", "RN>x", " RN> indented", "\r"]), max_size=10)


@settings(max_examples=400, deadline=None)
@given(lines=_QUOTE_LINES, end=st.sampled_from(["\n", "\r\n", ""]))
@example(lines=["RN> a", "RN> b"], end="\n")
@example(lines=["RN> a", "x", "RN> b"], end="")
def test_initials_quotes_are_read_the_same_with_the_first_look(lines, end):
    from mailer.quote_prefixes import _initials_as_quote, supercite_as_quote
    text = "\n".join(line + end for line in lines)
    assert supercite_as_quote(text) == _initials_as_quote(text)


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")
def test_every_corpus_texts_initials_quotes_are_read_the_same_with_the_first_look():
    from mailer.quote_prefixes import _initials_as_quote, supercite_as_quote
    texts = corpus_texts()
    rewritten = 0
    for text in texts:
        expected = _initials_as_quote(text)
        assert supercite_as_quote(text) == expected
        rewritten += expected != text
    assert rewritten > 0  # the corpus has initials quotes: the full reading is exercised too


_HEADER_WORDS = st.lists(st.sampled_from(["auto", "AUTO", "Auto-Replied", "auto_generated", "autoresponder",
                                          "AutoReply", "rules.OOFTemplate", "RULES.REPLYTEMPLATE", "rules",
                                          "ruleſ.ooftemplate", "auto\u017f", "ſ", "\u212a", "replied", "x",
                                          "no", " ", "-", "_", ".", "é", "autorespond", "Autogenerated"]),
                         max_size=6)


@settings(max_examples=400, deadline=None)
@given(words=_HEADER_WORDS)
@example(words=["ruleſ.ooftemplate"])
def test_automatic_header_words_are_found_as_the_pattern_finds_them(words):
    from mailer.autoreply_headers import _AUTO_TOKEN, _says_auto
    text = "".join(words)
    assert _says_auto(text) == (_AUTO_TOKEN.search(text) is not None)


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")
def test_every_corpus_headers_automatic_words_are_found_as_the_pattern_finds_them():
    from mailer.autoreply_headers import _AUTO_TOKEN, _says_auto
    found = 0
    for path in corpus_messages() + sorted((ROOT / "tests" / "corpus_own").rglob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        for name, value in msg.raw_items():
            for text in (str(value)[:300], name.lower()):
                expected = _AUTO_TOKEN.search(text) is not None
                assert _says_auto(text) == expected, (path, name)
                found += expected
    assert found > 0


_SENDERS = st.lists(st.sampled_from(["MAILER-DAEMON", "Mail Delivery System", "<>", "< >", "<\x1c>", "postmaster",
                                     "m00001@example.org", "Jean <jean@example.org>", "Notify", "RETURNED",
                                     "=?utf-8?q?x?=", "mail.delivery", "mailXdelivery", "bounce", "Daemon", "ſ", "\u212a",
                                     "Postmaſter", "é", " ", "<", ">"]), max_size=5)


@settings(max_examples=400, deadline=None)
@given(words=_SENDERS)
@example(words=["Postmaſter"])
def test_system_senders_are_found_as_the_case_blind_pattern_finds_them(words):
    from mailer.bounce_precheck import SYSTEM_SENDER, system_sender
    sender = "".join(words)
    assert system_sender(sender) == (SYSTEM_SENDER.search(sender) is not None)


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")
def test_every_corpus_sender_is_found_a_system_sender_as_the_case_blind_pattern_finds_it():
    from mailer.bounce_precheck import SYSTEM_SENDER, system_sender
    from mailer.header_text import raw_header_values
    found = 0
    for path in corpus_messages() + sorted((ROOT / "tests" / "corpus_own").rglob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        for sender in raw_header_values(msg, "From") + raw_header_values(msg, "Sender"):
            expected = SYSTEM_SENDER.search(sender) is not None
            assert system_sender(sender) == expected, path
            found += expected
    assert found > 0


def test_a_verdict_about_an_address_is_what_dataclasses_replace_makes():
    import dataclasses

    from mailer.message import Verdict
    # about() names every field: a field added to Verdict must be added there too
    assert [f.name for f in dataclasses.fields(Verdict)] == ["status", "reason", "method", "domain", "address"]
    for verdict in (Verdict(), Verdict("verified", "dmarc=pass", "dmarc", "example.org", "a@example.org"),
                    Verdict("failed", "x", None, "example.org")):
        for address in (None, "", "b@example.org"):
            assert verdict.about(address) == dataclasses.replace(verdict, address=address)



def _reason_from_named_headers(msg) -> str | None:
    """What auto_reply_reason read from _AUTO_HEADERS and _EXCHANGE_GENERATED before its first look."""
    from mailer.autoreply_headers import _AUTO_HEADERS, _EXCHANGE_GENERATED, values as _values
    for name in _AUTO_HEADERS:
        for value in _values(msg, name):
            if value.strip().lower() not in ("no", "false", "0"):
                return f"{name} header"
    for name in _EXCHANGE_GENERATED:
        if _values(msg, name):
            return f"{name} header"
    return None


def _named_headers_look(msg) -> str | None:
    """The same, through the first look of auto_reply_reason (what it does with these lists)."""
    from mailer import autoreply_headers as autoreply
    from mailer.header_text import header_index
    present = header_index(msg).keys()
    if not present.isdisjoint(autoreply._AUTO_KEYS) or not present.isdisjoint(autoreply._EXCHANGE_KEYS):
        return _reason_from_named_headers(msg)
    return None


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent")
def test_every_corpus_messages_automatic_and_list_headers_are_read_the_same_with_one_look():
    from mailer.autoreply_headers import _LIST_HEADERS, is_list_traffic, values as _values
    named = listed = 0
    for path in corpus_messages() + sorted((ROOT / "tests" / "corpus_own").rglob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        expected = _reason_from_named_headers(msg)
        assert _named_headers_look(msg) == expected, path
        named += expected is not None
        by_name = any(_values(msg, name) for name in _LIST_HEADERS)
        if by_name:
            assert is_list_traffic(msg), path
        listed += by_name
    assert named > 0 and listed > 0


@pytest.mark.parametrize("headers, reason, listed", [
    ({}, None, False),
    ({"X-Autoreply": "yes"}, "X-Autoreply header", False),
    ({"x-AUTOREPLY": "no"}, None, False),
    ({"X-MS-Exchange-Generated-Message-Source": "Mailbox Rules Agent"}, "X-MS-Exchange-Generated-Message-Source header", False),
    ({"X-OTRS-Loop": "1", "List-Id": "<a.example.org>"}, "X-OTRS-Loop header", True),
    ({"LIST-ID": "<a.example.org>"}, None, True),
    ({"X-List": ""}, None, True),
])
def test_named_automatic_and_list_headers_in_any_case(headers, reason, listed):
    from mailer.autoreply import auto_reply_reason
    from mailer.autoreply_headers import is_list_traffic
    lines = "".join(f"{name}: {value}\n" for name, value in headers.items())
    raw = f"From: a@example.org\nTo: network@example.org\nSubject: hello\n{lines}\nbody\n".encode()
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    assert _reason_from_named_headers(msg) == reason == _named_headers_look(msg)
    if reason is not None:
        assert auto_reply_reason(msg) == reason
    assert is_list_traffic(msg) == listed
