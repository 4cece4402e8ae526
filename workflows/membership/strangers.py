"""Mail from people who are not members: forwarded within bounds, never amplified.

Anyone can write to the list address, as often and as large as they like; each message used to
be forwarded whole to every coordinator. Now:

- a message above `strangers.max_forward_mb` is forwarded as its headers, first lines and a
  note; the message itself stays in the mailbox's Quarantine folder (not copied into the store);
- at most `strangers.forwards_per_sender_per_day` forwards a day come from one sender and at
  most `strangers.forwards_per_day` from all strangers together (UTC days, by arrival); past
  either cap a message is held in Quarantine unforwarded, and the coordinators get one summary
  the next day ("37 more messages from non-members are in Quarantine"), at most one a day.

The same summary counts the mail failing authentication held past its own caps
(`workflows.trust.forgeries`), by the address it claimed, and the feedback reports held past
theirs (`workflows.membership.complaints`), by address, the members' questions and comments kept
past the cap on passing them on (`workflows.membership.passing_on`), and names each message taken
for an automatic reply by its subject, words or no-reply address alone
(`workflows.routing.machine_guesses`) and each reply on another member's secret ballot that
neither its writer nor the ballot's owner could be told of (`workflows.routing.wrong_copy`: never
a word of it): one mechanism, one summary a day.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from mailer.message import InboundMail
from store import inbound as store_inbound
from store import members as store_members
from store import timers
from store.times import from_db
from workflows.routing.context import Context

HANDLER = "stranger"  # the router's name for this rule: forwards are counted by it
FAILED_AUTHENTICATION = "authentication"  # the router's rule for forged mail, summarised here too
FEEDBACK = "feedback"  # the router's rule for feedback reports (sent by providers, not members): counted too
GUESSED = "machine-guess"  # the router's rule for mail that only looked automatic: each one named
TOKEN_REPLY = "token-reply"  # the router's rule for replies by token: one on another's secret ballot is named
UNSEEN = "secret_wrong_copy"  # the stored fact of a reply on another member's secret ballot no one was told of
TAKEN = "taken: "  # how the record of such a message that got its effect begins: "taken: draft: …"
READ_AS = "read"  # the stored fact (`inbound.facts`) of a guess read as a token reply: its kind, "draft" or "vote"
GUESSES_NAMED = 50  # a summary names at most this many of them, then counts the rest (a flood stays short)
SUMMARY = "strangers.summary"
HELD = "held: "  # how a held message's reason begins in the inbound record
FORWARDED = "forwarded: "  # … and a message forwarded, but set aside all the same (no readable sender)
PASSED_ON = HELD + "not passed on: "  # … a member's text kept past the cap on passing on (any handler)


def over_cap(ctx: Context, mail: InboundMail) -> str | None:
    """Why this stranger's message must not be forwarded today (a text-free reason), or None."""
    policy = ctx.rules.strangers
    day = utc_day(ctx.arrival(mail))
    if store_inbound.forwarded_on(ctx.db, HANDLER, day, mail.from_addr, FORWARDED) >= policy.forwards_per_sender_per_day:
        return f"{HELD}this sender's {policy.forwards_per_sender_per_day} forwards of the day are used"
    if store_inbound.forwarded_on(ctx.db, HANDLER, day, forwarded_prefix=FORWARDED) >= policy.forwards_per_day:
        return f"{HELD}the {policy.forwards_per_day} forwards of the day from non-members are used"
    return None


def too_large(ctx: Context) -> float | None:
    """The message's size in MB when it is above `strangers.max_forward_mb`, else None."""
    size = len(ctx.raw or b"") / (1024 * 1024)
    return round(size, 1) if size > ctx.rules.strangers.max_forward_mb else None


def hold(ctx: Context, mail: InboundMail, reason: str) -> str:
    """Keep the message in Quarantine unforwarded and make sure tomorrow's summary counts it."""
    ctx.held = reason
    schedule_summary(ctx, mail)
    return f"not forwarded ({reason[len(HELD):]}); kept in Quarantine"


def schedule_summary(ctx: Context, mail: InboundMail) -> None:
    """Make sure the summary of the day `mail` arrived on comes at the start of the next (UTC)."""
    start_of_next_day = datetime.combine(utc_day(ctx.arrival(mail)) + timedelta(days=1), time(0), timezone.utc)
    timers.schedule(ctx.db, SUMMARY, 0, start_of_next_day)


