"""Notices that mailing lists and mail filters send about a message, which no person wrote:
a list manager's "Your message awaits moderator approval" or autoresponse, and a spam filter's
quarantine digest ("You have messages in quarantine", "End User Digest", "Hold summary").

Such a notice often carries no automatic header (LISTSERV, Google Groups, Microsoft 365's
quarantine) and answers no message by its headers: it is told by who sent it (a list manager's
own address or name) or by its subject's fixed words. `mailer.autoreply` asks `notice_reason`
after the headers, as a guess (its subject's reasons start with SUBJECT_REASON; its sender's is
LIST_MANAGER_REASON, which `autoreply.is_only_a_guess` counts as one too).
"""
from __future__ import annotations

import re
from email.message import Message

from mailer.addresses import parse_one
from mailer.header_text import first_header, header_index, raw_header_values
from mailer.subjects import has_prefix

# a list manager's own addresses: the managers' programs themselves and Mailman's "team-bounces@";
# a person may be called so or write from such an address too ("Lyris Papadopoulou <lyris@…>",
# "Café Le Sympa <sympa@…>", "Hop & Bounce <hop-n-bounce@…>"), so none counts on its own: only on
# a message that says what a list manager says (_MANAGER_WORDS) or is titled with its moderation
# words. A person's post that the list relays keeps the person's From (or the list's own address,
# "Anna via Team <team@…>")
_MANAGER_ADDRESS = re.compile(r"^(?:[^@\s]{1,64}-bounces|listserv|majordomo|sympa|mailman|ezmlm|lyris|listproc"
                              r"|listmanager)@", re.IGNORECASE)
# ... and its owner's and request addresses (Mailman's "team-owner@", "team-request@", Majordomo's
# "owner-team@", Groups.io's "team+owner@"): a person's own address may read so too ("cafe-owner@",
# "prayer-request@", "nina+request@"), so only on a message with a list's header that says what a
# list manager says
_OWNER_ADDRESS = re.compile(r"^(?:owner-[^@\s]{1,64}|[^@\s]{1,64}[-+](?:owner|request))@", re.IGNORECASE)
LIST_MANAGER_REASON = "sent from a mailing list manager's address"  # a guess: no header said so
# ... and the names they sign with ("Team mailing list", "L-Soft list server at …"), beside a list's
# header and its words as well: a list's rewrite of a person's From ("Anna Berg via Volunteers
# Mailing List", DMARC) or a person signing for the list's owners ("Riverside List Owners") is a
# person's
_MANAGER_NAME = re.compile(r"(?<!\w)(?:mailing[- ]list|list[- ]?server|list manager|list owners?|listserv|mailman"
                           r"|majordomo|sympa)(?!\w)", re.IGNORECASE)
_VIA = re.compile(r"\svia\s", re.IGNORECASE)
# what a list manager's notice says of the post it holds or refuses (near the text's start)
_MANAGER_WORDS = re.compile(
    r"non-?members?|not a member of|not subscribed|forwarded to the (?:list )?(?:moderators?|owners?)"
    r"|moderators? of (?:the )?list|list (?:owner|moderator)s?(?: for| to)? (?:approval|review)"
    r"|(?:awaits|awaiting|pending|held for|requires) (?:the )?(?:list )?(?:moderator(?:'s)? )?(?:approval|moderation|review)"
    r"|is being held|has been held|was rejected|been rejected|automatically rejected|posting privileges"
    r"|reviewed by the (?:list )?(?:owner|moderator)s?|submitted\s+to\s+the\s+(?:list\s+)?(?:moderator|owner)s?",
    re.IGNORECASE)
