"""A reply's body made fit to be read line by line (split from `mailer.reply`, which reads it):
LF line ends, no BOM or NUL, NBSP as space, quoted-printable soft breaks that were never decoded
joined, Supercite quotes and SquirrelMail's '<quote who=…>' as `>` quotes, long runs of blank
lines shortened, and the body capped at MAX_CHARS characters."""
from __future__ import annotations

import re

from mailer.line_ends import as_lf
from mailer.quote_prefixes import quote_who_as_quote, supercite_as_quote

MAX_CHARS = 200_000  # the new text is at the top; a body longer than this is read up to here

_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){4,}")  # more than 3 blank lines read as 3 (the result keeps 3)
_LINE_ENDS = re.compile(r"\n{5,}")

def shorten_blank_runs(text: str) -> str:
    """`_BLANK_RUN` replaced by four line ends. Each run of bare line ends in it is cut to five
    first (the pattern's group costs ~0.3 µs a line: 100,000 "\\r" took 30 ms): a run of five
    or more stays one, from the same line end to the same line end, so the result is the same.
    A match opens with a line end followed by a line end, a space or a tab: a text holding none
    of the three pairs has none (the pattern tried each line end: 44 M instructions for 200,000
    characters of one-letter lines)."""
    if "\n\n" not in text and "\n " not in text and "\n\t" not in text:
        return text
    # a match is five line ends with nothing but spaces and tabs between them: none when the text
    # without its spaces and tabs holds no five in a row (UTF-8 writes no other character with
    # those bytes). The pattern read each indent through its set: 4.5 M instructions for 100 KB
    # of lines indented by 400 tabs.
    if b"\n\n\n\n\n" not in text.encode("utf-8", "surrogatepass").translate(None, b" \t"):
        return text
    if "\n\n\n\n\n" in text:  # (asked first: the pattern tries each line end, ~35 ns each)
        text = _LINE_ENDS.sub("\n\n\n\n\n", text)
    return _BLANK_RUN.sub("\n\n\n\n", text)

def clean_text(text: str) -> str:
    """The text with LF line ends, no BOM or NUL, NBSP as space (what every line read or kept gets)."""
    text = as_lf(text)
    return text.replace("\ufeff", "").replace("\x00", "").replace("\u00a0", " ")

# the bytes of "0-9A-F" as 1 (and 1 as 2) in a text's UTF-8: "=" and two hex digits are "=\x01\x01" there
_HEX_AS_ONE = bytes(1 if chr(b) in "0123456789ABCDEF" else 2 if b == 1 else b for b in range(256))


def _escaped_byte(text: str) -> bool:
    """`re.search(r"=[0-9A-F]{2}", text)`: a quoted-printable escape ("=C3"). Looked for as bytes,
    each hex digit made one byte value (UTF-8 writes those bytes for those characters only): the
    pattern was tried at each "=" (100 KB of lines of "=" above their line ends: ~13 M instructions)."""
    return b"=\x01\x01" in text.encode("utf-8", "surrogatepass").translate(_HEX_AS_ONE)


def normalised_text(text: str) -> str:
    """Return the text with LF line ends, no BOM or NUL, NBSP as space, capped at MAX_CHARS."""
    text = clean_text((text or "")[:MAX_CHARS])
    if "=\n" in text and _escaped_byte(text):
        # Quoted-printable that was never decoded: join its soft line breaks, or a wrapped
        # attribution ("w=" / "rote:") and cut words would be read as text of their own.
        text = re.sub(r"=\n", "", text)
    return quote_who_as_quote(supercite_as_quote(fullwidth_quote_as_quote(text)))


FULLWIDTH_RUN = 3  # lines in a row opening with "＞": a quote, where one or two are her own marks


def fullwidth_quote_as_quote(text: str) -> str:
    """The text with the fullwidth "＞" that opens each line of a run of FULLWIDTH_RUN lines or more
    (blank lines inside it count as its own) written as ">": a Japanese or Chinese quote typed or
    set with the fullwidth sign. One or two lines opening with "＞" ("＞ 重要：集合は10時") are the
    member's own and stay as written. Linear: each line looked at once."""
    if "＞" not in text:
        return text
    lines = text.split("\n")
    marked = [line[:1] == "＞" for line in lines]
    start = None
    for k in range(len(lines) + 1):
        if k < len(lines) and (marked[k] or (start is not None and not lines[k].strip())):
            if start is None:
                start = k
            continue
        if start is not None:
            end = k
            while end > start and not marked[end - 1]:
                end -= 1  # blank lines after the run are not part of it
            if sum(marked[start:end]) >= FULLWIDTH_RUN:
                for j in range(start, end):
                    if marked[j]:
                        lines[j] = ">" + lines[j][1:]
            start = None
    return "\n".join(lines)
