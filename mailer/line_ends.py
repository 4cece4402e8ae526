"""Line ends made LF, as `text.replace("\\r\\n", "\\n").replace("\\r", "\\n")` makes them, without
its cost on short lines.

`str.replace` pays about 190 instructions for each match it replaces (it looks for each one
again), so a text of one-letter lines costs ~70 instructions a character: 58 M for the 800 KB a
1 MB reply of "a" lines leaves past the reader's MAX_CHARS. When a text's first lines are that
short, its CRs are dropped as bytes (`bytes.translate`, ~12 instructions a character), but only
when every CR ends a line (as many CRs as CRLFs; a CR as the last character becomes LF), where
dropping each CR is what the two replacements do. Anything else (a bare CR, a text not ASCII,
longer lines, where the replacements cost less) goes through the replacements themselves.

A text of few CRs (one a _FEW characters at most: long lines, a body of one line) goes the other
way: each CR is found by `str.find` of that one character (memchr, a few hundredths of a
nanosecond a character) and the text copied around it, where each replacement's search for
"\r\n" steps at most three characters at a time (~1 ns a character: 0.2 ms for a 100 KB line).
"""
from __future__ import annotations

_PROBE = 512  # the first characters, whose line ends tell how short the lines are
_SHORT = 32  # line ends in them from which the bytes' way is cheaper (lines under 16 characters)
_FEW = 512  # characters a CR at least, from which each CR is found on its own


def as_lf(text: str) -> str:
    """`text` with CRLF and lone CR as LF: exactly `text.replace("\\r\\n", "\\n").replace("\\r", "\\n")`."""
    if "\r" not in text:
        return text
    if len(text) >= _FEW and text.count("\r", 0, 4 * _FEW) <= 4:  # no more in the first lines either
        few = _few_crs_as_lf(text, len(text) // _FEW)
        if few is not None:
            return few
    if len(text) > 2 * _PROBE and text.isascii() and text.count("\r\n", 0, _PROBE) > _SHORT:
        data = text.encode("ascii")
        dropped = data.translate(None, b"\r")
        bare = len(data) - len(dropped) - data.count(b"\r\n")  # the CRs not followed by LF
        if bare == 0:
            return dropped.decode("ascii")
        if bare == 1 and data[-1:] == b"\r":  # the last character only (a text cut inside a CRLF)
            return dropped.decode("ascii") + "\n"
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _few_crs_as_lf(text: str, most: int) -> str | None:
    """`as_lf` found CR by CR: a CR followed by LF is dropped (the LF kept), any other CR made LF,
    which is what the two replacements do (the first takes every CR that an LF follows, as the
    pattern's one CR cannot overlap another match; the second every CR left). None past `most`
    CRs (the search given up there costs a few instructions a character read)."""
    out, i = [], 0
    while (j := text.find("\r", i)) >= 0:
        most -= 1
        if most < 0:
            return None
        out.append(text[i:j])
        out.append("\n")
        i = j + 2 if text.startswith("\n", j + 1) else j + 1
    out.append(text[i:])
    return "".join(out)
