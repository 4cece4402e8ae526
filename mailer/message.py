"""Plain values that cross the boundary between the mail layer and the network's rules.

Nothing here does I/O. `InboundMail` is what a parsed message looks like to a workflow (what
a workflow sends is an outbox row: see `workflows.routing.context.Context.send`).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime

from mailer.autoreply import SUBJECT_REASON


@dataclass(frozen=True)
class Attachment:
    """One file carried by a message: its name, MIME type and bytes (a large base64 file: a
    `mailer.large_parts.SetAsideFile`, which gives its bytes block by block and knows its
    length and SHA-256)."""

    filename: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        """The hex SHA-256 of the bytes: the key under which the store keeps them once."""
        known = getattr(self.data, "sha256", None)
        return known if isinstance(known, str) else hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class BounceInfo:
    """What a delivery-status notification says: which addresses failed, and how."""

    addresses: tuple[str, ...]
    permanent: bool
    token: str | None = None  # the bounce token from our envelope sender, when it came back
    policy: str | None = None  # the refusal's words when the network's own setup was refused (5.7.x, DMARC, a blocklist)
    # (failed address, the address we sent to) for a failed recipient reached by forwarding or
    # an alias: the member's address forwards to one that refuses mail (mailer.bounce_forwarding)
    forwarded_from: tuple[tuple[str, str], ...] = ()

    @property
    def sent_to(self) -> tuple[str, ...]:
        """The addresses our message went to: each failed address, or the address it was
        forwarded from when it was reached by forwarding."""
        via = dict(self.forwarded_from)
        return tuple(sorted({via.get(a, a) for a in self.addresses}))


@dataclass(frozen=True)
class FeedbackReport:
    """What a feedback report (RFC 5965 ARF, a provider's feedback loop) says: its type
    ("abuse", "fraud", "virus", "other", "not-spam", "auth-failure" …), the recipients it is about
    (who complained, when the provider says), and the reported message's tokens when it was ours
    (`bounce_token` of its envelope sender, `tokens` of its Reply-To and Message-ID)."""

    feedback_type: str
    addresses: tuple[str, ...] = ()
    bounce_token: str | None = None
    tokens: tuple[str, ...] = ()
    incidents: int = 1

    @property
    def complaint(self) -> bool:
        """True for the RFC 5965 types by which a recipient objects to the mail (abuse, fraud,
        virus, other); False for "not-spam", an authentication-failure report and the like."""
        return self.feedback_type in ("abuse", "fraud", "virus", "other")


@dataclass(frozen=True)
class CalendarReply:
    """A calendar client's answer to an invitation (iTIP METHOD:REPLY): `partstat` (ACCEPTED,
    DECLINED, TENTATIVE …) of the first attendee who gives one, the event's `uid`, every
    (attendee address, PARTSTAT) it names, its `summary`, `start` (aware, or None) and the
    attendee's `comment` (their own words, "" when none)."""

    partstat: str
    uid: str = ""
    attendees: tuple[tuple[str, str], ...] = ()
    summary: str = ""
    start: datetime | None = None
    comment: str = ""


@dataclass(frozen=True)
class Verdict:
    """Who really sent a message, as far as can be told (see `mailer.authentication`).

    `status` is "verified", "unverified" or "failed"; `reason` says why in plain words (no word
    of the message itself); `method` is "dmarc" or "dkim" when one decided; `domain` is the
    From address's domain and `address` the From address itself.
    """

    status: str = "unverified"
    reason: str = "not checked"
    method: str | None = None
    domain: str | None = None
    address: str | None = None  # the From address it is about (as `mailer.authentication` read it)

    @property
    def verified(self) -> bool:
        return self.status == "verified"

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def about(self, address: str | None) -> "Verdict":
        """The same verdict about `address`: `dataclasses.replace(self, address=address)`, made
        directly (replace looks every field up by name: ~5× the cost, on every message)."""
        return Verdict(self.status, self.reason, self.method, self.domain, address)

    def as_dict(self) -> dict:
        """The plain-value form shown by `convenor inspect --json` under `auth`."""
        return {"status": self.status, "reason": self.reason, "method": self.method, "domain": self.domain}


