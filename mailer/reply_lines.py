"""The lines of a reply as the reading checks see them: each form of a line computed once.

`read_reply` asks a dozen questions of each line (is it quoted, an attribution, a header field, a
sign-off, a legal notice?), and the checks that look below a line (a wrapped attribution, a header
block, a signature under a rule) ask them again of the next lines, which the reading then visits
in turn. A `Line` computes each form it is asked for once (its first MAX_LINE characters, the text
cleaned of direction marks and `&nbsp;`, the same lower-cased, whether it holds a letter) and keeps
it; `Lines` makes each `Line` once, when it is first read, so that every check and every lookahead
shares them; a line that repeats an earlier one (the same text) shares that one's `Line`, whose forms
and memos are read from its text alone. Nothing is computed for lines no check reads (the rest of a `>` quote taken at once,
the lines past the reading limit): the work stays linear in the lines read.
"""
from __future__ import annotations

import re

MAX_LINE = 400  # only this much of a line is ever looked at by a pattern

_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b]")
_QUOTED = re.compile(r"^\s*+>")
_MARKDOWN_ESCAPE = re.compile(r"^(\s*)\\(?=[-=_*+#>])")  # html2text writes a leading "-" as "\-"
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# the same tests for ASCII text, by deleting every other byte (a tenth of the cost on a long line
# of symbols, where the pattern tests each character's Unicode category)
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_ASCII_LETTER_OR_DIGIT = bytes(c for c in range(128) if not chr(c).isalnum())
NOT_READ = object()  # a memo not filled yet


def holds_letter(text: str) -> bool:
    """True when `text` holds a letter of any script."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _NOT_ASCII_LETTER))
    return _LETTER.search(text) is not None


def holds_letter_or_digit(text: str) -> bool:
    """True when `text` holds a letter or a digit of any script."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _NOT_ASCII_LETTER_OR_DIGIT))
    return _LETTER_OR_DIGIT.search(text) is not None


def is_quoted(line: str) -> bool:
    """True when the line is part of a `>` quote (a `>` within its first MAX_LINE characters,
    after white space only)."""
    first = line[:1]
    if first == ">":
        return True
    if not first.isspace():  # the pattern's "\s" is str.isspace: only an indent is looked past
        return False
    # `_QUOTED.match(line[:MAX_LINE])`, as `str.lstrip` strips what "\s" matches (tests/
    # test_worst_read_reply_paths.py): the pattern tested each character's category, ~5 times
    # the cost (2 µs for a line of 400 tabs, asked twice a line); a head without ">" (found by
    # memchr) is not stripped at all (~2,400 instructions for an indent of 400 tabs)
    head = line[:MAX_LINE]
    return ">" in head and head.lstrip()[:1] == ">"


# the colons of other scripts, read as ":" at a line's end (Armenian "՝" and "։" close Gmail's
# "… գրել է՝" as a colon closes "… wrote:"; the Khmer sign "៖" closes "… បាន​សរសេរ​៖")
_COLON_SIGNS = ("\u055d", "\u0589", "\ufe55", "\ua789", "\u2236", "\u17d6")


def closed_by_colon_sign(head: str) -> bool:
    """True when the line (its first MAX_LINE characters) ends with another script's colon sign
    (`_COLON_SIGNS`, read as ":" by `Line.clean`) rather than with ":" itself."""
    return not head.isascii() and _BIDI.sub("", head).rstrip().endswith(_COLON_SIGNS)


def _cleaned(head: str) -> str:
    if head.isascii():
        line = head.replace("&nbsp;", " ").strip()
    else:
        line = _BIDI.sub("", head).replace("&nbsp;", " ").strip()
        if line.endswith(_COLON_SIGNS):
            line = line[:-1] + ":"
    return _MARKDOWN_ESCAPE.sub(r"\1", line) if line.startswith("\\") else line


