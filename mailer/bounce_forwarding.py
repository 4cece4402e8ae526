"""A bounce of a forwarded copy: which address failed, and which address of ours led to it.

A member's address may forward (an alias, a virtual-alias table, Exim's "generated from", a
forwarding service such as an alumni or domain-routing service) to another mailbox, and the
report then names that other mailbox as the failed one. The report still says how it got there:

- an RFC 3464 block (failed or delayed) whose Original-Recipient differs from its Final-Recipient;
- Postfix "<target> (expanded from <member>)", Sendmail "(expanded from: <member>)" and Exim
  "(generated from member)" under the failed address;
- a forwarding service's words: "… sent to <member> was forwarded to <target>", "This address
  forwards to <target>", "… sent to <member> could not be forwarded. Forwarding address: <target>"
  (the last only in a report that says the forward failed).
- the returned copy's Delivered-To (qmail's .qmail forward and Postfix's local forward keep it):
  the copy was delivered to the address we sent to (its To) and then sent on to the failed one
  (`forwarded_by_delivery`).

`forwarded_from` reads that as {failed target: address we sent to}, so the bounce names the
address that really failed and the member's record can say that their forwarding is broken.
"""
from __future__ import annotations

import email.utils
import re
from email.message import Message

from mailer.addresses import normalise
from mailer.bounce_addresses import inline_returned_headers
from mailer.bounce_text import delivery_status_payloads, own_text_parts
from mailer.bounce_words import FORWARDING_FAILED_SUBJECT

MAX_TEXT = 100_000  # characters of a report's own text searched
_ADDRESS = r"[A-Za-z0-9._%+=!#$&'*/?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_ADDRESS_RE = re.compile(_ADDRESS)
# "(expanded from <member>)", "(expanded from: <member>)", "(generated from member)"
_EXPANDED = re.compile(r"\((?:expanded|generated) from:?\s*<?(" + _ADDRESS + r")>?\s*\)", re.IGNORECASE)
# "was forwarded to <target>", "forwards to <target>", "is forwarded to <target>"
_FORWARDED = re.compile(r"\bforward(?:ed|s)\s+to:?\s*<?(" + _ADDRESS + r")>?", re.IGNORECASE)
# (batch 19) a forwarding service's "Forwarding address: <target>", read only in a report that says
# the forward failed ("could not be forwarded"): a moved mailbox's notice gives its new address so
# ("This address is no longer in use. Forwarding address: new@…"), and that one did not fail
# (review b19ab) only at a line's start, only for the address the error line names, and never in a
# report of a moved or closed mailbox (551, 5.1.6, "new address", "moved", "closed"): there the old
# address failed and the forwarding address is where to write
_FORWARDING_ADDRESS = re.compile(r"^[ \t]*forwarding[ \t]+address[ \t]*:[ \t]*<?(" + _ADDRESS + r")>?[ \t]*$",
                                 re.IGNORECASE | re.MULTILINE)
_MOVED = re.compile(r"\b551\b|\b5\.1\.6\b|\bnew\s+(?:e-?mail\s+)?address|\bmoved\b|\bclosed\b|no\s+longer\s+(?:in\s+use|active|exists)",
                    re.IGNORECASE)
_ERROR_LINE = re.compile(r"^.*(?:\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b|\berror\b|diagnostic).*$", re.IGNORECASE | re.MULTILINE)


def _failed_forwarding_addresses(text: str) -> list[re.Match]:
    """The "Forwarding address: <target>" lines of a report that says the forward failed, whose
    target is the address its error line names (`_FORWARDING_ADDRESS`)."""
    if not FORWARDING_FAILED_SUBJECT.search(text) or _MOVED.search(text):
        return []
    errors = " ".join(m.group(0).lower() for m in _ERROR_LINE.finditer(text))
    return [m for m in _FORWARDING_ADDRESS.finditer(text) if m.group(1).lower() in errors]
_LOOK_BACK = 300  # characters before a mention searched for the address it belongs to


