"""A sending or forwarding service's own notice that one of OUR messages bounced (batch 19,
narrowed by review b19ab), and Amazon SES's bounce notification in JSON.

SendGrid's "Bounce: <our subject>", Mandrill's "Soft bounce: <our subject>", a private relay's
"Delivery failure for your relay address" come from a no-reply or bounce handler's address with a
non-null envelope sender, so none of the older rules reads them. A shop's "Delivery failed: package",
a bank's "Payment not delivered", a donation platform's "Processing error" come the same way and
name members: what tells ours apart is evidence that the notice is about a message we sent — our
bounce address (`<list>+b-<token>@…`) in its delivery headers, or our subject's tag ("[Vote 7]")
in its subject — with a real SMTP reply ("550 5.1.1", "smtp; 550"; a date "5.3.26", a street
"450 Harbour Road" or "Error 503" is none) and the failed address on a labelled line
("Recipient: …", "Email: …", "… to <addr>", "<addr>:") or on the SMTP reply's own line; never any
address the text happens to hold.
"""
from __future__ import annotations

import email.utils
import json
import re
from email.message import Message

from mailer.addresses import normalise
from mailer.autoreply_headers import written_in_a_person_program
from mailer.bounce_senders import sender_takes_its_replies
from mailer.bounce_text import own_parts, report_text
from mailer.bounce_words import FAILURE_SUBJECT
from mailer.header_text import header_values, raw_header_values

_ADDRESS = r"[A-Za-z0-9._%+=!#$&'*/?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_NO_REPLY_LOCAL = re.compile(r"^(?:[a-z0-9]+[-_])?(?:no-?reply|do-?not-?reply|donotreply)(?:[-_][a-z0-9]+)?$",
                             re.IGNORECASE)
# a service's sender named for its bounces and nothing else ("bounces@", "fwd-bounces@"; not "bounce.club@")
_BOUNCE_SENDER_LOCAL = re.compile(r"^(?:[a-z0-9]+[-_])?bounces?$", re.IGNORECASE)
# a sending service's subject "Bounce: <subject>" (SendGrid), "Soft bounce: …" (Mandrill)
BOUNCE_SUBJECT = re.compile(r"^\s*(?:hard |soft )?bounce[ds]?\s*[:(-]", re.IGNORECASE)
# our subject's tag, as Convenor writes it ("[Vote 7]", "[Scrutin 7]"; mailer.parse.SUBJECT_REF_RE)
_OUR_TAG = re.compile(r"\[[^\W\d_]{2,20}\s+#?\d{1,9}\]")
# an SMTP reply with its enhanced status ("550 5.1.1", "452-4.2.2") or a DSN's "smtp; 550"
# (review b20ab) a failure's or a delay's class only: "250 2.0.0 Ok" says a message was delivered
_SMTP_REPLY = re.compile(r"(?<![\w.])(?:[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}|smtp\s*;\s*[45]\d\d)(?![\w.])",
                         re.IGNORECASE)
_LABELLED = re.compile(r"^[ \t]*(?:recipient|email|e-mail|address|final-recipient|original-recipient|to)[ \t]*:"
                       r"[ \t]*(?:rfc822[ \t]*;)?[ \t]*<?(" + _ADDRESS + r")>?", re.IGNORECASE | re.MULTILINE)
# ("… to <addr>", not an address one is asked to write to: "Questions? Write to help@…", review b20ab)
_TO_ADDRESS = re.compile(r"(?<!write )(?<!reply )\bto[ \t]+<?(" + _ADDRESS + r")>?", re.IGNORECASE)
_ADDRESS_COLON = re.compile(r"<?(" + _ADDRESS + r")>?[ \t]*:")
_ANY = re.compile(_ADDRESS)
# a writer speaking as one person ("I", "my", "ich", "je"): a service's notice speaks of "the message you sent"
# (in its case: "My Account", "Mein Konto" are a service's pages)
_ONE_SPEAKS = re.compile(r"(?<![\w'’])(?:I|I['’](?:m|ve|d|ll)|my|[Ii]ch|mein\w*|[Jj]e)(?![\w'’])")


def bounce_subject_of_ours(subject: str) -> bool:
    """True when `subject` is "Bounce: …" (`BOUNCE_SUBJECT`) followed at once by our subject's tag
    ("Bounce: [Vote 7] …"); a member's "Bounce: mail to Per", "Bounces: December mailing" is not."""
    m = BOUNCE_SUBJECT.match(subject)
    return bool(m and _OUR_TAG.match(subject[m.end():].lstrip()))


def _named_failed(text: str) -> set[str]:
    """The addresses on a labelled line, after "to", before a colon, or on an SMTP reply's line."""
    found = {m.group(1) for r in (_LABELLED, _TO_ADDRESS, _ADDRESS_COLON) for m in r.finditer(text)}
    for line in text.split("\n"):
        if _SMTP_REPLY.search(line):
            found.update(_ANY.findall(line))
    return {normalise(a) or "" for a in found} - {""}


