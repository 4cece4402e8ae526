"""The text html2text makes of a document of bare inline tags, made without html2text.

A document whose every `<` opens a bare tag (`<b>`, `</span>`: a name alone) of a kind that
html2text, set as Convenor sets it (`html_text._converter`: emphasis, links and images ignored),
handles by doing nothing (`INERT`), and that holds no `&`, is given to html2text as a run of
`handle_data` calls with no-op tag calls between them. What html2text makes of those calls is
short enough to write down (html2text 2025.4.15, `HTML2Text.handle_data` and `o`):

- each run of text is escaped for Markdown (`escape_md_section`, whose four patterns each need
  one of `\\ . + -`: a run without them is left as it is) and its white space runs made one space;
- a run that then starts with a space sets html2text's `space` flag and loses it; a run left
  empty outputs nothing (the flag stays set);
- the first run output clears the flag (html2text's `start`); any later one is preceded by one
  space when the flag is set (nothing output ends with a line break, so `lastWasNL` is False);
- the document ends with one line break.

That is ~1 % of html2text's work (200 tags of tag soup: 12.9 M instructions). Any other
document returns None and goes through html2text; `tests/test_worst_read_text_paths.py` compares
both on every HTML part of the corpus, the crafted kinds and generated documents.
"""
from __future__ import annotations

import re

from html2text.utils import escape_md_section

SIMPLE_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)>")  # "<b>", "</div>": no attribute, no white space
# tags `HTML2Text.handle_tag` leaves alone with emphasis, links and images ignored (it names
# none of them but em/i/u/strong/b, a and img, each behind its `ignore_` setting; sub/sup behind
# `include_sup_sub`, False; body resets `quiet`, which only head/style/script raise)
INERT = frozenset({"a", "b", "big", "body", "center", "cite", "em", "font", "html", "i", "img", "ins", "label",
                   "mark", "small", "span", "strong", "sub", "sup", "u", "var"})
_WHITE_SPACE = re.compile(r"\s+")  # what html2text makes one space (the reference `_one_space_each_run` keeps)


def _one_space_each_run(text: str) -> str:
    """`_WHITE_SPACE.sub(" ", text)`: each run of white space made one space, the ends kept as a
    space. Made by `str.split`, whose white space is the pattern's (`\\s` of a str pattern is
    `str.isspace`, every code point compared in tests/test_worst_read_stray_brackets.py): the
    pattern tried a match at every character, ~17 ns each (1.7 ms for a 100 KB word)."""
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[0].isspace():
        joined = " " + joined
    if text[-1].isspace():
        joined += " "
    return joined


def inline_text(html: str) -> str | None:
    """What `html_text._converter().handle(html)` returns, when `html` is made of text without
    `&` or `<` and bare INERT tags; None for any other document (see the module doc)."""
    if not html or "&" in html:
        return None
    parts = SIMPLE_TAG.split(html)  # text, "/" or "", name, text, …, text
    texts = parts[::3]
    if any("<" in text for text in texts) or not INERT.issuperset(map(str.lower, parts[2::3])):
        return None
    out: list[str] = []
    space = False
    for text in texts:
        if not text:
            continue
        if "\\" in text or "." in text or "+" in text or "-" in text:
            text = escape_md_section(text)
        text = _one_space_each_run(text)
        if text[0] == " ":
            space = True
            text = text[1:]
            if not text:
                continue
        if space and out:
            out.append(" ")
        space = False
        out.append(text)
    out.append("\n")
    return "".join(out)
