"""What follows an answer on its own line and takes it back or leaves it open (review 20). Pure functions.

Four ways a member gives an answer and, in the same breath, does not stand by it; each is asked back,
never counted:

- "or (also) not" after the answer, in any language: "Ja, oder auch nicht", "Tak, albo i nie",
  "Da, ili ne znam", "…, of toch niet". Not "Yes, whether we like it or not" (the "or" opens no
  segment of its own), not "No, or not yet anyway" (more is said after the "not").
- "or else" and another place or person, on a ballot of other options: "Online, or else the park if
  you insist", "Online, ou então o salão". Not "Online, or else I can't take part" (a consequence).
- another option said to be better after the answer, on a ballot of other options: "Online, in
  person's better", "Marta, the other one's better though". Not "Online, it's better for
  everyone", "Marta, she's better", "Online's better" (the answer itself, a pronoun of it).
- the answer held until the member has checked with someone: "Totally yes but I need to check with
  my partner first", "… but ask me again tomorrow", the sentence ending there (or with "then I'll confirm").
  Not "Yes, I checked with my partner first", "Yes, but I need to check the date first for the meeting",
  "Yes, but I need to leave early".
"""
from __future__ import annotations

import re

from workflows.reading.better_remarks import better_remark
from workflows.reading.option_expressions import mentions
from workflows.reading.pattern_gates import gated

_OR = r"(?:or|ou|oder|o|of|albo|lub|ili|или|або|eller|vagy|nebo|sau|tai)"
_FILLER = (r"(?:also|else|maybe|perhaps|even|auch|toch|ook|i|и|то|então|entonces|sinon|alors|eben|même|te|też|a|e|y|und|de"
           r"|vielleicht|peut-être|talvez|tal vez|quizás|forse|misschien|może|možda|может)")
_NEG = r"(?:not|nicht|nie|niet|ne|não|nao|no|non|pas|нет|не|ні|nein|nee|nej|nei|nem)"
_KNOW = r"(?:znam|wiem|weiß|weiss|sei|sé|so|sais|know|sure|weet|знаю)"
# the answer, then a segment of its own that says "or not" / "or I don't know"
_OR_NOT = re.compile(r"(?:[,;.!…—–-]|\s-)\s*" + _OR + r"\s+(?:" + _FILLER + r"\s+){0,2}(?:" + _NEG + r"(?:\s+" + _KNOW
                     + r")?|i don'?t know|i dunno|who knows|weiß nicht|sei lá|je ne sais pas|je sais pas)"
                     r"[\s.!?…]*$")

# "or else" opening a segment, then a place or a person with an article, said by itself (an "if" may follow);
# one word after the article only: two are a clause ("or else the costs rise"), and an option named in two
# or three words is found by the opener below ("or else the church hall")
_OR_ELSE_WORDS = (r"(?:or else|or otherwise|or failing that|or if not|ou então|ou sinon|ou alors|oder sonst|oder eben|o si no"
                  r"|o bien|of anders|albo też|ili pak)")
_OR_ELSE = re.compile(r"(?:[,;.!…—–-]|\s-)\s*" + _OR_ELSE_WORDS + r"\s+(?:the|a|an|o|os|as|le|la|les|l'"
                      r"|der|die|das|den|het|de|el|los|las|il|lo)\s*[\w'’-]+\s*(?:[.!?…,;]|\s+if\b|\s+si\b|\s+se\b|\s+wenn\b|\s+als\b|$)")
# what may follow the option "or else" offers: "if you insist", "I guess" ("or else the park floods" offers none)
_OFFERED_TAIL = re.compile(r"\s+(?:(?:if|si|se|wenn|als)\s.*|i guess|i suppose|maybe|perhaps|at a push|then|too)\s*$")
_OR_ELSE_OPENER = re.compile(r"(?:[,;.!…—–-]|\s-)\s*" + _OR_ELSE_WORDS + r"\s+")

# the subject of a remark that another option is better (`better_remarks`): one to four words
_SUBJECT = re.compile(r"(?:[\w'’-]+\s+){0,3}[\w-]+")
# a subject that is another option by its words: "the other one", or "in person" beside an online answer
_THE_OTHER = re.compile(r"^(?:the other(?: one| option| candidate| choice| place| venue| name| person)?|der andere|die andere"
                        r"|l'autre|o outro|a outra|el otro|la otra|de andere|het andere)$")