def _generated_notice(msg: Message, subject: str) -> bool:
    """True when the message is a program's notice of its own (Auto-Submitted "auto-generated", RFC 3834
    §5) whose subject opens with a failure's or a bounce's words ("Soft bounce: [Vote 8] …",
    "Delivery failure: …"). An answer to our message is none: a vacation or a help desk's receipt is
    "auto-replied", or puts its words before our subject ("Automatic reply: [Vote 9] The delayed AGM",
    "Received: [Network] A message could not be delivered": review b20ab)."""
    generated = any(v.split(";")[0].split("(")[0].strip().lower() == "auto-generated"
                    for v in raw_header_values(msg, "Auto-Submitted"))
    return generated and bool(BOUNCE_SUBJECT.match(subject) or FAILURE_SUBJECT.match(subject.lstrip()))


def service_notice_addresses(msg: Message, subject: str, failure_subject: bool, token_in_headers: bool) -> tuple[str, ...]:
    """The failed addresses of a service's notice that a message of ours bounced, () when `msg` is
    none. It is one when its subject says so (`failure_subject`, or "Bounce: <our subject>"), it is
    about our message (`token_in_headers`: our bounce address in its delivery headers, or our
    subject's tag in its subject), it answers nothing (no In-Reply-To), belongs to no list, was
    written in no person's mail program, attaches no message, comes from a no-reply or bounce
    handler's address with a non-null Return-Path not its own (unless "bounces@") — or from any
    address when it reached our bounce address as a program's own notice, its subject opening with
    the failure (`_generated_notice`: Postmark's notice from "support@", batch 20) and no word of its
    speaks as one person ("I", "my": a member who copied our bounce address) —, its text gives
    an SMTP reply of a failure or a delay with an enhanced status (not "250 2.0.0"), and names a
    failed address on a labelled line or the reply's line that is none of its headers' own."""
    ours_subject = bool(_OUR_TAG.search(subject)) if failure_subject else bounce_subject_of_ours(subject)
    if not (failure_subject or bounce_subject_of_ours(subject)) or not (token_in_headers or ours_subject):
        return ()
    if header_values(msg, "In-Reply-To") or raw_header_values(msg, "List-Id") or written_in_a_person_program(msg):
        return ()
    if any(p.get_content_type() in ("message/rfc822", "text/rfc822-headers") for p in own_parts(msg)):
        return ()  # a member passing on the notice she got attaches it (review b18ab's d11)
    paths = [email.utils.parseaddr(v)[1].lower() for v in raw_header_values(msg, "Return-Path")]
    froms = {normalise(email.utils.parseaddr(f)[1]) or "" for f in header_values(msg, "From")} - {""}
    bounces_sender = bool(froms) and all(_BOUNCE_SENDER_LOCAL.match(f.split("@")[0]) for f in froms)
    if not paths or not all(paths) or (sender_takes_its_replies(msg) and not bounces_sender):
        return ()
    no_reply_sender = bool(froms) and all(_NO_REPLY_LOCAL.match(f.split("@")[0]) for f in froms)
    if not (bounces_sender or no_reply_sender or (token_in_headers and _generated_notice(msg, subject))):
        return ()  # (batch 20, narrowed by review b20ab) any sender of a generated notice that reached our bounce address
    text = report_text(msg)
    if not _SMTP_REPLY.search(text):
        return ()
    if not (bounces_sender or no_reply_sender) and _ONE_SPEAKS.search(text[:5000]):
        return ()  # (review b20ab) a person copying our bounce address ("I copied this address …"), not a service
    own = froms | set(paths) | {normalise(a) or "" for _, a in email.utils.getaddresses(
        header_values(msg, "To") + header_values(msg, "Reply-To") + header_values(msg, "Delivered-To"))}
    return tuple(sorted(_named_failed(text) - own))


_SES_MAX = 200_000  # characters of a notification's text parsed as JSON


def ses_bounce_recipients(msg: Message) -> tuple[tuple[str, ...], bool] | None:
    """Amazon SES's bounce notification (its SNS JSON sent by email, the whole text one JSON
    object): the `bounce.bouncedRecipients[].emailAddress` and whether `bounceType` is Permanent;
    None for anything else. A member pasting such JSON into her words is read as her message: the
    text must open with the JSON (SNS's footer may follow), from a sender whose own mailbox does not take its replies."""
    if sender_takes_its_replies(msg) or written_in_a_person_program(msg):
        return None
    text = report_text(msg).strip()[:_SES_MAX]
    if not text.startswith("{") or "bouncedRecipients" not in text:
        return None
    try:
        data = json.JSONDecoder().raw_decode(text)[0]  # SNS may add its "unsubscribe" footer below
    except ValueError:
        return None
    if isinstance(data, dict) and isinstance(data.get("Message"), str):  # the SNS envelope around it
        try:
            data = json.loads(data["Message"])
        except ValueError:
            return None
    if not isinstance(data, dict) or (data.get("notificationType") or data.get("eventType")) != "Bounce":
        return None
    bounce = data.get("bounce")
    if not isinstance(bounce, dict) or not isinstance(bounce.get("bouncedRecipients"), list):
        return None
    found = {normalise(str(r.get("emailAddress", ""))) or "" for r in bounce["bouncedRecipients"] if isinstance(r, dict)}
    found.discard("")
    return (tuple(sorted(found)), bounce.get("bounceType") == "Permanent") if found else None
