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
from email.message import Message
from email.parser import BytesHeaderParser

from mailer import addresses
from mailer.attached_copies import attached_tokens
from mailer.autoreply import auto_reply_reason, is_only_a_guess
from mailer.autoreply_headers import is_list_traffic
from mailer.body_parts import read_body
from mailer.bounce import detect_bounce
from mailer.feedback_report import read_feedback_report
from mailer.forwarded import forwarded_part
from mailer.header_text import first_header, header_text, raw_header_values
from mailer.html_text import without_trailing_rules
from mailer.large_parts import set_aside_large_bodies
from mailer.authentication import about_sender, authenticate
from mailer.message_start import without_leading_lines
from mailer.body_repairs import is_mbox_saved, mbox_unescaped, repair_boundary, without_pgp_armour
from mailer.message import InboundMail, Verdict
from mailer.read_limits import bound_message
from mailer.read_message import ReadMessage
from mailer.own_signature import without_own_signature
from mailer.reply import ReplyText, read_reply, without_own_address
from mailer.simple_parse import simple_message

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
    raw = without_leading_lines(raw)
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

    # her name opens the signature element left out of HTML
    text, html_only, attachments, calendar = read_body(msg, defects, large, from_name or "")
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
