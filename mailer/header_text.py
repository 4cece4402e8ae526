"""Header values as text: unfolded, RFC 2047 words decoded, undecodable bytes replaced.

Convenor parses messages with the email package's compat32 policy (ten times cheaper than its
structured headers) and decodes only the few headers it reads as text with this function.
"""
from __future__ import annotations

import re
from email.header import decode_header, make_header

_FOLD = re.compile(r"\r?\n(?=[ \t])")
MAX_HEADER_TEXT = 4_000  # characters of one value read as text (decoding encoded words costs more than linear)


def header_text(value: object) -> str:
    """The header's text as a person would read it, its first MAX_HEADER_TEXT characters; never raises."""
    if value is None:
        return ""
    text = str(value)[:MAX_HEADER_TEXT]
    if "\n" in text:  # folded (most values are not)
        text = _FOLD.sub("", text)
    if "=?" in text:
        try:
            text = str(make_header(decode_header(text)))
        except Exception:  # noqa: BLE001 - a broken encoded word is shown as written
            pass
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _headers_read(msg) -> tuple[dict[str, list], dict[str, list[str]]]:
    """(the raw header values by lower-case name, the values already read as text by name), kept
    on the message with a copy of the header list they were read from: a message changed since
    (a header set, deleted, replaced, a boundary or parameter rewritten) is read again, whatever
    its class (the package's methods all change that list; comparing it costs a pointer a header)."""
    headers = getattr(msg, "_headers", None)
    cached = getattr(msg, "_convenor_headers_read", None)
    if cached is not None and cached[0] == headers:
        return cached[1], cached[2]
    index: dict[str, list] = {}
    try:
        for key, value in msg.raw_items():
            index.setdefault(key.lower(), []).append(value)
    except Exception:  # noqa: BLE001 - an unreadable header is no evidence either way
        pass
    try:
        msg._convenor_headers_read = (list(headers) if headers is not None else None, index, {})
    except AttributeError:
        return index, {}
    return index, msg._convenor_headers_read[2]


def header_index(msg) -> dict[str, list]:
    """The message's raw header values by lower-case name, built once per state of its headers
    (read it, do not change it)."""
    return _headers_read(msg)[0]


def may_name_a_file(part) -> bool:
    """False when the package's `get_filename()` is sure to find no name: no Content-Disposition
    and no "name" in the Content-Type (a parameter it could read as one names it, even "NAME*0")."""
    index = header_index(part)
    return "content-disposition" in index or "name" in str(index.get("content-type", [""])[0]).lower()


def content_disposition(part) -> str | None:
    """The package's `get_content_disposition()` (the first Content-Disposition's value before any
    parameter, lower-case), without its header look-up when the part has none."""
    return part.get_content_disposition() if "content-disposition" in header_index(part) else None


def raw_header_values(msg, name: str) -> list[str]:
    """Every value of header `name` exactly as written (address headers are read this way)."""
    values = header_index(msg).get(name.lower())
    return [str(value) for value in values] if values else []  # most headers asked for are absent


def header_values(msg, name: str) -> list[str]:
    """Every value of header `name` as text, read from the raw header (compat32 would turn a
    value with 8-bit bytes into an opaque Header object); never raises. Read once per message
    and name (the subject is asked by the parse, the bounce and the automatic-reply readers:
    decoding 4,000 characters of encoded words costs ~0.5 ms each time), until its headers change."""
    key = name.lower()
    index, texts = _headers_read(msg)
    if key not in texts:
        texts[key] = [header_text(value) for value in index.get(key, ())]
    return list(texts[key])


def first_header(msg, name: str) -> str:
    """The first value of header `name` as text, or ""."""
    values = header_values(msg, name)
    return values[0] if values else ""
