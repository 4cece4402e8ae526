"""What a member sets aside beside their vote: an option conceded or judged too costly, an aside
about another matter after the answer. Pure functions (batch 13).

- "Lisbon. Marseille is too expensive for most of us", "Lisbon — although Marseille has the nicer
  venue, …": the option named in such a segment is no second choice (`CONCEDED`, read by
  `choices` as it reads a segment that rules an option out); not one that names it as the member's
  own choice ("Lisbon - though Marseille would be my choice": `OWN_CHOICE`, asked back).
- "Abstain. Also: no, I can't make the AGM": after "Also", "PS", "By the way" … at the start of a
  sentence of three words or more, the answer words answer that other matter (`aside_start`); not
  an answer about a part of the question ("Yes. Also no to the reserve transfer": a split vote),
  nor an aside that speaks of voting ("Yes. Also, I vote no on the amendment"), nor one that holds an
  answer word or speaks of the motion or of a change of mind ("Yes. Also no, sorry, I changed my
  mind", "Yes. PS, on reflection no.", "Yes. Also I oppose this": asked back), unless its answer word
  opens it and a clause about attending follows ("Abstain. Also: no, I can't make the AGM").
"""
from __future__ import annotations

import re

from workflows.reading.answer_words import ANSWER_TO_KEY, WORD_TO_KEY

# a segment that concedes what it names ("although Marseille has the nicer venue") or judges it too
# much ("Marseille is too expensive for most of us")
CONCEDED = re.compile(r"^(?:although|though|even though|even if|while|whereas|bien que|quoique|même si|obwohl"
                      r"|auch wenn|aunque|anche se|embora|hoewel)\b|\b(?:is|are|was|would be|seems|looks)\s+"
                      r"(?:far |way |much |just |a bit |rather )?too (?:expensive|far|costly|pricey|dear|remote|small"
                      r"|big|late|early|much|often|frequent|many|rare|infrequent|slow|long|short|soon|ambitious)\b")
# batch 14: a segment that accepts another option as a fallback ("though A is fine too", "mais la A me va
# aussi", "but B would be fine too"): what it names is no second choice; whether the line then gives
# one choice or two acceptable ones is `firm_answers`' to say (a preference marked on the choice)
ALSO_FINE = re.compile(r"\b(?:is|are|would be|'d be|would|could be|will be)\s+(?:also\s+)?(?:fine|ok|okay|good|acceptable"
                       r"|alright|all right)\s+(?:too|as well)\b|\b(?:would|could) also (?:be )?(?:fine|ok|okay|good"
                       r"|acceptable|work)\b|\bme (?:va|convient|irait|conviendrait)(?:it)? aussi\b|\bwäre auch (?:gut|ok|in ordnung)\b"
                       r"|\bme (?:vale|sirve) también\b|\bmi va bene anche\b|\bva bene anche\b|\bis ook (?:goed|prima)\b")
# a segment that names its option as the member's own choice concedes nothing ("though Marseille would
# be my choice": mendv)
OWN_CHOICE = re.compile(r"\bmy (?:real |actual |true |first |own )?(?:choice|vote|pick|preference|favou?rite)\b"
                        r"|\b(?:i|we)(?:'d| would) (?:rather|prefer|choose|pick|go for)\b")
# an answer about a part of the question ("no on the reserve", "yes to the amendment", "non sur le loyer")
PART_ANSWER = re.compile(r"^(\w+)\s+(?:on|to|for|about|sur|pour|à|au)\s+\w")
_ASIDE = re.compile(r"[.!;]\s+(?:also|ps|p\.s\.|by the way|btw|separately|aussi|au fait|par ailleurs|außerdem"
                    r"|übrigens|además|por cierto)\s*[:,-]?\s+(?=\S+\s+\S+\s+\S)")


# an aside that speaks of voting is about the ballot after all ("Oui. Aussi, je voterai non plus tard")
_ABOUT_THE_VOTE = re.compile(r"\b(?:vot|stimm|abst|ballot|scrutin|bulletin)")


# the words of an aside that may answer the ballot or change the vote: an answer word, an opinion on the
# motion, a change of mind (mendv: "Yes. PS no, definitely no", "Yes. By the way, no is my real answer")
_ANSWER_WORDS = frozenset(WORD_TO_KEY) | frozenset(w for w in ANSWER_TO_KEY if re.fullmatch(r"\w+", w))
_OPINION = re.compile(r"\b(?:oppos|support|approv|reject|against|favou?r|decid|mind|reflect|ignor|actually|final"
                      r"|answer|mean it|instead|rather|changed?|correct)")
# an answer word opening the aside that answers another matter: a clause about attending follows
# ("no, I can't make the AGM", "yes, I can come to the picnic")
_ATTENDING = re.compile(r"^\w+\s*,?\s*(?:i|we)\s*(?:can't|cannot|can not|won't|will not|couldn't|can|could|will|'ll"
                        r"|(?:won't|will not|'m not|am not|'re not|are not|wouldn't|'ll|will)(?: be)? able to)"
                        r"\s+(?:make|attend|come|be there|join|go)\b")


def _answers_or_changes(aside: str) -> bool:
    """True when an aside holds an answer word, an opinion on the motion or a change of mind, past
    an answer word that opens a clause about attending."""
    if m := _ATTENDING.match(aside):
        aside = aside[m.end():]
    return bool(_OPINION.search(aside)) or any(word in _ANSWER_WORDS for word in re.findall(r"\w+", aside))


def aside_start(line: str) -> int | None:
    """Where an aside about another matter begins in a cleaned line (at the sentence mark before
    "Also", "PS", "By the way" … and three words or more), or None when there is none, it answers
    about a part of the question, it speaks of voting, or it holds an answer word, an opinion on
    the motion or a change of mind (but an answer word opening a clause about attending)."""
    m = _ASIDE.search(line)
    if (m is None or PART_ANSWER.match(line[m.end():]) or _ABOUT_THE_VOTE.search(line, m.end())
            or _answers_or_changes(line[m.end():])):
        return None
    return m.start()
