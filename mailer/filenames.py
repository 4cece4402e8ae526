"""File names that came in mail, made safe to store, show in a message and write to disk.

A member's attachment may be named with line breaks (RFC 2231 `notes%0D%0A.pdf`), other control
characters, right-to-left overrides that make `exe.pdf` read as `fdp.exe`, path separators, or
hundreds of characters. `clean_filename` keeps what a person would recognise and the extension.
"""
from __future__ import annotations

import re
import unicodedata

MAX_FILENAME = 150  # characters; a file system allows 255 bytes, and names are combined with others
_UNSAFE = re.compile(r"[\\/:*?\"<>|]+")
_SPACES = re.compile(r"\s+")


def _visible(ch: str) -> bool:
    """False for control, format (bidi overrides, zero-width), surrogate, private-use and unassigned
    characters."""
    return unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")


def clean_filename(name: str | None, default: str = "attachment", limit: int = MAX_FILENAME) -> str:
    """Return `name` without control or bidi characters and path separators, spaces collapsed,
    at most `limit` characters with the extension kept, never empty, never "." or ".."."""
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(ch if _visible(ch) else " " for ch in text)
    text = _SPACES.sub(" ", _UNSAFE.sub("_", text)).strip(" .")
    if not text:
        return default
    if len(text) > limit:
        stem, dot, ext = text.rpartition(".")
        if dot and stem and 0 < len(ext) <= 16:
            text = stem[: limit - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            text = text[:limit].rstrip(" .")
    return text or default
