"""Repairs of a reply's body structure before its text is read (batch 18, `b18m_`): what mail
programs, relays and archives do to the MIME and the text around a member's words.

- `repair_boundary`: a multipart whose Content-Type names no boundary, or one the body never
  uses, read with the boundary its body does use (the first `--…` line that a part's header
  follows).
- `qp_soft_breaks`: quoted-printable whose soft break `=` a relay followed with spaces ("= \\n"):
  RFC 2045 says the spaces are to be ignored; Python's decoder keeps the `=`.
- `without_pgp_armour`: an inline PGP-signed text ("-----BEGIN PGP SIGNED MESSAGE-----", "Hash:",
  dash-escaped lines, the signature block) read as the text it signs.
- `mbox_unescaped`: in a message saved from an mbox file (its "From " separator line on top),
  ">From " at a line start is the archive's escape of the member's "From ".
- `looks_like_html`: a text/plain body that is an HTML document; `html_for_placeholder`: a plain
  alternative that only says the message is in HTML, `html_for_run_together`: one that copies the
  HTML with its line ends lost (`own_text`: beside its HTML alternative only).
- `leaf_parts`: the parts, each with the attached message it lies in (not her words, unless
  `wraps_own`: a relay wrapped her own message; `AttachedTexts` keeps the two apart).

Each is a few scans in C (str.find, one regular expression without nested repeats): linear in the
size of the body.
"""
from __future__ import annotations

import email
import email.policy
import quopri
import re
from email.message import Message

from mailer import addresses
from mailer.header_text import header_text, raw_header_values
from mailer.html_text import html_to_text
from mailer.read_message import ReadMessage

# a line that may open a part: "--" and a boundary (RFC 2046: up to 70 characters, no trailing blank)
_DELIMITER = re.compile(r"^--([^\s][^\r\n]{0,69}?)[ \t]*\r?$", re.MULTILINE)
# a header field name at the start of a part
_PART_HEADER = re.compile(r"(?i:content-[a-z-]+|mime-version)[ \t]*:")
MAX_LOOK = 100_000  # characters of the body searched for a delimiter


def repair_boundary(msg: Message, defects: list[str]) -> Message:
    """`msg` itself, or, when it is a multipart whose parts the email package could not find (no
    boundary parameter, or one the body never uses), the message read again with the boundary of
    the first "--…" line of its body that a part's Content-… header follows. Never raises."""
    if msg.is_multipart() or msg.get_content_maintype() != "multipart":
        return msg
    payload = msg.get_payload()
    if not isinstance(payload, str):
        return msg
    for match in _DELIMITER.finditer(payload, 0, MAX_LOOK):
        end = match.end()
        if not _PART_HEADER.match(payload, end + 1 if payload.startswith("\n", end) else end):
            continue
        boundary = match.group(1)
        if boundary == msg.get_boundary():
            return msg
        try:
            body = email.message_from_string(
                f'Content-Type: {msg.get_content_type()}; boundary="{boundary}"\n\n' + payload,
                ReadMessage, policy=email.policy.compat32)
        except Exception:  # noqa: BLE001 - a body the package refuses stays as it was
            return msg
        if not body.is_multipart():
            return msg
        msg.set_payload(body.get_payload())
        defects.append("multipart read with the boundary its body uses")
        return msg
    return msg


_QP_SPACED_BREAK = re.compile(rb"=[ \t]++(?=\r?\n)")


def qp_soft_breaks(payload: str) -> bytes | None:
    """The decoded bytes of a quoted-printable payload in which a soft break's `=` is followed by
    spaces or tabs before the line end (those dropped, as RFC 2045 asks), or None when it holds
    none such (the package's decoding stands)."""
    if "= " not in payload and "=\t" not in payload:
        return None
    data = payload.encode("ascii", "surrogateescape")
    fixed = _QP_SPACED_BREAK.sub(b"=", data)
    return quopri.decodestring(fixed) if fixed != data else None


