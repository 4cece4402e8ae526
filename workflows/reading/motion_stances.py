"""What a member's sentence answers about: the motion of the ballot, or another matter. Pure functions
(batch 14).

A yes/no ballot asks about one thing, named by its title ("Merge with the Eastside Tenants' Union").
Members answer it by the thing's own noun, with a verb of stance, in their language: "I support the
merger", "I oppose the fee increase", "Je m'oppose à la fusion", "Ich lehne die Fusion ab", "Apoyo la
fusión", "Contre l'augmentation". They also answer two things in one line: "Budget yes, but no on
the fee rise", "No to the rent strike thing, yes to merging with Eastside", "Yes. Also, I vote no on
the amendment to the code of conduct". A careful secretary reads each answer's object:

- the motion itself (`THIS`): an object whose words all name the motion, by a word of the title
  (first four letters: "merging", "merger" of "Merge"), the title's noun in another language
  (`_MOTION_NOUNS`: "fusion" of "merge", "augmentation" of "raise") or a word that stands for any
  motion ("it", "this", "the proposal"), one of them naming its action or matter (the title's first
  word, or the head noun of its object: "fee" of "Raise the annual fee to 30 euros");
- another matter (`OTHER`): a noun of something else, none of the title's ("the code of conduct" on the
  budget's ballot): its answer answers that matter, not this ballot;
- unclear (`UNCLEAR`): only a noun that may name a part of this motion as well as another ("the
  amendment" on a ballot that amends nothing), or a number the title does not hold ("yes on vote 32"
  on Vote 31, "yes for the 2026 account" on the 2027 one): its answer may be about this ballot, so
  it is asked; so is an object that names the motion inside another thing's name, whose head is
  that thing ("any delay to the merger", "keeping the fee", "the call to postpone the budget":
  review of b14v), and a bare preposition ("Contre la fusion, je n'ai rien", "For me, …") that is
  not the whole sentence.

`stances(line, title)` gives each answer the line holds with what it is about. Reading stays linear:
each pattern is anchored at a clause's start and bounded.
"""
from __future__ import annotations

import re

from mailer.bare_answers import BARE_ANSWERS
from workflows.reading.accents import fold
from workflows.reading.pattern_gates import gated

THIS, OTHER, UNCLEAR = "this", "other", "unclear"

# the nouns of common motions in the languages members write, by the English title word's first four
# letters ("merg" of "Merge", "rais" of "Raise"): a title names its motion by a verb or a noun, a
# member by theirs
_MOTION_NOUNS: dict[str, frozenset[str]] = {stem: frozenset(words.split()) for stem, words in {
    "merg": "merger merging fusion fusionner fusionar fusione fusionare fusao fusie fuseren zusammenschluss fusionieren "
            "fuzja fuzji sammanslagning sammanslagningen sammenlaegning fusionarnos fusionarse fusionnons fondersi fondere",
    "rais": "rise raise raising increase increasing hike augmentation augmenter hausse erhohung anhebung erhohen "
            "aumento aumentar subida verhoging verhogen",
    "incr": "rise raise raising increase increasing hike augmentation augmenter hausse erhohung anhebung aumento verhoging",
    "join": "joining adhesion adherer rejoindre beitritt beitreten unirse unirnos adesao aderir adesione aderire "
            "toetreding toetreden",
    "amen": "amendment amending amendement modification anderung abanderung enmienda emenda emendamento wijziging",
    "budg": "budget haushalt haushaltsplan presupuesto orcamento bilancio begroting",
    "adop": "adoption adopting adopter adopcion adocao adozione",
    "fee": "fee fees cotisation cotisations beitrag mitgliedsbeitrag cuota cuotas quota quote contribuicao "
           "contributie",
}.items()}
# words that stand for the ballot's motion whatever it is
_ANY_MOTION = frozenset(("it", "this", "that", "motion", "proposal", "proposition", "resolution", "idea", "plan",
                         "change", "ceci", "cela", "ca", "projet", "dies", "das", "antrag", "vorschlag", "esto",
                         "eso", "propuesta", "isso", "isto", "proposta", "questo", "dit", "voorstel"))
