"""Recognising bounces (delivery-status notifications) and reading who failed and how.

flufl.bounce (the detectors of GNU Mailman) reads the failed addresses of RFC 3464 DSNs and of
many MTAs' free-text formats. Two rules of our own cover what its current release no longer
reads: Exim's "The following address(es) failed:" block and a "Could not find a gateway for"
line. A message is a bounce when it is a DSN, when a detector finds failures, or when it comes
from MAILER-DAEMON / postmaster with a null (or no) Return-Path and a failure subject (or has
a failure subject and a null From, or a returned copy of the original attached), or when a
sending or forwarding service's no-reply or bounce-handler address reports one with a status
code and the failed address about a message of ours (`mailer.bounce_service`).

The bounce token tells which of our messages came back: Convenor sends from
`<list local>+b-<token>@<domain>`, so a bounce is delivered to that address, and its DSN or
returned copy usually mentions it.
"""
from __future__ import annotations

import email.policy
import email.utils
import re
from email.message import EmailMessage, Message

from mailer.bounce_detectors import all_failures

from mailer.addresses import BOUNCE_PREFIX, normalise, split_list_address
from mailer.bounce_forwarding import forwarded_by_delivery, forwarded_from
from mailer.bounce_addresses import detector_addresses, inline_returned_headers, named_addresses
from mailer.bounce_senders import forwards_what_it_received, sender_takes_its_replies, written_like_a_person
from mailer.bounce_precheck import failure_subject, may_be_bounce
from mailer.bounce_service import service_notice_addresses, ses_bounce_recipients
from mailer.bounce_text import (is_challenge, is_delay_notice, is_greylisting_notice, is_list_manager_error,
                                marked_by_a_mail_system, message_ids, own_parts, own_text_parts, policy_of,
                                reports_only_success, says_cause_is_temporary, says_delivery_failed,
                                status_class)
from mailer.bounce_words import FAILURE_SUBJECT, FORWARDING_FAILED_SUBJECT
from mailer.autoreply_headers import written_in_a_person_program
from mailer.header_text import first_header, header_values, raw_header_values
from mailer.message import BounceInfo
from mailer.subjects import REPLY_PREFIX

MAX_SCAN = 1_000_000  # characters of a message searched for the bounce token

_DAEMON = re.compile(r"^(?:mailer-daemon|postmaster|mail\.delivery\.system|mdaemon|mail-daemon"
                     r"|mailerdaemon|mail delivery subsystem)@", re.IGNORECASE)
_FAILURE_SUBJECT = FAILURE_SUBJECT
_ADDRESS = re.compile(r"[A-Za-z0-9._%+=!#$&'*/?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_EXIM_START = re.compile(r"following\s+address(?:es|\(es\))?\s+failed\s*:", re.IGNORECASE)
_GATEWAY = re.compile(r"could not find a gateway for\s+<?(" + _ADDRESS.pattern + ")",
                      re.IGNORECASE)


def _own_rules(msg: Message) -> set[str]:
    """Failed addresses read by our rules from free-text bounces flufl.bounce does not read."""
    found: set[str] = set()
    for text in own_text_parts(msg):
        text = text[:MAX_SCAN].replace("\r\n", "\n")
        for m in _GATEWAY.finditer(text):
            found.add(m.group(1))
        m = _EXIM_START.search(text)
        if not m:
            continue
        block: list[str] = []
        for line in text[m.end():].split("\n")[1:20]:
            if not line.strip():
                if block:
                    break
                continue
            if line.lstrip().startswith(("---", "SMTP error", "host ")):
                break
            block.append(line)
        for line in block:
            found.update(_ADDRESS.findall(line))
    return found


def _is_dsn(msg: Message) -> bool:
    """A delivery-status report of its own (one attached to a person's forward is not)."""
    if msg.get_content_type() == "multipart/report":
        if msg.get_param("report-type", "", header="content-type").lower() == "delivery-status":
            return True
    return any(part.get_content_type() == "message/delivery-status" for part in own_parts(msg))


def _forwards_a_report(msg: Message) -> bool:
    """True when a message attached to `msg` is itself a delivery report (a forwarded bounce)."""
    for part in own_parts(msg):
        if part.get_content_type() != "message/rfc822":
            continue
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message) and (_is_dsn(inner) or _from_daemon(
                header_values(inner, "From"), [normalise(email.utils.parseaddr(f)[1]) or ""
                                               for f in header_values(inner, "From")])):
            return True
    return False


