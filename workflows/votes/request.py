"""Reading a coordinator's new vote: the setting lines at the top of the body, then the motion.

Lines such as `Options: Yes, No, Abstain`, `Closes: in 7 days`, `Electorate: subcommittee
Training`, `Quorum: 60%`, `Pass: two-thirds`, `Abstentions: count as no`, `Seats: 2`, `Secret: yes`
(English or French keys, any case)
may open the body; the first line that is not one of them starts the motion. A line that names a
known key but whose value cannot be read becomes a problem to report to the coordinator, never an
exception.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from mailer.subjects import strip_prefixes, tag_pattern
from workflows.reading.dates import read_when
from workflows.reading.setting_lines import days_from_today, fold, read_audience, read_setting_lines, where
from workflows.routing.policy import VotePolicy
from workflows.votes import rules

KEYS = {
    "options": "options", "option": "options", "choices": "options", "choix": "options",
    "closes": "closes", "close": "closes", "closing": "closes", "deadline": "closes", "ends": "closes",
    "clôture": "closes", "cloture": "closes", "fin": "closes", "échéance": "closes", "echeance": "closes",
    "electorate": "electorate", "voters": "electorate", "électorat": "electorate", "electorat": "electorate",
    "électeurs": "electorate", "electeurs": "electorate", "votants": "electorate",
    "quorum": "quorum",
    "pass": "pass", "passes": "pass", "majority": "pass", "adoption": "pass", "majorité": "pass",
    "majorite": "pass", "règle": "pass", "regle": "pass",
    "secret": "secret", "secret ballot": "secret", "scrutin secret": "secret", "vote secret": "secret",
    "abstentions": "abstentions", "abstention": "abstentions", "abstain": "abstentions",
    "seats": "seats", "seat": "seats", "posts": "seats", "sièges": "seats", "sieges": "seats",
    "postes": "seats",
}
DEFAULT_OPTIONS = ["Yes", "No", "Abstain"]
MAX_OPTIONS = 26  # each option also has a letter


NEW_ITEM_TAGS = ("Vote", "Scrutin")  # "[Vote] Title": a coordinator opens a vote
_VOTE_TAG = tag_pattern(NEW_ITEM_TAGS)


@dataclass
class VoteRequest:
    """What a coordinator asked for, with defaults filled in, and the problems found."""

    title: str
    motion: str
    options: list[str]
    closes_at: datetime
    electorate: str = "core"
    subcommittee: str | None = None
    quorum_percent: float = 50.0
    pass_rule: str = "majority"
    secret: bool = False
    abstentions: str = "quorum-only"
    seats: int = 1
    problems: list[str] = field(default_factory=list)


def title_from_subject(subject: str) -> str:
    """The motion's title: the subject without Re:/Fwd: and the [Vote]/[Scrutin] tag."""
    tagged = _VOTE_TAG.match(subject or "")
    return (subject[tagged.end():] if tagged else strip_prefixes(subject)).strip()


def read_request(subject: str, body: str, policy: VotePolicy, timezone: str, now: datetime,
                 date_order: str | None = None) -> VoteRequest:
    """Read a new vote from the coordinator's subject and body (new text), defaults from `policy`;
    all-numeric dates are read with `date_order` (see `reading.dates`)."""
    found = read_setting_lines(body, KEYS)
    problems = list(found.problems)
    motion = found.body
    zone = ZoneInfo(timezone)
    request = VoteRequest(
        title=title_from_subject(subject), motion=motion, options=list(DEFAULT_OPTIONS),
        closes_at=_default_close(policy, zone, now), quorum_percent=policy.quorum_percent,
        pass_rule=policy.pass_rule, abstentions=policy.abstentions, problems=problems)
    def closes(req, value, policy, zone, now):
        req.closes_at = read_when(value, now=now, timezone=zone.key, default_time=policy.closing_time,
                                  what="Closes", date_order=date_order)

    readers = {"options": _options, "closes": closes, "electorate": _electorate, "quorum": _quorum,
               "pass": _pass, "secret": _secret, "abstentions": _abstentions, "seats": _seats}
    for key, value in found.values.items():
        try:
            readers[key](request, value, policy, zone, now)
        except ValueError as exc:
            problems.append(f"{where(found, key)}{exc}")
    if not request.title:
        problems.append("the subject has no title after [Vote]: write e.g. “[Vote] Adopt the budget”")
    if not request.motion:
        problems.append("the body has no motion: write the text members vote on below the setting lines")
    return request


def _default_close(policy: VotePolicy, zone: ZoneInfo, now: datetime) -> datetime:
    return days_from_today(now, policy.default_days, zone.key, policy.closing_time)


def _options(req: VoteRequest, value: str, policy, zone, now) -> None:
    sep = ";" if ";" in value else ","
    options = [o.strip() for o in value.split(sep) if o.strip()]
    if len(options) < 2:
        raise ValueError(f"“Options: {value}”: give at least two options, separated by commas or semicolons")
    if len(options) > MAX_OPTIONS:
        raise ValueError(f"“Options: {value}”: at most {MAX_OPTIONS} options")
    if len({o.lower() for o in options}) != len(options):
        raise ValueError(f"“Options: {value}”: two options have the same label")
    req.options = options


def _electorate(req: VoteRequest, value: str, policy, zone, now) -> None:
    if fold(value) in ("all core members", "membres votants"):
        req.electorate, req.subcommittee = "core", None
        return
    try:
        kind, name = read_audience(value)
    except ValueError:
        kind, name = None, None
    if kind not in ("core", "subcommittee"):
        raise ValueError(f"“Electorate: {value}”: write “core” or “subcommittee NAME” (only core members vote)")
    req.electorate, req.subcommittee = kind, name


def _quorum(req: VoteRequest, value: str, policy, zone, now) -> None:
    m = re.fullmatch(r"(\d{1,3}(?:[.,]\d+)?)\s*%?", value.strip())
    number = float(m.group(1).replace(",", ".")) if m else -1
    if not 0 <= number <= 100:
        raise ValueError(f"“Quorum: {value}”: write a percentage between 0 and 100, e.g. “50%”")
    req.quorum_percent = number


def _pass(req: VoteRequest, value: str, policy, zone, now) -> None:
    req.pass_rule = rules.read_pass(value)


def _abstentions(req: VoteRequest, value: str, policy, zone, now) -> None:
    req.abstentions = rules.read_abstentions(value)


def _seats(req: VoteRequest, value: str, policy, zone, now) -> None:
    req.seats = rules.read_seats(value)


def _secret(req: VoteRequest, value: str, policy, zone, now) -> None:
    low = value.strip().lower()
    if low in ("yes", "oui", "true", "1", "y", "o"):
        req.secret = True
    elif low in ("no", "non", "false", "0", "n"):
        req.secret = False
    else:
        raise ValueError(f"“Secret: {value}”: write “yes” or “no”")
