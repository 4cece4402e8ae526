"""The parts of a plain one-level multipart message, read without the email package's feed parser.

The feed parser reads a multipart message line by line, each line tried against the boundary
through a stack of matchers, each part through its own generator and header parser: ~23 of the
33 M instructions of reading a message of 200 small parts. `multipart_body` builds what it
builds for the common shape, a multipart (not a digest) whose parts are each a clean header
block (as `simple_parse` reads the top one), a blank line and a body that is neither multipart
nor message/*: the same `ReadMessage` parts in the same list, the same payloads, preamble and
epilogue, no defects. Anything else (no start boundary, two boundary lines in a row,
a part whose header block is not clean or has no blank line, a nested multipart or message,
a lone CR anywhere, a transfer encoding a multipart may not have) returns None and the email
package reads the whole message, as before (compared on the corpus and generated messages in
tests/test_worst_read_fast_paths.py).

What the feed parser does there (Python 3.11's `email.feedparser`), and so this:

- lines end at LF (CRLF kept with its line); a boundary line is `--boundary`, then `--` for the
  close one, spaces or tabs, the line end or the end of the input (`_boundary_lines`);
- the preamble is what precedes the first boundary line without its last line end (None when
  nothing does); each part, what lies between two boundary lines, its body without its last
  line end; the epilogue, everything after the close boundary's line; without a close
  boundary (a message `read_limits` cut), the last part runs to the end, there is no epilogue
  and the message has the defect CloseBoundaryNotFoundDefect.
"""
from __future__ import annotations

import re
from email import errors
from email.message import Message

def _boundary_lines(text: str, boundary: str, start: int) -> list[re.Match] | None:
    """The feed parser's boundary pattern (tried on every line) as one pattern over the body from
    `start`: at a line start, `--boundary`, `--` or not, spaces or tabs, then a line end or the
    end. Found as `--boundary…` anywhere (a literal the engine skips to; `^` first, it tried
    every character), those not at a line start left out: such a match ends at its line end, so
    it hides none that is. None for a boundary holding a line end (read by the package)."""
    if "\r" in boundary or "\n" in boundary:
        return None
    pattern = re.compile(r"--" + re.escape(boundary) + r"(--)?[ \t]*(?:\r?\n|\Z)")
    return [m for m in pattern.finditer(text, start) if m.start() == 0 or text[m.start() - 1] == "\n"]


def multipart_body(msg: Message, text: str, body_start: int, parse_headers, new_part) -> Message | None:
    """`msg` (the multipart's top headers read) given its parts, preamble and epilogue from
    `text[body_start:]` exactly as the feed parser gives them, or None when the body is not of
    the plain shape the module doc describes. `parse_headers(text, pos, end)` reads a clean
    header block ((headers, body start) or None); `new_part(headers)` makes a part of them."""
    if msg.get_content_type() == "multipart/digest" or text.count("\r", body_start) != text.count("\r\n", body_start):
        return None  # a digest's parts default to message/rfc822; a lone CR ends a line there
    encoding = msg.get("content-transfer-encoding", "8bit")
    if type(encoding) is not str or encoding.lower() not in ("7bit", "8bit", "binary"):  # noqa: E721
        return None  # a defect the package reports
    boundary = msg.get_boundary()
    if boundary is None:
        return None
    lines = _boundary_lines(text, boundary, body_start)
    if not lines or lines[0].group(1) is not None:
        return None  # no start boundary: a defect the package reports
    close = next((n for n, line in enumerate(lines) if line.group(1) is not None), None)
    openings = lines if close is None else lines[:close]
    ends = [line.start() for line in lines[1:len(openings)]] + [len(text) if close is None else lines[close].start()]
    parts = []
    block, fields = None, []  # the last header block read (its text) and its fields
    for opening, end in zip(openings, ends):
        start = opening.end()
        if end == start:
            return None  # two boundary lines in a row: the package skips them its own way
        if block is not None and text.startswith(block, start, end):
            headers, body = list(fields), start + len(block)  # the previous part's block again
        else:
            read = parse_headers(text, start, end)
            if read is None:
                return None
            headers, body = read
            block, fields = text[start:body], headers[:]
        part = new_part(headers)
        if part.get_content_type().startswith(("multipart/", "message/")):  # its main type, one call sooner
            return None
        part._payload = text[body:_without_eol(text, body, end)]  # noqa: SLF001 - what set_payload sets for a str
        parts.append(part)
    if lines[0].start() > body_start:
        msg.preamble = text[body_start:_without_eol(text, body_start, lines[0].start())]
    msg._payload = parts  # noqa: SLF001 - what attaching each part in turn gives (the top has no payload yet)
    if close is None:  # the input ends inside the last part (as `read_limits` cuts a message of many parts)
        msg.defects.append(errors.CloseBoundaryNotFoundDefect())
    else:
        msg.epilogue = text[lines[close].end():]
    return msg


def _without_eol(text: str, start: int, end: int) -> int:
    """Where text[start:end] ends without one final line end (what belongs to the boundary line
    after it): CRLF or LF."""
    if end > start and text[end - 1] == "\n":
        return end - 2 if end - 1 > start and text[end - 2] == "\r" else end - 1
    return end
