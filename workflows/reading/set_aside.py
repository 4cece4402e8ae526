"""What a member sets aside beside their vote: an option conceded or judged too costly, an aside
about another matter after the answer. Pure functions (batch 13).

- "Lisbon. Marseille is too expensive for most of us", "Lisbon — although Marseille has the nicer
  venue, …": the option named in such a segment is no second choice (`CONCEDED`, read by
  `choices` as it reads a segment that rules an option out).
- "Abstain. Also: no, I can't make the AGM": after "Also", "PS", "By the way" … at the start of a
  sentence of three words or more, the answer words answer that other matter (`aside_start`); not
  an answer about a part of the question ("Yes. Also no to the reserve transfer": a split vote),
  nor an aside that speaks of voting ("Yes. Also, I vote no on the amendment").
"""
from __future__ import annotations

import re

# a segment that concedes what it names ("although Marseille has the nicer venue") or judges it too
# much ("Marseille is too expensive for most of us")
CONCEDED = re.compile(r"^(?:although|though|even though|even if|while|whereas|bien que|quoique|même si|obwohl"
                      r"|auch wenn|aunque|anche se|embora|hoewel)\b|\b(?:is|are|was|would be|seems|looks)\s+"
                      r"(?:far |way |much |just |a bit |rather )?too (?:expensive|far|costly|pricey|dear|remote|small"
                      r"|big|late|early)\b")
# an answer about a part of the question ("no on the reserve", "yes to the amendment", "non sur le loyer")
PART_ANSWER = re.compile(r"^(\w+)\s+(?:on|to|for|about|sur|pour|à|au)\s+\w")
_ASIDE = re.compile(r"[.!;]\s+(?:also|ps|p\.s\.|by the way|btw|separately|aussi|au fait|par ailleurs|außerdem"
                    r"|übrigens|además|por cierto)\s*[:,-]?\s+(?=\S+\s+\S+\s+\S)")


# an aside that speaks of voting is about the ballot after all ("Oui. Aussi, je voterai non plus tard")
_ABOUT_THE_VOTE = re.compile(r"\b(?:vot|stimm|abst|ballot|scrutin|bulletin)")


def aside_start(line: str) -> int | None:
    """Where an aside about another matter begins in a cleaned line (at the sentence mark before
    "Also", "PS", "By the way" … and three words or more), or None when there is none, it answers
    about a part of the question or it speaks of voting."""
    m = _ASIDE.search(line)
    if m is None or PART_ANSWER.match(line[m.end():]) or _ABOUT_THE_VOTE.search(line, m.end()):
        return None
    return m.start()
