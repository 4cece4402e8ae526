"""Attendance: a coordinator's `PRESENT: Amina, Li, jean@example.org` reply to a meeting's
announcement (or its minutes) records who came; `ABSENT: Li` takes a name off again. Names or
addresses are matched to members; what cannot be matched is sent back. A meeting nobody
reported on counts the calendar accepts instead, marked as such.

The register counts, per core member, the meetings they attended among the meetings held for
them over a year; each meeting's quorum (core members present / core members invited, against
`record.meeting_quorum_percent`) is reported.
"""
from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from store import meetings as store_meetings
from store import members as store_members
from store import record as store_record
from workflows.record.names import match_names
from workflows.routing.context import Context

PRESENT_LINE = re.compile(r"^\s*(?:present|présents?|presents?|présentes?|attendance|présence|presence)\s*:\s*(.*?)\s*$",
                          re.IGNORECASE)
ABSENT_LINE = re.compile(r"^\s*(?:absent|absents|absente|absentes|not present)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def presence_lines(text: str) -> tuple[list[str], list[str]]:
    """(the values of the PRESENT: lines, those of the ABSENT: lines) of `text`."""
    present, absent = [], []
    for line in (text or "").splitlines():
        m = PRESENT_LINE.match(line)
        if m:
            present.append(m.group(1))
            continue
        m = ABSENT_LINE.match(line)
        if m:
            absent.append(m.group(1))
    return present, absent


def record_lines(ctx: Context, coordinator: dict, meeting: dict, present: list[str],
                 absent: list[str]) -> tuple[dict, list[dict]]:
    """Apply PRESENT / ABSENT values to the meeting's attendance; return (a summary for the
    coordinator's receipt, the names sent back with their problem)."""
    members = store_members.all_members(ctx.db, active_only=True)
    problems = []
    for values, present_flag in ((present, True), (absent, False)):
        for value in values:
            found = match_names(members, value)
            for member in found.members:
                if present_flag:
                    store_record.add_presence(ctx.db, meeting["id"], member["id"], coordinator["id"], ctx.now)
                else:
                    store_record.remove_presence(ctx.db, meeting["id"], member["id"])
            problems += [{"line": typed, "problem": "no member has that name or address"}
                         for typed in found.unmatched]
            problems += [{"line": typed, "problem": "it names several members: " + ", ".join(names)}
                         for typed, names in found.ambiguous]
    return summary(ctx.db, meeting, quorum_percent(ctx)), problems


def quorum_percent(ctx: Context) -> float:
    """The meeting quorum setting."""
    from workflows.record.actions import policy
    return policy(ctx).meeting_quorum_percent


def invited_core(db, meeting: dict) -> list[dict]:
    """The core members the meeting was for (its audience today, core members only)."""
    try:
        return [m for m in store_members.audience(db, meeting["audience"], meeting["subcommittee"])
                if m["role"] == "core"]
    except store_members.MembershipError:
        return []


def attended(db, meeting: dict) -> tuple[set[int], str]:
    """(ids of the members who attended, how it is known: 'reported', 'calendar' or 'none')."""
    reported = store_record.presence(db, meeting["id"])
    if reported:
        return reported, "reported"
    accepted = {mid for mid, state in store_meetings.attendance(db, meeting["id"]).items() if state == "ACCEPTED"}
    return accepted, ("calendar" if accepted else "none")


def summary(db, meeting: dict, quorum: float) -> dict:
    """Who attended the meeting (names, by source) and whether the meeting quorum was reached."""
    ids, source = attended(db, meeting)
    names = {m["id"]: m["name"] for m in store_members.all_members(db)}
    core = invited_core(db, meeting)
    core_present = sum(1 for m in core if m["id"] in ids)
    needed = quorum * len(core) / 100.0
    return {"meeting_id": meeting["id"], "present": sorted(names.get(i, "?") for i in ids), "source": source,
            "core_present": core_present, "core_invited": len(core), "quorum_percent": quorum,
            "quorum_met": bool(core) and core_present >= needed}


def held(db, since: datetime, until: datetime) -> list[dict]:
    """Meetings that took place in [since, until): announced, started, not cancelled; by date."""
    return [m for m in store_meetings.list_meetings(db)
            if m["state"] == "announced" and m["starts_at"] is not None and since <= m["starts_at"] < until]


def register(db, year: int, timezone: str, quorum: float, now: datetime) -> dict:
    """The year's register: every meeting held (with attendance and quorum), and per core member
    the meetings they attended among those held for them."""
    zone = ZoneInfo(timezone)
    since = datetime(year, 1, 1, tzinfo=zone)
    until = min(datetime(year + 1, 1, 1, tzinfo=zone), now)
    meetings = held(db, since, until) if since < until else []
    rows = {m["id"]: {"name": m["name"], "email": m["email"], "attended": 0, "invited": 0}
            for m in store_members.all_members(db, active_only=True) if m["role"] == "core"}
    listed = []
    for meeting in meetings:
        info = summary(db, meeting, quorum)
        ids, _ = attended(db, meeting)
        for member in invited_core(db, meeting):
            if member["id"] in rows:
                rows[member["id"]]["invited"] += 1
                rows[member["id"]]["attended"] += member["id"] in ids
        listed.append({"id": meeting["id"], "title": meeting["title"], "starts_at": meeting["starts_at"],
                       **{k: info[k] for k in ("present", "source", "core_present", "core_invited", "quorum_met")}})
    return {"year": year, "quorum_percent": quorum, "meetings": listed,
            "members": sorted(rows.values(), key=lambda r: r["name"].lower())}
