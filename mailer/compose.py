"""Composing one outgoing message into bytes ready for SMTP or a Maildir.

Every message Convenor sends has one recipient in `To`, `From` the list address, a Message-ID
on the list's domain (carrying the reply token when an answer is expected), `Reply-To` the
token's sub-address, `Auto-Submitted: auto-generated` and `List-Id`.
"""
from __future__ import annotations

import base64
import email.policy
import secrets
from collections import OrderedDict
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from datetime import datetime, timezone
from typing import Callable

from mailer import addresses

# SMTP line ends; headers folded only past RFC 5322's hard limit, so a long List-Unsubscribe
# or Subject is not split right after its name (which some clients then misread).
POLICY = email.policy.SMTP.clone(max_line_length=998)


def new_message_id(domain: str, token: str | None = None) -> str:
    """A fresh Message-ID on `domain`; it starts with `token` so a reply's In-Reply-To carries it."""
    tail = secrets.token_hex(8)
    head = token or secrets.token_hex(8)
    return f"<{head}.{tail}@{domain}>"


def compose(
    *,
    list_address: str,
    network_name: str,
    recipient: str,
    recipient_name: str = "",
    subject: str,
    body_text: str,
    body_html: str | None = None,
    message_id: str,
    reply_token: str | None = None,
    attachments: list[dict] | None = None,
    load_blob: Callable[[str], bytes] | None = None,
    headers: dict[str, str] | None = None,
    in_reply_to: str | None = None,
    date: datetime | None = None,
) -> bytes:
    """Return the whole message as CRLF bytes (policy SMTP), for exactly one recipient.

    `attachments` are references `{sha256, filename, content_type}` whose bytes `load_blob`
    returns; a `text/calendar` attachment with a `method` becomes an iTIP part.
    """
    local, domain = addresses.split_list_address(list_address)
    msg = EmailMessage(policy=POLICY)
    msg["From"] = formataddr((network_name, list_address))
    msg["To"] = formataddr((recipient_name, recipient)) if recipient_name else recipient
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime.now(timezone.utc))
    msg["Message-ID"] = message_id
    if reply_token:
        msg["Reply-To"] = formataddr((network_name, addresses.token_address(list_address, reply_token)))
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg["Auto-Submitted"] = "auto-generated"
    msg["List-Id"] = f"{network_name} <{local}.{domain}>"
    msg["X-Auto-Response-Suppress"] = "OOF, AutoReply"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body_text)
    if body_html:
        msg.add_alternative(body_html, subtype="html")
    spliced: list[tuple[bytes, str]] = []
    for ref in attachments or []:
        if load_blob is None:
            raise ValueError("attachments given without a way to load them")
        if ref.get("content_type") == "message/rfc822":
            _attach_message(msg, load_blob(ref["sha256"]), ref.get("filename"))
            continue
        maintype, _, subtype = ref.get("content_type", "application/octet-stream").partition("/")
        params = {}
        if ref.get("method"):
            params["method"] = ref["method"]
        msg.add_attachment(b"", maintype=maintype, subtype=subtype or "octet-stream",
                           filename=ref.get("filename", "attachment"), params=params)
        placeholder = f"CONVENOR-ATTACHMENT-{ref['sha256']}-{secrets.token_hex(8)}"
        msg.get_payload()[-1].set_payload(placeholder)
        spliced.append((placeholder.encode("ascii"), ref["sha256"]))
    data = msg.as_bytes(policy=POLICY)
    for placeholder, sha256 in spliced:  # the encoded bytes go in whole, not line by line
        data = data.replace(placeholder, _base64_of(sha256, load_blob), 1)
    return data


_ENCODED: "OrderedDict[str, bytes]" = OrderedDict()
_ENCODED_LIMIT = 32 * 1024 * 1024  # bytes of base64 kept between messages


def _base64_of(sha256: str, load_blob: Callable[[str], bytes]) -> bytes:
    """The attachment in base64 (76-character CRLF lines), encoded once for every recipient."""
    if sha256 in _ENCODED:
        _ENCODED.move_to_end(sha256)
        return _ENCODED[sha256]
    text = base64.encodebytes(load_blob(sha256)).rstrip(b"\n").replace(b"\n", b"\r\n")
    _ENCODED[sha256] = text
    while sum(len(v) for v in _ENCODED.values()) > _ENCODED_LIMIT and len(_ENCODED) > 1:
        _ENCODED.popitem(last=False)
    return text


def _attach_message(msg: EmailMessage, data: bytes, filename: str | None) -> bool:
    """Attach `data` as a message/rfc822 part (not base64, as RFC 2046 asks); False if it cannot be."""
    try:
        inner = email.message_from_bytes(data, policy=POLICY)
        msg.add_attachment(inner, filename=filename or "original.eml")
        msg.as_bytes(policy=POLICY)
    except Exception:  # noqa: BLE001 - a message too broken to nest travels as plain bytes instead
        parts = msg.get_payload()
        if isinstance(parts, list) and parts and parts[-1].get_content_type() == "message/rfc822":
            parts.pop()
        msg.add_attachment(data, maintype="application", subtype="octet-stream",
                           filename=filename or "original.eml")
    return True
