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
from mailer.header_text import first_header, header_index
from mailer.subjects import REPLY_PREFIX

# a list manager's own addresses: the managers' programs themselves and Mailman's "team-bounces@",
# which no person writes from; a person's post that the list relays keeps the person's From (or
# the list's own address, "Anna via Team <team@…>")
_MANAGER_ADDRESS = re.compile(r"^(?:[^@\s]{1,64}-bounces?|listserv|majordomo|sympa|mailman|ezmlm|lyris|listproc"
                              r"|listmanager)@", re.IGNORECASE)
# ... and its owner's and request addresses (Mailman's "team-owner@", "team-request@", Majordomo's
# "owner-team@", Groups.io's "team+owner@"): a person's own address may read so too ("cafe-owner@"),
# so only on a message with a list's header
_OWNER_ADDRESS = re.compile(r"^(?:owner-[^@\s]{1,64}|[^@\s]{1,64}[-+](?:owner|request))@", re.IGNORECASE)
LIST_MANAGER_REASON = "sent from a mailing list manager's address"  # a guess: no header said so
# ... and the names they sign with ("Team mailing list", "L-Soft list server at …")
_MANAGER_NAME = re.compile(r"(?<!\w)(?:mailing[- ]list|list[- ]?server|list manager|list owners?|listserv|mailman"
                           r"|majordomo|sympa)(?!\w)", re.IGNORECASE)
# a list's notice about a post it holds, or its autoresponse, as its whole subject's head
_MODERATION = re.compile(
    r"\s*(?:your (?:message|post(?:ing)?|mail) (?:to [^\n]{1,120}? )?(?:awaits|is awaiting|is held|has been held"
    r"|requires|is pending|has been submitted to)|message pending(?: moderator)? approval|post(?:ing)? held"
    r"|(?:[^\n]{0,80} )?(?:awaits|awaiting|pending|held for|requires) (?:the )?(?:list )?(?:moderator(?:'s)? )?"
    r"(?:approval|moderation)|(?:[^\n]{0,80} )?submitted to (?:the )?moderator"
    r"|auto-?response for your message to|ihre nachricht an [^\n]{1,120} wartet auf"
    r"|votre message (?:pour|à) [^\n]{1,120} (?:a été transmis|est en attente)|message pour [^\n]{1,80} soumis à modération"
    r"|su mensaje (?:a|para) [^\n]{1,120} (?:está pendiente|espera)|il tuo messaggio (?:a|per) [^\n]{1,120} è in attesa"
    r"|uw bericht aan [^\n]{1,120} wacht op)", re.IGNORECASE)
# a spam filter's digest of what it holds, after the vendor's name ("Microsoft 365 security:",
# "Mimecast:"): never a person's reply
_QUARANTINE = re.compile(
    r"\s*(?:[^:\n]{1,40}:\s*)?(?:you have (?:\d+ )?(?:new )?messages? (?:in|held in) quarantine"
    r"|quarantine digest|spam quarantine (?:summary|digest|notification|report)|spam digest"
    r"|end user digest|hold summary|quarantined (?:messages?|e-?mails?) (?:summary|digest))",
    re.IGNORECASE)
_LIST_HEADERS = frozenset(("list-id", "mailing-list", "x-mailman-version", "x-google-group-id", "x-beenthere",
                           "x-groupsio-msgnum", "x-listserver", "x-list", "list-post", "list-unsubscribe"))


def notice_reason(msg: Message, person_wrote: bool, answers: bool) -> str | None:
    """Why `msg` is a list manager's or a spam filter's notice (a short English phrase naming no
    word the sender chose), or None. `person_wrote`: a mail program people write in named itself
    (nothing here counts then); `answers`: the message answers one (In-Reply-To, References or a
    plus-address).

    Promises: a From address of a list manager's program ("LISTSERV@", "sympa@") or Mailman's
    "team-bounces@" gives one (LIST_MANAGER_REASON); so does, on a message with a list's header
    (List-Id, X-Google-Group-Id, Mailing-List, X-Mailman-Version …), an owner's or request address
    ("team-owner@", "owner-team@", "team+owner@groups.io") or a list manager's From name ("Team
    mailing list"); a person's "cafe-owner@" without a list's header gives none; so does a subject with no reply or forward prefix headed by a list's moderation words
    ("Your message to team@… awaits moderator approval", "… has been submitted to the moderator",
    "Message Pending Approval: …", "Ihre Nachricht an Vorstand wartet auf Freigabe") when the
    message carries a list's header, comes from a list manager's address or answers a message, and
    a subject so headed by a quarantine digest's words ("You have messages in quarantine", "End User
    Digest", "Hold summary", "Spam quarantine summary") whatever else; "Quarantine report" (a
    health notice) gives none. A person's "Re: Your message awaits moderator approval"
    gives none."""
    if person_wrote:
        return None
    name, address = parse_one(first_header(msg, "From"))
    listed = not header_index(msg).keys().isdisjoint(_LIST_HEADERS)
    manager = bool(_MANAGER_ADDRESS.match(address or "")) or (listed and bool(_OWNER_ADDRESS.match(address or "")))
    if manager or (listed and _MANAGER_NAME.search(name[:200])):
        return LIST_MANAGER_REASON
    subject = first_header(msg, "Subject")[:300]
    if REPLY_PREFIX.match(subject).group(0).strip():
        return None
    if (listed or answers) and _MODERATION.match(subject):
        return "subject looks automatic: a mailing list's moderation notice"
    if _QUARANTINE.match(subject):
        return "subject looks automatic: a spam filter's quarantine digest"
    return None
