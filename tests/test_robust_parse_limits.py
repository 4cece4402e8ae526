"""Extreme but legal messages are read in bounded time (an attacker cannot stall the daemon)."""
from __future__ import annotations

import time

from mailer.parse import parse_message
from mailer.read_limits import MAX_BOUNDARIES, MAX_PARTS
from mailer.reply import MAX_CHARS, MAX_LINES_READ, extract_new_text, read_reply


def test_a_message_to_ten_thousand_recipients_is_read_with_the_token_its_delivery_carries():
    raw = (b"Delivered-To: network+tok123@example.org\r\nFrom: Jean <jean@example.org>\r\nTo: "
           + b", ".join(b"r%d@x.org" % i for i in range(10_000)) + b", network+tok456@example.org\r\nCc: "
           + b", ".join(b"c%d@x.org" % i for i in range(2_000)) + b"\r\nSubject: HELP\r\n\r\nHELP\r\n")
    start = time.process_time()
    mail = parse_message(raw, "network@example.org")
    assert time.process_time() - start < 10.0  # a hang detector (quadratic parsing), not a speed target
    assert mail.tokens == ["tok123"] and mail.from_addr == "jean@example.org" and mail.new_text == "HELP"
    assert "headers longer than 64 KB: the rest of them not read" in mail.defects


def test_a_token_among_two_thousand_recipients_is_found_though_they_are_not_all_listed():
    raw = (b"From: Jean <jean@example.org>\r\nTo: " + b", ".join(b"r%d@x.org" % i for i in range(2_000))
           + b",\r\n \"Network\" <Network+tok456@Example.org>\r\nSubject: HELP\r\n\r\nHELP\r\n")
    mail = parse_message(raw, "network@example.org")
    assert mail.tokens == ["tok456"]
    assert 200 < len(mail.to_addrs) < 2_000 and mail.to_addrs[:2] == ["r0@x.org", "r1@x.org"]
    assert any(d.startswith("recipient list longer than") for d in mail.defects)


def test_thousands_of_references_and_encoded_words_are_read_in_bounded_time():
    refs = b" ".join(b"<abcdefghijklmnop%s.x@example.org>" % (b"%06d" % i).translate(
        bytes.maketrans(b"0123456789", b"abcdefghij")) for i in range(500))
    subject = b" ".join([b"=?utf-8?q?w=C3=A9?="] * 2_000)
    raw = (b"From: Jean <jean@example.org>\r\nTo: network@example.org\r\nReferences: " + refs
           + b"\r\nIn-Reply-To: <abcdefghijklmnopqrstuvwx.y@example.org>\r\nSubject: " + subject
           + b"\r\n\r\nHELP\r\n")
    start = time.process_time()
    mail = parse_message(raw, "network@example.org")
    assert time.process_time() - start < 20.0  # a hang detector
    assert mail.tokens[0] == "abcdefghijklmnopqrstuvwx" and len(mail.tokens) == 501
    assert mail.subject.startswith("wéwé") and len(mail.subject) <= 4_000


def _nested(depth: int) -> bytes:
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
                       for i in range(depth))
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
    return opening + b"Content-Type: text/plain\r\n\r\nYES\r\n" + closing


def test_deep_nesting_and_many_parts_are_read_up_to_their_limits():
    head = b"From: Jean <jean@example.org>\r\nTo: network@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
    shallow = parse_message(head + _nested(MAX_BOUNDARIES - 1), "network@example.org")
    assert shallow.new_text == "YES"
    deep = parse_message(head + _nested(5_000), "network@example.org")  # RecursionError before
    assert deep.new_text == "" and f"more than {MAX_BOUNDARIES} nested multiparts: the rest not read" in deep.defects
    part = b"--b\r\nContent-Type: text/plain\r\n\r\nYES\r\n"
    many = parse_message(head + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' + part * 20_000 + b"--b--\r\n",
                         "network@example.org")
    assert many.text.count("YES") == MAX_PARTS and f"more than {MAX_PARTS} MIME parts: the rest not read" in many.defects


