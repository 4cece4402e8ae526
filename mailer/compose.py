"""Composing one outgoing message into bytes ready for SMTP or a Maildir.

Every message Convenor sends has one recipient in `To`, `From` the list address, a Message-ID
on the list's domain (carrying the reply token when an answer is expected), `Reply-To` the
token's sub-address, `Auto-Submitted: auto-generated` and `List-Id`.
"""
from __future__ import annotations

import base64
import email.policy
import functools
import quopri
import re
import secrets
from collections import OrderedDict
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from datetime import datetime
from typing import Callable

from mailer.line_ends import as_lf
from mailer import addresses
from mailer.filenames import clean_filename

# SMTP line ends; headers folded only past RFC 5322's hard limit, so a long List-Unsubscribe
# or Subject is not split right after its name (which some clients then misread).
POLICY = email.policy.SMTP.clone(max_line_length=998)


def new_message_id(domain: str, token: str | None = None) -> str:
    """A fresh Message-ID on `domain`; it starts with `token` so a reply's In-Reply-To carries it."""
    tail = secrets.token_hex(8)
    head = token or secrets.token_hex(8)
    return f"<{head}.{tail}@{domain}>"


def is_own_message_id(message_id: str, domain: str) -> bool:
    """True when `message_id` has the shape `new_message_id` gives on `domain`: a message Convenor sent."""
    head, _, rest = (message_id or "").strip().strip("<>").partition(".")
    tail, _, at = rest.partition("@")
    return (bool(head) and head.isalnum() and len(tail) == 16 and all(c in "0123456789abcdef" for c in tail)
            and at.lower() == domain.lower())


def compose(**fields) -> bytes:
    """Return the whole message as CRLF bytes, for exactly one recipient (see `compose_parts`)."""
    return b"".join(compose_parts(**fields))


def compose_parts(
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
    date: datetime,
) -> list[bytes | bytearray]:
    """Return the whole message as CRLF bytes, for exactly one recipient, in parts: joined,
    they are the message; each stored attachment's base64 is one part, the same buffer for
    every recipient (a large draft is never copied per recipient). Parts meet at line starts
    or just before a line end.

    The envelope headers are written directly (every value on one logical line, encoded when it
    is not ASCII); a plain-text message is written without the email package, which costs
    more than sending it. HTML alternatives and attachments go through the email package.

    `attachments` are references `{sha256, filename, content_type}` whose bytes `load_blob`
    returns (or a file-like blob it opens, read in pieces); a `text/calendar` attachment with a `method` becomes an iTIP part.
    """
    local, domain = addresses.split_list_address(list_address)
    fields = [
        ("From", _address(network_name, list_address)),
        ("To", _address(recipient_name, addresses.transport_address(recipient))),
        ("Subject", _text(subject)),
        ("Date", _date_field(date)),
        ("Message-ID", _text(message_id)),
    ]
    if reply_token:
        fields.append(("Reply-To", _address(network_name, addresses.token_address(list_address, reply_token))))
    if in_reply_to:
        fields += [("In-Reply-To", _text(in_reply_to)), ("References", _text(in_reply_to))]
    fields += [("Auto-Submitted", "auto-generated"),
               ("List-Id", f"{_text(network_name)} <{local}.{domain}>"),
               ("X-Auto-Response-Suppress", "OOF, AutoReply")]
    fields += [(_name(name), _text(value)) for name, value in (headers or {}).items()]
    # ASCII, except the To address when its part before the @ is not (sent with SMTPUTF8, RFC 6532)
    head = "".join(f"{name}: {value}\r\n" for name, value in fields).encode("utf-8")
    if not body_html and not attachments:
        return [head + _plain_body(body_text)]
    skeleton, spliced = _mime_body(body_text, body_html, attachments or [], load_blob)
    parts, rest = [], head + skeleton
    for placeholder, sha256 in spliced:  # the encoded bytes go in whole, by reference
        before, _, rest = rest.partition(placeholder)
        parts += [before, _base64_of(sha256, load_blob)]
    return parts + [rest]


