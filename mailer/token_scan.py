"""Strings shaped like Convenor's tokens, wherever a reader of a message could see them."""
from __future__ import annotations

import email
import email.policy
import re

# a token (see store.tokens: lower-case base32) as it stands in a sub-address or a Message-ID
TOKEN_SHAPE = re.compile(rb"(?<![a-z2-7])[a-z2-7]{16,40}(?![a-z2-7])")
MAX_FOUND = 5000  # a message can hold no more tokens than Convenor sent it: more is noise


def token_shaped(raw: bytes) -> list[str]:
    """Every lower-case base32 run of 16 to 40 characters (a token's shape) in `raw` as it stands,
    then in each of its parts decoded (base64, quoted-printable: a soft line break hides none),
    nested messages included; each once, in that order, at most MAX_FOUND. Never raises."""
    found: dict[str, None] = {}

    def scan(data: bytes) -> None:
        for m in TOKEN_SHAPE.finditer(data):
            if len(found) >= MAX_FOUND:
                return
            found.setdefault(m.group(0).decode("ascii"), None)

    scan(raw or b"")
    try:
        for part in email.message_from_bytes(raw or b"", policy=email.policy.compat32).walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                scan(payload)
    except Exception:  # noqa: BLE001 - an unreadable structure: what stands in the bytes was read
        pass
    return list(found)
