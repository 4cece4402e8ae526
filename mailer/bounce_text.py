"""What a bounce says in its text when no detector reads it: status class, failed address, kind.

flufl.bounce reads RFC 3464 reports and many MTAs' formats; these readers cover the rest, on the
bounce's own text parts (never the returned message's body):

- `status_class`: "5" or "4" from the per-recipient Status of a DSN, else from an enhanced
  status code in the text ("550 5.1.1", "#4.4.7"), else from an SMTP reply code after "said:",
  "error", "response" or at the start of a line. RFC 3463: 5.x.x is permanent, 4.x.x transient.
- the failed recipients a report names only in its text: `mailer.bounce_addresses`.
- `is_challenge`: a challenge-response notice ("please verify you are human") is the
  recipient's spam filter asking for a click, not a failed delivery.
- `is_list_manager_error`: list managers' refusals (the words of carriers' notices in every
  language are `mailer.bounce_words`).
"""
from __future__ import annotations

import email
import html
import re
from email.message import Message

from mailer.bounce_words import (CHALLENGE, DELAY_SUBJECT, DELAY_TEXT, FAILED_BODY, GREYLISTED,
                                  HELD, WILL_ARRIVE,
                                  SUCCESS_SUBJECT, TEMPORARY_CAUSE)

MAX_TEXT = 200_000  # characters of a report's own text read by these rules

_LIST_MANAGER = re.compile(r"^(?:[\w.+-]+-(?:owner|request|bounces?|admin|help|return(?:-[\w.=-]*)?)|listserv|majordomo"
                           r"|mailman|sympa|lyris|ezmlm|listmaster|list-?manager|ecartis|smartlist)@",
                           re.IGNORECASE)
# (batch 21) a groups service's owner address ("neighbours+owner@groups.io"): any mailbox may carry the
# subaddress ("maria+owner@fastmail…"), so it reads as a list manager's only on a message a mail system
# marked (`is_list_manager_error`'s `marked`, review b21ab)
_GROUP_OWNER = re.compile(r"^[\w.-]+\+owner@", re.IGNORECASE)
_LIST_ERROR = re.compile(
    r"rejected|denied|refused|not permitted|unauthori[sz]ed|not (?:been )?(?:posted|distributed|accepted|delivered)|error|failed|failure"
    r"|undeliver|returned|not (?:allowed|authori[sz]ed|a member|subscribed)|non-member"
    r"|posting (?:denied|refused)|unknown (?:list|command)|no such list|bounce",
    re.IGNORECASE,
)
# RFC 3463: class.subject.detail, the subject 0-7; not a version ("hMailServer 5.6.8", "v4.2.1")
_ENHANCED = re.compile(r"(?<![\d.])(?<!version )(?<!release )(?<!build )(?<![vV])([45])\.[0-7]\.\d{1,3}(?![\d.])")
_SMTP_CODE = re.compile(r"(?:^|said:|error:?|response:?|reply:?|code:?|status:?|reason:?|grund:?|raison\s?:?|motivo:?"
                        r"|原因[:：]?|사유:?)\s*\(?([45])\d\d[\s\-)]",
                        re.IGNORECASE | re.MULTILINE)
# where a report's own text stops and the returned message begins
RETURNED_COPY = re.compile(
    r"^\s*(?:-+\s*)?(?:below this line is a copy|this is a copy of the message|original message"
    r" follows|the (?:original )?message follows|the original message (?:was|is) (?:attached|included|below)|returned message|message headers follow|unsent"
    r" message below|headers of the original|original message headers|a copy of the original"
    r"|-+ ?header of the source mail|-+ ?(?:the )?(?:original|source) (?:mail|message)"
    r"|received: from |\|?-+ ?message text follows)",
    re.IGNORECASE | re.MULTILINE,
)


