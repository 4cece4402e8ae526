"""How the store writes instants: UTC, second precision, text that sorts in time order."""
from __future__ import annotations

import functools
import re
from datetime import datetime, timezone

FORMAT = "%Y-%m-%d %H:%M:%S"
_STORE_FORM = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")  # exactly what FORMAT writes


def to_db(moment: datetime) -> str:
    """Return `moment` (timezone-aware) as the store's UTC text, e.g. '2027-01-15 22:00:00'."""
    if moment.tzinfo is timezone.utc:  # the arrival and the time now: written several times a message
        return _utc_text(moment)
    if moment.tzinfo is None:
        raise ValueError("the store only takes timezone-aware datetimes")
    return _text(moment)


@functools.lru_cache(maxsize=1024)
def _utc_text(moment: datetime) -> str:
    """`_text` remembered for UTC instants (two equal UTC datetimes are the same instant; in
    another zone, equal ones may differ by their fold)."""
    return _text(moment)


def _text(moment: datetime) -> str:
    utc = moment.astimezone(timezone.utc)
    if utc.year >= 1000:  # isoformat writes the same text as FORMAT, several times faster
        return utc.replace(tzinfo=None).isoformat(" ", "seconds")
    return utc.strftime(FORMAT)


@functools.lru_cache(maxsize=1024)  # every vote, member and token read again for each message
def from_db(text: str | None) -> datetime | None:
    """Return the aware UTC datetime the store's text stands for (None stays None)."""
    if not text:
        return None
    if _STORE_FORM.fullmatch(text):  # the store's own form: read without strptime (~20 µs a value)
        return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)
    return datetime.strptime(text, FORMAT).replace(tzinfo=timezone.utc)
