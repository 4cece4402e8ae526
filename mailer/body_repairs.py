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
  alternative that only says the message is in HTML.
- `leaf_parts`: the parts, each with whether it lies in an attached message (not her words).

Each is a few scans in C (str.find, one regular expression without nested repeats): linear in the
size of the body.
"""
from __future__ import annotations

import email
import email.policy
import quopri
import re
from email.message import Message

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
    while i < len(lines) and lines[i].strip():  # "Hash: SHA256" (and any other armour header)
        i += 1
    out: list[str] = []
    skipping = False
    for line in lines[i + 1:]:
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
    """The text with one ">" taken off each line that starts with ">…From " (the mboxrd escape)."""
    return _ESCAPED_FROM.sub(r"\1", text) if ">From " in text else text


_HTML_START = re.compile(r"\s*+(?:<!doctype html|<html[\s>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when a text/plain body is an HTML document (opens with a doctype or an <html> tag and
    holds its </html> or </body>): a mailer sent its HTML under the wrong type."""
    if not _HTML_START.match(text[:2000]):
        return False
    tail = text[-2000:].lower()
    return "</html>" in tail or "</body>" in tail


def leaf_parts(msg: Message):
    """Each part of `msg` that is no multipart, in order, with whether it lies inside an attached
    message (message/rfc822 and the like: the words of whoever wrote that message)."""
    stack = [(msg, False)]
    while stack:
        part, attached = stack.pop()
        if part.is_multipart():
            inside = attached or part.get_content_maintype() == "message"
            stack.extend((sub, inside) for sub in reversed(part.get_payload()))
        else:
            yield part, attached


_WORDS = re.compile(r"\w+")


def html_for_placeholder(plain: list[str], html: list[str]) -> str | None:
    """The HTML's text when the plain alternative is only a short placeholder about HTML ("This
    message contains HTML…") whose words the HTML does not hold; else None (the plain text stands)."""
    if not html:
        return None
    text = " ".join(p.strip() for p in plain)
    if len(text) > 300 or "html" not in text.lower():
        return None
    html_text = html_to_text("\n".join(html))
    words = set(_WORDS.findall(html_text.lower()))
    own = _WORDS.findall(text.lower())
    return html_text if html_text.strip() and sum(w in words for w in own) < len(own) / 2 else None
