"""RFC 3676 `format=flowed` text: soft line breaks joined, as the client that wrote it meant.

Thunderbird, Apple Mail and many webmails send plain text as flowed: a line that ends with a
space goes on in the next line (with `delsp=yes` that space is not part of the text either), a
leading space was added to lines starting with a space, ">" or "From ". Python's email package
does not undo it, so a paragraph the member wrote on one line would come out cut in two.
Written by hand: the rules are a few lines and no maintained library applies them on text.
"""
from __future__ import annotations

SIGNATURE = "-- "


def unflow(text: str, delsp: bool = False) -> str:
    """Return the text with its flowed lines joined (RFC 3676 section 4).

    Promises: a line ending with a space is joined to the next one of the same quote depth
    (its trailing space dropped when `delsp`); quoted lines keep one ">" per level and a space;
    the signature separator "-- " is never joined; one leading space of space-stuffed lines is
    removed. Linear in the size of the text; never raises.
    """
    out: list[str] = []
    pending: list[str] = []  # the pieces of the paragraph being joined
    pending_depth = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        if body.startswith(" "):
            body = body[1:]  # space-stuffing (and the space after the quote marks)
        if pending and depth != pending_depth:
            out.append(_line(pending_depth, "".join(pending)))
            pending = []
        soft = body.endswith(" ") and body != SIGNATURE
        if soft:
            pending.append(body[:-1] if delsp else body)
            pending_depth = depth
            continue
        pending.append(body)
        out.append(_line(depth, "".join(pending)))
        pending = []
    if pending:
        out.append(_line(pending_depth, "".join(pending)))
    return "\n".join(out)


def _line(depth: int, body: str) -> str:
    return (">" * depth + " " + body) if depth and body else (">" * depth + body)
