"""Words that judge the motion by a verb or by what it would do, one table per language (issue 15,
votes17). Pure data and two patterns, used by `motion_judgements`.

A member who answers often says why with a verb of feeling or stance on the motion ("Yes, I'd never
support it", "Oui, je déteste cette idée", "Sí, odio la idea", "Ja, ich hasse die Idee", "Nein, ich
liebe es") or with what it would do to the network ("Yes, Hamilton would swallow us", "No, it'll save
us"). Each such judgement holds its own object (a pronoun, "the idea", "us"), so it names the motion
by itself; a negation before it in its clause turns it round as for any judgement ("I'd never
support it" judges it badly).

Per language: `neg` / `pos` verbs that take the motion as object, `obj` the objects that name it,
`pro` the object pronouns written before the verb ("je la déteste", "la odio"), and `bad` /
`good` what the motion would do to the network (object included). A word added here is a word
every check that reads judgements knows.

`own_verb_judgement` (review of votes17): a verb counts only as the member's own judgement of the
motion: with "I"/"we" or no subject ("Paul opposes it", "many of you love it", "things like this"
are not), with "it / this / the idea" as its object and not a demonstrative a noun or a clause
follows ("I hate this weather", "I hate that I missed it"), and bare at a sentence's end only after
a relative ("…, which I hate"), never "back / like / support" ("I'm just back", "if you like").

`SYNONYMS`: other words a member judges the motion's action by, by the first four letters of the
title's verb ("joining Hamilton would be a disaster", "this union would kill us" on "Merge with …").
They name the motion in a judgement only: whether "join the Eastside union?" asks about the motion
itself stays `motion_stances.names_action`'s to say.
"""
from __future__ import annotations

import re
import unicodedata

VERBS: dict[str, dict[str, str]] = {
    "en": {"neg": "hate|hates|loathe|loathes|detest|detests|oppose|opposes|object to|reject|can't support",
           "pos": "love|loves|adore|adores|support|supports|endorse|endorses|back|vote for|like",
           "obj": "it|this|that|the idea|this idea|the plan|this plan|the proposal|this proposal|the motion"
                  "|this motion",
           "bad": "(?:kill|destroy|swallow|sink|bankrupt|weaken|split|divide) us|(?:be )?the end of (?:us|the network)",
           "good": "save us|(?:it'll|it'd|that'll|this'll|would|will|could|can|it|this|that|merger|merging)\\s+(?:really\\s+)?"
                   "(?:help|benefit|strengthen) (?:us|everyone|everybody|all of us)|make us stronger"},
    "fr": {"neg": "déteste|détestons|hais|rejette", "pos": "adore|aime|soutiens|approuve",
           "obj": "ça|cela|cette idée|l'idée|ce projet|cette proposition|la proposition",
           "pro": "je (?:la|le|l') ?",
           "bad": "(?:nous|va nous) (?:tuer|détruire|couler|avaler)|(?:la|notre) fin", "good": "nous sauver"},
    "es": {"neg": "odio|detesto|rechazo", "pos": "amo|adoro|apoyo",
           "obj": "la idea|esta idea|esto|eso|la propuesta|esta propuesta|el plan",
           "pro": "(?<![\\w'])(?:la|lo) ",
           "bad": "nos (?:matará|mataría|hundirá|hundiría|destruirá|destruiría)", "good": "nos (?:salvará|salvaría)"},
    "de": {"neg": "hasse|verabscheue|lehne", "pos": "liebe|unterstütze|befürworte",
           "obj": "es|das|die idee|diese idee|den plan|den vorschlag|diesen vorschlag|den antrag",
           "bad": "(?:ruiniert|zerstört|vernichtet) uns|unser (?:ende|untergang)", "good": "rettet uns"},
    "nl": {"neg": "haat|verafschuw", "pos": "hou van|houd van|steun",
           "obj": "het|dit|dat|het idee|dit idee|het plan|het voorstel|dit voorstel",
           "bad": "(?:maakt|gaat) ons kapot|ons einde", "good": "redt ons"},
    "it": {"neg": "odio|detesto", "pos": "adoro|amo|sostengo",
           "obj": "l'idea|questa idea|questo|la proposta|questa proposta|il piano",
           "pro": "(?<![\\w'])(?:la|lo|l') ?",
           "bad": "ci (?:ucciderà|distruggerà|rovinerà)", "good": "ci salverà"},
    "pt": {"neg": "odeio|detesto|rejeito", "pos": "adoro|amo|apoio",
           "obj": "a ideia|essa ideia|esta ideia|isso|isto|a proposta|o plano",
           "bad": "(?:vai |vão )?(?:nos (?:matar|destruir|afundar)|(?:matar|destruir|afundar)-nos)", "good": "(?:vai )?nos salvar"},
    "pl": {"neg": "nienawidzę|nie znoszę", "pos": "uwielbiam|kocham|popieram",
           "obj": "tego pomysłu|tego|to|ten pomysł|tej propozycji|tę propozycję|ją|go",
           "bad": "(?:zniszczy|zabije|pogrąży) nas|(?:to )?nasz koniec", "good": "(?:uratuje|ocali) nas"},
}


