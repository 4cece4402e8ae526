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
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mailer.quote_headers import quote_starts, supercite_as_quote
from mailer.quote_markers import (
    attribution_span,
    intro_before_quote,
    is_groupwise_header,
    loose_attribution,
)
from mailer.reply_lines import MAX_LINE, Lines, is_quoted
from mailer.sign_offs import gives_contact, is_closing, is_disclaimer, is_phone_signature, names_device

MAX_CHARS = 200_000  # the new text is at the top; a body longer than this is read up to here
MAX_LINES_READ = 1_500  # lines of text (not blank, not `>`) read through the patterns; the rest is not read

_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){4,}")  # more than 3 blank lines read as 3 (the result keeps 3)
_UNDERSCORE_RULE = re.compile(r"^\s*+_{5,}\s*$")
_SIG_DELIM = re.compile(r"^(?:--|-- |—|\\--)\s*$")  # html2text writes "-- " as "\--"


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


def _normalise(text: str) -> str:
    """Return the text with LF line ends, no BOM or NUL, NBSP as space, capped at MAX_CHARS."""
    text = (text or "")[:MAX_CHARS]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\x00", "").replace("\u00a0", " ")
    if re.search(r"=[0-9A-F]{2}", text) and "=\n" in text:
        # Quoted-printable that was never decoded: join its soft line breaks, or a wrapped
        # attribution ("w=" / "rote:") and cut words would be read as text of their own.
        text = re.sub(r"=\n", "", text)
    return supercite_as_quote(text)




_DELIMITER = re.compile(r"^\s*+[-_=~*#]{3,}\s*$")
SIGNATURE_LINES = 8  # a signature block under a delimiter line has at most this many lines
SIGNATURE_WIDTH = 80
SIGNATURE_WORDS = 8  # a signature line under a closing formula: a name, a role, a phone, an address
_POSTSCRIPT = re.compile(r"^p\.?\s?s\.?\b", re.IGNORECASE)


def _signature_below(lines: Lines, i: int) -> bool:
    """True when the lines under the delimiter at line i are a signature block: at most
    SIGNATURE_LINES short lines, then the end of the text, a quote or an attribution (a name,
    a role, a phone number), not more of the member's prose. Reads at most 12 lines."""
    count = 0
    for j in range(i + 1, min(lines.count, i + 13)):
        line = lines[j].stripped
        if not line:
            continue
        if count == 0 and len(line) > SIGNATURE_WIDTH:
            return False  # what the checks below would say either way, without reading the line
        if line[0] == ">" or attribution_span(lines, j) or quote_starts(lines, j):
            return count > 0
        count += 1
        if count > SIGNATURE_LINES or len(line) > SIGNATURE_WIDTH or (len(line) > 40 and line.endswith((".", "?", "!"))):
            return False
    return count > 0 and lines.count <= i + 13


def _ends_below(lines: Lines, i: int) -> bool:
    """True when nothing of the member's follows line i: within the next 6 lines the text ends,
    or a quote, an attribution or a forwarded message starts."""
    j = _next_nonblank(lines, i + 1, 6)
    if j is None:
        return i + 7 >= len(lines)
    return lines.quoted(j) or bool(attribution_span(lines, j)) or quote_starts(lines, j)


def _signature_block(lines: Lines, start: int) -> bool:
    """True when the lines from `start` to the end of the text, a quote or an attribution are a
    signature block: at most SIGNATURE_LINES short lines of at most SIGNATURE_WORDS words (a
    name, a role, an organisation), one of them a phone number, a web or mail address; no
    sentence, no "PS:". Reads at most 14 lines."""
    count, contact = 0, False
    for j in range(start, min(len(lines), start + 14)):
        if lines.blank(j):
            continue
        if lines.quoted(j) or attribution_span(lines, j) or quote_starts(lines, j) or _UNDERSCORE_RULE.match(lines[j].head):
            break
        line = lines[j].stripped
        count += 1
        contact = contact or gives_contact(lines[j])
        if (count > SIGNATURE_LINES or len(line) > SIGNATURE_WIDTH or line.endswith(("?", "!"))
                or sum(1 for w in line.split() if not w.isascii() or any(c.isalpha() for c in w)) > SIGNATURE_WORDS
                or _POSTSCRIPT.match(line)):
            return False  # a sentence or a "PS: call me on …" is the member's, not a signature
    else:
        if len(lines) > start + 14:
            return False
    return count > 0 and contact


