"""Minutes: some hours after a meeting ends, Convenor drafts its minutes from a template (date,
place, who was present, agenda items, decisions since the previous meeting, new and open
actions) and circulates them to the coordinators as a draft (a `drafts` row, so versions,
feedback and the deadline digest work as for any draft). A coordinator's `ADOPT` reply, or an
adopted vote whose motion names the draft, adopts them: they join the record.

A coordinator's reply with PRESENT: / ACTION: lines updates the record and circulates the
minutes again as a new version; any other reply is feedback.
"""
from __future__ import annotations

from datetime import timedelta

from mailer.message import InboundMail
from store import drafts as store_drafts
from store import meetings as store_meetings
from store import members as store_members
from store import record as store_record
from store import timers
from store.times import to_db
from workflows.meetings.series import view as meeting_view
from workflows.reading.setting_lines import fold
from workflows.record import actions as record_actions
from workflows.record import attendance, decisions
from workflows.record.replies import coordinator_lines, has_record_lines
from workflows.routing.context import Context

ADOPT_WORDS = {"adopt", "adopted", "adopter", "adopte", "adoptee", "adoptes", "approve", "approved", "approuve",
               "approuver"}


def _ends_at(meeting: dict):
    return meeting["starts_at"] + timedelta(minutes=meeting["duration_minutes"])


def draft_due(ctx: Context) -> int:
    """Draft the minutes of every meeting that ended `minutes_after_hours` ago (within the
    look-back window) and has none yet; return how many were drafted. Run at each tick."""
    settings = record_actions.policy(ctx)
    drafted = 0
    oldest = ctx.now - timedelta(days=settings.minutes_lookback_days)
    for meeting in store_meetings.list_meetings(ctx.db):
        if meeting["state"] != "announced" or meeting["starts_at"] is None:
            continue
        ends = _ends_at(meeting)
        if ends < oldest or ends + timedelta(hours=settings.minutes_after_hours) > ctx.now:
            continue
        if store_record.minutes_of_meeting(ctx.db, meeting["id"]) is None and store_members.coordinators(ctx.db):
            draft_minutes(ctx, meeting["id"])
            drafted += 1
    return drafted


def previous_meeting(db, meeting: dict) -> dict | None:
    """The last meeting held before this one (of the same series when it has one)."""
    earlier = [m for m in store_meetings.list_meetings(db)
               if m["state"] == "announced" and m["starts_at"] is not None and m["starts_at"] < meeting["starts_at"]
               and (meeting["series"] is None or m["series"] == meeting["series"])]
    return earlier[-1] if earlier else None


def document(ctx: Context, meeting: dict) -> tuple[str, str]:
    """(title, text) of the minutes of `meeting` as they stand in the record now."""
    lang = ctx.rules.network.default_language
    previous = previous_meeting(ctx.db, meeting)
    since = previous["starts_at"] if previous else None
    found = store_record.decisions(ctx.db, since=since)
    new_actions = [record_actions.view(a) for a in store_record.actions(ctx.db, meeting_id=meeting["id"])]
    new_ids = {a["id"] for a in new_actions}
    return ctx.rules.renderer.render(
        "minutes_document", lang, meeting=meeting_view(meeting), member=None, network=ctx.rules.network,
        now=ctx.now, presence=attendance.summary(ctx.db, meeting, attendance.quorum_percent(ctx)),
        agenda=store_meetings.agenda(ctx.db, meeting["id"]), previous=previous,
        decisions=[decisions.view(ctx.db, d, lang) for d in reversed(found)],
        new_actions=new_actions,
        open_actions=[a for a in record_actions.open_views(ctx.db) if a["id"] not in new_ids])[:2]


def _file(ctx: Context, meeting: dict, text: str) -> dict:
    day = to_db(meeting["starts_at"])[:10]
    ref = ctx.store_attachment(text.encode("utf-8"), f"minutes-{day}.txt", "text/plain")
    ref["size"] = len(text.encode("utf-8"))
    return ref


def _author(ctx: Context, meeting: dict) -> dict:
    creator = store_members.get(ctx.db, meeting["created_by"]) if meeting["created_by"] else None
    if creator is not None and creator["active"] and creator["coordinator"]:
        return creator
    return store_members.coordinators(ctx.db)[0]


def draft_minutes(ctx: Context, meeting_id: int) -> str:
    """Draft the meeting's minutes and send them to each coordinator for feedback."""
    meeting = store_meetings.get_meeting(ctx.db, meeting_id)
    title, text = document(ctx, meeting)
    ref = _file(ctx, meeting, text)
    deadline = ctx.now + timedelta(days=record_actions.policy(ctx).minutes_feedback_days)
    coordinators = store_members.coordinators(ctx.db)
    draft_id = store_drafts.create(
        ctx.db, title=title, author_id=_author(ctx, meeting)["id"], intro="", audience_kind="coordinators",
        audience_name=None, deadline_at=deadline, attachments=[ref], now=ctx.now)
    store_drafts.add_recipients(ctx.db, draft_id, [c["id"] for c in coordinators], ctx.now)
    store_record.add_minutes(ctx.db, meeting_id, draft_id, ctx.now)
    timers.schedule(ctx.db, "draft.deadline", draft_id, deadline, {"deadline": to_db(deadline)})
    _circulate(ctx, meeting, draft_id, text, ref, coordinators)
    return f"minutes of meeting {meeting_id} drafted as draft {draft_id}"