def _alternatives(field: str) -> str:
    """The words of one field of every language, as one alternation."""
    return "|".join(table[field] for table in VERBS.values() if field in table)


def _verb_phrase(polarity: str) -> str:
    """A verb of the polarity with its object after it ("hate the idea"), its object pronoun before it
    ("je la déteste", "la odio"), or ending a relative clause ("…, which I hate")."""
    verbs = _alternatives(polarity)
    clitics = "|".join("(?:" + t["pro"] + ")(?:" + t[polarity] + ")" for t in VERBS.values() if "pro" in t)
    return (r"(?:" + verbs + r")\s+(?:" + _alternatives("obj") + r")(?![\w'])|(?:" + clitics + r")(?![\w'])"
            r"|(?<=\s)(?:" + verbs + r")(?=\s*(?:[.!…]|$))")


# a verb that is also a noun, an adverb or a preposition: never read bare ("I'm just back", "with love and
# support", "if you like", "dank voor jullie steun", "obrigado pelo apoio")
NOT_BARE = re.compile(r"(?:back|like|support|supports|love|loves|steun|apoio|apoyo|aime|amo|liebe|vote for)")
BARE_VERB = re.compile(r"(?:" + _alternatives("neg") + "|" + _alternatives("pos") + r")")
NEG_VERB = _verb_phrase("neg") + "|" + _alternatives("bad")
POS_VERB = _verb_phrase("pos") + "|" + _alternatives("good")

SYNONYMS: dict[str, str] = {
    "merg": r"join|joining|joined|combine|combining|union|unite|uniting|teaming up|team up|amalgamat\w*|fondersi|fondere"
            r"|unire|unirnos|unirse|samenvoegen|zusammengehen|połączenie|połączyć",
    "rais": r"hike|hiking|increase|increasing|putting (?:it|the fee) up|going up",
}


def _title_verb(title: str) -> str:
    """The first four letters of the title's first word but "vote"/"ballot" and figures ("merg")."""
    words = [w for w in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKD", title).casefold())
             if w not in ("vote", "ballot")]
    return words[0][:4] if words else ""


def named_by_synonym(text: str, title: str) -> bool:
    """True when `text` names the motion's action by another word a member judges it by (`SYNONYMS`)."""
    words = SYNONYMS.get(_title_verb(title)) if title else None
    return words is not None and re.search(r"(?<![\w'])(?:" + words + r")(?![\w'])", text) is not None


