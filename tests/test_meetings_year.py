"""A year of the network's own schedule: every meeting polled, announced and reminded exactly once,
at the right local time, across both DST changes; a restart in the middle changes nothing."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import re

import icalendar

from store import timers
from tests.fixtures_convenor import Network

TORONTO = ZoneInfo("America/Toronto")
SERIES = """
[meetings]
[[meetings.series]]
name = "Network meeting"
audience = "core"
rule = "every 2 months on the second Tuesday"
time = "18:00"
duration_minutes = 120
location = "519 Church Street, Toronto"
call = "https://meet.example.org/network"
poll_days_before = 21
poll_open_days = 7
remind_days_before = 1
agenda_days_before = 3

[[meetings.series]]
name = "Awareness"
audience = "subcommittee Awareness"
rule = "monthly, first Thursday"
time = "18:00"
duration_minutes = 60
location = "Online"
call = "https://meet.example.org/awareness"
poll_days_before = 21
poll_open_days = 7
"""
END = datetime(2027, 12, 31, 23, 0, tzinfo=timezone.utc)


def run_until(net: Network, end: datetime) -> None:
    """Step the daemon at each moment a timer falls due, up to `end`."""
    net.step()
    while True:
        due = timers.next_due(net.db)
        if due is None or due > end:
            break
        net.set_time(max(due, net.now))
        net.step()


def ref(subject: str) -> tuple[str, int] | None:
    """("meeting", 5) for "[Meeting 5] …" / "[Réunion 5] …": a meeting and its date poll carry one number."""
    match = re.match(r"\[(Meeting|Réunion) (\d+)\]", subject)
    return ("meeting", int(match.group(2))) if match else None


def sent_rows(net: Network) -> list[dict]:
    rows = list(net.db.query("SELECT o.*, m.email FROM outbox o LEFT JOIN members m ON m.id = o.member_id ORDER BY o.id"))
    for r in rows:
        r["ref"] = ref(r["subject"])
    return rows


def check_year(net: Network, late_at: str | None = None) -> None:
    """Each 2027 meeting: polled, announced, reminded once per audience member, at 09:00 local
    (except work done late at `late_at`, when Convenor came back), the meeting at 18:00 local."""
    db = net.db
    meetings = list(db.query("SELECT * FROM meetings WHERE starts_at < '2027-12-31' ORDER BY starts_at"))
    network_meetings = [m for m in meetings if m["series"] == "Network meeting"]
    awareness = [m for m in meetings if m["series"] == "Awareness"]
    assert [m["starts_at"][:10] for m in network_meetings] == [
        "2027-03-09", "2027-05-11", "2027-07-13", "2027-09-14", "2027-11-09"]
    assert len(awareness) == 11  # February to December
    rows = sent_rows(net)
    assert all(r["state"] == "sent" for r in rows)
    per = Counter((r["kind"], r["email"], r["ref"]) for r in rows if r["ref"] is not None)  # meeting steps
    assert all(count == 1 for count in per.values()), [k for k, c in per.items() if c > 1]
    core = ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]
    for meeting in meetings:
        audience = core if meeting["series"] == "Network meeting" else core[:2]
        assert meeting["state"] == "announced"
        start = datetime.fromisoformat(meeting["starts_at"].replace("Z", "+00:00")).astimezone(TORONTO)
        assert (start.hour, start.minute) == (18, 0), meeting
        for kind, tag in (("poll_request", ("meeting", meeting["id"])), ("meeting_announce", ("meeting", meeting["id"])),
                          ("meeting_reminder", ("meeting", meeting["id"]))):
            got = sorted(r["email"] for r in rows if r["kind"] == kind and r["ref"] == tag)
            if late_at and kind == "meeting_reminder" and "2027-05-02" < meeting["starts_at"] < late_at:
                assert got == [], "a stale reminder (meeting past while down) is skipped"
                continue
            assert got == sorted(audience), (kind, meeting["starts_at"], got)
        for r in rows:
            if r["ref"] == ("meeting", meeting["id"]) and \
                    r["kind"] in ("poll_request", "meeting_announce", "meeting_reminder") and r["created_at"] != late_at:
                local = datetime.fromisoformat(r["created_at"].replace("Z", "+00:00")).astimezone(TORONTO)
                assert (local.hour, local.minute) == (9, 0), (r["kind"], r["created_at"])
        if late_at and "2027-05-02" < meeting["starts_at"] < late_at:
            continue
        reminder = next(r for r in rows if r["kind"] == "meeting_reminder" and r["ref"] == ("meeting", meeting["id"]))
        assert datetime.fromisoformat(reminder["created_at"].replace("Z", "+00:00")).astimezone(TORONTO).date() \
            == start.date().fromordinal(start.date().toordinal() - 1)
    # the invitations place each meeting at 18:00 local, in March (EST) and in May (EDT) alike
    invites = [a for m in net.outbound() if m.subject.startswith(("[Meeting", "[Réunion")) for a in m.attachments
               if a[0] == "invite.ics"]
    hours = {icalendar.Calendar.from_ical(data).walk("VEVENT")[0]["dtstart"].dt.astimezone(TORONTO).hour
             for _, _, data in invites}
    assert hours == {18}


def test_a_year_of_meetings_each_step_once_at_the_right_local_time(tmp_path):
    net = Network(tmp_path, extra_settings=SERIES)
    try:
        run_until(net, END)
        check_year(net)
    finally:
        net.close()


def test_a_restart_mid_year_sends_nothing_twice_and_misses_nothing_useful(tmp_path):
    net = Network(tmp_path, extra_settings=SERIES)
    try:
        run_until(net, datetime(2027, 5, 1, tzinfo=timezone.utc))
        net.restart()
        net.close()  # down from May 1 to May 14, across the June Awareness poll (May 13, 09:00)
        net.set_time(datetime(2027, 5, 14, 12, 0, tzinfo=timezone.utc))
        run_until(net, END)
        check_year_after_gap(net)
    finally:
        net.close()


def check_year_after_gap(net: Network) -> None:
    check_year(net, late_at="2027-05-14 12:00:00")
    late = [r for r in sent_rows(net) if r["created_at"] == "2027-05-14 12:00:00" and r["ref"] is not None]
    skipped = [t["outcome"] for t in net.db.query("SELECT outcome FROM timers WHERE kind = 'meeting.remind' AND done_at = '2027-05-14 12:00:00'")]
    assert len(skipped) == 2 and all("stale" in o for o in skipped)  # May 6 Awareness, May 11 network
    # the June Awareness poll, due May 13 09:00 while Convenor was down, went out once on its return
    assert sorted((r["kind"], r["email"]) for r in late) == [
        ("poll_request", "amina@example.org"), ("poll_request", "jean@example.org")]
