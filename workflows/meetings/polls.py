"""Date polls: candidates sent to the audience, answers by reply (later ones replace earlier),
receipts, one reminder to those who have not answered, the result at the close, and a
coordinator's override by replying `CHOOSE 2` to the grid.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from mailer.message import InboundMail
from store import meetings as store_meetings
from store import members as store_members
from store import timers
from store import poll_options as store_options
from workflows.meetings import series as meetings
from workflows.meetings import recurrence
from workflows.meetings import poll_copies, poll_extras, poll_ranking, poll_setup
from workflows.reading.questions import asks_something, is_a_message
from workflows.reading.setting_lines import clock_time
from workflows.membership import commands, passing_on
from workflows.membership.leave import on_leave
from workflows.routing.context import Context
from workflows.routing.outcomes import reading_kind
from workflows.sending import fanout
from workflows.votes.replies import ADMIN_CANCEL, ADMIN_CLOSE

CHOOSE = re.compile(r"^\s*(?:choose|choisir|choix)\s*:?\s*#?(\d+)\b", re.IGNORECASE | re.MULTILINE)


def closing_time(ctx: Context, meeting: dict, candidates: list[datetime], open_days: int) -> datetime:
    """When a poll on `candidates` closes: `open_days` from now at the meeting's send time, but never
    later than the day before the earliest candidate (a date must not pass while it is polled)."""
    at = clock_time(meetings.send_time(ctx, meeting))
    usual = recurrence.days_before_at(meetings.local(meeting, ctx.now), -open_days, at)
    latest = recurrence.days_before_at(meetings.local(meeting, min(candidates)), 1, at)
    return min(usual, latest)


def open_poll(ctx: Context, meeting_id: int, candidates: list[datetime], open_days: int,
              options: store_options.PollOptions | None = None) -> str:
    """Open a poll on `candidates` for the meeting, send it to its audience, schedule reminder and close.
    `options`: places polled beside the dates, or each date's own place, and required members.
    The caller makes sure `closing_time(...)` lies in the future."""
    meeting = store_meetings.get_meeting(ctx.db, meeting_id)
    closes_at = closing_time(ctx, meeting, candidates, open_days)
    poll_id = store_meetings.create_poll(ctx.db, meeting_id, candidates, closes_at, ctx.now)
    options = options or store_options.PollOptions()
    store_options.set_options(ctx.db, poll_id, options)
    store_meetings.update_meeting(ctx.db, meeting_id, state="polling")
    count = 0
    with ctx.fanout():
        for member in meetings.audience_members(ctx, meeting):
            if on_leave(member, ctx.now, ctx.rules.network.timezone):
                continue  # members on leave get no polls
            ctx.send(member, "poll_request", reply_for=("poll", poll_id), meeting=meetings.view(meeting),
                     poll_ref=poll_id, candidates=candidates, closes_at=closes_at,
                     **poll_extras.request_view(options, member))
            count += 1
    remind_days = meetings.setting(ctx, meeting, "poll_reminder_days_before_close")
    reminder = closes_at - timedelta(days=remind_days)
    if remind_days and reminder > ctx.now:
        timers.schedule(ctx.db, "poll.remind", poll_id, reminder)
    elif options.required:  # required members are reminded even where the others are not
        timers.schedule(ctx.db, "poll.remind", poll_id, ctx.now + (closes_at - ctx.now) / 2, {"required_only": True})
    timers.schedule(ctx.db, "poll.close", poll_id, closes_at)
    return f"date poll of Meeting {meeting_id} sent to {count} member(s), closes {ctx.local(closes_at)}"


def poll_timer(ctx: Context, timer: dict) -> str:
    """A series meeting's poll is due: poll the usual weekday around the target date; if too late
    for a poll, announce the usual date directly; if the meeting is past, skip."""
    meeting, skipped = meetings.due_meeting(ctx, timer, "planned", "poll")
    if skipped:
        return skipped
    series = meetings.series_policy(ctx, meeting["series"])  # only series meetings are polled by timer
    if series is None:
        return "skipped: the series is no longer in the settings"
    open_days, how_many = series.poll_open_days, series.poll_candidates
    target = meetings.local(meeting, meeting["starts_at"])
    close_by = ctx.now + timedelta(days=open_days + 1)
    candidates = [c for c in recurrence.candidates_around(target, how_many) if c > close_by]
    first = len(ctx.queued)
    if len(candidates) < 2:
        outcome, what = "too late for a poll; " + meetings.announce(ctx, meeting["id"]), "announce"
    else:
        options = poll_setup.series_options(ctx.db, series.places, series.required,
                                            meetings.audience_members(ctx, meeting))
        outcome, what = open_poll(ctx, meeting["id"], candidates, open_days, options=options), "poll"
    return outcome + meetings.tell_paced(ctx, meeting, ctx.queued[first:], what)


def remind_timer(ctx: Context, timer: dict) -> str:
    """One reminder to the audience members who have not answered the poll (only to the required
    ones when the poll has no reminder for everyone); a required member's says it is required."""
    poll = store_meetings.get_poll(ctx.db, timer["item_id"])
    if poll is None or poll["state"] != "open":
        return "skipped: poll closed"
    meeting = store_meetings.get_meeting(ctx.db, poll["meeting_id"])
    answered = store_meetings.availability(ctx.db, poll["id"])
    first = len(ctx.queued)
    options = store_options.options(ctx.db, poll["id"])
    required_only = bool((timer.get("payload") or {}).get("required_only"))
    with ctx.fanout():
        for member in meetings.audience_members(ctx, meeting):
            if member["id"] in answered or on_leave(member, ctx.now, ctx.rules.network.timezone):
                continue
            if required_only and member["id"] not in options.required:
                continue
            ctx.send(member, "poll_reminder", reply_for=("poll", poll["id"]), meeting=meetings.view(meeting),
                     poll_ref=poll["id"], candidates=poll["candidates"], closes_at=poll["closes_at"],
                     **poll_extras.request_view(options, member))
    rows = ctx.queued[first:]
    return f"poll reminder sent to {len(rows)} member(s)" + meetings.tell_paced(ctx, meeting, rows, "poll_reminder")


