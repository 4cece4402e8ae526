"""How the store writes instants: UTC, second precision, text that sorts in time order."""
from __future__ import annotations

from datetime import datetime, timezone

FORMAT = "%Y-%m-%d %H:%M:%S"


def to_db(moment: datetime) -> str:
    """Return `moment` (timezone-aware) as the store's UTC text, e.g. '2027-01-15 22:00:00'."""
    if moment.tzinfo is None:
        raise ValueError("the store only takes timezone-aware datetimes")
    return moment.astimezone(timezone.utc).strftime(FORMAT)


def from_db(text: str | None) -> datetime | None:
    """Return the aware UTC datetime the store's text stands for (None stays None)."""
    if not text:
        return None
    return datetime.strptime(text, FORMAT).replace(tzinfo=timezone.utc)