def _written_by_a_person(msg: Message, subject: str) -> bool:
    """A member who answers or forwards a bounce wrote that message: its subject is a reply
    prefix right before a report's subject ("Re: Mail delivery failed: …", "Fwd: Undelivered
    Mail …"; a report that appends its words to "RE: <subject>" is not one), or a report is
    attached to it; and it comes from a personal address with a return path and has no
    delivery-status report of its own."""
    head = REPLY_PREFIX.match(subject)
    answers_a_report = bool(head.group(0).strip()) and _FAILURE_SUBJECT.match(subject, head.end())
    if not (answers_a_report or _forwards_a_report(msg)):
        return False
    if any(rp.strip() in ("<>", "") for rp in raw_header_values(msg, "Return-Path")):
        return False
    froms = header_values(msg, "From")
    senders = [normalise(email.utils.parseaddr(s)[1]) or "" for s in froms + header_values(msg, "Sender")]
    if not any(senders) or _from_daemon(froms, senders):
        return False
    return not _is_dsn(msg)


def _from_daemon(froms: list[str], senders: list[str]) -> bool:
    """True when the message comes from MAILER-DAEMON, postmaster or a mail delivery system."""
    return any(_DAEMON.search(s) for s in senders) or any(
        re.search(r"mailer-daemon|postmaster|mail delivery (?:system|subsystem)", s, re.I)
        for s in froms)


def _is_daemon_failure(msg: Message, list_address: str) -> bool:
    """A failure subject from a mail system (MAILER-DAEMON, postmaster, a null From, a list
    manager's refusal) or with a returned copy of the
    original attached; never a reply or a forward."""
    subject = first_header(msg, "Subject")
    if re.match(r"\s*(?:re|fwd?|tr|wg|aw|sv)\s*:", subject, re.IGNORECASE):
        return False
    froms = header_values(msg, "From")
    senders = [normalise(email.utils.parseaddr(s)[1]) or "" for s in froms + header_values(msg, "Sender")]
    # (review b21ab) a groups service's "+owner@" and the widened refusals ask for a mail system's mark
    marked = (marked_by_a_mail_system(msg)
              or _token_in_headers(msg, _token_pattern(list_address)) is not None)
    if any(is_list_manager_error(s, subject, msg, marked) for s in senders):
        return True
    if raw_header_values(msg, "X-MS-Exchange-Message-Is-Ndr"):
        return True  # Exchange marks its non-delivery reports so, in whatever language they are
    if FORWARDING_FAILED_SUBJECT.search(subject[:500]) and _from_a_mail_system(msg, senders):
        return True  # (batch 18) "Forwarding failed" from a forwarding service's null sender or MAILER-DAEMON
    if not failure_subject(subject):
        return _from_daemon(froms, senders) and says_delivery_failed(msg)
    if froms and all(not email.utils.parseaddr(f)[1] for f in froms):
        return True  # "Mail System <>": only a mail system sends from the null address
    if _from_daemon(froms, senders):
        return True  # qmail's "failure notice" comes from postmaster with its own Return-Path
    if sender_takes_its_replies(msg):
        return False  # a person's mailbox (Return-Path its own From) sent it, whatever it has attached
    return_paths = [rp.strip() for rp in header_values(msg, "Return-Path")]
    if any(rp in ("<>",) for rp in return_paths):
        return True
    # a returned copy, unless it is a message its own sender received and passes on (batch-16 review)
    return (any(part.get_content_type() in ("message/rfc822", "text/rfc822-headers") for part in msg.walk())
            and not forwards_what_it_received(msg))


