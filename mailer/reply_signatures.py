"""The signature under a reply's text (split from `mailer.reply`, which reads the reply): a rule
of symbols above a short block of a name, a role and a phone number, a closing formula
("Best regards") above such a block, a full name signed under a closing formula above a role or two
and the quote ("Cu stimă, / Elena Dumitrescu / Coordonator voluntari"), a first name signed then
repeated in full above a role ("Nathalie / Nathalie Moreau / Responsable antenne"), a name alone
above a motto in quotation marks. Each check
reads a bounded window of lines below the one it is asked about, so the reading stays linear.
"""
from __future__ import annotations

import re

from mailer.quote_headers import quote_starts
from mailer.quote_markers import attribution_span, intro_before_quote
from mailer.legal_notices import is_disclaimer
from mailer.reply_lines import Line, Lines
from mailer.sign_offs import gives_contact, is_phone_signature

_UNDERSCORE_RULE = re.compile(r"^\s*+_{5,}\s*$")
# html2text writes "-- " as "\--", and indents a <pre> (Thunderbird's signature) by four spaces
_SIG_DELIM = re.compile(r"^\s*+(?:--|—|\\--)\s*$")


# a rule of symbols, ASCII or the box-drawing and full-width ones East Asian signatures use ("━━━━", "＝＝＝");
# two are enough ("__" above a name and a role, as "--" is): what is under it must still be a signature block
_DELIMITER = re.compile(r"^\s*+[-_=~*#\u2500-\u257f\uff1d\uff0d\uff5e\u2015\u30fc]{2,}\s*$")
_DELIMITER_ASCII = b"-_=~*#"  # the ASCII characters of _DELIMITER's rule


def is_delimiter(line: Line) -> bool:
    """`_DELIMITER.match(line.head)`: a rule of at least two of its symbols, white space around
    it. For a line whose stripped text is ASCII, told by deleting those symbols from it (`\\s` is
    `str.isspace`: what the pattern reads around the rule is what `strip` takes off; the pattern
    read each character of the rule against its set: ~33 instructions a character)."""
    text = line.stripped
    if text.isascii():
        return len(text) >= 2 and not text.encode("ascii").translate(None, _DELIMITER_ASCII)
    return _DELIMITER.match(line.head) is not None


SIGNATURE_LINES = 8  # a signature block under a delimiter line has at most this many lines
SIGNATURE_WIDTH = 80
CJK_SENTENCE = 15  # a line ending with "。", "？" or "！" longer than this is a sentence, not a signature line
SIGNATURE_WORDS = 8  # a signature line under a closing formula: a name, a role, a phone, an address
_POSTSCRIPT = re.compile(r"^p\.?\s?s\.?\b", re.IGNORECASE)
INTRO_WORDS = 3  # a first line under a rule ending with a colon, this many words or more, introduces prose


def _signature_below(lines: Lines, i: int) -> bool:
    """True when the lines under the delimiter at line i are a signature block: at most
    SIGNATURE_LINES short lines, then the end of the text, a quote or an attribution (a name,
    a role, a phone number), not more of the member's prose. Reads at most 12 lines."""
    count = 0
    for j in range(i + 1, min(lines.count, i + 13)):
        line = lines[j].stripped
        if not line:
            continue
        if count == 0 and len(line) > SIGNATURE_WIDTH:
            return False  # what the checks below would say either way, without reading the line
        if line[0] == ">" or _opens_quote(lines, j):
            return count > 0
        count += 1
        if (count > SIGNATURE_LINES or len(line) > SIGNATURE_WIDTH or (len(line) > 40 and line.endswith((".", "?", "!")))
                or (len(line) > CJK_SENTENCE and line.endswith(("。", "？", "！")))):
            return False  # a sentence (in Chinese or Japanese, a third as many characters say as much)
        if _POSTSCRIPT.match(line) or (count == 1 and line.endswith((":", "：")) and len(line.split()) >= INTRO_WORDS):
            return False  # "PS: …", or "Notes from our group meeting:" introducing what follows: the member's
    return count > 0 and lines.count <= i + 13


def _ends_below(lines: Lines, i: int) -> bool:
    """True when nothing of the member's follows line i: within the next 6 lines the text ends,
    or a quote, an attribution or a forwarded message starts."""
    j = _next_nonblank(lines, i + 1, 6)
    if j is None:
        return i + 7 >= len(lines)
    return lines.quoted(j) or _opens_quote(lines, j)


def _opens_quote(lines: Lines, j: int) -> bool:
    """True when line j opens the quoted message under a signature: an attribution (one the
    verbs name, or any dated line ending with a colon right above a `>` quote, whatever its
    language: `intro_before_quote`) or a separator or header block. Reads lines j to j+12."""
    return bool(attribution_span(lines, j)) or quote_starts(lines, j) or bool(intro_before_quote(lines, j))


