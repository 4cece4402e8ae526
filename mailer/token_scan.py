"""Strings shaped like Convenor's tokens, wherever a reader of a message could see them."""
from __future__ import annotations

import email
import email.policy
from typing import Callable

MAX_FOUND = 5000  # a message can hold no more tokens than Convenor sent it: more is noise
# what a Content-Transfer-Encoding the email package decodes must name (compat32 `get_payload`:
# quoted-printable, base64, uuencode, x-uuencode, uue, x-uue), lower-cased
_DECODED_ENCODINGS = (b"quoted-printable", b"base64", b"uue")


def token_shaped(raw: bytes) -> list[str]:
    """Every lower-case base32 run of 16 to 40 characters (a token's shape) in `raw` as it stands,
    then in each of its parts decoded (base64, quoted-printable: a soft line break hides none),
    nested messages included; each once, in that order, at most MAX_FOUND. Never raises.

    A message that names no encoding the email package decodes is not parsed: each part's
    payload is then its bytes as they stand in `raw`, cut at line ends, so it holds no run the
    scan of `raw` did not find (tests/test_worst_read_fast_paths.py compares both readings)."""
    found = _scan(raw or b"", {})
    low = (raw or b"").lower()
    if any(name in low for name in _DECODED_ENCODINGS):
        _scan_parts(raw or b"", found)
    return list(found)


# each byte of the token alphabet as b"t", every other byte as b".": a run of the alphabet is then
# found by `bytes.find` (C speed) instead of a pattern tried at every byte (37 ms a MB of text)
_ALPHABET = b"abcdefghijklmnopqrstuvwxyz234567"
_MARKS = bytes(0x74 if byte in _ALPHABET else 0x2E for byte in range(256))
_SHORTEST = b"t" * 16


def _scan(data: bytes, found: dict[str, None]) -> dict[str, None]:
    """`found` with every token-shaped run in `data` (a token, see store.tokens, is lower-case
    base32 as it stands in a sub-address or a Message-ID), in order, until MAX_FOUND: the maximal
    runs of the token alphabet 16 to 40 long, found on the marked copy
    (tests/test_worst_read_fast_paths.py compares it with a pattern's reading)."""
    marked = data.translate(_MARKS)
    start = marked.find(_SHORTEST)
    while start != -1 and len(found) < MAX_FOUND:
        end = marked.find(b".", start + 16)
        if end == -1:
            end = len(marked)
        if end - start <= 40:
            found.setdefault(data[start:end].decode("ascii"), None)
        start = marked.find(_SHORTEST, end)
    return found


def _scan_parts(raw: bytes, found: dict[str, None]) -> dict[str, None]:
    """`found` with the runs of every part of `raw` decoded, in order (what the email package reads)."""
    try:
        for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                _scan(payload, found)
    except Exception:  # noqa: BLE001 - an unreadable structure: what stands in the bytes was read
        pass
    return found


def scanner() -> Callable[[bytes], list[str]]:
    """`token_shaped` that scans a given bytes object once: handling one message may show it to
    the coordinators more than once (a forward marks its tokens, then attaches it; a preview
    runs the handler on a scratch context), and the answer depends on the bytes alone."""
    last: list = [None, None]

    def scan(raw: bytes) -> list[str]:
        if last[0] is not raw:
            last[0], last[1] = raw, token_shaped(raw)
        return list(last[1])

    return scan
