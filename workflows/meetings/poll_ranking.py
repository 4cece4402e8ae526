"""How a date poll's answers rank its dates and places. Pure functions on plain values.

The rule (the same for dates and for places, and stated in the coordinators' result):
1. a date (or place) that a required member answered they cannot make is excluded;
2. among the others, the most members who can come (plainly or if need be) wins;
3. a tie goes to the most plain yes (a date that suits everyone plainly beats one that some can make
   only if need be), then, for dates, to the most core members, then to the earliest date; for
   places, to the place listed first.
Places are counted among the members who can come on the chosen date (they are the ones who will
travel); a member who named no place suits every place.
"""
from __future__ import annotations

from datetime import datetime

from store.poll_options import AnswerDetails


def date_rows(candidates: list[datetime], answers: dict[int, set[int]], details: dict[int, AnswerDetails],
              people: dict[int, dict], required: list[int], candidate_places: list[str]) -> list[dict]:
    """One row per candidate date: number, start, place (its own, or ''), names (all who can come),
    if_need_be_names, count, yes (plain), if_need_be, core, excluded_by (required members who said
    they cannot come). Only `people` (the meeting's audience now) count."""
    rows = []
    for number, start in enumerate(candidates, 1):
        can = [mid for mid, chosen in answers.items() if number in chosen and mid in people]
        maybe = [mid for mid in can if number in details.get(mid, AnswerDetails()).if_need_be]
        rows.append({
            "number": number, "start": start,
            "place": candidate_places[number - 1] if number - 1 < len(candidate_places) else "",
            "names": sorted(people[m]["name"] for m in can),
            "if_need_be_names": sorted(people[m]["name"] for m in maybe),
            "count": len(can), "yes": len(can) - len(maybe), "if_need_be": len(maybe),
            "core": sum(1 for m in can if people[m]["role"] == "core"),
            "excluded_by": sorted(people[m]["name"] for m in required
                                  if m in people and m in answers and number not in answers[m])})
    return rows


def best_date(rows: list[dict], usual: datetime | None = None) -> int | None:
    """The winning date's number by the module's rule, or None when a required member excluded every
    date. With no answer at all, the series' usual date when it is a candidate (and not excluded)."""
    open_rows = [r for r in rows if not r.get("excluded_by")]
    if not open_rows:
        return None
    if usual is not None and all(r["count"] == 0 for r in rows):
        for r in open_rows:
            if r["start"] == usual:
                return r["number"]
    return sorted(open_rows, key=lambda r: (-r["count"], -r.get("yes", r["count"]), -r["core"], r["start"]))[0]["number"]


def place_rows(places: list[str], date: int | None, answers: dict[int, set[int]],
               details: dict[int, AnswerDetails], people: dict[int, dict], required: list[int]) -> list[dict]:
    """One row per polled place: number, label, count (can come there, counting only the members
    who can come on `date` when given), yes, if_need_be, excluded_by (required members who answered
    places and left this one out)."""
    voters = [mid for mid, chosen in answers.items() if mid in people and (date is None or date in chosen)]
    rows = []
    for number, label in enumerate(places, 1):
        yes = maybe = 0
        for mid in voters:
            mine = details.get(mid, AnswerDetails())
            if mine.places is None or number in mine.places:
                if number in mine.places_if_need_be:
                    maybe += 1
                else:
                    yes += 1
        excluded = [people[m]["name"] for m in required if m in people and m in answers
                    and details.get(m, AnswerDetails()).places is not None
                    and number not in details[m].places]
        rows.append({"number": number, "label": label, "count": yes + maybe, "yes": yes, "if_need_be": maybe,
                     "excluded_by": sorted(excluded)})
    return rows


def best_place(rows: list[dict]) -> int | None:
    """The winning place's number by the module's rule, or None when every place is excluded."""
    open_rows = [r for r in rows if not r["excluded_by"]]
    if not open_rows:
        return None
    return sorted(open_rows, key=lambda r: (-r["count"], -r["yes"], r["number"]))[0]["number"]


def required_silent(required: list[int], answers: dict[int, set[int]], people: dict[int, dict]) -> list[str]:
    """The names of the required members (still in the audience) who have not answered."""
    return sorted(people[m]["name"] for m in required if m in people and m not in answers)