def tally(ctx: Context, poll: dict) -> list[dict]:
    """For each candidate: its number, start, who can come (names; plainly `yes` or `if_need_be`), how
    many core members, and which required members cannot come (`excluded_by`; see poll_ranking).
    Only the meeting's audience as it is now counts (someone who left the sub-committee does not)."""
    meeting = store_meetings.get_meeting(ctx.db, poll["meeting_id"])
    options = store_options.options(ctx.db, poll["id"])
    return poll_ranking.date_rows(poll["candidates"], store_meetings.availability(ctx.db, poll["id"]),
                                  store_options.details(ctx.db, poll["id"]), _people(ctx, meeting),
                                  options.required, options.candidate_places)


def _people(ctx: Context, meeting: dict) -> dict[int, dict]:
    return {m["id"]: m for m in meetings.audience_members(ctx, meeting)}


def winner(rows: list[dict], usual: datetime | None = None) -> int | None:
    """The winning candidate (poll_ranking's rule: no date a required member cannot make; most who
    can come, then most plain yes, then most core members, then the earliest), or None when every
    date is excluded. With no answer at all, the series' usual date when it is a candidate."""
    return poll_ranking.best_date(rows, usual)


def grid(ctx: Context, poll: dict, meeting: dict) -> list[dict]:
    """Who can come when: one row per audience member (name, answered, marks per candidate)."""
    answers = store_meetings.availability(ctx.db, poll["id"])
    details = store_options.details(ctx.db, poll["id"])
    places = len(store_options.options(ctx.db, poll["id"]).places)
    rows = []
    for member in meetings.audience_members(ctx, meeting):
        chosen = answers.get(member["id"])
        rows.append({"name": member["name"], "answered": chosen is not None,
                     "marks": poll_extras.marks(answers, details, member["id"], len(poll["candidates"])),
                     "places": poll_extras.place_marks(details, member["id"], places) if places else ""})
    return rows


