"""Parsing big messages without the email package holding every line of every attachment.

The standard parser keeps a large attachment as ~180,000 line strings while it works: a 14 MB
draft costs ~110 MB, and a megabyte of blank lines half a million lines. Before parsing,
`set_aside_large_bodies` replaces the body of each large leaf part of a multipart message (or
the body of a message of one part) by a short placeholder; the skeleton is parsed as usual and
`LargeBodies.decode` decodes each set-aside body straight from the raw bytes when asked.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import quopri
import re
from dataclasses import dataclass, field
from typing import Iterator

from mailer.read_limits import boundary_parameters, header_end

LARGE_BODY = 64 * 1024  # bytes: smaller bodies are left to the email package
PLACEHOLDER = "CONVENOR-LARGE-BODY-"
_MULTIPART = re.compile(rb"content-type:\s*multipart/", re.IGNORECASE)


@dataclass
class LargeBodies:
    """The set-aside bodies: placeholder number → (start, end) in the raw bytes."""

    raw: bytes
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    def lookup(self, payload: object) -> int | None:
        """The number of the set-aside body a parsed part's payload stands for, else None."""
        if isinstance(payload, str) and payload.startswith(PLACEHOLDER):
            digits = payload[len(PLACEHOLDER):].strip()
            if digits.isdigit() and int(digits) in self.spans:
                return int(digits)
        return None

    def file(self, number: int, transfer_encoding: str) -> SetAsideFile | bytes:
        """An attachment's content: a base64 body as a `SetAsideFile` (decoded when read, block by
        block), anything else decoded now (see `decode`)."""
        if (transfer_encoding or "").strip().lower() == "base64":
            found = SetAsideFile.of(self.raw, *self.spans[number])
            if found is not None:
                return found
        return self.decode(number, transfer_encoding)

    def decode(self, number: int, transfer_encoding: str) -> bytes:
        """The body's bytes after its Content-Transfer-Encoding (base64, quoted-printable, else as is)."""
        start, end = self.spans[number]
        cte = (transfer_encoding or "").strip().lower()
        if cte == "base64":
            try:  # decoded from a view of the raw bytes: no copy of the encoded body first
                return binascii.a2b_base64(memoryview(self.raw)[start:end])
            except (binascii.Error, ValueError):
                body = self.raw[start:end]
                return base64.b64decode(re.sub(rb"[^A-Za-z0-9+/]", b"", body) + b"===", validate=False)
        body = self.raw[start:end]
        if cte == "quoted-printable":
            return quopri.decodestring(body)
        return body


_BASE64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_TEXT_BLOCK = 1024 * 1024  # bytes of base64 text decoded at a time (a multiple of nothing: a carry keeps quanta whole)


class _NotPlainBase64(Exception):
    """The body holds more than base64 lines: it is decoded whole, as the email package would."""


class SetAsideFile:
    """A large base64 attachment that stays in the raw message: decoded block by block when it
    is read (`chunks()`), never held whole. Its length and SHA-256 are learnt in one decoding
    pass when it is made; it compares equal to the bytes it stands for.

    Taking in a 30 MB draft thus holds the IMAP literal (40 MB of base64) and a block, not the
    literal plus the 30 MB file: the store writes the blocks straight into its blob.
    """

    def __init__(self, raw: bytes, start: int, end: int, size: int, sha256: str):
        self.raw, self.start, self.end, self.size, self.sha256 = raw, start, end, size, sha256

    @classmethod
    def of(cls, raw: bytes, start: int, end: int) -> SetAsideFile | None:
        """The file of the base64 body raw[start:end], or None when it is not plain base64
        lines (then `LargeBodies.decode` reads it whole, the way it reads any body)."""
        digest, size = hashlib.sha256(), 0
        try:
            for block in _base64_blocks(raw, start, end, check=True):
                digest.update(block)
                size += len(block)
        except _NotPlainBase64:
            return None
        return cls(raw, start, end, size, digest.hexdigest())

    def chunks(self) -> Iterator[bytes]:
        """The decoded bytes, about 750 kB at a time, in order."""
        return _base64_blocks(self.raw, self.start, self.end)

    def __len__(self) -> int:
        return self.size

    def __bytes__(self) -> bytes:
        return b"".join(self.chunks())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SetAsideFile):
            return self.size == other.size and self.sha256 == other.sha256
        if isinstance(other, (bytes, bytearray, memoryview)):
            return len(other) == self.size and bytes(self) == bytes(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.sha256)

    def __repr__(self) -> str:
        return f"SetAsideFile({self.size} bytes, sha256={self.sha256[:12]}…)"


