"""Turning an HTML-only message body into plain text whose quotes `extract_new_text` can drop.

html2text renders `<blockquote>` as `>`-prefixed lines already. What it cannot know is that some
clients quote without a blockquote, or put the attribution outside it: Gmail's `gmail_quote`
container (and its `gmail_signature` block above it, Thunderbird's `moz-signature`, Apple Mail's
`AppleMailSignature`: a signature is no more the member's answer than the quote), Outlook's
`appendonsend` / `divRplyFwdMsg` markers (the quoted message follows them as plain siblings),
Outlook.com's `stopSpelling` rule, Yahoo's `yahoo_quoted`. Everything from the first such
marker to the end of the document is rendered on its own and every line of it is prefixed with
`> `, so the text reader treats it as quote whatever the quoted HTML looks like.

Where the marker is: `mailer/html_markers.py`; the text past MAX_TAGS: `mailer/html_rest.py`.
"""
from __future__ import annotations

import re
from html import unescape
from typing import NamedTuple

import html2text

from mailer.html_inline import SIMPLE_TAG, inline_text
from mailer.html_markers import client_signature_spans, marker_offset as _marker_offset, zoho_signature_span
from mailer.html_rest import LINE_END as _LINE_END, LINE_END_OPENINGS as _LINE_END_OPENINGS, TAG as _TAG
from mailer.html_rest import blank_comments as _blank_comments, few_tags_text as _few_tags_text
from mailer.html_rest import one_space, rest_text as _as_text, without_tags  # noqa: F401 - read by the tests
from mailer.line_ends import as_lf
from mailer.quote_markers import attribution_span
from mailer.reply_lines import Lines

MAX_HTML = 200_000  # characters of HTML read; a reply's own text is near the top
_NESTING = {"ul", "ol", "dl", "blockquote", "table"}
MAX_NESTING = 20  # deeper lists/quotes cost html2text time quadratic in the depth
STRAY = "\uffff"  # a "<" that opens no tag, in what html2text reads (a noncharacter: no text holds it)
MAX_TAGS = 200  # per part (own text, quote) rendered by html2text (~9 µs a tag); past them read as text, line ends kept

_ROW_TAGS = {"tr", "td", "th"}
_STRESS_TAGS = {"del", "s", "strike"}  # html2text's `stressed` tags that emphasis ignored leaves
_RULE_LINE = re.compile(r"\* \* \*|_{3,}|\\?-{2,}|—+")


def _one_blank_line(html: str) -> str:
    """The HTML with each run of blank (or whitespace-only) lines made one empty line: they mean
    nothing outside <pre>, and html2text's escaping takes time quadratic in their number (20,000
    "\\r" took 15 s)."""
    out: list[str] = []
    blank = False
    for line in html.split("\n"):
        if line.strip():
            out.append(line)
            blank = False
        elif not blank:
            out.append("")
            blank = True
    return "\n".join(out)


def without_trailing_rules(text: str) -> str:
    """The text without the rules (and blank lines) that end it, below its first line: what a
    client's separator above the quote leaves once the quote is gone. A loop over lines from
    the end, linear (a regular expression doing this backtracked quadratically on "\\r" * n)."""
    lines = text.split("\n")
    keep, found = len(lines), False
    for i in range(len(lines) - 1, 0, -1):
        line = lines[i].strip()
        if line and not _RULE_LINE.fullmatch(line):
            break
        found = found or bool(line)
        keep = i
    return "\n".join(lines[:keep]) if found else text


class Sanitised(NamedTuple):
    """HTML every `<` of which opens a complete tag, the text read past MAX_TAGS ("" when
    nothing is), and whether a `<` that opened no tag may stand in it as STRAY."""

    html: str
    tail: str
    strays_as_letters: bool


# a STRAY before what would have begun a run of text of its own after "&lt;" and that html2text
# reads differently at a run's start: white space (dropped, one space put back) or a Markdown list
# opening its escapes look for there (`1.`, `+ `, `- `: the classes of html2text's own patterns)
_STRAY_BEFORE_RUN_START = re.compile(STRAY + r"(?=[\s\d+\-])")


# "&#" that html.parser reads as no character reference: what it does there depends on a ";"
# further on, which each "&lt;" held (its `charref` pattern, and a reference cut at the end)
_NO_CHARREF = re.compile(r"&#(?![0-9]+[^0-9a-fA-F]|[xX][0-9a-fA-F]+[^0-9a-fA-F])")


def _strays_as_letters(html: str, letters: bool, stressed: bool) -> str:
    """The sanitised HTML with each STRAY before white space, a digit, "+" or "-" made `&lt;`,
    and every STRAY when the HTML holds a "&#" that is no character reference or (`stressed`) a
    `<del>`, `<s>` or `<strike>`, after which html2text reads the second run of text differently
    from the first (a space put before it). As it is when `letters` is False: the document held
    STRAY itself."""
    if not letters or STRAY not in html:
        return html
    if stressed or ("&" in html and _NO_CHARREF.search(html)):  # ("&": one memchr, the pattern ~1 ns a character)
        return html.replace(STRAY, "&lt;")
    return _STRAY_BEFORE_RUN_START.sub("&lt;", html)