def close_timer(ctx: Context, timer: dict) -> str:
    """Close the poll: the winner becomes the meeting's date, it is announced, coordinators get the grid."""
    poll = store_meetings.get_poll(ctx.db, timer["item_id"])
    if poll is None or poll["state"] != "open":
        return "skipped: poll already closed"
    asked = timer.get("payload") or {}  # a close typed early: its --choose, --place and who chose
    return _told(ctx, *_close(ctx, poll["id"], asked.get("choose"), asked.get("chosen_by", "poll"),
                               asked.get("place")))


def close_when_read(ctx: Context, poll_id: int, number: int | None = None, chosen_by: str = "poll",
                    place: int | None = None) -> tuple[str, datetime]:
    """Record a close asked for at `ctx.now` (the command line; `number`, `place`, `chosen_by`
    as for `close_now`): the poll's closing time becomes that moment and its close timer falls
    due then; whoever runs it has read the mailbox first, so every answer that reached it before
    the close counts and a later one is told the poll has closed. Return the timer's kind and the moment it closes as at. A
    close typed again later keeps the first moment (with the latest --choose / --place)."""
    at = min(ctx.now, store_meetings.get_poll(ctx.db, poll_id)["closes_at"])
    store_meetings.set_poll_closes_at(ctx.db, poll_id, at)
    timers.cancel_item(ctx.db, ["poll.remind", "poll.close"], poll_id)
    timers.schedule(ctx.db, "poll.close", poll_id, at, {"choose": number, "chosen_by": chosen_by, "place": place})
    return "poll.close", at


def close_now(ctx: Context, poll_id: int, number: int | None = None, chosen_by: str = "poll",
              place: int | None = None) -> str:
    """Close an open poll before its deadline with candidate `number` (by default the date the
    close would pick: most available, as at the poll's deadline) and, when places were polled,
    place `place` (by default the best): its reminder and close timers are cancelled, the meeting
    takes that date and is announced, the coordinators get the grid; when the sending budget paces
    the announcement, who answers for the meeting is told when its last copy goes. The caller
    checks the poll is open."""
    return _told(ctx, *_close_early(ctx, poll_id, number, chosen_by, place))


def _close_early(ctx: Context, poll_id: int, number: int | None, chosen_by: str,
                 place: int | None = None) -> tuple[str, dict, list[int]]:
    """`close_now` without telling anyone of the pacing: see `_close`."""
    timers.cancel_item(ctx.db, ["poll.remind", "poll.close"], poll_id)
    return _close(ctx, poll_id, number, chosen_by, place)


def _told(ctx: Context, outcome: str, meeting: dict, copies: list[int]) -> str:
    """The outcome of a close, once who answers for the meeting is told of any pacing."""
    return outcome + meetings.tell_paced(ctx, meeting, copies, "announce")


def _close(ctx: Context, poll_id: int, number: int | None = None, chosen_by: str = "poll",
           place: int | None = None) -> tuple[str, dict, list[int]]:
    """Close the poll on candidate `number` (else the winner), announce the date, send the
    coordinators the grid; return the outcome, the meeting and the announcement's outbox rows."""
    poll = store_meetings.get_poll(ctx.db, poll_id)
    meeting = store_meetings.get_meeting(ctx.db, poll["meeting_id"])
    rows = tally(ctx, poll)
    if number is None:
        number, chosen_by = winner(rows, meeting["starts_at"] if meeting["series"] else None), "poll"
    return _conclude(ctx, poll, meeting, number, rows, chosen_by, place)