def _signature_block(lines: Lines, start: int, need_contact: bool = True, notice_tells: bool = False) -> bool:
    """True when the lines from `start` to the end of the text, a quote or an attribution are a
    signature block: at most SIGNATURE_LINES short lines of at most SIGNATURE_WORDS words (a
    name, a role, an organisation), one of them a phone number, a web or mail address (unless
    not `need_contact`, or a legal notice ends the block and `notice_tells`); no sentence, no
    "PS:". Reads at most 14 lines."""
    count, contact = 0, False
    for j in range(start, min(len(lines), start + 14)):
        if lines.blank(j):
            continue
        if lines.quoted(j) or _opens_quote(lines, j) or _UNDERSCORE_RULE.match(lines[j].head):
            break
        if is_disclaimer(lines[j]):  # a company's legal notice under its signature block ends it as a quote does
            contact = contact or notice_tells  # (under a closing formula it tells, as a phone number does,
            break  # that the short lines between are a signature)
        line = lines[j].stripped
        count += 1
        contact = contact or gives_contact(lines[j])
        if (count > SIGNATURE_LINES or len(line) > SIGNATURE_WIDTH or line.endswith(("?", "!"))
                or sum(1 for w in line.split() if not w.isascii() or any(c.isalpha() for c in w)) > SIGNATURE_WORDS
                or _POSTSCRIPT.match(line)):
            return False  # a sentence or a "PS: call me on …" is the member's, not a signature
    else:
        if len(lines) > start + 14:
            return False
    return count > 0 and (contact or not need_contact)


_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*|de|da|di|do|dos|van|von|der|den|la|le|al|el|bin|ben|ter)$")


NAME_WIDTH = 40  # a name alone on its line is at most this long


_PRONOUNS = re.compile(r"\s*\((?:[^\W\d_]{1,6}/){1,2}[^\W\d_]{1,6}\)\s*$")  # "(she/her)", "(they/them)", "(er/ihm)"


def _looks_like_name(text: str) -> bool:
    """True for a person's name alone on a line: two to four words, each capitalised (or a
    particle: "van", "de", "al"), no figure, no sentence punctuation at the end; pronouns in
    brackets may follow it ("Alex Morgan (they/them)")."""
    if text.endswith(")") and len(text) <= NAME_WIDTH + 20:
        text = _PRONOUNS.sub("", text)
    words = text.split()
    return (2 <= len(words) <= 4 and len(text) <= NAME_WIDTH and not text.endswith((".", ",", ":", ";", "?", "!"))
            and all(_NAME_WORD.match(w) for w in words) and sum(w[:1].isupper() for w in words) >= 2)


_MOTTO = re.compile(r'^(?:"[^"]{3,200}"|“[^“”]{3,200}”|«[^«»]{3,200}»|„[^„“”]{3,200}[“”])(?:\s*[-—–~]\s*[^\W\d_][\w .\'’-]{0,40})?$')


def _motto_below(lines: Lines, i: int) -> bool:
    """True when the name at line i (every word capitalised) has under it only a saying in
    quotation marks (and its author), then the text ends or a phone's sign-off, a quote or an
    attribution follows, and the text above does not end with a colon: a signature with a motto,
    no "-- "."""
    j, above = i + 1, next((lines[p].stripped for p in range(i - 1, max(i - 4, -1), -1) if not lines.blank(p)), "")
    if above.endswith(":"):
        return False  # "What she said at the meeting:" then a name and her words: the member's
    if not (all(w[:1].isupper() or w in ("de", "da", "van", "von", "al", "el") for w in lines[i].stripped.split())
            and j < len(lines) and _MOTTO.match(lines[j].stripped)):
        return False
    k = _next_nonblank(lines, j + 1, 3)
    if k is None:
        return j + 4 >= len(lines)
    return lines.quoted(k) or _opens_quote(lines, k) \
        or is_phone_signature(lines[k]) or bool(_SIG_DELIM.match(lines[k].head))


def _signature_after_closing(lines: Lines, i: int) -> tuple[int, int] | None:
    """(lines kept after the closing formula at line i: 0 or its name line, where the signature
    block starts) when a signature block (`_signature_block`) follows it; None when prose or
    nothing follows."""
    name = lines[i + 1].stripped if i + 1 < len(lines) and not lines.quoted(i + 1) else ""
    kept = 1 if (name and len(name) <= 40 and len(name.split()) <= 4 and not any(c.isdigit() for c in name)
                 and "@" not in name) else 0
    if _signature_block(lines, i + 1 + kept, notice_tells=True):
        return (kept, i + 1 + kept)
    if kept and _full_name_block(lines, i + 2, name):
        return (kept, i + 2)  # "Kind regards, / Omar" then "Omar Haddad / Tenant Support Team"
    if kept and _signed_full_name(name) and _roles_above_notice(lines, i + 2, quote_ends=True):
        return (kept, i + 2)  # "Cu stimă, / Elena Dumitrescu" then "Coordonator voluntari" above the quote
    return None