def _text(value: str) -> str:
    """A header value on one logical line, RFC 2047-encoded when it is not ASCII (no injection),
    or when it holds the text of an encoded word ("=?utf-8?q?Plan=0ABcc:…?=", a subject encoded
    twice): written as it is, every client would decode that again, into a line break or any text."""
    value = " ".join(str(value).split())
    if value.isascii() and len(value) <= 900 and "=?" not in value:  # nothing to encode or fold: as it is
        return value
    charset = "us-ascii" if value.isascii() and "=?" not in value else "utf-8"
    return Header(value, charset, maxlinelen=998, header_name="Subject").encode(linesep="\r\n")


def _address(name: str, address: str) -> str:
    """`Name <address>` with the name encoded when needed, or the bare address (exactly what
    `email.utils.formataddr` writes; the name's part is made once per name, not per message)."""
    name = " ".join((name or "").split())
    if not name:
        return address
    return f"{_display_name(name)} <{address}>"  # the address in UTF-8 when it is not ASCII (RFC 6532)


@functools.lru_cache(maxsize=4096)
def _display_name(name: str) -> str:
    """The name as formataddr writes it before the address: as is, quoted and escaped, or RFC
    2047-encoded (also a name holding the text of an encoded word, which a client would decode)."""
    if "=?" in name:
        return Header(name, "utf-8").encode()
    return formataddr((name, "a@a"), charset="utf-8")[:-len(" <a@a>")]


def _date_field(date: datetime) -> str:
    """The Date header of messages composed at `date` (made once for a batch within one second)."""
    return _formatted_date(date, date.utcoffset())  # an equal instant in another zone is written apart


@functools.lru_cache(maxsize=8)
def _formatted_date(date: datetime, _offset) -> str:
    return format_datetime(date)


def _name(header_name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9-]{1,76}", header_name):
        raise ValueError(f"not a header name: {header_name!r}")
    return header_name


_WINDOW = 999  # a line of this many bytes (LF not counted) is longer than SMTP carries


def has_long_line(data: bytes) -> bool:
    """True when `data` holds a line of 999 bytes or more (LF not counted): exactly
    `re.search(rb"[^\\n]{999}", data) is not None`, without its cost. The pattern is tried at every
    byte and counts ahead to the line's end each time (quadratic in the line's length: ~90 K
    instructions for a ballot's 1.3 KB); here each step takes the last LF of the next 999 bytes
    (memrchr): none there is such a line, else no line of 999 starts at or before it."""
    start, size = 0, len(data)
    while size - start >= _WINDOW:
        newline = data.rfind(b"\n", start, start + _WINDOW)
        if newline < 0:
            return True
        start = newline + 1
    return False


def _plain_body(text: str) -> bytes:
    """The MIME headers and body of a plain-text message (8bit UTF-8, or quoted-printable for
    lines too long for SMTP), with CRLF line ends."""
    text = as_lf(text)
    data = text.encode("utf-8")
    fits = not has_long_line(data)  # no line over SMTP's 998 characters
    if data.isascii() and fits:
        cte, body = "7bit", data
    elif fits:
        cte, body = "8bit", data
    else:
        cte, body = "quoted-printable", quopri.encodestring(data)
    body = body.replace(b"\n", b"\r\n")
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return (b'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: ' + cte.encode()
            + b"\r\nMIME-Version: 1.0\r\n\r\n" + body)


