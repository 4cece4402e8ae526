"""Mail taken for an automatic reply only by its subject, its own words or a no-reply sender
address: a guess, never swallowed.

An automatic reply marked by its headers (Auto-Submitted, X-Autoreply, Precedence: bulk …) or
sent with a null return path is machine mail: the router ignores it (no answer: no loops). One
that only *looks* automatic ("Automatic reply: …", "This is an automatic reply", a
noreply@ sender, with no such header) may be a person's. Such a message:

- is never answered: a real automatic reply without headers would answer our answer again (a
  loop); nothing at all is sent to its sender, so none can start;
- still gets its effect when it carries what a person would mean and a person reads it: feedback
  on a draft, by its owner's token, is recorded for the author's digest; every message that handling
  queued for the sender (the acknowledgement) is withdrawn, kept in the outbox unsent;
- else is kept in the mailbox's Quarantine folder, untouched: a reply that would only have been
  asked back, a message without a token, and a reply to a ballot even when it reads as a clear
  vote (a responder's fixed text may read as one; a vote counted from a machine cannot be told
  from the member's): the coordinators learn it reads as one and may ask the member to vote again;
- in every case is named in the coordinators' next daily summary (`workflows.membership.strangers`):
  who sent it and when, and what became of it, never its words, so a person's message reaches a
  person.
"""
from __future__ import annotations

from mailer.autoreply import NO_REPLY_REASON
from mailer.list_notices import LIST_MANAGER_REASON
from mailer.message import InboundMail
from store import drafts as store_drafts
from store import outbox as store_outbox
from store import tokens as store_tokens
from store import votes as store_votes
from store.db import savepoint
from workflows.membership import strangers
from workflows.routing.context import Context

HANDLER = strangers.GUESSED  # the router's rule: the summary finds these messages by it
TAKEN = strangers.TAKEN  # a message that got its effect: "taken: <token kind>: …" (HELD: kept in Quarantine)
# What a guessed message may do, by its token's kind: (what the record says, how many there are, kept).
# Feedback on a draft is kept: its author, a person, reads it in the digest whoever wrote it. A vote
# is never counted from a guess (a responder's fixed text may read as one: "I am away. YES"): it is
# tried, undone, and the message kept for the coordinators, saying it reads as a clear vote.
EFFECTS = {
    "draft": ("recorded as feedback on a draft",
              lambda db, row: sum(f["member_id"] == row["member_id"] for f in store_drafts.feedback(db, row["item_id"])),
              True),
    "vote": ("reads as a clear vote, not counted",
             lambda db, row: store_votes.event_counts(db, row["item_id"]).get((row["member_id"], "vote"), 0),
             False),
}


def what_it_rests_on(mail: InboundMail) -> str:
    """'subject', 'no-reply address', 'list manager's address' or 'words': the only sign that made the
    message look automatic."""
    if mail.auto_reply_by_subject:
        return "subject"
    if mail.auto_reply_reason == LIST_MANAGER_REASON:
        return "list manager's address"
    return "no-reply address" if mail.auto_reply_reason == NO_REPLY_REASON else "words"


def take(ctx: Context, mail: InboundMail, *, act=None) -> str:
    """Handle a message taken for an automatic reply only by its subject, words or no-reply
    address. `act` is what
    its owner's token would do (the token-reply rule's action), or None. Sends nothing to the
    sender; see the module's docstring."""
    sign = what_it_rests_on(mail)
    row = _token_row(ctx, mail) if act is not None else None
    words, count, keep = EFFECTS.get(row["kind"] if row else "", ("", None, False))
    outcome = _try_without_answer(ctx, mail, act, row, count, keep) if count is not None else None
    if outcome is not None:  # the summary names the kind it read as from this stored fact, never from a reason
        ctx.facts = {strangers.READ_AS: row["kind"]}
    if outcome is not None and keep:
        ctx.noted = f"{TAKEN}{row['kind']}: {words}; its {sign} looked automatic: nothing sent to its sender"
        strangers.schedule_summary(ctx, mail)
        return f"{outcome}; its {sign} looked automatic: nothing sent to its sender"
    read = f"{row['kind']}: {words}; " if outcome is not None else ""
    ctx.held = f"{strangers.HELD}{read}taken for an automatic reply by its {sign} alone (no header said so)"
    strangers.schedule_summary(ctx, mail)
    return f"kept in Quarantine ({ctx.held[len(strangers.HELD):]}): nothing sent to its sender; in the coordinators' next summary"


def _token_row(ctx: Context, mail: InboundMail) -> dict | None:
    """The first of the message's tokens that resolves (the one the token-reply rule acts on)."""
    for token in mail.tokens:
        row = store_tokens.resolve(ctx.db, token)
        if row is not None:
            return row
    return None


class _Undo(Exception):
    """Raised inside the savepoint to undo all that the token's action did."""


def _try_without_answer(ctx: Context, mail: InboundMail, act, row: dict, count, keep: bool) -> str | None:
    """Run `act` in a savepoint and return its outcome when it added to `count` (feedback, a
    vote), else None. Undo all of it unless it added and `keep`; when kept, what it queued for
    the sender (the receipt, the acknowledgement) is withdrawn: it stays in the outbox unsent."""
    queued = len(ctx.queued)
    marks = ctx.action_marks()
    before = count(ctx.db, row)
    outcome = None
    try:
        with savepoint(ctx.db):
            outcome = act(ctx, mail)
            if count(ctx.db, row) <= before:
                outcome = None
            if outcome is None or not keep:
                raise _Undo()
    except _Undo:
        del ctx.queued[queued:]  # what the action set on the context goes with what it wrote
        ctx.restore_action_marks(marks)
        return outcome
    store_outbox.withdraw_rows(ctx.db, ctx.queued[queued:], row["member_id"],
                               "its reply was taken for an automatic reply: never answered")
    return outcome