# not "vote", "ballot", "scrutin": "No to the vote, we should decide at the AGM" refuses the vote itself
# the member themselves: "yes for me", "oui pour moi" answer the ballot
_SELF = frozenset(("me", "us", "moi", "nous", "mich", "uns", "mi", "nosotros", "mim", "nos", "mij", "ons"))
# nouns that may name a part of this motion as well as another matter
_PART_NOUNS = frozenset(("amendment", "amendement", "anderung", "enmienda", "emenda", "emendamento", "wijziging",
                         "one", "other", "point", "item", "section", "clause", "part"))
_SMALL = frozenset(("the", "a", "an", "of", "to", "with", "our", "my", "this", "that", "these", "le", "la", "les", "l",
                    "un", "une", "du", "de", "des", "d", "au", "aux", "a", "ce", "cette", "ces", "notre", "der", "die",
                    "das", "den", "dem", "des", "ein", "eine", "einen", "unsere", "unseren", "el", "los", "las", "lo",
                    "del", "al", "o", "os", "as", "da", "do", "dos", "das", "na", "no", "il", "gli", "della", "dello",
                    "alla", "allo", "al", "het", "een", "onze", "van", "new", "proposed", "whole", "all", "thing",
                    "in", "one", "go", "as", "circulated", "current", "annual"))

_PREPOSITIONS = frozenset(("with", "to", "of", "for", "on", "in", "from", "by", "at", "into", "as", "and", "a", "de",
                           "du", "des", "au", "aux", "pour", "avec", "mit", "zu", "von", "fur", "con", "para", "met",
                           "van", "voor"))
_STANCE_YES = (r"(?:i |we |i(?='m )|we(?='re )|je |j'|nous |ich |wir |yo |eu |io |ik |wij )?(?:fully |strongly |really |totally |wholeheartedly )?"
               r"(?:support|supports|back|approve|endorse|favou?r|welcome|approuve|approuvons|soutiens|soutenons"
               r"|unterstutze|unterstutzen|befurworte|befurworten|apoyo|apoyamos|apoio|apoiamos|appoggio|sostengo"
               r"|steun|steunen|(?:am|'m|are|'re) (?:all )?for|(?:am|'m|are|'re) (?:all )?in favou?r of|in favou?r of"
               r"|happy to support|vote for|vote in favou?r of|suis pour|vote pour|suis favorable a|en faveur de"
               r"|bin fur|stimme fur|estoy a favor de|voto a favor de|a favor de|sou a favor d[aoe]s?|voto a favor d[aoe]s?"
               r"|sono favorevole a(?:ll[aoe'])?|voto a favore d(?:ell[aoe'])?|ben voor|stem voor|pour|for)")
_STANCE_NO = (r"(?:i |we |i(?='m )|we(?='re )|je |nous |ich |wir |yo |eu |io |ik |wij )?(?:strongly |firmly )?"
              r"(?:oppose|opposes|reject|object to|(?:can't|cannot|can not|don't|do not|won't|will not|couldn't)"
              r" (?:support|back|approve|endorse|accept)|(?:am|'m|are|'re) (?:against|opposed to|not in favou?r of)"
              r"|vote against|against|not in favou?r of|m'oppose a|nous opposons a|rejette|rejetons|suis contre"
              r"|vote contre|n'approuve pas|ne (?:peux|pouvons) pas (?:soutenir|approuver)|ne soutiens pas"
              r"|suis defavorable a|contre|lehne|lehnen|bin gegen|stimme gegen|gegen|me opongo a|rechazo"
              r"|estoy en contra de|voto en contra de|en contra de|oponho-me a|me oponho a|rejeito|sou contra"
              r"|voto contra|contra|mi oppongo a(?:ll[aoe'])?|respingo|sono contrari[oa] a(?:ll[aoe'])?|voto contro"
              r"|contro|ben tegen|stem tegen|tegen)")
_OBJECT = r"(?P<obj>(?:[\w'%$€-]+\s+){0,7}?[\w'%$€-]+)"
_OBJECT_END = r"(?:\s+ab)?\s*(?=$|[.,;:!?()]|\s+(?:because|as|since|while|when|if|but|though|car|parce|puisque|mais|weil|da|aber|porque|pero|mas|perche|ma|omdat|maar|in one go)\b)"
# what may open a clause before its answer: a joining word or an aside's opener ("and", "also", "par ailleurs")
_OPENER = (r"^(?:and |but |also |so |et |mais |aussi |und |aber |y |pero |e |ma |en |maar |par ailleurs |au fait "
           r"|by the way |btw |ps |separately |ausserdem |ubrigens |ademas |por cierto |inoltre |verder |alem disso )?")
