"""What of a message Convenor reads at most, so that reading any message costs time linear in its size.

The email package spends per header line, per MIME part and per level of nesting far more than
per byte of an ordinary body, and some of its paths grow faster than the input (an alternation
of thousands of boundaries, encoded words by the thousand). `bound_message` cuts the raw bytes
down before they are parsed, with plain byte searches that run once over the message:

- the top-level header block is read up to MAX_HEADER_BYTES (whole fields only; Postfix's own
  default limit is 100 KB, real headers are rarely above 20 KB);
- at most MAX_BOUNDARIES multipart boundaries are declared (nesting deeper than that is not
  read), and at most MAX_PARTS part delimiters are read.

Whatever is cut is named in the returned defects, so the message still gets its effect or
reaches the coordinators with the reason; the raw bytes kept in the store stay whole.
"""
from __future__ import annotations

import re

MAX_HEADER_BYTES = 64 * 1024
MAX_BOUNDARIES = 25  # was 50: the feed parser checks every line against each enclosing boundary, so a
# message nested that deep costs the square of its depth (deep nesting at 10 KB 22.5 M instructions at 50,
# 9.8 M at 25); mail clients nest a few levels, a forward of a forward of a digest perhaps ten
MAX_PARTS = 200

# searched in the lower-cased bytes (the same positions), case-sensitive: the case-blind pattern
# tried its "b" at every byte (~80 instructions a byte), this one skips to the next "boundary"
_BOUNDARY_PARAM = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))')
# the same in any case, for a message too large to copy lower-cased (a 40 MB draft would be held
# twice at once): bytes patterns fold ASCII letters only, as bytes.lower() does, so both find the same
_BOUNDARY_PARAM_ANY_CASE = re.compile(_BOUNDARY_PARAM.pattern, re.IGNORECASE)
_LOWER_COPY_LIMIT = 1024 * 1024  # bytes up to which a lower-cased copy (faster to search) is made
# a line opening with "--" (`^--([^\r\n]{1,210})\r?$`, multi-line), found from the line end before
# it (a literal the engine skips to, where `^` was tried at every byte), or at the very start
_DASH_LINE = re.compile(rb"\n--([^\r\n]{1,210})\r?$", re.MULTILINE)
_FIRST_DASH_LINE = re.compile(rb"--([^\r\n]{1,210})\r?$", re.MULTILINE)
_FIELD_START = re.compile(rb"\n(?=[^ \t\r\n])")


def header_end(raw: bytes) -> tuple[int, int]:
    """(index, length) of the blank line that ends the top-level headers; (-1, 0) when none."""
    crlf, lf = raw.find(b"\r\n\r\n"), raw.find(b"\n\n")
    if crlf >= 0 and (lf < 0 or crlf < lf):
        return crlf, 4
    return (lf, 2) if lf >= 0 else (-1, 0)


def bound_message(raw: bytes) -> tuple[bytes, list[str]]:
    """Return (the bytes to parse, what was left unread); a message within bounds comes back as is."""
    defects: list[str] = []
    raw = _bound_headers(raw, defects)
    raw = _bound_parts(raw, defects)
    return raw, defects


def _bound_headers(raw: bytes, defects: list[str]) -> bytes:
    end, sep = header_end(raw)
    head_len = end if end >= 0 else len(raw)
    if head_len <= MAX_HEADER_BYTES:
        return raw
    starts = [m.start() for m in _FIELD_START.finditer(raw, 0, MAX_HEADER_BYTES)]
    cut = starts[-1] + 1 if starts else 0
    body = raw[end + sep:] if end >= 0 else b""
    defects.append(f"headers longer than {MAX_HEADER_BYTES // 1024} KB: the rest of them not read")
    return raw[:cut] + b"\r\n" + body


def _bound_parts(raw: bytes, defects: list[str]) -> bytes:
    if len(raw) <= 64 * 1024 and b"boundary" not in raw.lower():
        return raw  # no boundary parameter at all (most replies): one quick look, not a pattern scan
    boundaries: set[bytes] = set()
    for start, value in boundary_parameters(raw):
        if len(boundaries) >= MAX_BOUNDARIES and value not in boundaries:
            line_start = raw.rfind(b"\n", 0, start) + 1
            raw = raw[:line_start]
            defects.append(f"more than {MAX_BOUNDARIES} nested multiparts: the rest not read")
            break
        boundaries.add(value)
    if not boundaries or sum(raw.count(b"--" + value) for value in boundaries) <= MAX_PARTS:
        # no more "--boundary" anywhere than parts are read: no delimiter line need be counted (each
        # is one of them, at a line start, and a boundary holds no line end, so none overlap)
        return raw
    seen = 0
    for start, line in _dash_lines(raw):
        name = line.rstrip(b" \t\r")
        if name not in boundaries and not (name.endswith(b"--") and name[:-2] in boundaries):
            continue
        seen += 1
        if seen > MAX_PARTS:
            defects.append(f"more than {MAX_PARTS} MIME parts: the rest not read")
            return raw[:start]
    return raw


def boundary_parameters(raw: bytes):
    """Yield (start, value) of each `boundary=value` (quoted or not, any case) in `raw`, in order,
    without copying a message over `_LOWER_COPY_LIMIT` bytes."""
    found = (_BOUNDARY_PARAM.finditer(raw.lower()) if len(raw) <= _LOWER_COPY_LIMIT
             else _BOUNDARY_PARAM_ANY_CASE.finditer(raw))
    for m in found:
        group = 1 if m.start(1) >= 0 else 2
        yield m.start(), raw[m.start(group):m.end(group)]


def _dash_lines(raw: bytes):
    """Yield (start, what follows the dashes) of each line of `raw` that opens with "--" and ends
    within 210 more characters (a CR before its line end not counted), in order."""
    first = _FIRST_DASH_LINE.match(raw)
    if first:
        yield 0, first.group(1)
    for m in _DASH_LINE.finditer(raw):
        yield m.start() + 1, m.group(1)
