"""What a member writes beside their answer to an item, passed on to the coordinators.

A reply to a ballot, a date poll or a draft does its job (a vote counted, an availability or a
piece of feedback recorded), but the member may also have asked something ("Can you explain the
motion?") or written a message of some length: that text reaches the coordinators (or one of
them, a draft's author) as a forward they can answer by replying (`commands.forward_unknown`,
with `about` saying why it came). The caller tells the member what was done.

One address cannot flood the coordinators this way (a member, or someone writing in their name
with a token they hold): at most `trust.passed_on_per_sender_per_day` such texts a day are
passed on from one address (UTC days, by arrival). Past it the answer still does its job (the
member's vote is theirs to cast: a question beside it never undoes it), but the message is kept
in the mailbox's Quarantine folder unforwarded (its record says why, in no word of the member's)
and counted, by address, in the coordinators' next-day summary (`workflows.membership.strangers`:
one mechanism, one summary a day); the member is told. Its record says what happened: state
`store.inbound.ANSWERED_HELD` when its answer had its effect (a vote counted, an availability or
feedback recorded), 'quarantined' only when nothing acted (an unclear answer, another member's copy).
"""
from __future__ import annotations

from typing import Callable

from mailer.message import InboundMail
from store import notices
from workflows.membership import commands, strangers
from workflows.routing.context import Context

HELD = "held"  # what `pass_on` returns for a text kept in Quarantine past the day's cap
NOTICE_KIND = "passed_on"  # each text passed on is remembered as a numbered notice of this kind


def pass_on(ctx: Context, mail: InboundMail, words: str, worth: Callable[[str], bool], about: dict, *,
            answered: bool, only_to: dict | None = None) -> str | None:
    """Pass the member's `mail` on when `worth(words)` says its `words` (the part of the text the
    caller did not read as the answer) are a question or a message; `about` ({"kind": "ballot" |
    "poll" | "draft" | "wrong_copy", "ref": "Vote 7", "title": …, and for a ballot "counted",
    for another member's copy "owner" and "verified"}) says in the
    forward why it came, `answered` says whether the message's answer had its effect (a vote
    counted: recorded so when its text is held), `only_to` (an active coordinator) sends it to
    them alone. Returns what was
    done ("forwarded to 2 coordinator(s)"), `HELD` when the sender's passes of the day are used
    (the message is kept in Quarantine for the next day's summary), or None when there is nothing
    to pass on."""
    if not worth(words or ""):
        return None
    cap = ctx.rules.trust.passed_on_per_sender_per_day
    address, day = mail.from_addr or "", strangers.utc_day(ctx.arrival(mail)).isoformat()
    passed = notices.count_for(ctx.db, address, NOTICE_KIND, day)
    if passed >= cap:
        strangers.hold(ctx, mail, f"{strangers.PASSED_ON}this sender's {cap} of the day are used")
        ctx.answered = answered
        return HELD
    notices.first_today(ctx.db, address, f"{NOTICE_KIND}-{passed + 1}", day)
    return commands.forward_unknown(ctx, mail, about=about, only_to=only_to)
