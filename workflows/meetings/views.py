"""What templates see of a meeting."""
from __future__ import annotations

from datetime import timedelta


def view(meeting: dict) -> dict:
    """What templates see of a meeting: its fields plus `ref` ("Meeting 3") and `ends_at`."""
    out = dict(meeting)
    out["ref"] = meeting["id"]
    if meeting["starts_at"]:
        out["ends_at"] = meeting["starts_at"] + timedelta(minutes=meeting["duration_minutes"])
    return out
