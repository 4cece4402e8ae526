"""A message of one part, read without the email package's feed parser.

Most of what reaches the list is a member's plain reply: headers, a blank line, one text part.
For those, `simple_message` builds the same compat32 message the feed parser would (a
`ReadMessage`, as mailer.parse asks the feed parser for; the same header list, values as written with their folds, the same payload) in a fraction of the time;
anything else (multipart or message/* content, a header block the feed parser would flag as
defective, an mbox "From " line, a lone CR) returns None and goes to the email package. The
property test in tests/test_simple_parse.py holds it to giving the same `InboundMail` as the
full parse on every corpus message and on generated ones.

Written by hand because no library splits a message this way and returns the standard
library's own `Message` (which every reader of headers and bodies in mailer/ takes).
"""
from __future__ import annotations

import email.policy
import re
from email.message import Message

from mailer.read_message import ReadMessage

_COMPAT32 = email.policy.compat32
# one header field as the feed parser accepts it without a defect: a name, a colon, a value,
# folded lines beginning with a space or tab; each line ends with CRLF or LF
_FIELD = re.compile(r"([\x21-\x39\x3b-\x7e]+):([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)\r?\n")
_BLANK = re.compile(r"\r?\n")


def simple_message(raw: bytes) -> Message | None:
    """The compat32 `ReadMessage` of `raw` when it is a single-part message with a clean header
    block (exactly what `email.message_from_bytes(raw, policy=compat32)` returns), else None."""
    text = raw.decode("ascii", "surrogateescape")
    headers: list[tuple[str, str]] = []
    pos, end = 0, len(text)
    match = _FIELD.match
    while True:
        blank = _BLANK.match(text, pos)
        if blank:
            body_start = blank.end()
            break
        field = match(text, pos)
        if field is None:
            return None
        name, value = field.group(1), field.group(2)
        headers.append((name, value.lstrip(" \t").rstrip("\r\n")))
        pos = field.end()
        if pos >= end:
            return None  # no blank line: the feed parser's reading of a headers-only message differs
    if not headers:
        return None
    msg = ReadMessage(policy=_COMPAT32)
    msg._headers = headers
    if msg.get_content_maintype() in ("multipart", "message"):
        return None
    msg.set_payload(text[body_start:])
    return msg
