"""What a coordinator's `[Meeting]` sets for its date poll besides the dates: `Places:` polled beside
the dates (or a place written with each date, `Dates: 2027-03-04 18:00 at the Library, …`), and
`Required:` the members every chosen date must suit (names or addresses of members of the meeting's
audience). Each problem names its line, for the coordinator's answer."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from store import members as store_members
from store.poll_options import PollOptions
from workflows.reading.dates import find_moments
from workflows.reading.setting_lines import SettingLines, fold, where

MAX_PLACES = 8  # lettered A-H: "I" would read as the pronoun in "I can do 1 and 3"
KEYS = {"places": "places", "lieux": "places", "locations": "places", "venues": "places", "salles": "places",
        "required": "required", "requis": "required", "obligatoire": "required", "obligatoires": "required",
        "indispensable": "required", "indispensables": "required", "must suit": "required",
        "doit convenir a": "required"}
_CONNECTOR = re.compile(r"^\s*(?:[-–—:,;|@]\s*)*(?:(?:at|in|à|a|au|aux|chez)\s+)?", re.IGNORECASE)
_SPLIT_NAMES = re.compile(r"\s*(?:[,;]|\band\b|\bet\b)\s*", re.IGNORECASE)


@dataclass
class PollSetup:
    """The places and required members read from a `[Meeting]`, and the problems found."""

    places: list[str] = field(default_factory=list)
    place_by_moment: dict[datetime, str] = field(default_factory=dict)
    required: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def options(self, moments: list[datetime], default_place: str) -> PollOptions:
        """The poll's options for these (sorted) candidate dates; a date written without a place
        takes `default_place` (the `Where:` line) when other dates carry one."""
        own = [self.place_by_moment.get(m, "") or default_place for m in moments] \
            if any(self.place_by_moment.values()) else []
        return PollOptions(places=list(self.places), candidate_places=own,
                           required=[m["id"] for m in self.required])

    def view(self, moments: list[datetime], default_place: str) -> dict:
        """What the coordinator's confirmation shows: `places` [(letter, label)], `candidate_places`
        and `required_names`."""
        options = self.options(moments, default_place)
        return {"places": [(chr(ord("A") + n), label) for n, label in enumerate(options.places)],
                "candidate_places": options.candidate_places,
                "required_names": [m["name"] for m in self.required]}


def places_with_dates(value: str, zone: str, date_order: str | None = None) -> dict[datetime, str]:
    """Each date-time of a `Dates:` value → the place written after it ("… 18:00 at the Library"),
    '' when none. Raises ValueError as `parse_moments` does."""
    found = find_moments(value, zone, need_time=True, date_order=date_order)
    out: dict[datetime, str] = {}
    for index, (match, moment) in enumerate(found):
        end = found[index + 1][0].start() if index + 1 < len(found) else len(value)
        place = _CONNECTOR.sub("", value[match.end():end], count=1).strip(" ,;.-–—|")
        out[moment] = place
    return out


def read_setup(db, found: SettingLines, source: str, zone: str, audience: list[dict],
               date_order: str | None = None) -> PollSetup:
    """Read `Places:`, `Required:` and the places written with the dates from a `[Meeting]`'s lines.
    `source` is the key the dates came from ("candidates" or "when")."""
    values = found.values
    setup = PollSetup()
    if values.get(source):
        try:
            setup.place_by_moment = places_with_dates(values[source], zone, date_order)
        except ValueError:
            pass  # the caller reports the unreadable dates
    if values.get("places"):
        text = values["places"]
        setup.places = [p.strip() for p in text.split(";" if ";" in text else ",") if p.strip()]
        if source != "candidates":
            setup.problems.append(f"{where(found, 'places')}Places: places are polled with several dates; "
                                  "for one date write Where: and the place")
        elif len(setup.places) < 2:
            setup.problems.append(f"{where(found, 'places')}Places: give at least two places, separated by "
                                  "“;” (for one place write Where:)")
        elif len(setup.places) > MAX_PLACES:
            setup.problems.append(f"{where(found, 'places')}Places: at most {MAX_PLACES} places (A-H)")
        if values.get("where"):
            setup.problems.append(f"{where(found, 'places')}Places: and Where: both name the place; "
                                  "keep Places: to poll the places, or Where: for one place")
        if any(setup.place_by_moment.values()):
            setup.problems.append(f"{where(found, 'places')}Places: the dates already carry their own place "
                                  "(“… at …”); poll the places either with each date or in Places:, not both")
    if values.get("required"):
        setup.required, unknown = _required_members(db, values["required"], audience)
        for name in unknown:
            setup.problems.append(f"{where(found, 'required')}Required: “{name}” is not a member this meeting "
                                  "is for; write a member's name as in the members list, or their address")
    return setup


def series_options(db, places: list[str], required: list[str], audience: list[dict]) -> PollOptions:
    """A series' poll options from its settings: its places, and its required members (names or
    addresses; a name matching no member of the audience is kept as written, so the coordinators'
    result can name it)."""
    found, unknown = _required_members(db, ", ".join(required), audience)
    return PollOptions(places=list(places), required=[m["id"] for m in found] + unknown)


def _required_members(db, text: str, audience: list[dict]) -> tuple[list[dict], list[str]]:
    """The audience members named in a `Required:` value (full name, unique first name or an
    address of theirs) and the names that match nobody (or several people)."""
    found: list[dict] = []
    unknown: list[str] = []
    for name in (n.strip(" .") for n in _SPLIT_NAMES.split(text or "")):
        if not name:
            continue
        wanted = fold(name.strip("<>"))
        matches = [m for m in audience if fold(m["email"]) == wanted or fold(m["name"]) == wanted]
        if not matches and "@" in wanted:
            matches = [m for m in audience if store_members.has_address(db, m, wanted)]
        if not matches:
            matches = [m for m in audience if fold(m["name"]).split()[:1] == [wanted]]
        if len(matches) != 1:
            unknown.append(name)
        elif matches[0] not in found:
            found.append(matches[0])
    return found, unknown
