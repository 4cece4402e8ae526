"""The message a member answers, copied whole without `>` and without an attribution, above or
below her own words (split from `mailer.reply`, which reads the reply):

- under her text, a rule of symbols right above the greeting Convenor's messages open with
  ("----------" / "Hello Member,"), which her text does not announce as hers: the message she
  answers pasted under a rule, with no header block; her text ends at the rule
  (`letter_below_rule`);
- above her text, a header block that opens the message ("----- Original Message ----- / From: /
  To: / Sent: / Subject:") over the unprefixed original, and her words under the original's
  signature (Windows Live Mail and Outlook Express with the original not indented, the member
  writing at the bottom): her text starts after that signature (`text_under_original`);
- under her text, a bare "Name wrote:" over the letter answered, its greeting first and its
  writer's name last, above the end of the message or a quote (a webmail with quoting switched
  off): that letter is no text of hers (`pasted_letter_end`).

Each check reads a bounded window of lines from the one it is asked about, once a message.
"""
from __future__ import annotations

import re

from mailer.forward_blocks import is_forward_block
from mailer.quote_headers import quote_starts
from mailer.quote_markers import loose_attribution, loose_verb
from mailer.quote_openings import _next_nonblank, _opens_quote
from mailer.reply_lines import MAX_LINE, Lines
from mailer.reply_signatures import _SIG_DELIM

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
LETTER_LINES = 80  # a pasted letter is read this far for its writer's name under it
# no one's name: pronouns and the words that head a member's own pasted text ("I wrote:", "Letter
# Sent:", "Final Draft Sent:", "Here's What I Wrote:", "Yesterday I wrote:"), in the reader's languages
_NOT_A_NAME = frozenset(
    "i we you he she they it me us him her them someone somebody everyone everybody nobody one "
    "ich wir du er sie es ihr man jemand je nous tu il elle ils elles on vous quelqu'un "
    "yo nosotros nosotras tú tu él ella ellos ellas usted ustedes alguien eu nós ele ela eles elas io noi lui lei loro "
    "letter email e-mail mail message note draft final reply answer response text copy original version "
    "here here's heres what this that which below above yesterday today earlier again also then "
    "brief nachricht entwurf antwort gestern heute lettre courriel message brouillon réponse hier aujourd'hui "
    "carta correo mensaje borrador respuesta ayer hoy".split())


def _name_words(text: str) -> list[str]:
    """The words of `text` when it is a name alone: one to NAMED_WORDS capitalised words of letters
    (with "-" or "'"), none of them a pronoun or a heading word (`_NOT_A_NAME`); else []."""
    words = text.split()
    if not 0 < len(words) <= NAMED_WORDS or not all(
            w[:1].isupper() and w.replace("-", "").replace("'", "").replace("’", "").isalpha()
            and w.lower() not in _NOT_A_NAME for w in words):
        return []
    return [w.lower() for w in words]


def _signed_by(name: list[str], line: str) -> bool:
    """True when `line` is a name (`_name_words`) made of the attribution's name words ("Network
    Coordination" under "Network Coordination Team wrote:"), or opening with its first one ("Ana
    Lopez" under "Ana wrote:"): the pasted letter's writer signing it."""
    signer = _name_words(line.strip())
    return bool(signer) and (set(signer) <= set(name) or signer[0] == name[0])


def pasted_letter_end(lines: Lines, i: int, greeting: re.Pattern) -> int | None:
    """Where the message answered, pasted without `>` under line i, ends: the line of the quote
    right under it, or `lines.count` when it runs to the end of the message; None when line i
    does not introduce such a letter, or when anything may follow its writer's name.

    Line i, a loose attribution (`quote_markers.loose_attribution`), must be a name alone and the
    verb with its colon ("Network Coordination wrote:"; not "sent": "They Sent:" heads a
    confirmation she comments), the name one to NAMED_WORDS capitalised words and no pronoun or
    heading word ("I wrote:", "Letter Sent:", "Here's What I Wrote:" head her own letter), the line
    above blank (or the message's top) and the first line under it (at most two blank lines
    between) a letter's greeting ("Hi everyone,", matched by `greeting`): a webmail with quoting
    switched off. And the letter's last line, above the end of the message or a quote, must be its
    writer's name (`_signed_by`): a line of hers under the letter ("My vote: B.") keeps the whole
    text hers, as does another attribution in it (answers between pasted messages). Reads at most
    LETTER_LINES lines under line i."""
    if i > 0 and not lines.blank(i - 1):
        return None  # (asked first: the cheapest test; every test here answers None alone)
    text = lines[i].clean
    verb = loose_verb(lines[i])  # where `_LOOSE.search` finds it (in an ASCII line: in the lower-cased line)
    if verb is None or text[verb[0]:verb[1]].rstrip(":： ").lower() == "sent":
        return None
    name = _name_words(text[:verb[0]])
    if not name:
        return None
    j = _next_nonblank(lines, i + 1, 3)
    if j is None or lines.quoted(j) or not lines[j].letter or not greeting.match(lines[j].head):
        return None
    last, read_to = j, min(lines.count, j + LETTER_LINES)
    for k in range(j + 1, read_to):
        if lines.blank(k):
            continue
        if lines.quoted(k) or _opens_quote(lines, k):
            return k if _signed_by(name, lines[last].stripped) else None
        if loose_attribution(lines[k]):
            return None  # another "Tom wrote:": she answers between pasted messages
        last = k
    if read_to < lines.count:
        return None  # longer than a letter: the lines stay hers
    return lines.count if _signed_by(name, lines[last].stripped) else None