def own_text_parts(msg: Message):
    """Yield the decoded text of the message's own text parts, not of returned messages."""
    from mailer.text_decoding import decode_text

    stack = [msg]
    while stack:
        part = stack.pop(0)
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack[0:0] = payload
            continue
        ctype = part.get_content_type()
        if ctype in ("message/rfc822", "text/rfc822-headers") or part.get_content_maintype() != "text":
            continue
        try:
            data = part.get_payload(decode=True) or b""
            yield decode_text(data, part.get_content_charset())[0][:MAX_TEXT]
        except (LookupError, ValueError, TypeError):
            yield str(part.get_payload())[:MAX_TEXT]


def report_text(msg: Message) -> str:
    """The report's own words: its text parts up to where a returned message is copied in
    (at most MAX_TEXT characters of them, CRLF read as LF)."""
    text = "\n".join(own_text_parts(msg))[:MAX_TEXT].replace("\r\n", "\n")
    m = RETURNED_COPY.search(text)
    return text[:m.start()] if m else text


_ID_VALUE = re.compile(r"^[ \t]*(?:(?:original[ \t]+)?[\w-]*message[- ]?id|in-reply-to|references)[ \t]*:[ \t]*(.{0,2000})$",
                       re.IGNORECASE | re.MULTILINE)
_TAG = re.compile(r"<[^<>]{0,500}>")
_BRACKETED = re.compile(r"<([^<>\s@]{1,200}@[^<>\s]{1,200})>")


def message_ids(msg: Message) -> set[str]:
    """The message ids (lower case, without brackets) that the report's text parts name on a
    "Message-ID:", "In-Reply-To:" or "References:" line, a returned copy pasted into the text
    included (an HTML part's too, "&lt;id@host&gt;" in a tag of its own), and those the returned
    message's own headers give (attached, or its headers only: batch 21, a detector that read a
    text/rfc822-headers part took our Message-ID): "<id@host>" has an address's form and is no
    failed recipient. Never raises."""
    try:
        found = _returned_copy_ids(msg)
        text = "\n".join(own_text_parts(msg))[:MAX_TEXT]
        if "id" not in text.lower() and "references" not in text.lower():
            return found
        if "&lt;" in text:  # an HTML part's copy of the headers: each tag a line's end, "&lt;id&gt;" as "<id>"
            text += "\n" + html.unescape(_TAG.sub("\n", text))
        return found | {m.lower() for line in _ID_VALUE.findall(text) for m in _BRACKETED.findall(line)}
    except Exception:  # noqa: BLE001 - nothing read is nothing excluded
        return set()


_ID_FIELDS = ("Message-ID", "In-Reply-To", "References", "Resent-Message-ID")


def returned_messages(msg: Message):
    """Each message a report returns: a message/rfc822 part's message, or a text/rfc822-headers
    part read as headers (its first MAX_TEXT bytes), in the report's order."""
    for part in msg.walk():
        ctype = part.get_content_type()
        inner = None
        if ctype == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
        elif ctype == "text/rfc822-headers":
            data = part.get_payload(decode=True) or b""
            inner = email.message_from_bytes(data[:MAX_TEXT].lstrip())
        if isinstance(inner, Message):
            yield inner


def _returned_copy_ids(msg: Message) -> set[str]:
    """The ids a returned message's own header fields give (`returned_messages`), lower case,
    without brackets."""
    from mailer.header_text import raw_header_values

    found: set[str] = set()
    for inner in returned_messages(msg):
        for name in _ID_FIELDS:
            for value in raw_header_values(inner, name):
                found.update(m.lower() for m in _BRACKETED.findall(value[:5000]))
    return found


# a Diagnostic-Code's own class: its enhanced code, else the SMTP reply code it opens with ("smtp; 452 …")
_DIAGNOSTIC_CLASS = re.compile(r"^(?:[^;]{0,40};)?\s*(?:([245])\d\d(?:[\s-]+([245])\.\d{1,3}\.\d{1,3})?)")


def _diagnostic_class(diagnostic: str) -> str | None:
    """"4" or "5" as a recipient block's Diagnostic-Code says, for a block without a Status field:
    the enhanced code after its reply code, else the reply code itself; None when it opens with neither."""
    m = _DIAGNOSTIC_CLASS.match(" ".join(diagnostic.split())[:200])
    if not m or not m.group(1):
        return None
    return m.group(2) or m.group(1)


