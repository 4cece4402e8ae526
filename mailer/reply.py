"""The new text of a reply: what the member wrote, without quotes, forwarded headers or signature.

`extract_new_text` walks the body line by line (no regular expression ever sees more than one
short window of lines, so no input can make it backtrack for long) and keeps what the member
wrote above or between quotes. It knows:

- quoted lines (`>`), and attribution lines that introduce a quote, in several languages and
  wrapped over up to three lines ("On … wrote:", "Le … a écrit :", "Am … schrieb …:",
  "Den … skrev …:", "Op … schreef …:", "El … escribió:", "2022年1月1日(金) 9:00 … <…>:" …);
  after an attribution whose quote is not `>`-prefixed (Gmail, Apple Mail) everything is quote;
- Outlook and other clients' header blocks ("From: / Sent: / To: / Subject:", bold `*From:*`,
  "De : / Envoyé : / À : / Objet :", "Von:", "Van:", "Od:", "Fra:", "Från:" …) and separators
  ("-----Original Message-----", "Forwarded message", a rule of `_` or `-` above a header block);
- signatures: a "-- " line, "Sent from my iPhone"-like lines in several languages, "Get Outlook
  for iOS"; a rule of underscores (list footers, corporate signatures) and legal disclaimers
  end the new text; a gateway's "CAUTION: this email originated from outside…" banner above the
  text is dropped.

Bottom-posted and interleaved replies keep the member's lines: when an attribution followed by
`>` lines opens the message (or follows only a greeting), the unquoted lines between the quotes
are new text. After a top-posted answer, everything from the attribution down is quote.

A line ending with a colon that names a date, a time or an address right above a `>` quote is
an attribution in any language (`intro_before_quote`); GroupWise's ">>> … >>>" line ends the
text; Outlook's "[Name] comment" lines typed inside an unprefixed original are kept. Phone
sign-offs and legal notices are recognised in `mailer/sign_offs.py` (the multilingual "Sent
from my …" phrases of mail-parser-reply are reused there).
Neither mail-parser-reply nor email-reply-parser is run on the body itself: on the corpus each
mis-reads what this module gets right (French Outlook blocks, bottom posts, un-prefixed Gmail
quotes) and their multi-line regular expressions can backtrack on long lines.

What is kept, segment by segment, is `mailer/reply_segments.py`; the signature checks under the
text are `mailer/reply_signatures.py`; an original copied whole without `>`, `mailer/pasted_originals.py`.
"""
from __future__ import annotations

import re

from mailer.forward_blocks import is_forward_block
from mailer.line_ends import as_lf
from mailer.pasted_originals import letter_below_rule, text_under_original
from mailer.plain_lines import ANCHORED, PlainLines
from mailer.quote_headers import quote_starts, supercite_as_quote
from mailer.quote_markers import _WINDOW as _ATTRIBUTION_WINDOW
from mailer.quote_markers import (
    attribution_span,
    intro_before_quote,
    is_groupwise_header,
    loose_attribution,
)
from mailer.reply_lines import MAX_LINE, Lines, is_quoted
from mailer.reply_segments import ReplyText, _add_marked_comments, _Segments
from mailer.reply_signatures import (
    _DELIMITER,
    _SIG_DELIM,
    _UNDERSCORE_RULE,
    _ends_below,
    _looks_like_name,
    _motto_below,
    _next_nonblank,
    _roles_above_notice,
    _signature_after_closing,
    _signature_below,
    _signature_block,
)
from mailer.sign_offs import is_closing, is_disclaimer, is_phone_signature, names_device

MAX_CHARS = 200_000  # the new text is at the top; a body longer than this is read up to here
# lines of text (not blank, not `>`) read through the patterns: far more than anyone writes by hand
# (a long reply is ~100), and what bounds the work a crafted message can ask for (~6 µs a line).
# The text below them, and past MAX_CHARS, is not read: it comes back in `ReplyText.unread`
# (line ends as LF), never dropped.
MAX_LINES_READ = 600

_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){4,}")  # more than 3 blank lines read as 3 (the result keeps 3)
_LINE_ENDS = re.compile(r"\n{5,}")


