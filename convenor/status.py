"""`convenor status`: the daemon's view of the store, as plain values (stable keys for --json)."""
from __future__ import annotations

from datetime import datetime

from store import inbound, members as store_members, outbox, timers
from workflows.routing import table


def collect_status(db, now: datetime) -> dict:
    """Members, outbox, quarantine, timers and each workflow's open items, as a dict."""
    all_members = store_members.all_members(db)
    active = [m for m in all_members if m["active"]]
    failed = outbox.failed_recent(db)
    outbox_counts = outbox.counts(db)
    status = {
        "members": {
            "active": len(active),
            "core": sum(1 for m in active if m["role"] == "core"),
            "associate": sum(1 for m in active if m["role"] == "associate"),
            "coordinators": sum(1 for m in active if m["coordinator"]),
            "bouncing": sum(1 for m in active if m["bouncing"]),
            "inactive": len(all_members) - len(active),
        },
        "inbound": inbound.counts(db),
        "outbox": {**{state: outbox_counts.get(state, 0) for state in ("queued", "sent", "failed")},
                   "failed_recent": failed},
        "quarantined": inbound.quarantined(db)[:20],
        "next_due": timers.next_due(db),
    }
    for name, section in table.STATUS_SECTIONS.items():
        status[name] = section(db, now)
    return status


def print_status(status: dict) -> None:
    """Print the status for a person at a terminal."""
    m = status["members"]
    print(f"Members: {m['active']} active ({m['core']} core, {m['associate']} associate, "
          f"{m['coordinators']} coordinators, {m['bouncing']} bouncing), {m['inactive']} inactive")
    ib = status["inbound"]
    print(f"Inbound: {ib.get('handled', 0)} handled, {ib.get('quarantined', 0)} quarantined")
    ob = status["outbox"]
    print(f"Outbox: {ob['queued']} queued, {ob['sent']} sent, {ob['failed']} failed")
    for row in ob["failed_recent"]:
        print(f"  failed #{row['id']} to {row['recipient']} ({row['kind']}): {row['last_error']}")
    if status["quarantined"]:
        print("Quarantined:")
        for q in status["quarantined"]:
            print(f"  #{q['id']} {q['received_at']} from {q['from_addr'] or '?'}: {q['error']}")
    if status["next_due"]:
        print(f"Next timer: {status['next_due']}")
    for name, section in status.items():
        if name in ("members", "inbound", "outbox", "quarantined", "next_due"):
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
                print(f"  {key}: {value}")
