"""Reading a message's body parts: the text it carries (plain, or HTML turned to text), its
attachments and the calendar reply it holds, each part decoded in its charset.

`read_body` is what `mailer.parse.parse_message` reads the body with; the helpers answer as the
email package's own `get_payload(decode=True)`, `get_content_charset()` and `get_param()` do,
with fast paths for the plainest parts (a reply's single text/plain part is read without them).
"""
from __future__ import annotations

import re
from email.message import EmailMessage, Message

from mailer.body_repairs import AttachedTexts, leaf_parts, looks_like_html, own_text, qp_soft_breaks
from mailer.calendar_reply import CALENDAR_TYPES, read_calendar_reply
from mailer.filenames import clean_filename
from mailer.flowed import unflow
from mailer.header_text import content_disposition, header_index, header_text, may_name_a_file
from mailer.html_text import html_to_text
from mailer.large_parts import LargeBodies
from mailer.message import Attachment
from mailer.text_decoding import decode_text


def _payload_bytes(part: Message, large: LargeBodies) -> bytes | None:
    """The part's decoded bytes, from the raw message when its body was set aside for size. An
    ASCII body with no Content-Transfer-Encoding is what the package's `get_payload()` gives and
    its bytes what `get_payload(decode=True)` gives (without its header look-ups: ~8 µs a part)."""
    payload = part._payload  # noqa: SLF001 - read as the package's own get_payload reads it
    if isinstance(payload, str) and payload.isascii() and "content-transfer-encoding" not in header_index(part):
        number = large.lookup(payload)
        return payload.encode("ascii") if number is None else large.decode(number, "")
    number = large.lookup(part.get_payload())
    if number is not None:
        return large.decode(number, str(part.get("Content-Transfer-Encoding", "")))
    if isinstance(payload, str) and str(part.get("Content-Transfer-Encoding", "")).strip().lower() == "quoted-printable":
        fixed = qp_soft_breaks(payload)
        if fixed is not None:
            return fixed
    return part.get_payload(decode=True)


def _attachment_data(part: Message, large: LargeBodies):
    """An attachment's content: a large base64 one as a `SetAsideFile` (decoded block by block
    when stored, never held whole), any other as bytes."""
    number = large.lookup(part.get_payload())
    if number is not None:
        return large.file(number, str(part.get("Content-Transfer-Encoding", "")))
    return part.get_payload(decode=True)


def _decode_part(part: Message, defects: list[str], large: LargeBodies | None = None) -> str:
    """A text part's content as text, in its declared charset when that holds (see decode_text)."""
    data = _payload_bytes(part, large) if large is not None else part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    text, defect = decode_text(data, content_charset(part))
    if defect:
        defects.append(defect)
    return text


# "text/plain; charset=utf-8" (or "UTF-8" quoted) and nothing else: the form nearly every reply has
_PLAIN_CHARSET = re.compile(r'[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+;[ \t]*charset=("?)([a-z0-9_.:+-]+)\1[ \t]*',
                            re.IGNORECASE | re.ASCII)



def _may_hold_parameter(value: str) -> bool:
    """False for a Content-Type value in which the package's parameter parsing finds no `name=value`
    (it reads the whole value as a parameter too: "charset=utf-8" alone names a charset)."""
    return ";" in value or "=" in value


def content_charset(part: Message) -> str | None:
    """The part's charset exactly as `Message.get_content_charset()` gives it (lower-case, None
    when it names none or cannot be read); a lone `type/subtype; charset=x`, or a Content-Type
    with no parameter at all (or none), is read directly (the email package's parameter parsing
    costs ~10 µs a part), anything else by the package."""
    values = header_index(part).get("content-type", ())
    if len(values) == 1 and isinstance(values[0], str):
        if not _may_hold_parameter(values[0]) and values[0].strip().lower() != "charset":
            return None  # no parameter at all ("text/plain"): the package finds no charset either
        match = _PLAIN_CHARSET.fullmatch(values[0])
        if match:
            return match.group(2).lower()
    elif not values:
        return None
    try:
        return part.get_content_charset()
    except Exception:  # noqa: BLE001 - a broken parameter is no charset
        return None


def _is_flowed(part: Message) -> bool:
    """True when the part's Content-Type says format=flowed; a lone `type/subtype; charset=x`
    (or no Content-Type) says nothing more and is read without the email package's parameter
    parsing (~6 µs a part)."""
    values = header_index(part).get("content-type", ())
    if not values or (len(values) == 1 and isinstance(values[0], str)
                      and (not _may_hold_parameter(values[0]) or _PLAIN_CHARSET.fullmatch(values[0]))):
        return False
    return str(part.get_param("format", "")).lower() == "flowed"


