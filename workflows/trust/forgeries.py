"""Mail whose authentication failed (a forged From: someone wrote in a member's, or anyone's,
name): never acted on, set aside in Quarantine, and each coordinator told with the original
attached, within daily caps, so a forger cannot flood the coordinators:

- at most `trust.failed_forwards_per_address_per_day` such notices a day for one claimed From
  address, and `trust.failed_forwards_per_day` in all (UTC days, by arrival);
- past either cap a message is held in Quarantine without a notice (recorded, its reason saying
  which cap), and the coordinators get one summary the next day, the same one that counts the
  non-members' mail held past their caps (`workflows.membership.strangers`: one mechanism, one
  timer, one summary a day); the day's last notice within the cap says so.
"""
from __future__ import annotations

from mailer.message import InboundMail
from store import inbound as store_inbound
from workflows.membership import strangers
from workflows.routing.context import Context
from workflows.routing.quarantine import Quarantine

HANDLER = strangers.FAILED_AUTHENTICATION  # the router's name for this rule: notices are counted by it
NOTICED = "Quarantine: "  # how the reason of a message set aside with a notice begins in the inbound record


def set_aside(ctx: Context, mail: InboundMail, reason: str) -> str:
    """Set the forged message aside: with a notice to the coordinators within the day's caps
    (raises `Quarantine`), else held unannounced for tomorrow's summary."""
    policy = ctx.rules.trust
    day = strangers.utc_day(ctx.arrival(mail))
    for_address = store_inbound.forwarded_on(ctx.db, HANDLER, day, mail.from_addr or "", NOTICED)
    in_all = store_inbound.forwarded_on(ctx.db, HANDLER, day, forwarded_prefix=NOTICED)
    if for_address >= policy.failed_forwards_per_address_per_day:
        return strangers.hold(ctx, mail, f"{strangers.HELD}{policy.failed_forwards_per_address_per_day} notices "
                                         "of the day for this address are used")
    if in_all >= policy.failed_forwards_per_day:
        return strangers.hold(ctx, mail, f"{strangers.HELD}the {policy.failed_forwards_per_day} notices of the "
                                         "day on mail failing authentication are used")
    last = for_address + 1 == policy.failed_forwards_per_address_per_day or in_all + 1 == policy.failed_forwards_per_day
    raise Quarantine(reason, notice="forged_sender", handler=HANDLER, last_of_day=last,
                     address_cap=policy.failed_forwards_per_address_per_day, network_cap=policy.failed_forwards_per_day)
