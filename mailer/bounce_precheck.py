"""Whether a message may be a bounce at all, read cheaply before the detectors run.

`may_be_bounce` answers from the raw header text (no parsing of headers by the email package,
which costs more than everything else for an ordinary reply): a report's content type, our
bounce address in the delivery headers, a failure subject, a mail system's sender or a null
Return-Path. The failure-subject and system-sender searches here are shared with
`mailer.bounce`, which asks them again of the parsed message.
"""
from __future__ import annotations

import functools
import re
from email.message import Message

from mailer.addresses import BOUNCE_PREFIX, split_list_address
from mailer.ascii_case import search_case_blind
from mailer.bounce_service import bounce_subject_of_ours
from mailer.bounce_words import FAILURE_SUBJECT
from mailer.header_text import raw_header_values
from mailer.pattern_alternatives import by_first_characters

SYSTEM_SENDER = re.compile(r"<\s*>|mailer-daemon|postmaster|mail delivery|mailer|daemon|bounce|"
                           r"mail system|mail\.delivery|notify|returned|=\?", re.IGNORECASE)
# The same, case-sensitive, for an ASCII sender lower-cased (as _FAILURE_SUBJECT_LOWER below): the
# case-blind search costs ~25 µs on a bare address, tried on every reply's From.
_SYSTEM_SENDER_LOWER = re.compile(SYSTEM_SENDER.pattern)


def system_sender(sender: str) -> bool:
    """`SYSTEM_SENDER.search(sender)`, asked of the lower-cased sender when it is ASCII."""
    return search_case_blind(SYSTEM_SENDER, _SYSTEM_SENDER_LOWER, sender)


# The same pattern, case-sensitive, for an ASCII subject lower-cased: the same answer (its letters
# are all lower-case, and none of them matches an ASCII letter case-blind but its own: see
# tests/test_bounce_subject_search.py) for an eighth of the cost of the case-blind search, which
# tries every phrase at every character (8 ms for a folded subject of 10 KB, 1 ms this way).
# Its phrases grouped by their opening letters, those opening with a letter no ASCII text holds
# left out (`by_first_characters`): each is tried only where a letter that opens one stands,
# once per group (that subject: 24 M instructions → ~2 M).
_FAILURE_SUBJECT_LOWER = re.compile(by_first_characters(FAILURE_SUBJECT.pattern, ascii_text=True))


def search_failure_subject(subject: str) -> bool:
    """`FAILURE_SUBJECT.search(subject)`, asked of the lower-cased subject when it is ASCII."""
    return search_case_blind(FAILURE_SUBJECT, _FAILURE_SUBJECT_LOWER, subject)


def failure_subject(subject: str) -> bool:
    """Whether a subject reads as a delivery failure's. Remembered per subject: the pattern (every
    language's wording) costs ~30 µs a search, and the replies to one message share its subject
    (a subject longer than any a person writes is searched, not kept)."""
    if len(subject) > 500:
        return search_failure_subject(subject)
    return _remembered_failure_subject(subject)


@functools.lru_cache(maxsize=2048)
def _remembered_failure_subject(subject: str) -> bool:
    return search_failure_subject(subject)


def may_be_bounce(msg: Message, list_address: str) -> bool:
    """Cheap checks on the raw header text: could this be a bounce at all?

    False only for clearly personal mail; read without the email package's header parsing,
    which costs more than everything else for an ordinary reply.
    """
    try:
        def raw(name: str) -> list[str]:
            return raw_header_values(msg, name)

        if "multipart/report" in " ".join(raw("Content-Type")).lower():
            return True
        local, _ = split_list_address(list_address)
        marker = f"{local}+{BOUNCE_PREFIX}".lower()
        for name in ("Delivered-To", "X-Original-To", "To", "Envelope-To", "X-Envelope-To"):
            if any(marker in v.lower() for v in raw(name)):
                return True
        if any("=?" in s or failure_subject(s) or bounce_subject_of_ours(s) for s in raw("Subject")):
            return True  # an encoded subject is decoded by the detectors' own pass
        senders = raw("From") + raw("Sender")
        if not senders or any(system_sender(s) or "@" not in s for s in senders):
            return True
        return any(rp.strip() in ("<>", "") for rp in raw("Return-Path"))
    except Exception:  # when in doubt, let the detectors look
        return True
