"""A segment of a vote reply that says something is better ("the park's better", "though Oluwaseun
is better", "honestly in person would be much better imo"). Pure functions.

One reader of the remark, used from two sides:

- `line_segments.segment_answers`: after a concession opening the segment ("Marta, though
  Oluwaseun is better"), the option said better is offered as a second answer;
- `answer_takebacks.taken_back`: as the last segment after the answer ("Online, in person's
  better"), another option said better leaves the answer open.

Each caller judges what the subject names (another option, "the other one", a pronoun); this
module only finds the remark and its subject. The remark must end the segment, bar a word such as
"though", "imo", "for me" after it: "the park's better for parking but …" says something else.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_CONCESSION = r"(?:though|although|even though|tho|but|mais|aber|pero|ma|maar|mas)"
_HEDGE = r"(?:honestly|really|tbh|imo|actually|mind you|then again)"
_COPULA = r"(?:['’]s|\s+is|\s+would be|\s*'d be|\s+seems|\s+ist|\s+é|\s+es|\s+est|\s+wäre|\s+seria)"
_DEGREE = r"(?:much|way|far|a lot|a bit|probably|actually|really|even|viel|muito)"
_BETTER_WORD = r"(?:better|best|besser|melhor|mejor|beter|mieux)"
_AFTER = r"(?:though|really|imo|tbh|honestly|anyway|i think|for me|for us|to me)"

# the subject is lazy and bounded (61 characters): the first "is better" after it ends it, and a
# line of any length costs at most 61 tries from its one anchored start
_REMARK = re.compile(r"^\s*(?:(" + _CONCESSION + r")\s+)?(?:" + _HEDGE + r"[\s,]+)?(\S.{0,60}?)" + _COPULA
                     + r"\s+(?:" + _DEGREE + r"\s+)?" + _BETTER_WORD + r"(?:\s+" + _AFTER + r")?\W*$")
# the comparison anywhere in a segment, for a caller that asks only whether one is made
_COMPARISON = re.compile(r"(?:['’]s|\bis|\bwould be|'d be|\bseems|\bist|\bwäre|\bseria)\s+(?:" + _DEGREE + r"\s+)?"
                         + _BETTER_WORD + r"(?![\w'])")


class BetterRemark(NamedTuple):
    """What a segment says is better, and whether a concession ("though", "but") opens the segment."""

    subject: str
    conceded: bool


def better_remark(segment: str) -> BetterRemark | None:
    """The subject the (lower-cased) segment says is better, when the segment is that remark and
    nothing more ("though Oluwaseun is better" → "oluwaseun", conceded; "in person's better" → "in
    person"); None otherwise."""
    m = _REMARK.match(segment)
    if m is None:
        return None
    return BetterRemark(m.group(2).strip(), m.group(1) is not None)


def makes_comparison(segment: str) -> bool:
    """True when the segment says something somewhere in it is better or best ("the park's better
    but it floods" does; "better late than never" does not)."""
    return _COMPARISON.search(segment) is not None
