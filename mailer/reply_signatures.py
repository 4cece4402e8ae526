"""The signature under a reply's text (split from `mailer.reply`, which reads the reply): a rule
of symbols above a short block of a name, a role and a phone number, a closing formula
("Best regards") above such a block, a full name signed under a closing formula above a role or two
and the quote ("Cu stimă, / Elena Dumitrescu / Coordonator voluntari"), a first name signed then
repeated in full above a role ("Nathalie / Nathalie Moreau / Responsable antenne"), a name alone
above a motto in quotation marks. Each check
reads a bounded window of lines below the one it is asked about, so the reading stays linear.
Where the quoted message opens under a line (`_opens_quote`, `_ends_below`) is `mailer.quote_openings`.
"""
from __future__ import annotations

import re

from mailer.legal_notices import is_disclaimer
from mailer.quote_headers import quote_follows
from mailer.quote_openings import _ends_below, _next_nonblank, _opens_quote, _quote_at
from mailer.reply_lines import Line, Lines
from mailer.signature_names import _looks_like_name, _signed_full_name
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
    a role, a phone number), not more of the member's prose. Reads at most 12 lines, each told
    once a reading (`_below_rule`: every rule of a run of rules reads the same lines under it)."""
    if _block_lines_from(lines, i + 1) > SIGNATURE_LINES:
        return False  # more short lines in a row under it than a block has: what the scan below finds
    count = 0
    known = lines.below_rule
    for j in range(i + 1, min(lines.count, i + 13)):
        kind = known.get(j)
        if kind is None:
            kind = _below_rule(lines, j)
        if kind == _OK or (kind == _FIRST_STOP and count):
            count += 1
            if count > SIGNATURE_LINES:
                return False
        elif kind == _QUOTE:
            return count > 0
        elif kind == _LONG:  # a quote under the block ends it; any other long line is prose
            return count > 0 and (lines[j].stripped[0] == ">" or _opens_quote(lines, j))
        elif kind != _BLANK:  # a sentence, "PS: …", or (first) a line introducing what follows
            return False
    return count > 0 and lines.count <= i + 13


# what a line is to `_signature_below`'s scan: blank; a quote or the line opening it; longer than
# SIGNATURE_WIDTH (whether it opens a quote is asked only under a first short line, as the scan did);
# a sentence or a "PS:" (no block goes on through it); a sentence or a line introducing what follows
# (no block opens with it); a short line of a block
_BLANK, _QUOTE, _LONG, _STOP, _FIRST_STOP, _OK = range(6)


def _below_rule(lines: Lines, j: int) -> int:
    """What line j is to `_signature_below`'s scan (see `_BLANK` …), kept in `lines.below_rule`; what
    its text alone says is kept for each text (`lines.below_rule_text`: a run of one rule is one text)."""
    line = lines[j].stripped
    kind = lines.below_rule_text.get(line)
    if kind is None:
        kind = lines.below_rule_text[line] = _text_below_rule(line)
    if kind >= _STOP and (line[0] == ">" or _opens_quote(lines, j)):  # a short line opening the quote
        kind = _QUOTE
    lines.below_rule[j] = kind
    return kind


def _block_lines_from(lines: Lines, j: int) -> int:
    """How many lines in a row from line j are short lines of a block (`_OK`), counted up to
    SIGNATURE_LINES + 1. `lines.block_run` keeps the last run counted (lines start to end - 1 are
    `_OK`): asked of each line of a run of rules in turn, each line is told once, not a dozen times."""
    run = lines.block_run
    start, end = run
    if not start <= j <= end:
        start = end = j
    limit = min(lines.count, j + SIGNATURE_LINES + 1)
    known = lines.below_rule
    while end < limit:
        kind = known.get(end)
        if (_below_rule(lines, end) if kind is None else kind) != _OK:
            break
        end += 1
    run[0], run[1] = start, end
    return end - j


def _text_below_rule(line: str) -> int:
    """What the stripped line is to `_signature_below`'s scan by its text alone (a short line's
    `_STOP`, `_FIRST_STOP` or `_OK` is a `_QUOTE` when it opens the quote: `_below_rule`)."""
    if not line:
        return _BLANK
    if len(line) > SIGNATURE_WIDTH:
        return _LONG
    if ((len(line) > 40 and line.endswith((".", "?", "!"))) or (len(line) > CJK_SENTENCE and line.endswith(("。", "？", "！")))
            or _POSTSCRIPT.match(line)):
        return _STOP
    if _is_sentence(line) or (line.endswith((":", "：")) and len(line.split()) >= INTRO_WORDS):
        return _FIRST_STOP
    return _OK


def _is_sentence(text: str) -> bool:
    """True for a line of prose ending as a sentence does: longer than 40 characters, or at least
    four words whose last is not capitalised ("So the flyer dates are right."; a signature's
    "Example Housing Co-op Inc." ends with a capital)."""
    if not text.endswith((".", "?", "!")):
        return False
    words = text.split()
    return len(text) > 40 or (len(words) >= 4 and words[-1][:1].islower())


def own_rule_above_prose(lines: Lines, i: int) -> bool:
    """True when the rule at line i is the member's own section break: the first line under it is a
    sentence of hers (`_is_sentence`: no address, no link, no legal notice, no land acknowledgement
    nor after-hours line) and a quote the readers know still starts below it, and the sentence is
    not a one-line footer glued to the rule right above the quote (a blank line under her rule, or
    more of her text under the sentence). A list footer's or a company signature's rule has a name,
    a list's address, a notice or a single footer line under it, and comes under the quote or right
    above it."""
    j = _next_nonblank(lines, i + 1, 3)
    if j is None or lines.quoted(j):
        return False
    line = lines[j]
    text = line.stripped
    low = text.lower()
    return (_is_sentence(text) and "@" not in text and "http" not in low and "www." not in low
            and not is_disclaimer(line) and not is_signature_notice(line) and not _opens_quote(lines, j)
            and (j > i + 1 or not _ends_below(lines, j)) and quote_follows(lines, j))


_SENTENCE_END = (".", "!", "?", "…", ")", "。", "！", "？")


def ends_as_sentence(kept: list[str]) -> bool:
    """True when the last line the member wrote above ends as a sentence does ("Approved from our
    side.", "Ok from me!"): a signature's name stands under her finished text. A line without that
    end ("Talk to", "these two nurses said yes", "Los turnos quedan así") introduces what follows:
    the names with credentials, the roster, the contact under it are hers. Asked before the openers
    a member's own lists resemble (`name_with_title`, a signature notice ending a block). Reads at
    most 3 kept lines."""
    last = next((k.strip() for k in kept[-1:-4:-1] if k.strip()), "")
    return last.endswith(_SENTENCE_END)


def introduced_above(kept: list[str]) -> bool:
    """True when the last line the member wrote above ends with a colon ("the drop-off should read:",
    "call my neighbour:"): the name, the address or the phone under it are what she introduces, not
    her signature. Reads at most 3 kept lines."""
    last = next((k.strip() for k in kept[-1:-4:-1] if k.strip()), "")
    return last.endswith((":", "："))


def _signature_block(lines: Lines, start: int, need_contact: bool = True, notice_tells: bool = False,
                     notices_end: bool = True) -> bool:
    """True when the lines from `start` to the end of the text, a quote or an attribution are a
    signature block: at most SIGNATURE_LINES short lines of at most SIGNATURE_WORDS words (a
    name, a role, an organisation), one of them a phone number, a web or mail address (unless
    not `need_contact`, or a legal notice ends the block and `notice_tells`); no sentence, no
    "PS:". A signature notice (`is_signature_notice`) ends the block as a legal notice does when
    `notices_end` and nothing of the member's follows its paragraph (`_signature_notice_at`).
    Reads at most 14 lines (and 12 under a signature notice)."""
    count, contact = 0, False
    for j in range(start, min(len(lines), start + 14)):
        if lines.blank(j):
            continue
        if lines.quoted(j) or _opens_quote(lines, j) or _UNDERSCORE_RULE.match(lines[j].head):
            break
        if is_disclaimer(lines[j]) or (notices_end and _signature_notice_at(lines, j)):  # a company's legal notice under its signature block ends it as a quote does
            contact = contact or notice_tells  # (under a closing formula it tells, as a phone number does,
            break  # that the short lines between are a signature)
        line = lines[j].stripped
        count += 1
        contact = contact or gives_contact(lines[j])
        parts = line.split(" | ") if _two_languages(line) else (line,)
        if (count > SIGNATURE_LINES or any(len(part) > SIGNATURE_WIDTH for part in parts) or line.endswith(("?", "!"))
                or any(sum(1 for w in part.split() if not w.isascii() or any(c.isalpha() for c in w)) > SIGNATURE_WORDS
                       for part in parts)
                or _POSTSCRIPT.match(line)):
            return False  # a sentence or a "PS: call me on …" is the member's, not a signature
            # ("Policy Analyst | Analyste des politiques": a bilingual line's limits hold for each language)
    else:
        if len(lines) > start + 14:
            return False
    return count > 0 and (contact or not need_contact)


def _two_languages(line: str) -> bool:
    """True for a signature line saying one thing in two languages behind a bar ("Policy Analyst |
    Analyste des politiques", "Immigration, Refugees and Citizenship Canada | Immigration, Réfugiés
    et Citoyenneté Canada"): two parts, no figure, at most 2 * SIGNATURE_WIDTH characters. Its limits
    hold for each part; a member's schedule ("Saturday 12 December, pick-up at … | drop-off at …")
    has a date or more parts and is measured whole."""
    return (len(line) <= 2 * SIGNATURE_WIDTH and line.count(" | ") == 1
            and not any(c.isdigit() for c in line))


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


def _roles_above_notice(lines: Lines, start: int, quote_ends: bool = False, notices_end: bool = True) -> bool:
    """True when one to NOTICE_ROLE_LINES short lines from `start` (a role, an organisation: at most
    SIGNATURE_WORDS words, no question nor exclamation) stand right above a legal notice
    (`is_disclaimer`), or when `quote_ends` above the quoted message (a `>` line, an attribution, a
    header block) too, none of them then ending as a sentence does: the rest of a signature whose
    name is the line above `start`. A signature notice counts as a legal notice when `notices_end`
    (see `_notice`). Reads at most NOTICE_ROLE_LINES + 3 lines (and 12 under a signature notice)."""
    count = 0
    for j in range(start, min(lines.count, start + NOTICE_ROLE_LINES + 3)):
        if lines.blank(j):
            if count:
                k = _next_nonblank(lines, j, 3)
                return k is not None and (_notice(lines, k, notices_end) or (quote_ends and _quote_at(lines, k)))
            if quote_ends or j == start:
                continue  # the blank line under the signed name (a paragraph each, in HTML)
            return False
        if _notice(lines, j, notices_end) or (quote_ends and _quote_at(lines, j)):
            return count > 0
        line = lines[j].stripped
        count += 1
        if (count > NOTICE_ROLE_LINES or len(line) > SIGNATURE_WIDTH or line.endswith(("?", "!", ":"))
                or len(line.split()) > SIGNATURE_WORDS or lines.quoted(j)
                or (quote_ends and (line.endswith((".", "。", "…")) or _POSTSCRIPT.match(line)))):
            return False
    return False


def _notice(lines: Lines, j: int, notices_end: bool = True) -> bool:
    """True when line j opens a legal notice, or (when `notices_end`) a signature's notice with
    nothing of the member's under its paragraph (`_signature_notice_at`)."""
    return is_disclaimer(lines[j]) or (notices_end and _signature_notice_at(lines, j))


NOTICE_LINES = 6  # a land acknowledgement or an after-hours notice: at most this many lines
NOTICES = 3  # a signature's notices, one under the other (a land acknowledgement, then the after-hours line)


def _signature_notice_at(lines: Lines, j: int) -> bool:
    """True when line j opens a signature notice (`is_signature_notice`) and nothing of the
    member's follows its paragraph but other notices (`is_signature_notice`, `is_disclaimer`), then
    the end of the text or the quote (`_ends_below`): a signature's notices are its last part. Under
    "Please don't feel obligated to respond after hours, tomorrow is fine for her." her "Thanks, Ana"
    shows the sentence was hers. Reads at most NOTICES * (NOTICE_LINES + 6) lines."""
    if not is_signature_notice(lines[j]):
        return False
    for _ in range(NOTICES):
        last = j
        while last + 1 < min(lines.count, j + NOTICE_LINES) and not lines.blank(last + 1) and not lines.quoted(last + 1):
            last += 1
        if _ends_below(lines, last):
            return True
        k = _next_nonblank(lines, last + 1, 6)
        if k is None or not (is_signature_notice(lines[k]) or is_disclaimer(lines[k])):
            return False
        j = k
    return False


# what an organisation's signature says under the name and role, in no one's answer: a land
# acknowledgement ("I acknowledge that I live and work on the traditional territory of …", "Nous
# reconnaissons que … territoire traditionnel …") and the after-hours line ("I'm sending this at a
# time that works for me. Please don't feel obligated to reply outside of your working hours.", "My
# working hours may not be your working hours"). A line's first words say it: "We acknowledge" /
# "Je reconnais" opening the line, a word for the land within NOTICE_REACH characters.
NOTICE_REACH = 200
_LAND = re.compile(
    r"^(?:land acknowledge?ment\s*[:\-–—]|(?:i|we)\s+(?:(?:respectfully|gratefully|humbly|would like to|wish to)\s+)?"
    r"acknowledge\b.{0,%d}?\b(?:territor(?:y|ies)|treaty|unceded|ancestral|traditional lands?)\b"
    r"|(?:je|nous)\s+(?:tiens à\s+|tenons à\s+)?reconna(?:is|issons)\b.{0,%d}?\bterritoire)" % (NOTICE_REACH, NOTICE_REACH),
    re.IGNORECASE)
_AFTER_HOURS = re.compile(
    r"^(?:(?:i'?m|i am)\s+sending\s+(?:this|you this)\b.{0,60}?\btime that works for me"
    r"|my working hours (?:may|might) not be your working hours"
    r"|(?:please\s+)?(?:do not|don'?t) feel (?:obligated|obliged|pressured) to (?:reply|respond|answer)\b.{0,60}?"
    r"\b(?:outside|after|beyond)\b)",
    re.IGNORECASE)


def is_signature_notice(line: Line) -> bool:
    """True when the line opens a land acknowledgement or an after-hours notice, as a signature
    carries them under the name and role (see `_LAND`, `_AFTER_HOURS`): it ends a signature block
    as a legal notice does. Asked only of the lines under a name (a member's "We acknowledge the
    hall is small" names no land and stays)."""
    text = line.clean
    return (bool(text) and text[0] in "IiWwJjNnLlMmPpDd" and not text.rstrip().endswith("?")  # no notice asks
            and (_LAND.match(text) is not None or _AFTER_HOURS.match(text) is not None))
