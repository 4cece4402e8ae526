"""The new text of a reply: what the member wrote, without quotes, forwarded headers or signature.

`extract_new_text` walks the body line by line (no regular expression ever sees more than one
short window of lines, so no input can make it backtrack for long) and keeps what the member
wrote above or between quotes. It knows:

- quoted lines (`>`), and attribution lines that introduce a quote, in several languages and
  wrapped over up to three lines ("On … wrote:", "Le … a écrit :", "Am … schrieb …:",
  "Den … skrev …:", "Op … schreef …:", "El … escribió:", "2022年1月1日(金) 9:00 … <…>:" …);
  after an attribution whose quote is not `>`-prefixed (Gmail, Apple Mail) everything is quote;
- Outlook and other clients' header blocks ("From: / Sent: / To: / Subject:", bold `*From:*`,
  "De : / Envoyé : / À : / Objet :", "Von:", "Van:", "Od:", "Fra:", "Från:" …) and separators
  ("-----Original Message-----", "Forwarded message", a rule of `_` or `-` above a header block);
- signatures: a "-- " line, "Sent from my iPhone"-like lines in several languages, "Get Outlook
  for iOS"; a rule of underscores (list footers, corporate signatures) and legal disclaimers
  end the new text; a gateway's "CAUTION: this email originated from outside…" banner above the
  text is dropped.

Bottom-posted and interleaved replies keep the member's lines: when an attribution followed by
`>` lines opens the message (or follows only a greeting), the unquoted lines between the quotes
are new text. After a top-posted answer, everything from the attribution down is quote.

A line ending with a colon that names a date, a time or an address right above a `>` quote is
an attribution in any language (`intro_before_quote`); GroupWise's ">>> … >>>" line ends the
text; Outlook's "[Name] comment" lines typed inside an unprefixed original are kept. Phone
sign-offs are recognised in `mailer/sign_offs.py` (the multilingual "Sent from my …" phrases of
mail-parser-reply are reused there), legal notices in `mailer/legal_notices.py`.
Neither mail-parser-reply nor email-reply-parser is run on the body itself: on the corpus each
mis-reads what this module gets right (French Outlook blocks, bottom posts, un-prefixed Gmail
quotes) and their multi-line regular expressions can backtrack on long lines.

What is kept, segment by segment, is `mailer/reply_segments.py`; the signature checks under the
text are `mailer/reply_signatures.py` (whether a line is a person's name, `mailer/signature_names.py`);
an original copied whole without `>`, `mailer/pasted_originals.py`;
the body made fit to read (line ends, blank runs, the MAX_CHARS cap), `mailer/reply_cleanup.py`; which
lines around a quote belong to it (wrapped lines, "|" bars, ">50"), `mailer/reply_quote_lines.py`.
"""
from __future__ import annotations

import re

from mailer.legal_notices import is_disclaimer
from mailer.pasted_originals import letter_below_rule, pasted_letter_end, text_under_original
from mailer.plain_lines import ANCHORED, PlainLines
from mailer.quote_headers import quote_follows, quote_starts
from mailer.quote_markers import intro_before_quote, is_groupwise_header, loose_attribution
from mailer.reply_cleanup import MAX_CHARS, clean_text, normalised_text, shorten_blank_runs
from mailer.reply_lines import MAX_LINE, Line, Lines, closed_by_colon_sign, is_quoted
from mailer.quote_openings import _ends_below, _next_nonblank, hers_below_quote
from mailer.reply_quote_lines import (
    more_than_figure,
    own_line_above_quote,
    quote_under_opening_block,
    quoted_behind_bar,
    remembered_spans,
    wrapped_quote_line,
)
from mailer.reply_segments import ReplyText, _add_marked_comments, _Segments
from mailer.reply_signatures import (
    _DELIMITER,
    _SIG_DELIM,
    _UNDERSCORE_RULE,
    _motto_below,
    _roles_above_notice,
    _signature_after_closing,
    _signature_below,
    _signature_block,
    ends_as_sentence,
    introduced_above,
    is_delimiter,
    own_rule_above_prose,
)
from mailer.sign_offs import (is_closing, is_phone_signature, names_device, plain_turkish_device_line,
                              polite_korean_device_line, postscript_below, verb_last_device_line)
from mailer.signature_names import _looks_like_name, name_with_title, signed_name_repeated