@dataclass
class InboundMail:
    """A received message reduced to what the network's rules need.

    `tokens` are the response tokens found in the message, most trustworthy first
    (the plus-address it was delivered to, then In-Reply-To, then References).
    `attached_tokens` are those of copies of Convenor's messages it carries as attachments
    (a forwarded .eml): they name what was attached, and never authenticate anything.
    `new_text` is what the sender wrote in this message, without quotes or signature;
    `interleaved_text` is "" unless they wrote between quoted lines (inline comments): then it is
    their reply with the nearby quoted lines marked "> " (see `mailer.reply.ReplyText`).
    `forwarded_text` is "" unless the mail forwards a message: then it is that message (separator,
    headers and text) as it stands below the sender's note, which stays `new_text`.
    `unread_text` is "" unless the text goes on past what is read through the reply patterns
    (mailer.reply.MAX_LINES_READ lines of text): then it is the rest, as written.
    `received_at` is when the message reached the mailbox (not when it was read, not its Date
    header), timezone-aware; None when nobody could tell.
    """

    message_id: str
    from_addr: str  # normalised (lower-case) address, "" when there is none
    from_name: str
    subject: str
    date_header: str = ""  # the Date header as written (see `date`)
    received_at: datetime | None = None
    to_addrs: list[str] = field(default_factory=list)
    cc_addrs: list[str] = field(default_factory=list)
    delivered_to: list[str] = field(default_factory=list)
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    attached_tokens: list[str] = field(default_factory=list)  # in copies of our messages it attaches: never its own
    subject_ref: tuple[str, int] | None = None  # the word and number of "[Scrutin 7]": ("scrutin", 7)
    text: str = ""  # the whole plain text (HTML turned to text when there is no plain part)
    new_text: str = ""
    interleaved_text: str = ""  # the reply with its quote lines marked, when it interleaves them
    forwarded_text: str = ""  # the message they forwarded below their note (see mailer.forwarded)
    unread_text: str = ""  # their text below the reading limit, as written (see mailer.reply.read_reply)
    # `read_reply(text).rest`, kept from the parse so that a rule looking below the cut (the answers
    # typed inside a quoted ballot: mailer.inline_answers) need not read the text again (100 KB of
    # lines of tabs: ~50 M instructions a reading); None when no one read it (a mail made by hand)
    reply_rest: str | None = None
    html_only: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    calendar_reply: str | None = None  # PARTSTAT of an iTIP REPLY (ACCEPTED, DECLINED, TENTATIVE)
    calendar: CalendarReply | None = None  # the whole iTIP REPLY, when the message carries one
    auto_reply: bool = False
    auto_reply_reason: str = ""
    # only the subject or the words said so (no header, a return path): never answered, never dropped
    auto_reply_guessed: bool = False
    list_traffic: bool = False
    bounce: BounceInfo | None = None
    feedback: FeedbackReport | None = None  # a provider's feedback report (complaint) about our mail
    from_self: bool = False
    dmarc_fail: bool = False
    auth: Verdict = field(default_factory=Verdict)
    defects: list[str] = field(default_factory=list)
    from_header: str = ""  # the From header as written, only when no address could be read from it

    @property
    def auto_reply_by_subject(self) -> bool:
        """True when the only sign of an automatic reply was the subject (no header said so): a
        guess (read from `auto_reply_reason`, which says so)."""
        return self.auto_reply_reason.startswith(SUBJECT_REASON)

    @property
    def date(self) -> datetime | None:
        """The Date header as a time (what the sender's clock said; None when absent or
        unreadable). Never what "on time" is judged by: that is `received_at`. Read when asked
        (few rules need it)."""
        try:
            return parsedate_to_datetime(self.date_header) if self.date_header else None
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
