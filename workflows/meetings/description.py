"""The coordinator's words about a meeting: the body of their `[Meeting]` message, after the
setting lines. Members read it in the date poll, the announcement (and its updates and
reminder) and the invitation's DESCRIPTION; it is stored with the meeting and never logged."""
from __future__ import annotations

from workflows.reading.setting_lines import SettingLines


def read_description(found: SettingLines) -> str:
    """The text the coordinator wrote below the setting lines (signature already removed by the
    reply reader), without leading or trailing blank lines; "" when there is none."""
    return found.body.strip()


def invite_description(meeting: dict) -> str:
    """The .ics DESCRIPTION of a meeting: the coordinator's text, then the place and the call
    details (a calendar shows it as the event's notes)."""
    details = "\n".join(p for p in (meeting["location"], meeting["call"]) if p)
    return "\n\n".join(p for p in (meeting.get("description") or "", details) if p)
