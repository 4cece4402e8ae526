"""Action items: `ACTION: Li Wei — call the shelter about spring dates — 2027-02-01` lines that a
coordinator writes in a reply to a meeting's announcement or minutes, or in an `[Action]`
message, become items with an owner and a due date.

The owner gets each item with a token and answers DONE, a comment, or a new date; one reminder
goes before the due date and one after (timers that carry the due date they were set for, so a
moved date or a finished item makes them do nothing). A line whose owner cannot be matched to
one member, or whose date cannot be read, is sent back to the coordinator who wrote it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from mailer.message import InboundMail
from store import members as store_members
from store import record as store_record
from store import timers
from workflows.reading.dates import read_when
from workflows.reading.setting_lines import HeaderError, clock_time, fold
from workflows.record.names import find_member
from workflows.record.policy import RecordPolicy
from workflows.routing.context import Context

ACTION_LINE = re.compile(r"^\s*[-*•]?\s*(?:action|action item|t[aâ]che)\s*:\s*(.+?)\s*$", re.IGNORECASE)
PARTS = re.compile(r"\s*[—–]\s*|\s+--?\s+")
DONE_WORDS = {"done", "fait", "faite", "termine", "terminee", "completed", "complete", "finished", "fini"}
TIMER_KINDS = ["action.before", "action.after"]
NEW_ITEM_TAGS = ("Action", "Tâche", "Tache")  # "[Action] …": a coordinator's action items
MAX_TEXT = 1000


def policy(ctx: Context) -> RecordPolicy:
    """The record settings (defaults when the settings have no [record] section)."""
    return getattr(ctx.rules, "record", None) or RecordPolicy()


@dataclass
class ActionLine:
    """One line read: the owner as typed, the task, the due date (local) — or the problem."""

    line: str
    owner: str = ""
    task: str = ""
    due: date | None = None
    problem: str | None = None


def action_lines(text: str) -> list[str]:
    """The values of the `ACTION:` lines of `text` (English or French "TÂCHE:"), in order."""
    return [m.group(1) for m in map(ACTION_LINE.match, (text or "").splitlines()) if m]


def read_due(value: str, now: datetime, timezone: str, date_order: str | None = None) -> date:
    """The local date a due value names ("2027-02-01", "February 1, 2027", "in 2 weeks");
    HeaderError when it cannot be read or is past."""
    return read_when(value, now=now, timezone=timezone, default_time="23:59", what="due",
                     date_order=date_order).date()


def read_line(value: str, now: datetime, timezone: str, date_order: str | None = None) -> ActionLine:
    """Split "owner — task — due date" (separators —, –, " - " or " -- "; the date optional)."""
    parts = [p.strip() for p in PARTS.split(value.strip()) if p.strip()]
    out = ActionLine(line=value.strip())
    if len(parts) < 2:
        out.problem = "write the owner, the task and the due date separated by dashes"
        return out
    out.owner = parts[0]
    due = None
    if len(parts) >= 3:
        try:
            due = read_due(parts[-1], now, timezone, date_order)
            parts = parts[:-1]
        except HeaderError as exc:
            if re.search(r"\d", parts[-1]):
                out.problem = str(exc)
                return out
    out.task, out.due = " — ".join(parts[1:])[:MAX_TEXT], due
    return out


def create_from_lines(ctx: Context, coordinator: dict, values: list[str], *, meeting_id: int | None,
                      source: str, written_at: datetime) -> tuple[list[dict], list[dict]]:
    """Create an item for each readable line (its owner told, reminders scheduled); return
    (the items created, the lines sent back with their problem). "due in 7 days" counts from
    `written_at`, when the coordinator's mail arrived."""
    members = store_members.all_members(ctx.db, active_only=True)
    created, problems = [], []
    for value in values:
        line = read_line(value, written_at, ctx.rules.network.timezone, ctx.rules.network.date_order)
        owner = None
        if line.problem is None:
            owner, candidates = find_member(members, line.owner)
            if owner is None:
                line.problem = ("it names several members: " + ", ".join(c["name"] for c in candidates)
                                if candidates else "no member has that name or address")
        if line.problem is not None:
            problems.append({"line": line.line, "problem": line.problem})
            continue
        action_id = store_record.add_action(
            ctx.db, meeting_id=meeting_id, source=source, created_by=coordinator["id"], owner_id=owner["id"],
            text=line.task, due_on=line.due.isoformat() if line.due else None, now=ctx.now)
        action = store_record.get_action(ctx.db, action_id)
        schedule_reminders(ctx, action)
        ctx.send(owner, "action_assigned", reply_for=("action", action_id), action=view(action), by=coordinator)
        created.append(view(action))
    return created, problems


