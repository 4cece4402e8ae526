"""Whether the line that gives a member's answer gives it firmly, or holds it back.

An answer is not firm when the line hedges it ("maybe", a question mark on the answer), sets a
condition ("Yes, if …", "yes as long as …", "Ja, sofern …"), puts it off ("Will vote after our
board meets"), asks a question after "but" ("Ja, maar wat kost het?"), agrees to an errand rather
than to the ballot ("Yes, I can bring the banner"), or takes it back with irony ("Oh yes, because
that always works 🙄"). A doubt the member overrules before "but", naming no option, is no hedge
(`without_overruled_doubts`: "Not sure about it, but yes"). Pure functions, used by `choices`.
"""
from __future__ import annotations

import re

from workflows.reading.answer_words import ABSTAIN_MENTION, BOTH_FINE, CONDITION, DEFERRAL, HEDGE
from workflows.reading.label_variants import pronoun_mentions
from workflows.reading.line_segments import segment_answers, segments
from workflows.reading.option_expressions import mentions, parse_expr, strip_frame
from workflows.reading.set_aside import ALSO_FINE
from workflows.reading.pattern_gates import gated


# a doubt the member overrules before the choice ("Not sure about it, but yes", "Not sure what
# 'sliding scale' means, but B", "I might be wrong, but no"): a doubt, then "but" and the answer
_DOUBT_BEFORE_BUT = re.compile(r"(?:" + HEDGE.pattern + r"|\b(?:pas sûre?|nicht sicher|no estoy segur[oa]"
                               r"|non sono sicur[oa]|i'm torn|hard to say|difficile à dire|schwer zu sagen)\b)"
                               r"[^.!?]{0,120}?[,;]?\s*(?=\b(?:but|mais|aber|pero|ma|maar)\b\s*[^\s.!?])")
# a hedge on the answer itself ("Maybe not, but yes"): never overruled by what follows
_HEDGED_NO = re.compile(r"\b(?:maybe|perhaps|probably|possibly|peut-être|vielleicht|quizás|tal vez|forse)[\s,]+"
                        r"(?:not|no|pas|nicht|non)\b", re.I)

# a question about something the ballot says, before the choice: overruled even when it names an
# option ("Not sure what 'sliding scale' means, but B")
_HEDGE_ABOUT = re.compile(r"\b(?:not sure|unsure|pas sûr|pas sûre|nicht sicher|no estoy segur[oa]|non sono sicur[oa])"
                          r"\s+(?:what|how|why|whether|where|who|ce que|comment|pourquoi|was|wie|warum|qué|cómo"
                          r"|cosa|come)\b[^,;.!?]{0,120}[,;]?\s*(?=(?:but|mais|aber|pero|ma)\b)")


# a question asked after "but" on the answer's line ("Ja, maar wat kost het ons precies?", "Yes, but
# who pays for it?"): the answer waits on it (batch 10)
_BUT_QUESTION = re.compile(r"\b(?:but|mais|aber|pero|ma|maar|mas|men|ale|но|ama|ancak|mutta)\b[^.!]{0,160}\?")
# "yes" that agrees to do something else than the ballot asks ("Yes, I can bring the banner …"): an
# offer or an errand, not a vote (batch 10); "Yes, I can live with it", "yes, I'll support it" are votes
_ERRAND = re.compile(r"^\W*(?:yes|yeah|yep|sure|ok|okay)(?:\s*,\s*|\s+)(?:i|we)\s*(?:can|could|will|'ll|would be happy to|'d be happy to"
                     r"|am happy to|'m happy to)\s+(?!(?:live|support|back|agree|accept|approve|vote|go|get|endorse|sign|be"
                     r"|stand|stick|say|count)\b)[a-z]+\b")

# the marks of irony a person reads as taking the answer back: an eye-roll, a smirk, "/s", "yeah right"
# an answer said as a wish or a preference that the line then holds back or withdraws ("I'd be happy
# to say yes but I can't", "I would be happy to say yes, though I have doubts", "Lisbon would be my
# choice but I'll abstain", "Lisbon would be my choice; sadly I'm not allowed to vote"): mendv
_WISH_HELD_BACK = re.compile(r"(?:(?:'d|\bwould) be (?:happy|glad|pleased|content) to (?:say|vote|go with)\b"
                             r"|\b(?:is|would be|will be) my (?:real |actual |true |final )?(?:choice|vote|pick"
                             r"|preference|first choice|answer)\b)[^;]{0,160}?(?:;|\b(?:but|though|although|however"
                             r"|sadly|unfortunately|except|yet)\b)")
_IRONY = re.compile(r"[\U0001F644\U0001F612\U0001F60F\U0001F643]|(?<!\w)/s\s*$|\byeah,? right\b", re.I)


def without_overruled_doubts(line: str, options, keys, labels) -> str:
    """The line without the doubts it overrules: a hedge before "but" that names no option, the
    answer following "but" ("Not sure about it, but yes" is a yes; "Maybe yes, but I must check",
    "Yes, but maybe not", "Maybe not, but yes" and a "but" with nothing after it keep their hedge)."""
    if not any(word in line for word in _BUT_WORDS):
        return line  # both patterns end looking ahead at one of these words: a line without any is as it is
    return _DOUBT_BEFORE_BUT.sub(lambda m: m.group(0) if _HEDGED_NO.search(m.group(0))
                                 or mentions(m.group(0), options, keys, labels)
                                 or segment_answers(m.group(0), options, keys, labels)
                                 or parse_expr(m.group(0).strip(), options, keys, labels)[0] is not None
                                 else " ", _HEDGE_ABOUT.sub(" ", line))


