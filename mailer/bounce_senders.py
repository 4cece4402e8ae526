"""Whether a message that reads like a mail system's notice was sent the way a person's is.

A mail system sends its notices from the null sender (RFC 5321 §4.5.5), or at least marks them
(Auto-Submitted), returns a copy of what failed, or gives an SMTP status code. A small
organisation's admin who is also a member writes from postmaster@ like anyone else: their
mailbox takes its own replies (Return-Path is their From address) and their words carry none
of those signs, whatever they say of a message that "could not be delivered" (batch-16 review).
"""
from __future__ import annotations

import email.utils
import re
from email.message import Message

from mailer.addresses import normalise
from mailer.autoreply_headers import written_in_a_person_program
from mailer.bounce_text import own_parts, status_class
from mailer.header_text import header_values, raw_header_values


# a forwarder's Sender Rewriting Scheme: SRS0=<hash>=<time>=<domain>=<local>@forwarder (SRS1 wraps one)
_SRS = re.compile(r"^srs[01][=+-].*=([^=@]+)=([^=@]+)@[^@]+$", re.IGNORECASE)


def sender_takes_its_replies(msg: Message) -> bool:
    """True when the message has a Return-Path and every one is its own (non-null) From address, or
    a forwarder's SRS rewrite of it: the sender's mailbox takes what comes back, as a person's does."""
    paths = [email.utils.parseaddr(v)[1] for v in raw_header_values(msg, "Return-Path")]
    if not paths or not all(paths):
        return False
    froms = {normalise(email.utils.parseaddr(f)[1]) for f in header_values(msg, "From")} - {None, ""}

    def own(path: str) -> bool:
        srs = _SRS.match(path)
        return normalise(f"{srs.group(2)}@{srs.group(1)}" if srs else path) in froms
    return bool(froms) and all(own(p) for p in paths)


def has_machine_signs(msg: Message, status_counts: bool = True) -> bool:
    """True when the message carries a mail system's own mark: an Auto-Submitted header (other than
    "no"), a returned copy (message/rfc822, text/rfc822-headers) among its own parts, or (when
    `status_counts`) a status code in its own text (`status_class`)."""
    if any(v.strip().lower() not in ("", "no") for v in raw_header_values(msg, "Auto-Submitted")):
        return True
    if any(p.get_content_type() in ("message/rfc822", "text/rfc822-headers") for p in own_parts(msg)):
        return True
    return status_counts and status_class(msg) is not None


def forwards_what_it_received(msg: Message) -> bool:
    """True when a message attached to `msg` (message/rfc822 among its own parts) was addressed to
    `msg`'s own sender: the sender passes on a message they received (the ballot, forwarded as an
    .eml), where a mail system's returned copy is addressed to the recipient who failed."""
    froms = {normalise(email.utils.parseaddr(f)[1]) for f in header_values(msg, "From")} - {None, ""}
    for part in own_parts(msg):
        if part.get_content_type() != "message/rfc822" or not froms:
            continue
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            to = email.utils.getaddresses(header_values(inner, "To") + header_values(inner, "Cc"))
            if froms & {normalise(a) for _, a in to}:
                return True
    return False


def written_like_a_person(msg: Message, addresses: tuple[str, ...], token: str | None) -> bool:
    """For a message read as a bounce only from its sender's name (postmaster@, MAILER-DAEMON) or its
    subject and words: True when it names no failed address and no token of ours (or only the token
    of a ballot it forwards as received: `forwards_what_it_received`) and was sent as a person's is
    (`sender_takes_its_replies`) or without any Return-Path; or when it was sent as a person's is,
    in a person's mail program, with no mail system's mark (`has_machine_signs`). A member at
    postmaster@ saying her vote "could not be delivered", or forwarding her server's report or the
    ballot with her vote on top, is a person (batch-16 review). A status code in her words
    ("your mail to Tom bounced with 550 5.1.1") is no mail system's mark when no token of ours is
    in the message: a report of a mail system is about a message of ours (batch 20); but it is
    when the From names a mail system, MAILER-DAEMON or "Mail Delivery System", which no member
    writes as (review b20ab)."""
    names_nothing = not addresses and (token is None or forwards_what_it_received(msg))
    if not raw_header_values(msg, "Return-Path"):
        return names_nothing  # fetched without its envelope: only a notice that names nothing is given up
    if not sender_takes_its_replies(msg):
        return False
    return names_nothing or (written_in_a_person_program(msg)
                             and not has_machine_signs(msg, status_counts=token is not None or _a_daemons_name(msg)))


# MAILER-DAEMON, a mail delivery system: what no member writes as (postmaster@ is a role address she may read)
_DAEMON_NAME = re.compile(r"mailer-?daemon|mail-daemon|mdaemon@|mail delivery (?:system|subsystem)|mail\.delivery\.system",
                          re.IGNORECASE)


def _a_daemons_name(msg: Message) -> bool:
    """True when the From names a mail system (MAILER-DAEMON, "Mail Delivery System"), in its address or
    its display name: a status code then stays a mail system's mark (review b20ab)."""
    return any(_DAEMON_NAME.search(value[:300]) for value in header_values(msg, "From"))

