"""Extreme but legal messages are read in bounded time (an attacker cannot stall the daemon)."""
from __future__ import annotations

import time

from mailer.parse import parse_message
from mailer.reply import MAX_CHARS, extract_new_text


def test_a_message_to_ten_thousand_recipients_is_read_in_bounded_time():
    raw = (b"From: Jean <jean@example.org>\r\nTo: " + b", ".join(b"r%d@x.org" % i for i in range(10_000))
           + b", network+tok123@example.org\r\nCc: " + b", ".join(b"c%d@x.org" % i for i in range(2_000))
           + b"\r\nSubject: HELP\r\n\r\nHELP\r\n")
    start = time.perf_counter()
    mail = parse_message(raw, "network@example.org")
    elapsed = time.perf_counter() - start
    assert len(mail.to_addrs) == 10_001 and len(mail.cc_addrs) == 2_000
    assert mail.tokens == ["tok123"] and mail.from_addr == "jean@example.org"
    assert elapsed < 10.0, f"took {elapsed:.2f} s"  # a hang detector (quadratic parsing), not a speed target


def _read_within(text: str, limit: float = 20.0) -> str:
    """Read the reply's new text, failing if it takes longer than a hang detector allows."""
    start = time.perf_counter()
    result = extract_new_text(text)
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.2f} s"  # quadratic reading takes minutes here
    return result


def test_a_reply_of_blank_lines_is_read_in_bounded_time_and_keeps_the_words_after_them():
    # 200,000 blank lines (the whole reading limit): rescanning what was kept took ~15 minutes.
    text = "\n" * (MAX_CHARS - 10) + "YES"
    assert _read_within(text) == "YES"
    assert _read_within("\n" * (MAX_CHARS + 10) + "YES") == ""  # beyond the limit is not read


def test_blank_lines_between_attribution_and_quote_pairs_are_read_in_bounded_time():
    pair = "\n\nOn x@y wrote:\n>\n"  # the shortest pair: the most attributions per character
    text = "Hello,\n" + pair * ((MAX_CHARS - 20) // len(pair)) + "\nNO\n"
    # an interleaved reply: the greeting then only quotes, and the member's answer at the bottom
    assert _read_within(text) == "Hello,\n\n\nNO"  # blank runs kept to three
    top_posted = "NO\n" + pair * (MAX_CHARS // len(pair))
    assert _read_within(top_posted) == "NO"


def test_a_reply_of_one_long_line_is_read_whole():
    line = "word " * (MAX_CHARS // 5 - 2)
    assert _read_within(line + "\n> quoted") == line.strip()
