"""Turning an HTML-only message body into plain text whose quotes `extract_new_text` can drop.

html2text renders `<blockquote>` as `>`-prefixed lines already. What it cannot know is that some
clients quote without a blockquote, or put the attribution outside it: Gmail's `gmail_quote`
container (and its `gmail_signature` block above it, Thunderbird's `moz-signature`, Apple Mail's
`AppleMailSignature`: a signature is no more the member's answer than the quote), Outlook's
`appendonsend` / `divRplyFwdMsg` markers (the quoted message follows them as plain siblings),
Outlook.com's `stopSpelling` rule, Yahoo's `yahoo_quoted`. Everything from the first such
marker to the end of the document is rendered on its own and every line of it is prefixed with
`> `, so the text reader treats it as quote whatever the quoted HTML looks like.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import html2text

MAX_HTML = 200_000  # characters of HTML read; a reply's own text is near the top
_NESTING = {"ul", "ol", "dl", "blockquote", "table"}
MAX_NESTING = 20  # deeper lists/quotes cost html2text time quadratic in the depth
MAX_TAGS = 30_000
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[^<>]{0,2000}>|<![^<>]{0,2000}>|<\?[^<>]{0,2000}>")

_MARKER_IDS = {"appendonsend", "divrplyfwdmsg", "x_appendonsend", "x_divrplyfwdmsg",
               "olk_src_body_section", "x_olk_src_body_section", "stopspelling",
               "mail-editor-reference-message-container"}
_MARKER_CLASSES = {"gmail_quote", "gmail_quote_container", "yahoo_quoted", "zmail_extra",
                   "protonmail_quote", "gmail_signature", "x_gmail_signature", "moz-signature",
                   "moz-cite-prefix", "zmail_signature_below", "ms-outlook-mobile-signature"}
_SIGNATURE_IDS = {"applemailsignature", "signature", "ms-outlook-mobile-signature",
                  "x_signature", "zwchr"}


_TRAILING_RULE = re.compile(r"(?:\n\s*(?:\* \* \*|_{3,}|\\?-{2,}|—+)\s*)+$")


class _MarkerFinder(HTMLParser):
    """Finds the (line, column) of the first start tag that opens a client's quoted part."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None:
            return
        for name, value in attrs:
            value = (value or "").lower()
            if name == "id" and value.strip() in _MARKER_IDS | _SIGNATURE_IDS:
                self.found = self.getpos()
            elif name == "class" and _MARKER_CLASSES & set(value.split()):
                self.found = self.getpos()
            elif name == "data-smartmail" and value.strip() == "gmail_signature":
                self.found = self.getpos()
            if self.found is not None:
                return


def _sanitise(html: str) -> str:
    """Return HTML in which every `<` starts a complete tag: others become `&lt;`, comments go.

    html2text (through html.parser) takes time quadratic in the number of unterminated tags
    ("<div <div <div …" of 25 KB takes seconds); after this linear pass there are none. Lists
    and quotes nested deeper than MAX_NESTING, and tags past MAX_TAGS, are dropped (their
    text stays): html2text's cost grows with the square of the nesting depth.
    """
    out: list[str] = []
    depth = {name: 0 for name in _NESTING}
    dropped = {name: 0 for name in _NESTING}
    tags = 0
    i, n = 0, len(html)
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
        m = _TAG.match(html, j)
        if m:
            i = m.end()
            tags += 1
            name = m.group(1).lower() if m.group(1) else ""
            if tags > MAX_TAGS:
                continue
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
            out.append("&lt;")
            i = j + 1
    return "".join(out)


def _marker_offset(html: str) -> int | None:
    """Return the character offset of the first quote marker in the HTML, or None."""
    finder = _MarkerFinder()
    try:
        # Feed in slices so a marker near the top ends the scan early.
        for start in range(0, len(html), 20_000):
            finder.feed(html[start:start + 20_000])
            if finder.found is not None:
                break
    except Exception:  # a parser error: no marker we can trust
        return None
    if finder.found is None:
        return None
    line, column = finder.found
    offset = 0
    for _ in range(line - 1):
        offset = html.index("\n", offset) + 1
    return offset + column


def _render(html: str) -> str:
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_links = True
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.ignore_tables = True
    converter.unicode_snob = True
    text = converter.handle(html)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def html_to_text(html: str) -> str:
    """Return the plain text of an HTML body, with every quoted part as `>`-prefixed lines.

    Promises: `<blockquote>` content, and everything from a Gmail `gmail_quote`, Outlook
    `appendonsend` / `divRplyFwdMsg`, Outlook.com `stopSpelling` or Yahoo `yahoo_quoted` marker
    to the end, comes out prefixed with `>`; links become their text, images and emphasis
    markers are dropped; lines are not re-wrapped. At most MAX_HTML characters are read. Never
    raises on malformed HTML.
    """
    html = (html or "")[:MAX_HTML].replace("\x00", "")
    html = _sanitise(html.replace("\r\n", "\n").replace("\r", "\n"))
    pos = _marker_offset(html)
    if pos is None:
        return _render(html)
    own = _TRAILING_RULE.sub("", _render(html[:pos]))
    quoted = _render(html[pos:])
    quoted_lines = "\n".join(f"> {line}" if line else ">" for line in quoted.split("\n"))
    return f"{own}\n\n{quoted_lines}".strip("\n") if quoted else own
