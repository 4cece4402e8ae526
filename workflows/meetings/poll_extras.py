"""What date polls add to the dates, as the poll workflow uses it: what each message shows of the
places, the "if need be" marks and the required members, and the place chosen with the date."""
from __future__ import annotations

import re

from store import meetings as store_meetings
from store import poll_options as store_options
from workflows.meetings import poll_ranking
from workflows.reading.poll_answers import letter

CHOOSE_PLACE = re.compile(r"^\s*(?:choose|choisir|choix)\s*:?\s*#?\d+\s*(?:[,;/-]\s*|(?:at|à|au)\s+)?([A-Ha-h])\b",
                          re.IGNORECASE | re.MULTILINE)


def request_view(options: store_options.PollOptions, member: dict) -> dict:
    """Template variables of a poll or its reminder: `places` [(letter, label)], `candidate_places`
    (each date's own place, or []) and `required_you` (this member's answer is required)."""
    return {"places": [(letter(n), label) for n, label in enumerate(options.places, 1)],
            "candidate_places": options.candidate_places, "required_you": member["id"] in options.required}


def receipt_view(options: store_options.PollOptions, dates: list[int], if_need_be: frozenset[int],
                 places: frozenset[int] | None, places_if_need_be: frozenset[int]) -> dict:
    """Template variables of a receipt: what was understood, mark by mark."""
    return {"plain_dates": [n for n in dates if n not in if_need_be],
            "if_need_be_dates": [n for n in dates if n in if_need_be],
            "places": [(letter(n), label) for n, label in enumerate(options.places, 1)],
            "chosen_places": None if places is None else [
                (letter(n), options.places[n - 1], n in places_if_need_be) for n in sorted(places)],
            "candidate_places": options.candidate_places}


def ranking(db, poll: dict, people: dict[int, dict], date: int | None) -> dict:
    """The places' rows (counted among who can come on `date`), the best place, the required
    members who did not answer, and the poll's options."""
    options = store_options.options(db, poll["id"])
    answers = store_meetings.availability(db, poll["id"])
    details = store_options.details(db, poll["id"])
    rows = poll_ranking.place_rows(options.places, date, answers, details, people, options.required)
    return {"options": options, "place_rows": rows, "best_place": poll_ranking.best_place(rows) if rows else None,
            "required_silent": poll_ranking.required_silent(options.required, answers, people),
            "required_names": sorted(people[m]["name"] for m in options.required if m in people),
            "required_unknown": [m for m in options.required if isinstance(m, str)]}


def place_of(db, poll: dict, people: dict[int, dict], date: int, place: int | None,
             forced: bool = False) -> tuple[str | None, int | None]:
    """(the meeting's place for the chosen date, the chosen place's number among the polled places):
    a date's own place; else `place` when a coordinator named it, else the best polled place; (None,
    None) when the poll offers no place; ('', None) when a required member excluded every place,
    unless `forced` (a coordinator's CHOOSE: then the best place regardless)."""
    options = store_options.options(db, poll["id"])
    if options.candidate_places:
        return options.candidate_places[date - 1], None
    if not options.places:
        return None, None
    if place is None:
        found = ranking(db, poll, people, date)
        place = found["best_place"]
        if place is None and forced:
            place = sorted(found["place_rows"], key=lambda r: (-r["count"], -r["yes"], r["number"]))[0]["number"]
    if place is None or not 1 <= place <= len(options.places):
        return "", None
    return options.places[place - 1], place


def marks(answers: dict[int, set[int]], details: dict, member_id: int, count: int) -> list[str]:
    """A member's row of the grid: "x" can come, "(x)" if need be, "." cannot."""
    chosen = answers.get(member_id) or set()
    maybe = details[member_id].if_need_be if member_id in details else frozenset()
    return ["(x)" if n in maybe else "x" if n in chosen else "." for n in range(1, count + 1)]


def place_marks(details: dict, member_id: int, places: int) -> str:
    """A member's places for the grid: "A (B)" or "any"."""
    mine = details.get(member_id)
    if mine is None or mine.places is None:
        return "any"
    return " ".join(f"({letter(n)})" if n in mine.places_if_need_be else letter(n)
                    for n in sorted(mine.places)) or "none"