def _dsn_statuses(msg: Message) -> list[str]:
    """The Status of each recipient block of the report's own delivery-status parts; a block that
    has none but a Failed/Delayed Action gives its Diagnostic-Code's class ("4" or "5") instead."""
    out = []
    for payload in delivery_status_payloads(msg):
        blocks = payload if isinstance(payload, list) else []
        for block in blocks:
            if not isinstance(block, Message):
                continue
            if block.get("status"):
                out.append(str(block.get("status")).strip())
            elif block.get("action") and block.get("diagnostic-code"):
                found = _diagnostic_class(str(block.get("diagnostic-code")))
                if found:
                    out.append(found)
        if not blocks and isinstance(payload, str):
            out += re.findall(r"(?im)^status:\s*([245]\.\d+\.\d+)", payload)
    return out


def status_class(msg: Message) -> str | None:
    """"5" (permanent) or "4" (transient) as the report's status says, or None when it gives none.

    Promises: a DSN's per-recipient Status decides first (any 5.x.x makes it "5"); then the
    enhanced codes of the report's own text; then SMTP reply codes after "said:", "error",
    "response" or at the start of a line. Never raises.
    """
    try:
        statuses = [s[0] for s in _dsn_statuses(msg) if s[:1] in ("4", "5")]
        if statuses:
            return "5" if "5" in statuses else "4"
        text = report_text(msg)
        classes = [m.group(1) for m in _ENHANCED.finditer(text)]
        if not classes:
            classes = [m.group(1) for m in _SMTP_CODE.finditer(text)]
        if classes:
            return "5" if "5" in classes else "4"
    except Exception:  # noqa: BLE001 - a part we cannot read gives no status
        return None
    return None


def policy_of(msg: Message) -> str | None:
    """The refusal's words when a bounce says the network's own mail setup was refused (5.7.x,
    DMARC, a blocklist: `mailer.policy_refusals`), read from its diagnostic codes, else its text."""
    from mailer.policy_refusals import policy_reason

    try:
        for part in msg.walk():
            if part.get_content_type() == "message/delivery-status":
                payload = part.get_payload()
                blocks = payload if isinstance(payload, list) else []
                for block in blocks:
                    if isinstance(block, Message):
                        diagnostic = str(block.get("diagnostic-code", "")).split(";", 1)[-1].strip()
                        status = str(block.get("status", "")).strip()
                        if reason := policy_reason(f"{diagnostic} [{status}]" if diagnostic else status):
                            return reason
        for line in report_text(msg).splitlines():
            if (_ENHANCED.search(line) or _SMTP_CODE.search(line + " ")) and (reason := policy_reason(line)):
                return reason
    except Exception:  # noqa: BLE001 - a part we cannot read says nothing of policy
        return None
    return None


def says_delivery_failed(msg: Message) -> bool:
    """True when the report's own text says a delivery failed or is delayed (for a mail
    system's message whose subject does not)."""
    try:
        text = report_text(msg)[:20_000]
        if FAILED_BODY.search(text) or (DELAY_TEXT.search(text) and not HELD.search(text)):
            return True
        # the same words wrapped over short lines ("не может\nбыть доставлено", Mail.Ru's layout)
        joined = " ".join(text.split())
        return joined != text and bool(FAILED_BODY.search(joined))
    except Exception:  # noqa: BLE001
        return False


def _subject_or_text_says(in_subject: re.Pattern, in_text: re.Pattern, msg: Message, subject: str,
                          chars: int) -> bool:
    """True when `in_subject` is found in the subject's first 300 characters, or `in_text` in
    the first `chars` of the report's own text; False for a report whose text cannot be read."""
    if in_subject.search(subject[:300]):
        return True
    try:
        return bool(in_text.search(report_text(msg)[:chars]))
    except Exception:  # noqa: BLE001 - a part we cannot read says nothing
        return False