_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*|de|da|di|do|dos|van|von|der|den|la|le|al|el|bin|ben|ter)$")


def _looks_like_name(text: str) -> bool:
    """True for a person's name alone on a line: two to four words, each capitalised (or a
    particle: "van", "de", "al"), no figure, no sentence punctuation at the end."""
    words = text.split()
    return (2 <= len(words) <= 4 and len(text) <= 40 and not text.endswith((".", ",", ":", ";", "?", "!"))
            and all(_NAME_WORD.match(w) for w in words) and sum(w[:1].isupper() for w in words) >= 2)


_MOTTO = re.compile(r'^(?:"[^"]{3,200}"|“[^“”]{3,200}”|«[^«»]{3,200}»|„[^„“”]{3,200}[“”])(?:\s*[-—–~]\s*[^\W\d_][\w .\'’-]{0,40})?$')


def _motto_below(lines: Lines, i: int) -> bool:
    """True when the name at line i (every word capitalised) has under it only a saying in
    quotation marks (and its author), then the text ends or a phone's sign-off, a quote or an
    attribution follows, and the text above does not end with a colon: a signature with a motto,
    no "-- "."""
    j, above = i + 1, next((lines[p].stripped for p in range(i - 1, max(i - 4, -1), -1) if not lines.blank(p)), "")
    if above.endswith(":"):
        return False  # "What she said at the meeting:" then a name and her words: the member's
    if not (all(w[:1].isupper() or w in ("de", "da", "van", "von", "al", "el") for w in lines[i].stripped.split())
            and j < len(lines) and _MOTTO.match(lines[j].stripped)):
        return False
    k = _next_nonblank(lines, j + 1, 3)
    if k is None:
        return j + 4 >= len(lines)
    return lines.quoted(k) or bool(attribution_span(lines, k)) or quote_starts(lines, k) \
        or is_phone_signature(lines[k]) or bool(_SIG_DELIM.match(lines[k].head))


def _signature_after_closing(lines: Lines, i: int) -> tuple[int, int] | None:
    """(lines kept after the closing formula at line i: 0 or its name line, where the signature
    block starts) when a signature block (`_signature_block`) follows it; None when prose or
    nothing follows."""
    name = lines[i + 1].stripped if i + 1 < len(lines) and not lines.quoted(i + 1) else ""
    kept = 1 if (name and len(name) <= 40 and len(name.split()) <= 4 and not any(c.isdigit() for c in name)
                 and "@" not in name) else 0
    return (kept, i + 1 + kept) if _signature_block(lines, i + 1 + kept) else None


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


def _next_nonblank(lines: Lines, i: int, limit: int = 50) -> int | None:
    """The first non-blank line from i, looking at most `limit` lines ahead."""
    for j in range(i, min(lines.count, i + limit)):
        if not lines.blank(j):
            return j
    return None


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


CONTEXT_LINES = 6  # quoted lines shown above each of the member's inline comments


@dataclass
class ReplyText:
    """What a reply says: the member's own words, and the same interleaved with the quote.

    `interleaved` is "" unless the member wrote between quoted lines (inline comments in a
    quoted draft, or text both above and below a quote); then it is the reply as they wrote it,
    each quoted line marked "> ", at most CONTEXT_LINES quoted lines above each comment (a
    longer run shows "> […]" first) and nothing of the quote after the last comment.
    """

    new_text: str
    interleaved: str = ""
    rest: str = ""  # what follows where the reading stopped (a quote, a forwarded message), stripped


def _shown(line: str) -> str:
    """A quoted line as the interleaved view shows it: "> " and the text, or ">" alone."""
    return "> " + line.lstrip()[1:].lstrip() if line.strip() != ">" else ">"