# a judgement of the clause before it ("…, which is silly"): not of the motion
OF_THE_CLAUSE = re.compile(r"(?<![\w'])(?:which|ce qui|ce que|was|lo que|lo cual|la cual|il che|cosa che|wat|o que|co)\s+(?:[\w']+\s+){0,2}$")
# the subject of a judgement verb that makes it the member's own: "I", "we" (or none: "Hate it.")
_OWN_SUBJECT = re.compile(r"(?:i|i'd|i'll|i'm|i've|we|we'd|we'll|we're|je|j'|ich|wir|yo|nosotros|io|noi|eu|nós|ik|wij|ja|my)")
# what may stand between the subject and the verb, or open the clause before it
_BETWEEN = re.compile(r"(?:really|truly|totally|absolutely|definitely|fully|strongly|so|just|also|still|always|never|ever"
                      r"|do|does|don't|would|wouldn't|will|won't|could|couldn't|can|can't|cannot|'d|simply|actually"
                      r"|honestly|personally|genuinely|wholeheartedly|entirely|completely|much|very|not|n't|ne|n'|nicht"
                      r"|no|não|nie|vraiment|wirklich|echt|realmente|davvero|muito|naprawdę|totalement|absolument|völlig"
                      r"|sehr|immer|toujours|siempre|sempre|zawsze|altijd|and|but|yet|though|et|mais|und|aber|y|pero|e|ma"
                      r"|en|maar|mas|ale|a|i|oh|well|frankly|sincerely|utterly|kind of|sort of)")
# a demonstrative object that a noun or a clause follows is not the motion ("hate this weather", "hate that I missed")
_DEMONSTRATIVE = re.compile(r"(?<![\w'])(?:this|that|dit|dat|das|tego|to|esto|eso|isso|isto|ça|cela|questo)$")
_NOT_AN_OBJECT_NEXT = re.compile(r"\s+(?!(?:ab|wholeheartedly|fully|completely|totally|so|very|too|now|though|anyway|at|either"
                                 r"|entirely|one|a lot|really|100|though|tho|as|anyway|more|much|sehr|total|wirklich|vraiment"
                                 r"|beaucoup|mucho|molto|muito|bardzo|echt|heel|zeer|enorm)(?![\w']))[^\W\d_]")


_IDEA_NEXT = re.compile(r"\s+(?:idea|plan|move|deal|proposal|idée|projet|idee|ideia|merger|fusion|fusie|fusione|fusão|fuzj\w*|rise|increase|change"
                        r"|changes|motion|proposition|vorschlag|antrag|propuesta|proposta|voorstel|pomysł\w*)(?![\w'])")
_POLISH_VERB = re.compile(r"(?:" + VERBS["pl"]["neg"] + "|" + VERBS["pl"]["pos"] + r")\s")


def own_verb_judgement(m: re.Match, clause: str, part: str) -> bool:
    """True when a judgement verb matched in `clause` (`m`, its words before in the same part `part`) is the
    member's own judgement of the motion: its subject "I"/"we" or none ("Paul opposes it", "many of you
    love it", "things like this", "write back this evening" are not); its object not a demonstrative
    with a noun or a clause after it ("I hate this weather", "I hate that I missed it"); a bare verb ending
    its sentence only after a relative ("…, which I hate") and never one that is also a noun or an adverb
    ("I'm just back", "with love and support", "if you like"). What the motion would do ("would kill us")
    is not a verb of the member's and is always read."""
    text = m.group(0)
    if not BARE_VERB.match(text):
        return True  # "kill us", "je la déteste", "la odio": a consequence or an object pronoun before the verb
    if BARE_VERB.fullmatch(text):
        if NOT_BARE.fullmatch(text) or not OF_THE_CLAUSE.search(part):
            return False
    elif _DEMONSTRATIVE.search(text) and _NOT_AN_OBJECT_NEXT.match(clause[m.end():]) and not _IDEA_NEXT.match(
            clause[m.end():]):
        return False
    elif text.endswith(" to") and not _POLISH_VERB.match(text):
        return False  # "I'd love to (come)", "hate to miss it": "to" is the Polish object only after a Polish verb
    words = re.findall(r"[\w']+", part)
    while words and _BETWEEN.fullmatch(words[-1]):
        words.pop()
    return not words or bool(_OWN_SUBJECT.fullmatch(words[-1])) or bool(
        BARE_VERB.fullmatch(text) and OF_THE_CLAUSE.search(part))
