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
           "obj": "it|this|that|them|the idea|this idea|the plan|this plan|the proposal|this proposal|the motion"
                  "|this motion",
           "bad": "(?:kill|destroy|swallow|sink|bankrupt|weaken|split|divide) us|(?:be )?the end of (?:us|the network)",
           "good": "save us|(?:help|benefit|strengthen) (?:us|everyone|everybody|all of us)|make us stronger"},
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
           "bad": "(?:vai )?(?:nos )?(?:matar|destruir|afundar)(?:-nos)?", "good": "(?:vai )?nos salvar"},
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
