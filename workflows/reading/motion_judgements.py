"""What the words right after a member's answer say about it: whether they judge the motion the other
way, deny the answer or narrow it to another thing (issue 15). Pure functions, used by
`contrary_remarks`.

- `judged_otherwise`: a short reason that judges the motion (named by a pronoun, a word for any
  proposal or the title's words, or the judgement alone: "worst idea ever") with a judgement word
  of the other polarity ("Yes, the merger is a bad idea", "No, I think it's great", "Nein, das ist
  eine tolle Idee", "はい、悪い考えです"); a negation before the word turns it round ("No, it's not
  a good idea" agrees with the no, "Yes, not doing it would be a mistake" with the yes);
- `denied`: the answer denied right after it ("Ottawa, évidemment pas", "Oui (pas vraiment)");
- `narrowed`: the answer narrowed to a thing that is not the motion ("YES (to the amendment only)",
  "No (to the fee rise)"), not a reason or a manner ("Yes, for the record", "No, on principle").

Each pattern is bounded and tried on at most six clauses of a line of at most
`answer_lines.MAX_LINE_CHARS` characters: reading stays linear.
"""
from __future__ import annotations

import re

from workflows.reading.motion_stances import THIS, about

# judgement words: strong ones judge whatever they open ("worst idea ever", "great idea"), weak ones
# only with what they judge named ("it's great", "c'est super")
_IDEA = r"(?:idea|plan|move|deal|call|proposal|choice|option|decision|step|thing|idée|projet|décision|idee|entscheidung|idea|decisión|ideia|decisão)"
_NEG_STRONG = (r"bad " + _IDEA + r"|poor " + _IDEA + r"|(?:a |big |huge |terrible )?mistake|terrible|awful|horrible|dreadful"
               r"|disast\w*|catastroph\w*|worst|stupid|silly|dumb|idiotic|nonsense|ridiculous|absurd|pointless"
               r"|a waste|mauvaise idée|mauvais projet|une erreur|erreur|nul(?:le)?|ridicule|absurde|désastre|désastreu\w*"
               r"|schlechte\w* idee|fehler|schrecklich\w*|katastroph\w*|unsinn|blödsinn|quatsch|mala idea|un error"
               r"|desastr\w*|pésim\w*|pessim\w*|errore|disastro|brutta idea|slecht\w* idee|vergissing|ramp|má ideia"
               r"|ma ideia|péssim\w*|horrível|terrível|zły pomysł|zly pomysl|okropn\w*|плохая идея|ужасн\w*|ошибка"
               r"|kötü bir fikir|kotu bir fikir|berbat")
_NEG_WEAK = r"bad|wrong|schlecht|mauvais|mal|malo|mala|slecht|sbagliat\w*|fout|errado|errada|falsch"
_POS_STRONG = (r"(?:a )?(?:great|good|excellent|brilliant|fantastic|wonderful|perfect|the best|best|smart|wise) " + _IDEA
               + r"|excellent|brilliant|fantastic|wonderful|amazing|awesome|long overdue|no[- ]brainer|bonne idée"
               r"|excellente idée|très bonne idée|génial\w*|formidable|gute idee|tolle idee|super idee|großartig\w*"
               r"|hervorragend\w*|gran idea|buena idea|excelente|estupend\w*|magnífic\w*|ottima idea|buona idea"
               r"|grande idea|goed idee|prima idee|geweldig\w*|uitstekend\w*|boa ideia|ótima ideia|otima ideia|ótim\w*"
               r"|(?:prima|super|tolle?|gute?|bonne?|buen[oa]?|gran|ottim[oa]|boa|goed|perfect[oa]?) " + _IDEA +
               r"|świetny pomysł|swietny pomysl|dobry pomysł|отличная идея|хорошая идея|прекрасн\w*|harika\w*|iyi bir fikir")
_POS_WEAK = (r"great|good|perfect|the best|super|toll|prima|genial|ottim\w*|parfait\w*|bien|gut|buen[oa]|goed|bom|boa"
             r"|lo mejor|le mieux|das beste|il meglio|het beste|o melhor")
_JUDGED = re.compile(r"(?<!\w)(?:(?P<neg>" + _NEG_STRONG + r")|(?P<pos>" + _POS_STRONG + r")|(?P<negw>" + _NEG_WEAK
                     + r")|(?P<posw>" + _POS_WEAK + r"))(?![\w'])"
                     # scripts written without spaces: no word boundary to look for
                     r"|(?P<negc>悪い考え|悪いアイデア|最悪|ひどい|坏主意|糟糕|馊主意)|(?P<posc>素晴らしい|いい考え|良い考え|いいアイデア|好主意)")
# what names the motion in a reason: a pronoun or a word for any proposal (the title's words are added)
_REFERS = re.compile(r"(?<![\w'])(?:it|it's|its|this|that|c'est|ce serait|ça|ca|cela|das|es|dies|esto|eso|è|e|dat|het"
                     r"|é|isso|isto|idea|idée|idee|ideia|plan|proposal|motion|proposition|projet|vorschlag|antrag"
                     r"|propuesta|proposta|voorstel|to|это|eto|bu)(?![\w'])")
