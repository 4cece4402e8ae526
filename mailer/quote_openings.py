"""Where the quoted message opens under a line of a reply (split from `reply_signatures`, whose
checks ask it under each signature they try): whether a line opens the quote (an attribution, a
separator or header block, a dated line ending with a colon above a `>` quote), whether nothing of
the member's follows a line, whether her words come back under a quote, and the next line that is
not blank. Each reads a bounded window of lines, and `_opens_quote` is worked out once a line.
"""
from __future__ import annotations

from mailer.quote_headers import quote_starts
from mailer.quote_markers import attribution_span, intro_before_quote
from mailer.reply_lines import Lines


def _ends_below(lines: Lines, i: int) -> bool:
    """True when nothing of the member's follows line i: within the next 6 lines the text ends,
    or a quote, an attribution or a forwarded message starts."""
    j = _next_nonblank(lines, i + 1, 6)
    if j is None:
        return i + 7 >= len(lines)
    return lines.quoted(j) or _opens_quote(lines, j)


def _opens_quote(lines: Lines, j: int) -> bool:
    """True when line j opens the quoted message under a signature: an attribution (one the
    verbs name, or any dated line ending with a colon right above a `>` quote, whatever its
    language: `intro_before_quote`) or a separator or header block. Reads lines j to j+12, once
    for each j of a reading (`Lines.opens_quote`: the checks under each rule of a run of rules
    ask it of the same lines)."""
    known = lines.opens_quote.get(j)
    if known is None:
        line = lines[j]  # (a line without a letter or a figure is no attribution: only quote_starts is asked)
        known = lines.opens_quote[j] = ((line.clean_letter_or_digit and bool(attribution_span(lines, j)))
                                        or quote_starts(lines, j)
                                        or (line.clean_letter_or_digit and bool(intro_before_quote(lines, j))))
    return known


def _quote_at(lines: Lines, j: int) -> bool:
    """True when line j is quoted or opens the quoted message (`_opens_quote`)."""
    return lines.quoted(j) or _opens_quote(lines, j)


def _next_nonblank(lines: Lines, i: int, limit: int = 50) -> int | None:
    """The first non-blank line from i, looking at most `limit` lines ahead."""
    raw = lines.raw
    for j in range(i, min(lines.count, i + limit)):
        text = raw[j]
        if text and not text.isspace():  # (`lines.blank(j)`, without a call a line)
            return j
    return None


HERS_BELOW_LINES = 400  # lines looked at under a device line for her words past the quote


def hers_below_quote(lines: Lines, i: int) -> bool:
    """True when, under line i, a quote (quoted lines or an attribution) is followed by an unquoted
    line of hers: an answer under the quote or between its questions. Reads at most HERS_BELOW_LINES
    lines; the caller asks it only of a rare line (the Turkish device line), once each."""
    j, end, seen_quote = i + 1, min(len(lines), i + 1 + HERS_BELOW_LINES), False
    while j < end:
        if lines.blank(j) or lines.quoted(j):
            seen_quote = seen_quote or lines.quoted(j)
            j += 1
            continue
        span = attribution_span(lines, j)
        if span:
            seen_quote, j = True, j + span
            continue
        return seen_quote
    return False
