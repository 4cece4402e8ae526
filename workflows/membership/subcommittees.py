"""Members' own commands by email: JOIN / LEAVE a sub-committee (core members; the coordinators
are told) and STATUS (what is open for this member, gathered from every workflow)."""
from __future__ import annotations

from mailer.message import InboundMail
from store import members as store_members
from workflows.drafts.circulation import member_open_drafts
from workflows.meetings.polls import member_open_polls
from workflows.meetings.series import member_open_items as member_open_meetings
from workflows.membership.leave import on_leave
from workflows.record.actions import member_open_actions
from workflows.routing.context import Context
from workflows.votes.ballots import member_open_votes


def _change(ctx: Context, mail: InboundMail, member: dict, name: str, join: bool) -> str:
    name = name.strip().strip(".")
    variables = dict(name=name, action="join" if join else "leave", in_reply_to=mail.message_id or None,
                     known=store_members.subcommittee_names(ctx.db))
    if member["role"] != "core":
        ctx.send(member, "subcommittee_reply", outcome="associate", **variables)
        return "refused: associates do not sit on sub-committees"
    sub = store_members.subcommittee_by_name(ctx.db, name) if name else None
    if sub is None:
        ctx.send(member, "subcommittee_reply", outcome="unknown", **variables)
        return "unknown sub-committee (the name is not kept)"
    variables["name"] = sub["name"]
    current = store_members.subcommittees_of(ctx.db, member["id"])
    if (sub["name"] in current) == join:
        ctx.send(member, "subcommittee_reply", outcome="unchanged", **variables)
        return "no change"
    wanted = current + [sub["name"]] if join else [s for s in current if s != sub["name"]]
    store_members.set_subcommittees(ctx.db, member["id"], wanted)
    ctx.send(member, "subcommittee_reply", outcome="done", **variables)
    ctx.notify_coordinators("subcommittee_changed", exclude={member["id"]}, who=member, name=sub["name"],
                            action=variables["action"])
    return f"{variables['action']} sub-committee {sub['id']}"


def names_one(db, argument: str) -> bool:
    """True when `argument` is the name of a sub-committee (any case, a final "." ignored)."""
    return store_members.subcommittee_by_name(db, argument.strip().strip(".")) is not None


def join_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """JOIN <sub-committee>: a core member joins it; the coordinators are told."""
    return _change(ctx, mail, member, argument, True)


def leave_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """LEAVE <sub-committee>: a core member leaves it; the coordinators are told."""
    return _change(ctx, mail, member, argument, False)


def open_items(db, member: dict, now) -> list[dict]:
    """Everything open for this member, from every workflow, soonest first.
    A hook that fails is left out rather than failing the member's STATUS."""
    items = []
    for hook in (member_open_drafts, member_open_votes, member_open_polls, member_open_meetings, member_open_actions):
        try:
            items.extend(hook(db, member, now))
        except Exception:  # noqa: BLE001 - one workflow's trouble must not hide the others
            continue
    return sorted(items, key=lambda i: (i.get("when") is None, i.get("when") or now))


def status_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """STATUS: the member's open drafts, votes, polls and next meetings, in their language."""
    items = open_items(ctx.db, member, ctx.now)
    away = member["away_until"] if on_leave(member, ctx.now, ctx.rules.network.timezone) else None
    ctx.send(member, "status_member", items=items, subcommittees=store_members.subcommittees_of(ctx.db, member["id"]),
             away_until=away, in_reply_to=mail.message_id or None)
    return f"status sent ({len(items)} open item(s))"