def _shorten_blank_runs(text: str) -> str:
    """`_BLANK_RUN` replaced by four line ends. Each run of bare line ends in it is cut to five
    first (the pattern's group costs ~0.3 µs a line: 100,000 "\\r" took 30 ms): a run of five
    or more stays one, from the same line end to the same line end, so the result is the same.
    A match opens with a line end followed by a line end, a space or a tab: a text holding none
    of the three pairs has none (the pattern tried each line end: 44 M instructions for 200,000
    characters of one-letter lines)."""
    if "\n\n" not in text and "\n " not in text and "\n\t" not in text:
        return text
    if "\n\n\n\n\n" in text:  # (asked first: the pattern tries each line end, ~35 ns each)
        text = _LINE_ENDS.sub("\n\n\n\n\n", text)
    return _BLANK_RUN.sub("\n\n\n\n", text)


_BANNER = re.compile(
    r"originated from outside|external (?:sender|email|message)|\[external\]|caution: external"
    r"|provient de l'extérieur|provient d'un expéditeur externe|hors de votre organisation"
    r"|from outside (?:your|the|of) (?:organi[sz]ation|company)",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*+(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou"
    r"|cher|chère|chers|hallo|hola|hej|ciao)\b[^.?!]{0,40}[,!:]?\s*$",
    re.IGNORECASE,
)
_PLAIN = PlainLines(ANCHORED + (_GREETING,))  # the lines every check below would keep as the member's


def _clean(text: str) -> str:
    """The text with LF line ends, no BOM or NUL, NBSP as space (what every line read or kept gets)."""
    text = as_lf(text)
    return text.replace("\ufeff", "").replace("\x00", "").replace("\u00a0", " ")


def _normalise(text: str) -> str:
    """Return the text with LF line ends, no BOM or NUL, NBSP as space, capped at MAX_CHARS."""
    text = _clean((text or "")[:MAX_CHARS])
    if "=\n" in text and re.search(r"=[0-9A-F]{2}", text):
        # Quoted-printable that was never decoded: join its soft line breaks, or a wrapped
        # attribution ("w=" / "rote:") and cut words would be read as text of their own.
        text = re.sub(r"=\n", "", text)
    return supercite_as_quote(text)


def _quote_bar(head: str) -> bool:
    """True for a line quoted behind a "|" bar ("| Hello Anna,"), not a table row ("| a | b |")."""
    return head[:1] == "|" and not head.rstrip().endswith("|")


def _own_line_above_quote(lines: Lines, i: int, span: int) -> bool:
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


def _wrapped_quote_line(lines: Lines, i: int) -> bool:
    """True for an unquoted line squeezed between two quoted ones that continues the quote: a
    blank line, or the rest of a quoted line the client wrapped (the quoted line above is long
    and stops mid-sentence, or this line starts in lower case). A short answer under a quoted
    line that ends its sentence ("> Section 1 … respect." / "Yes.") is the member's."""
    if not (0 < i < lines.count - 1 and lines.quoted(i - 1) and lines.quoted(i + 1)):
        return False
    if lines.blank(i):
        return True
    line = lines[i]
    above = lines.raw[i - 1][:MAX_LINE].lstrip().lstrip(">").strip()
    if (line.stripped[:1] or line.raw.lstrip()[:1]).islower():  # its first character, however far in
        return True
    return len(above) >= WRAP_WIDTH and not above.endswith((".", "!", "?", ":", ";", "。", "！", "？"))


def _more_than(raw: list[str], i: int) -> bool:
    """True for a line of its own that opens with ">" and a figure (">50 people came"): "more
    than", not a quote, when no quoted line touches it and the line above introduces nothing
    (a one-line quote from a client that adds no space sits under its attribution's colon)."""
    line = raw[i]
    if not (line[:1] == ">" and line[1:2].isdigit()):
        return False
    above = raw[i - 1].rstrip() if i else ""
    below = raw[i + 1] if i + 1 < len(raw) else ""
    return not (above[:1] == ">" or below.lstrip()[:1] == ">" or above.endswith((":", "：")))


HEADER_BLOCK_LINES = 8  # a separator and the header fields above a quote: at most this many lines


def _quote_under_opening_block(lines: Lines, i: int) -> int | None:
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
    repeats one attribution above each of hundreds of quotes costs one check, not hundreds."""
    memo: dict[tuple[str, ...], int] = {}
    raw = lines.raw

    def span(i: int) -> int:
        key = tuple(line[:MAX_LINE] for line in raw[i:i + _ATTRIBUTION_WINDOW])
        found = memo.get(key)
        if found is None:
            found = memo[key] = attribution_span(lines, i)
        return found

    return span


def read_reply(text: str) -> ReplyText:
    """Return what the sender wrote in this reply, alone and interleaved with the quote.

    Promises: `new_text` is stripped, "" when they wrote nothing; quoted lines, attributions,
    forwarded header blocks and what follows an unprefixed quote, signatures after "-- ", phone
    signatures (and what follows them), list footers after a rule of underscores and
    disclaimers are left out; the member's own lines above, between or below `>` quotes are
    kept in order. An attribution that opens the message and is followed by unquoted text does
    not empty it: that text is read. Text with no quote at all comes back stripped. CRLF, a BOM
    and NULs are accepted; the work is linear in the size of the text, which is read up to
    MAX_CHARS characters and MAX_LINES_READ lines of text (what lies below them comes back as
    written in `unread`, quotes and all). `interleaved`: see ReplyText.
    `rest` is the text from the line where the reading stopped at a quote, a forwarded message
    or a signature (after a phone's sign-off: the line below it), "" when it read to the end.
    `attributed` is True when an attribution line ("On … wrote:", "Anna wrote:" above a `>`
    quote) was met: a mail program's reply quoting the message it answers.
    """
    return _read_reply(text, _PLAIN)


def _read_reply(text: str, plain: PlainLines | None) -> ReplyText:
    """`read_reply`; each line of prose that `plain` finds plain is kept without the checks (None:
    every line goes through them, as the test of the shortcut compares)."""
    beyond = (text or "")[MAX_CHARS:]  # not read: kept with the unread text when the reading got there
    raw = _shorten_blank_runs(_normalise(text)).split("\n")
    lines = Lines(raw)  # each line's forms computed once, shared by every check below
    span_at = remembered_spans(lines)
    plain_seen: dict[str, bool] = {}  # is_plain of each line text met (it reads the text alone): once
    seg = _Segments()
    i = read = 0
    stop = unread = None
    attributed = False
    count = len(raw)
    while i < count:
        text = raw[i]  # blank and quoted lines are told from the string: no Line is made for them
        if not text or text.isspace():  # no pattern below matches a blank line: one test is enough
            end = i + 1
            while end < count and (not raw[end] or raw[end].isspace()):
                end += 1
            if end > i + 1:  # a run of blank lines: none of them lies between two quoted lines
                seg.own_blanks(end - i)
            elif _wrapped_quote_line(lines, i):
                seg.quote(">")
            else:
                seg.own("", False)
            i = end
            continue
        head = text[:MAX_LINE]
        if is_quoted(head) and not _more_than(raw, i):
            if seg.has_text and is_groupwise_header(lines[i]):
                stop = i  # ">>> Jan <jan@…> 2/3/2025 10:00 AM >>>" above the original, unprefixed
                break
            run = i + 1  # the lines after it that open with ">" are quoted too: taken at once
            while run < count and raw[run][:1] == ">":
                run += 1
            seg.quote(head, *raw[i + 1:run])
            i = run
            continue
        if (plain is not None and seg.meaningful
                and (plain_seen[text] if text in plain_seen else plain_seen.setdefault(text, plain.is_plain(text)))
                and not (0 < i < count - 1 and is_quoted(raw[i - 1]) and is_quoted(raw[i + 1]))):
            read += 1  # a line of prose (not above the text: a banner; not inside a quote: wrapped)
            if read > MAX_LINES_READ:
                unread = i
                break
            seg.own(text, False)  # what every check below would do with it (mailer/plain_lines.py)
            i += 1
            continue
        read += 1
        if read > MAX_LINES_READ:  # no member writes this much by hand: the rest is kept unread
            unread = i
            break
        span = span_at(i)
        if span:
            attributed = True
            if seg.closing_greeting is not None:
                seg.drop_closing_greeting()
            if i + span < count and is_quoted(raw[i + span]):
                i += span  # the quote right below it: the member's own lines may follow it (interleaved)
                continue
            after = _next_nonblank(lines, i + span)
            if after is not None and lines.quoted(after):
                i += span  # the member's own lines may follow the quote (interleaved)
                continue
            if not seg.has_text:
                i += span  # an attribution on top of unquoted text: that text is the reply
                continue
            stop = i
            break
        line = lines[i]  # (made after the attribution check: a repeated attribution needs none)
        if loose_attribution(line):
            after = _next_nonblank(lines, i + 1, 3)
            if after is not None and lines.quoted(after):
                attributed = True
                i += 1  # "Anna wrote:" right above a `>` quote introduces it
                continue
            if seg.has_text and after is not None and _quote_bar(lines[after].head):
                attributed = True
                stop = i  # "Anna wrote:" above lines behind a "|" bar (a webmail's quote): the rest is quote
                break
        span = intro_before_quote(lines, i)
        if span and not (seg.meaningful and _own_line_above_quote(lines, i, span)):
            attributed = True
            seg.drop_closing_greeting()
            i += span  # "<date> … <name> <verb of any language>:" right above a `>` quote
            continue
        # a line holding a letter is no rule nor "-- " (the patterns below are tried on symbols only)
        if quote_starts(lines, i) or (not line.letter and (_SIG_DELIM.match(head) or _UNDERSCORE_RULE.match(head))):
            below = _quote_under_opening_block(lines, i) if not seg.has_text else None
            if below is not None:
                attributed = True
                i = below  # "-----Original Message----- / From: …" opening the message above a `>` quote:
                continue  # the member answers under or between the quoted lines (Outlook Express)
            under = text_under_original(lines, i) if not (seg.has_text or attributed) else None
            if under is not None:  # opening the message over the original unprefixed: she wrote under its signature
                attributed, i = True, under
                continue
            stop = i
            break
        if seg.has_text and is_disclaimer(line):
            stop = i
            break
        if (seg.has_text and not line.letter and _DELIMITER.match(head)
                and (_signature_below(lines, i) or letter_below_rule(lines, i, _GREETING))):
            stop = i  # "----" above a name, a role and a phone number (a signature), or above "Hello Member," (a pasted letter)
            break
        if is_phone_signature(line) or (seg.has_text and names_device(line) and _ends_below(lines, i)):
            if seg.has_text:
                stop = i + 1
                break  # what follows a phone's sign-off is the quote or the phone's footer
            i += 1
            continue
        if not seg.meaningful and line.letter and _BANNER.search(head):
            i += 1
            continue
        if _wrapped_quote_line(lines, i):
            seg.quote("> " + head)
            i += 1
            continue
        closing = is_closing(line) if seg.has_text else False
        after = _signature_after_closing(lines, i) if closing else None
        if after:
            for kept in raw[i:i + 1 + after[0]]:  # "Best regards" / "Jürgen" stay, the block goes
                seg.own(kept.rstrip(), False)
            stop = after[1]
            break
        if (seg.has_text and not closing and seg.kept and not seg.kept[-1].strip()
                and _looks_like_name(line.stripped) and (_signature_block(lines, i) or _motto_below(lines, i))):
            stop = i  # a name, a role, a phone number under the text, no "-- ": an e-mail signature
            break
        if (seg.has_text and not closing and seg.kept and not seg.kept[-1].strip()
                and _looks_like_name(line.stripped) and _roles_above_notice(lines, i + 1)):
            seg.own(line.raw.rstrip(), False)  # the name stays, as under a closing formula;
            stop = i + 1  # its role and organisation above a legal notice go with the notice
            break
        seg.own(line.raw.rstrip(), bool(line.letter and _GREETING.match(head)))
        i += 1
    if stop is not None:
        while seg.kept and (not seg.kept[-1].strip() or _DELIMITER.match(seg.kept[-1])):
            seg.kept.pop()  # a rule the client draws above the quote it cut at ends nothing the member wrote
    result = seg.result()
    result.attributed = attributed
    last = next((line for line in reversed(raw) if line.strip()), "")
    if unread is not None or (stop is None and beyond and not is_quoted(last)):  # not a quote going on
        tail = "\n".join(raw[unread:]) if unread is not None else ""
        result.unread = (tail + _clean(beyond)).strip()
    if stop is not None:
        result.rest = "\n".join(raw[stop:]).strip()
        _add_marked_comments(result, raw[stop:stop + MAX_LINES_READ])
    return result


def extract_new_text(text: str) -> str:
    """Return what the sender wrote in this reply, stripped; "" when they wrote nothing (see
    `read_reply` for what is left out)."""
    return read_reply(text).new_text


def without_own_address(reply: ReplyText, sender: str) -> ReplyText:
    """The reply without its last line when that line is the sender's own address alone under the
    text (Foxmail and QQ Mail sign with it): a signature, not the member's words. A line above it
    that ends with a colon ("My address:") makes it the member's; so does a reply of that line alone."""
    text = reply.new_text
    cut = text.rfind("\n")
    if not sender or cut < 0 or text[cut + 1:].strip().strip("<>").lower() != sender.lower():
        return reply
    above = text[:cut].rstrip()
    if not above or above.endswith((":", "：")):
        return reply
    reply.new_text = above
    return reply