def _conclude(ctx: Context, poll: dict, meeting: dict, chosen: int | None, rows: list[dict], chosen_by: str,
              place: int | None = None) -> tuple[str, dict, list[int]]:
    """Close the poll on date `chosen` (and the place: `place`, a date's own, or the best polled one),
    announce it, and send the coordinators the result. With no date (a required member excluded
    every date) or no place (every place excluded), nothing is announced: the coordinators are told
    why and can CHOOSE."""
    people = _people(ctx, meeting)
    location, place = poll_extras.place_of(ctx.db, poll, people, chosen, place, forced=chosen_by != "poll") \
        if chosen else (None, None)
    if location == "":
        chosen = None  # every polled place is excluded by a required member
    store_meetings.close_poll(ctx.db, poll["id"], chosen, chosen_by)
    store_options.set_chosen_place(ctx.db, poll["id"], place)
    timers.cancel(ctx.db, "poll.remind", poll["id"])  # a pending close finds the poll closed and skips
    poll_copies.withdraw_at_close(ctx, poll["id"])
    first = len(ctx.queued)
    if chosen is None:
        outcome = "no date suits every required member; coordinators asked to choose"
    else:
        changes = {"starts_at": poll["candidates"][chosen - 1]}
        if location is not None:
            changes["location"] = location
        store_meetings.update_meeting(ctx.db, meeting["id"], **changes)
        outcome = meetings.announce(ctx, meeting["id"])
    copies = ctx.queued[first:]
    meeting = store_meetings.get_meeting(ctx.db, meeting["id"])
    ctx.notify_coordinators("poll_result", reply_for=("poll-admin", poll["id"]), meeting=meetings.view(meeting),
                            poll_ref=poll["id"], rows=rows, grid=grid(ctx, poll, meeting), chosen=chosen,
                            chosen_by=chosen_by, **poll_extras.ranking(ctx.db, poll, people, chosen),
                            chosen_place=place)
    return (f"date poll of Meeting {meeting['id']} closed, " + (f"date {chosen} chosen; " if chosen else "")
            + outcome, meeting, copies)


def poll_reply(ctx: Context, mail: InboundMail, member: dict, token: dict) -> str:
    """A member's availability: recorded (replacing an earlier answer) with a receipt; an unclear
    answer gets a receipt asking again; after the close the member is told it is closed."""
    from workflows.reading.attendance_words import only_pleasantries
    from workflows.reading.poll_answers import read_poll_answer

    poll = store_meetings.get_poll(ctx.db, token["item_id"])
    if poll is None:
        return "no such poll; " + commands.forward_unknown(ctx, mail)
    meeting = store_meetings.get_meeting(ctx.db, poll["meeting_id"])
    options = store_options.options(ctx.db, poll["id"])
    variables = dict(meeting=meetings.view(meeting), poll_ref=poll["id"], candidates=poll["candidates"],
                     closes_at=poll["closes_at"], in_reply_to=mail.message_id or None,
                     **poll_extras.request_view(options, member))
    arrived = ctx.arrival(mail)
    if poll["state"] != "open" or arrived >= poll["closes_at"]:
        ctx.send(member, "poll_receipt", outcome="closed", chosen=[], **variables)
        return "poll already closed; member told"
    reading = read_poll_answer(mail.new_text or "", len(poll["candidates"]), options.places)
    answered = member["id"] in store_meetings.availability(ctx.db, poll["id"])
    variables.update(answered=answered, passed_on=None)
    if reading.ambiguous and answered and only_pleasantries(mail.new_text, (member["name"] or "",)):
        # "Thanks!" in reply to a receipt: the answer stands
        ctx.send(member, "poll_receipt", reply_for=("poll", poll["id"]), outcome="stands", chosen=[],
                 reason="", **variables)
        return "thanks after an answer: nothing changed, member told"
    if reading.ambiguous:
        variables["passed_on"] = _pass_on(ctx, mail, meeting, is_a_message, answered=False)
        ctx.send(member, "poll_receipt", reply_for=("poll", poll["id"]), outcome="unclear", chosen=[],
                 reason=reading.reason, **variables)
        return f"availability unclear ({reading_kind(reading.reason)})" + (
            f"; {variables['passed_on']}" if variables["passed_on"] else "")
    chosen = sorted(reading.dates)
    store_meetings.set_availability(ctx.db, poll["id"], member["id"], set(chosen), arrived)
    store_options.set_details(ctx.db, poll["id"], member["id"], store_options.AnswerDetails(
        reading.dates_if_need_be, reading.places, reading.places_if_need_be))
    variables.update(poll_extras.receipt_view(options, chosen, reading.dates_if_need_be, reading.places,
                                              reading.places_if_need_be))
    variables["passed_on"] = _pass_on(ctx, mail, meeting, asks_something, answered=True)  # "2. Could we meet online?"
    ctx.send(member, "poll_receipt", reply_for=("poll", poll["id"]), outcome="recorded", chosen=chosen,
             reason="", **variables)
    return f"availability recorded: {chosen or 'none'}" + (
        f" ({len(reading.dates_if_need_be)} if need be)" if reading.dates_if_need_be else "")