_PGP_HEAD = "-----BEGIN PGP SIGNED MESSAGE-----"
_PGP_SIGNATURE = "-----BEGIN PGP SIGNATURE-----"
_PGP_END = "-----END PGP SIGNATURE-----"
# an armour header of a cleartext signature (RFC 4880, 7: "Hash: SHA256"; GnuPG's "Charset: UTF-8"): one
# token for a value, so a member's "Hash: we need to…" line of prose stays text
_ARMOUR_HEADER = re.compile(r"(?:Hash|Charset)[ \t]*:[ \t]*[\w,-]+[ \t]*\r?$", re.IGNORECASE)


def without_pgp_armour(text: str) -> str:
    """The text an inline PGP signature signs (RFC 4880, 7: the "BEGIN PGP SIGNED MESSAGE" line
    and its "Hash:" lines, the dash escapes "- " and the signature block taken off); the text
    itself when it does not open with that line."""
    head = text[:4000]  # (not text.lstrip(): a copy of the whole body)
    start = len(head) - len(head.lstrip())
    if not text.startswith(_PGP_HEAD, start):
        return text
    lines = text[start + len(_PGP_HEAD):].split("\n")
    i = 1
    while i < len(lines) and _ARMOUR_HEADER.match(lines[i]):  # "Hash: SHA256" (and any other armour header)
        i += 1
    if i < len(lines) and not lines[i].strip():  # the blank line under them; a line of text stays
        i += 1
    out: list[str] = []
    skipping = False
    for line in lines[i:]:
        bare = line.rstrip("\r")
        if bare == _PGP_SIGNATURE:
            skipping = True
        elif skipping:
            skipping = bare != _PGP_END
        else:
            out.append(bare[2:] if bare.startswith("- ") else bare)
    return "\n".join(out)


_MBOX_FROM = re.compile(rb"[\r\n \t]*+From [^\r\n]*\r?\n")
_ESCAPED_FROM = re.compile(r"^>(>*From )", re.MULTILINE)


def is_mbox_saved(raw: bytes) -> bool:
    """True when the message opens (after blank lines) with an mbox "From " separator line."""
    return _MBOX_FROM.match(raw[:4096]) is not None  # (a bounded look: 1 MB of blank lines above is no mbox)


def mbox_unescaped(text: str) -> str:
    """The text with one ">" taken off each line that starts with ">…From " (the mboxrd escape),
    but for one that reads as a line of a quote: a ">" line above or under it, or a line ending in
    ":" above it (an attribution: an archive that added its "From " line without escaping left a
    quoted ">From the agenda…" as it was; review of batch 18)."""
    if ">From " not in text:
        return text

    def unescape(m: re.Match) -> str:
        start = m.start()
        above = text[text.rfind("\n", 0, max(start - 1, 0)) + 1:max(start - 1, 0)].rstrip("\r \t") if start else ""
        under = text.find("\n", m.end())
        if above.startswith(">") or above.endswith(":") or (under >= 0 and text.startswith(">", under + 1)):
            return m.group()
        return m.group(1)

    return _ESCAPED_FROM.sub(unescape, text)


