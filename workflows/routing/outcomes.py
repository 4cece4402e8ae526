"""Outcomes: the short records a handler returns, which are logged and kept with timers.

They name an item by its reference ("Vote 3", "draft 2", "member 7") and a reading by its
kind ("reply not readable as a vote (line 1 names more than one option)"), never a word a
person wrote: not a line of a reply, a title, a sub-committee name from a message, an option's
label or a name. A reason written for the member (quoting what was read) goes in their mail.
"""
from __future__ import annotations

_QUOTE_STARTS = (":", "(", "'", '"', "«", "“")


def reading_kind(reason: str) -> str:
    """The kind of a reading's reason: its words up to the first quote, colon or parenthesis
    (where what the person wrote, or an option's label, would begin)."""
    cut = min((i for i in (reason.find(c) for c in _QUOTE_STARTS) if i >= 0), default=len(reason))
    return reason[:cut].strip() or "unreadable"


def problems(count: int) -> str:
    """How many problems a refusal reported to its sender (the problems themselves quote them)."""
    return f"{count} problem(s) reported to the sender"