# "text/plain" alone or with a charset of UTF-8 or US-ASCII (in which ASCII bytes read as themselves)
_TEXT_PLAIN = re.compile(r'text/plain(?:;[ \t]*charset=("?)(?:utf-8|us-ascii)\1[ \t]*)?', re.IGNORECASE | re.ASCII)


def _plain_ascii_text(part: Message, large: LargeBodies) -> str | None:
    """The text `read_body` reads from a text/plain part (`_decode_part`, unflowed), without its
    look-ups, when the part is of the plainest kind: one Content-Type `text/plain` naming no
    charset but UTF-8 or US-ASCII (no file name, no format, in no parameter), no disposition, no
    transfer encoding, an ASCII body not set aside: that body as it is. None for any other part
    (read the whole way). A message of 200 such parts read each through ~6 header look-ups."""
    index = header_index(part)
    values = index.get("content-type", ())
    payload = part._payload  # noqa: SLF001 - read as the package's own get_payload reads it
    if (len(values) != 1 or type(values[0]) is not str or type(payload) is not str  # noqa: E721
            or "content-disposition" in index or "content-transfer-encoding" in index
            or not payload.isascii() or not _TEXT_PLAIN.fullmatch(values[0]) or large.lookup(payload) is not None):
        return None
    return payload


def read_body(msg: EmailMessage, defects: list[str], large: LargeBodies, sender: str = ""):
    """Return (plain text, html_only, attachments, the calendar REPLY it carries or None) of the message;
    `sender`, the display name of its From header, tells her signature element in HTML (`html_to_text`)."""
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    calendar_reply = None
    attached = AttachedTexts(msg)  # the text of messages attached (message/rfc822)
    parents: tuple[list, list] = ([], [])  # the multipart each plain, each html part is a part of
    for part, inside, parent in leaf_parts(msg):
        ctype = part.get_content_type()
        if inside is not None and ctype in ("text/plain", "text/html") and (
                content_disposition(part) or "").lower() != "attachment":
            text = _decode_part(part, defects, large)
            attached.add(inside, ctype, html_to_text(text, sender) if ctype == "text/html" else text, bool(plain or html))
            continue
        if ctype == "text/plain":
            text = _plain_ascii_text(part, large)
            if text is not None and not looks_like_html(text):
                plain.append(text)
                parents[0].append(parent)
                continue
        disposition = (content_disposition(part) or "").lower()
        filename = _filename(part)
        if ctype in CALENDAR_TYPES:
            calendar_reply = calendar_reply or read_calendar_reply(_decode_part(part, defects, large))
            if ctype == "text/calendar" and disposition != "attachment":
                continue
        if disposition == "attachment" or (filename and not ctype.startswith("text/")) or (
            filename and disposition == "inline" and not ctype.startswith("text/")
        ) or ctype.startswith(("application/", "image/", "audio/", "video/")) or ctype == "message/rfc822":
            if ctype.startswith("message/") or ctype in ("text/rfc822-headers",):
                continue
            data = _attachment_data(part, large)
            if data is None:
                continue
            attachments.append(Attachment(filename or "attachment", ctype, data))
            continue
        if ctype == "text/plain":
            text = _decode_part(part, defects, large)
            if looks_like_html(text):  # HTML sent as text/plain
                html.append(text)
                parents[1].append(parent)
                continue
            if _is_flowed(part):
                text = unflow(text, str(part.get_param("delsp", "")).lower() == "yes")
            plain.append(text)
            parents[0].append(parent)
        elif ctype == "text/html":
            html.append(_decode_part(part, defects, large))
            parents[1].append(parent)
    own, html_only = own_text(plain, html, parents, sender)
    text = attached.with_hers(own)
    if text is not None:  # her message inside a relay's (a spam report, a list's DMARC wrap, a gateway's banner)
        return text, False, attachments, calendar_reply
    if plain or html:
        return own, html_only, attachments, calendar_reply
    if not msg.is_multipart() and msg.get_content_type() == "text/plain" and attachments:
        # a lone text body marked as an attachment (a gateway's "body.txt"): the only text there is
        data = attachments.pop().data
        text, defect = decode_text(bytes(data), content_charset(msg))
        defects.extend([defect] if defect else [])
        return text, False, attachments, calendar_reply
    if attached.others:  # a message that is nothing but an attached message: its text, as before
        return "\n".join(attached.others), False, attachments, calendar_reply
    return "", False, attachments, calendar_reply


def _filename(part: Message) -> str | None:
    """The part's file name, RFC 2231 or RFC 2047 encoded, decoded and cleaned (no control or
    bidi characters, no path separators, at most 150 characters); None when it has none."""
    if not may_name_a_file(part):
        return None  # no parameter that could name a file (a plain reply's part): nothing to parse
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001 - a broken parameter means no usable name
        return None
    return clean_filename(header_text(name)) if name else None
