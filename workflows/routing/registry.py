"""Where each workflow declares what it answers: token kinds, subject tags, commands, timers.

Policy as data (after Mailman's chains): the router reads these tables; a workflow adds its
entries when its module is imported (see `workflows/__init__.py`).

Handler signatures:
- token reply:   fn(ctx, mail, member, token_row) -> str   (a short outcome, for the record)
- new item:      fn(ctx, mail, member) -> str               (subject tag such as "[Draft]")
- command:       fn(ctx, mail, member, argument) -> str     (first word of the body, e.g. HELP)
- timer:         fn(ctx, timer_row) -> str                  (timer kind, e.g. "draft.deadline")
- status:        fn(db, now) -> dict                        (a section of `convenor status`)
- subject ref:   fn(db, number) -> (item kind, item id) | None (for "[Vote 7]" fallbacks)
"""
from __future__ import annotations

import re
from typing import Callable

TOKEN_HANDLERS: dict[str, Callable] = {}
NEW_ITEM_HANDLERS: list[tuple[re.Pattern, str, Callable]] = []
COMMANDS: dict[str, Callable] = {}
TIMER_HANDLERS: dict[str, Callable] = {}
STATUS_SECTIONS: dict[str, Callable] = {}
SUBJECT_REFS: dict[str, Callable] = {}
ITEM_DESCRIBERS: dict[str, Callable] = {}
REFERENCES_WITHOUT_TOKEN: dict[str, Callable] = {}
TICK_HOOKS: list[Callable] = []
MEMBER_STATUS: dict[str, Callable] = {}


def on_token(kind: str):
    """Register the handler of replies whose token is of item kind `kind` (e.g. "vote")."""
    def deco(fn):
        TOKEN_HANDLERS[kind] = fn
        return fn
    return deco


def on_subject(tags: list[str], name: str):
    """Register the handler of a coordinator's new item whose subject starts with one of `tags`."""
    pattern = re.compile(r"^\s*(?:(?:fwd?|tr|re)\s*:\s*)*\[(" + "|".join(re.escape(t) for t in tags) + r")\]",
                         re.IGNORECASE)

    def deco(fn):
        NEW_ITEM_HANDLERS.append((pattern, name, fn))
        return fn
    return deco


def on_command(*words: str):
    """Register a command read from the first word of a message to the list (e.g. "HELP")."""
    def deco(fn):
        for w in words:
            COMMANDS[w.upper()] = fn
        return fn
    return deco


def on_timer(kind: str):
    """Register what to do when a timer of `kind` falls due."""
    def deco(fn):
        TIMER_HANDLERS[kind] = fn
        return fn
    return deco


def status_section(name: str):
    """Register a section of `convenor status` (a dict of plain values)."""
    def deco(fn):
        STATUS_SECTIONS[name] = fn
        return fn
    return deco


def subject_ref(kind: str):
    """Register how a subject reference such as "[Vote 7]" maps to an item of `kind`."""
    def deco(fn):
        SUBJECT_REFS[kind] = fn
        return fn
    return deco


def on_reference_without_token(kind: str):
    """Register fn(ctx, mail, member, number) -> str | None answering a member's message whose
    subject names an item ("[Vote 7]") but that carries no token, for kinds where the sender's
    address alone must not be enough (votes). None lets the next rules take the message."""
    def deco(fn):
        REFERENCES_WITHOUT_TOKEN[kind] = fn
        return fn
    return deco


def describe_item(kind: str):
    """Register fn(db, item_id) -> str describing an item for `convenor inspect`."""
    def deco(fn):
        ITEM_DESCRIBERS[kind] = fn
        return fn
    return deco


def on_tick(fn):
    """Register fn(ctx) run at every clock tick, in its own transaction, before due timers are read
    (e.g. planning the next occurrences of meeting series)."""
    TICK_HOOKS.append(fn)
    return fn


def member_status(name: str):
    """Register fn(db, member, now) -> list of dicts, what is open for this member (STATUS by email):
    each {"kind": "draft"|"vote"|"poll"|"meeting"…, "ref": "Vote 7", "title": str,
    "when": datetime|None (deadline or start), "answered": bool|None}."""
    def deco(fn):
        MEMBER_STATUS[name] = fn
        return fn
    return deco
