"""Errors as the logs may show them: their kind and where Convenor raised them, never their message.

An exception's message can quote what a person wrote (a header, a line of a reply, a title
read back by a template): logs carry no word a person wrote, at any level. The whole message
still goes where it belongs: the inbound record and the coordinators' notice.
"""
from __future__ import annotations

import traceback


def where_it_failed(exc: BaseException) -> str:
    """The error's kind and the last line of Convenor's own code it passed, e.g.
    "KeyError in render (render.py:41)". The messages Convenor writes itself for these errors name
    no text and are shown: the router's Quarantine reasons, settings errors (a failing password
    or token command names its setting)."""
    from convenor.settings import SettingsError
    from workflows.routing.router import Quarantine
    if isinstance(exc, (Quarantine, SettingsError)):
        return f"{type(exc).__name__}: {exc}"
    ours = [f for f in traceback.extract_tb(exc.__traceback__) if "/site-packages/" not in f.filename]
    if not ours:
        return type(exc).__name__
    frame = ours[-1]
    return f"{type(exc).__name__} in {frame.name} ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})"


def traceback_without_message(exc: BaseException) -> str:
    """The traceback's frames (files, lines, code) and the error's kind, without its message."""
    return "".join(traceback.format_tb(exc.__traceback__)) + type(exc).__name__