# "I support the merger", "Je m'oppose à la fusion", "Ich lehne die Fusion ab"
_STANCE = re.compile(_OPENER +
                     r"(?:(?P<yes>" + _STANCE_YES + r")|(?P<no>" + _STANCE_NO + r"))\s+" + _OBJECT + _OBJECT_END)
# "no on the fee rise", "yes to merging with Eastside", "I vote no on the amendment", "oui pour la fusion"
_ANSWER_ON = re.compile(_OPENER +
                        r"(?:(?:i|we)(?: vote| say|'d vote|'d say| would vote| would say|'ll vote|'ll say| will vote| will say) |je (?:vote|dis) |(?:it's|it is|c'est) )?"
                        r"(?P<answer>yes|no|oui|non|ja|nein|sim|nao|nee)\s+(?:on|to|for|about|sur|pour|a|au|aux|zu|fur"
                        r"|para|per|voor)\s+" + _OBJECT + _OBJECT_END)
# "budget yes", "Budget: yes", "la fusion : oui"
_NAMED_ANSWER = re.compile(r"^(?:and |but |also |et |mais |aussi )?" + _OBJECT + r"(?:\s*[:=-]\s*|\s+)(?P<answer>yes|no|oui|non|ja|nein)$")
_BARE = re.compile(r"^(?:(?:i|we) (?:vote|say) )?(?P<answer>yes|no|oui|non|abstain|ja|nein)(?: from (?:me|us))?$")
_CLAUSES = re.compile(r"\s*(?:[.;!?()]+|,\s*(?:(?:and|but|though|et|mais|und|aber|y|pero|e|ma|en|maar)\s+)?|\s-\s|\s(?=but\s|mais\s|aber\s|pero\s|maar\s))\s*")
# what marks an answer as about another matter: an aside's opener, or words that put it elsewhere ("while
# we're at it", "if that comes up", "in the other vote")
_ASIDE = re.compile(r"(?:^|\s)(?:also|ps|p\.s|by the way|btw|separately|par ailleurs|au passage|au fait|tant qu'on y est"
                    r"|ausserdem|ubrigens|ademas|por cierto|inoltre|verder|alem disso)\b|\bwhile (?:we're|we are|i'm|i am) at it\b"
                    r"|\bif (?:that|it) comes up\b|\b(?:in|on|for) the other (?:vote|ballot|one)\b|\bdans l'autre (?:vote|scrutin)\b")
# a stance said by a preposition alone, with no verb: read only when it is the whole sentence
_BARE_PREPOSITION = re.compile(r"pour|for|contre|gegen|tegen|contra|contro|against|en contra de|a favor de"
                               r"|en faveur de|in favou?r of|not in favou?r of")
_SENTENCES = re.compile(r"[.;!?()]+")


def _title_words(title: str) -> list[str]:
    """The title's words, folded and lower-cased, without figures ("Vote 21 Merge with …" → vote, merge, with …)."""
    return [w for w in re.findall(r"[a-z0-9']+", fold(title).casefold()) if not w.isdigit()]