def _sanitise(html: str) -> Sanitised:
    """Return HTML in which every `<` starts a complete tag (others become `&lt;` or STRAY,
    comments go), and the text of what lies past MAX_TAGS (see `_as_text`; "" when nothing does).

    A `<` that opens no tag was given to html2text as `&lt;` alone: an entity and the run of text
    after it, two calls each (and, for the "&", the document through html.parser's tokenizer:
    100 of "<a" cost 1.4 ms at 10 KB). When the document holds neither STRAY nor a script or a
    style (where "&lt;" is text), it is given as STRAY, a letter of the text around it, which
    `_render` makes `<` again: the same text, for html2text reads nothing differently inside a
    run of text but at its start (its leading white space, the Markdown escapes of `1.`, `+ `,
    `- `), and a STRAY before such a start is made `&lt;` (`_strays_as_letters`; what comes
    before a run's start is read the same, tests/test_worst_read_stray_brackets.py compares
    both). Either way it counts as two tags toward MAX_TAGS, so that the part html2text renders
    ends where it ended.

    html2text (through html.parser) takes time quadratic in the number of unterminated tags
    ("<div <div <div …" of 25 KB takes seconds); after this linear pass there are none. Lists
    and quotes nested deeper than MAX_NESTING, and tags past MAX_TAGS, are dropped (their
    text stays): html2text's cost grows with the square of the nesting depth.
    """
    out: list[str] = []
    depth = {name: 0 for name in _NESTING}
    dropped = {name: 0 for name in _NESTING}
    tags = cells = 0
    stressed = False
    low = html.lower()
    letters = STRAY not in html and "<script" not in low and "<style" not in low
    i, n = 0, len(html)
    last_end = html.rfind(">")  # every tag (and comment) ends with a ">": a "<" past the last opens none
    while i < n:
        j = html.find("<", i)
        if j < 0:
            out.append(html[i:])
            break
        out.append(html[i:j])
        if html.startswith("<!--", j):
            end = html.find("-->", j + 4)
            if end < 0:
                break  # an unterminated comment hides the rest of the document
            i = end + 3
            continue
        m = _TAG.match(html, j) if j < last_end else None  # (its name taken whole: 0.2 ms over a 100 KB word)
        if m:
            i = m.end()
            tags += 1
            if tags >= MAX_TAGS:  # html2text takes ~9 µs a tag: the rest is read as text
                return Sanitised(_strays_as_letters("".join(out), letters, stressed), _as_text(html[i:]), letters)
            name = m.group(1).lower() if m.group(1) else ""
            stressed = stressed or (name in _STRESS_TAGS and not m.group().startswith("</"))
            if name in _ROW_TAGS and not m.group().startswith("</"):
                # tables are not drawn (ignore_tables): each row a line, its cells apart by a space (a
                # client's header block in a table, HCL Notes' "From: | name", reads "From: name")
                if name == "tr":
                    out.append("<br>")
                    cells = 0
                else:
                    out.append(" " if cells else "")
                    cells += 1
            if name in _NESTING:
                if m.group().startswith("</"):
                    if dropped[name]:
                        dropped[name] -= 1
                        continue
                    depth[name] = max(0, depth[name] - 1)
                elif sum(depth.values()) >= MAX_NESTING:
                    dropped[name] += 1
                    continue
                else:
                    depth[name] += 1
            out.append(m.group())
        else:
            out.append(STRAY if letters else "&lt;")
            i = j + 1
            tags += 2  # a "<" that opens no tag cost html2text two calls as "&lt;" (an entity and a run
            if tags >= MAX_TAGS:  # of text) where a tag costs one (90 KB of "<a" took 1.1 s): counted with them
                return Sanitised(_strays_as_letters("".join(out), letters, stressed), _as_text(html[i:]), letters)
    return Sanitised(_strays_as_letters("".join(out), letters, stressed), "", letters)


class _Converter(html2text.HTML2Text):
    """html2text's converter, handed the tags and text of a document whose every `<` opens a
    simple tag (`<b>`, `</div>`: a name alone) and that holds no `&` without html.parser's
    tokenizer, a quarter of html2text's work there (200 tags of tag soup: 17.7 M → 12.9 M
    instructions): the same calls
    (`handle_starttag(name, [])`, `handle_endtag(name)`, `handle_data(text)` for each run of
    text between tags), in the same order, as html.parser makes for such a document (compared
    on the corpus and on generated documents in tests/test_worst_read_text_paths.py). Any other
    document goes through html.parser as before."""

    def goahead(self, end: bool) -> None:  # noqa: D102 - html.parser's, see the class
        data = self.rawdata
        if not data or "&" in data or self.cdata_elem is not None:
            return super().goahead(end)
        parts = SIMPLE_TAG.split(data)  # text, "/" or "", name, text, …, text
        if any("<" in text for text in parts[::3]) or any(
                name.lower() in self.CDATA_CONTENT_ELEMENTS for name in parts[2::3]):
            return super().goahead(end)
        for i in range(0, len(parts), 3):
            if parts[i]:
                self.handle_data(parts[i])
            if i + 2 < len(parts):
                name = parts[i + 2].lower()
                if parts[i + 1]:
                    self.handle_endtag(name)
                else:
                    self.lasttag = name
                    self.handle_starttag(name, [])
        self.rawdata = ""
        return None