__all__ = ["MAX_CHARS", "MAX_LINES_READ", "ReplyText", "extract_new_text", "read_reply", "without_own_address"]

# lines of text (not blank, not `>`) read through the patterns: far more than anyone writes by hand
# (a long reply is ~100), and what bounds the work a crafted message can ask for (~6 µs a line).
# The text below them, and past MAX_CHARS, is not read: it comes back in `ReplyText.unread`
# (line ends as LF), never dropped.
MAX_LINES_READ = 600

_BANNER = re.compile(
    r"originated from outside|external (?:sender|email|message)|\[external\]|caution: external"
    r"|provient de l'extérieur|provient d'un expéditeur externe|hors de votre organisation"
    r"|from outside (?:your|the|of) (?:organi[sz]ation|company)",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*+(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou"
    r"|cher|chère|chers|hallo|hola|hej|ciao)\b[^.?!]{0,40}[,!:]?\s*$",
    re.IGNORECASE,
)
QUOTE_LOOK = 80  # lines of `rest` looked at for a quote (`ReplyText.quoting`): it stands under a signature at most
_PLAIN = PlainLines(ANCHORED + (_GREETING,))  # the lines every check below would keep as the member's


def read_reply(text: str) -> ReplyText:
    """Return what the sender wrote in this reply, alone and interleaved with the quote.

    Promises: `new_text` is stripped, "" when they wrote nothing; quoted lines, attributions,
    forwarded header blocks and what follows an unprefixed quote, signatures after "-- ", phone
    signatures (and what follows them), list footers after a rule of underscores and
    disclaimers are left out; the member's own lines above, between or below `>` quotes are
    kept in order. An attribution that opens the message and is followed by unquoted text does
    not empty it: that text is read. Text with no quote at all comes back stripped. CRLF, a BOM
    and NULs are accepted; the work is linear in the size of the text, which is read up to
    MAX_CHARS characters and MAX_LINES_READ lines of text (what lies below them comes back as
    written in `unread`, quotes and all). `interleaved`: see ReplyText.
    `rest` is the text from the line where the reading stopped at a quote, a forwarded message
    or a signature (after a phone's sign-off: the line below it), "" when it read to the end.
    `attributed` is True when an attribution line ("On … wrote:", "Anna wrote:" above a `>`
    quote) was met: a mail program's reply quoting the message it answers.
    """
    return _read_reply(text, _PLAIN)


def _read_reply(text: str, plain: PlainLines | None) -> ReplyText:
    """`read_reply`; each line of prose that `plain` finds plain is kept without the checks (None:
    every line goes through them, as the test of the shortcut compares)."""
    beyond = (text or "")[MAX_CHARS:]  # not read: kept with the unread text when the reading got there
    raw = shorten_blank_runs(normalised_text(text)).split("\n")
    lines = Lines(raw)  # each line's forms computed once, shared by every check below
    span_at = remembered_spans(lines)
    plain_seen: dict[str, bool] = {}  # is_plain of each line text met (it reads the text alone): once
    seg = _Segments()
    i = read = 0
    stop = unread = None
    attributed = False
    count = len(raw)
    while i < count:
        text = raw[i]  # blank and quoted lines are told from the string: no Line is made for them
        if not text or text.isspace():  # no pattern below matches a blank line: one test is enough
            end = i + 1
            while end < count and (not raw[end] or raw[end].isspace()):
                end += 1
            if end > i + 1:  # a run of blank lines: none of them lies between two quoted lines
                seg.own_blanks(end - i)
            elif wrapped_quote_line(lines, i):
                seg.quote(">")
            else:
                seg.own("", False)
            i = end
            continue
        head = text[:MAX_LINE]
        if is_quoted(head) and not more_than_figure(raw, i):
            if seg.has_text and is_groupwise_header(lines[i]):
                stop = i  # ">>> Jan <jan@…> 2/3/2025 10:00 AM >>>" above the original, unprefixed
                break
            run = i + 1  # the lines after it that open with ">" are quoted too: taken at once
            while run < count and raw[run][:1] == ">":
                run += 1
            seg.quote(head, *raw[i + 1:run])
            i = run
            continue
        if (plain is not None and seg.meaningful
                and (plain_seen[text] if text in plain_seen else plain_seen.setdefault(text, plain.is_plain(text)))
                and not (0 < i < count - 1 and is_quoted(raw[i - 1]) and is_quoted(raw[i + 1]))):
            read += 1  # a line of prose (not above the text: a banner; not inside a quote: wrapped)
            if read > MAX_LINES_READ:
                unread = i
                break
            seg.own(text.rstrip(), False)  # what every check below would do with it (mailer/plain_lines.py)
            i += 1
            continue
        read += 1
        if read > MAX_LINES_READ:  # no member writes this much by hand: the rest is kept unread
            unread = i
            break
        span = span_at(i)
        if span:
            attributed = True
            if seg.closing_greeting is not None:
                seg.drop_closing_greeting()
            if i + span < count and is_quoted(raw[i + span]):
                i += span  # the quote right below it: the member's own lines may follow it (interleaved)
                continue
            after = _next_nonblank(lines, i + span)
            if after is not None and lines.quoted(after):
                i += span  # the member's own lines may follow the quote (interleaved)
                continue
            if not seg.has_text:
                i += span  # an attribution on top of unquoted text: that text is the reply
                continue
            stop = i
            break
        line = lines[i]  # (made after the attribution check: a repeated attribution needs none)
        if loose_attribution(line):
            after = _next_nonblank(lines, i + 1, 3)
            if after is not None and lines.quoted(after):
                attributed = True
                i += 1  # "Anna wrote:" right above a `>` quote introduces it
                continue
            if seg.has_text and after is not None and quoted_behind_bar(lines[after].head):
                attributed = True
                stop = i  # "Anna wrote:" above lines behind a "|" bar (a webmail's quote): the rest is quote
                break
            end = pasted_letter_end(lines, i, _GREETING) if seg.has_text and after is not None else None
            if end is not None:  # "Anna wrote:" over her letter pasted unprefixed, "Hi everyone," to "Anna"
                attributed = True
                if end >= count:
                    stop = i  # the letter runs to the end: the rest is quote
                    break
                seg.quote(*(">" + raw[k] if raw[k].strip() else "" for k in range(i + 1, end)))
                i = end  # quoted as the quote under it, read as any other (her lines under that quote stay hers)
                continue
        span = intro_before_quote(lines, i)
        if span and not ((seg.meaningful or _signed_intro(lines[i + span - 1])) and own_line_above_quote(lines, i, span)):
            attributed = True
            seg.drop_closing_greeting()
            i += span  # "<date> … <name> <verb of any language>:" right above a `>` quote
            continue
        if seg.has_text and not line.letter and _SIG_DELIM.match(head) and postscript_below(lines, i):
            i += 1  # "--" above "P.S. …": her own break before an afterthought, no signature (the
            while lines.blank(i):  # blank line under it goes with it)
                i += 1
            continue
        # a line holding a letter is no rule nor "-- " (the patterns below are tried on symbols only)
        if quote_starts(lines, i) or (not line.letter and (_SIG_DELIM.match(head) or (
                _UNDERSCORE_RULE.match(head) and not (seg.has_text and own_rule_above_prose(lines, i))))):
            below = quote_under_opening_block(lines, i) if not seg.has_text else None
            if below is not None:
                attributed = True
                i = below  # "-----Original Message----- / From: …" opening the message above a `>` quote:
                continue  # the member answers under or between the quoted lines (Outlook Express)
            under = text_under_original(lines, i) if not (seg.has_text or attributed) else None
            if under is not None:  # opening the message over the original unprefixed: she wrote under its signature
                attributed, i = True, under
                continue
            stop = i
            break
        if seg.has_text and is_disclaimer(line):
            stop = i
            break
        if (seg.has_text and not line.letter and is_delimiter(line)
                and (_signature_below(lines, i) or letter_below_rule(lines, i, _GREETING))):
            stop = i  # "----" above a name, a role and a phone number (a signature), or above "Hello Member," (a pasted letter)
            break
        if is_phone_signature(line) or (seg.has_text and (names_device(line) or verb_last_device_line(line) or (
                lines.blank(i - 1) and (polite_korean_device_line(line) or (
                plain_turkish_device_line(line) and not hers_below_quote(lines, i)))))
                and _ends_below(lines, i)):
            if seg.has_text:
                stop = i + 1
                break  # what follows a phone's sign-off is the quote or the phone's footer
            i += 1
            continue
        if not seg.meaningful and line.letter and _BANNER.search(head):
            i += 1
            continue
        if wrapped_quote_line(lines, i):
            seg.quote("> " + head)
            i += 1
            continue
        closing = is_closing(line) if seg.has_text else False
        after = _signature_after_closing(lines, i) if closing else None
        if after:
            for kept in raw[i:i + 1 + after[0]]:  # "Best regards" / "Jürgen" stay, the block goes
                seg.own(kept.rstrip(), False)
            stop = after[1]
            break
        finished = (seg.has_text and not closing and seg.kept and not seg.kept[-1].strip()
                    and ends_as_sentence(seg.kept))  # her text above a name ends as a sentence does
        if (seg.has_text and not closing and seg.kept and not seg.kept[-1].strip()
                and (_looks_like_name(line.stripped) or (finished and name_with_title(line.stripped)))
                and not introduced_above(seg.kept)
                and (_signature_block(lines, i, notices_end=finished) or _motto_below(lines, i))):
            stop = i  # a name, a role, a phone number under the text, no "-- ": an e-mail signature
            break  # (with credentials or a notice only under her finished sentence: "Talk to / Ana Ferreira, MD" is hers)
        if (seg.has_text and not closing and seg.kept and not seg.kept[-1].strip()
                and signed_name_repeated(seg.kept, line) and _signature_block(lines, i, need_contact=False)):
            stop = i  # "Nathalie" signed, then "Nathalie Moreau" above a role: the name in full opens the signature
            break
        if (seg.has_text and not closing and seg.kept and not seg.kept[-1].strip()
                and _looks_like_name(line.stripped) and not introduced_above(seg.kept)
                and _roles_above_notice(lines, i + 1, notices_end=finished)):
            seg.own(line.raw.rstrip(), False)  # the name stays, as under a closing formula;
            stop = i + 1  # its role and organisation above a legal notice go with the notice
            break
        # `_GREETING.match(head)`: its `^\s*+` and `\s*$` read what `strip` takes off (a 400-tab
        # indent cost ~23,000 instructions a line through the pattern)
        seg.own(line.raw.rstrip(), bool(line.letter and _GREETING.match(line.stripped)))
        i += 1
    if stop is not None:
        while seg.kept and (not seg.kept[-1].strip() or _DELIMITER.match(seg.kept[-1])):
            seg.kept.pop()  # a rule the client draws above the quote it cut at ends nothing the member wrote
    result = seg.result()
    result.attributed = attributed
    last = next((line for line in reversed(raw) if line.strip()), "")
    if unread is not None or (stop is None and beyond and not is_quoted(last)):  # not a quote going on
        tail = "\n".join(raw[unread:]) if unread is not None else ""
        result.unread = (tail + clean_text(beyond)).strip()
    if stop is not None:
        result.rest = "\n".join(raw[stop:]).strip()
        result.quoting = quote_follows(Lines(raw[stop:stop + QUOTE_LOOK]), -1)
        _add_marked_comments(result, raw[stop:stop + MAX_LINES_READ])
    return result


def _signed_intro(line: Line) -> bool:
    """True for a line closed by another script's colon sign (Khmer "៖") and no attribution verb:
    read as the member's own introduction, when her text goes on under the quote, on top of the
    message too ("… ថ្ងៃទី 6 ធ្នូ 2026 ខ្ញុំឆ្លើយខាងក្រោម៖", my answers on 6 December below:)."""
    return closed_by_colon_sign(line.head) and not loose_attribution(line)


def extract_new_text(text: str) -> str:
    """Return what the sender wrote in this reply, stripped; "" when they wrote nothing (see
    `read_reply` for what is left out)."""
    return read_reply(text).new_text


_ADDRESS_LINE = 400  # characters: an address is at most 320 (RFC 5321 4.5.3.1), with its brackets and spaces


def without_own_address(reply: ReplyText, sender: str) -> ReplyText:
    """The reply without its last line when that line is the sender's own address alone under the
    text (Foxmail and QQ Mail sign with it): a signature, not the member's words. A line above it
    that ends with a colon ("My address:") makes it the member's; so does a reply of that line alone."""
    text = reply.new_text
    cut = text.rfind("\n")
    if not sender or cut < 0 or len(text) - cut > _ADDRESS_LINE or text[cut + 1:].strip().strip("<>").lower() != sender.lower():
        return reply  # a last line longer than any address line is none (not lower-cased whole: the worst-case read)
    above = text[:cut].rstrip()
    if not above or above.endswith((":", "：")):
        return reply
    reply.new_text = above
    return reply
