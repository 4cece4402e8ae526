"""The failed recipients a bounce names outside a DSN's fields, when no detector reads them.

- `named_addresses`: an X-Failed-Recipients header, Exchange's list of the recipients that failed,
  the returned message's To when it has one address, else the addresses in the report's text
  that are neither the report's own nor a mail system's, nor named only as someone to write to ("for help, contact support@…") or as the
  list a list manager distributed to; a list manager's refusal with no copy names the list by its
  owner's address ("team-owner@…" → team@…) or, from a list server, by its name ("… to the news
  mailing list" from lyris@lists.x → news@lists.x).
- `detector_addresses`: flufl.bounce's finds as addresses (as found).
- `inline_returned_headers`: the From, To, Cc and Delivered-To of a returned message copied into the text.

Written by hand: flufl.bounce reads RFC 3464 reports and many MTAs' formats, and these are the
reports it finds no address in (see `mailer.bounce_text`).
"""
from __future__ import annotations

import email.utils
import re
from email.message import Message

from mailer.addresses import normalise
from mailer.bounce_text import MAX_TEXT, RETURNED_COPY, message_ids, own_text_parts, report_text, returned_messages
from mailer.bounce_words import CONTACT
from mailer.header_text import raw_header_values

_ADDRESS = re.compile(r"[A-Za-z0-9._%+=!#$&'*/?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SYSTEM_LOCAL = re.compile(r"^(?:mailer-daemon|postmaster|root|abuse|noreply|no-reply|nobody"
                           r"|mail-daemon|mailerdaemon|daemon|bounces?|hostmaster|webmaster)$",
                           re.IGNORECASE)
# a line naming a message by its id ("Message-ID:", "Original-Message-Id:", "Resent-Message-ID:",
# "Message ID:"): "<id@host>" has an address's form and is none
_ID_LINE = re.compile(r"\s*(?:(?:original[ \t]+)?[\w-]*message[- ]?id|in-reply-to|references|received|x-[\w-]+)\s*:", re.I)


def detector_addresses(raw) -> tuple[str, ...]:
    """The detectors' finds (bytes or text) as normalised addresses, sorted. A find that is no bare
    address (a quoted address on a comma line, JSON around one) stays as found, so that it names
    no member (review b19ab; Amazon SES's JSON is read by `mailer.bounce_service`)."""
    out = set()
    for address in raw:
        text = address.decode("ascii", "surrogateescape") if isinstance(address, bytes) else address
        n = normalise(text)  # reads 8-bit UTF-8 (an SMTPUTF8 report) itself; "" for bytes that are not
        if n:
            out.add(n)
    return tuple(sorted(out))


def _header_addresses(msg: Message, names: tuple[str, ...]) -> set[str]:
    found = set()
    for name in names:
        for value in raw_header_values(msg, name):
            for _, addr in email.utils.getaddresses([value]):
                if "@" in addr:  # an 8-bit UTF-8 header (SMTPUTF8) comes surrogate-escaped
                    found.add(normalise(addr) or addr.lower())
    return found


def _returned_recipients(msg: Message) -> set[str]:
    """The To/Cc of the returned message (attached, or headers only), when there is one."""
    for inner in returned_messages(msg):
        return _header_addresses(inner, ("To", "Cc"))
    return set()


_HEADER_FIELD = re.compile(r"^([A-Za-z][\w-]{0,40}):[ \t]*(.*)$")


def inline_returned_headers(msg: Message) -> dict[str, list[str]]:
    """The From, To, Cc and Delivered-To addresses of a returned message copied into the report's text (not
    attached): the first header block after "Below this line is a copy of the message" or the
    like. Promises: lower-case addresses by lower-case field name, {} when there is no such copy;
    reads at most 120 lines. Never raises."""
    try:
        text = "\n".join(own_text_parts(msg))[:MAX_TEXT].replace("\r\n", "\n")
        m = RETURNED_COPY.search(text)
        if m is None:
            return {}
        found: dict[str, list[str]] = {}
        in_headers, name = False, ""
        for line in text[m.start():].split("\n")[:120]:
            field = _HEADER_FIELD.match(line)
            if field:
                in_headers, name, value = True, field.group(1).lower(), field.group(2)
            elif in_headers and line[:1] in (" ", "\t"):
                value = line
            elif in_headers:
                break  # the end of the copy's header block
            else:
                continue  # the marker's own line and words before the copy
            if name in ("from", "to", "cc", "delivered-to"):
                found.setdefault(name, []).extend(
                    a.lower() for _, a in email.utils.getaddresses([value]) if "@" in a)
        return found
    except Exception:  # noqa: BLE001 - no copy we can read
        return {}


def named_addresses(msg: Message, own: set[str]) -> tuple[str, ...]:
    """The failed recipients a report names outside a DSN's fields (see the module docstring).

    `own` are addresses that cannot be the failed one (the list's, the report's From and To).
    Promises: lower-case addresses; () when none can be told. Never raises.
    """
    try:
        failed = _header_addresses(msg, ("X-Failed-Recipients",))
        if failed:
            return tuple(sorted(failed))
        listed = _exchange_failed_list(report_text(msg))
        if listed:
            return listed
        returned = {a for a in _returned_recipients(msg) if a not in own}
        if len(returned) == 1:
            return tuple(returned)
        candidates = []
        admin: list[str] = []  # a list's own administrative addresses: someone to write to, never the failure
        words = "\n".join(line for line in report_text(msg).split("\n")
                          if not _ID_LINE.match(line))
        ids = message_ids(msg) if "&lt;" in words else set()  # an HTML part's header copy: one long line
        for addr in _ADDRESS.findall(words):
            addr = addr.strip(".'\"").lower()
            if addr in ids:
                continue
            local = addr.split("@")[0]
            if _LIST_ADMIN.search(local) and not _SYSTEM_LOCAL.match(local):
                admin.append(addr)  # the report's own From too ("team-owner@"): a list's manager
                continue
            if addr in own or _SYSTEM_LOCAL.match(local) or addr in candidates:
                continue
            candidates.append(addr)
        if not candidates and not returned and admin:
            # only a list's "-request" / "-owner" address and no copy: the refused list is that
            # address without its suffix ("TEAM-request@LISTSERV.X" → team@listserv.x)
            return tuple(sorted({_LIST_ADMIN.sub("", a.split("@")[0]) + "@" + a.split("@")[1] for a in admin}))
        if not candidates and not returned:
            return _list_named_by_its_server(msg, words)
        if returned:
            named = [a for a in candidates if a in returned]
            return tuple(sorted(named or returned))
        lower = words.lower()
        candidates = [a for a in candidates if not _only_as_list(a, lower)] or candidates
        failed = [a for a in candidates[:10] if not _only_as_contact(a, lower)]
        return tuple((failed or candidates)[:3])
    except Exception:  # noqa: BLE001 - no address we can trust
        return ()


# (batch 19) Exchange's own list of the recipients that failed, in the languages Outlook is set in:
# one line per recipient, an address alone ("pat@x", "<pat@x>", "Pat Doe (pat@x)", "'pat@x'"), each
# followed by its reason, up to the administrators' part
_EXCHANGE_FAILED = re.compile(
    r"^\s*(?:delivery has failed to these recipients or groups|die zustellung an folgende empfänger oder gruppen"
    r" ist fehlgeschlagen|la remise a échoué pour les destinataires ou groupes suivants|error en la entrega a estos"
    r" destinatarios o grupos|aflevering is mislukt voor deze ontvangers of groepen|recapito non riuscito per i"
    r" seguenti destinatari o gruppi)\s*:?\s*$", re.IGNORECASE | re.MULTILINE)
_EXCHANGE_END = re.compile(r"^\s*(?:diagnostic information|diagnoseinformationen|informations de diagnostic"
                           r"|información de diagnóstico|diagnostische gegevens|informazioni di diagnostica"
                           r"|original message headers|-{3,})", re.IGNORECASE)
_ALONE = re.compile(r"^\s*(?:[^<>()@\n]{0,80}[(<])?['\"]?(" + _ADDRESS.pattern + r")['\"]?[)>]?\s*$")


_FIELD_LINE = re.compile(r"^\s*[A-Za-z][\w-]{0,30}\s*:\s*\S")  # "To: …", "Reply-To: …", "Sender: …"


def _exchange_failed_list(text: str) -> tuple[str, ...]:
    """The addresses Exchange lists under "Delivery has failed to these recipients or groups:"
    (`_EXCHANGE_FAILED`): each recipient is the first line of its own block (blank lines between),
    its reason below it; () when there is no such list. A line below a recipient's first line is
    its reason, never a recipient (review b19ab: "contact your helpdesk:" / "write to" then a help
    address, a moderator, an alternate recipient); a field line ("To:", "Cc:", "Reply-To:",
    "Sender:") is a copy's header, and a "____" rule or the diagnostic part ends the list.
    Reads at most 80 lines after the heading."""
    m = _EXCHANGE_FAILED.search(text)
    if m is None:
        return ()
    found: list[str] = []
    first = True  # the next non-blank line starts a block
    for line in text[m.end():].split("\n")[:80]:
        if not line.strip():
            first = True
            continue
        if _EXCHANGE_END.match(line) or line.strip().startswith("____"):
            break
        at_start, first = first, False
        if not at_start or _FIELD_LINE.match(line) or line.rstrip().endswith(":"):
            continue
        alone = _ALONE.match(line)
        if alone and alone.group(1).lower() not in found:
            found.append(alone.group(1).lower())
    return tuple(sorted(found))


# a list server's own address (Lyris's "lyris@lists.x", LISTSERV's, Sympa's): the lists it
# serves are "<name>@" its domain
_LIST_SERVER = re.compile(r"^(?:lyris|listserv|sympa|majordomo|mailman|ezmlm|listmaster|listmanager|list-manager)@",
                          re.IGNORECASE)
# "… to the news mailing list", "… distributed to the news list", "Your message to news was rejected"
_LIST_NAME = re.compile(r"\bto the (?!(?:mailing|same|whole|distribution|e-?mail|moderated|private)\b)"
                        r"([a-z0-9][a-z0-9._-]{0,60}) (?:mailing[- ]?)?list\b"
                        r"|\byour (?:message|post(?:ing)?) to ([a-z0-9][a-z0-9._-]{0,60}) (?:was|has been) rejected\b",
                        re.IGNORECASE)


def _list_named_by_its_server(msg: Message, words: str) -> tuple[str, ...]:
    """The refused list's address when a list server's refusal names the list only by its name
    ("Your message was not distributed to the news mailing list", from lyris@lists.x): that name
    at the server's domain. () when the sender is no list server or no list is named."""
    servers = [addr.lower() for _, addr in email.utils.getaddresses(raw_header_values(msg, "From"))
               if _LIST_SERVER.match(addr)]
    if len(servers) != 1:
        return ()
    subject = " ".join(raw_header_values(msg, "Subject"))[:300]
    m = _LIST_NAME.search(words[:5000]) or _LIST_NAME.search(subject)
    if m is None:
        return ()
    return (f"{(m.group(1) or m.group(2)).lower()}@{servers[0].split('@')[1]}",)


# a mailing list's administrative address ("safety-l-request@", "board-owner@"): the list's
# managers, named for questions; the list itself is the address without the suffix
_LIST_ADMIN = re.compile(r"-(?:request|owner|bounces?|admin)$", re.IGNORECASE)


# words that name an address as the mailing list a message went to ("distributing your message to
# list x@…"), not as a recipient that failed
_LIST_NAMED = re.compile(r"\b(?:mailing[- ]?)?(?:list|liste|lista)\s*:?\s*<?$", re.IGNORECASE)


def _only_as_list(address: str, lower: str) -> bool:
    """True when every mention of `address` in the report's (lower-case) text comes right after
    the word "list" (the list a list manager distributed to)."""
    starts = [m.start() for m in re.finditer(re.escape(address), lower)]
    return bool(starts) and all(_LIST_NAMED.search(lower[max(0, i - 30):i]) for i in starts)


def _only_as_contact(address: str, lower: str) -> bool:
    """True when every mention of `address` in the report's (lower-case) text follows contact
    words ("For help, write to support@…", "contact helpdesk@… or call us"): a helpdesk, not
    the failure."""
    starts = [m.start() for m in re.finditer(re.escape(address), lower)]
    return bool(starts) and all(CONTACT.search(lower[max(0, i - 80):i]) for i in starts)
