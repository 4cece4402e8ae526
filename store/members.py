"""Queries on members and sub-committees. No mail, no network rules beyond integrity."""
from __future__ import annotations

from datetime import date, datetime
from typing import Iterable

import sqlite_utils

from store.times import to_db
from store.sql import query, query_one


class MembershipError(ValueError):
    """A change to the membership that the terms of reference do not allow."""


def get_by_email(db: sqlite_utils.Database, email: str) -> dict | None:
    """The member with this (normalised) address, their primary one or one of their other
    addresses, active or not, or None. The row's `email` is always the primary address."""
    return query_one(db, """SELECT * FROM members WHERE email = ?
                             UNION ALL SELECT m.* FROM members m JOIN member_addresses a ON a.member_id = m.id
                             WHERE a.address = ? LIMIT 1""", [email.lower(), email.lower()])


def has_address(db: sqlite_utils.Database, member: dict, address: str | None) -> bool:
    """Is `address` this member's, their primary address or one of their confirmed other ones?
    (The one test of "this reply comes from the member" for tokens.)"""
    if not address:
        return False
    address = address.lower()
    return address == member["email"] or db.execute(
        "SELECT 1 FROM member_addresses WHERE address = ? AND member_id = ?", [address, member["id"]]).fetchone() is not None


def other_addresses(db: sqlite_utils.Database, member_id: int) -> list[str]:
    """The member's addresses besides the primary one, in order."""
    return [r[0] for r in db.execute("SELECT address FROM member_addresses WHERE member_id = ? ORDER BY address",
                                     [member_id])]


def add_address(db: sqlite_utils.Database, member_id: int, address: str, now: datetime) -> None:
    """Give the member another address to write from (mail still goes to the primary one).
    MembershipError when the address is already anyone's."""
    address = address.lower()
    owner = get_by_email(db, address)
    if owner is not None:
        raise MembershipError(f"{address} is already " + ("this member's address" if owner["id"] == member_id
                                                           else "the address of another member"))
    db.execute("INSERT INTO member_addresses (address, member_id, added_at) VALUES (?, ?, ?)",
               [address, member_id, to_db(now)])


def remove_address(db: sqlite_utils.Database, member_id: int, address: str) -> bool:
    """Take one of the member's other addresses away; False when it was not theirs."""
    return db.execute("DELETE FROM member_addresses WHERE address = ? AND member_id = ?",
                      [address.lower(), member_id]).rowcount == 1


def request_address(db: sqlite_utils.Database, member_id: int, address: str, now: datetime) -> int:
    """Record a member's wish to add `address` (to be confirmed from both addresses); its id."""
    return db.execute("INSERT INTO address_requests (member_id, address, created_at) VALUES (?, ?, ?)",
                      [member_id, address.lower(), to_db(now)]).lastrowid


def address_request(db: sqlite_utils.Database, request_id: int) -> dict | None:
    """The address request with this id, or None."""
    return query_one(db, "SELECT * FROM address_requests WHERE id = ?", [request_id])


def confirm_address_request(db: sqlite_utils.Database, request_id: int, side: str) -> dict:
    """Mark one side ('primary' or 'other') of a pending request confirmed; the request after it."""
    column = {"primary": "confirmed_primary", "other": "confirmed_other"}[side]
    db.execute(f"UPDATE address_requests SET {column} = 1 WHERE id = ? AND state = 'pending'", [request_id])
    return address_request(db, request_id)


def close_address_request(db: sqlite_utils.Database, request_id: int, state: str) -> None:
    """End a pending request as 'done' or 'cancelled'."""
    db.execute("UPDATE address_requests SET state = ? WHERE id = ? AND state = 'pending'", [state, request_id])


def get(db: sqlite_utils.Database, member_id: int) -> dict | None:
    """The member with this id, or None."""
    return query_one(db, "SELECT * FROM members WHERE id = ?", [member_id])


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """{active, core, associate, coordinators, bouncing, inactive}: the figures of `convenor status`."""
    row = db.conn.execute(
        """SELECT coalesce(sum(active), 0), coalesce(sum(active AND role = 'core'), 0),
                  coalesce(sum(active AND role = 'associate'), 0), coalesce(sum(active AND coordinator), 0),
                  coalesce(sum(active AND bouncing), 0), coalesce(sum(NOT active), 0) FROM members""").fetchone()
    return dict(zip(("active", "core", "associate", "coordinators", "bouncing", "inactive"), row))


