"""Queries on what a date poll offers besides its dates (places, required members) and on the
"if need be" marks and places of each answer. `store.meetings` keeps the dates and who can come."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlite_utils

from store.sql import query


@dataclass(frozen=True)
class PollOptions:
    """A poll's places (lettered A, B … in order), each date's own place ('' when none; empty when
    the dates carry no place) and the ids of the members every chosen date must suit (a series'
    required name that matched no member stays as its text, for the coordinators' result)."""

    places: list[str] = field(default_factory=list)
    candidate_places: list[str] = field(default_factory=list)
    required: list[int | str] = field(default_factory=list)


@dataclass(frozen=True)
class AnswerDetails:
    """One member's marks: the dates that suit only if need be, the places that suit (None: any
    place) and those that suit only if need be. Numbers are 1-based."""

    if_need_be: frozenset[int] = frozenset()
    places: frozenset[int] | None = None
    places_if_need_be: frozenset[int] = frozenset()


def set_options(db: sqlite_utils.Database, poll_id: int, options: PollOptions) -> None:
    """Record what the poll offers besides its dates."""
    db.execute("UPDATE polls SET places = ?, candidate_places = ?, required = ? WHERE id = ?",
               [json.dumps(options.places), json.dumps(options.candidate_places), json.dumps(options.required),
                poll_id])


def options(db: sqlite_utils.Database, poll_id: int) -> PollOptions:
    """What the poll offers besides its dates (empty lists for a plain date poll)."""
    rows = query(db, "SELECT places, candidate_places, required FROM polls WHERE id = ?", [poll_id])
    if not rows:
        return PollOptions()
    row = rows[0]
    return PollOptions(json.loads(row["places"]), json.loads(row["candidate_places"]), json.loads(row["required"]))


def set_chosen_place(db: sqlite_utils.Database, poll_id: int, place: int | None) -> None:
    """Record the place (1-based into the poll's places) chosen with the date."""
    db.execute("UPDATE polls SET chosen_place = ? WHERE id = ?", [place, poll_id])


def set_details(db: sqlite_utils.Database, poll_id: int, member_id: int, details: AnswerDetails) -> None:
    """Record the marks of the member's answer, already stored by `store.meetings.set_availability`."""
    db.execute("UPDATE availability SET if_need_be = ?, places = ?, places_if_need_be = ? "
               "WHERE poll_id = ? AND member_id = ?",
               [json.dumps(sorted(details.if_need_be)),
                None if details.places is None else json.dumps(sorted(details.places)),
                json.dumps(sorted(details.places_if_need_be)), poll_id, member_id])


def details(db: sqlite_utils.Database, poll_id: int) -> dict[int, AnswerDetails]:
    """Each answering member's id → the marks of their answer."""
    return {r["member_id"]: AnswerDetails(
        frozenset(json.loads(r["if_need_be"])),
        None if r["places"] is None else frozenset(json.loads(r["places"])),
        frozenset(json.loads(r["places_if_need_be"])))
        for r in query(db, "SELECT member_id, if_need_be, places, places_if_need_be FROM availability "
                           "WHERE poll_id = ?", [poll_id])}