def _pass_on(ctx: Context, mail: InboundMail, meeting: dict, worth, *, answered: bool) -> str | None:
    """A question (or, where `worth` says so, a message of some length) written in a reply to a
    date poll reaches the coordinators, who answer it by replying; what was done, or None.
    `answered`: the reply's availability was recorded."""
    return passing_on.pass_on(ctx, mail, mail.new_text, worth, {"kind": "poll", "ref": f"Meeting {meeting['id']}",
                                                                "title": meeting["title"]}, answered=answered)


def poll_admin_reply(ctx: Context, mail: InboundMail, member: dict, token: dict) -> str:
    """A coordinator's `CHOOSE n` (to the poll's confirmation or to the grid): the meeting takes
    candidate n (an update if it moved); `CLOSE` to an open poll closes it now with the best date
    so far. Anything else is answered with what to write."""
    poll = store_meetings.get_poll(ctx.db, token["item_id"])
    if poll is None:
        return "no such poll; " + commands.forward_unknown(ctx, mail)
    meeting = store_meetings.get_meeting(ctx.db, poll["meeting_id"])
    match = CHOOSE.search(mail.new_text or "")
    number = int(match.group(1)) if match else None
    place_match = poll_extras.CHOOSE_PLACE.search(mail.new_text or "") if number is not None else None
    place = ord(place_match.group(1).upper()) - ord("A") + 1 if place_match else None
    undecided = poll["state"] == "open" or (poll["chosen"] is None and meeting["state"] == "polling")
    if number is None and meeting["state"] != "cancelled" and _first_word_in(mail, ADMIN_CANCEL):
        first = len(ctx.queued)
        outcome = meetings.cancel(ctx, meeting["id"])
        return _applied(ctx, mail, member, poll, meeting, None, outcome, ctx.queued[first:], "cancelled_now")
    if number is None and poll["state"] == "open" and meeting["state"] != "cancelled" and _first_word_in(mail, ADMIN_CLOSE):
        outcome, _, copies = _close_early(ctx, poll["id"], None, "poll")
        number = store_meetings.get_poll(ctx.db, poll["id"])["chosen"]
        if number is None:  # the coordinators' result says why no date could be chosen
            return f"CLOSE by member {member['id']}: {outcome}"
        return _applied(ctx, mail, member, poll, meeting, number, outcome, copies)
    if number is None or not 1 <= number <= len(poll["candidates"]) or meeting["state"] == "cancelled":
        problem = "cancelled" if meeting["state"] == "cancelled" else \
            "closed" if number is None and poll["state"] != "open" else "unreadable"
        ctx.send(member, "poll_chosen", reply_for=("poll-admin", poll["id"]), outcome=problem,
                 meeting=meetings.view(meeting), poll_ref=poll["id"],
                 candidates=poll["candidates"], in_reply_to=mail.message_id or None)
        return f"CHOOSE not applied: {problem}"
    if poll["state"] == "open":
        outcome, _, copies = _close_early(ctx, poll["id"], number, member["name"], place)
    elif undecided:  # closed without a date (required members excluded them all): choose one now
        outcome, _, copies = _close(ctx, poll["id"], number, member["name"], place)
    else:
        store_meetings.close_poll(ctx.db, poll["id"], number, member["name"])
        location, place = poll_extras.place_of(ctx.db, poll, _people(ctx, meeting), number, place, forced=True)
        store_options.set_chosen_place(ctx.db, poll["id"], place)
        first = len(ctx.queued)
        outcome = meetings.move(ctx, meeting["id"], starts_at=poll["candidates"][number - 1],
                                location=location or None)
        copies = ctx.queued[first:]
    return _applied(ctx, mail, member, poll, meeting, number, outcome, copies)