def schedule_reminders(ctx: Context, action: dict) -> None:
    """(Re)schedule the reminder before the due date and the one after, when still ahead."""
    timers.cancel_item(ctx.db, TIMER_KINDS, action["id"])
    if not action["due_on"] or action["state"] != "open":
        return
    settings = policy(ctx)
    due = date.fromisoformat(action["due_on"])
    zone = ZoneInfo(ctx.rules.network.timezone)
    at = clock_time(settings.send_time)
    for kind, days in (("action.before", -settings.action_reminder_days_before),
                       ("action.after", settings.action_reminder_days_after)):
        if days == 0:
            continue
        moment = datetime.combine(due + timedelta(days=days), at, tzinfo=zone)
        if moment > ctx.now:
            timers.schedule(ctx.db, kind, action["id"], moment, {"due": action["due_on"]})


def view(action: dict) -> dict:
    """An action item as messages and the CLI show it."""
    return {"id": action["id"], "ref": f"Action {action['id']}", "text": action["text"],
            "owner": action["owner_name"], "owner_email": action["owner_email"], "due_on": action["due_on"],
            "due": date.fromisoformat(action["due_on"]) if action["due_on"] else None,
            "state": action["state"], "meeting_id": action["meeting_id"], "creator": action["creator_name"]}


def member_open_actions(db, member: dict, now: datetime) -> list[dict]:
    """The member's open action items, for STATUS by email."""
    return [{"kind": "action", "ref": a["ref"], "title": a["text"], "due": a["due_on"],
             "when": None, "answered": None} for a in open_views(db, member["id"])]


def open_views(db, owner_id: int | None = None) -> list[dict]:
    """Open action items (of one owner, or all), soonest due first."""
    return [view(a) for a in store_record.actions(db, state="open", owner_id=owner_id)]


# --- the owner answers -------------------------------------------------------------------------

def owner_reply(ctx: Context, mail: InboundMail, member: dict, token_row: dict) -> str:
    """The owner's reply: DONE closes the item, a date moves it, anything else is a comment.
    The owner gets a receipt; the coordinator who created the item is told."""
    action = store_record.get_action(ctx.db, token_row["item_id"])
    arrived = ctx.arrival(mail)
    text = (mail.new_text or "").strip()
    reply_to = mail.message_id or None
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first:
        ctx.send(member, "action_reply_receipt", reply_for=("action", action["id"]), action=view(action),
                 event="empty", in_reply_to=reply_to)
        return f"empty reply to action {action['id']}"
    if is_done(first):
        return finish(ctx, action, member, reply_to=reply_to, note=text)
    try:
        due = read_due(first, arrived, ctx.rules.network.timezone, ctx.rules.network.date_order)
    except HeaderError:
        due = None
    if due is not None and len(first) <= 40:
        store_record.set_action_due(ctx.db, action["id"], due.isoformat())
        store_record.add_action_event(ctx.db, action["id"], member["id"], "due", due.isoformat(), arrived)
        action = store_record.get_action(ctx.db, action["id"])
        schedule_reminders(ctx, action)
        event = "due"
    else:
        store_record.add_action_event(ctx.db, action["id"], member["id"], "comment", text[:4000], arrived)
        event = "comment"
    ctx.send(member, "action_reply_receipt", reply_for=("action", action["id"]), action=view(action),
             event=event, in_reply_to=reply_to)
    _tell_creator(ctx, action, member, event, text[:4000])
    return f"action {action['id']}: {event} recorded"