MAX_WORDS = 2_000  # a notice says what it is near its start
# a list's notice about a post it holds, or its autoresponse, as its whole subject's head
_MODERATION = re.compile(
    r"\s*(?:your (?:message|post(?:ing)?|mail) (?:to [^\n]{1,120}? )?(?:awaits|is awaiting|is held|has been held"
    r"|requires|is pending|has been submitted to)|message pending(?: moderator)? approval|post(?:ing)? held"
    r"|message approval required"
    r"|(?:[^\n]{0,80} )?(?:awaits|awaiting|pending|held for|requires) (?:the )?(?:list )?(?:moderator(?:'s)? )?"
    r"(?:approval|moderation)|(?:[^\n]{0,80} )?submitted to (?:the )?moderator"
    r"|auto-?response for your message to|ihre nachricht an [^\n]{1,120} wartet auf"
    r"|votre message (?:pour|à) [^\n]{1,120} (?:a été transmis|est en attente)|message pour [^\n]{1,80} soumis à modération"
    r"|su mensaje (?:a|para) [^\n]{1,120} (?:está pendiente|espera)|il tuo messaggio (?:a|per) [^\n]{1,120} è in attesa"
    r"|uw bericht aan [^\n]{1,120} wacht op)(?![^\n]*\?)", re.IGNORECASE)
# a spam filter's digest of what it holds, after the vendor's name ("Microsoft 365 security:",
# "Mimecast Hold Summary"), sent by the filter (its address or its vendor's name): a person's
# subject about one ("Question: you have messages in quarantine?", "Help: spam digest ate the
# ballot", "Hold summary for the raffle prizes") is no digest
_QUARANTINE = re.compile(
    r"\s*(?:[^:\n]{1,40}:\s*|(?:mimecast|proofpoint|barracuda|sophos|symantec|trend micro|spamtitan|mailguard)\s+)?"
    r"(?:you have (?:\d+ )?(?:new )?messages? (?:in|held in) quarantine"
    r"|quarantine digest|spam quarantine (?:summary|digest|notification|report)|spam digest"
    r"|end user digest|hold summary|quarantined (?:messages?|e-?mails?) (?:summary|digest))"
    r"(?![^\n]*\?)(?!\s+(?:for|of|about|ate|is|was|again)\b)", re.IGNORECASE)
_FILTER_SENDER = re.compile(r"^(?:[^@\s]{0,30}(?:quarantine|postmaster|no-?reply|donotreply|do-not-reply|spam|security"
                            r"|notices?|notifications?|digest|mailer-daemon|filter)[^@\s]{0,30})@", re.IGNORECASE)
# (the local part as a whole, or one of its dot/dash/underscore-separated words, is the mail system's name:
# "spam-quarantine@", "mail.security@", not "a.spampinato@", "filterkaffee@", "spamalot@": review b17a)
_FILTER_WORD = (r"(?:e?mail|spam|junk|msg)?(?:quarantine|postmaster|no-?reply|donotreply|do-not-reply|spam|security"
                r"|notices?|notifications?|digest|mailer-daemon|filter)")
_NULL_SENDER_ADDRESS = re.compile(r"^(?:[^@\s]{0,30}[._+-])?" + _FILTER_WORD + r"(?:[._+-][^@\s]{0,30})?@", re.IGNORECASE)
# a mail system's or filter's own address (postmaster@, quarantine@, no-reply@ …) on a message sent with a null
# return path (Return-Path: <>, as delivery wrote its envelope sender): only mail systems send so (RFC 5321
# 4.5.5: notifications); a person writing from postmaster@ has a return path, and a notice forwarded as an
# attachment carries its "Return-Path: <>" inside the attached part, not on the message
NULL_SENDER_REASON = "a mail system's notice (null return path)"
_FILTER_NAME = re.compile(r"(?<!\w)(?:microsoft|office 365|exchange online|mimecast|proofpoint|barracuda|sophos"
                          r"|symantec|trend micro|spamtitan|mailguard|quarantine|spam filter)(?!\w)", re.IGNORECASE)
_LIST_HEADERS = frozenset(("list-id", "mailing-list", "x-mailman-version", "x-google-group-id", "x-beenthere",
                           "x-groupsio-msgnum", "x-listserver", "x-list", "list-post", "list-unsubscribe"))


