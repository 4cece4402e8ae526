"""`convenor meetings list|show|poll|announce|move|close|cancel` and `convenor announce`."""
from __future__ import annotations

from pathlib import Path

from convenor import cli_common as common
from store import meetings as store_meetings
from store.db import transaction
from workflows.announcements import scheduling as announcements
from workflows.meetings import series as meetings
from workflows.meetings import polls
from workflows.reading.dates import read_moments


def _meeting(ctx, ref: str) -> dict:
    return common.existing_item(ref, ("meeting", "réunion", "reunion"), "Meeting 3", "Meeting",
                                lambda n: store_meetings.get_meeting(ctx.db, n))


def _change(ctx, meeting: dict, kind: str, change) -> int:
    """Run `change()` (the meeting's announce, move or cancel, returning its outcome) in one store
    transaction, then print the outcome and how the `kind` of messages it queued are paced (see
    meetings.tell_paced); the command's exit status, 0."""
    with transaction(ctx.db):
        outcome = change()
        print(outcome + meetings.tell_paced(ctx, meeting, ctx.queued, kind))
    return 0


def _row(m: dict) -> dict:
    return {"id": m["id"], "title": m["title"], "series": m["series"], "state": m["state"],
            "starts_at": m["starts_at"], "audience": m["audience"] + (f" {m['subcommittee']}" if m["subcommittee"] else ""),
            "location": m["location"], "call": m["call"], "uid": m["uid"], "sequence": m["sequence"]}


def cmd_list(args) -> int:
    """Print every meeting (or only upcoming ones), soonest first."""
    ctx = common.context(args)
    with transaction(ctx.db):
        meetings.plan_series(ctx)
    rows = [_row(m) for m in store_meetings.list_meetings(ctx.db, upcoming_after=None if args.all else ctx.now)]
    zone = ctx.rules.network.timezone
    return common.print_list(rows, args.json, lambda r: (
        f"Meeting {r['id']}: {r['title']}  {common.when(r['starts_at'], zone, 'date to be polled')}  "
        f"{r['state']}  [{r['audience']}]"), "meeting")


def cmd_show(args) -> int:
    """Show one meeting with its poll, agenda and calendar answers (or --json)."""
    from store import members as store_members

    ctx = common.context(args)
    meeting = _meeting(ctx, args.ref)
    out = _row(meeting)
    poll = store_meetings.poll_of_meeting(ctx.db, meeting["id"])
    if poll:
        out["poll"] = _poll(ctx, meeting, poll)
    out["agenda"] = [{"text": a["text"], "by": a["name"]} for a in store_meetings.agenda(ctx.db, meeting["id"])]
    out["attendance"] = store_meetings.attendance(ctx.db, meeting["id"])
    people = {mid: store_members.get(ctx.db, mid) for mid in out["attendance"]}
    out["answers"] = [{"name": people[mid]["name"], "email": people[mid]["email"], "answer": partstat}
                      for mid, partstat in out["attendance"].items() if people[mid]]
    if args.json:
        common.print_json(out)
    else:
        _print_meeting(out, ctx.rules.network.timezone)
    return 0


def _poll(ctx, meeting: dict, poll: dict) -> dict:
    """A meeting's date poll as `meetings show` prints it: its dates with who can come (and who
    only if need be, each date's own place, the required members who excluded it), the polled
    places counted among who can come on the chosen date (or the best so far), the chosen place,
    and the required members with whether they answered."""
    from store import members as store_members
    from workflows.meetings import poll_extras, poll_ranking
    from workflows.reading.poll_answers import letter

    rows = polls.tally(ctx, poll)
    people = {m["id"]: m for m in meetings.audience_members(ctx, meeting)}
    date = poll["chosen"] or poll_ranking.best_date(rows)
    found = poll_extras.ranking(ctx.db, poll, people, date)
    answered = store_meetings.availability(ctx.db, poll["id"])
    required = []
    for who in found["options"].required:
        member = store_members.get(ctx.db, who) if isinstance(who, int) else None
        required.append({"name": member["name"] if member else str(who), "email": member["email"] if member else None,
                         "answered": who in answered})
    return {"id": poll["id"], "state": poll["state"], "closes_at": poll["closes_at"],
            "chosen": poll["chosen"], "chosen_by": poll["chosen_by"],
            "candidates": [{"number": r["number"], "start": r["start"], "available": r["names"],
                            "if_need_be": r["if_need_be_names"], "place": r["place"], "excluded_by": r["excluded_by"]}
                           for r in rows],
            "places": [{"letter": letter(r["number"]), "place": r["label"], "count": r["count"],
                        "if_need_be_count": r["if_need_be"], "excluded_by": r["excluded_by"]}
                       for r in found["place_rows"]],
            "chosen_place": letter(poll["chosen_place"]) if poll.get("chosen_place") else None,
            "required": required}


