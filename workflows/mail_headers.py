"""Reading a coordinator's header lines ("Audience: core", "Send: 2027-02-01 09:00") leniently:
any case, English or French keys, the rest of the text kept as the body."""
from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T,]+(\d{1,2})\s*[:hH]\s*(\d{2})?)?")


def read_headers(text: str, keys: dict[str, str]) -> tuple[dict[str, str], str]:
    """Split `text` into header values (by canonical key, from `keys`: spelling → canonical) and
    the remaining body. A header line is "Key: value" with a known key, anywhere in the text."""
    found: dict[str, str] = {}
    body: list[str] = []
    for line in (text or "").splitlines():
        match = re.match(r"^\s*([\w\u00c0-\u017f -]+?)\s*:\s*(.*)$", line)
        key = keys.get(match.group(1).strip().lower()) if match else None
        if key and key not in found:
            found[key] = match.group(2).strip()
        else:
            body.append(line)
    return found, "\n".join(body).strip()


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