def _title_stems(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """The first four letters of each of the title's content words, and those words."""
    words = [w for w in _title_words(title) if w not in _SMALL and w not in ("vote", "ballot")]
    return frozenset(w[:4] for w in words if len(w) >= 3), frozenset(words)


def _heads(title: str) -> frozenset[str]:
    """The stems that name the motion's action or matter: the title's first word, its verb ("merg"
    of "Merge with …"), and the head noun of its object, the last word before a preposition ("fee"
    of "Raise the annual fee to 30 euros", "waiv" of "Adopt the 2027 membership fee waiver")."""
    words = _title_words(title)
    if words[:1] in (["vote"], ["ballot"], ["scrutin"]):
        words = words[1:]
    heads = [w[:4] for w in words[:1]]
    noun = ""
    for word in words[1:]:
        if word in _PREPOSITIONS:
            break
        if word not in _SMALL:
            noun = word
    return frozenset(heads + ([noun[:4]] if len(noun) >= 3 else []))


def names_action(text: str, title: str) -> bool:
    """True when the text names the motion's own action or matter: a word of it shares the first four
    letters of the title's first word ("merge", "join"), or of a title word whose nouns are known
    ("budget", "fee"), or is one of those nouns in the member's language ("rejoindre", "fusion")."""
    heads = _heads(title)
    return any(_names_head(w, heads) for w in re.findall(r"[a-z0-9']+", fold(text).casefold()) if len(w) >= 3)


def _names_head(word: str, heads: frozenset[str]) -> bool:
    """True when the (folded) word names one of the motion's `heads`: it shares its first four letters,
    or is a noun of it in another language (`_MOTION_NOUNS`; "l'adhesion" read as "adhesion")."""
    return word[:4] in heads or any(word.split("'")[-1] in _MOTION_NOUNS.get(h, ()) for h in heads)


def about(obj: str, title: str) -> str:
    """What the object of an answer names (`THIS`, `OTHER` or `UNCLEAR`, see the module doc)."""
    stems, words = _title_stems(title)
    said = re.findall(r"[a-z0-9'%$€]+", fold(obj).casefold())
    content = [w for w in said if w not in _SMALL and not w.isdigit()]
    if any(w.isdigit() and w not in re.findall(r"\d+", title) for w in said):
        return UNCLEAR  # "no for 2", "yes on vote 32", "yes for the 2026 account" on Vote 31's 2027 account
    content = [w.split("'")[-1] if "'" in w and not w.endswith("'") else w for w in content]  # "l'augmentation"
    if not content:
        return THIS
    heads = _heads(title)
    named = [w for w in content if len(w) >= 3 and (w[:4] in stems or w in words
                                                   or any(w in _MOTION_NOUNS.get(stem, ()) for stem in stems))]
    if named:
        # the motion must be the object's head, not a word inside another thing's name ("any delay to
        # the merger", "keeping the fee", "the call to postpone the budget"): every word of the object
        # names the motion, and one names its action or matter
        rest = [w for w in content if w not in named and w not in _ANY_MOTION and not any(c.isdigit() for c in w)]
        if rest or not any(_names_head(w, heads) for w in named):
            return UNCLEAR
        return THIS
    if all(word in _ANY_MOTION or word in _SELF for word in content):
        return THIS
    if all(word in _ANY_MOTION or word in _PART_NOUNS for word in content):
        return UNCLEAR
    return OTHER


def stances(line: str, title: str) -> list[tuple[str, str, str, bool]]:
    """Each answer the (cleaned) line holds, clause by clause, as (key, what it is about, its form,
    whether its sentence marks it as an aside): ("NO", "this", "stance", False) for "I oppose the
    merger" on the merger's ballot, ("YES", "other", "named", False) for "budget yes" on the fee's;
    a bare "Yes" is about the ballot itself ("bare"); "no on the amendment" is of form "on". A
    clause that holds no answer of these forms gives nothing."""
    found = []
    for sentence in _SENTENCES.split(fold(line).replace("\u2019", "'"))[:12]:
        aside = bool(_ASIDE.search(sentence))
        for clause in _CLAUSES.split(sentence)[:12]:
            clause = clause.strip(" \"'*_-")
            if not clause:
                continue
            if m := _BARE.match(clause):
                found.append((BARE_ANSWERS[m.group("answer")], THIS, "bare", aside))
            elif m := _ANSWER_ON.match(clause):
                found.append((BARE_ANSWERS[m.group("answer")], about(m.group("obj"), title), "on", aside))
            elif m := _STANCE.match(clause):
                what = about(m.group("obj"), title)
                verb = (m.group("yes") or m.group("no")).strip()
                if _BARE_PREPOSITION.fullmatch(verb) and (clause != sentence.strip(" \"'*_-") or what != THIS
                                                         or all(w in _SELF for w in m.group("obj").split())):
                    # "Contre la fusion, je n'ai rien", "For me, the merger is a mistake", "Pour la
                    # fusion, il faudrait d'abord …": a bare preposition put first frames the rest
                    what = UNCLEAR
                found.append(("YES" if m.group("yes") else "NO", what, "stance", aside))
            elif (m := _NAMED_ANSWER.match(clause)) and title:
                found.append((BARE_ANSWERS[m.group("answer")], about(m.group("obj"), title), "named", aside))
    return found


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
_ASIDE, _CLAUSES = map(gated, (_ASIDE, _CLAUSES))