def test_a_megabyte_of_blank_lines_in_one_part_is_read_from_the_raw_bytes():
    raw = (b"From: Jean <jean@example.org>\r\nTo: network@example.org\r\nSubject: x\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
           b"caf=C3=A9 YES\r\n" + b"\r\n" * 500_000)
    mail = parse_message(raw, "network@example.org")
    assert mail.new_text == "café YES" and len(mail.text) >= 500_000


def _read_within(text: str, limit: float = 20.0) -> str:
    """Read the reply's new text, failing if it takes longer than a hang detector allows."""
    start = time.process_time()
    result = extract_new_text(text)
    elapsed = time.process_time() - start
    assert elapsed < limit, f"took {elapsed:.2f} s"  # quadratic reading takes minutes here
    return result


def test_a_reply_of_blank_lines_is_read_in_bounded_time_and_keeps_the_words_after_them():
    # 200,000 blank lines (the whole reading limit): rescanning what was kept took ~15 minutes.
    text = "\n" * (MAX_CHARS - 10) + "YES"
    assert _read_within(text) == "YES"
    assert _read_within("\n" * (MAX_CHARS + 10) + "YES") == ""  # beyond the limit is not read


def test_blank_lines_between_attribution_and_quote_pairs_are_read_in_bounded_time():
    pair = "\n" * 100 + "On x@y wrote:\n>\n"  # each attribution once rescanned every blank line kept
    text = "Hello,\n" + pair * (MAX_LINES_READ - 10) + "\nNO\n"
    # an interleaved reply: the greeting then only quotes, and the member's answer at the bottom
    assert _read_within(text) == "Hello,\n\n\nNO"  # blank runs kept to three
    top_posted = "NO\n" + pair * (MAX_CHARS // len(pair))
    assert _read_within(top_posted) == "NO"


def test_lines_of_text_past_the_reading_limit_are_not_read_but_kept():
    assert _read_within("YES\n" + "a\n" * (MAX_LINES_READ - 2) + "b") == "YES\n" + "a\n" * (MAX_LINES_READ - 2) + "b"
    assert _read_within("YES\n" + "a\n" * MAX_LINES_READ + "b").endswith("a")
    assert read_reply("YES\n" + "a\n" * MAX_LINES_READ + "b\n> q").unread == "a\nb\n> q"


def test_a_reply_of_one_long_line_is_read_whole():
    line = "word " * (MAX_CHARS // 5 - 2)
    assert _read_within(line + "\n> quoted") == line.strip()


def test_rules_of_dashes_stars_and_tabs_are_read_in_bounded_time_and_keep_the_answer():
    # A line of 400 dashes cost ~3 ms (a dashed-attribution pattern and a dash-stripping pattern
    # tried at every position), so a reply of such lines up to the reading limit took seconds:
    # now each such line costs what a line of text does. The limit is a hang detector, 20x above
    # what this takes on a loaded machine.
    for rule in ("-" * 400, "=" * 200 + "*" * 200, "\t" * 399 + "x", "- " * 200, "—" * 400):
        text = "YES\n" + "\n".join([rule] * (MAX_LINES_READ - 5))
        assert _read_within(text, limit=3.0).startswith("YES")


def test_an_html_reply_past_the_tags_rendered_keeps_its_paragraphs_and_words():
    from mailer.html_text import MAX_TAGS
    paragraphs = "".join(f"<p class=MsoNormal><span>Point {n} &amp; more</span></p>\n" for n in range(MAX_TAGS))
    raw = (b"From: Jean <jean@example.org>\r\nTo: network@example.org\r\nSubject: Re: [Draft 1] terms\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>"
           + paragraphs.encode() + b"<div>Last point:<br>keep it.</div></body></html>\r\n")
    lines = parse_message(raw, "network@example.org").new_text.splitlines()
    said = [line for line in lines if line.strip()]
    assert said[0] == "Point 0 & more" and said[-3:] == [f"Point {MAX_TAGS - 1} & more", "Last point:", "keep it."]
    assert len(said) == MAX_TAGS + 2  # one line each: none glued to the next
