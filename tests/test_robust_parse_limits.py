"""Extreme but legal messages are read in bounded time (an attacker cannot stall the daemon)."""
from __future__ import annotations

import time

from mailer.parse import parse_message


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