# a doctype or an <html> tag, and the next tag right under it: a document, not prose that begins by
# naming the tag ("<html> and <body> tags show up on my phone", review of batch 18)
_HTML_START = re.compile(r"\s*+(?:<!doctype html[^<>]*>\s*(?:<!--[^<>]*-->\s*)?<|<html(?:\s[^<>]*)?>\s*<)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when a text/plain body is an HTML document (opens with a doctype or an <html> tag with
    the next tag right under it, and holds its </html> or </body>): a mailer sent its HTML under the
    wrong type."""
    if not _HTML_START.match(text[:2000]):
        return False
    tail = text[-2000:].lower()
    return "</html>" in tail or "</body>" in tail


def leaf_parts(msg: Message):
    """Each part of `msg` that is no multipart, in order, as (part, the attached message it lies in
    or None, the multipart it is a part of or None). An attached message (message/rfc822 and the
    like) holds the words of whoever wrote it."""
    stack: list[tuple[Message, Message | None, Message | None]] = [(msg, None, None)]
    while stack:
        part, attached, parent = stack.pop()
        if part.is_multipart():
            if part.get_content_maintype() == "message" and attached is None:
                payload = part.get_payload()
                attached = payload[0] if payload else part
            stack.extend((sub, attached, part) for sub in reversed(part.get_payload()))
        else:
            yield part, attached, parent


def _mailbox(msg: Message, name: str) -> tuple[str, str]:
    """(display name case-folded on one line, address) of the first mailbox of a From-like header."""
    values = raw_header_values(msg, name)
    display, addr = addresses.parse_one(values[0] if values else "")
    return " ".join(header_text(display).split()).casefold(), addr


def wraps_own(outer: Message, attached: Message) -> bool:
    """True when an attached message is the sender's own that a relay wrapped (SpamAssassin's
    report_safe, a list's DMARC wrap_message, a gateway's "[EXTERNAL]" banner: review of batch 18):
    its From address is the outer From's or Reply-To's, or its display name is the outer From's
    ("Sam Member", or a list's "Sam Member via Volunteers"). Its text is then hers."""
    if not isinstance(attached, Message):
        return False
    name, addr = _mailbox(attached, "From")
    outer_name, outer_addr = _mailbox(outer, "From")
    if addr and addr in (outer_addr, _mailbox(outer, "Reply-To")[1]):
        return True
    return bool(name) and (outer_name == name or outer_name.startswith(name + " via "))


class AttachedTexts:
    """The text parts of the messages attached to a reply (message/rfc822), in order: those of the
    sender's own message a relay wrapped (`wraps_own`: hers) apart from those of anyone else's."""

    def __init__(self, outer: Message) -> None:
        self.outer = outer
        self.others: list[str] = []  # read only when the reply has no text of its own
        self.hers: tuple[list[str], list[str]] = ([], [])  # plain, HTML
        self.hers_first = False  # (her message above the relay's text: Mailman's wrap_message)
        self._wraps: dict[int, bool] = {}

    def add(self, attached: Message, ctype: str, text: str, own_seen: bool) -> None:
        """Take the text of a part of `attached` (`own_seen`: the reply's own text came before it)."""
        if self._wraps.setdefault(id(attached), wraps_own(self.outer, attached)):
            self.hers_first = self.hers_first or not (own_seen or self.others)
            self.hers[ctype == "text/html"].append(text)
        else:
            self.others.append(text)

    def with_hers(self, own: str) -> str | None:
        """The reply's own text and her wrapped message's (its plain text, or else its HTML's), in
        their order; None when no attached message is hers."""
        plain, html = self.hers
        if not plain and not html:
            return None
        hers = "\n".join(plain if any(t.strip() for t in plain) else html)
        return "\n\n".join(t for t in ([hers, own] if self.hers_first else [own, hers]) if t.strip())


def own_text(plain: list[str], html: list[str], parents: tuple[list, list], sender: str = "") -> tuple[str, bool]:
    """(the reply's text, whether it was read from HTML) of its plain and HTML parts: the plain text,
    unless it is empty or a client's placeholder (`html_for_placeholder`) beside the HTML in one
    multipart/alternative (`parents`: the multipart each plain, each HTML part is a part of). `sender`:
    the display name of the From header (`html_to_text`)."""
    if plain and (any(p.strip() for p in plain) or not html):  # an empty plain part: read the HTML
        parent = parents[0][0] if len(parents[0]) == 1 else None
        if (parent is not None and parents[1] == [parent] and parent.get_content_type() == "multipart/alternative"
                and ((html_text := html_for_placeholder(plain, html, sender)) is not None
                     or (html_text := html_for_run_together(plain, html, sender)) is not None)):
            return html_text, True
        return "\n".join(plain), False
    return (html_to_text("\n".join(html), sender), True) if html else ("", False)


_WORDS = re.compile(r"\w+")
_URL = re.compile(r"<?\b(?:https?://|www\.)\S+")
# a sentence of a client's placeholder for its HTML ("This message is in HTML format.", "Please use an
# HTML-capable mail reader.", "To view this message, open it in a program that understands HTML.")
_PLACEHOLDER = re.compile(
    r"\bhtml[- ]?(?:capable|compatible|enabled|aware|format(?:ted)?|version|viewer|reader|mail|e-?mail|message"
    r"|fähig\w*|kompatib\w*|formaat|formátum\w*)\b|\b(?:format|formato|formaat|formacie)\s+html\b"
    r"|\b(?:message|e-?mail|mail)\s+(?:is|was|has\s+been)\s+(?:in|written\s+in|sent\s+in|composed\s+in|formatted\s+(?:in|as))"
    r"\s+(?:an?\s+)?html\b|\bcontains?\s+html\b|\b(?:understands|supports|displays?|reads?)\s+html\b",
    re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?;\n]+")


def is_placeholder(plain: str) -> bool:
    """True when a plain alternative only says its message is in HTML: each of its sentences (web
    addresses aside) a placeholder's ("This message contains HTML. Please view it in an HTML-capable
    mail client."), or a word or two; at most 300 characters."""
    if len(plain) > 3000:  # (a long text is no placeholder: not copied to find out)
        return False
    text = _URL.sub(" ", plain.strip())
    if len(text) > 300 or not _PLACEHOLDER.search(text):
        return False
    return all(_PLACEHOLDER.search(s) or len(_WORDS.findall(s)) <= 2 for s in _SENTENCE.findall(text))


def html_for_placeholder(plain: list[str], html: list[str], sender: str = "") -> str | None:
    """The HTML's text when the plain alternative is only a client's placeholder about HTML
    (`is_placeholder`) whose words the HTML does not hold; else None (the plain text stands). The
    caller asks it only of the two alternatives of one multipart/alternative."""
    if len(plain) != 1 or len(html) != 1 or not is_placeholder(plain[0]):
        return None
    html_text = html_to_text(html[0], sender)
    words = set(_WORDS.findall(html_text.lower()))
    own = _WORDS.findall(plain[0].lower())
    return html_text if html_text.strip() and sum(w in words for w in own) < len(own) / 2 else None


RUN_TOGETHER = 80  # characters: a plain alternative of one line shorter than this is read as written
HTML_LINES = 3  # lines of the HTML's text the one plain line must hold, one after another
LINES_LOOKED_AT = 50  # the HTML's first lines of text compared (each a substring search: bounded work)
COPIED = 0.9  # of the plain line, the share the HTML's lines found in it must make up


def html_for_run_together(plain: list[str], html: list[str], sender: str = "") -> str | None:
    """The HTML's text when the plain alternative is a bad copy of it with its line ends lost (Outlook
    Web App's "I'll bring … From: … Sent: … To: … Subject: … Hello all, …" on one line): one line of
    RUN_TOGETHER characters or more holding, in order, at least HTML_LINES of the HTML's lines of
    text and half of its first LINES_LOOKED_AT, and made of them (COPIED of its characters); else
    None (the plain text stands: a long one-line answer beside an HTML part that adds her name and
    phone, says other things, or holds a few of her short lines). Asked only of one
    multipart/alternative's two parts."""
    if len(plain) != 1 or len(html) != 1:
        return None
    text = " ".join(plain[0].split())
    if len(text) < RUN_TOGETHER or "\n" in plain[0].strip():
        return None
    html_text = html_to_text(html[0], sender)
    rows = [row for row in (" ".join(line.lstrip("> ").split()) for line in html_text.split("\n")) if row]
    rows = rows[:LINES_LOOKED_AT]  # (the quote's ">" marks are the HTML reader's, not in the copy)
    found = at = covered = 0
    for row in rows:
        k = text.find(row, at)
        if k >= 0:
            found, at, covered = found + 1, k + len(row), covered + len(row)
    # the rows found are the copy itself, nearly all of it up to the last of them (and to its end
    # when every row was looked at): a plain answer holding a few short lines of the HTML ("Yes",
    # "Tom") among words of its own, or more words than the HTML has, is no copy of it
    span = at if len(rows) == LINES_LOOKED_AT else len(text)
    copied = covered + found >= COPIED * span  # (a space between each two rows)
    return html_text if found >= max(HTML_LINES, (len(rows) + 1) // 2) and copied else None
