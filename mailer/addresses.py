"""Addresses: normalising them and reading the tokens Convenor hides in them.

The list address `network@example.org` receives replies at `network+<token>@example.org`
(sub-addressing) and bounces at `network+b-<token>@example.org`.
"""
from __future__ import annotations

import functools
import re
from functools import lru_cache
from email.utils import getaddresses, parseaddr

import idna
from email_validator import EmailNotValidError, validate_email

_NOT_IN_ADDRESS = re.compile(r"[\s\udc80-\udcff]")  # white space, or bytes that did not decode


@lru_cache(maxsize=8192)  # pure, and one message's addresses are normalised ~10 times over (~3 µs each)
def normalise(address: str) -> str:
    """Return the address lower-cased and stripped, or "" when it is not an address at all.

    A header written in UTF-8 (RFC 6532: `From: jöhn@example.org`, read as surrogate-escaped bytes)
    gives the address in letters, and a domain written as its A-label (`xn--bcher-kva.example`) is
    given in Unicode (`bücher.example`), the form member addresses are kept in."""
    address = (address or "").strip().strip("<>").strip()
    if not address.isascii():
        try:
            address = address.encode("utf-8", "surrogateescape").decode("utf-8")
        except UnicodeError:
            return ""
    if address.count("@") != 1 or _NOT_IN_ADDRESS.search(address):
        return ""
    local, domain = address.split("@")
    if not local or not domain:
        return ""
    if "xn--" in domain.lower():
        domain = _unicode_domain(domain)
    return f"{local}@{domain}".lower()


@lru_cache(maxsize=4096)  # email-validator takes ~0.5 ms a domain; a network has few
def _unicode_domain(domain: str) -> str:
    """`xn--bcher-kva.example` → `bücher.example` (email-validator's IDNA 2008 reading), or the
    domain as written when it is not a valid one."""
    try:
        return validate_email(f"x@{domain}", check_deliverability=False).domain
    except EmailNotValidError:
        return domain


@lru_cache(maxsize=4096)
def ascii_domain(domain: str) -> str:
    """The one form in which domains are compared for trust: lower case, without a final dot, each
    internationalised label as its A-label (`Bücher.example` and `xn--bcher-kva.example` both give
    `xn--bcher-kva.example`), as DKIM's d=, DMARC's header.from and the DNS write it.

    Strict IDNA 2008 (the `idna` package), with no mapping: a look-alike that would only be mapped
    to a letter (a full-width `ｂ`) or that is another script's letter (a Cyrillic `е`) is never
    made the domain it resembles. A domain IDNA refuses is returned lower-cased as written, so it
    equals no valid domain's form."""
    d = (domain or "").strip().rstrip(".").lower()
    if d.isascii():
        return d
    try:
        return idna.encode(d).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return d


_TRAILING_ANGLE_ADDR = re.compile(r"^(.*)<([^<>]*)>\s*$", re.DOTALL)
# a bare address of dot-atoms (`jean.tremblay@example.org`): the email package reads it as it
# is, so it is read here without the email package (most To, Cc and From values of replies)
_ATEXT = "A-Za-z0-9!#$%&'*+/=?^_`{|}~-"
_BARE_ADDRESS = re.compile(rf"[{_ATEXT}]+(?:\.[{_ATEXT}]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")


def parse_one(header_value: str) -> tuple[str, str]:
    """Return (display name, normalised address) of the one mailbox in a From-like header value.

    When the value ends with an address in angle brackets, that address is the sender, whatever
    the display name before it looks like (`jean@example.org <evil@x>` is evil@x; the email
    package of Python 3.11 reads it as jean@example.org). A value naming several different
    addresses gives no address at all, so it can never pass for one member."""
    value = header_value or ""
    if _BARE_ADDRESS.fullmatch(value.strip()):
        return "", normalise(value)
    angle = _TRAILING_ANGLE_ADDR.match(value.strip())
    if angle:
        name = angle.group(1).strip()
        if len(name) >= 2 and name[0] == name[-1] == '"':
            name = name[1:-1]
        return name.strip(), normalise(angle.group(2))
    found = {normalise(addr) for _, addr in getaddresses([value])} - {""}
    if len(found) > 1:
        return "", ""
    name, addr = parseaddr(value)
    return name.strip(), normalise(addr)


def parse_many(header_values: list[str]) -> list[str]:
    """Return every normalised address found in the given header values, in order, deduplicated."""
    seen: dict[str, None] = {}
    values = [v for v in header_values if v]
    # a list of bare addresses ("a@x.org, b@y.org") is read piece by piece, as the package reads it
    # (it joins the values with ", " and reads ~35 µs an address); anything else by the package
    pieces = [p.strip() for v in values for p in v.split(",")]
    if all(not p or _BARE_ADDRESS.fullmatch(p) for p in pieces):
        pairs = [("", p) for p in pieces if p]
    else:
        pairs = getaddresses(values)
    for _, addr in pairs:
        n = normalise(addr)
        if n:
            seen.setdefault(n, None)
    return list(seen)