def is_done(first_line: str) -> bool:
    """True when a reply's first line says the item is done: "DONE", "Done.", "Fait !",
    "Done, the site is updated" (a done word alone or followed by punctuation, not "done with half")."""
    match = re.match(r"^(\w+)\s*([.!,;:—–-]|$)", fold(first_line))
    return bool(match) and match.group(1) in DONE_WORDS


def finish(ctx: Context, action: dict, by: dict | None, *, reply_to: str | None = None, note: str = "") -> str:
    """Mark the item done (reminders dropped); the owner gets a receipt, its creator is told."""
    if not store_record.set_action_state(ctx.db, action["id"], "done", ctx.now):
        if by is not None:
            ctx.send(by, "action_reply_receipt", action=view(action), event="already_done", in_reply_to=reply_to)
        return f"action {action['id']} was already done"
    store_record.add_action_event(ctx.db, action["id"], by["id"] if by else None, "done", note[:4000], ctx.now)
    timers.cancel_item(ctx.db, TIMER_KINDS, action["id"])
    action = store_record.get_action(ctx.db, action["id"])
    owner = store_members.get(ctx.db, action["owner_id"])
    if owner is not None and owner["active"]:
        ctx.send(owner, "action_reply_receipt", action=view(action), event="done", in_reply_to=reply_to)
    _tell_creator(ctx, action, by, "done", note[:4000])
    return f"action {action['id']} done"


def _tell_creator(ctx: Context, action: dict, by: dict | None, event: str, text: str) -> None:
    creator = store_members.get(ctx.db, action["created_by"]) if action["created_by"] else None
    if creator is None or not creator["active"] or (by is not None and creator["id"] == by["id"]):
        return
    ctx.send(creator, "action_update", action=view(action), event=event, by=by, text=text)


# --- timers, commands, [Action] ----------------------------------------------------------------

def remind(ctx: Context, timer: dict) -> str:
    """Remind the owner of an open item, before or after its due date (skipped once done or moved)."""
    action = store_record.get_action(ctx.db, timer["item_id"])
    if action is None or action["state"] != "open":
        return "skipped: the action is done"
    if timer["payload"].get("due") != action["due_on"]:
        return "skipped: the due date has moved"
    owner = store_members.get(ctx.db, action["owner_id"])
    if owner is None or not owner["active"]:
        return "skipped: the owner has left"
    ctx.send(owner, "action_reminder", reply_for=("action", action["id"]), action=view(action),
             overdue=timer["kind"] == "action.after")
    return f"action {action['id']}: reminder sent"


def actions_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """ACTIONS: the member gets the list of their own open items."""
    items = open_views(ctx.db, member["id"])
    ctx.send(member, "record_actions", actions=items, in_reply_to=mail.message_id or None)
    return f"actions sent ({len(items)} open)"


def new_action_message(ctx: Context, mail: InboundMail, member: dict) -> str:
    """A coordinator's `[Action]` message (the router refuses other members'): each `ACTION:` line
    (or, without any, each line of the text) becomes an item; the coordinator gets what was
    created and what was not understood."""
    values = action_lines(mail.new_text) or [line for line in (mail.new_text or "").splitlines() if line.strip()]
    return receipt(ctx, member, mail, *create_from_lines(ctx, member, values, meeting_id=None, source="message",
                                                   written_at=ctx.arrival(mail)))


def receipt(ctx: Context, coordinator: dict, mail: InboundMail, created: list[dict], problems: list[dict],
            presence: dict | None = None) -> str:
    """Tell the coordinator what their lines became (items, attendance) and send back the rest."""
    ctx.send(coordinator, "record_receipt", created=created, problems=problems, presence=presence,
             in_reply_to=mail.message_id or None)
    return f"{len(created)} action item(s) created, {len(problems)} line(s) sent back"


def action_by_number(db, number: int):
    """("action", number) when Action `number` exists, for "[Action 3]" in a reply's subject."""
    return ("action", number) if store_record.get_action(db, number) else None


def describe(db, action_id: int) -> dict:
    """An action item as `convenor inspect` shows it."""
    action = store_record.get_action(db, action_id)
    return {"kind": "action", "id": action_id, "ref": f"Action {action_id}",
            "title": action["text"] if action else "(unknown)", "state": action["state"] if action else None}
