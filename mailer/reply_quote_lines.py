"""Which lines around a `>` quote belong to it (split from `mailer.reply`, which reads the reply):
a line behind a "|" bar, a wrapped quoted line the client broke, ">50" that means "more than", a
dated line of the member's own above a quote, the quote under an opening header block, and each
attribution window asked once."""
from __future__ import annotations

from mailer.forward_blocks import is_forward_block
from mailer.legal_notices import is_disclaimer
from mailer.quote_headers import quote_starts
from mailer.quote_markers import _WINDOW as _ATTRIBUTION_WINDOW
from mailer.quote_markers import attribution_span, may_open_attribution
from mailer.quote_openings import _next_nonblank
from mailer.reply_lines import MAX_LINE, Lines, holds_letter_or_digit, is_quoted
from mailer.reply_signatures import _SIG_DELIM, _UNDERSCORE_RULE
from mailer.sign_offs import is_phone_signature


def quoted_behind_bar(head: str) -> bool:
    """True for a line quoted behind a "|" bar ("| Hello Anna,"), not a table row ("| a | b |")."""
    return head[:1] == "|" and not head.rstrip().endswith("|")


def own_line_above_quote(lines: Lines, i: int, span: int) -> bool:
    """True when the dated line ending with a colon at line i (`intro_before_quote`) is the
    member's own ("My notes of 3 February:") rather than an attribution: it names no address,
    and the member's text goes on below the quote it introduces (an inline answer), which an
    attribution of a top-posted reply never has."""
    if any("@" in lines[k].head for k in range(i, i + span)):
        return False
    k = i + span
    while k < len(lines) and k < i + span + 400 and (lines.blank(k) or lines.quoted(k)):
        k += 1
    if k >= len(lines) or k >= i + span + 400:
        return False
    below = lines[k]
    return not (_SIG_DELIM.match(below.head) or _UNDERSCORE_RULE.match(below.head) or is_disclaimer(below)
                or quote_starts(lines, k) or attribution_span(lines, k) or is_phone_signature(below))


WRAP_WIDTH = 60  # a quoted line at least this long may have been wrapped by the client


def wrapped_quote_line(lines: Lines, i: int) -> bool:
    """True for an unquoted line squeezed between two quoted ones that continues the quote: a
    blank line, or the rest of a quoted line the client wrapped (the quoted line above is long
    and stops mid-sentence, or this line starts in lower case). A short answer under a quoted
    line that ends its sentence ("> Section 1 … respect." / "Yes.") is the member's."""
    if not (0 < i < lines.count - 1 and is_quoted(lines.raw[i - 1]) and is_quoted(lines.raw[i + 1])):
        return False  # (`lines.quoted`, without a call a line)
    if lines.blank(i):
        return True
    line = lines[i]
    above = lines.raw[i - 1][:MAX_LINE].lstrip().lstrip(">").strip()
    if (line.stripped[:1] or line.raw.lstrip()[:1]).islower():  # its first character, however far in
        return True
    return len(above) >= WRAP_WIDTH and not above.endswith((".", "!", "?", ":", ";", "。", "！", "？"))


def more_than_figure(raw: list[str], i: int) -> bool:
    """True for a line of its own that opens with ">" and is no quote: a figure (">50 people
    came": "more than") or arrows framing a word (">>> Sunday <<< is great": emphasis), when no
    quoted line touches it and the line above introduces nothing (a one-line quote from a client
    that adds no space sits under its attribution's colon)."""
    line = raw[i]
    figure = line[1:2].isdigit()
    if not (line[:1] == ">" and (figure or framed_by_arrows(line))):
        return False
    above = raw[i - 1].rstrip() if i else ""
    below = raw[i + 1] if i + 1 < len(raw) else ""
    if above[:1] == ">" or below.lstrip()[:1] == ">" or above.endswith((":", "：")):
        return False
    return figure or not _quote_across_blank(raw, i)


def _quote_across_blank(raw: list[str], i: int) -> bool:
    """True when a blank line or two part line i from a quoted line, above or below, or from an
    attribution's line above (ending with a colon and naming a date, a time or an address): a
    client that leaves a quote's blank lines unprefixed (her "Remember:" above stays hers)."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(raw) and abs(j - i) <= 3 and not raw[j].strip():
            j += step
        if j == i + step or not 0 <= j < len(raw) or abs(j - i) > 3:
            continue  # touching lines were asked by the caller
        near = raw[j][:MAX_LINE].strip()
        if near[:1] == ">" or (step < 0 and near.endswith((":", "：")) and any(c.isdigit() or c == "@" for c in near)):
            return True
    return False


def framed_by_arrows(line: str) -> bool:
    """True for a line opening with three or more ">" and a space whose words are closed by as
    many "<" after a space (">>> Sunday <<<", ">>>> NEW DATE <<<<"): arrows pointing at a word,
    which a quote's marks never mirror. Reads the first MAX_LINE characters, no pattern."""
    head = line[:MAX_LINE]
    marks = len(head) - len(head.lstrip(">"))
    if marks < 3 or head[marks:marks + 1] != " ":
        return False
    close = " " + "<" * marks
    end = head.find(close, marks + 1)
    return (end > marks + 1 and head[end + len(close):end + len(close) + 1] != "<"
            and holds_letter_or_digit(head[marks:end]))


HEADER_BLOCK_LINES = 8  # a separator and the header fields above a quote: at most this many lines


def quote_under_opening_block(lines: Lines, i: int) -> int | None:
    """The line of the `>` quote right under the header block (a separator, "From: / Sent: / To: /
    Subject:") that starts at line i, when blank lines alone lie between them; None when the
    block goes on longer than HEADER_BLOCK_LINES lines, or unquoted text follows it (the original
    unprefixed: everything under the block is quote). A forwarded message's block is never one:
    what follows it is the forwarded message, quotes and all (`is_forward_block`). Reads at most
    20 lines."""
    j = i
    while j < lines.count and j < i + HEADER_BLOCK_LINES and not lines.blank(j) and not lines.quoted(j):
        j += 1
    if is_forward_block([line[:MAX_LINE] for line in lines.raw[i:j]]):
        return None
    k = _next_nonblank(lines, j, 12)
    return k if k is not None and lines.quoted(k) else None


def remembered_spans(lines: Lines):
    """`attribution_span(lines, i)` as a function of i, asked once for each window of lines it
    reads (lines i to i+2, each up to MAX_LINE characters: its promise): a crafted message that
    repeats one attribution above each of hundreds of quotes costs one check, not hundreds. A line
    no attribution may open with (`may_open_attribution`, its text alone) is answered at once."""
    memo: dict[tuple[str, ...], int] = {}
    raw = lines.raw

    def span(i: int) -> int:
        if not may_open_attribution(lines[i]):
            return 0
        window = raw[i:i + _ATTRIBUTION_WINDOW]
        key = (tuple(window) if max(map(len, window)) <= MAX_LINE
               else tuple(line[:MAX_LINE] for line in window))
        found = memo.get(key)
        if found is None:
            found = memo[key] = attribution_span(lines, i)
        return found

    return span