def is_delay_notice(msg: Message, subject: str) -> bool:
    """True when a report that gives no status code says it is only a delay: a warning or delay
    subject ("Warning: could not send message for past 4 hours", "Zustellung verzögert") or
    words of its own text in the languages reports come in ("will continue to try",
    "nous réessaierons", "wird weiterhin versucht")."""
    return _subject_or_text_says(DELAY_SUBJECT, DELAY_TEXT, msg, subject, 20_000)


def says_cause_is_temporary(msg: Message) -> bool:
    """True when the report's own text says the failure's cause is temporary ("temporarily over
    quota"): for a report that gives no status code."""
    return _subject_or_text_says(TEMPORARY_CAUSE, TEMPORARY_CAUSE, msg, "", 20_000)


def own_parts(msg: Message):
    """Yield the message's own parts, not those of a message attached to it (a returned
    original, a forwarded report)."""
    stack = [msg]
    while stack:
        part = stack.pop(0)
        yield part
        if part.get_content_type() == "message/rfc822":
            continue
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack[0:0] = payload


def delivery_status_payloads(msg: Message):
    """Yield the payload of each of the message's own delivery-status parts: the list of its
    field blocks (per message, per recipient) as the email package parsed them, or its text
    when the package did not."""
    for part in own_parts(msg):
        if part.get_content_type() == "message/delivery-status":
            yield part.get_payload()


def dsn_actions(msg: Message) -> list[str]:
    """The per-recipient Action fields ("failed", "delayed", "delivered", "relayed",
    "expanded") of the message's own delivery-status parts, lower-case."""
    actions = []
    for payload in delivery_status_payloads(msg):
        if isinstance(payload, list):
            actions += [str(b.get("action")).strip().lower() for b in payload
                        if isinstance(b, Message) and b.get("action")]
        elif isinstance(payload, str):
            actions += [a.strip().lower() for a in re.findall(r"(?im)^action:\s*(\S+)", payload)]
    return actions


def reports_only_success(msg: Message, subject: str = "") -> bool:
    """True for a delivery report whose every recipient was delivered, relayed or expanded
    (Exchange's "Delivered:" / "Relayed:", Postfix's "Successful Mail Delivery Report"):
    nothing failed and nothing waits, so it is no bounce. A report without DSN fields is one
    when its subject says success ("Delivery Status Notification (Success)") and its own text
    has no word of a failure or a delay."""
    try:
        actions = dsn_actions(msg)
        if not actions:
            if not SUCCESS_SUBJECT.search(subject[:300]):
                return False
            text = report_text(msg)[:20_000]
            return not (FAILED_BODY.search(text) or DELAY_TEXT.search(text))
    except Exception:  # noqa: BLE001 - a report we cannot read is not called a success
        return False
    return not any(a.startswith(("fail", "delay")) for a in actions)


def is_greylisting_notice(msg: Message) -> bool:
    """True for a greylisting filter's notice that the message was deferred and will be delivered
    by itself (no status code in its words: a delay report gives one, "451 4.7.1 Greylisted")."""
    try:
        text = report_text(msg)[:5000]
        return (bool(GREYLISTED.search(text)) and bool(WILL_ARRIVE.search(text))
                and status_class(msg) is None)
    except Exception:  # noqa: BLE001
        return False


def is_challenge(msg: Message, subject: str) -> bool:
    """True for a challenge-response notice (the recipient's filter asks the sender to prove
    they are human), which is not a failed delivery."""
    return _subject_or_text_says(CHALLENGE, CHALLENGE, msg, subject, 5000)