def _print_meeting(m: dict, zone: str) -> None:
    """One meeting (the dict `meetings show --json` prints), for a person at a terminal."""
    print(f"Meeting {m['id']}: {m['title']}  [{m['state']}]")
    print(f"  {common.when(m['starts_at'], zone, 'date to be polled')}; audience {m['audience']}"
          + (f"; series {m['series']}" if m["series"] else ""))
    for label, value in (("place", m["location"]), ("call", m["call"])):
        if value:
            print(f"  {label}: {value}")
    if "poll" in m:
        p = m["poll"]
        print(f"  poll {p['state']}, closes {common.when(p['closes_at'], zone)}"
              + (f"; chosen: date {p['chosen']} ({p['chosen_by']})" if p["chosen"] else ""))
        for c in p["candidates"]:
            print(f"    {c['number']}. {common.when(c['start'], zone)}" + (f" at {c['place']}" if c["place"] else "")
                  + f": {len(c['available'])} available"
                  + (f" ({', '.join(c['available'])})" if c["available"] else "")
                  + (f"; if need be: {', '.join(c['if_need_be'])}" if c["if_need_be"] else "")
                  + (f"; excluded by {', '.join(c['excluded_by'])}" if c["excluded_by"] else ""))
        for place in p["places"]:
            print(f"    place {place['letter']}. {place['place']}: {place['count']} available"
                  + (f" ({place['if_need_be_count']} if need be)" if place["if_need_be_count"] else "")
                  + (f"; excluded by {', '.join(place['excluded_by'])}" if place["excluded_by"] else "")
                  + ("  (chosen)" if place["letter"] == p["chosen_place"] else ""))
        if p["required"]:
            print("    required: " + ", ".join(
                f"{r['name']} ({'answered' if r['answered'] else 'no answer yet' if r['email'] else 'no such member'})"
                for r in p["required"]))
    print(f"  agenda: {len(m['agenda'])} item(s)")
    for a in m["agenda"]:
        print(f"    - {a['text']} ({a['by']})")
    for a in m["answers"]:
        print(f"  {a['answer'].lower()}: {a['name']} <{a['email']}>")


def cmd_poll(args) -> int:
    """Send now the date poll of the next meeting of series SERIES."""
    ctx = common.context(args)
    with transaction(ctx.db):
        meetings.plan_series(ctx)
        waiting = [m for m in store_meetings.list_meetings(ctx.db, upcoming_after=ctx.now)
                   if m["series"] and m["series"].lower() == args.series.lower() and m["state"] == "planned"]
        if not waiting:
            raise common.UsageError(f"no planned meeting of a series named {args.series!r} is waiting for a poll")
        outcome = polls.poll_timer(ctx, {"item_id": waiting[0]["id"]})
    print(outcome)
    return 0


def cmd_announce_meeting(args) -> int:
    """Announce now a planned meeting at its current date."""
    ctx = common.context(args)
    meeting = _meeting(ctx, args.ref)
    if meeting["state"] != "planned" or not meeting["starts_at"]:
        raise common.UsageError(f"Meeting {meeting['id']} is {meeting['state']}: only a planned meeting can be announced")
    return _change(ctx, meeting, "announce", lambda: meetings.announce(ctx, meeting["id"]))


def cmd_move(args) -> int:
    """Change a meeting's time and/or place; an announced meeting's audience gets an update."""
    ctx = common.context(args)
    meeting = _meeting(ctx, args.ref)
    if not (args.when or args.where or args.call):
        raise common.UsageError("give --when 'YYYY-MM-DD HH:MM', --where or --call")
    starts_at = None
    if args.when:
        try:
            starts_at = read_moments(args.when, meeting["timezone"], now=ctx.now, need_time=True,
                                     date_order=ctx.rules.network.date_order)[0]
        except ValueError as exc:
            raise common.UsageError(f"--when: {exc}") from None
    return _change(ctx, meeting, "update",
                   lambda: meetings.move(ctx, meeting["id"], starts_at=starts_at, location=args.where, call=args.call))


def cmd_close(args) -> int:
    """Close a meeting's open date poll as at now (the answers that reached the mailbox before
    this moment are read first and count; see convenor.cli_closing): the date that suits most members as the poll's close
    would pick it (or candidate --choose n, and polled place --place X) is announced; reminder and
    close timers are dropped. A poll that closed without a date (required members excluded every
    date) takes one with --choose."""
    ctx = common.context(args)
    meeting = _meeting(ctx, args.ref)
    poll = store_meetings.poll_of_meeting(ctx.db, meeting["id"])
    undecided = poll is not None and meeting["state"] == "polling" and (
        poll["state"] == "open" or (poll["chosen"] is None and args.choose is not None))
    if not undecided:
        raise common.UsageError(f"Meeting {meeting['id']} has no open date poll (it is {meeting['state']}); "
                                + ("its poll closed without a date: choose one with --choose n"
                                   if poll is not None and meeting["state"] == "polling"
                                   else "to change its date use `convenor meetings move`"))
    if args.choose is not None and not 1 <= args.choose <= len(poll["candidates"]):
        raise common.UsageError(f"--choose: Meeting {meeting['id']}'s poll has dates 1 to {len(poll['candidates'])} "
                                "(see `convenor meetings show`)")
    place = _place_number(ctx, meeting, poll, args.place)
    chosen_by = "convenor meetings close" if args.choose is not None or place else "poll"
    if poll["state"] != "open":  # closed without a date: no answer is waited for, the date is chosen now
        return common.act(ctx, lambda c: polls.close_now(c, poll["id"], args.choose, chosen_by, place))
    from convenor.cli_closing import close_after_reading
    return close_after_reading(args, lambda c: polls.close_when_read(c, poll["id"], args.choose, chosen_by, place),
                               lambda db: store_meetings.get_poll(db, poll["id"])["state"] != "open", poll["id"], f"Meeting {meeting['id']}'s date poll", f"convenor meetings show {meeting['id']}")