class _Segments:
    """The member's lines and the quoted ones, in order, counted as they come (linear)."""

    def __init__(self) -> None:
        self.kept: list[str] = []
        self.view: list[str] = []
        self.quote_run: list[str] = []
        self.dropped = 0  # quoted lines of the current run not shown
        self.blanks = 0  # blank lines after the current run
        self.has_text = False  # a kept line that is not a greeting
        self.closing_greeting: int | None = None  # where a greeting written after the text was kept
        self.meaningful = False  # a kept line that is not blank
        self.shape = ""  # "Q" and "O" for each quote and own segment, collapsed

    def quote(self, *lines: str) -> None:
        """Quoted lines, in order (kept as written: only those shown above a comment are
        rewritten "> …", by `own`); the run keeps at most CONTEXT_LINES of them."""
        if self.blanks:  # blank lines inside a quote stay where they were
            self.quote_run += [""] * self.blanks
            self.blanks = 0
        if not self.shape.endswith("Q"):
            self.shape += "Q"
        # as if appended one by one, dropping the run's first line whenever it grew past
        # CONTEXT_LINES (blank lines added above may keep it longer)
        before = len(self.quote_run)
        keep = before if before >= CONTEXT_LINES else min(before + len(lines), CONTEXT_LINES)
        drop = before + len(lines) - keep  # from the front: the earlier lines go first
        self.dropped += drop
        if drop >= before:
            self.quote_run = [line[:MAX_LINE] for line in lines[drop - before:]]
        else:
            del self.quote_run[:drop]
            self.quote_run += [line[:MAX_LINE] for line in lines]

    def own(self, line: str, greeting: bool) -> None:
        if line.strip():
            if not greeting:
                self.closing_greeting = None
            elif self.has_text and self.closing_greeting is None and not self.quote_run:
                self.closing_greeting = len(self.kept)
        self.kept.append(line)
        if not line.strip():
            if self.quote_run:
                self.blanks += 1  # shown below the quote it follows
            else:
                self.view.append(line)
            return
        if self.quote_run:
            shown = [_shown(q) if q else "" for q in self.quote_run]
            self.view += (["> […]"] if self.dropped else []) + shown + [""] * self.blanks
            self.quote_run, self.dropped, self.blanks = [], 0, 0
        if not greeting and not self.shape.endswith("O"):
            self.shape += "O"
        self.has_text = self.has_text or not greeting
        self.meaningful = True
        self.view.append(line)

    def drop_closing_greeting(self) -> None:
        """Forget a greeting kept after the member's text and right above an attribution
        ("Hello Network," of The Bat!'s reply template): it belongs to the quote's header."""
        if self.closing_greeting is not None:
            dropped = self.kept[self.closing_greeting:]
            del self.kept[self.closing_greeting:]
            if self.view[-len(dropped):] == dropped:
                del self.view[-len(dropped):]
            self.closing_greeting = None

    def result(self) -> ReplyText:
        new_text = re.sub(r"\n{4,}", "\n\n\n", "\n".join(self.kept).strip())
        if len(self.shape) < 3 or "O" not in self.shape:
            return ReplyText(new_text)
        return ReplyText(new_text, re.sub(r"\n{4,}", "\n\n\n", "\n".join(self.view).strip()))


