"""Line ends made LF, as `text.replace("\\r\\n", "\\n").replace("\\r", "\\n")` makes them, without
its cost on short lines.

`str.replace` pays about 190 instructions for each match it replaces (it looks for each one
again), so a text of one-letter lines costs ~70 instructions a character: 58 M for the 800 KB a
1 MB reply of "a" lines leaves past the reader's MAX_CHARS. When a text's first lines are that
short, its CRs are dropped as bytes (`bytes.translate`, ~12 instructions a character), but only
when every CR ends a line (as many CRs as CRLFs; a CR as the last character becomes LF), where
dropping each CR is what the two replacements do. Anything else (a bare CR, a text not ASCII,
longer lines, where the replacements cost less) goes through the replacements themselves.
"""
from __future__ import annotations

_PROBE = 512  # the first characters, whose line ends tell how short the lines are
_SHORT = 32  # line ends in them from which the bytes' way is cheaper (lines under 16 characters)


def as_lf(text: str) -> str:
    """`text` with CRLF and lone CR as LF: exactly `text.replace("\\r\\n", "\\n").replace("\\r", "\\n")`."""
    if "\r" not in text:
        return text
    if len(text) > 2 * _PROBE and text.isascii() and text.count("\r\n", 0, _PROBE) > _SHORT:
        data = text.encode("ascii")
        dropped = data.translate(None, b"\r")
        bare = len(data) - len(dropped) - data.count(b"\r\n")  # the CRs not followed by LF
        if bare == 0:
            return dropped.decode("ascii")
        if bare == 1 and data[-1:] == b"\r":  # the last character only (a text cut inside a CRLF)
            return dropped.decode("ascii") + "\n"
    return text.replace("\r\n", "\n").replace("\r", "\n")