def _converter() -> html2text.HTML2Text:
    """An html2text converter set as Convenor reads HTML (no wrapping, links as their text, no
    images, emphasis or tables, characters as they are)."""
    converter = _Converter()
    converter.body_width = 0
    converter.ignore_links = True
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.ignore_tables = True
    converter.unicode_snob = True
    return converter


def _render(sanitised: Sanitised) -> str:
    """The text of sanitised HTML (html2text), each STRAY made `<` again, followed by the text
    read past MAX_TAGS."""
    html, tail, letters = sanitised
    try:
        text = inline_text(html)  # bare inline tags: what html2text makes of them, made without it
        if text is None:
            text = _converter().handle(html)
    except (AssertionError, ValueError, IndexError):  # html.parser asserts on a broken "<![>" declaration
        text = unescape(_TAG.sub("\n", html))  # the text without its tags: a crafted part is still read
    if letters:
        text = text.replace(STRAY, "<")
    text = (f"{text}\n{tail}" if tail else text).replace("\u00a0", " ").replace("\u200b", "")
    lines = [_MARKDOWN_ESCAPE.sub(r"\1\2", line.rstrip()) for line in text.split("\n")]
    return _LINE_END_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


# html2text escapes what Markdown would read as a list at the start of a line ("1\\. Maria",
# "\\- item", "\\+ x"): the member wrote "1. Maria", and a vote reader must see that
_MARKDOWN_ESCAPE = re.compile(r"^(\s*\d*)\\([.\-+])")
# three or more line ends, read as two: `\n\n\n+`, not `\n{3,}` (the same matches; a pattern that
# opens with a counted repeat gives the engine no first character to skip to: it tried every one)
_LINE_END_RUN = re.compile(r"\n\n\n+")


def html_to_text(html: str, sender: str = "") -> str:
    """Return the plain text of an HTML body, with every quoted part as `>`-prefixed lines.

    Promises: `<blockquote>` content, and everything from a Gmail `gmail_quote`, Outlook
    `appendonsend` / `divRplyFwdMsg`, Outlook.com `stopSpelling` or Yahoo `yahoo_quoted` marker
    to the end, comes out prefixed with `>` (but for the member's own lines typed between the
    quote's blockquotes: see `_mark_quote`); links become their text, images and emphasis
    markers are dropped; lines are not re-wrapped. A mail client's signature element under her words
    is left out only when it opens with `sender`, the display name of her From header
    (`client_signature_spans`). At most MAX_HTML characters are read. Never raises on malformed HTML.
    """
    html = (html or "")[:MAX_HTML].replace("\x00", "")
    html = _one_blank_line(as_lf(html))
    blanked = _blank_comments(html)  # (each comment blanked to its length: the offsets hold in `html`)
    span = zoho_signature_span(blanked)
    if span is not None:  # Zoho's signature div: the div alone is left out (the text under it is hers)
        html, blanked = html[:span[0]] + html[span[1]:], blanked[:span[0]] + blanked[span[1]:]
    for start, end in reversed(client_signature_spans(blanked, sender)):  # a client's signature element under her words
        html, blanked = html[:start] + html[end:], blanked[:start] + blanked[end:]
    pos = _marker_offset(blanked)
    if pos is None:
        return _render(_sanitise(html))
    own = without_trailing_rules(_render(_sanitise(html[:pos])))
    quoted = _render(_sanitise(html[pos:]))
    return f"{own}\n\n{_mark_quote(quoted)}".strip("\n") if quoted else own


def _mark_quote(quoted: str) -> str:
    """The quoted part with every line prefixed `>`, except the member's own lines typed between
    its blockquotes (Gmail's inline replies: text after the first `>` line that is not inside a
    blockquote), which stay unprefixed so that they are read as the reply. Only when what comes
    before the first blockquote is an attribution alone: an Outlook quote (header block, then
    the original with its own older quotes) is prefixed whole."""
    lines = quoted.split("\n")
    first = next((n for n, line in enumerate(lines) if line.startswith(">")), None)
    head = [line for line in lines[:first] if line.strip()] if first is not None else []
    if (first is None or not head or len(head) > 3 or not attribution_span(Lines(head), 0)
            or not any(line.strip() and not line.startswith(">") for line in lines[first:])):
        return "\n".join(f"> {line}" if line else ">" for line in lines)
    head = [f"> {line}" if line else ">" for line in lines[:first]]
    return "\n".join(head + lines[first:])