_CASELESS_NAME_WORD = re.compile(r"^[^\W\d_]{1,20}$")
CJK_NAME = 4  # a Chinese, Japanese or Korean name signed alone: at most this many characters


def _signed_full_name(text: str) -> bool:
    """True for a full name signed under a closing formula: two to four capitalised words
    (`_looks_like_name`), two to four words of a script without capitals ("דנה מזרחי", "رضا کریمی"),
    or two to CJK_NAME characters of Chinese, Japanese or Korean ("林志明", "한지민")."""
    if _looks_like_name(text):
        return True
    words = text.split()
    if not words or len(text) > NAME_WIDTH or any(w[:1].isupper() or w[:1].islower() for w in words):
        return False  # a script with capitals writes its names with them: `_looks_like_name` said no
    if len(words) == 1:
        return 2 <= len(text) <= CJK_NAME and all(_is_cjk(c) for c in text)
    return len(words) <= 4 and all(_CASELESS_NAME_WORD.match(w) for w in words)


def _is_cjk(char: str) -> bool:
    """True for a Han, kana or Hangul character."""
    return "\u3040" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"


def signed_name_repeated(kept: list[str], line: Line) -> bool:
    """True when the line is a full name (`_looks_like_name`) that opens with the first name the
    member signed with on the last non-blank line kept ("Nathalie", then "Nathalie Moreau" above a
    role): the name repeated in full is the signature's first line. Reads at most 3 kept lines."""
    signed = next((k.strip() for k in kept[-1:-4:-1] if k.strip()), "")
    return (bool(signed) and " " not in signed and line.stripped.startswith(signed + " ")
            and _looks_like_name(line.stripped))


def _full_name_block(lines: Lines, start: int, signed: str) -> bool:
    """True when, under the name a closing formula was signed with ("Omar"), the same person's
    full name ("Omar Haddad") opens a signature block (`_signature_block`, no contact needed):
    the name repeated in full above a role is the signature, not more of the member's text."""
    j = _next_nonblank(lines, start, 3)
    if j is None or " " in signed:
        return False
    line = lines[j].stripped
    return (line.startswith(signed + " ") and _looks_like_name(line)
            and _signature_block(lines, j, need_contact=False))


NOTICE_ROLE_LINES = 3  # a role, an organisation, a department: what stands under a name above a legal notice


def _roles_above_notice(lines: Lines, start: int, quote_ends: bool = False) -> bool:
    """True when one to NOTICE_ROLE_LINES short lines from `start` (a role, an organisation: at most
    SIGNATURE_WORDS words, no question nor exclamation) stand right above a legal notice
    (`is_disclaimer`), or when `quote_ends` above the quoted message (a `>` line, an attribution, a
    header block) too, none of them then ending as a sentence does: the rest of a signature whose
    name is the line above `start`. Reads at most NOTICE_ROLE_LINES + 3 lines."""
    count = 0
    for j in range(start, min(lines.count, start + NOTICE_ROLE_LINES + 3)):
        if lines.blank(j):
            if count:
                k = _next_nonblank(lines, j, 3)
                return k is not None and (is_disclaimer(lines[k]) or (quote_ends and _quote_at(lines, k)))
            if quote_ends:
                continue  # the blank line under the signed name
            return False
        if is_disclaimer(lines[j]) or (quote_ends and _quote_at(lines, j)):
            return count > 0
        line = lines[j].stripped
        count += 1
        if (count > NOTICE_ROLE_LINES or len(line) > SIGNATURE_WIDTH or line.endswith(("?", "!", ":"))
                or len(line.split()) > SIGNATURE_WORDS or lines.quoted(j)
                or (quote_ends and (line.endswith((".", "。", "…")) or _POSTSCRIPT.match(line)))):
            return False
    return False


def _quote_at(lines: Lines, j: int) -> bool:
    """True when line j is quoted or opens the quoted message (`_opens_quote`)."""
    return lines.quoted(j) or _opens_quote(lines, j)


def _next_nonblank(lines: Lines, i: int, limit: int = 50) -> int | None:
    """The first non-blank line from i, looking at most `limit` lines ahead."""
    for j in range(i, min(lines.count, i + limit)):
        if not lines.blank(j):
            return j
    return None

