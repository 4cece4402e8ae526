"""A message of one part, read without the email package's feed parser.

Most of what reaches the list is a member's plain reply: headers, a blank line, one text part.
For those, `simple_message` builds the same compat32 message the feed parser would (a
`ReadMessage`, as mailer.parse asks the feed parser for; the same header list, values as written with their folds, the same payload) in a fraction of the time;
a plain multipart of such parts is read by `simple_multipart`; anything else (nested multipart or message/* content, a header block the feed parser would flag as
defective, an mbox "From " line, a lone CR) returns None and goes to the email package. The
property tests in tests/test_fast_paths.py and tests/test_worst_read_fast_paths.py hold it to giving the same `InboundMail` as the
full parse on every corpus message and on generated ones.

Written by hand because no library splits a message this way and returns the standard
library's own `Message` (which every reader of headers and bodies in mailer/ takes).
"""
from __future__ import annotations

import email.policy
import re
from email.message import Message

from mailer.read_message import ReadMessage
from mailer.simple_multipart import multipart_body

_COMPAT32 = email.policy.compat32
# one header field as the feed parser accepts it without a defect: a name, a colon, a value,
# folded lines beginning with a space or tab; each line ends with CRLF or LF
_FIELD = re.compile(r"([\x21-\x39\x3b-\x7e]+):([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)\r?\n")
# a clean header block: such fields, then a blank line (one match, where a loop matched each
# field and tried the blank line before each: ~13,000 instructions a part of one field, ~6,000)
_BLOCK = re.compile(r"(?:[\x21-\x39\x3b-\x7e]+:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n)*\r?\n")


def simple_message(raw: bytes) -> Message | None:
    """The compat32 `ReadMessage` of `raw` when it is a single-part message with a clean header
    block, or a plain one-level multipart (`simple_multipart`): exactly what
    `email.message_from_bytes(raw, policy=compat32)` returns; else None."""
    text = raw.decode("ascii", "surrogateescape")
    read = _header_block(text, 0, len(text))
    if read is None or not read[0]:
        return None
    msg = _message(read[0])
    maintype = msg.get_content_maintype()
    if maintype == "multipart":
        return multipart_body(msg, text, read[1], _header_block, _message)
    if maintype == "message":
        return None
    msg.set_payload(text[read[1]:])
    return msg


def _header_block(text: str, pos: int, end: int) -> tuple[list[tuple[str, str]], int] | None:
    """(the fields of the clean header block at text[pos:end], where its body starts) or None."""
    block = _BLOCK.match(text, pos, end)
    if block is None:
        return None  # a field the feed parser would flag, or no blank line (its reading of a headers-only message differs)
    fields = _FIELD.findall(text, pos, block.end())
    return [(name, value.lstrip(" \t").rstrip("\r\n")) for name, value in fields], block.end()


def _message(headers: list[tuple[str, str]]) -> Message:
    msg = ReadMessage(policy=_COMPAT32)
    msg._headers = headers
    return msg
