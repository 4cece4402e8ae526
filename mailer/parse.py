"""Turning raw bytes from the mailbox into an `InboundMail`.

`parse_message` never raises for a message it can read at all: defects (broken MIME, wrong
charsets) are recorded in `InboundMail.defects`. It raises `MalformedMessage` only when there is
nothing to work with (no bytes, no headers), so the caller can set the message aside.
"""
from __future__ import annotations

import dataclasses
import email
import email.policy
import re
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser

from mailer import addresses
from mailer.attached_copies import attached_tokens
from mailer.autoreply import auto_reply_reason, is_only_a_guess
from mailer.autoreply_headers import is_list_traffic
from mailer.bounce import detect_bounce
from mailer.feedback_report import read_feedback_report
from mailer.calendar_reply import CALENDAR_TYPES, read_calendar_reply
from mailer.filenames import clean_filename
from mailer.forwarded import forwarded_part
from mailer.header_text import (
    content_disposition,
    first_header,
    header_index,
    header_text,
    may_name_a_file,
    raw_header_values,
)
from mailer.html_text import html_to_text, without_trailing_rules
from mailer.large_parts import LargeBodies, set_aside_large_bodies
from mailer.authentication import about_sender, authenticate
from mailer.body_repairs import (
    AttachedTexts,
    is_mbox_saved,
    leaf_parts,
    looks_like_html,
    mbox_unescaped,
    own_text,
    qp_soft_breaks,
    repair_boundary,
    without_pgp_armour,
)
from mailer.message import Attachment, InboundMail, Verdict
from mailer.read_limits import bound_message
from mailer.read_message import ReadMessage
from mailer.flowed import unflow
from mailer.own_signature import without_own_signature
from mailer.reply import ReplyText, read_reply, without_own_address
from mailer.simple_parse import simple_message
from mailer.text_decoding import decode_text

MAX_ADDRESS_CHARS = 4_000  # of one recipient header, listed address by address (~250 addresses)

SUBJECT_REF_RE = re.compile(r"\[([^\W\d_]{2,20})\s+#?(\d{1,9})\]")  # "[Vote 7]", "[Scrutin 7]" …


class MalformedMessage(ValueError):
    """The bytes are not an email message Convenor can read at all."""


def parse_message(raw: bytes, list_address: str, trusted_authserv_id: str | None = None,
                  auth: Verdict | None = None) -> InboundMail:
    """Read `raw` (one RFC 5322 message) as Convenor sees it, for the given list address.

    Tokens are collected from the sub-address the message was delivered to, then from
    In-Reply-To and References. `auth` is the authentication verdict when the caller already
    has it (with DNS look-ups, done outside any store transaction); otherwise it is read from
    the Authentication-Results of `trusted_authserv_id` alone (see `mailer.authentication`).
    """
    if not raw or raw.isspace():  # (not raw.strip(): that copies a 40 MB message to find it is not empty)
        raise MalformedMessage("empty message")
    mbox = is_mbox_saved(raw)  # its ">From " lines are the archive's escapes
    raw = _without_leading_blank_lines(raw)
    bounded, cut = bound_message(raw)
    skeleton, large = set_aside_large_bodies(bounded)
    msg = simple_message(skeleton) or email.message_from_bytes(skeleton, ReadMessage, policy=email.policy.compat32)
    if not msg.keys():
        raise MalformedMessage("no headers")
    _, domain = addresses.split_list_address(list_address)
    defects = cut + [type(d).__name__ for d in msg.defects]
    msg = repair_boundary(msg, defects)

    from_name, from_addr = _sender(msg)
    recipients = {name: raw_header_values(msg, name) for name in ("Delivered-To", "X-Original-To", "To", "Cc")}
    to_addrs = _addresses(recipients["To"], defects)
    cc_addrs = _addresses(recipients["Cc"], defects)
    delivered = _addresses(recipients["Delivered-To"] + recipients["X-Original-To"], defects)
    in_reply_to = first_header(msg, "In-Reply-To").strip()
    references = re.findall(r"<[^<>\s]+>", " ".join(raw_header_values(msg, "References")[:1]))

    tokens: dict[str, None] = {}  # in order of trust, each once
    for addr in addresses.sub_addresses(sum(recipients.values(), []), list_address):
        tok = addresses.token_from_address(addr, list_address)
        if tok and not tok.startswith(addresses.BOUNCE_PREFIX):
            tokens.setdefault(tok, None)
    for mid in [in_reply_to] + list(reversed(references)):
        tok = addresses.token_from_message_id(mid, domain)
        if tok:
            tokens.setdefault(tok, None)

    # on one line: an encoded line break ("=?utf-8?q?Plan=0ABcc:…?=") would become a title with
    # a forged-looking line in every message that names it
    subject = " ".join(first_header(msg, "Subject").split())
    ref = SUBJECT_REF_RE.search(subject)
    subject_ref = (ref.group(1).lower(), int(ref.group(2))) if ref else None

    text, html_only, attachments, calendar = _read_body(msg, defects, large)
    text = without_pgp_armour(mbox_unescaped(text) if mbox else text)
    reply = without_own_address(read_reply(text), from_addr) if text else ReplyText("")  # it reads up to its own MAX_CHARS
    reply = without_own_signature(reply, from_name)  # a block opening with the From header's name
    if html_only and reply.new_text:  # an <hr> above the quote (html2text's "* * *") is no word of hers
        reply = dataclasses.replace(reply, new_text=without_trailing_rules(reply.new_text))

    if auth is None:
        auth = authenticate(raw, trusted_authserv_id)
    auth = about_sender(auth, from_addr)
    feedback = read_feedback_report(msg, list_address) if _may_be_report(msg) else None
    bounce = detect_bounce(msg, list_address) if feedback is None else None  # a complaint is no delivery failure
    reason = auto_reply_reason(msg, reply.new_text, attributed=reply.attributed,
                               quoted=bool(reply.rest or reply.interleaved or _quotes_a_line(text or "")),
                               quotes_original=reply.attributed or reply.quoting)
    return InboundMail(
        message_id=first_header(msg, "Message-ID").strip(),
        from_addr=from_addr,
        from_name=from_name,
        from_header="" if from_addr else _written_sender(msg),
        subject=subject,
        date_header=first_header(msg, "Date"),
        to_addrs=to_addrs,
        cc_addrs=cc_addrs,
        delivered_to=delivered,
        in_reply_to=in_reply_to,
        references=references,
        tokens=list(tokens),
        attached_tokens=attached_tokens(msg, list_address) if msg.is_multipart() else [],
        subject_ref=subject_ref,
        text=text,
        new_text=reply.new_text,
        interleaved_text=reply.interleaved,
        forwarded_text=forwarded_part(subject, reply.rest),
        unread_text=reply.unread,
        reply_rest=reply.rest,
        html_only=html_only,
        attachments=attachments,
        calendar_reply=calendar.partstat if calendar else None,
        calendar=calendar,
        auto_reply=reason is not None,
        auto_reply_reason=reason or "",
        auto_reply_guessed=is_only_a_guess(msg, reason),
        list_traffic=is_list_traffic(msg),
        bounce=bounce,
        feedback=feedback,
        from_self=addresses.is_list_address(from_addr, list_address) if from_addr else False,
        dmarc_fail=auth.failed and auth.method == "dmarc",
        auth=auth,
        defects=defects,
    )