def notice_reason(msg: Message, person_wrote: bool, answers: bool) -> str | None:
    """Why `msg` is a list manager's or a spam filter's notice (a short English phrase naming no
    word the sender chose), or None. `person_wrote`: a mail program people write in named itself
    (nothing here counts then); `answers`: the message answers one (In-Reply-To, References or a
    plus-address).

    Promises: a mail system's or filter's address (postmaster@, mailer-daemon@, quarantine@, no-reply@,
    notifications@ …) on a message whose Return-Path is null ("<>": a greylisting or quarantine-release
    notice, sent as notifications are) gives one (not a guess). A From address of a list manager's program ("LISTSERV@", "sympa@") or Mailman's
    "team-bounces@" gives one (LIST_MANAGER_REASON) only when the message says what a list manager
    says (_MANAGER_WORDS: "non-members", "is being held", "submitted to the moderator" …) or is
    titled with its moderation words; so does, on a message with a list's header (List-Id,
    X-Google-Group-Id, Mailing-List, X-Mailman-Version …) and such words, an owner's or request
    address ("team-owner@", "owner-team@", "team+owner@groups.io") or a list manager's From name
    ("Team mailing list"; never a list's rewrite "Anna Berg via Volunteers Mailing List"), and with
    no list header an owner's or request address under a moderation subject with such words.
    A person's "Lyris <lyris@…>", "Café Le Sympa <sympa@…>", "hop-n-bounce@", "cafe-owner@" voting
    gives none. A subject with no reply or forward prefix headed by a list's moderation words
    ("Your message to team@… awaits moderator approval", "Message Pending Approval: …", "Ihre
    Nachricht an Vorstand wartet auf Freigabe") gives one on a message with a list's header (not a
    question: "Your message is pending approval? Here's my vote again"); a quarantine digest's
    subject ("You have messages in quarantine", "End User Digest", "Mimecast Hold Summary") gives
    one on a message in no thread (no In-Reply-To, no References) from a filter's address or
    vendor's name, or with an automatic header; "Quarantine report", "Help: spam digest ate the
    ballot", "Hold summary for the raffle prizes" give none. `answers` is no longer asked (every
    reply to Convenor answers one: it made a person's subject a notice)."""
    if person_wrote:
        return None
    name, address = parse_one(first_header(msg, "From"))
    address = address or ""
    listed = not header_index(msg).keys().isdisjoint(_LIST_HEADERS)
    subject = first_header(msg, "Subject")[:300]
    replying = has_prefix(subject)
    # (review b17a: delivery's own Return-Path, the topmost, and never on a reply: a notice answers no subject)
    if (not replying and _NULL_SENDER_ADDRESS.match(address)
            and [v.strip() for v in raw_header_values(msg, "Return-Path")[:1]] == ["<>"]):
        return NULL_SENDER_REASON
    moderation = not replying and bool(_MODERATION.match(subject))
    program = bool(_MANAGER_ADDRESS.match(address))
    # (an owner's or request address with no list header: only under a moderation subject, Mailman's
    # "Your message to Coord awaits moderator approval" from "coord-request@", and its words)
    owner = ((listed or moderation) and bool(_OWNER_ADDRESS.match(address))) or (
        listed and bool(_MANAGER_NAME.search(name[:200])) and not _VIA.search(name[:200]))
    if (program or owner) and (moderation or _MANAGER_WORDS.search(_own_words(msg))) and (
            listed or program or _MANAGER_WORDS.search(_own_words(msg))):
        return LIST_MANAGER_REASON
    if replying:
        return None
    if listed and moderation:
        return "subject looks automatic: a mailing list's moderation notice"
    threaded = not header_index(msg).keys().isdisjoint(("in-reply-to", "references"))
    if (not threaded and _QUARANTINE.match(subject)
            and (_FILTER_SENDER.match(address) or _FILTER_NAME.search(name[:200]) or _automatic_headers(msg))):
        return "subject looks automatic: a spam filter's quarantine digest"
    return None


def _automatic_headers(msg: Message) -> bool:
    """True when a header says a program sent `msg` (Auto-Submitted other than "no", Precedence bulk
    or junk, Exchange's generated-message source)."""
    auto = first_header(msg, "Auto-Submitted").strip().lower()
    return ((bool(auto) and auto != "no") or first_header(msg, "Precedence").strip().lower() in ("bulk", "junk")
            or "x-ms-exchange-generated-message-source" in header_index(msg))


def _own_words(msg: Message) -> str:
    """The first MAX_WORDS characters of the message's first text part (empty when none is read)."""
    from mailer.bounce_text import own_text_parts

    try:
        return next(iter(own_text_parts(msg)), "")[:MAX_WORDS]
    except Exception:  # noqa: BLE001 - nothing read is no list manager's words
        return ""
