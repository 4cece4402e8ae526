"""Reading a coordinator's header lines ("Audience: core", "Send: 2027-02-01 09:00") leniently:
any case, English or French keys, the rest of the text kept as the body."""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T,]+(\d{1,2})\s*[:hH]\s*(\d{2})?)?")


class HeaderError(ValueError):
    """A header line the coordinator wrote cannot be read; the message says what was expected."""


def fold(text: str) -> str:
    """Lower-case without accents, single spaces: the form keys and words are compared in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def read_headers(text: str, keys: dict[str, str]) -> tuple[dict[str, str], str]:
    """Split `text` into header values (by canonical key, from `keys`: spelling → canonical) and
    the remaining body. Header lines are "Key: value" lines with a known key at the top of the
    text (blank lines before them allowed); the first other line starts the body, so a line such
    as "Send: applications by …" further down stays in the body."""
    found: dict[str, str] = {}
    lines = (text or "").splitlines()
    at = 0
    while at < len(lines):
        line = lines[at]
        if not line.strip():
            if found:
                break
            at += 1
            continue
        match = re.match(r"^\s*([\w\u00c0-\u017f -]+?)\s*:\s*(.*)$", line)
        key = keys.get(match.group(1).strip().lower()) if match else None
        if key is None:
            break
        found.setdefault(key, match.group(2).strip())
        at += 1
    return found, "\n".join(lines[at:]).strip()


def read_audience(value: str) -> tuple[str, str | None]:
    """("core"|"all"|"associates", None) or ("subcommittee", name) from an Audience value, in
    English or French, any case, with or without accents. Raises HeaderError for anything else."""
    folded = fold(value)
    if folded in ("core", "core members", "noyau", "membres du noyau", "membres principaux", "principaux"):
        return ("core", None)
    if folded in ("all", "everyone", "all members", "tous", "tout le monde", "tous les membres", "toutes"):
        return ("all", None)
    if folded in ("associates", "associate", "associate members", "associes", "associe", "membres associes"):
        return ("associates", None)
    match = re.match(r"^(?:the |le )?(?:sub-?committee|sous-?comite|sc)\s+(.+)$", folded)
    if match:
        name = value.strip().split(None, 1)[1].strip()
        if fold(name.split(None, 1)[0]) in ("sub-committee", "subcommittee", "sous-comite", "souscomite", "sc"):
            name = name.split(None, 1)[1].strip()  # "the subcommittee X" / "le sous-comité X"
        return ("subcommittee", name)
    raise HeaderError(
        f'"{value.strip()}" is not an audience I know. Write one of: core, all, associates, '
        "or subcommittee NAME (e.g. \"subcommittee Awareness\").")


def parse_moments(value: str, zone: str, *, need_time: bool, default_time: str = "09:00") -> list[datetime]:
    """Every date-time written as "2027-02-01 09:00" (or "2027-02-01 18h30") in `value`, placed in
    `zone`, in UTC. A date alone takes `default_time` unless `need_time`. Raises ValueError."""
    out = []
    for y, mo, d, h, mi in DATE.findall(value or ""):
        if not h:
            if need_time:
                raise ValueError(f"{y}-{mo}-{d} has no time: write it like 2027-02-10 18:00")
            h, mi = default_time.split(":")
        try:
            local = datetime(int(y), int(mo), int(d), int(h), int(mi or 0), tzinfo=ZoneInfo(zone))
        except ValueError as exc:
            raise ValueError(f"{y}-{mo}-{d} {h}:{mi or '00'} is not a real date and time ({exc})") from None
        out.append(local.astimezone(ZoneInfo("UTC")))
    if not out:
        raise ValueError(f"no date found in {value!r}: write it like 2027-02-10 18:00")
    return out
