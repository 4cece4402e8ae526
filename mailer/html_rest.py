"""The text of an HTML document past `html_text.MAX_TAGS`, read without html2text: a line break
where a line, paragraph, block or row ends, other white space read as one space, comments and
other tags dropped, entities decoded. Linear in the document, and for a document of a few
distinct tags (tag soup) one replacement a tag.
"""
from __future__ import annotations

import re
from html import unescape

# the name taken whole (possessive): giving a letter of it back can only leave more for the bounded
# run after it, and "<" over 90,000 letters without ">" tried 2,000 ends at each of them (1.7 s)
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*+)[^<>]{0,2000}>|<![^<>]{0,2000}>|<\?[^<>]{0,2000}>")
LINE_END_OPENINGS = ("<br", "</p", "</div", "</li", "</tr", "</h", "</blockquote", "</pre", "</table", "</ul", "</ol")
LINE_END = re.compile(r"<br\b[^<>]{0,2000}>|</(?:p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol)\s*>", re.IGNORECASE)
FEW_TAGS = 8  # distinct tags a document past MAX_TAGS may be made of to be stripped one tag at a time


def rest_text(html: str) -> str:
    """The text of the rest of a document past MAX_TAGS, read without html2text: a line break
    where a line, paragraph, block or row ends (looked for only when one is there), other
    white space read as one space, comments and other tags dropped, entities decoded."""
    html = one_space(blank_comments(html, ""))
    text = few_tags_text(html)
    if text is None:
        if has_line_end_opening(html.lower()):
            html = _before_last_tag_end(LINE_END.sub, "\n", html)
        text = without_tags(html)
    text = unescape(text)
    if "\n" not in text:  # one line: what the join of its one stripped line is
        return text.strip()
    return "\n".join(line.strip() for line in text.split("\n"))


# the white space of ASCII text as `str.split` reads it, each made a space
_ASCII_SPACES = bytes.maketrans(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b" " * 9)


def one_space(text: str) -> str:
    """`" ".join(text.split())`: each run of white space one space, none at either end. ASCII
    text is translated instead, each white space character made a space, the ends stripped, runs
    of spaces then halved by `bytes.replace` (up to three times: runs of up to 8): `split` made a
    string of each word, ~450 instructions a word of tag soup (tests/test_worst_read_html_rest.py
    compares both). The ends go first, so that a text ending in a line break (" \\n") costs no
    replacement pass. Longer runs are split and joined as before (the work stays linear)."""
    if text.isascii():
        spaced = text.encode("ascii").translate(_ASCII_SPACES).strip(b" ")
        for _ in range(3):
            if b"  " not in spaced:
                return spaced.decode("ascii")
            spaced = spaced.replace(b"  ", b" ")
        if b"  " not in spaced:
            return spaced.decode("ascii")
    return " ".join(text.split())


def few_tags_text(html: str) -> str | None:
    """The text `rest_text` reads from `html` (white space made one space) before its entities are
    decoded, that is `without_tags` of it after `LINE_END` made each line-end tag a line break
    (when its `LINE_END_OPENINGS` test lets it), when the document is made of a few distinct
    tags: each is replaced everywhere at once by a line break (a line-end tag) or by nothing.
    None for any other document (a stray "<", more distinct tags).

    Exact for the reason `without_tags` is: when the tags found account for every "<", each "<"
    opens one of them and the tag is the same wherever it occurs (from its "<" to the first
    ">"), so `LINE_END` matches at a "<" exactly where it opens a line-end tag, and what is
    left is what the two patterns leave; decided from the few tags, the openings test (the
    whole document's) and the document's pass for them go (~6 M instructions for 100 KB of tag
    soup, tests/test_worst_read_text_paths.py compares both). When a tag `LINE_END` takes
    ("</lı>": its case-blind "i") is left to the pattern that the openings test never lets run,
    the document is read the long way."""
    rest, found = html, []
    while (start := rest.find("<")) >= 0:
        tag = TAG.match(rest, start) if len(found) < FEW_TAGS else None
        if tag is None or tag.group() in found:  # found again: a removal joined pieces into it
            return None  # ("<b><b<b>-->" less "<b>" is "<b-->"), which the count below would count twice
        found.append(tag.group())
        rest = rest.replace(found[-1], "\n" if LINE_END.match(found[-1]) else "")
    if sum(html.count(tag) for tag in found) != html.count("<"):
        return None
    if any(LINE_END.match(tag) for tag in found) and not any(
            end in tag.lower() for tag in found for end in LINE_END_OPENINGS):
        return None
    return rest