def _from_a_mail_system(msg: Message, senders: list[str]) -> bool:
    """True when a mail system sent the message: its envelope sender is null (`Return-Path: <>`,
    written by mail systems only) or it comes from MAILER-DAEMON or another daemon address of
    `_DAEMON` (not postmaster: a member may write from one), it answers no message (no In-Reply-To) and no mail program people write in
    wrote it (review b18ab: a member's own "Forwarding failed – hva betyr dette?")."""
    if header_values(msg, "In-Reply-To") or written_in_a_person_program(msg):
        return False
    return (any(rp.strip() == "<>" for rp in raw_header_values(msg, "Return-Path"))
            or any(_DAEMON.match(s) and not s.lower().startswith("postmaster@") for s in senders))


def _token_pattern(list_address: str) -> re.Pattern | None:
    try:
        local, domain = split_list_address(list_address)
    except ValueError:
        return None
    return re.compile(re.escape(local) + r"\+" + re.escape(BOUNCE_PREFIX) + r"([a-z2-7]{16,40})@" + re.escape(domain)
                      + r"(?![a-z0-9.-])", re.IGNORECASE)


def _token_in_headers(msg: Message, pattern: re.Pattern | None) -> str | None:
    """The bounce token of our bounce address in the delivery headers (Delivered-To, To, …)."""
    for name in ("Delivered-To", "X-Original-To", "To", "Envelope-To", "X-Envelope-To"):
        for value in header_values(msg, name) if pattern else ():
            m = pattern.search(value)
            if m:
                return m.group(1).lower()
    return None


def _find_token(msg: Message, list_address: str) -> str | None:
    """The bounce token of `<local>+b-<token>@<domain>` in the delivery headers or anywhere."""
    pattern = _token_pattern(list_address)
    if pattern is None:
        return None
    found = _token_in_headers(msg, pattern)
    if found:
        return found
    try:
        flat = msg.as_string(policy=email.policy.compat32)[:MAX_SCAN]
    except Exception:  # a message the generator cannot write: search its parts instead
        flat = "\n".join(own_text_parts(msg))[:MAX_SCAN]
    m = pattern.search(flat)
    return m.group(1).lower() if m else None


