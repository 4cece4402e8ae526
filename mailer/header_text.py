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


def _read_headers(msg) -> tuple:
    """Read `msg`'s headers and keep on it (index, texts, headers, length, copy): the raw values by
    lower-case name; the values already read as text by name (`header_values` fills it); then what
    tells whether they are still its headers (see `_unchanged`)."""
    index: dict[str, list] = {}
    try:
        for key, value in msg.raw_items():
            index.setdefault(key.lower(), []).append(value)
    except Exception:  # noqa: BLE001 - an unreadable header is no evidence either way
        pass
    headers = getattr(msg, "_headers", None)
    if getattr(msg, "forgets_headers_read", False):  # it calls forget_headers_read at each change
        read = (index, {}, None, 0, None)
    else:
        read = (index, {}, headers, len(headers or ()), list(headers or ()))
    try:
        msg._convenor_headers_read = read
    except AttributeError:
        pass
    return read


def _unchanged(msg, read: tuple) -> bool:
    """True while the headers of a message that does not say when they change are still those
    `read` was made of: the same list (a header deleted, a boundary rewritten builds a new one), as
    long (a header set is appended), holding the same values (one replaced in place: a pointer
    compared a header)."""
    headers = getattr(msg, "_headers", None)
    return headers is read[2] and len(headers or ()) == read[3] and headers == read[4]


def forget_headers_read(msg) -> None:
    """Drop what was kept of `msg`'s headers (`header_index`, `header_values`): a header of it
    changes. ReadMessage (every message Convenor parses is one) calls it at each change, so its
    reads need no check."""
    msg.__dict__.pop("_convenor_headers_read", None)


def _current_read(msg) -> tuple:
    """What is kept of `msg`'s headers (see `_read_headers`), read anew when there is none yet or
    its headers changed since: the one place that judges whether a kept read is stale."""
    read = getattr(msg, "_convenor_headers_read", None)
    if read is None or (read[2] is not None and not _unchanged(msg, read)):
        read = _read_headers(msg)
    return read


def header_index(msg) -> dict[str, list]:
    """The message's raw header values by lower-case name, built once per state of its headers
    (read it, do not change it)."""
    return _current_read(msg)[0]


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
    read = _current_read(msg)
    texts = read[1]
    if key not in texts:
        texts[key] = [header_text(value) for value in read[0].get(key, ())]
    return list(texts[key])


def first_header(msg, name: str) -> str:
    """The first value of header `name` as text, or ""."""
    values = header_values(msg, name)
    return values[0] if values else ""