# what negates a judgement before it in its clause ("not a good idea", "pas une bonne idée")
_NEGATION = re.compile(r"(?<![\w'])(?:not|never|no|isn't|wasn't|wouldn't|won't|pas|jamais|nicht|kein\w*|nie|nunca"
                       r"|non|niet|geen|nooit|não|nao|nem)(?![\w'])|n't(?![\w'])")
# an opening that makes the judgement the whole of the clause ("what a mistake", "such a great idea")
_OPENS = re.compile(r"(?:(?:what|such|an?|the|really|truly|just|so|quite|simply|c'est|quelle|quel|was|für|que|qué|che"
                    r"|une?|very|absolute|total|complete|huge|big|utter)\s+){0,4}")

# the answer denied right after it ("Ottawa, évidemment pas", "Yes... not", "Toronto, definitely not!")
_DENIED = re.compile(r"\W*(?:(?:definitely|certainly|absolutely|obviously|surely|of course|évidemment|certainement|absolument"
                     r"|sûrement|bien sûr|sicher|bestimmt|natürlich|claro que|seguro que|desde luego|por supuesto|certo|sicuro"
                     r"|zeker|natuurlijk)\s+(?:que\s+|dass\s+)?)?(?:not|pas|nicht|no|non|niet|não|nao|never|jamais|nie|nunca|mai|no way"
                     r"|auf keinen fall|keinesfalls|en aucun cas|pas question|hors de question|de ninguna manera|ni hablar"
                     r"|over my dead body)(?:\s+(?:really|vraiment|wirklich|realmente|davvero|proprio|echt|de verdad|tanto))?\W*")
# the answer narrowed to another thing right after it ("YES (to the amendment only)", "Yes, to the amendment",
# "No (to the fee rise)"); not a reason or a manner ("Yes, for the record", "No, on principle", "for sure")
_NARROWED = re.compile(r"\W*(?P<paren>\()?\s*(?P<only>only\s+|just\s+|seulement\s+|nur\s+|solo\s+)?(?P<prep>to|on|for|about|sur"
                       r"|pour|à|au|aux|zu|zum|zur|für|a|al|para|sobre|per|voor|over)\s+(?P<obj>(?:the|this|that|la|le|les|l'"
                       r"|du|des|ce|cette|der|die|das|den|dem|el|los|las|il|lo|gli|het|de)\s*(?:[\w'-]+\s+){0,4}?[\w'-]+)"
                       r"\W*(?P<only2>only|seulement|nur|solo|alleen)?\W*")
_MANNER = re.compile(r"(?<![\w'])(?:record|reasons?|whole|balance|reflection|principle|time|moment|future|good|best|most"
                     r"|hand|sake|rest|same|moment|instant|avenir|zukunft|futuro|momento|principe|prinzip)(?![\w'])")
def _title_words(title: str) -> re.Pattern | None:
    """A pattern for the content words of the ballot's title, by their first four letters."""
    words = [w[:4] for w in re.findall(r"[^\W\d_]{4,}", title.casefold())
             if w not in ("with", "from", "into", "vote", "ballot", "about", "should", "where", "which", "when")]
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, sorted(set(words)))) + r")") if words else None


def judged_otherwise(rest: str, polarity: int, title: str = "") -> bool:
    """True when `rest`, the reason written after the answer, judges the motion (a pronoun, a word for
    a proposal or the words of `title` name it, or the judgement is the whole clause: "worst idea ever")
    with a judgement word of the other polarity, a negation before the word turning it round."""
    if not polarity:
        return False
    named = _title_words(title) if title else None
    for clause in re.split(r"[.;!?…]+|,\s*(?:but|mais|aber|pero|ma|maar|though|although)\b|\s(?:but|mais|aber|pero|maar)\s",
                           rest)[:6]:
        clause = clause.strip(" ,:-–—()、，。")
        if not clause:
            continue
        for m in _JUDGED.finditer(clause):
            weak = m.group("negw") or m.group("posw")
            sign = -1 if (m.group("neg") or m.group("negw") or m.group("negc")) else 1
            before = clause[:m.start()]
            refers = bool(_REFERS.search(before) or (named and named.search(before)))
            whole = not weak and _OPENS.fullmatch(before) is not None
            if not (refers or whole):
                continue
            if _NEGATION.search(before):
                sign = -sign
            if sign == -polarity:
                return True
            break  # the clause's first judgement is its judgement
    return False


def narrowed(rest: str, title: str) -> bool:
    """True when what follows the answer narrows it to a thing that is not the motion itself ("(to the
    amendment only)", ", to the fee rise"): in brackets, with "only", or after "to" / "on"."""
    m = _NARROWED.fullmatch(rest)
    if m is None or _MANNER.search(m.group("obj")) or about(m.group("obj"), title) == THIS:
        return False
    return bool(m.group("paren") or m.group("only") or m.group("only2")
                or m.group("prep") in ("to", "on", "sur", "à", "au", "aux", "zu", "zum", "zur", "a", "al"))


def denied(rest: str) -> bool:
    """True when `rest`, what follows the answer on its line, only denies it ("Ottawa, évidemment pas",
    "Oui (pas vraiment)", "The first, obviously not")."""
    return _DENIED.fullmatch(rest) is not None
