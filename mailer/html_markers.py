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
from mailer.own_signature import _ORGANISATION, _ROLE, _name_words

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
_SIGNATURE_TAGS = ("div", "signature", "p")  # a block of its own: no span inside her sentence, no list or table
_TAG_NAME = re.compile(r"<([a-z]+)\b", re.IGNORECASE)
_ID_OR_CLASS = re.compile(r"""(?<![\w-])(id|class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_HIDDEN = ("<style", "<script", "<title", "<head")
# where a line ends in the element (inline tags, <b> <a> <span>, keep her sentence on one line)
_LINE_BREAK = re.compile(r"<br\b[^<>]*>|</?(?:div|p|li|tr|table|h[1-6]|blockquote|pre|signature|section|ul|ol)\b[^<>]*>",
                         re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{5,}\d")
_NOT_PHONE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|^\d{1,3}(?:[ ,.\u00a0]\d{3})+$")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}", re.IGNORECASE)
_WEB = re.compile(r"https?://\S+|\bwww\.\S+", re.IGNORECASE)
_SENT_WITH = re.compile(r"^sent (?:from|with)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[?!？！؟。.:;]\s*$")


def _caseless_letters(line: str) -> bool:
    """True when the line has a letter of a script with no capitals (Arabic, Hebrew, Japanese, …):
    such words are read as hers, for a role cannot be told from her sentence there."""
    return any(c.isalpha() and c.lower() == c.upper() for c in line)


def _contact_line(line: str) -> str | None:
    """"phone", "email" or "web" when the line is one contact detail with at most a short label
    ("Tel:", "she/her ·"); a date ("2026-12-05") or an amount ("1 200 000") is no phone number."""
    for kind, pattern in (("email", _EMAIL), ("web", _WEB), ("phone", _PHONE)):
        found = pattern.search(line)
        if found is None or (kind == "phone" and _NOT_PHONE.search(found.group().strip())):
            continue
        rest = (line[:found.start()] + " " + line[found.end():]).split()
        if len(rest) <= 2 and not any(c.isdigit() for c in "".join(rest)):
            return kind
        return None
    return None


def _signature_block(lines: list[str], sender: str) -> bool:
    """True when EVERY line of the element is a signature's, of one person: a "--" rule, her own
    From name (or its first word) once, opening the block, then at least one of: one phone number,
    one e-mail, one web address, an organisation's name, a role (only beside a contact detail),
    "Sent from/with …". Anything else (a vote, "Yes", a list of names or phones, a sentence in any
    script, a date or an amount) keeps the element for the plain reader, as it was before."""
    want = _name_words(sender)
    lines = [line for line in lines if line not in ("--", "-- ", "—")]
    if not want or len(want) > 6 or len(lines) < 2 or len(lines) > 6:
        return False
    first = _name_words(lines[0])
    if first != want and not (len(first) == 1 and first[0] == _name_words(sender.split()[0])[0]):
        return False
    kinds = [_contact_line(line) for line in lines[1:]]
    if any(kinds.count(k) > 1 for k in ("phone", "email", "web")):
        return False
    contact = any(kinds)
    for line, kind in zip(lines[1:], kinds):
        if kind:
            continue
        if (len(line) > 80 or _SENTENCE.search(line) or _caseless_letters(line) or any(c.isdigit() for c in line)
                or any(w in want for w in _name_words(line))):
            return False
        if _SENT_WITH.match(line) and len(line.split()) <= 6:
            continue
        capitalised = all(w[:1].isupper() or w in _CONNECTORS for w in line.replace(",", " ").split())
        if not capitalised or not (_ORGANISATION.search(line) or (contact and _ROLE.search(line))):
            return False
    return True


_CONNECTORS = ("of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "et", "·", "-", "|")


def _element_lines(html: str) -> list[str]:
    """The element's text, one line per block or <br> (inline tags keep a sentence on its line)."""
    text = unescape(_ANY_TAG.sub("", _LINE_BREAK.sub("\n", html)))
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


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


def client_signature_spans(html: str, sender: str = "") -> list[tuple[int, int]]:
    """(start, end) of each signature element a mail client marked (`_marks_signature`) under the
    member's words, to be left out alone (the text after it is read as before, as Zoho's). Only an
    element with words of hers above it, at most MAX_SIGNATURE_TEXT characters of text, read as a
    signature block of hers (`_signature_block`: every line a signature's, opening with her From
    name, `sender`; none known: nothing is left out). Linear: the words "signature" are visited left to right (at most
    MAX_SIGNATURE_WORDS), whether each is in a tag told by the last "<" and ">" before it, looked
    for since the word before; at most MAX_SIGNATURE_TAGS tags parsed and MAX_SIGNATURE_ELEMENTS
    elements read. Comments must be blanked already."""
    low = ascii_lower(html)
    if "signature" not in low or not sender:
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
        if html[lt:close].rstrip().endswith("/"):  # "<signature/>": an empty element, nothing to leave out
            last, lt, gt = close, -1, -1
            found = _SIGNATURE_WORD.search(low, close)
            continue
        end = _element_end(html, start, _TAG_NAME.match(html, start).group(1))
        if end is None:
            break  # an element that never closes: nothing after it can be told apart
        if end - start <= MAX_SIGNATURE_HTML and (spans or _words_above(html, low, start)):
            lines = _element_lines(html[start:end])
            if len("".join(lines)) <= MAX_SIGNATURE_TEXT and _signature_block(lines, sender):
                spans.append((start, end))
        last, lt, gt = end, -1, -1
        found = _SIGNATURE_WORD.search(low, end)
    return spans
