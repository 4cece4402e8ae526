"""Fast paths of the worst-case read give what the slow ones gave. The token scan reads a message that names no decoded encoding without parsing it, and finds
exactly what the parse of every part finds: on the corpus, on the crafted messages of the
worst-case read, and on generated multipart messages with tokens in any part (Hypothesis).
Initials quotes ("RN> ") are found from line ends as the pattern tried everywhere finds them."""
from __future__ import annotations

from pathlib import Path

import base64
import email
import email.policy
import re

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import body_parts
from mailer import token_scan
from mailer.quote_prefixes import supercite_as_quote
from mailer.token_scan import token_shaped

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if p.is_dir()), None)


def parsed_always(raw: bytes) -> list[str]:
    """The scan as it was before the shortcut: the raw bytes, then every part parsed and decoded."""
    return list(token_scan._scan_parts(raw, token_scan._scan(raw, {})))


def corpus() -> list[Path]:
    files = [p for p in (ROOT / "tests" / "corpus_own").rglob("*.eml")]
    if SHARED is not None:
        files += [p for p in SHARED.rglob("*") if p.is_file() and not p.name.startswith(("LICENSE", "INDEX"))]
    return sorted(files)


def test_every_corpus_message_gives_the_tokens_the_parse_gives():
    files = corpus()
    assert len(files) > 2000
    differ = [str(p) for p in files if token_shaped(p.read_bytes()) != parsed_always(p.read_bytes())]
    assert differ == []


def test_a_token_only_an_encoding_hides_is_found():
    hidden = (b"Subject: x\r\nContent-Transfer-Encoding: base64\r\n\r\n"
              + base64.b64encode(b"see network+abcdefghijklmnopqrstuvwx@example.org") + b"\r\n")
    assert "abcdefghijklmnopqrstuvwx" in token_shaped(hidden)
    soft = b"Subject: x\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nabcdefghij=\r\nklmnopqrstuv\r\n"
    assert "abcdefghijklmnopqrstuv" in token_shaped(soft)


def test_the_crafted_messages_give_the_tokens_the_parse_gives():
    for size in SIZES[:2]:
        for kind, raw in kinds(size, b"a@b.org", b"network+abcdefghijklmnopqrstuvwxyz@example.org", 1).items():
            assert token_shaped(raw) == parsed_always(raw), kind


TOKEN = st.text("abcdefghijklmnopqrstuvwxyz234567", min_size=14, max_size=42)
FILLER = st.sampled_from(["", " ", "\r\n", "\n", "\r", "x", "é", "8", "-", "=", "=\r\n", ">"])
ENCODING = st.sampled_from(["", "7bit", "8bit", "binary", "Quoted-Printable", "BASE64", "x-uuencode", "uue",
                            " base64", "quoted-\r\n printable"])


@st.composite
def messages(draw) -> bytes:
    def text() -> str:
        return "".join(draw(st.lists(st.one_of(TOKEN, FILLER), max_size=12)))

    parts = []
    for _ in range(draw(st.integers(0, 4))):
        cte = draw(ENCODING)
        head = "Content-Type: text/plain\r\n" + (f"Content-Transfer-Encoding: {cte}\r\n" if cte else "")
        parts.append(head + "\r\n" + text())
    if not parts:
        return ("Subject: " + text() + "\r\n\r\n" + text()).encode("utf-8")
    body = "".join(f"--b{text()[:0]}\r\n{p}\r\n" for p in parts) + draw(st.sampled_from(["--b--\r\n", ""]))
    return ("Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" + text() + "\r\n" + body).encode("utf-8")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(messages())
@example(b"Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n"
         + base64.b64encode(b"network+abcdefghijklmnopqrstuvwx@example.org") + b"\r\n--b--\r\n")
@example(b"Subject: x\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\nabcdefghij=\r\nklmnopqrstuv\r\n")
def test_generated_messages_give_the_tokens_the_parse_gives(raw):
    assert token_shaped(raw) == parsed_always(raw)


_INITIALS_EVERYWHERE = re.compile(r"^([A-Z][A-Za-z]{0,3})>(?= |>|$)", re.MULTILINE)


def supercite_tried_everywhere(text: str) -> str:
    """`supercite_as_quote` as it was: the initials pattern tried at every position."""
    counts: dict[str, int] = {}
    for m in _INITIALS_EVERYWHERE.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    prefixes = sorted((p for p, n in counts.items() if n >= 2), key=counts.get, reverse=True)[:3]
    if not prefixes:
        return text
    return re.sub(r"^(?:" + "|".join(map(re.escape, prefixes)) + r")>(?= |>|$)", ">", text, flags=re.MULTILINE)


