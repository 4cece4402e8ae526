"""Where a client's quoted part (or signature) starts in an HTML body: the first start tag whose
id, class or data-smartmail names one of the markers `html_text.html_to_text` reads from.

Gmail's `gmail_quote` container (and its `gmail_signature` block above it, Thunderbird's
`moz-signature`, Apple Mail's `AppleMailSignature`), Outlook's `appendonsend` / `divRplyFwdMsg`
markers, Outlook.com's `stopSpelling` rule, Yahoo's `yahoo_quoted`. Each marker word is looked
for with `str.find` and only the tag around an occurrence is parsed.

Signatures that are no marker, left out alone: Zoho's `Zm-_Id_-Sgn` div (`zoho_signature_span`) and
other clients' signature elements under her words (`client_signature_spans`: Mailspring's
`<signature>`, eM Client's `signature_old`, "<app>-signature" classes).
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from mailer.ascii_case import ascii_lower
from mailer.signature_names import _looks_like_name

MARKER_IDS = {"appendonsend", "divrplyfwdmsg", "x_appendonsend", "x_divrplyfwdmsg",
              "olk_src_body_section", "x_olk_src_body_section", "stopspelling",
              "mail-editor-reference-message-container"}
MARKER_CLASSES = {"gmail_quote", "gmail_quote_container", "yahoo_quoted", "zmail_extra",
                  "protonmail_quote", "gmail_signature", "x_gmail_signature", "moz-signature",
                  "moz-cite-prefix", "zmail_signature_below", "ms-outlook-mobile-signature",
                  "protonmail_signature_block"}
SIGNATURE_IDS = {"applemailsignature", "signature", "ms-outlook-mobile-signature",
                 "x_signature", "zwchr"}

MARKER_WORD_LIST = sorted(MARKER_IDS | SIGNATURE_IDS | MARKER_CLASSES | {"gmail_signature"})
MARKER_WORDS = re.compile("|".join(re.escape(w) for w in MARKER_WORD_LIST), re.IGNORECASE)

# Each marker word holds one of these; a word is looked for only where one of its anchors is
# (ten scans of the document instead of twenty-four: "signature" alone stands for nine words).
_ANCHORS = ("signature", "_quote", "appendonsend", "divrplyfwdmsg", "olk_src_body_section", "stopspelling",
            "mail-editor-reference-message-container", "moz-cite-prefix", "zmail_extra", "zwchr")
# anchor -> ((word, offset of the anchor in the word), …), every offset of every word holding it
_BY_ANCHOR = {anchor: tuple((word, k) for word in MARKER_WORD_LIST for k in range(len(word))
                            if word.startswith(anchor, k)) for anchor in _ANCHORS}
assert all(any(anchor in word for anchor in _ANCHORS) for word in MARKER_WORD_LIST)


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
            if name == "id" and value.strip() in MARKER_IDS | SIGNATURE_IDS:
                self.found = self.getpos()
            elif name == "class" and any(c in MARKER_CLASSES or c.endswith("yahoo_quoted")
                                         for c in value.split()):  # Yahoo: "ydp3f1yahoo_quoted"
                self.found = self.getpos()
            elif name == "data-smartmail" and value.strip() == "gmail_signature":
                self.found = self.getpos()
            if self.found is not None:
                return


def marker_offset(html: str) -> int | None:
    """Return the character offset of the first start tag that is a quote marker, or None.

    Each marker word is looked for with str.find (a regular expression of all of them took
    ~0.3 µs a character), by way of its anchor (`_ANCHORS`); only the tag around an occurrence
    is parsed (parsing the whole document took ~1 µs a character). The first such tag is the one
    whose marker word occurs first: a tag runs from its "<" to the first ">" with no other "<",
    so of two occurrences that are marker tags the earlier one's tag starts no later. Exact as the
    word-by-word scan it replaced (`marker_offset_by_words`, compared in
    tests/test_worst_read_html_markers.py)."""
    low = html.lower()
    if len(low) != len(html):  # a character whose lower case is longer: offsets would drift
        return _marker_offset_by_pattern(html)
    best: int | None = None
    for anchor, words in _BY_ANCHOR.items():
        q = low.find(anchor)
        while q >= 0 and (best is None or q < best):  # a word before `best`, a "<", ends before it
            for word, k in words:
                p = q - k
                if (p >= 0 and (best is None or p < best) and low.startswith(word, p)
                        and _is_marker_tag(html, p, p + len(word))):
                    best = _tag_start(html, p)
            q = low.find(anchor, q + 1)
    return best


def marker_offset_by_words(html: str) -> int | None:
    """`marker_offset` as it was: each of the 24 words looked for in turn (kept as its reference)."""
    low = html.lower()
    if len(low) != len(html):
        return _marker_offset_by_pattern(html)
    best: int | None = None
    for word in MARKER_WORD_LIST:
        pos = low.find(word)
        while pos >= 0 and (best is None or pos < best):
            if _is_marker_tag(html, pos, pos + len(word)):
                best = _tag_start(html, pos)
                break
            pos = low.find(word, pos + 1)
    return best


def _marker_offset_by_pattern(html: str) -> int | None:
    return next((_tag_start(html, m.start()) for m in MARKER_WORDS.finditer(html)
                 if _is_marker_tag(html, m.start(), m.end())), None)


def _tag_start(html: str, pos: int) -> int:
    return html.rfind("<", max(0, pos - 2000), pos)


def _is_marker_tag(html: str, word_start: int, word_end: int) -> bool:
    """True when the word at html[word_start:word_end] sits in a start tag that marks a quote."""
    start = _tag_start(html, word_start)
    if start < 0 or html.find(">", start, word_start) >= 0:
        return False  # not inside a tag
    end = html.find(">", word_end, word_end + 2000)
    if end < 0:
        return False
    finder = _MarkerFinder()
    try:
        finder.feed(html[start:end + 1])
    except Exception:  # noqa: BLE001 - a tag the parser refuses is no marker we can trust
        return False
    return finder.found is not None


# Zoho Mail's signature div: `<div id="Zm-_Id_-Sgn" …>` (its quote's attribution is "Zm-_Id_-Sgn1": not this)
_ZOHO_SIGNATURE_ID = re.compile(r"""\bid\s*=\s*["']?zm-_id_-sgn(?=["'\s>/])""", re.IGNORECASE)
_DIV_TAG = re.compile(r"<(/?)div\b[^<>]*>", re.IGNORECASE)


def zoho_signature_span(html: str) -> tuple[int, int] | None:
    """(start, end) of Zoho Mail's signature div (the first `<div id="Zm-_Id_-Sgn">` to its own
    `</div>`), or None when there is none or its end cannot be found. Only that div is the signature:
    a P.S. under it, or text typed under an empty one, is the member's (review of batch 18); what
    follows is read as before (Zoho's quote has its own marker, `zmail_extra`). One pass over the divs
    after it: linear."""
    if "zm-_id_-sgn" not in ascii_lower(html):  # one scan in C: the case-blind pattern, tried at every
        return None                               # character, took 5 ms over 100 KB of HTML (bench row 7)
    found = _ZOHO_SIGNATURE_ID.search(html)
    if found is None:
        return None
    start = _tag_start(html, found.start())
    if start < 0 or not html.startswith(("<div", "<DIV", "<Div"), start) or html.find(">", start, found.start()) >= 0:
        return None
    depth = 0
    for tag in _DIV_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start, tag.end()
    return None


# A client's own signature element, named by its tag or by a class or id: Mailspring's `<signature>`,
# eM Client's `id="signature_old"`, "<app>-signature" / "<app>_signature" classes (Front, Missive,
# Polymail, Canary, K-9, FairEmail, …). The markers above (gmail_signature, moz-signature, …) keep
# their own reading; a class that says there is none ("no-signature", "has_signature") is no signature.
_SIGNATURE_TOKEN = re.compile(r"(?:(?!(?:no|non|has|with|without|hide|hidden|show|edit|add|insert|new|select"
                              r"|empty)[-_])[a-z0-9]{2,20}[-_])?signature(?:[-_]old)?")
_SIGNATURE_TAGS = ("div", "signature", "span", "p", "pre", "table", "section")
_TAG_NAME = re.compile(r"<([a-z]+)\b", re.IGNORECASE)
_ID_OR_CLASS = re.compile(r"""\b(id|class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
_HIDDEN = ("<style", "<script", "<title", "<head")
# her sentence typed inside the element: a question, an exclamation, a P.S., a sentence of five words
# or more ("I'll bring two rakes too.": a kept "Sent with … secure email." costs less than her lost line)
_HER_SENTENCE = re.compile(r"[?!]\s*$|^\s*p\.?\s?s\b|^(?:\S+\s+){4,}\S+[.]\s*$", re.IGNORECASE)
_CONTACT_DETAIL = re.compile(r"\d[\d ().-]{5,}\d|@|https?:|www\.", re.IGNORECASE)


def _signature_block(lines: list[str]) -> bool:
    """True when the element's lines read as a signature block, not as an answer typed there ("Yes",
    "Option A", "Vote: B", "Count me in", "Sam / Saturday works"): a line gives a contact detail (a
    phone number, an e-mail or web address), or a full name opens two lines or more ("Owen Park /
    Riverside Residents")."""
    return any(_CONTACT_DETAIL.search(line) for line in lines) or (len(lines) >= 2 and _looks_like_name(lines[0]))


def _her_sentence(line: str) -> bool:
    """True for a line of hers rather than a signature's: `_HER_SENTENCE`, or three words or more
    in lower case with no contact detail ("I'll be there at 9", where a signature's lines are names,
    roles and numbers: "Green Streets Volunteer", "514-555-0199")."""
    if _HER_SENTENCE.search(line):
        return True
    return sum(w[:1].islower() for w in line.split()) >= 3 and _CONTACT_DETAIL.search(line) is None

MAX_SIGNATURE_ELEMENTS = 4  # signature elements looked at, each read to its end once
MAX_SIGNATURE_TAGS = 50  # start tags naming "signature" parsed; past them nothing more is looked for
MAX_SIGNATURE_HTML = 20_000  # characters of HTML in a signature element (more: kept, as a reply may be)
MAX_SIGNATURE_TEXT = 600  # characters of text in it


def _marks_signature(tag: str) -> bool:
    """True when the start tag is a client's signature element: a `<signature>` tag, or a class or
    id word that names a signature (`_SIGNATURE_TOKEN`) and is none of the markers above."""
    name = _TAG_NAME.match(tag)
    if name is None or name.group(1).lower() not in _SIGNATURE_TAGS:
        return False
    if name.group(1).lower() == "signature":
        return True
    for found in _ID_OR_CLASS.finditer(tag):
        words = ascii_lower(found.group(2) or found.group(3) or found.group(4) or "").split()
        if any(_SIGNATURE_TOKEN.fullmatch(w) and w not in MARKER_CLASSES | SIGNATURE_IDS for w in words):
            return True
    return False


def _element_end(html: str, start: int, name: str) -> int | None:
    depth = 0
    for tag in re.compile(rf"<(/?){name}\b[^<>]*>", re.IGNORECASE).finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return None


def _words_above(html: str, low: str, end: int) -> bool:
    """True when html[:end] shows a letter or a digit outside its tags, its head, styles and scripts.
    One pass, left to right."""
    pos = 0
    while pos < end:
        lt = low.find("<", pos, end)
        if any(c.isalnum() for c in unescape(html[pos:lt if lt >= 0 else end])):
            return True
        if lt < 0:
            return False
        hidden = next((h for h in _HIDDEN if low.startswith(h, lt)
                       and not low[lt + len(h):lt + len(h) + 1].isalnum()), None)
        close = low.find("</" + hidden[1:], lt, end) if hidden else lt
        gt = low.find(">", close, end) if close >= 0 else -1
        if gt < 0:
            return False
        pos = gt + 1
    return False


# "signature" ending a word (a tag name, a class or id word, or "…_old"), in lower case
_SIGNATURE_WORD = re.compile(r"signature(?=[\"'\s>/]|[-_]old)")
MAX_SIGNATURE_WORDS = 200  # such words looked at (in tags or not); past them nothing more is looked for


def client_signature_spans(html: str) -> list[tuple[int, int]]:
    """(start, end) of each signature element a mail client marked (`_marks_signature`) under the
    member's words, to be left out alone (the text after it is read as before, as Zoho's). Only an
    element with words of hers above it, at most MAX_SIGNATURE_TEXT characters of text, read as a
    signature block (`_signature_block`: a contact detail, or a full name over another line) and no line
    of hers inside (a question, an exclamation, a P.S., a sentence, words in lower case:
    `_her_sentence`). Linear: the words "signature" are visited left to right (at most
    MAX_SIGNATURE_WORDS), whether each is in a tag told by the last "<" and ">" before it, looked
    for since the word before; at most MAX_SIGNATURE_TAGS tags parsed and MAX_SIGNATURE_ELEMENTS
    elements read. Comments must be blanked already."""
    low = ascii_lower(html)
    if "signature" not in low:
        return []
    spans: list[tuple[int, int]] = []
    tried = parsed = visited = 0
    last, lt, gt = 0, -1, -1
    found = _SIGNATURE_WORD.search(low)
    while (found is not None and tried < MAX_SIGNATURE_ELEMENTS and parsed < MAX_SIGNATURE_TAGS
           and visited < MAX_SIGNATURE_WORDS):
        visited += 1
        pos = found.start()
        lt, gt, last = max(lt, low.rfind("<", last, pos)), max(gt, low.rfind(">", last, pos)), pos
        close = low.find(">", pos) if lt > gt else pos
        if close < 0:
            break  # no tag closes after it
        if lt <= gt or low.find("<", pos, close) >= 0:
            found = _SIGNATURE_WORD.search(low, found.end())
            continue
        parsed += 1
        if not _marks_signature(html[lt:close + 1]):
            found = _SIGNATURE_WORD.search(low, found.end())
            continue
        tried += 1
        start = lt
        end = _element_end(html, start, _TAG_NAME.match(html, start).group(1))
        if end is None:
            break  # an element that never closes: nothing after it can be told apart
        if end - start <= MAX_SIGNATURE_HTML and (spans or _words_above(html, low, start)):
            lines = [line.strip() for line in unescape(_ANY_TAG.sub("\n", html[start:end])).split("\n") if line.strip()]
            if (len("".join(lines)) <= MAX_SIGNATURE_TEXT and _signature_block(lines)
                    and not any(_her_sentence(line) for line in lines)):
                spans.append((start, end))
        last, lt, gt = end, -1, -1
        found = _SIGNATURE_WORD.search(low, end)
    return spans
