"""The ballot's own title named in a reply to it. Pure functions.

- The ballot's own title named after the answer ("Yes on the budget" on "Approve the 2027
  budget", "Ottawa for the conference" on "Where to hold the 2025 conference"): the words after
  "on", "for", "about", "regarding" are all words of the title, so they name the question, not an
  option; `without_title` takes them off the line before it is read. So are the words that name the
  ballot itself, with its number ("Yes on Vote 31", "No for this ballot").
- The motion named after "against" or "in favour of" in the member's own inflection ("I am against
  signing this letter" on "Sign the open letter on transit fares"): each word is a title word by its
  first four letters, so it is the question, not a second thing voted on. So is the motion named
  after its own verb ("I approve the accounts as presented" on "Approve the 2026 accounts",
  "we support joining the coalition"): "I approve" is then read as the answer it is.
"""
from __future__ import annotations

import re

from workflows.reading.accents import fold
from workflows.reading.label_words import SMALL_WORDS
from workflows.reading.pattern_gates import gated

# tried from a run's first space only: from each of them, 100 KB of spaces took 96 s
_ABOUT = re.compile(r"(?<!\s)\s+(?:on|for|about|regarding|re|concerning|sur|pour|concernant)\s+([\w'$€£%-]+(?:\s+[\w'$€£%-]+){0,7})"
                    r"(?=\s*(?:[.,;:!]|$))")


# the motion named after "against" / "in favour of", in the member's own inflection ("I am against
# signing this letter" on "Sign the open letter …"): its words are the title's by their first four
# letters (batch 10)
_OBJECT = re.compile(r"(?<![\w'])(against|in favou?r of|contre|en faveur de"
                     # batch 11: the motion's own verb with its object ("I approve the accounts as presented"
                     # on "Approve the 2026 accounts"); the object may end before a reason ("as", "because")
                     r"|approve|support|endorse|accept|oppose|reject)\s+([\w'-]+(?:\s+[\w'-]+){0,7}?)"
                     r"(?=\s*(?:[.,;:!]|$)|\s+(?:as|because|since|car|comme)\b)")


# the words that name the ballot itself rather than an option ("yes on vote 31", "no for this ballot")
_BALLOT_WORDS = frozenset(("vote", "ballot", "poll", "item", "scrutin", "votacion", "abstimmung", "votazione", "votacao",
                           "stemming"))


def _title_words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w'$€£%-]+", fold(title).casefold())) | _BALLOT_WORDS


def without_title(line: str, title: str) -> str:
    """The (cleaned) line without the ballot's title named after the answer ("yes on the budget.
    thank you" → "yes. thank you"); the line as it is when it names no title that way."""
    if not title or len(line.split(None, 1)) < 2:
        return line  # each pattern below needs two words (split at what `\s` matches): a one-word line names no title
    words = _title_words(title)

    def drop(m: re.Match) -> str:
        said = re.findall(r"[\w'$€£%-]+", fold(m.group(1)))
        content = [w for w in said if w not in SMALL_WORDS]
        echo = content and all(w in words for w in content)  # a number too: "vote 31", "the 2027 budget"
        return "" if echo and not all(w.isdigit() for w in content) else m.group(0)

    stems = {w[:4] for w in words if len(w) >= 4}

    def drop_object(m: re.Match) -> str:
        content = [w for w in re.findall(r"[\w'-]+", fold(m.group(2))) if w not in SMALL_WORDS]
        echo = content and all(len(w) >= 4 and w[:4] in stems for w in content)
        if echo and all(w in _BALLOT_WORDS for w in content):
            return m.group(0)  # "against this ballot" may refuse holding the vote at all: left to be asked
        return re.sub(r"\s+(?:of|de)$", "", m.group(1)) if echo else m.group(0)  # "in favour (of …)"

    return _OBJECT.sub(drop_object, _ABOUT.sub(drop, line))


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
_ABOUT, _OBJECT = map(gated, (_ABOUT, _OBJECT))