def has_line_end_opening(low: str) -> bool:
    """`any(end in low for end in LINE_END_OPENINGS)`, one search for the "</" all but "<br" open
    with first: in text made of "<" each search stops at every one (~1 ms for 100 KB of "<a")."""
    return "<br" in low or ("</" in low and any(end in low for end in LINE_END_OPENINGS[1:]))


def _before_last_tag_end(sub, replacement: str, html: str) -> str:
    """`sub(replacement, html)` for a pattern whose every match ends with ">", tried only up to
    the last ">": past it no match can end, and a pattern tried at each "<" of text past the
    last tag ("<a<a<a…") cost ~40 ns a "<" (2 ms for 100 KB)."""
    end = html.rfind(">") + 1
    return sub(replacement, html[:end]) + html[end:] if end < len(html) else sub(replacement, html)


def without_tags(html: str) -> str:
    """`TAG.sub("", html)`: the text without its tags. When the document is made of a few
    distinct tags ("<b>", "</b>"), among "<" that open none or not ("<a<b>" repeated: 20,000 of
    each in 100 KB), each tag is found by `TAG.search` and taken out everywhere at once by
    `str.replace` (the pattern cost ~1,700 instructions a tag: 38 M for the 22,000 tags of 100 KB
    of tag soup); any other document is read by the pattern.

    Exact (tests/test_worst_read_text_paths.py and test_worst_read_html_rest.py compare both): a
    tag found anywhere is a tag there (it runs from its "<" to the first ">" with no "<" between);
    a tag's occurrences in the document stay whole until it is replaced (a piece joined by a
    removal holds one "<", never two), so each replacement takes out at least its occurrences in
    the document, and when they took out no more "<" than those, none was joined by a removal.
    What the last search leaves holds no tag: a "<" left in it opened none in the document either
    (where its piece, up to the next "<", holds a ">", the pattern reads the same there; where it
    holds none, no tag ended before the next "<"). Each search starts at the last "<" before the
    tag removed (the pieces before it are as they were) and ends at the last ">" (every tag ends
    with one): the document is read about once."""
    rest, found, start = html, [], 0
    while (tag := TAG.search(rest, start, rest.rfind(">") + 1)) is not None:
        if len(found) >= FEW_TAGS or tag.group() in found:  # (found again: joined by a removal)
            return _before_last_tag_end(TAG.sub, "", html)
        found.append(tag.group())
        start = max(0, rest.rfind("<", 0, tag.start()))
        rest = rest.replace(found[-1], "")
    if html.count("<") - rest.count("<") != sum(html.count(tag) for tag in found):
        return _before_last_tag_end(TAG.sub, "", html)
    return rest


def blank_comments(html: str, filler: str = " ") -> str:
    """The HTML with each comment replaced by `filler` repeated to its length (offsets kept
    when it is a space), and an unterminated one cut with the rest; one pass."""
    if "<!--" not in html:
        return html
    out, i = [], 0
    while (j := html.find("<!--", i)) >= 0:
        end = html.find("-->", j + 4)
        out.append(html[i:j])
        if end < 0:
            return "".join(out)
        out.append(filler * (end + 3 - j))
        i = end + 3
    out.append(html[i:])
    return "".join(out)