def read_reply(text: str) -> ReplyText:
    """Return what the sender wrote in this reply, alone and interleaved with the quote.

    Promises: `new_text` is stripped, "" when they wrote nothing; quoted lines, attributions,
    forwarded header blocks and what follows an unprefixed quote, signatures after "-- ", phone
    signatures (and what follows them), list footers after a rule of underscores and
    disclaimers are left out; the member's own lines above, between or below `>` quotes are
    kept in order. An attribution that opens the message and is followed by unquoted text does
    not empty it: that text is read. Text with no quote at all comes back stripped. CRLF, a BOM
    and NULs are accepted; the work is linear in the size of the text, which is read up to
    MAX_CHARS characters and MAX_LINES_READ lines of text. `interleaved`: see ReplyText.
    `rest` is the text from the line where the reading stopped at a quote, a forwarded message
    or a signature (after a phone's sign-off: the line below it), "" when it read to the end.
    """
    raw = _BLANK_RUN.sub("\n\n\n\n", _normalise(text)).split("\n")
    lines = Lines(raw)  # each line's forms computed once, shared by every check below
    seg = _Segments()
    i = read = 0
    stop = None
    count = len(raw)
    while i < count:
        text = raw[i]  # blank and quoted lines are told from the string: no Line is made for them
        if not text or text.isspace():  # no pattern below matches a blank line: one test is enough
            if _wrapped_quote_line(lines, i):
                seg.quote(">")
            else:
                seg.own("", False)
            i += 1
            continue
        head = text[:MAX_LINE]
        if is_quoted(head):
            if seg.has_text and is_groupwise_header(lines[i]):
                stop = i  # ">>> Jan <jan@…> 2/3/2025 10:00 AM >>>" above the original, unprefixed
                break
            run = i + 1  # the lines after it that open with ">" are quoted too: taken at once
            while run < count and raw[run][:1] == ">":
                run += 1
            seg.quote(head, *raw[i + 1:run])
            i = run
            continue
        line = lines[i]
        read += 1
        if read > MAX_LINES_READ:  # ~20 µs a line: no member writes this much by hand
            break
        span = attribution_span(lines, i)
        if span:
            seg.drop_closing_greeting()
            after = _next_nonblank(lines, i + span)
            if after is not None and lines.quoted(after):
                i += span  # the member's own lines may follow the quote (interleaved)
                continue
            if not seg.has_text:
                i += span  # an attribution on top of unquoted text: that text is the reply
                continue
            stop = i
            break
        if loose_attribution(line):
            after = _next_nonblank(lines, i + 1, 3)
            if after is not None and lines.quoted(after):
                i += 1  # "Anna wrote:" right above a `>` quote introduces it
                continue
        span = intro_before_quote(lines, i)
        if span and not (seg.meaningful and _own_line_above_quote(lines, i, span)):
            seg.drop_closing_greeting()
            i += span  # "<date> … <name> <verb of any language>:" right above a `>` quote
            continue
        # a line holding a letter is no rule nor "-- " (the patterns below are tried on symbols only)
        if quote_starts(lines, i) or (not line.letter and (_SIG_DELIM.match(head) or _UNDERSCORE_RULE.match(head))):
            stop = i
            break
        if seg.has_text and is_disclaimer(line):
            stop = i
            break
        if seg.has_text and not line.letter and _DELIMITER.match(head) and _signature_below(lines, i):
            stop = i  # "----" above a name, a role and a phone number: a signature
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
        seg.own(line.raw.rstrip(), bool(line.letter and _GREETING.match(head)))
        i += 1
    if stop is not None:
        while seg.kept and (not seg.kept[-1].strip() or _DELIMITER.match(seg.kept[-1])):
            seg.kept.pop()  # a rule the client draws above the quote it cut at ends nothing the member wrote
    result = seg.result()
    if stop is not None:
        result.rest = "\n".join(raw[stop:]).strip()
        _add_marked_comments(result, raw[stop:stop + MAX_LINES_READ])
    return result


_MARKED = re.compile(r"^\[([^\[\]\d]{2,40})\]\s+\S")


def _add_marked_comments(result: ReplyText, below: list[str]) -> None:
    """Add the member's comments typed inside the unprefixed original below the cut, marked as
    Outlook's "Mark my comments with" option marks them ("[Jane Doe] Which coordinator?"): lines
    that open with the same bracketed name, at least twice. They join the new text, and the
    interleaved view shows them under the quoted lines they answer (marked "> ")."""
    seen: dict[str, list[int]] = {}
    for number, line in enumerate(below):
        m = _MARKED.match(line[:MAX_LINE])
        if m:
            seen.setdefault(m.group(1).strip().casefold(), []).append(number)
    marked = max(seen.values(), key=len, default=[])
    if len(marked) < 2:
        return
    comments = [below[n].strip() for n in marked]
    above = result.new_text
    result.new_text = "\n\n".join(filter(None, [above, "\n".join(comments)]))
    chosen = set(marked)
    shown = [below[n].rstrip() if n in chosen else (_shown("> " + below[n]) if below[n].strip() else "")
             for n in range(marked[-1] + 1)]
    result.interleaved = re.sub(r"\n{4,}", "\n\n\n", "\n\n".join(filter(None, [above, "\n".join(shown).strip()])))


def extract_new_text(text: str) -> str:
    """Return what the sender wrote in this reply, stripped; "" when they wrote nothing (see
    `read_reply` for what is left out)."""
    return read_reply(text).new_text
