"""Tokens in copies of Convenor's messages that a message carries as attachments.

A member who forwards our ballot "as attachment" (a message/rfc822 part, or a saved `.eml`
file) sends its token along, in the copy's Reply-To and Message-ID. Such a token is only read
here, never taken as the message's own: the copy shows that its sender held the message, not
that they answered it (anyone it was forwarded to holds it too). Workflows use it to tell the
member what they sent and how to answer instead (see DESIGN.md, Identity and Trust).
"""
from __future__ import annotations

import email
import email.policy
from email.message import Message

from mailer import addresses
from mailer.header_text import may_name_a_file, raw_header_values

MAX_COPIES = 20          # attached messages looked at; more is noise
MAX_HEADER_BYTES = 65536  # of a saved .eml: its headers only


def attached_tokens(msg: Message, list_address: str) -> list[str]:
    """The tokens (each once, in order) that copies of Convenor's messages attached to `msg`
    carry in their Reply-To / To sub-addresses and Message-ID. Never raises."""
    _, domain = addresses.split_list_address(list_address)
    found: dict[str, None] = {}
    for copy in _copies(msg):
        values = raw_header_values(copy, "Reply-To") + raw_header_values(copy, "To")
        for addr in addresses.sub_addresses(values, list_address):
            token = addresses.token_from_address(addr, list_address)
            if token and not token.startswith(addresses.BOUNCE_PREFIX):
                found.setdefault(token, None)
        for mid in raw_header_values(copy, "Message-ID")[:1]:
            token = addresses.token_from_message_id(mid, domain)
            if token:
                found.setdefault(token, None)
    return list(found)


def _copies(msg: Message) -> list[Message]:
    """The attached messages: message/rfc822 parts (their headers as parsed) and `.eml` files
    (their headers read from the decoded bytes), at most MAX_COPIES."""
    copies: list[Message] = []
    try:
        for part in msg.walk():
            if len(copies) >= MAX_COPIES:
                break
            if part.get_content_type() == "message/rfc822" and part.is_multipart():
                copies.extend(p for p in part.get_payload()[:1] if isinstance(p, Message))
            elif (may_name_a_file(part) and (part.get_filename() or "").lower().endswith(".eml")
                  and not part.is_multipart()):
                data = part.get_payload(decode=True)
                if isinstance(data, bytes):
                    head = data[:MAX_HEADER_BYTES].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
                    copies.append(email.message_from_bytes(head + b"\n\n", policy=email.policy.compat32))
    except Exception:  # noqa: BLE001 - an unreadable structure holds no copy we can name
        pass
    return copies[:MAX_COPIES]