_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")
# a line quoted with ">" anywhere in the text (a reply over a quote the reply reader may leave in its new text)
_QUOTED_LINE = re.compile(r"^[ \t]*>", re.MULTILINE)


def _quotes_a_line(text: str) -> bool:
    """True when a line of `text` starts with ">" (after blanks). The pattern's "^" is tried at every
    character of a text (8 M instructions over 100 KB), so a text with no ">" at all, found by one
    scan in C, is answered at once: the same answer, as the pattern needs a ">"."""
    return ">" in text and _QUOTED_LINE.search(text) is not None


def _may_be_report(msg: Message) -> bool:
    """Cheap look at the raw headers: a multipart message (an ARF report, a JMRP copy) or a
    SpamCop subject; an ordinary single-part reply is answered at once."""
    content_type = " ".join(raw_header_values(msg, "Content-Type")).lower()
    return "multipart/" in content_type or "spamcop" in " ".join(raw_header_values(msg, "Subject")).lower()


def _without_leading_blank_lines(raw: bytes) -> bytes:
    """The message without blank lines, a UTF-8 byte-order mark or up to three stray lines (an
    mbox separator "From …" / ">From …", a broken fold) above its first header: some gateways,
    archives and "save as" add them, and the email package would read the whole message as a
    body without headers. A line is dropped only when a header line follows it."""
    raw = raw.lstrip(b"\r\n \t")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:].lstrip(b"\r\n \t")
    for _ in range(3):
        end = raw.find(b"\n", 0, 1000)
        if _HEADER_LINE.match(raw) or end < 0:
            break
        rest = raw[end + 1:].lstrip(b"\r\n \t")
        if not _HEADER_LINE.match(rest):
            break
        raw = rest
    return raw


def read_headers(raw: bytes, policy=email.policy.compat32) -> Message:
    """The message's top-level headers alone, parsed without reading (or copying) its body."""
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    head = raw[: min(ends) + 2] if ends else raw
    return BytesHeaderParser(policy=policy).parsebytes(head)


def _addresses(values: list[str], defects: list[str]) -> list[str]:
    """The addresses of these header values, read from their first MAX_ADDRESS_CHARS characters
    (the email package takes ~35 µs an address; tokens are found in the whole value apart)."""
    text = ", ".join(values)
    if len(text) > MAX_ADDRESS_CHARS:
        defects.append(f"recipient list longer than {MAX_ADDRESS_CHARS:,} characters: the rest not listed")
        text = text[:text.rfind(",", 0, MAX_ADDRESS_CHARS) + 1]
    return addresses.parse_many([text])


def _sender(msg: Message) -> tuple[str, str]:
    """(display name, address) of From, read from the header as written: the email package's
    structured reading takes `jean@example.org <evil@x>` for jean@example.org."""
    values = raw_header_values(msg, "From")
    name, addr = addresses.parse_one(values[0] if values else "")
    return " ".join(header_text(name).split()), addr


def _written_sender(msg: Message) -> str:
    """The From header as written (decoded, on one line, at most 300 characters), for the
    coordinators when no one address could be read from it; "(none)" when there is no From."""
    values = raw_header_values(msg, "From")
    return " ".join(header_text(values[0]).split())[:300] if values else "(none)"


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
    """The text `_read_body` reads from a text/plain part (`_decode_part`, unflowed), without its
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


def _read_body(msg: EmailMessage, defects: list[str], large: LargeBodies):
    """Return (plain text, html_only, attachments, the calendar REPLY it carries or None) of the message."""
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
            attached.add(inside, ctype, html_to_text(text) if ctype == "text/html" else text, bool(plain or html))
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
    own, html_only = own_text(plain, html, parents)
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