def all_members(db: sqlite_utils.Database, *, active_only: bool = False) -> list[dict]:
    """Every member, ordered by name, each with a `subcommittees` list of names."""
    where = "WHERE m.active = 1" if active_only else ""
    rows = list(query(db,
        f"""SELECT m.*, group_concat(s.name, ';') AS subs FROM members m
            LEFT JOIN memberships ms ON ms.member_id = m.id
            LEFT JOIN subcommittees s ON s.id = ms.subcommittee_id
            {where} GROUP BY m.id ORDER BY m.name COLLATE NOCASE, m.id"""))
    for r in rows:
        r["subcommittees"] = sorted((r.pop("subs") or "").split(";")) if r.get("subs") else []
        r.pop("subs", None)
    return rows


def coordinators(db: sqlite_utils.Database) -> list[dict]:
    """Active coordinators, ordered by id."""
    return list(query(db, "SELECT * FROM members WHERE coordinator = 1 AND active = 1 ORDER BY id"))


def audience(db: sqlite_utils.Database, kind: str, subcommittee: str | None = None) -> list[dict]:
    """Active members of an audience: 'all', 'core', 'associates' or 'subcommittee' (its members).

    Raises MembershipError for an unknown sub-committee.
    """
    if kind == "all":
        return list(query(db, "SELECT * FROM members WHERE active = 1 ORDER BY id"))
    if kind == "core":
        return list(query(db, "SELECT * FROM members WHERE active = 1 AND role = 'core' ORDER BY id"))
    if kind == "associates":
        return list(query(db, "SELECT * FROM members WHERE active = 1 AND role = 'associate' ORDER BY id"))
    if kind == "subcommittee":
        sub = subcommittee_by_name(db, subcommittee or "")
        if sub is None:
            raise MembershipError(f"there is no sub-committee named {subcommittee!r}")
        return list(query(db,
            """SELECT m.* FROM members m JOIN memberships ms ON ms.member_id = m.id
               WHERE ms.subcommittee_id = ? AND m.active = 1 ORDER BY m.id""", [sub["id"]]))
    raise MembershipError(f"unknown audience {kind!r}: expected all, core, associates or subcommittee NAME")


def subcommittee_by_name(db: sqlite_utils.Database, name: str) -> dict | None:
    """The sub-committee of that name (any case), or None."""
    return query_one(db, "SELECT * FROM subcommittees WHERE name = ? COLLATE NOCASE", [name.strip()])


def subcommittee_names(db: sqlite_utils.Database) -> list[str]:
    """Every sub-committee's name, in order."""
    return [r["name"] for r in query(db, "SELECT name FROM subcommittees ORDER BY name")]


def subcommittees_of(db: sqlite_utils.Database, member_id: int) -> list[str]:
    """Names of the sub-committees the member sits on."""
    return [r["name"] for r in query(db,
        """SELECT s.name FROM subcommittees s JOIN memberships ms ON ms.subcommittee_id = s.id
           WHERE ms.member_id = ? ORDER BY s.name""", [member_id])]


def add(db: sqlite_utils.Database, *, email: str, name: str, role: str, coordinator: bool,
        language: str, subcommittees: Iterable[str] = (), active: bool = True, now: datetime) -> int:
    """Add a member and return its id. Associates cannot sit on sub-committees (MembershipError)."""
    subs = [s for s in subcommittees if s.strip()]
    if role == "associate" and subs:
        raise MembershipError(
            f"{email}: associate members cannot sit on sub-committees (the terms of reference "
            "reserve sub-committees for core members)")
    if get_by_email(db, email):
        raise MembershipError(f"{email} is already a member")
    member_id = db["members"].insert({
        "email": email.lower(), "name": name, "role": role, "coordinator": int(coordinator),
        "language": language, "active": int(active), "subscribed": 1, "bouncing": 0,
        "created_at": to_db(now)}).last_pk
    set_subcommittees(db, member_id, subs)
    return member_id


