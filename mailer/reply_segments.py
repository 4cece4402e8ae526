"""What `read_reply` keeps, segment by segment (split from `mailer.reply`): the member's own lines
and the quoted ones in order, the interleaved view that shows each comment under the quoted lines
it answers, and the comments an Outlook user marked "[Name]" inside an unprefixed original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mailer.reply_lines import MAX_LINE

CONTEXT_LINES = 6  # quoted lines shown above each of the member's inline comments
# four or more line ends, read as three: written `\n\n\n\n+`, not `\n{4,}` (the same matches: a
# pattern that opens with a counted repeat gives the engine no first character to skip to, so it
# tried a match at every character: 1.3 ms for 100 KB of text, this one 0.06 ms)
_LINE_END_RUN = re.compile(r"\n\n\n\n+")


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
    unread: str = ""  # the text below the reading limits (MAX_LINES_READ lines, MAX_CHARS), LF line ends, stripped
    attributed: bool = False  # a quote under an attribution line ("On … wrote:") was met: a mail program's reply
    # a quote of another message stands in `rest` (a ">" line, an attribution, a header block in any language the
    # readers know, Notes' table: `quote_headers.quote_follows`, over its first QUOTE_LOOK lines): a person's mail
    # program quotes what it answers, an absence notice does not
    quoting: bool = False


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

    def own_blanks(self, count: int) -> None:
        """`count` blank lines of the member's, as `own("", False)` would take them one by one."""
        self.kept += [""] * count
        if self.quote_run:
            self.blanks += count  # shown below the quote they follow
        else:
            self.view += [""] * count

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
        new_text = _LINE_END_RUN.sub("\n\n\n", "\n".join(self.kept).strip())
        if len(self.shape) < 3 or "O" not in self.shape:
            return ReplyText(new_text)
        return ReplyText(new_text, _LINE_END_RUN.sub("\n\n\n", "\n".join(self.view).strip()))


_MARKED = re.compile(r"^\[([^\[\]\d]{2,40})\]\s+\S")
# the member announcing answers inside the original: "See my answers below", "comments inline",
# "Antworten im Text", "réponses ci-dessous", "respuestas abajo", "risposte sotto"
_ANSWERS_BELOW = re.compile(
    r"\b(?:answers?|comments?|replies|notes?|responses?)\b[^.?!\n]{0,30}\b(?:below|inline|in line|in the text|in red"
    r"|in blue|in (?:the )?body)\b|\b(?:see|read) below\b|\b(?:antworten|anmerkungen|kommentare)\b[^.?!\n]{0,20}"
    r"\b(?:unten|im text)\b|\b(?:réponses?|commentaires?)\b[^.?!\n]{0,20}\b(?:ci-dessous|dans le texte|en ligne)\b"
    r"|\b(?:respuestas?|comentarios?)\b[^.?!\n]{0,20}\b(?:abajo|debajo|en el texto)\b"
    r"|\b(?:risposte|commenti)\b[^.?!\n]{0,20}\b(?:sotto|nel testo)\b"
    r"|\b(?:antwoorden|opmerkingen)\b[^.?!\n]{0,20}\b(?:hieronder|in de tekst)\b",
    re.IGNORECASE)


def _between_quoted_lines(lines: list[str], n: int, reach: int = 3) -> bool:
    """True when the nearest non-blank lines above and below line n (within `reach` lines) open
    with ">": line n sits inside a `>`-prefixed quote."""
    def nearest(step: int) -> str:
        for k in range(n + step, n + step * (reach + 1), step):
            if 0 <= k < len(lines) and lines[k].strip():
                return lines[k]
        return ""
    return nearest(-1).lstrip()[:1] == ">" and nearest(1).lstrip()[:1] == ">"


def _add_marked_comments(result: ReplyText, below: list[str]) -> None:
    """Add the member's comments typed inside the unprefixed original below the cut, marked as
    Outlook's "Mark my comments with" option marks them ("[Jane Doe] Which coordinator?"): lines
    that open with the same bracketed name, at least twice (once, when it sits between two lines
    of a `>`-prefixed original). They join the new text, and the
    interleaved view shows them under the quoted lines they answer (marked "> ")."""
    seen: dict[str, list[int]] = {}
    for number, line in enumerate(below):
        m = _MARKED.match(line[:MAX_LINE])
        if m:
            seen.setdefault(m.group(1).strip().casefold(), []).append(number)
    marked = max(seen.values(), key=len, default=[])
    if len(marked) < 2 and not (marked and (_between_quoted_lines(below, marked[0])
                                            or _ANSWERS_BELOW.search(result.new_text[-400:]))):
        return  # one marked line counts inside a `>`-prefixed original, where it cannot be the original's,
        # or when the member's text above says that her answers are below ("See my answers below.")
    comments = [below[n].strip() for n in marked]
    above = result.new_text
    result.new_text = "\n\n".join(filter(None, [above, "\n".join(comments)]))
    chosen = set(marked)
    shown = [below[n].rstrip() if n in chosen else (_shown("> " + below[n]) if below[n].strip() else "")
             for n in range(marked[-1] + 1)]
    result.interleaved = _LINE_END_RUN.sub("\n\n\n", "\n\n".join(filter(None, [above, "\n".join(shown).strip()])))