# what the look-ahead of `_DOUBT_BEFORE_BUT` and `_HEDGE_ABOUT` needs ("mais" and "maar" hold "ma"):
# a line holding none of these is left as it is, without trying both patterns at every character
_BUT_WORDS = ("but", "ma", "aber", "pero")


def conditional(line: str) -> bool:
    """True when the words right after the answer's first word set a condition ("yes unless …",
    "yes as long as …", "ja, sofern …", "I'd vote yes if …")."""
    framed = strip_frame(line)
    first = re.match(r"\S+", framed)
    return bool(first) and bool(CONDITION.match(framed[first.end():first.end() + 80]))


# batch 14: the choice marked as the member's preference ("Option B please, though A is fine too",
# "Plutôt la B, mais la A me va aussi"): another option accepted as a fallback holds it back no more; a
# bare pair ("B, though C would also be fine") stays two acceptable options, asked back
_PREFERRED = re.compile(r"(?<![\w'])(?:please|pls|preferably|ideally|plutôt|plutot|de préférence|idéalement|bitte|lieber"
                        r"|am liebsten|por favor|preferiblemente|per favore|preferibilmente|bij voorkeur|liefst"
                        r"|de preferência|i'd prefer|i prefer|je préfère)(?![\w'])")


# the hedges that only say the member does not know enough: a reason to abstain, no doubt about abstaining; only
# with "enough" after them and nothing more to the line's end (review18: "Abstain, not sure though", "No sé si
# abstenerme", "Abstain, I don't know, ask Paul" stay asked)
_UNKNOWING = re.compile(r"(?:i )?(?:don't|do not|dont) know|no idea|(?:je )?(?:ne )?sais pas"
                        r"|no (?:lo )?sé|weiß (?:es )?nicht|weiss (?:es )?nicht|non (?:lo )?so|não sei|nao sei"
                        r"|weet (?:het )?(?:eigenlijk )?niet|nie wiem")
# what is not known: "about" and at most four words that neither answer, hedge nor go on ("about it", "about the
# candidates", "about Hamilton's offer"; not "about it but leaning yes")
_ABOUT = (r"about(?:\s+(?!(?:yes|no|maybe|perhaps|probably|but|so|and|or|though|although|ask|later|vote|voting)(?![\w']))"
          r"[\w'’-]+){1,4}")
_ENOUGH = re.compile(r"\s+(?:(?:enough|assez|genug|lo suficiente|abbastanza|o suficiente|genoeg|wystarczająco(?: dużo)?)"
                     r"(?:\s+(?:yet|" + _ABOUT + r"|darüber|todavía|ancora|ainda|nog))?|" + _ABOUT + r")[\s.!)]*$")


def _hedged(line: str, head: str, options, keys, labels) -> bool:
    """True when the line hedges its answer, an option accepted as a fallback beside a choice marked
    as preferred excepted."""
    plain = without_overruled_doubts(line, options, keys, labels)
    if not HEDGE.search(plain):
        return False
    if ABSTAIN_MENTION.search(head) and all(_UNKNOWING.fullmatch(m.group(0)) and _ENOUGH.match(plain, m.end())
                                            or BOTH_FINE.match(m.group(0)) for m in HEDGE.finditer(plain)):
        # review20: both options being fine is why one abstains too ("Abstain, both are fine")
        return False  # votes18: not knowing is why one abstains ("Abstain please, I'm new and don't know enough yet")
    return not (_PREFERRED.search(head) and ALSO_FINE.search(plain)
                and not HEDGE.search(" ".join(s for s in segments(plain) if not ALSO_FINE.search(s))))


def not_firm(raw: str, line: str, head: str, rest: str, options, keys, labels) -> bool:
    """True when the answer read from `head` (the part of the cleaned `line` that gave it; `rest`
    what followed it; `raw` the line as written) is held back: a hedge, a question on the answer, a
    condition, a deferral, a question after "but", an errand, irony, a wish held back ("I'd be
    happy to say yes but I can't", "Lisbon would be my choice but I'll abstain"), or a question about an option
    named by a pronoun ("Keep it as is?")."""
    return bool(_hedged(line, head, options, keys, labels) or "?" in head
                or CONDITION.match(rest[:80]) or conditional(line)
                or DEFERRAL.search(line)  # "Yes, got it! Will vote after our board meets"
                or _BUT_QUESTION.search(line) or _ERRAND.search(line)  # "Ja, maar wat kost het?"
                or _WISH_HELD_BACK.search(line)  # "Lisbon would be my choice, but I can't come"
                or _IRONY.search(raw)  # "Oh yes, because that always works 🙄"
                or ("?" in line and pronoun_mentions(head, tuple(labels)))  # "Keep it as is?"
                or (head != line and any(CONDITION.match(s) for s in segments(line) if s)))


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
_BUT_QUESTION, _WISH_HELD_BACK, _PREFERRED = map(gated, (_BUT_QUESTION, _WISH_HELD_BACK, _PREFERRED))