def update(db: sqlite_utils.Database, member_id: int, **fields) -> None:
    """Change some of a member's fields; `subcommittees` (a list of names) replaces the set."""
    subs = fields.pop("subcommittees", None)
    current = get(db, member_id)
    if current is None:
        raise MembershipError(f"no member with id {member_id}")
    role = fields.get("role", current["role"])
    if role == "associate" and (subs if subs is not None else subcommittees_of(db, member_id)):
        raise MembershipError(
            f"{current['email']}: associate members cannot sit on sub-committees")
    for key in ("coordinator", "active", "subscribed", "bouncing"):
        if key in fields:
            fields[key] = int(bool(fields[key]))
    if fields:
        db["members"].update(member_id, fields)
    if subs is not None:
        set_subcommittees(db, member_id, subs)


def set_subcommittees(db: sqlite_utils.Database, member_id: int, names: Iterable[str]) -> None:
    """Make the member sit on exactly these sub-committees (created when new)."""
    db.execute("DELETE FROM memberships WHERE member_id = ?", [member_id])
    for name in names:
        name = name.strip()
        if not name:
            continue
        sub = subcommittee_by_name(db, name)
        sub_id = sub["id"] if sub else db["subcommittees"].insert({"name": name}).last_pk
        db.execute("INSERT OR IGNORE INTO memberships (member_id, subcommittee_id) VALUES (?, ?)",
                   [member_id, sub_id])


def remove(db: sqlite_utils.Database, member_id: int) -> None:
    """Deactivate a member (rows that mention them stay for the record)."""
    db["members"].update(member_id, {"active": 0})


def add_bounce(db: sqlite_utils.Database, member_id: int, score: float, now: datetime,
               fade_before: datetime) -> float | None:
    """Add `score` to the member's bounce score and return the new score; a score whose last
    bounce is older than `fade_before` starts again from 0. None (nothing added) when a bounce
    was already counted for this member today: at most one bounce a day counts."""
    row = db.execute("SELECT bounce_score, bounce_last_at FROM members WHERE id = ?", [member_id]).fetchone()
    current, last = row[0], row[1]
    if last and last[:10] == to_db(now)[:10]:
        return None
    if not last or last < to_db(fade_before):
        current = 0.0
    db.execute("UPDATE members SET bounce_score = ?, bounce_last_at = ? WHERE id = ?",
               [current + score, to_db(now), member_id])
    return current + score


def clear_bounces(db: sqlite_utils.Database, member_id: int) -> bool:
    """Forget the member's bounces (score, mark); True when there was something to clear."""
    cursor = db.execute("UPDATE members SET bounce_score = 0, bounce_last_at = NULL, bouncing = 0 "
                        "WHERE id = ? AND (bouncing = 1 OR bounce_score > 0)", [member_id])
    return cursor.rowcount > 0


def clear_faded_bounces(db: sqlite_utils.Database, fade_before: datetime) -> list[int]:
    """Clear every member whose last bounce is older than `fade_before` and who was sent mail
    since that bounce (their mail is accepted again); return their ids."""
    cutoff = to_db(fade_before)
    ids = [r[0] for r in db.execute(
        """SELECT m.id FROM members m WHERE (m.bouncing = 1 OR m.bounce_score > 0)
           AND m.bounce_last_at IS NOT NULL AND m.bounce_last_at < ?
           AND EXISTS (SELECT 1 FROM outbox o WHERE o.member_id = m.id AND o.sent_at > m.bounce_last_at)""",
        [cutoff]).fetchall()]
    for member_id in ids:
        clear_bounces(db, member_id)
    return ids


def set_away(db: sqlite_utils.Database, member_id: int, until: date | None) -> None:
    """Put a member on leave through `until` (inclusive), or end their leave with None."""
    db.execute("UPDATE members SET away_until = ? WHERE id = ?", [until.isoformat() if until else None, member_id])


def is_away(member: dict, day: date) -> bool:
    """True when the member is on leave on `day` (their leave runs through `away_until`, inclusive)."""
    return bool(member.get("away_until")) and day.isoformat() <= member["away_until"]


def away_members(db: sqlite_utils.Database, day: date) -> list[dict]:
    """Active members on leave on `day`, by name."""
    return list(query(db, """SELECT * FROM members WHERE active = 1 AND away_until IS NOT NULL AND away_until >= ?
                             ORDER BY name COLLATE NOCASE, id""", [day.isoformat()]))
