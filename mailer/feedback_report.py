"""Feedback reports: a recipient's provider telling us that person complained about our mail.

Providers send them (feedback loops) in the Abuse Reporting Format of RFC 5965: a
multipart/report; report-type=feedback-report whose message/feedback-report part says what was
reported (Feedback-Type: abuse, fraud, virus, other, not-spam, auth-failure …; RFC 6591 for the
last), for which recipient (Original-Rcpt-To), with the reported message (or its headers)
attached. Two other shapes come in too: Microsoft's JMRP copy, whose attached message carries
X-HmXmrOriginalRecipient, and a SpamCop user's report (plain text, "[SpamCop (…) id:…]").

`read_feedback_report` reads what the network needs: the type, who complained (when the report
says: AOL and SpamCop redact the recipient) and the tokens of the reported message, which tell
the member it was sent to whatever address the report shows. No library reads ARF for Python
(flufl.bounce reads delivery reports only); the format is a few header fields, read here.
"""
from __future__ import annotations

import email
import email.utils
import re
from email.message import Message

from mailer import addresses
from mailer.bounce_text import own_parts
from mailer.header_text import first_header, header_text, header_values, raw_header_values
from mailer.message import FeedbackReport

MAX_PART = 200_000  # bytes of an attached report part read
_REDACTED = re.compile(r"^(?:redacted|x+|\*+|removed|anonymi[sz]ed|hidden|privacy)$", re.IGNORECASE)
_SPAMCOP_SUBJECT = re.compile(r"^\s*\[spamcop \(", re.IGNORECASE)
_SPAMCOP_TEXT = re.compile(r"^- spamcop v\d", re.IGNORECASE | re.MULTILINE)
# The registered types (RFC 5965, 6430, 6591); a report writing another is read as "other", so a
# forger cannot make up a new type per report (each type is a key of the coordinators' daily notices)
FEEDBACK_TYPES = ("abuse", "fraud", "virus", "other", "not-spam", "auth-failure")


def _fields(part: Message) -> Message | None:
    """The feedback-report part's fields as one header block (the email package parses a
    message/* part as an attached message; a part it left as text is parsed here)."""
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        return payload[0]
    data = part.get_payload(decode=True) if not isinstance(payload, list) else None
    if isinstance(data, bytes):
        return email.message_from_bytes(data[:MAX_PART].lstrip())
    return None


def _returned(msg: Message) -> Message | None:
    """The reported message (attached whole or as its headers), else None."""
    for part in own_parts(msg):
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            payload = part.get_payload()
            if isinstance(payload, list) and payload and isinstance(payload[0], Message):
                return payload[0]
        elif ctype == "text/rfc822-headers":
            data = part.get_payload(decode=True) or b""
            return email.message_from_bytes(data[:MAX_PART].lstrip())
    return None


def _recipients(values: list[str]) -> tuple[str, ...]:
    """The real addresses among header values (a redacted one, "redacted@…" or "x", is none)."""
    found = []
    for _, addr in email.utils.getaddresses(values):
        addr = addresses.normalise(addr)
        if addr and not _REDACTED.match(addr.split("@")[0]) and addr not in found:
            found.append(addr)
    return tuple(found)


def _tokens(msg: Message, list_address: str) -> tuple[str | None, tuple[str, ...]]:
    """(bounce token, response tokens) of the reported message: its envelope sender
    (`list+b-TOKEN@`), its Reply-To (`list+TOKEN@`) and its Message-ID (`<TOKEN.…@domain>`)."""
    domain = list_address.rpartition("@")[2]
    bounce, responses = None, []
    for addr in addresses.sub_addresses(
            raw_header_values(msg, "Return-Path") + raw_header_values(msg, "Reply-To")
            + raw_header_values(msg, "Original-Mail-From"), list_address):
        token = addresses.token_from_address(addr, list_address)
        if token and token.startswith(addresses.BOUNCE_PREFIX):
            bounce = bounce or token[len(addresses.BOUNCE_PREFIX):]
        elif token and token not in responses:
            responses.append(token)
    token = addresses.token_from_message_id(first_header(msg, "Message-ID"), domain)
    if token and token not in responses:
        responses.append(token)
    return bounce, tuple(responses)


