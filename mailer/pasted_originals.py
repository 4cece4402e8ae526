"""The message a member answers, copied whole without `>` and without an attribution, above or
below her own words (split from `mailer.reply`, which reads the reply):

- under her text, a rule of symbols right above the greeting Convenor's messages open with
  ("----------" / "Hello Member,"), which her text does not announce as hers: the message she
  answers pasted under a rule, with no header block; her text ends at the rule
  (`letter_below_rule`);
- above her text, a header block that opens the message ("----- Original Message ----- / From: /
  To: / Sent: / Subject:") over the unprefixed original, and her words under the original's
  signature (Windows Live Mail and Outlook Express with the original not indented, the member
  writing at the bottom): her text starts after that signature (`text_under_original`).

Each check reads a bounded window of lines from the one it is asked about, once a message.
"""
from __future__ import annotations

import re

from mailer.forward_blocks import is_forward_block
from mailer.quote_headers import quote_starts
from mailer.quote_markers import _LOOSE
from mailer.reply_lines import MAX_LINE, Lines
from mailer.reply_signatures import _SIG_DELIM, _next_nonblank

ORIGINAL_LINES = 400  # an original copied above the member's text is read this far for its signature
ORIGINAL_SIGNATURE_LINES = 4  # the lines under the original's "-- ": a name, an organisation, a link
HEADER_LINES = 8  # the separator and header fields that open the message


# the greeting Convenor's own templates open a message to a member with ("Hello {{ member.name }},",
# "Bonjour {{ member.name }},"): a name of at most four words, nothing else on the line
_TEMPLATE_GREETING = re.compile(r"^\s*(?:hello|bonjour)\s+[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,3}\s*,\s*$", re.IGNORECASE)
# the member's line above the rule announcing the text under it as her own ("Here is my rewrite:",
# "My version below", "Voici ma proposition :")
_ANNOUNCES = re.compile(r":\s*$|\b(?:here(?:'s|’s| is| are)|below|re-?write|re-?worded|my (?:version|draft|wording|suggestion|proposal|edit)"
                        r"|suggest|propos|instead|voici|ci-dessous|ma (?:version|proposition))", re.IGNORECASE)


def letter_below_rule(lines: Lines, i: int, greeting: re.Pattern) -> bool:
    """True when the rule at line i has right under it (blank lines aside) the greeting Convenor's
    templates open a message to a member with ("Hello Member,", "Bonjour Amira,"), alone on its
    line and matched by `greeting` too, and more text under that, while the member's last line
    above the rule does not announce the text under it ("Here is my rewrite:", "… below"): the
    network's message pasted under the member's text. Another greeting ("Dear Councillor
    Smith,", "Dear all,") under a rule opens the member's own proposed wording, which stays hers.
    Reads at most 10 lines."""
    j = _next_nonblank(lines, i + 1, 3)
    if j is None or not lines[j].letter or not greeting.match(lines[j].head) or not _TEMPLATE_GREETING.match(lines[j].head):
        return False
    above = next((h for h in range(i - 1, max(-1, i - 4), -1) if not lines.blank(h)), None)
    if above is not None and _ANNOUNCES.search(lines[above].head):
        return False
    k = _next_nonblank(lines, j + 1, 3)
    return k is not None and not lines.quoted(k)


def text_under_original(lines: Lines, i: int) -> int | None:
    """The line where the member's own text starts under the unprefixed original whose header block
    opens the message at line i: the first line after the original's signature ("-- " and at most
    ORIGINAL_SIGNATURE_LINES lines) and a blank line. None when the block is a forwarded
    message's, the original has no such signature within ORIGINAL_LINES lines, a `>` quote or
    another header block comes first, or nothing but another header block follows the signature.
    Reads at most ORIGINAL_LINES + 12 lines; the caller asks once a message (the block opens it)."""
    end = i
    while end < lines.count and end < i + HEADER_LINES and not lines.blank(end):
        end += 1
    if is_forward_block([line[:MAX_LINE] for line in lines.raw[i:end]]):
        return None
    for j in range(end, min(lines.count, i + ORIGINAL_LINES)):
        if lines.blank(j):
            continue
        if lines.quoted(j) or quote_starts(lines, j):
            return None
        if not lines[j].letter and _SIG_DELIM.match(lines[j].head):
            k = j + 1
            while k < lines.count and k <= j + ORIGINAL_SIGNATURE_LINES and not lines.blank(k):
                k += 1
            if k >= lines.count or not lines.blank(k):
                return None  # the signature runs on to the end, or longer than a signature
            k = _next_nonblank(lines, k, 12)
            return k if k is not None and not quote_starts(lines, k) else None  # not one more original
    return None


NAMED_WORDS = 4  # "Anna wrote:", "Network Coordination schrieb:": a name of at most this many words before the verb


def named_attribution_over_letter(lines: Lines, i: int, greeting: re.Pattern) -> bool:
    """True when line i, a loose attribution (`quote_markers.loose_attribution`), is a name alone
    and the attribution verb with its colon ("Network Coordination wrote:"), the line above it blank (or the
    message's top), and the first line under it (at most two blank lines between) is a letter's
    greeting ("Hi everyone,", matched by `greeting`): the message answered, copied without `>`
    under a bare attribution (a webmail with quoting switched off). The name is one to
    NAMED_WORDS capitalised words with nothing else ("On Monday, Ana wrote:" and "what Ana
    wrote:" are sentences of the member's). Reads lines i - 1 to i + 3."""
    text = lines[i].clean
    verb = _LOOSE.search(text)
    name = text[:verb.start()].split() if verb is not None else []
    if not 0 < len(name) <= NAMED_WORDS or not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                                   for w in name):
        return False
    if i > 0 and not lines.blank(i - 1):
        return False
    j = _next_nonblank(lines, i + 1, 3)
    return j is not None and not lines.quoted(j) and bool(lines[j].letter and greeting.match(lines[j].head))