LINE = st.lists(st.sampled_from(["A", "B", "RN", "Ab", "ABCD", "ABCDE", "a", ">", " ", "x", "\n", "\r", "1"]), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINE, max_size=12).map("\n".join))
@example("RN> a\nRN> b\nX> c\nAB>\nAB>>\n")
@example("A>\nA>")
def test_initials_quotes_are_read_as_the_pattern_tried_everywhere_reads_them(text):
    assert supercite_as_quote(text) == supercite_tried_everywhere(text)


def test_every_corpus_reply_has_its_initials_quotes_read_the_same():
    for path in corpus():
        text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
        assert supercite_as_quote(text) == supercite_tried_everywhere(text), path


# a Content-Type without any parameter is read without the package's parameter parsing (a part of
# the "many parts" message asked it twice each); the package reads the whole value as a parameter too
BARE_TYPES = ["text/plain", " text/plain ", "TEXT/HTML", "text", "", " ", "charset", " CharSet ", "charset=utf-8",
              "charset =utf-8", "format=flowed", "format", "text/plain format=flowed", "text/plain charset=x",
              "text/plain\r\n\t", "\"charset\"", "é", "text/plain;", "x=;charset=y"]


@pytest.mark.parametrize("value", BARE_TYPES)
@pytest.mark.parametrize("absent", [False, True])
def test_a_content_type_without_parameters_is_read_as_the_package_reads_it(value, absent):
    head = "" if absent else f"Content-Type: {value}\n"
    msg = email.message_from_string(head + "Subject: x\n\nbody\n", policy=email.policy.compat32)
    try:
        expected = msg.get_content_charset()
    except Exception:  # noqa: BLE001 - a broken parameter is no charset
        expected = None
    assert body_parts.content_charset(msg) == expected
    assert body_parts._is_flowed(msg) == (str(msg.get_param("format", "")).lower() == "flowed")


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("charsetformatflowed=;/ \t\"x"), max_size=20))
def test_generated_content_types_are_read_as_the_package_reads_them(value):
    msg = email.message_from_string(f"Content-Type: {value}\nSubject: x\n\nbody\n", policy=email.policy.compat32)
    try:
        expected = msg.get_content_charset()
    except Exception:  # noqa: BLE001
        expected = None
    assert body_parts.content_charset(msg) == expected
    assert body_parts._is_flowed(msg) == (str(msg.get_param("format", "")).lower() == "flowed")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab\r\n=\udcff\udce9"), max_size=30), st.sampled_from(["", "7bit", "base64", "BASE64 ",
                                                                                  "quoted-printable", "x-uue"]))
def test_a_parts_bytes_are_what_the_package_decodes(body, cte):
    from mailer.large_parts import LargeBodies
    head = f"Content-Transfer-Encoding: {cte}\n" if cte else ""
    msg = email.message_from_string(f"Subject: x\n{head}\n", policy=email.policy.compat32)
    msg._payload = body  # as the parser leaves it: ASCII, or bytes past ASCII kept as surrogates
    assert body_parts._payload_bytes(msg, LargeBodies(b"")) == msg.get_payload(decode=True)


_BARE = st.from_regex(r"\A[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,8}(\.[a-zA-Z0-9_-]{1,5}){0,2}@[a-zA-Z0-9-]{1,8}(\.[a-z]{2,4}){0,2}\Z")
_SEPARATOR = st.sampled_from([",", ", ", " ,", ",\r\n ", ",,", ", ,", "\r\n\t,"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(_BARE, _SEPARATOR), min_size=1, max_size=5), min_size=1, max_size=3),
       st.sampled_from(["", ",", " "]))
def test_lists_of_bare_addresses_are_read_as_the_email_package_reads_them(values, end):
    from email.utils import getaddresses

    from mailer import addresses
    texts = ["".join(a + sep for a, sep in pairs)[:-1] + end for pairs in values]
    expected = list(dict.fromkeys(n for n in (addresses.normalise(a) for _, a in getaddresses(texts)) if n))
    assert addresses.parse_many(texts) == expected


@pytest.mark.parametrize("value", ["a@x.org, \"b, c\" <d@y.org>", "a@x.org,b", "(a@x.org), b@y.org", "a@x.org;b@y.org",
                                   "a@x.org, <b@y.org>", "a@x.org,, ,b@y.org", ","])