def _mime_body(body_text: str, body_html: str | None, attachments: list[dict],
               load_blob: Callable[[str], bytes] | None) -> tuple[bytes, list[tuple[bytes, str]]]:
    """The MIME headers and body of a message with an HTML alternative and/or attachments, with
    a placeholder where each stored attachment's base64 goes: (skeleton, [(placeholder, sha256)])."""
    msg = EmailMessage(policy=POLICY)
    msg.set_content(body_text)
    if body_html:
        msg.add_alternative(body_html, subtype="html")
    spliced: list[tuple[bytes, str]] = []
    for ref in attachments:
        if load_blob is None:
            raise ValueError("attachments given without a way to load them")
        if ref.get("content_type") == "message/rfc822":
            _attach_message(msg, _whole(load_blob(ref["sha256"])), clean_filename(ref.get("filename"), "original.eml"))
            continue
        maintype, _, subtype = ref.get("content_type", "application/octet-stream").partition("/")
        params = {}
        if ref.get("method"):
            params["method"] = ref["method"]
        msg.add_attachment(b"", maintype=maintype, subtype=subtype or "octet-stream",
                           filename=clean_filename(ref.get("filename")), params=params)
        placeholder = f"CONVENOR-ATTACHMENT-{ref['sha256']}-{secrets.token_hex(8)}"
        msg.get_payload()[-1].set_payload(placeholder)
        spliced.append((placeholder.encode("ascii"), ref["sha256"]))
    return msg.as_bytes(policy=POLICY), spliced


_ENCODED: "OrderedDict[str, bytearray]" = OrderedDict()
_ENCODED_LIMIT = 32 * 1024 * 1024  # bytes of base64 kept between messages


def _base64_of(sha256: str, load_blob: Callable[[str], bytes]) -> bytearray:
    """The attachment in base64 (76-character CRLF lines), encoded once for every recipient."""
    if sha256 in _ENCODED:
        _ENCODED.move_to_end(sha256)
        return _ENCODED[sha256]
    source = load_blob(sha256)
    try:
        text = crlf_base64(source)
    finally:
        if hasattr(source, "close"):
            source.close()
    _ENCODED[sha256] = text
    while sum(len(v) for v in _ENCODED.values()) > _ENCODED_LIMIT and len(_ENCODED) > 1:
        _ENCODED.popitem(last=False)
    return text


_LINE = 57  # bytes of data in one 76-character line of base64
_BLOCK = _LINE * 2048  # encoded at a time: ~150 kB of base64


def crlf_base64(data) -> bytearray:
    """`data` (bytes, or a file-like blob with `read(n)` and `len()`) in base64, 76-character
    lines separated by CRLF (none after the last), read and written block by block into one
    buffer of the final size: a 10 MB file costs its 13.8 MB of base64 and ~150 kB more, not
    the file itself plus three whole-size copies (encode, strip, CRLF)."""
    read = data.read if hasattr(data, "read") else None
    full, rest = divmod(len(data), _LINE)
    lines = full + (1 if rest else 0)
    size = full * 76 + (-(-rest // 3) * 4) + 2 * max(lines - 1, 0)
    out = bytearray(size)
    view, pos = (None if read else memoryview(data)), 0
    for start in range(0, len(data), _BLOCK):
        chunk = read(_BLOCK) if read else view[start:start + _BLOCK]
        block = base64.encodebytes(chunk).replace(b"\n", b"\r\n")
        if start + _BLOCK >= len(data):
            block = block[:-2]  # no line end after the last line
        out[pos:pos + len(block)] = block
        pos += len(block)
    return out


def _whole(source) -> bytes:
    """The bytes `load_blob` gave, read whole when it gave a file-like blob."""
    if not hasattr(source, "read"):
        return source
    with source:
        return source.read()


def _attach_message(msg: EmailMessage, data: bytes, filename: str | None) -> None:
    """Attach `data` as a message/rfc822 part (not base64, as RFC 2046 asks), or as plain bytes
    (base64) when it is too broken to nest or has a line longer than SMTP carries (998
    characters: a server refuses the whole message, and the forward would never arrive)."""
    try:
        inner = email.message_from_bytes(data, policy=POLICY)
        msg.add_attachment(inner, filename=filename or "original.eml")
        if has_long_line(msg.get_payload()[-1].as_bytes(policy=POLICY)):
            raise ValueError("a line too long for SMTP")
    except Exception:  # noqa: BLE001 - a message too broken to nest travels as plain bytes instead
        parts = msg.get_payload()
        if isinstance(parts, list) and parts and parts[-1].get_content_type() == "message/rfc822":
            parts.pop()
        msg.add_attachment(data, maintype="application", subtype="octet-stream",
                           filename=filename or "original.eml")