_IN_PERSON = re.compile(r"^(?:in person|face to face|in the flesh|meeting in person|en personne|en persona|pessoalmente"
                        r"|presencial|persönlich|in persoon)$")
_ONLINE = re.compile(r"(?<![\w'])(?:online|zoom|video|remote|virtual|teams|jitsi)(?![\w'])")
_SEGMENT = re.compile(r"[^,;.!?…—–]+")

# the answer held until the member has checked or been asked again
_CHECK_FIRST = re.compile(r"(?<![\w'])(?:but|though|although|mais|aber|pero|maar|mas|ale)\s+i(?:(?:'ll| will| would|'d)?\s+|(?='d like))"
                          r"(?:(?:need|have|got|want|would like|'d like|ought)\s+to|must|should)\s+(?:check|ask|confirm|talk|speak"
                          r"|discuss|run it by|clear it|consult|think)\b[^.!?…]{0,60}?(?<![\w'])(?:first|beforehand"
                          r"|with my (?:partner|wife|husband|family|boss|team|group|housemates?|flatmates?|union|branch))(?![\w'])"
                          # the clause ends there ("… check the date first for the meeting" is about another thing)
                          r"(?=[\s)]*(?:[.!?…]|$|[,;—–-]\s*(?:and |then |and then )?(?:i'll|i will|will)\s+(?:confirm|let you know|get back|reply|vote)))"
                          r"|(?:[,;.!…—–-]|\sbut|\sthough)\s*(?:please\s+)?ask me again (?:tomorrow|later|next week|another time"
                          r"|in a (?:few|couple of) (?:days|hours|weeks)|after the weekend)[\s.!?…]*$")


def _names_another(text: str, index: int, options: list[str]) -> bool:
    """True when `text` holds a word of three letters or more of another option's label that the chosen
    option's label lacks ("the hall", "St Mary's" for "St Mary's Hall"; "the park" for "Riverside Park")."""
    own = set(re.findall(r"[\w'’-]{3,}", options[index].lower()))
    words = set(re.findall(r"[\w'’-]{3,}", text))
    return any(words & (set(re.findall(r"[\w'’-]{3,}", option.lower())) - own - {"the", "and"})
               for number, option in enumerate(options) if number != index)


def taken_back(line: str, index: int, options: list[str], keys, labels) -> str | None:
    """Why the answer (option `index`) read on `line` is not the member's last word, or None: an "or
    (also) not" after it, another place or person offered with "or else" or said to be better (on a
    ballot without Yes and No), or the answer held until the member has checked first (module doc)."""
    line = line.lower()
    if _OR_NOT.search(line):
        return "takes its answer back with an 'or not' after it"
    if _CHECK_FIRST.search(line):
        return "holds its answer until the member has checked first"
    if "YES" in keys:
        return None
    opener = _OR_ELSE_OPENER.search(line)  # the first "or else" only, and its segment's first words: linear
    offered = _SEGMENT.match(line[opener.end():opener.end() + 80]) if opener is not None else None
    offered = _OFFERED_TAIL.sub("", offered.group(0)) if offered is not None else ""
    if _OR_ELSE.search(line) or len(offered.split()) <= 3 and (mentions(offered, options, keys, labels) - {index}
                                                               or _names_another(offered, index, options)
                                                               or _THE_OTHER.match(offered.strip())):
        return "offers another option with 'or else' after its answer"
    last = None
    for last in _SEGMENT.finditer(line):
        pass
    better = better_remark(last.group(0)) if last is not None and last.start() and not re.search(r"\w", line[last.end():]) else None
    if better is None or not _SUBJECT.fullmatch(better.subject):  # the last segment: "Online, in person's better"
        return None
    subject = better.subject
    if (_THE_OTHER.match(subject) or mentions(subject, options, keys, labels) - {index} or _names_another(subject, index, options)
            or _IN_PERSON.match(subject) and _ONLINE.search(options[index].lower())):
        return "says another option is better after its answer"
    return None  # "Online, it's better for …", "Marta, her track record's better": no other option named


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
_OR_NOT, _OR_ELSE, _OR_ELSE_OPENER, _CHECK_FIRST = map(gated, (_OR_NOT, _OR_ELSE, _OR_ELSE_OPENER, _CHECK_FIRST))