def detect_bounce(msg: EmailMessage, list_address: str) -> BounceInfo | None:
    """Return what a bounce says (failed addresses, permanent or not, our token), or None.

    Promises: None for a message that is not a DSN, in which no detector finds a failure and
    that has no failure subject from a mail system (see `_is_daemon_failure`); None for a
    person's reply to or forward of a bounce (`_written_by_a_person`) and for a report whose
    every recipient was delivered or relayed. Otherwise
    `addresses` are the normalised (lower-case) failed recipients, possibly empty when none
    can be read; `permanent` is False when only delays/temporary failures are reported (a DSN
    Action "delayed", a warning); `token` is the token of `<list local>+b-<token>@<domain>`
    found in Delivered-To / X-Original-To / To or anywhere in the message, else None.
    Never raises on a malformed message. Ordinary mail (no sign of a mail system anywhere in
    its headers) is answered at once without running the detectors over its whole text.
    """
    if not may_be_bounce(msg, list_address):
        return None
    subject = first_header(msg, "Subject")
    try:
        if _written_by_a_person(msg, subject) or reports_only_success(msg, subject):
            return None
    except Exception:  # noqa: BLE001 - an unreadable part leaves the verdict to the detectors
        pass
    try:
        temporary, permanent = all_failures(msg)
    except Exception:  # a detector that trips on a broken message is no verdict
        temporary, permanent = frozenset(), frozenset()
    if (temporary or permanent) and _names_only_ours(temporary | permanent, msg, list_address):
        temporary, permanent = frozenset(), frozenset()  # a detector that read our envelope and our copy's id: nothing
    try:
        ses = ses_bounce_recipients(msg)
    except Exception:  # noqa: BLE001 - no verdict from a notification we cannot read
        ses = None
    if ses is not None:  # (batch 19) Amazon SES's JSON: its own fields name who bounced, not a detector's find
        temporary, permanent = frozenset(), frozenset()
    ours: set[str] = set(ses[0]) if ses else set()
    if not temporary and not permanent and not ours:
        try:
            ours = _own_rules(msg)
        except Exception:  # same: no verdict from a part we cannot decode
            ours = set()
    try:
        dsn = _is_dsn(msg)
        daemon = _is_daemon_failure(msg, list_address)
        service = () if (dsn or daemon or temporary or permanent or ours) else _service_notice(msg, subject, list_address)
    except Exception:
        dsn = daemon = False
        service = ()
    daemon = daemon or bool(service)
    if not (temporary or permanent or ours or dsn or daemon):
        return None
    if not (ours or dsn or daemon) and _a_persons_own_message(msg, list_address):
        return None  # (review b19ab) a detector's find alone in a member's own CSV, JSON or mailto line
    if not dsn and (is_challenge(msg, subject) or is_greylisting_notice(msg)):
        return None  # the recipient's filter asks for a click, or passes the message on later: nothing failed
    if permanent:
        addresses, is_permanent = detector_addresses(permanent), True
    elif temporary:
        addresses, is_permanent = detector_addresses(temporary), False
    else:
        addresses = detector_addresses(ours) or service  # a service's notice: its labelled lines alone
        is_permanent = ses[1] if ses else not is_delay_notice(msg, subject)
    own = _own_addresses(msg, list_address)
    ids = message_ids(msg) if addresses else set()  # a detector that read a copy's "Message-ID: <…@…>"
    addresses = tuple(a for a in addresses if not _is_ours(a, list_address) and a not in ids)
    if any(a in own for a in addresses):
        # a detector that read the report's own From/To or our address: the rest is the answer
        addresses = tuple(a for a in addresses if a not in own)
    if not addresses:
        addresses = tuple(a for a in named_addresses(msg, own) if not _is_ours(a, list_address))
    if not addresses:
        addresses = _pasted_copys_recipient(msg, list_address)
    token = _find_token(msg, list_address)
    if not (temporary or permanent or ours or dsn) and written_like_a_person(msg, addresses, token):
        return None  # only its sender's name or its words said bounce: a member at postmaster@ (batch-16 review)
    status = status_class(msg)
    if status is not None:
        is_permanent = status == "5"
    elif is_permanent and says_cause_is_temporary(msg):
        is_permanent = False  # no code, but its words say the cause will pass: soft, as a 4.x.x would be
    via = forwarded_from(msg)
    if not via and len(addresses) == 1:
        origin = forwarded_by_delivery(msg, addresses[0])
        if origin and not _is_ours(origin, list_address):
            via = {addresses[0]: origin}
    if via:  # the failed address is the forward target, not the address we sent to
        targets: dict[str, set[str]] = {}  # an alias expanded to several mailboxes names each that failed
        for target, origin in via.items():
            targets.setdefault(origin, set()).add(target)
        addresses = tuple(sorted({t for a in addresses for t in targets.get(a, {a})}))
    return BounceInfo(addresses=addresses, permanent=is_permanent,
                      token=token, policy=policy_of(msg) if is_permanent else None,
                      forwarded_from=tuple(sorted((t, o) for t, o in via.items() if t in addresses)))


_DAEMON_ADDRESS = re.compile(r"mailer-daemon|postmaster|^$", re.IGNORECASE)


