"""What a workflow is handed: the store (inside the open transaction), the rules, the time.

A workflow never sends mail itself: it calls `Context.send…`, which renders a template and
queues one message for one recipient in the outbox, inside the same transaction as the
workflow's own state change.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

import sqlite_utils

from mailer import addresses
from mailer.compose import new_message_id
from mailer.message import InboundMail, Verdict
from store import blobs, outbox, tokens
from store import members as store_members
from workflows.reading import dates
from workflows.routing.policy import (BouncePolicy, DraftPolicy, NetworkPolicy, PrivacyPolicy, StrangerPolicy,
                                      TrustPolicy, VotePolicy)
from workflows.routing.render import Renderer
from workflows.sending.pacing import SendingLimits
from workflows.sending.priority import priority_of


def as_written(mail: InboundMail, text: str | None) -> str:
    """`text` (what a workflow reads of `mail`: a new item's motion, description, body or
    introduction) followed by whatever lay past the reading limits (`unread_text`): a long text
    is read in part, never cut."""
    return f"{text or ''}\n{mail.unread_text}" if mail.unread_text else (text or "")


@dataclass
class Rules:
    """Every network rule a workflow may consult (built from the settings file)."""

    network: NetworkPolicy = field(default_factory=NetworkPolicy)
    drafts: DraftPolicy = field(default_factory=DraftPolicy)
    votes: VotePolicy = field(default_factory=VotePolicy)
    privacy: PrivacyPolicy = field(default_factory=PrivacyPolicy)
    trust: TrustPolicy = field(default_factory=TrustPolicy)
    strangers: StrangerPolicy = field(default_factory=StrangerPolicy)
    meetings: object | None = None  # workflows.meetings.series policy, when configured
    record: object | None = None  # workflows.record.policy.RecordPolicy, when configured
    renderer: Renderer | None = None
    sending: SendingLimits = field(default_factory=SendingLimits)
    bounces: BouncePolicy = field(default_factory=BouncePolicy)

    def __post_init__(self):
        if self.renderer is None:
            self.renderer = Renderer(timezone=self.network.timezone)


@dataclass
class Context:
    """One unit of work: everything it writes lands in `db` inside the caller's transaction."""

    db: sqlite_utils.Database
    rules: Rules
    now: datetime
    raw: bytes | None = None  # the inbound message's bytes, when handling one
    auth: Verdict | None = None  # the inbound message's authentication verdict, when handling one
    queued: list[int] = field(default_factory=list)
    held: str | None = None  # set by an action that keeps the message in Quarantine (a text-free reason)
    noted: str | None = None  # set by an action to keep a text-free note with a handled message's record
    # set with `held` by an action whose message had its effect all the same (a vote counted) while
    # the text beside it is held: recorded as such (`store.inbound.ANSWERED_HELD`), never as set aside
    answered: bool = False
    facts: dict | None = None  # set by an action: what the coordinators' daily summary names of the message (text-free)
    forget_raw: str | None = None  # set by an action whose message must leave the mailbox once recorded (why)
    # the caller's reader of raw mail (convenor.pipeline's): a workflow that acts on mail kept raw
    # in the store (a held message its sender confirmed) reads it as every inbound message is read
    reader: Callable[[bytes, Verdict], InboundMail] | None = None
    # the caller's finder of Convenor's token-shaped strings in raw mail (convenor.pipeline's:
    # headers, text and every part decoded), for marking the tokens a forwarded original shows
    scan_tokens: Callable[[bytes], list[str]] | None = None
    # the fan-out being queued (`fanout`): None outside one, 0 until its first copy is queued
    _fanout: int | None = field(default=None, init=False, repr=False)

    # what an action sets on the context about the message it handles (each field above)
    ACTION_MARKS = ("held", "noted", "answered", "facts", "forget_raw")

    def action_marks(self) -> tuple:
        """What actions have set on the context about the message so far (`ACTION_MARKS`), for
        `restore_action_marks` when an action's work is undone."""
        return tuple(getattr(self, name) for name in self.ACTION_MARKS)

    def restore_action_marks(self, marks: tuple) -> None:
        """Put back what `action_marks` returned: an undone action leaves no mark of its own."""
        for name, value in zip(self.ACTION_MARKS, marks):
            setattr(self, name, value)

    def local(self, moment: datetime) -> str:
        """`moment` in the network's zone with the zone named ("2027-03-04 17:00 Europe/Paris"),
        as outcome lines (printed by the CLI) write instants."""
        return dates.shown(moment, self.rules.network.timezone)

    def arrival(self, mail) -> datetime:
        """When `mail` reached the mailbox (the pipeline never sets it later than `now`): the
        time a workflow judges "on time" by, so downtime never turns an answer late."""
        return mail.received_at or self.now

    def active_sender(self, mail) -> dict | None:
        """The active member whose address `mail`'s From is, or None (whether that From is proven
        is the caller's to judge: `mail.auth`)."""
        member = store_members.get_by_email(self.db, mail.from_addr) if mail.from_addr else None
        return member if member is not None and member["active"] else None

    @property
    def list_address(self) -> str:
        return addresses.normalise(self.rules.network.list_address)

    @property
    def domain(self) -> str:
        return self.list_address.split("@")[1]

    def send(self, member: dict, kind: str, *, reply_for: tuple[str, int] | None = None,
             token: str | None = None, attachments: list[dict] | None = None, headers: dict | None = None,
             in_reply_to: str | None = None, **variables) -> str | None:
        """Render template `kind` in the member's language and queue it for that member alone.

        With `reply_for=(item kind, item id)` a token is issued so the member's reply finds
        its way back; with `token`, that already-issued token is used instead (e.g. one the
        template's links carry too). The token is returned (else None). Template variables get
        `member` and `network` besides the ones given. Nothing is queued for a member whose mail
        is stopped (`mail_stopped`: they complained of our mail, see workflows.membership.complaints).
        """
        if token is None and reply_for:
            token = tokens.issue(self.db, member["id"], reply_for[0], reply_for[1], self.now)
        if member.get("mail_stopped"):  # they complained of our mail: nothing goes until a coordinator resumes it
            return token
        variables.setdefault("member", member)
        self._queue(member["email"], member["id"], member.get("language") or self.rules.network.default_language,
                    kind, token, attachments, headers, in_reply_to, variables,
                    coordinator=member.get("coordinator", True))
        return token

    def send_to_address(self, address: str, kind: str, *, language: str | None = None,
                        in_reply_to: str | None = None, attachments: list[dict] | None = None,
                        **variables) -> None:
        """Queue template `kind` to someone who is not (or no longer) a member; no token."""
        variables.setdefault("member", None)
        self._queue(address, None, language or self.rules.network.default_language, kind, None,
                    attachments, None, in_reply_to, variables)

    def notify_coordinators(self, kind: str, *, attachments: list[dict] | None = None,
                            exclude: set[int] = frozenset(), **variables) -> int:
        """Queue template `kind` to each active coordinator, one message each; return how many."""
        count = 0
        with self.fanout():
            for coordinator in store_members.coordinators(self.db):
                if coordinator["id"] in exclude:
                    continue
                self.send(coordinator, kind, attachments=attachments, **variables)
                count += 1
        return count

    @contextmanager
    def fanout(self):
        """Every message queued inside is a copy of one message sent to its audience (a vote's
        ballots, a meeting's invitations, a notice to each coordinator): a copy refused for its
        size stops the others (`workflows.sending.oversize`), and no message queued outside.
        Wrap the loop that queues the copies, and nothing else."""
        outer, self._fanout = self._fanout, 0
        try:
            yield
        finally:
            self._fanout = outer

    def store_attachment(self, data: bytes, filename: str, content_type: str) -> dict:
        """Keep the bytes once in the store and return the reference outgoing messages carry."""
        return {"sha256": blobs.put(self.db, data), "filename": filename, "content_type": content_type}

    def original_as_attachment(self) -> list[dict]:
        """The inbound message itself as an attachment reference, for the coordinators (the
        tokens it carries are marked shown to them: see `mark_tokens_shown`), or []."""
        if not self.raw:
            return []
        self.mark_tokens_shown()
        return [self.store_attachment(self.raw, "original.eml", "message/rfc822")]

    def mark_tokens_shown(self) -> None:
        """Mark every token of Convenor's the inbound message carries (in its headers, its text,
        any part decoded) as shown to the coordinators: a coordinator could write it from the
        owner's address, so it acts from then on only on verified mail, or once its owner confirms
        (see `workflows.routing.router.is_token_reply`)."""
        if self.raw:
            if self.scan_tokens is None:  # never quietly: an unmarked token would act for a forger
                raise RuntimeError("a Context that shows a message to the coordinators needs scan_tokens")
            from store import tokens as store_tokens
            store_tokens.mark_shown(self.db, self.scan_tokens(self.raw), self.now)

    def _undelivered_note(self, member_id: int, lang: str) -> str:
        """For a message to a coordinator: a note on messages to the only coordinator that failed
        for good and no message has mentioned yet (nobody else could be told), else ""."""
        rows = outbox.undelivered_to_only_coordinator(self.db, untold_only=True)
        if not rows:
            return ""
        member = store_members.get(self.db, member_id)
        if member is None or not member["coordinator"]:
            return ""
        outbox.mark_failure_told(self.db, [r["id"] for r in rows], self.now)
        _, note, _ = self.rules.renderer.render("undelivered_note", lang, rows=rows, network=self.rules.network,
                                                now=self.now, member=member)
        return "\n\n" + note

    def _queue(self, address, member_id, lang, kind, token, attachments, headers, in_reply_to, variables,
               coordinator: bool = True):
        variables.setdefault("network", self.rules.network)
        variables.setdefault("now", self.now)
        subject, text, html = self.rules.renderer.render(kind, lang, **variables)
        if member_id is not None and coordinator:  # the note goes to a coordinator alone: no look-up else
            text += self._undelivered_note(member_id, lang)
        bounce_token = tokens.new_token()
        row_id = outbox.queue(
            self.db, recipient=address, member_id=member_id, kind=kind, subject=subject,
            body_text=text, body_html=html, headers=headers or {}, attachments=attachments or [],
            reply_token=token, bounce_token=bounce_token,
            message_id=new_message_id(self.domain, token), in_reply_to=in_reply_to, now=self.now,
            priority=priority_of(kind), fanout_id=self._fanout or None)
        if self._fanout == 0:
            self._fanout = outbox.start_fanout(self.db, row_id)
        self.queued.append(row_id)