def summary_timer(ctx: Context, timer: dict) -> str:
    """Tell the coordinators, once, how many messages the day before were held past the caps:
    strangers' (a count), mail failing authentication (a count by the address it claimed) and
    members' texts not passed on (a count by address); and names each guess (`_guessed`) and each
    reply on another member's secret ballot no one was told of (`_unseen`)."""
    end = timer["due_at"] if isinstance(timer["due_at"], datetime) else from_db(timer["due_at"])
    start = end - timedelta(days=1)
    count = sum(store_inbound.held_between(ctx.db, handler, HELD, start, end) for handler in (HANDLER, FEEDBACK))
    forged = _by_sender(ctx, FAILED_AUTHENTICATION, HELD, start, end)
    kept = _by_sender(ctx, None, PASSED_ON, start, end)
    guessed = _guessed(ctx, start, end)
    unseen = _unseen(ctx, start, end)
    if not count and not forged and not kept and not guessed and not unseen:
        return "no message held"
    policy, trust = ctx.rules.strangers, ctx.rules.trust
    sent = ctx.notify_coordinators("strangers_summary", held=count, day=start.date(),
                                   network_cap=policy.forwards_per_day, sender_cap=policy.forwards_per_sender_per_day,
                                   forged=forged, forged_total=sum(f["count"] for f in forged),
                                   forged_address_cap=trust.failed_forwards_per_address_per_day,
                                   forged_cap=trust.failed_forwards_per_day,
                                   kept=kept, kept_total=sum(k["count"] for k in kept),
                                   kept_answered=sum(k["answered"] for k in kept),
                                   kept_cap=trust.passed_on_per_sender_per_day,
                                   guessed=guessed[:GUESSES_NAMED], guessed_total=len(guessed),
                                   unseen=unseen[:GUESSES_NAMED], unseen_total=len(unseen))
    return (f"{count} held message(s) from non-members, {sum(f['count'] for f in forged)} failing "
            f"authentication, {sum(k['count'] for k in kept)} not passed on, {len(guessed)} taken for "
            f"automatic replies and {len(unseen)} on another member's secret ballot summarised to {sent} coordinator(s)")


def _by_sender(ctx: Context, handler: str | None, reason_prefix: str, start: datetime, end: datetime) -> list[dict]:
    """The messages held in [start, end) by `handler` (any when None) with a reason starting
    `reason_prefix`, counted by sender: [{address, count, answered, member}], most first (`answered`:
    how many of them had their answer counted, `store.inbound.ANSWERED_HELD`; the others acted on nothing)."""
    return [{"address": address, "count": n, "answered": answered, "member": store_members.get_by_email(ctx.db, address)}
            for address, n, answered in store_inbound.held_by_sender_between(ctx.db, handler, reason_prefix, start, end)]


def _guessed(ctx: Context, start: datetime, end: datetime) -> list[dict]:
    """Each message of [start, end) taken for an automatic reply by its subject, words or no-reply
    address alone (`workflows.routing.machine_guesses`): who sent it, when, and what became of it: `kept` in
    Quarantine or not, and `read`, the kind of token reply it was read as ("draft": recorded as
    feedback; "vote": reads as a clear vote, kept uncounted), or ""."""
    return [{**_who_and_when(ctx, row), "kept": row["state"] == "quarantined", "read": row["facts"].get(READ_AS, "")}
            for row in store_inbound.taken_between(ctx.db, GUESSED, start, end)]


def _unseen(ctx: Context, start: datetime, end: datetime) -> list[dict]:
    """Each reply of [start, end) on another member's copy of a secret ballot that neither its
    writer nor the copy's owner could be told of (`workflows.routing.wrong_copy`): who sent it,
    when, the ballot (`ref`, None when it was not known: a vote since removed), whose copy it was
    (`owner`, a member or None) and whether its From was verified (`verified`: False says the
    address named may be forged) - never a word of it. A fact with no ballot named still names the reply."""
    return [{**_who_and_when(ctx, row), "ref": row["facts"][UNSEEN], "verified": row["facts"].get("verified"),
             "owner": store_members.get(ctx.db, row["facts"]["owner"]) if row["facts"].get("owner") else None}
            for row in store_inbound.taken_between(ctx.db, TOKEN_REPLY, start, end, fact=UNSEEN)]


def _who_and_when(ctx: Context, row: dict) -> dict:
    """Who sent an inbound `row` (its address, and the member it is, or None) and when it arrived."""
    return {"address": row["from_addr"] or "", "when": ctx.local(from_db(row["received_at"])),
            "member": store_members.get_by_email(ctx.db, row["from_addr"]) if row["from_addr"] else None}


def utc_day(moment: datetime):
    """The UTC day of `moment`: the daily caps count by it."""
    return moment.astimezone(timezone.utc).date()