def _applied(ctx: Context, mail: InboundMail, member: dict, poll: dict, meeting: dict, number: int | None,
             outcome: str, copies: list[int], answer: str = "applied") -> str:
    """Tell the coordinator which date the meeting now has, or (`answer` "cancelled_now") that
    it is cancelled (and, when the sending budget paces the members' `copies`, when the last goes)."""
    meeting = store_meetings.get_meeting(ctx.db, meeting["id"])
    ctx.send(member, "poll_chosen", reply_for=("poll-admin", poll["id"]), outcome=answer,
             meeting=meetings.view(meeting), poll_ref=poll["id"], candidates=poll["candidates"], number=number,
             in_reply_to=mail.message_id or None, told=len(copies),
             last_copy_at=fanout.paced(ctx, member, f"Meeting {meeting['id']}", copies, told_by="poll_chosen"))
    return f"{'CANCEL' if number is None else f'CHOOSE {number}'} by member {member['id']}: {outcome}"


def _first_word_in(mail: InboundMail, words: set[str]) -> bool:
    """True when the first word of the coordinator's new text is one of `words`."""
    first = (mail.new_text or "").split()
    return bool(first) and first[0].strip(" .!:,;").upper() in words


def poll_ref(db, number: int):
    """"[Poll 3]" → the poll 3 (the reference polls carried before they took their meeting's
    number; still read in replies to mail already out)."""
    return ("poll", number) if store_meetings.get_poll(db, number) else None


def member_open_polls(db, member: dict, now: datetime) -> list[dict]:
    """Open polls sent to this member, and whether they answered."""
    out = []
    for poll in store_meetings.open_polls(db):
        meeting = store_meetings.get_meeting(db, poll["meeting_id"])
        try:
            ids = {a["id"] for a in store_members.audience(db, meeting["audience"], meeting["subcommittee"])}
        except store_members.MembershipError:
            continue
        if member["id"] in ids:
            out.append({"kind": "poll", "ref": f"Meeting {meeting['id']}", "title": meeting["title"],
                        "when": poll["closes_at"],
                        "answered": member["id"] in store_meetings.availability(db, poll["id"])})
    return out


def describe_poll(db, poll_id: int) -> dict:
    """A date poll as `convenor inspect` shows it: it carries its meeting's reference ("Meeting 5")."""
    poll = store_meetings.get_poll(db, poll_id)
    meeting = store_meetings.get_meeting(db, poll["meeting_id"]) if poll else None
    if meeting is None:
        return {"kind": "poll", "id": poll_id, "ref": None, "title": None}
    return {"kind": "poll", "id": poll_id, "ref": f"Meeting {meeting['id']}", "title": meeting["title"],
            "state": poll["state"], "closes_at": poll["closes_at"]}
