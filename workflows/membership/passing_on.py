"""What a member writes beside their answer to an item, passed on to the coordinators.

A reply to a ballot, a date poll or a draft does its job (a vote counted, an availability or a
piece of feedback recorded), but the member may also have asked something ("Can you explain the
motion?") or written a message of some length: that text reaches the coordinators (or one of
them, a draft's author) as a forward they can answer by replying (`commands.forward_unknown`,
with `about` saying why it came). The caller tells the member what was done.
"""
from __future__ import annotations

from typing import Callable

from mailer.message import InboundMail
from workflows.membership import commands
from workflows.routing.context import Context


def pass_on(ctx: Context, mail: InboundMail, words: str, worth: Callable[[str], bool], about: dict, *,
            only_to: dict | None = None) -> str | None:
    """Pass the member's `mail` on when `worth(words)` says its `words` (the part of the text the
    caller did not read as the answer) are a question or a message; `about` ({"kind": "ballot" |
    "poll" | "draft", "ref": "Vote 7", "title": …, and for a ballot "counted"}) says in the
    forward why it came, `only_to` (an active coordinator) sends it to them alone. Returns what was
    done ("forwarded to 2 coordinator(s)"), or None when there is nothing to pass on."""
    if not worth(words or ""):
        return None
    return commands.forward_unknown(ctx, mail, about=about, only_to=only_to)