def _circulate(ctx: Context, meeting: dict, draft_id: int, text: str, ref: dict, coordinators: list[dict]) -> None:
    draft = store_drafts.get(ctx.db, draft_id)
    with ctx.fanout():
        for coordinator in coordinators:
            ctx.send(coordinator, "minutes_draft", reply_for=("minutes", draft_id), attachments=[ref], draft=draft,
                     meeting=meeting_view(meeting), document=text)


def redraft(ctx: Context, meeting: dict, draft_id: int) -> None:
    """Circulate the minutes again, as the draft's next version, after the record changed."""
    _, text = document(ctx, meeting)
    ref = _file(ctx, meeting, text)
    store_drafts.add_version(ctx.db, draft_id, note="", attachments=[ref], now=ctx.now)
    _circulate(ctx, meeting, draft_id, text, ref, store_members.coordinators(ctx.db))


def adopt(ctx: Context, meeting_id: int, how: str, by: dict | None = None) -> str:
    """Adopt the meeting's minutes (the draft closes); every coordinator is told, once."""
    row = store_record.minutes_of_meeting(ctx.db, meeting_id)
    if row is None or not store_record.adopt_minutes(ctx.db, meeting_id, how, ctx.now):
        return f"minutes of meeting {meeting_id} were already adopted"
    draft = store_drafts.get(ctx.db, row["draft_id"])
    if draft["state"] == "open":
        store_drafts.set_state(ctx.db, draft["id"], "closed", ctx.now)
        timers.cancel_item(ctx.db, ["draft.deadline", "draft.reminder"], draft["id"])
    meeting = meeting_view(store_meetings.get_meeting(ctx.db, meeting_id))
    count = ctx.notify_coordinators("minutes_adopted", meeting=meeting, draft=draft, how=how, by=by)
    return f"minutes of meeting {meeting_id} adopted; {count} coordinator(s) told"


def adopt_by_vote(ctx: Context, draft_id: int, vote_id: int) -> None:
    """Adopt the minutes that are the draft `draft_id`, if they are minutes still in draft."""
    row = store_record.minutes_of_draft(ctx.db, draft_id)
    if row is not None and row["state"] == "draft":
        adopt(ctx, row["meeting_id"], f"Vote {vote_id}")


def reply(ctx: Context, mail: InboundMail, member: dict, token_row: dict) -> str:
    """A coordinator's reply to the minutes: ADOPT adopts them; PRESENT:/ACTION: lines update
    the record (and the minutes are circulated again); anything else is feedback. From someone
    no longer an active coordinator (an old token), ADOPT and record lines change nothing and
    the sender is told why; their feedback still counts."""
    row = store_record.minutes_of_draft(ctx.db, token_row["item_id"])
    meeting = store_meetings.get_meeting(ctx.db, row["meeting_id"])
    draft = store_drafts.get(ctx.db, row["draft_id"])
    text = (mail.new_text or "").strip()
    first = fold(next((line for line in text.splitlines() if line.strip()), "")).strip(" .!")
    adopting = first.split(" ")[0] in ADOPT_WORDS and len(first.split()) <= 3
    if (adopting or has_record_lines(mail)) and not (member["coordinator"] and member["active"]):
        ctx.send(member, "minutes_feedback_ack", draft=draft, meeting=meeting_view(meeting), status="not_coordinator",
                 adopted=row["state"] == "adopted", in_reply_to=mail.message_id or None)
        return (f"{'ADOPT' if adopting else 'record lines'} in reply to the minutes of meeting {meeting['id']} from "
                f"member {member['id']}, no longer a coordinator: nothing changed, member told")
    if adopting:
        if row["state"] == "adopted":
            ctx.send(member, "minutes_adopted", meeting=meeting_view(meeting), draft=draft, how=row["adopted_how"],
                     by=None, in_reply_to=mail.message_id or None)
            return f"minutes of meeting {meeting['id']} were already adopted"
        return adopt(ctx, meeting["id"], f"ADOPT ({member['name']})", by=member)
    if has_record_lines(mail):
        outcome = coordinator_lines(ctx, mail, member, meeting, "minutes")
        if row["state"] == "draft":
            redraft(ctx, meeting, draft["id"])
            outcome += "; minutes circulated again"
        return outcome
    if not text and not mail.attachments:
        ctx.send(member, "minutes_feedback_ack", reply_for=("minutes", draft["id"]), draft=draft,
                 meeting=meeting_view(meeting), status="empty", in_reply_to=mail.message_id or None)
        return f"empty reply to the minutes of meeting {meeting['id']}"
    store_drafts.add_feedback(ctx.db, draft["id"], member["id"], body=text, no_comment=False,
                              late=draft["state"] != "open", version=draft["version"], attachments=[],
                              now=ctx.now, message_id=mail.message_id or None)
    ctx.send(member, "minutes_feedback_ack", reply_for=("minutes", draft["id"]), draft=draft,
             meeting=meeting_view(meeting), status="recorded", in_reply_to=mail.message_id or None)
    return f"feedback on the minutes of meeting {meeting['id']} recorded"