def _place_number(ctx, meeting: dict, poll: dict, letter: str | None) -> int | None:
    """--place B → 2, checked against the places the poll offers; None without --place."""
    if letter is None:
        return None
    from store import poll_options
    places = poll_options.options(ctx.db, poll["id"]).places
    number = ord(letter.strip().upper()[:1] or "?") - ord("A") + 1
    if not places or len(letter.strip()) != 1 or not 1 <= number <= len(places):
        raise common.UsageError(f"--place: Meeting {meeting['id']}'s poll "
                                + (f"has places A to {chr(ord('A') + len(places) - 1)}" if places
                                   else "polls no places"))
    return number


def cmd_cancel(args) -> int:
    """Cancel a meeting; its audience gets METHOD:CANCEL if it was announced."""
    ctx = common.context(args)
    meeting = _meeting(ctx, args.ref)
    return _change(ctx, meeting, "cancel", lambda: meetings.cancel(ctx, meeting["id"]))


def cmd_announce(args) -> int:
    """Schedule an announcement to an audience from a file (sent now, or at --send)."""
    ctx = common.context(args)
    path = Path(args.body_file)
    if not path.exists():
        raise common.UsageError(f"no file {path}")
    send_at = ctx.now
    if args.send:
        try:
            moment = read_moments(args.send, ctx.rules.network.timezone, now=ctx.now, need_time=True,
                                  date_order=ctx.rules.network.date_order)[0]
            send_at = max(moment, ctx.now)
        except ValueError as exc:
            raise common.UsageError(f"--send: {exc}") from None
    with transaction(ctx.db):
        try:
            number = announcements.schedule(ctx, subject=args.subject, body=path.read_text(encoding="utf-8"),
                                            audience=args.audience, send_at=send_at)
        except ValueError as exc:
            raise common.UsageError(str(exc)) from None
    print(f"announcement {number} to {args.audience} at {common.when(send_at, ctx.rules.network.timezone)} "
          "(the running daemon sends it)")
    return 0


def add_commands(sub) -> None:
    """Add `meetings …` and `announce` to the `convenor` command."""
    p = sub.add_parser("meetings", help="the meeting calendar: list, show, poll, announce, move, close, cancel")
    msub = p.add_subparsers(dest="meetings_command", metavar="ACTION")
    msub.required = True
    q = msub.add_parser("list", help="upcoming meetings (--all: every one)")
    q.add_argument("--all", action="store_true")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)
    q = msub.add_parser("show", help="one meeting, its poll (dates, places, required members), agenda and calendar answers")
    q.add_argument("ref", help="the meeting's number, e.g. 3 or 'Meeting 3'")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)
    q = msub.add_parser("poll", help="send now the date poll of a series' next meeting")
    q.add_argument("series", help="the series name, as in the settings")
    q.set_defaults(func=cmd_poll)
    q = msub.add_parser("announce", help="announce now a planned meeting")
    q.add_argument("ref")
    q.set_defaults(func=cmd_announce_meeting)
    q = msub.add_parser("move", help="change a meeting's time or place (members get an update)")
    q.add_argument("ref")
    q.add_argument("--when", help="new start in the meeting's zone: '2027-03-16 18:00', 'tomorrow 18h', 'Friday 6pm'")
    q.add_argument("--where", help="new place")
    q.add_argument("--call", help="new call details")
    q.set_defaults(func=cmd_move)
    q = msub.add_parser("close", help="close a meeting's date poll as at now, once the answers waiting in the mailbox are read (--choose n: with date n)")
    q.add_argument("ref", help="the meeting's number, e.g. 3 or 'Meeting 3'")
    q.add_argument("--choose", type=int, metavar="N", help="the number of the date to take (default: the best so far)")
    q.add_argument("--place", metavar="X", help="the letter of the polled place to take (default: the best so far)")
    q.set_defaults(func=cmd_close)
    q = msub.add_parser("cancel", help="cancel a meeting (members get a calendar cancellation)")
    q.add_argument("ref")
    q.set_defaults(func=cmd_cancel)
    p = sub.add_parser("announce", help="send an announcement to an audience, now or at --send")
    p.add_argument("--audience", required=True, help="all | core | associates | 'subcommittee NAME'")
    p.add_argument("--subject", required=True, help="the subject every member sees")
    p.add_argument("--body-file", required=True, help="a UTF-8 text file with the announcement")
    p.add_argument("--send", help="'YYYY-MM-DD HH:MM' in the network's zone (default: now)")
    p.set_defaults(func=cmd_announce)
