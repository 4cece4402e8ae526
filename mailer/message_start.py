"""Where a message's headers start: past blank lines, a byte-order mark and stray lines that
gateways, archives and "save as" put above them. Parsing and authentication both read a message
from there, so that a message is verified as it is read (split from `mailer.parse`)."""
from __future__ import annotations

import re

HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")


def without_leading_lines(raw: bytes) -> bytes:
    """The message without blank lines, a UTF-8 byte-order mark or up to three stray lines (an
    mbox separator "From …" / ">From …", a broken fold) above its first header: some gateways,
    archives and "save as" add them, and the email package would read the whole message as a
    body without headers. A line is dropped only when a header line follows it."""
    raw = raw.lstrip(b"\r\n \t")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:].lstrip(b"\r\n \t")
    for _ in range(3):
        end = raw.find(b"\n", 0, 1000)
        if HEADER_LINE.match(raw) or end < 0:
            break
        rest = raw[end + 1:].lstrip(b"\r\n \t")
        if not HEADER_LINE.match(rest):
            break
        raw = rest
    return raw