# a list manager's own words refusing a post, for a reply whose subject says nothing ("ezmlm response")
_LIST_REFUSAL = re.compile(
    r"only (?:list )?(?:subscribers|members) (?:may|can|are allowed to) post|(?:are|were) not allowed to"
    r" (?:post|send)|you are not (?:a )?(?:member|subscriber)|(?:post(?:ing)?|message|submission) (?:was |has been )?"
    r"(?:rejected|refused|denied|not accepted)"
    # the same refusal in the list managers' other languages (Sympa, Mailman, LISTSERV set in fr/de/es/it/pt)
    r"|(?:message|post|nachricht|mensaje|messaggio|mensagem)\b[^.\n]{0,80}\b(?:a été rejeté|a été refusé|wurde abgelehnt"
    r"|wurde zurückgewiesen|ha sido rechazado|fue rechazado|è stato rifiutato|è stato respinto|foi rejeitad[ao]|foi recusad[ao])"
    r"|n'(?:êtes|est) pas autorisée? à (?:envoyer|poster|écrire)|sind nicht berechtigt|no (?:está|estás) autorizad[oa] a"
    r"|non (?:è|sei) autorizzat[oa] a|não (?:está|tem) autoriza",
    re.IGNORECASE)
# (batch 21) the same in Dutch, Swedish and Polish (review b21ab: Danish, Norwegian, Czech, Finnish), and with the list's address between noun and verb (its dots
# inside the sentence): a coordinator at a role address ("bestuur-admin@") writes these words of someone's post
# too ("Het bericht van Jan aan leden@… is afgewezen"), so they count only on a message a mail system marked
_LIST_REFUSAL_MARKED = re.compile(
    r"(?:message|post|nachricht|mensaje|messaggio|mensagem|bericht|meddelande|wiadomość|besked|meddelelse|melding(?:en)?"
    r"|zpráva|viesti(?:si)?)\b(?:[^.\n]|\.(?=\S)){0,80}"
    r"\b(?:a été rejeté|a été refusé|wurde abgelehnt|wurde zurückgewiesen|ha sido rechazado|fue rechazado|è stato rifiutato"
    r"|è stato respinto|foi rejeitad[ao]|foi recusad[ao]|is geweigerd|werd geweigerd|is afgewezen|har avvisats|avvisades"
    r"|została odrzucona|er blevet afvist|blev afvist|ble avvist|er avvist|byla odmítnuta|byla zamítnuta|hylättiin"
    r"|on hylätty)|u bent geen lid van deze lijst",
    re.IGNORECASE)


def marked_by_a_mail_system(msg: Message) -> bool:
    """True when a mail system marked the message as its own: Auto-Submitted (other than "no"), Precedence
    bulk, list or junk, a list manager's X-Loop or X-List-Administrivia, or a null Return-Path (no person's
    mail program writes these)."""
    from mailer.header_text import raw_header_values

    if any(v.strip().lower() not in ("", "no") for v in raw_header_values(msg, "Auto-Submitted")):
        return True
    if raw_header_values(msg, "X-Loop") or raw_header_values(msg, "X-List-Administrivia"):
        return True
    if any(v.strip().lower() in ("bulk", "list", "junk") for v in raw_header_values(msg, "Precedence")):
        return True
    return any(v.strip() == "<>" for v in raw_header_values(msg, "Return-Path"))


def is_list_manager_error(sender: str, subject: str, msg: Message | None = None, marked: bool = False) -> bool:
    """True when a list manager (LISTSERV, Majordomo, ezmlm, Mailman's -owner/-bounces …) answers
    with a refusal or an error: said by its subject, or (given `msg`) by its own text when the
    subject says nothing ("ezmlm response": "only subscribers may post"). A groups service's
    "<group>+owner@" sender, and the refusal's words in Dutch, Swedish, Polish or around the list's
    address (`_LIST_REFUSAL_MARKED`), count only when `marked`: a mail system marked the message, or
    our bounce address received it (a member's own "+owner" subaddress, a coordinator's role address)."""
    if not _LIST_MANAGER.match(sender or "") and not (marked and _GROUP_OWNER.match(sender or "")):
        return False
    if msg is None:
        return bool(_LIST_ERROR.search(subject[:300]))
    return (_subject_or_text_says(_LIST_ERROR, _LIST_REFUSAL, msg, subject, 5000)
            or (marked and _subject_or_text_says(_LIST_REFUSAL_MARKED, _LIST_REFUSAL_MARKED, msg, subject, 5000)))