def _address(text: str) -> str:
    """The address in `text`, lower-case; "" when it is none or an internal name whose domain has
    no dot ("user@sims-ms-daemon": the server's own routing, not a mailbox it forwarded to)."""
    address = normalise(text.strip().strip("<>").strip(".,;:")) or ""
    return address if "." in address.rpartition("@")[2] else ""


def _from_dsn(msg: Message) -> dict[str, str]:
    found: dict[str, str] = {}
    for payload in delivery_status_payloads(msg):
        if not isinstance(payload, list):
            continue
        for block in payload:
            if not isinstance(block, Message) or not str(block.get("action", "")).strip().lower().startswith(
                    ("fail", "delay")):
                continue  # a copy delivered or relayed through the same alias did not fail
            final = str(block.get("final-recipient", "")).partition(";")[2]
            original = str(block.get("original-recipient", "")).partition(";")[2]
            final, original = _address(final.split("(")[0]), _address(original.split("(")[0])
            if final and original and final != original and "@" in final and "@" in original:
                found[final] = original
    return found


def _before(text: str, end: int, not_this: str) -> str:
    """The last address written in the `_LOOK_BACK` characters before `end`, other than `not_this`."""
    candidates = [_address(m.group(0)) for m in _ADDRESS_RE.finditer(text, max(0, end - _LOOK_BACK), end)]
    candidates = [a for a in candidates if a and a != not_this]
    return candidates[-1] if candidates else ""


def _from_text(msg: Message) -> dict[str, str]:
    found: dict[str, str] = {}
    for text in own_text_parts(msg):
        text = text[:MAX_TEXT]
        for m in _EXPANDED.finditer(text):  # the failed target is written before its origin
            origin = _address(m.group(1))
            target = _before(text, m.start(), origin)
            if origin and target:
                found.setdefault(target, origin)
        forwards = list(_FORWARDED.finditer(text))
        forwards += _failed_forwarding_addresses(text)
        for m in forwards:  # the address we sent to is written before
            target = _address(m.group(1))
            origin = _before(text, m.start(), target)
            if origin and target:
                found.setdefault(target, origin)
    return found


def forwarded_from(msg: Message) -> dict[str, str]:
    """{failed address: the address we sent to} for each failed recipient the report says was
    reached by forwarding or alias expansion (see the module docstring); {} when none was.

    Promises: lower-case addresses; the DSN fields win over the report's words. Never raises.
    """
    try:
        return {**_from_text(msg), **_from_dsn(msg)}
    except Exception:  # noqa: BLE001 - a report we cannot read says nothing of forwarding
        return {}


def forwarded_by_delivery(msg: Message, failed: str) -> str:
    """The address we sent to when the report's only failed address `failed` was reached by a
    forward that left a Delivered-To line in the returned copy (qmail's "--- Below this line is a
    copy of the message." with "Delivered-To: pat@alias", or an attached copy): that Delivered-To,
    when it is the copy's one To and not `failed`. "" when the copy says no such thing."""
    try:
        copy = inline_returned_headers(msg)
        if not copy:
            copy = _attached_copy_headers(msg)
        to = {_address(a) for a in copy.get("to", []) + copy.get("cc", [])} - {""}
        delivered = {_address(a) for a in copy.get("delivered-to", [])} - {""}
        if len(to) != 1 or failed in to:
            return ""
        (origin,) = to
        return origin if origin in delivered else ""
    except Exception:  # noqa: BLE001 - a copy we cannot read says nothing of forwarding
        return ""


def _attached_copy_headers(msg: Message) -> dict[str, list[str]]:
    """The To, Cc and Delivered-To of the returned copy attached as message/rfc822 ({} when none)."""
    for part in msg.walk():
        if part.get_content_type() != "message/rfc822":
            continue
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            return {name.lower(): [a for _, a in email.utils.getaddresses([str(v) for v in inner.get_all(name, [])]) if "@" in a]
                    for name in ("To", "Cc", "Delivered-To")}
        return {}
    return {}