def _report(feedback_type: str, complained: tuple[str, ...], fields: Message | None,
            returned: Message | None, msg: Message, list_address: str) -> FeedbackReport:
    bounce, responses = _tokens(returned, list_address) if returned is not None else (None, ())
    if fields is not None and bounce is None:
        bounce, _ = _tokens(fields, list_address)
    if bounce is None:  # an FBL may send the report to our envelope sender itself
        for addr in addresses.sub_addresses(raw_header_values(msg, "To") + raw_header_values(msg, "Delivered-To"),
                                            list_address):
            token = addresses.token_from_address(addr, list_address) or ""
            if token.startswith(addresses.BOUNCE_PREFIX):
                bounce = token[len(addresses.BOUNCE_PREFIX):]
                break
    incidents = 1
    if fields is not None:
        number = re.match(r"\s*(\d{1,6})", first_header(fields, "Incidents"))
        incidents = int(number.group(1)) if number else 1
    return FeedbackReport(feedback_type=feedback_type, addresses=complained, bounce_token=bounce,
                          tokens=responses, incidents=max(1, incidents))


def _arf(msg: Message, list_address: str) -> FeedbackReport | None:
    is_report = (msg.get_content_type() == "multipart/report" and str(
        msg.get_param("report-type", "", header="content-type")).lower() == "feedback-report")
    part = next((p for p in own_parts(msg) if p.get_content_type() == "message/feedback-report"), None)
    if part is None and not is_report:
        return None
    fields = _fields(part) if part is not None else None
    returned = _returned(msg)
    feedback_type = header_text(fields.get("Feedback-Type", "")).strip().lower() if fields is not None else ""
    feedback_type = re.sub(r"[^a-z-].*$", "", feedback_type)
    feedback_type = feedback_type if feedback_type in FEEDBACK_TYPES else "other"
    complained = _recipients(header_values(fields, "Original-Rcpt-To")) if fields is not None else ()
    if not complained and returned is not None:
        complained = (_recipients(header_values(returned, "X-HmXmrOriginalRecipient"))
                      or _recipients(header_values(returned, "To")))
    if feedback_type == "auth-failure":
        complained = ()  # a report on our domain's authentication: nobody complained
    complained = tuple(a for a in complained if not addresses.is_list_address(a, list_address))
    return _report(feedback_type, complained, fields, returned, msg, list_address)


def _other_shapes(msg: Message, list_address: str) -> FeedbackReport | None:
    """A JMRP copy without the ARF part, or a SpamCop user's report: complaints (abuse)."""
    returned = _returned(msg)
    if returned is not None and header_values(returned, "X-HmXmrOriginalRecipient"):
        return _report("abuse", _recipients(header_values(returned, "X-HmXmrOriginalRecipient")), None,
                       returned, msg, list_address)
    if _SPAMCOP_SUBJECT.match(first_header(msg, "Subject")):
        body = msg if not msg.is_multipart() else next(
            (p for p in msg.walk() if p.get_content_type() == "text/plain"), None)
        data = body.get_payload(decode=True) if body is not None else None
        text = data[:MAX_PART].decode("utf-8", "replace") if isinstance(data, bytes) else ""
        if _SPAMCOP_TEXT.search(text):
            pasted = email.message_from_string(text.partition("\n----")[2].partition("\n")[2])
            return _report("abuse", _recipients(header_values(pasted, "To")), None, pasted, msg, list_address)
    return None


def read_feedback_report(msg: Message, list_address: str) -> FeedbackReport | None:
    """What a feedback report says (see the module docstring), or None for any other message.

    Promises: `feedback_type` one of FEEDBACK_TYPES, lower-case ("other" when the report names
    none, or one not registered); `addresses` the recipients the report is about
    (Original-Rcpt-To, else the reported message's X-HmXmrOriginalRecipient or To; redacted ones
    and our own left out; () for an authentication-failure report); `bounce_token` and `tokens`
    the reported message's tokens, when it came from us. A message whose own parts hold no
    feedback report (a person forwarding one) is None. Never raises.
    """
    try:
        return _arf(msg, list_address) or _other_shapes(msg, list_address)
    except Exception:  # noqa: BLE001 - a report we cannot read is left to the other rules
        return None