def _a_persons_own_message(msg: Message, list_address: str) -> bool:
    """Written in a person's mail program, sent from a mailbox that takes its own replies (or with
    no Return-Path), not from MAILER-DAEMON or postmaster, with no mark of a mail system (Auto-Submitted, a returned copy or a report
    part) and no bounce address of ours in its delivery headers."""
    if not written_in_a_person_program(msg) or _token_in_headers(msg, _token_pattern(list_address)):
        return False  # (a mail system may send from its own mailbox too: flufl.bounce's simple_20)
    if any(_DAEMON_ADDRESS.search(email.utils.parseaddr(f)[1]) for f in header_values(msg, "From")):
        return False
    if raw_header_values(msg, "Return-Path") and not sender_takes_its_replies(msg):
        return False
    if any(v.strip().lower() not in ("", "no") for v in raw_header_values(msg, "Auto-Submitted")):
        return False
    return not any(p.get_content_type() in ("message/rfc822", "text/rfc822-headers", "message/delivery-status")
                   for p in msg.walk())


def _service_notice(msg: Message, subject: str, list_address: str) -> tuple[str, ...]:
    """(batch 19, review b19ab) a sending or forwarding service's notice about a message of ours:
    its failed addresses (`mailer.bounce_service.service_notice_addresses`), () when it is none."""
    if re.match(r"\s*(?:re|fwd?|tr|wg|aw|sv)\s*:", subject, re.IGNORECASE):
        return ()
    failure = failure_subject(subject) or bool(FORWARDING_FAILED_SUBJECT.search(subject[:500]))
    token = _token_in_headers(msg, _token_pattern(list_address)) is not None
    return tuple(a for a in service_notice_addresses(msg, subject, failure, token) if not _is_ours(a, list_address))


def _names_only_ours(found, msg: Message, list_address: str) -> bool:
    """True when every address the detectors read is the list's own (our envelope sender) or the
    id of our returned copy ("<…@example.org>"): they found no failed recipient."""
    addresses = detector_addresses(found)
    if all(_is_ours(a, list_address) for a in addresses):
        return True
    ids = message_ids(msg)
    return all(_is_ours(a, list_address) or a in ids for a in addresses)


def _pasted_copys_recipient(msg: Message, list_address: str) -> tuple[str, ...]:
    """The one recipient of our message when the report names none but pastes our message's
    headers below its words (From us, one To, no Cc: Convenor writes to one person at a time);
    () for a copy of anyone else's message."""
    copy = inline_returned_headers(msg)
    recipients = copy.get("to", []) + copy.get("cc", [])
    if copy.get("from") and all(_is_ours(a, list_address) for a in copy["from"]) and len(set(recipients)) == 1:
        return (normalise(recipients[0]) or recipients[0],)
    return ()


def _is_ours(address: str, list_address: str) -> bool:
    """True for the list's own address or one of its plus-addresses (a report quoting our
    envelope sender, "MAIL From:<network+b-…>", names no failed recipient there)."""
    local, domain = split_list_address(list_address)
    address = address.lower()
    return address == list_address.lower() or (address.startswith(local.lower() + "+")
                                               and address.endswith("@" + domain.lower()))


def _own_addresses(msg: Message, list_address: str) -> set[str]:
    """Addresses a report names that cannot be the failed recipient: its own From, To, Sender,
    Return-Path and Reply-To, and the list's own addresses (`network+…@example.org`) wherever
    they appear in its headers. X-Original-To and Delivered-To are ours only when they are the
    list's: a relayed report may name the failed recipient there."""
    local, domain = split_list_address(list_address)
    own = {list_address.lower()}
    for name in ("From", "To", "Sender", "Return-Path", "Reply-To", "Delivered-To", "X-Original-To"):
        for value in raw_header_values(msg, name):
            for _, addr in email.utils.getaddresses([value]):
                addr = addr.lower()
                ours = addr.startswith(local.lower() + "+") and addr.endswith("@" + domain.lower())
                if "@" in addr and (ours or name not in ("Delivered-To", "X-Original-To")):
                    own.add(addr)
    return own