@functools.lru_cache(maxsize=64)
def split_list_address(list_address: str) -> tuple[str, str]:
    """Return (local part, domain) of the list address, lower-cased."""
    local, domain = normalise(list_address).split("@")
    return local, domain


BOUNCE_PREFIX = "b-"  # network+b-<token>@domain: the envelope sender, where bounces come back


def bounce_address(list_address: str, bounce_token: str) -> str:
    """The envelope sender of one outgoing message: a bounce to it names that exact message."""
    return token_address(list_address, BOUNCE_PREFIX + bounce_token)


def token_address(list_address: str, token: str) -> str:
    """Return the sub-address that carries `token` back to the list's mailbox."""
    local, domain = split_list_address(list_address)
    return f"{local}+{token}@{domain}"


def token_from_address(address: str, list_address: str) -> str | None:
    """Return the token of a sub-address of the list (`list+TOKEN@domain`), else None."""
    local, domain = split_list_address(list_address)
    addr = normalise(address)
    if not addr:
        return None
    a_local, a_domain = addr.split("@")
    if a_domain != domain or not a_local.startswith(local + "+"):
        return None
    token = a_local[len(local) + 1:]
    return token or None


def sub_addresses(header_values: list[str], list_address: str) -> list[str]:
    """Every sub-address of the list (`list+…@domain`) written in these header values, in order,
    found by one linear search however many other addresses they hold."""
    pattern = _sub_address_pattern(list_address)
    return [normalise(m.group(0)) for value in header_values for m in pattern.finditer(value)]


@functools.lru_cache(maxsize=64)
def _sub_address_pattern(list_address: str) -> re.Pattern:
    local, domain = split_list_address(list_address)
    return re.compile(rf"(?<![\w.+-]){re.escape(local)}\+[^\s@<>,;:\"()\[\]]{{1,200}}@{re.escape(domain)}(?![\w.-])",
                      re.IGNORECASE)


def is_list_address(address: str, list_address: str) -> bool:
    """True when `address` is the list address or one of its sub-addresses."""
    addr = normalise(address)
    return bool(addr) and (addr == normalise(list_address) or token_from_address(addr, list_address) is not None)


def token_from_message_id(message_id: str, domain: str) -> str | None:
    """Return the token of a Message-ID Convenor made (`<TOKEN.random@domain>`), else None."""
    m = re.match(r"^<?([a-z2-7]{16,40})\.[a-z0-9]+@([^>]+)>?$", (message_id or "").strip().lower())
    if not m or m.group(2) != domain.lower():
        return None
    return m.group(1)


@lru_cache(maxsize=4096)  # each copy to such an address is composed and sent: read it once
def transport_address(address: str) -> str:
    """The address as it goes on the wire and in `To`: an internationalised domain as its A-label
    (`ana@bücher.example` → `ana@xn--bcher-kva.example`), which every server takes without SMTPUTF8
    (RFC 5891); a non-ASCII part before the @ stays exactly as written (only SMTPUTF8 carries it,
    RFC 6531): not NFC-normalised as email-validator gives it, since `jose\u0301@` and `josé@` may
    be two mailboxes and a message for one must never reach the other. An ASCII address, or one
    email-validator cannot read, is returned unchanged."""
    if address.isascii():
        return address
    try:
        checked = validate_email(address, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError:
        return address
    return f"{address.rpartition('@')[0]}@{checked.ascii_domain}"


def needs_smtputf8(address: str) -> bool:
    """True when the address can only be mailed with SMTPUTF8: its part before the @ is not ASCII
    (an internationalised domain alone goes as its A-label)."""
    return not transport_address(address).isascii()


def check_mailable(address: str, smtputf8: bool | None) -> str:
    """The address normalised by email-validator (SMTPUTF8 addresses allowed, no DNS lookups), or
    ValueError saying why it cannot be a member's address: not an address, or its part before the
    @ is not ASCII while the sending server does not offer SMTPUTF8 (`smtputf8` False; None when
    not known yet: accepted, and a message that cannot go is reported to the coordinators)."""
    try:
        checked = validate_email(address.strip(), check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as exc:
        raise ValueError(f"{address.strip()!r} is not a valid email address: {exc}") from None
    normalised = checked.normalized.lower()
    if smtputf8 is False and needs_smtputf8(normalised):
        raise ValueError(
            f"{normalised} cannot be mailed from here: its part before the @ is not ASCII, which only "
            "servers offering SMTPUTF8 carry, and the sending server does not offer it. Use an address "
            "with only ASCII letters before the @ (an accented domain is fine)")
    return normalised