class Line:
    """One line of a reply and its forms, each computed once.

    `raw` is the line as written; `head` its first MAX_LINE characters (all any pattern sees);
    `clean` `head` without direction marks, `&nbsp;` as a space, stripped, html2text's `\\`
    before a leading symbol dropped; `lower` `clean` lower-cased; `letter` whether `head` holds
    a letter (what every line of text is asked). Computed when first asked for: `stripped`
    (`head` stripped), `clean_letter_or_digit`. `field`, `verb` and
    `dateish` are memos of quote_markers' tests of the line (its header field name, whether it
    may hold an attribution verb, a date or an address), `loose` where its loose attribution's
    verb and colon stand (`quote_markers.loose_verb`), `opens` whether an attribution may open
    with it (`quote_markers.may_open_attribution`), `quote_start` what it says alone of opening a
    forwarded message (`quote_headers`), `disclaimer` of legal_notices' `is_disclaimer`, `sign_off` and `device_last`
    of sign_offs' `is_phone_signature` and `verb_last_device_line`, NOT_READ until they are read:
    each is what the line's text alone says, asked of every line of text the reader reads.
    """

    __slots__ = ("raw", "head", "clean", "lower", "letter", "_stripped", "_alnum", "field", "verb", "dateish",
                 "loose", "opens", "quote_start", "disclaimer", "sign_off", "device_last")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.head = head = raw[:MAX_LINE]
        self.clean = clean = _cleaned(head)
        self.lower = clean.lower()
        self.letter = letter = holds_letter(head)
        self._stripped = None
        # cleaning drops white space, direction marks and a backslash, none of them a letter:
        # only "&nbsp;" takes letters away, so a line without "&" that holds one keeps it
        self._alnum = True if letter and "&" not in head else None
        self.field = self.verb = self.dateish = self.loose = self.opens = self.quote_start = NOT_READ
        self.disclaimer = self.sign_off = self.device_last = NOT_READ

    @property
    def stripped(self) -> str:
        if self._stripped is None:
            self._stripped = self.head.strip()
        return self._stripped

    @property
    def clean_letter_or_digit(self) -> bool:
        if self._alnum is None:
            self._alnum = holds_letter_or_digit(self.clean)
        return self._alnum


class Lines(dict):
    """The lines of a text, each made into a `Line` once, when a check first reads its forms.

    `lines[i]` is line i's `Line` (IndexError past the end, as for a list); `lines.raw` the lines
    as strings; `len(lines)` their number; `lines.blank(i)` and `lines.quoted(i)` answer from the
    string alone, so that blank lines and quotes, which no other check reads, cost no `Line`.
    (A dict of the lines made so far, so that reading a line made already costs a dict look-up,
    not a call: do not iterate over it.)
    """

    __slots__ = ("raw", "count", "_by_text", "known_quote_scan", "opens_quote", "below_rule",
                 "below_rule_text", "block_run", "starts", "first_text")

    def __init__(self, raw: list[str]) -> None:
        super().__init__()
        self.raw = raw
        self.count = len(raw)
        self._by_text: dict[str, Line] = {}
        # how far `quote_headers` has looked for a known quote start, and the last one it found
        self.known_quote_scan = [0, -1]
        self.first_text: int | None = None  # the first line that is not blank (`quote_headers._first_text`)
        # `quote_openings._opens_quote` of each line asked so far: every rule of a run of rules
        # looks at the same dozen lines below it
        self.opens_quote: dict[int, bool] = {}
        # what each line asked so far is to `reply_signatures._signature_below`'s scan under a rule
        self.below_rule: dict[int, int] = {}
        self.below_rule_text: dict[str, int] = {}  # (what its text alone says, for each stripped text)
        # the last run of lines in a row that are short lines of a block to that scan, [start, end)
        self.block_run = [0, 0]
        # `quote_headers.quote_starts` of each line asked so far (the reader asks it of a line the
        # signature checks above it asked it of already)
        self.starts: dict[int, bool] = {}

    def __len__(self) -> int:
        return self.count

    def __missing__(self, i: int) -> Line:
        text = self.raw[i]
        line = self._by_text.get(text)
        if line is None:  # a line repeating an earlier one shares its `Line`: every form and memo
            line = self._by_text[text] = Line(text)  # of a Line is read from its text alone
        self[i] = line
        return line

    def blank(self, i: int) -> bool:
        """Whether line i is empty or white space only."""
        text = self.raw[i]
        return not text or text.isspace()

    def quoted(self, i: int) -> bool:
        """Whether line i opens a `>` quote (within its first MAX_LINE characters)."""
        return is_quoted(self.raw[i])
