"""The failed addresses the bounce detectors hand back are read through `addresses.normalise`
alone: 8-bit UTF-8 becomes letters, bytes that are no UTF-8 give no address, and nothing raises."""
from __future__ import annotations

from mailer.bounce_addresses import detector_addresses as _addresses


def test_utf8_addresses_are_read_and_undecodable_ones_dropped_without_raising():
    found = _addresses([b"j\xc3\xb6hn@x.org", "j\udcc3\udcb6hn@x.org", "A@B.c", b"bad\xff@x.org", "bad\ud800@x.org"])
    assert found == ("a@b.c", "jöhn@x.org")
