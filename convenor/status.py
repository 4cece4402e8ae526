"""`convenor status`: the daemon's view of the store, as plain values (stable keys for --json)."""
from __future__ import annotations

from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from convenor import cli_common as common
from convenor.governor import UNREACHABLE, next_send_time
from store import inbound, members as store_members, outbox, sending as store_sending, timers
from store.times import from_db
from workflows.routing import table
from workflows.sending.pacing import DAY, MINUTE, SendingLimits

PRIORITY_NAMES = {0: "answers", 1: "deadlines", 2: "notices"}


def sending_status(db, limits: SendingLimits, now: datetime) -> dict:
    """Today's sending budget (rolling 24 h) and what waits for it, by priority."""
    times = store_sending.sent_since(db, now - DAY)
    pause = store_sending.pause(db)
    in_force = pause if pause and pause["until"] > now else None
    waiting = store_sending.waiting(db)
    return {
        "per_minute": limits.per_minute, "per_day": limits.per_day,
        "sent_last_24h": len(times), "sent_last_minute": sum(t > now - MINUTE for t in times),
        "remaining_today": max(limits.per_day - len(times), 0) if limits.per_day else None,
        "paused_until": in_force["until"] if in_force else None,
        "pause_reason": in_force["reason"] if in_force else None,
        "waiting": {name: waiting.get(p, 0) for p, name in PRIORITY_NAMES.items()},
        "next_send": next_send_time(db, limits, now),
    }


def collect_status(db, now: datetime, zone: str, limits: SendingLimits = SendingLimits()) -> dict:
    """Members, outbox, sending budget, quarantine, timers and each workflow's open items, as a dict.

    `zone` is the network's time zone: "today" (who is on leave) is the network's day, and the
    workflows' status lines write their dates in it (see `cli_common.when`)."""
    failed = outbox.failed_recent(db)
    outbox_counts = outbox.counts(db)
    today = now.astimezone(ZoneInfo(zone)).date()
    status = {
        "members": {
            **store_members.counts(db),
            "away": [{"name": m["name"], "email": m["email"], "until": m["away_until"]}
                     for m in store_members.away_members(db, today)],
        },
        "inbound": inbound.counts(db),
        "outbox": {**{state: outbox_counts.get(state, 0) for state in ("queued", "sent", "failed", "withdrawn")},
                   "failed_recent": failed},
        "sending": sending_status(db, limits, now),
        "quarantined": [{**q, "received_at": from_db(q["received_at"])} for q in inbound.quarantined(db, limit=20)],
        "undelivered_to_only_coordinator": [{**row, "created_at": from_db(row["created_at"])}
                                            for row in outbox.undelivered_to_only_coordinator(db)],
        "next_due": timers.next_due(db),
    }
    when = partial(common.when, zone_name=zone)
    for name, section in table.STATUS_SECTIONS.items():
        status[name] = section(db, now, when)
    return status


def print_status(status: dict, zone: str) -> None:
    """Print the status for a person at a terminal, every date in the network's `zone`."""
    when = partial(common.when, zone_name=zone)
    m = status["members"]
    print(f"Members: {m['active']} active ({m['core']} core, {m['associate']} associate, "
          f"{m['coordinators']} coordinators, {m['bouncing']} bouncing), {m['inactive']} inactive")
    if not m["coordinators"]:
        print("  no active coordinator: nobody can call votes or meetings by email, and problems reach nobody; "
              "add one with `convenor members add EMAIL --name NAME --coordinator` (or `members set EMAIL "
              "--coordinator yes`)")
    for away in m["away"]:
        print(f"  on leave through {away['until']}: {away['name']} <{away['email']}>")
    ib = status["inbound"]
    answered_held = f", {ib['answered_held']} answered with a text held" if ib.get("answered_held") else ""
    print(f"Inbound: {ib.get('handled', 0)} handled, {ib.get('quarantined', 0)} quarantined{answered_held}")
    ob = status["outbox"]
    withdrawn = f", {ob['withdrawn']} withdrawn" if ob.get("withdrawn") else ""
    print(f"Outbox: {ob['queued']} queued, {ob['sent']} sent, {ob['failed']} failed{withdrawn}")
    for row in ob["failed_recent"]:
        print(f"  failed #{row['id']} to {row['recipient']} ({row['kind']}): {row['last_error']}")
    for row in status["undelivered_to_only_coordinator"]:
        print(f"  ALERT: #{row['id']} ({row['kind']}) to {row['recipient']}, the only coordinator, failed for good: "
              "nobody else could be told; fix the address (`convenor members set`) or add a coordinator")
    print_sending(status["sending"], when)
    if status["quarantined"]:
        print("Quarantined:")
        for q in status["quarantined"]:
            print(f"  #{q['id']} {when(q['received_at'])} from {q['from_addr'] or '?'}: {q['error']}")
    if status["next_due"]:
        print(f"Next timer: {when(status['next_due'])}")
    for name, section in status.items():
        if name in ("members", "inbound", "outbox", "sending", "quarantined", "next_due",
                    "undelivered_to_only_coordinator"):
            continue
        print(f"{name.capitalize()}:")
        items = section if isinstance(section, list) else section.get("open", section)
        if isinstance(items, list):
            for item in items:
                print("  " + (item.get("line") if isinstance(item, dict) and "line" in item else str(item)))
            if not items:
                print("  (none open)")
        else:
            for key, value in items.items():
                shown = ", ".join(f"{n} {k}" for k, n in value.items()) if isinstance(value, dict) else value
                print(f"  {key.replace('_', ' ')}: {shown}")


def print_sending(s: dict, when) -> None:
    """The sending budget, for a person at a terminal."""
    limits = ", ".join(f"{n} {what}" for n, what in ((s["per_minute"], "a minute"), (s["per_day"], "a day")) if n)
    line = f"Sending: {s['sent_last_24h']} sent in the last 24 h"
    if limits:
        line += f" (limits: {limits}"
        line += f"; {s['remaining_today']} left)" if s["remaining_today"] is not None else ")"
    print(line)
    if s["paused_until"]:
        reason = s["pause_reason"] or ""
        why = (f"the mail server cannot be reached ({reason.removeprefix(UNREACHABLE)})" if reason.startswith(UNREACHABLE)
               else f"the provider answered {reason}")
        print(f"  waiting until {when(s['paused_until'])}: {why}")
    w = s["waiting"]
    if any(w.values()):
        print(f"  waiting: {w['answers']} answers, {w['deadlines']} with a deadline, {w['notices']} notices; "
              f"next send {when(s['next_send'])}")