def _base64_blocks(raw: bytes, start: int, end: int, check: bool = False) -> Iterator[bytes]:
    """raw[start:end] (base64 lines) decoded block by block: each block's line ends dropped, the
    characters of an unfinished quantum carried to the next, so the blocks joined are what
    `binascii.a2b_base64` makes of the whole. `check`: raise _NotPlainBase64 unless the text is
    only alphabet characters and line ends, with "=" padding at its very end alone."""
    carry, padded = b"", False
    for pos in range(start, end, _TEXT_BLOCK):
        text = raw[pos:min(end, pos + _TEXT_BLOCK)].translate(None, b"\r\n")
        if check and text:
            if padded or text.translate(None, _BASE64_ALPHABET).strip(b"=") or b"=" in text.rstrip(b"="):
                raise _NotPlainBase64()
            padded = text.endswith(b"=")
        text = carry + text
        whole = len(text) // 4 * 4
        if whole:
            yield binascii.a2b_base64(text[:whole])
        carry = text[whole:]
    if carry:
        try:
            yield binascii.a2b_base64(carry)
        except (binascii.Error, ValueError):  # an unfinished last quantum: as LargeBodies.decode reads it
            yield base64.b64decode(carry.rstrip(b"=") + b"===", validate=False)


def set_aside_large_bodies(raw: bytes) -> tuple[bytes, LargeBodies]:
    """Return (skeleton to parse, the set-aside bodies). Small messages come back as is; so do
    the headers of every part, which the email package reads."""
    bodies = LargeBodies(raw)
    if len(raw) < LARGE_BODY:
        return raw, bodies
    head_end, sep_len = header_end(raw)
    if head_end >= 0 and not _MULTIPART.search(raw[:head_end]):
        return _set_aside_single_body(raw, head_end + sep_len, bodies)
    boundaries = {value for _start, value in boundary_parameters(raw)}
    if not boundaries:
        return raw, bodies
    delimiter = re.compile(rb"^--(?:" + b"|".join(re.escape(b) for b in sorted(boundaries, key=len, reverse=True))
                           + rb")(?:--)?[ \t]*\r?$", re.MULTILINE)
    lines = [(m.start(), m.end()) for m in delimiter.finditer(raw)]
    pieces: list[bytes] = []
    kept_from = 0
    for (_, line_end), (next_start, _) in zip(lines, lines[1:]):
        segment_start = line_end + (2 if raw[line_end:line_end + 2] == b"\r\n" else 1)
        segment_end = next_start - (2 if raw[next_start - 2:next_start] == b"\r\n" else 1)
        if segment_end - segment_start < LARGE_BODY:
            continue
        head_end, sep_len = _header_end(raw, segment_start, segment_end)
        if head_end < 0 or _MULTIPART.search(raw[segment_start:head_end]):
            continue
        body_start = head_end + sep_len
        if segment_end - body_start < LARGE_BODY:
            continue
        number = len(bodies.spans)
        bodies.spans[number] = (body_start, segment_end)
        pieces.append(raw[kept_from:body_start])
        pieces.append(f"{PLACEHOLDER}{number}".encode("ascii"))
        kept_from = segment_end
    if not bodies.spans:
        return raw, bodies
    pieces.append(raw[kept_from:])
    return b"".join(pieces), bodies


def _set_aside_single_body(raw: bytes, body_start: int, bodies: LargeBodies) -> tuple[bytes, LargeBodies]:
    """A message of one part: its whole body set aside when large (the email package would
    otherwise split it into lines, half a million for a megabyte of blank lines)."""
    if len(raw) - body_start < LARGE_BODY:
        return raw, bodies
    bodies.spans[0] = (body_start, len(raw))
    return raw[:body_start] + f"{PLACEHOLDER}0".encode("ascii"), bodies


def _header_end(raw: bytes, start: int, end: int) -> tuple[int, int]:
    """Where a part's headers end (index, separator length), looking only near its start."""
    window_end = min(end, start + 64 * 1024)
    crlf = raw.find(b"\r\n\r\n", start, window_end)
    lf = raw.find(b"\n\n", start, window_end)
    if start <= crlf and (lf < 0 or crlf <= lf):
        return crlf, 4
    if lf >= 0:
        return lf, 2
    if raw.startswith(b"\r\n", start):  # a part with no headers at all
        return start, 2
    return -1, 0