def test_an_address_list_that_is_not_bare_is_read_by_the_package(value):
    from email.utils import getaddresses

    from mailer import addresses
    expected = list(dict.fromkeys(n for n in (addresses.normalise(a) for _, a in getaddresses([value])) if n))
    assert addresses.parse_many([value]) == expected


def test_a_headers_text_is_decoded_once_and_given_as_a_new_list():
    from mailer.header_text import first_header, header_values
    msg = email.message_from_string("Subject: =?utf-8?q?w=C3=A9?=\nSubject: b\n\nx\n", policy=email.policy.compat32)
    first = header_values(msg, "Subject")
    first.append("changed by a caller")
    assert header_values(msg, "SUBJECT") == ["wé", "b"] and first_header(msg, "subject") == "wé"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\n\n\n\n\n\n", " ", "\t", "x", "\n \n", "\n\n\n"]), max_size=25).map("".join))
@example("\n" * 100 + "x" + "\n \n" * 7)
def test_blank_runs_are_shortened_as_the_one_pattern_shortens_them(text):
    from mailer import reply_cleanup
    assert reply_cleanup.shorten_blank_runs(text) == reply_cleanup._BLANK_RUN.sub("\n\n\n\n", text)


@pytest.mark.parametrize("head", ["", "Content-Type: text/plain\n", "Content-Type: application/pdf; name=a.pdf\n",
                                  "Content-Type: x/y; NAME*0=a; NAME*1=.eml\n", "Content-Type: x/y; filename=a\n",
                                  "Content-Disposition: attachment\n", "Content-Disposition: INLINE; filename=b.eml\n",
                                  "Content-Disposition: \n", "Content-Disposition: attachment\nContent-Disposition: inline\n",
                                  "Content-Type: text/plain; charset=utf-8\nContent-Type: x/y; name=c\n"])
def test_a_parts_file_name_and_disposition_are_what_the_package_reads(head):
    from mailer.header_text import content_disposition, may_name_a_file
    part = email.message_from_string(head + "Subject: x\n\nbody\n", policy=email.policy.compat32)
    assert content_disposition(part) == part.get_content_disposition()
    assert may_name_a_file(part) or part.get_filename() is None


def test_an_attribution_is_checked_once_per_window_and_read_the_same():
    """Every line of every corpus message (and of the crafted quote pairs) gets from the
    remembered check what the check itself gives."""
    from mailer.quote_markers import attribution_span
    from mailer.reply_cleanup import normalised_text
    from mailer.reply_lines import Lines
    from mailer.reply_quote_lines import remembered_spans
    pair = "\n\nOn x@y wrote:\n>\n"
    texts = [p.read_bytes().decode("utf-8", "replace") for p in corpus()]
    texts.append("Hi,\n" + pair * 300 + "On x@y\nwrote:\n> x\nOn x@y\nwrote:")
    for text in texts:
        raw = normalised_text(text).split("\n")
        remembered = remembered_spans(Lines(raw))
        fresh = Lines(raw)
        assert [remembered(i) for i in range(len(raw))] == [attribution_span(fresh, i) for i in range(len(raw))]


def test_a_parts_file_name_is_the_packages_and_follows_changes():
    from mailer.read_message import ReadMessage
    raw = (b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
           b"--b\r\nContent-Type: application/pdf; name=x.pdf\r\nContent-Disposition: attachment; filename*=utf-8''%C3%A9.pdf\r\n"
           b"\r\nxx\r\n--b\r\nContent-Disposition: attachment; filename=\"a\r\n\r\nyy\r\n--b--\r\n")
    ours = email.message_from_bytes(raw, ReadMessage, policy=email.policy.compat32)
    theirs = email.message_from_bytes(raw, policy=email.policy.compat32)
    for failobj in (None, "none", 0):
        assert [p.get_filename(failobj) for p in ours.walk()] == [p.get_filename(failobj) for p in theirs.walk()]
    plain, pdf = list(ours.walk())[1:3]
    assert plain.get_filename() is None and pdf.get_filename() == "é.pdf"
    plain.add_header("Content-Disposition", "attachment", filename="b.txt")
    pdf.replace_header("Content-Disposition", "inline")
    assert plain.get_filename() == "b.txt" and pdf.get_filename() == "x.pdf"
    pdf.set_param("name", "y.pdf")
    assert pdf.get_filename() == "y.pdf"
    del pdf["Content-Type"]
    assert pdf.get_filename("gone") == "gone"


# a token's shape (lower-case base32, 16 to 40 long, the whole run) as a pattern reads it: what
# `token_scan._scan` did before it searched a marked copy, kept here as the reference it must match
TOKEN_SHAPE = re.compile(rb"(?<![a-z2-7])[a-z2-7]{16,40}(?![a-z2-7])")


