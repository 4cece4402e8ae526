"""The sender's own signature block at the end of what a reply reader kept: a block that opens with
the name the message's From header gives ("Νίκος Παπαδόπουλος", "김민지", "Popescu, Andrei" signed
"Andrei Popescu") above a role, an organisation, a phone number, with no "-- " above it. Where the
reply reader cannot tell a name from prose (a one-word Korean name, Hebrew without capitals, a
name and a role with no phone number: Superhuman's signature), the header can.
"""
from __future__ import annotations

import re

from mailer.reply_segments import ReplyText

OWN_BLOCK_LINES = 6  # the name and at most five lines under it (a role, an organisation, phones, a site)
OWN_LINE_WIDTH = 80  # a line of a signature block is at most this long
_SENTENCE_END = re.compile(r"[?!？！]\s*$|.{40,}[.。]\s*$")  # a question, or a long line ending a sentence
_POSTSCRIPT = re.compile(r"^\s*p\.?\s?s\.?\b", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[\"'“”„«»()<>,;]")
_INTRODUCES = re.compile(r"[:：]\s*$")  # "sign me up for both shifts:", "the names on the lease are:"
# a line that is someone's name: two to four capitalised words, nothing else ("Pedro Sánchez", "Ana López")
_PERSON = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*$")
_DIGIT = re.compile(r"\d")
# a word that makes capitalised words an organisation's name, not a person's ("Rexdale Community Hub",
# "Scarborough Food Network", "Parkdale Tenants Association")
_ORGANISATION = re.compile(
    r"\b(?:centre|center|hub|network|association|society|foundation|council|committee|community|group|club"
    r"|team|office|services?|pantry|kitchen|house|church|mosque|temple|gurdwara|synagogue|library|school|college"
    r"|university|inc|ltd|llc|corp|co-op|cooperative|alliance|coalition|union|federation|institute|agency"
    r"|department|ministry|bank|trust|fund|project|programme|program|initiative|collective|partnership|clinic"
    r"|hospital|shelter|mission|league|chapter|branch)\b\.?$", re.IGNORECASE)
# a role's ("County Parks Liaison", "Volunteer Coordinator", "Board Treasurer", batch 18): signature only
# with a contact line in the same block, for a role under her name is as often what she signs up or
# stands for ("Saturday Morning Volunteer", "For Treasurer", "Kitchen Lead": review of batch 18)
_ROLE = re.compile(
    r"\b(?:liaison|coordinator|co-ordinator|treasurer|secretary|chair|chairperson|president|director|manager"
    r"|officer|organizer|organiser|lead|volunteer|administrator|facilitator|steward|trustee)\b\.?$", re.IGNORECASE)
_CONTACT = re.compile(r"@|https?://|\bwww\.|\.(?:org|com|net|ca|uk|de|fr|io)\b", re.IGNORECASE)
PHONE_DIGITS = 7  # a line with digits under the name is a phone number only with at least this many


def _has_contact(lines: list[str]) -> bool:
    """True when a line of a block is contact detail: a phone number (at least PHONE_DIGITS figures),
    an e-mail address or a web address, or an organisation's name."""
    return any(len(_DIGIT.findall(line)) >= PHONE_DIGITS or _CONTACT.search(line) or _ORGANISATION.search(line)
               for line in lines)


def _content_under(line: str, want: list[str], contact: bool = False) -> bool:
    """True when a line under the name reads as the member's content, not her signature: it holds a
    word of her own name ("Pedro Garcia", "Garcia, Pedro": her family), it is another person's name
    (capitalised words and nothing else), or it has a few figures that are no phone number ("Saturday
    10-12"). Contact details, an organisation ("coordonator voluntari, filiala Cluj") and, when `contact`
    (the block holds contact details), a role ("Volunteer Coordinator") are not."""
    words = _name_words(line)
    if any(word in want for word in words):
        return True
    if (_PERSON.match(line) and all(word[:1].isupper() for word in line.split()) and len(words) > 1
            and not _ORGANISATION.search(line) and not (contact and _ROLE.search(line))):
        return True
    digits = len(_DIGIT.findall(line))
    return 0 < digits < PHONE_DIGITS


def _name_words(text: str) -> list[str]:
    """The words of a name, case-folded, without quotes, brackets or commas ("Popescu, Andrei" and
    "Andrei Popescu" give the same sorted words)."""
    return sorted(_PUNCTUATION.sub(" ", text).casefold().split())


def without_own_signature(reply: ReplyText, sender_name: str) -> ReplyText:
    """The reply without its last lines when they are the sender's signature block: a line that is
    the sender's display name (its words in any order), after a blank line under the text, and at
    least one and at most OWN_BLOCK_LINES - 1 short lines under it (no question, no long sentence,
    no "PS", no line that reads as content: her family's or another person's name, figures that are
    no phone number), up to the end; never under a line that introduces a list (":"). A name alone under the text stays (a member signs her words with it);
    so does a reply that is nothing but the block. Reads at most OWN_BLOCK_LINES + 1 lines."""
    want = _name_words(sender_name or "")
    if not want or len(want) > 6:
        return reply
    text = reply.new_text
    lines = text.split("\n") if text.count("\n") <= 400 else text[-4000:].split("\n")
    tail = lines[-(OWN_BLOCK_LINES + 1):]
    for k in range(len(tail) - 2, -1, -1):  # the name's line: at least one line under it
        name = tail[k].strip()
        if not name or len(name) > OWN_LINE_WIDTH or _name_words(name) != want:
            continue
        start = len(lines) - len(tail) + k
        if start < 2 or lines[start - 1].strip() or not "".join(lines[:start - 1]).strip():
            return reply  # the block must stand under the member's text, a blank line between
        if _INTRODUCES.search(lines[start - 2]):
            return reply  # the name opens the list her sentence announces
        under = [line.strip() for line in lines[start + 1:] if line.strip()]
        if not under or any(len(line) > OWN_LINE_WIDTH or _SENTENCE_END.search(line) or _POSTSCRIPT.match(line)
                            or _content_under(line, want, _has_contact(under)) for line in under):
            return reply
        cut = text.rfind("\n".join(lines[start:]))
        reply.new_text = text[:cut].rstrip()
        return reply
    return reply