def pattern_scan(data: bytes) -> list[str]:
    """The token scan as the pattern reads it (what `_scan` did before it searched a marked copy)."""
    found: dict[str, None] = {}
    for m in TOKEN_SHAPE.finditer(data):
        if len(found) >= token_scan.MAX_FOUND:
            break
        found.setdefault(m.group(0).decode("ascii"), None)
    return list(found)


def test_the_marked_scan_finds_what_the_pattern_finds_in_the_corpus_and_the_crafted_kinds():
    datas = [p.read_bytes() for p in corpus()]
    datas += [raw for size in SIZES[:2] for raw in kinds(size, b"a@example.org", b"network@example.org", 1).values()]
    differ = [i for i, data in enumerate(datas) if list(token_scan._scan(data, {})) != pattern_scan(data)]
    assert differ == []


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([b"a", b"z", b"2", b"7", b"8", b"A", b"-", b"\xc3\xa9", b" ", b"abcdefghijklmnop",
                                 b"qrstuvwxyz234567", b"\n"]), max_size=120))
@example([b"abcdefghijklmnop"] * 2 + [b"qrstuvwx", b"a", b" "])
@example([b"abcdefghijklmnop", b"qrstuvwxyz234567", b"abcdefgh", b"a"])
def test_the_marked_scan_finds_what_the_pattern_finds_on_generated_runs(pieces):
    data = b"".join(pieces)
    assert list(token_scan._scan(data, {})) == pattern_scan(data)


def test_the_marked_scan_stops_at_max_found_as_the_pattern_does():
    data = b" ".join(b"abcdefghijklmnop" + bytes("%08d" % i, "ascii").translate(bytes.maketrans(b"0123456789", b"abcdefghij"))
                     for i in range(token_scan.MAX_FOUND + 50))
    assert list(token_scan._scan(data, {})) == pattern_scan(data)
    assert len(pattern_scan(data)) == token_scan.MAX_FOUND


def test_every_corpus_parts_file_name_is_the_packages():
    """A plain `attachment; filename="a.pdf"` is read without the package's parameter parsing:
    every part of every corpus message (and of the crafted kinds) gets the package's name."""
    from mailer.read_message import ReadMessage
    datas = [p.read_bytes() for p in corpus()]
    datas += [raw for raw in kinds(SIZES[0], b"a@example.org", b"network@example.org", 1).values()]
    named = 0
    for data in datas:
        ours = email.message_from_bytes(data, ReadMessage, policy=email.policy.compat32)
        theirs = email.message_from_bytes(data, policy=email.policy.compat32)
        for mine, package in zip(ours.walk(), theirs.walk()):
            try:
                expected = package.get_filename()
            except Exception as exc:  # noqa: BLE001 - then ours raises the same
                with pytest.raises(type(exc)):
                    mine.get_filename()
                continue
            assert mine.get_filename() == expected
            named += expected is not None
    assert named > 100


_DISPOSITION = st.lists(st.sampled_from(["attachment", "inline", "filename", "FileName", "x*", ";", " ", "\t", "=",
                                         "\"", "a.pdf", " b ", "\\", "<", ">", "<a>", "*", "*0", "'", "%41", "=?utf-8?q?x?=",
                                         "\r\n ", "é", "name"]), max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_DISPOSITION, st.sampled_from(["", "; filename=", ";filename = ", "; FILENAME=\"", "; filename*=", ";\r\n\tfilename=\"",
                        ";\n filename=", " \x0b; filename=\x1c"]),
       st.sampled_from(["", "\"", "\" ", "\";"]))
@example("attachment", "; filename=\"", "\"")
@example("filename", "; filename=\"", "\"")
@example("attachment", "; filename=\"", "\" ")
def test_generated_file_names_are_the_packages(head, middle, tail):
    from mailer.read_message import ReadMessage
    for value in (head, head + middle + "a.pdf" + tail, "attachment" + middle + head + tail):
        raw = f"Content-Disposition: {value}\nContent-Type: text/plain; name=z.txt\n\nbody\n".encode("utf-8", "surrogateescape")
        ours = email.message_from_bytes(raw, ReadMessage, policy=email.policy.compat32)
        theirs = email.message_from_bytes(raw, policy=email.policy.compat32)
        try:
            expected = theirs.get_filename()
        except Exception as exc:  # noqa: BLE001
            with pytest.raises(type(exc)):
                ours.get_filename()
            continue
        assert ours.get_filename() == expected, value
