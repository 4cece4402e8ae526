"""What the words right after a member's answer say about it: whether they judge the motion the other
way, deny the answer or narrow it to another thing (issue 15). Pure functions, used by
`contrary_remarks`.

- `judged_otherwise`: a short reason that judges the motion (named by a pronoun, a word for any
  proposal or the title's words, or the judgement alone: "worst idea ever") with a judgement word
  of the other polarity ("Yes, the merger is a bad idea", "No, I think it's great", "Nein, das ist
  eine tolle Idee", "はい、悪い考えです"; verbs and set phrases too: "will ruin us", "I hate it",
  "makes total sense", "the right thing to do", "the last thing we need"); a negation before the word turns it round ("No, it's not
  a good idea" agrees with the no, "Yes, not doing it would be a mistake" with the yes, as do
  "hardly", "far from", "nowhere near"); it judges something else, and is none, when it judges
  another clause ("a mistake to wait"; "a mistake not to" agrees with a yes), another doing
  ("going it alone is a bad idea"), the other party named in the title ("Hamilton is great"), or
  is a set phrase ("worst case", "least bad", "not perfect"); judging the state the motion would
  change turns it round ("the old terms were terrible", "good as it is"); a judgement conceded
  ("good idea, but too expensive", "Great idea, wrong time") is none; on a later line only the
  motion named judges, and on a line that thanks, apologises or adds a P.S. only a strong judgement
  after it ("P.S. terrible idea", "Thanks. It's a disaster though."); verbs, consequences and their
  objects per language are `judgement_words` ("I'd never support it", "odio la idea", "would swallow
  us");
- `denied`: the answer denied right after it ("Ottawa, évidemment pas", "Oui (pas vraiment)");
- `another_item`: another item of the meeting named right after the answer ("Yes, the amendment",
  "Yes, as amended", "Oui, l'amendement");
- `narrowed`: the answer narrowed to a thing that is not the motion ("YES (to the amendment only)",
  "No (to the fee rise)", "to the old terms", "to the merger in a year"; the title's own words alone narrow
  nothing: "to the updated terms"), not a reason or a manner ("Yes, for the record", "No, on principle"),
  nor an understanding that leaves the motion done ("on the understanding we keep our name").

Each pattern is bounded and tried on at most six clauses of a line of at most
`answer_lines.MAX_LINE_CHARS` characters: reading stays linear.
"""
from __future__ import annotations

import functools
import re

from workflows.reading.judgement_words import NEG_VERB, OF_THE_CLAUSE as _OF_THE_CLAUSE, POS_VERB, named_by_synonym, own_verb_judgement
from workflows.reading.motion_stances import THIS, about, names_action

# judgement words: strong ones judge whatever they open ("worst idea ever", "great idea"), weak ones
# only with what they judge named ("it's great", "c'est super")
_IDEA = r"(?:idea|plan|move|deal|call|proposal|choice|option|decision|step|thing|idée|projet|décision|idee|entscheidung|idea|decisión|ideia|decisão)"
_NEG_STRONG = (r"too good to be true|ruin\w*|sucks?|stinks?|(?:hate|loathe|detest) (?:it|this|that|the idea)|will kill"
               r"|unacceptable|outrageous|(?:a )?betrayal|daylight robbery|the last thing we need|n'importe quoi"
               r"|connerie|lächerlich|mist|tontería|disparate|follia|onzin|loucura|głupota|glupota|bad " + _IDEA + r"|poor " + _IDEA + r"|(?:a |big |huge |terrible )?mistake|terrible|awful|horrible|dreadful"
               r"|disast\w*|catastroph\w*|worst|stupid|silly|dumb|idiotic|nonsense|ridiculous|absurd[oae]?s?|pointless"
               r"|a waste|mauvaise idée|mauvais projet|une erreur|erreur|nul(?:le)?|ridicule|absurde|désastre|désastreu\w*"
               r"|schlechte\w* idee|fehler|schrecklich\w*|katastroph\w*|unsinn|blödsinn|quatsch|mala idea|un error"
               r"|desastr\w*|pésim\w*|pessim\w*|errore|disastro|brutta idea|slecht\w* idee|vergissing|(?<=een )ramp|een [\w-]{2,30}e ramp|(?:totale|regelrechte|financiële|echte|ware|enorme|volslagen|absolute|pure|grote) ramp|(?:^|(?<=^ )|(?<=[,;:!—–-] ))ramp(?=[\s.!…]*$)|rampzalig|má ideia"
               r"|ma ideia|péssim\w*|horrível|terrível|zły pomysł|zly pomysl|okropn\w*|плохая идея|ужасн\w*|ошибка"
               r"|kötü bir fikir|kotu bir fikir|berbat|malísim\w*|(?:daylight |highway )?robbery|(?:a )?rip-?off|(?:a )?scam|a joke"
               r"|du vol|une arnaque|une blague|abzocke|ein witz|un robo|una estafa|un chiste|una truffa|un furto|oplichterij"
               r"|een grap|um roubo|uma piada|dålig idé|dårlig idé|dårlig idè|en katastrof|katastrof[aąy]?|a trap|crazy|insane|madness"
               r"|a sinking ship|débile|stupide|idiot\w*|schifo|che schifo|belachelijk|bez sensu|sin sentido|sinnlos"
               r"|insensé\w*|locura|una locura|follie|waanzin|gekkenwerk|rubbish|garbage|(?:a )?mess|foolish|unfair|unwise"
               r"|reckless|short-?sighted|dom|dwaas|assurd\w*|injuste|ungerecht|injust[oa]|ingiust[oa]|oneerlijk|niesprawiedliw\w*"
               r"|too (?:much|high|expensive|steep|costly)|trop cher|zu (?:teuer|hoch|viel)|demasiado (?:caro|alto)"
               r"|troppo (?:caro|alto)|te (?:duur|hoog|veel)")
_NEG_WEAK = r"bad|wrong|schlecht|mauvais|mal|malo|mala|slecht|sbagliat\w*|fout|errado|errada|falsch"
_POS_STRONG = (r"makes (?:(?:total|perfect|a lot of|good) )?sense|the right (?:call|thing|move|choice|step|decision)"
               r"|(?:love|adore) (?:it|this|that|the idea)|sinnvoll|about time|finally(?!\W*\w)|(?:a )?(?:great|good|excellent|brilliant|fantastic|wonderful|perfect|the best|best|smart|wise) " + _IDEA
               + r"|excellent|brilliant|fantastic|wonderful|amazing|awesome|long overdue|no[- ]brainer|bonne idée"
               r"|excellente idée|très bonne idée|génial\w*|formidable|gute idee|tolle idee|super idee|großartig\w*"
               r"|hervorragend\w*|gran idea|buena idea|excelente|estupend\w*|magnífic\w*|ottima idea|buona idea"
               r"|grande idea|goed idee|prima idee|geweldig\w*|uitstekend\w*|boa ideia|ótima ideia|otima ideia|ótim\w*"
               r"|(?:prima|super|tolle?|gute?|bonne?|buen[oa]?|gran|ottim[oa]|boa|goed|perfect[oa]?) " + _IDEA +
               r"|świetny pomysł|swietny pomysl|dobry pomysł|отличная идея|хорошая идея|прекрасн\w*|harika\w*|iyi bir fikir"
               r"|bra idé|god idé|god idè|jättebra"
               # approval said as such ("No, I'm happy with it", "No, let's do it", "Non, ça me va")
               r"|(?:i'm |i am |we're |we are )?(?:(?:very|quite|perfectly|totally) )?(?:happy|fine|ok|okay|comfortable)"
               r" with (?:it|this|that|the \w+(?: \w+)?)|me encanta|me gusta|j'adore|ça me plaît|gefällt mir|mi piace"
               r"|adoro|gosto (?:disso|muito)|vind ik leuk|fine by me|works for me|sounds (?:good|great|fine)|(?:i|we) (?:really )?like (?:it|this|that"
               r"|the idea)|let's do (?:it|this|that)|let's go(?: for it)?|go for it|go ahead|do it|ça me va|ça me convient"
               r"|passt(?: schon| so)?(?! nicht)|(?:finde|vind) ich (?:gut|goed)|vind ik (?:het )?goed|me parece bien|está bien"
               r"|tudo bem|está bem|(?:mi )?va bene|in ordnung")
_POS_WEAK = (r"great|good|perfect|the best|super|toll|prima|genial|ottim\w*|parfait\w*|bien|gut|buen[oa]|goed|bom|boa"
             r"|fine|ok|okay|fair|reasonable|smart|wise|sensible|clever|better|much better|far better|mieux|besser|mejor|meglio|beter|melhor"
             r"|lo mejor|le mieux|das beste|il meglio|het beste|o melhor")
_JUDGED = re.compile(r"(?<!\w)(?:(?P<negv>" + NEG_VERB + r")|(?P<posv>" + POS_VERB + r")|(?P<neg>" + _NEG_STRONG + r")|(?P<pos>" + _POS_STRONG + r")|(?P<negw>" + _NEG_WEAK
                     + r")|(?P<posw>" + _POS_WEAK + r"))(?![\w'])"
                     # scripts written without spaces: no word boundary to look for
                     r"|(?P<negc>悪い考え|悪いアイデア|最悪|ひどい|坏主意|糟糕|馊主意)|(?P<posc>素晴らしい|いい考え|良い考え|いいアイデア|好主意)")
# what names the motion in a reason: a pronoun or a word for any proposal (the title's words are added)
_REFERS = re.compile(r"(?<![\w'])(?:it|it's|its|it'll|it'd|that'll|that'd|this'll|this|that|c'est|ce serait|ça|ca|cela|das|es|dies|esto|eso|è|e|dat|het"
                     r"|é|isso|isto|idea|idée|idee|ideia|plan|proposal|motion|proposition|projet|vorschlag|antrag"
                     r"|propuesta|proposta|voorstel|to|это|eto|bu"
                     # an opinion verb judges the matter at hand ("finde ich gut", "me parece genial", "acho ótimo")
                     r"|finde|find|think|trouve|parece|sembra|pare|acho|vind|vindt)(?![\w'])")
# batch 20: the pronouns of a person, naming the candidate an answer chose ("Marta, she would be a disaster")
_PERSON_REFERS = re.compile(r"(?<![\w'])(?:he|she|they|he's|she's|they're|he'd|she'd|they'd|he'll|she'll|they'll|him|her|them"
                            r"|il|elle|er|sie|él|ella|lui|lei|hij|zij|ze|ele|ela|ona|он|она)(?![\w'])")
# a noun said as the subject of a strong judgement ("la fusion est une catastrophe", "die Fusion ist Mist", "the fee
# rise is outrageous"): the motion, unless it is the state it would change or another doing ("The dues are fine but
# …" judges nothing of the motion: a weak word needs the motion named)
_NOUN_SUBJECT = re.compile(r"(?:^|\s)(?:the|this|that|these|la|le|l'|cette|ce|les|die|der|diese[rs]?|el|esta|este|los|las"
                           r"|a|o|as|os|essa|esse|il|lo|questa|questo|i|de|het|deze|ta|ten)\s*[\w'-]+(?:\s+[\w'-]+)?\s+"
                           r"(?:is|are|was|were|would be|will be|est|serait|sera|sont|ist|wäre|wird|sind|es|sería|será|son|é"
                           r"|seria|são|è|sarebbe|sono|zou|wordt|to|jest)(?![\w'])|[\w'-]+\s+(?:är|blir|er|bliver)(?![\w'])")
# a subject that is plainly not the motion: the weather, the ballot or the tools of the vote ("Yes. The weather is
# awful today.", "The survey tool is awful", "The vote itself is a silly formality")
_OTHER_THING = re.compile(r"(?<!\w)(?:weather|rain|traffic|survey|tool|form|ballot|vote|voting|link|e-?mail|mail|website"
                          r"|wifi|internet|connection|coffee|food|parking|météo|wetter|weer|thread|discussion|process|agenda|newsletter"
                          r"|minutes|week|day|meeting|rent|rents|miete|mieten|loyer|loyers|huur|affitto|alquiler|aluguel|czynsz"
                          r"|costs?|prices?|kosten|preise|coûts?|prix|costes|precios|costi|prezzi|custos|preços|koszty|ceny)(?![\w'])")


def _motion_subject(before: str, title: str = "") -> bool:
    """True when `before` holds a noun subject of a strong judgement that may be the motion: not one
    that is plainly something else (`_OTHER_THING`) or the other party the title names ("The Hamilton
    network is a mess")."""
    m = _NOUN_SUBJECT.search(before)
    return m is not None and not _OTHER_THING.search(m.group(0)) and not any(
        name.casefold() in m.group(0) for name in re.findall(r"(?<=\s)[A-Z]\w+", title))


# what negates a judgement before it in its clause ("not a good idea", "pas une bonne idée")
_NEGATION = re.compile(r"(?<![\w'])(?:not|never|no|isn't|wasn't|wouldn't|won't|pas|jamais|nicht|kein\w*|nie|nunca"
                       r"|non|niet|geen|nooit|não|nao|nem|nothing|hardly|barely|scarcely|far from|nowhere near|anything but"
                       r"|rien|loin d'être|alles andere als|nichts|nada|lejos de|niente|lungi da|niets)(?![\w'])|n't(?![\w'])")
# set phrases that hold a judgement word but judge nothing ("worst case we undo it", "the least bad")
_SET_PHRASES = re.compile(r"(?<![\w'])(?:(?:disaster|nightmare|mess|joke|hell|horror) of an? [\w-]+|worst[- ]case(?: scenario)?|least (?:bad|worst)|worst-kept|best of a bad (?:lot|bunch)"
                          r"|lesser (?:of two )?evils?|for better or (?:for )?worse|not perfect|not ideal|far from perfect"
                          r"|pas parfait\w*|nicht perfekt|no es perfect\w*|non è perfett\w*)(?![\w'])")
# a judgement of a clause that follows it ("a mistake to wait", "silly that we waited", "a mistake not to"):
# it judges the motion only when that clause names it, is elided ("not to.") or does it ("do it")
_EXTRAPOSED = re.compile(r"\W*(?:[\w']+\s+){0,3}?(?:to|that|de|d'|que|di|zu|dass|dat|om te|om|że)(?![\w'])(?P<what>.*)")
# someone else's judgement reported ("Tom thinks it's a bad plan", "Some say it's a great idea")
_OTHERS_VIEW = re.compile(r"(?<![\w'])(?!(?:i|we|je|ich|yo|io|ik|nous|wir)\s)[\w'-]+\s+(?:thinks?|says?|said|believes?|claims?"
                          r"|feels?|reckons?|pensent|pense|disent|dit|denken|denkt|sagen|sagt|creen|cree|dicen|dice)(?![\w'])")
# "that" as the subject, not a clause ("what a mistake that would be")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:would|will|is|was|were|'s|'d|be|serait|est|wäre|ist|sería|es)(?![\w'])")
_DOES_IT = re.compile(r"(?<![\w'])(?:do|doing|did|le faire|es tun|hacerlo|farlo|het doen|fazê-lo)\s*(?:it|this|that|so)?(?![\w'])"
                      r"|(?<![\w'])(?:go ahead|proceed)(?![\w'])")
# a subject that is another doing ("going it alone is a bad idea"); "not doing it" does the motion
_GERUND = re.compile(r"(?:not\s+)?(?!(?:thing|nothing|something|everything|anything|morning|evening|spring|bring|during)\b)"
                     r"[a-z]+ing(?![\w'])")
# the state of things now, judged: what the motion would change ("the old terms were terrible", "good as it is")
_STATUS_QUO = re.compile(r"(?<!\w)(?:old|current|existing|present|today's|alte[nrs]?|aktuelle\w*|bestehende\w*|actuel\w*"
                         r"|ancien\w*|vieux|vieil\w*|vecchi\w*|attual\w*|actual(?:es)?|viej\w*|huidige?|oude|atua(?:l|is)"
                         r"|antig\w*)\s+\w"
                         r"|(?<![\w'])(?:as (?:it|they|we) (?:is|are|stands?)|as is|as we are|the way (?:it|they|we) (?:is|are)"
                         r"|comme (?:ça|ca|c'est|il est|elle est)|wie es ist|zoals het is|como est[áa]|assim|come (?:è|sta)"
                         r"|status quo|stay(?:ing)? as|keep(?:ing)? (?:it|things) as|así|so wie es ist|how (?:it|things) (?:is|are)"
                         # the other course judged ("the alternative is a disaster", "anything else would be …")
                         r"|the alternative|anything else|otherwise|l'alternative|sinon|die alternative|sonst|la alternativa"
                         r"|de lo contrario|l'alternativa|altrimenti|het alternatief|anders|a alternativa"
                         # the other course, named ("going it alone is a mistake", "staying independent is great")
                         r"|go(?:ing)? it alone|(?:stay|staying|remain|remaining) (?:independent|separate|alone|apart"
                         r"|as we are|small)|on our own"
                         # staying apart, in other languages ("rester seuls serait notre fin", "allein zu bleiben ruiniert uns")
                         r"|rester seule?s?|sans (?:la )?fusion|allein (?:zu )?bleiben|ohne (?:die )?fusion|alleen blijven"
                         r"|zonder (?:de )?fusie|restare sol[ioe]|senza (?:la )?fusione|quedarnos solos|sin (?:la )?fusión"
                         r"|ficar(?:mos)? sozinhos|sem (?:a )?fusão|samotność|bez fuzji|bez połączenia|without (?:it|the merger)"
                         r"|bez (?:tego|niej|niego)|sans (?:ça|cela|elle)|ohne (?:das|es|sie)|sin (?:esto|eso|ella)|senza (?:questo|di essa)"
                         r"|sem (?:isso|isto|ela)|zonder (?:dit|dat|het))(?![\w'])")
# an opening that makes the judgement the whole of the clause ("what a mistake", "such a great idea")
_OPENS = re.compile(r"(?:(?:i|we|i'd|actually|honestly|personally|je|ich|what|such|an?|the|really|truly|just|so|quite|simply|c'est|quelle|quel|was|für|que|qué|che"
                    r"|une?|very|absolute|total|complete|huge|big|utter|bloody|damn|pretty|rather|totally|quelle|quel|ein|eine|einen|so ein|so eine|menud[oa]|vaya|wat|een|um|uma"
                    r"|una|du|de la|très|sehr|totale?|pura|puro|reine[rs]?|muy|molto|muito|heel|zeer|echt|compl[eè]te?)\s+){0,4}")

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
                     r"|hand|sake|rest|same|moment|instant|avenir|zukunft|futuro|momento|principe|prinzip|understanding)(?![\w'])")
@functools.lru_cache(maxsize=64)
def _title_words(title: str) -> re.Pattern | None:
    """A pattern for the content words of the ballot's title, by their first four letters; a name (a
    capital inside the title: "Hamilton") is the other party, not the motion."""
    names = {w.casefold() for w in re.findall(r"(?<=\s)[A-Z][\w]+", title)}
    words = [w[:4] for w in re.findall(r"[^\W\d_]{4,}", title.casefold())
             if w not in names and w not in ("with", "from", "into", "vote", "ballot", "about", "should", "where",
                                             "which", "when")]
    words += re.findall(r"\d+", title)  # "€30 is daylight robbery" on "Raise the annual fee to €30"
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, sorted(set(words)))) + r")") if words else None


# what follows a judgement and concedes it: a "but", or another judgement ("Great idea, wrong time")
_CONCEDED = re.compile(r"(?<![\w'])(?:but|mais|aber|pero|maar|ma|yet|however|cependant|doch)(?![\w'])")
# after "but", what agrees with the answer though the judgement before did not ("but too expensive", "but not now")
_AGREES = {-1: re.compile(r"(?<![\w'])(?:too|zu|trop|demasiado|troppo|te)\s+\w|(?<![\w'])(?:not (?:now|yet)|pas (?:maintenant"
                          r"|encore)|nicht jetzt|noch nicht|ahora no|todavía no|non ora|niet nu|wrong|expensive|costly|risky"
                          r"|premature|cher|teuer|caro|timing|the time|le moment|der zeitpunkt|el momento|il momento"
                          r"|het moment|o momento)(?![\w'])"),
           1: re.compile(r"(?<![\w'])(?:start|step|better|needed|necessary|worth|overdue|right|good|best|fix\w*|solve\w*"
                         r"|help\w*|sav\w*)(?![\w'])")}
_CLAUSE = re.compile(r"[.;!?…]+|,\s*(?:but|mais|aber|pero|ma|maar|though|although)\b|\s(?:but|mais|aber|pero|maar)\s")
# a later line that thanks, apologises or adds a P.S.: its judgement is of something else
_ASIDE_LINE = re.compile(r"\W*(?:thanks?|thank you|many thanks|cheers|sorry|apologies|p\.?\s?s\b|btw|by the way|merci"
                         r"|désolée?|danke|entschuldig\w*|gracias|perdón|lo siento|grazie|scusa\w*|bedankt|sorry|obrigad\w*)")


def _sign(m: re.Match) -> int:
    """-1 for a judgement word that judges badly, +1 for one that judges well."""
    return -1 if m.group("neg") or m.group("negw") or m.group("negc") or m.group("negv") else 1


def _clause_sign(clause: str, named, title: str, later: bool, person: bool = False) -> int:
    """+1 / -1 when the clause judges the motion well / badly, 0 when it judges nothing of it."""
    clause = _SET_PHRASES.sub(" ", clause)
    for m in _JUDGED.finditer(clause):
        weak = m.group("negw") or m.group("posw")
        sign = _sign(m)
        before = clause[:m.start()]
        part = before.rsplit(",", 1)[-1]  # a negation counts in its own part ("we don't need it, bad idea")
        if _OTHERS_VIEW.search(before):
            return 0  # "Tom thinks it's a bad plan. He's wrong.": someone else's judgement
        if (m.group("negv") or m.group("posv")) and not own_verb_judgement(m, clause, part):
            continue  # "Paul opposes it", "I hate this weather", "I'm just back", "things like this"
        title_named = (bool(named and named.search(before)) or bool(title and names_action(before, title))
                       or named_by_synonym(before, title)  # "joining Hamilton would be a disaster"
                       or bool(m.group("negv") or m.group("posv"))  # "I'd never support it": the verb's object names it
                       or bool(_STATUS_QUO.search(before)))  # "the old ones were better": judged against the motion
        if any(n not in title for n in re.findall(r"\d+", clause)):
            return 0  # "the annual fee is a joke at €20"
        relative = _OF_THE_CLAUSE.search(part)
        if relative:
            prior = before[:len(before) - len(part)]
            opens = not prior.strip(" ,") and not part[:relative.start()].strip()  # "Yes, which is silly": of the answer
            if not opens and not (title and only_the_motion(prior, title)):
                return 0  # "the fee hasn't changed in years, which is silly": a judgement of that clause
            title_named = True  # "Yes, the merger, which is a bad idea", "Yes, merge, which is silly": of the motion
        pronoun = bool(_REFERS.search(part if later else before) or person and _PERSON_REFERS.search(part if later else before)) or bool(not weak and title and not later
                                                                           and _motion_subject(before, title))
        whole = not weak and _OPENS.fullmatch(before) is not None and (  # "worst idea ever"; later, "P.S. terrible idea"
            not later or re.search(r"(?<![\w'])" + _IDEA + r"(?![\w'])", clause[m.start():m.end() + 12]) is not None)
        if not (title_named or pronoun or whole) or not title_named and _OTHER_THING.search(part):
            return 0  # "This email thread is a mess": "this" names the thread, not the motion
        extraposed = _EXTRAPOSED.match(clause[m.end():])
        if extraposed:  # "a mistake to wait": the judgement is of that clause
            what = extraposed.group("what")
            if not (not what.strip(" .!…") or _PRONOUN_SUBJECT.match(what) or names_action(what, title)
                    or _DOES_IT.search(what)):
                return 0
            if _NEGATION.search(clause[m.end():]):
                sign = -sign  # "a mistake not to", "une erreur de ne pas le faire"
        gerund = _GERUND.match(before.strip(" ,"))
        if gerund and not (names_action(before, title) or named_by_synonym(before, title) or _STATUS_QUO.search(before)
                           or _DOES_IT.search(before)
                           or re.search(r"ing (?:it|this|that)(?! alone)", before)):
            return 0  # "going it alone is a bad idea"
        if _NEGATION.search(part):
            sign = -sign
        if _STATUS_QUO.search(clause):
            sign = -sign  # "the old terms were terrible", "good as it is": the state the motion would change
        return sign
    return 0


# a word that names the motion after an apology or an aside ("BTW this is …", "Sorry to be late, the idea is …")
_MOTION_WORD = re.compile(r"(?<![\w'])(?:it|it's|it'll|it'd|that'll|this'll|this|that|the idea|proposal|motion|c'est|ça|das|es|" + _IDEA[3:-1]
                          + r")(?![\w'])")
_APOLOGY = re.compile(r"\W*(?:btw|by the way|p\.?\s?s\b)\W*|\W*(?:i'm )?(?:sorry|afraid) to say\s+|[^,—–.!-]*(?:,|—|–|\s-\s|[.!]+\s)")


def _after_aside(clause: str) -> str:
    """What a clause that opens with an apology, thanks or an aside says after it, when it names the
    motion ("BTW this is a terrible idea", "Sorry to be late, great idea though"); else ""  ("Sorry to be
    late, bad week", "Thanks for organising")."""
    rest = clause
    for _ in range(3):  # "Thanks, and sorry it's late — busy week": one aside after another
        m = _APOLOGY.match(rest)
        rest = rest[m.end():].strip() if m else ""
        if not _ASIDE_LINE.match(re.sub(r"^(?:and|also|&)\s+", "", rest)):
            break
        rest = re.sub(r"^(?:and|also|&)\s+", "", rest)
    return rest if _MOTION_WORD.search(rest) else ""


def judged_otherwise(rest: str, polarity: int, title: str = "", later: bool = False, person: bool = False) -> bool:
    """True when `rest`, the reason written after the answer, judges the motion (a pronoun, a word for
    a proposal or the words of `title` name it, or the judgement is the whole clause: "worst idea ever")
    with a judgement word of the other polarity, a negation before the word turning it round, and no
    clause judges it the answer's way ("No — good idea in principle, but the timing is wrong" is a
    no). A judgement of another clause ("a mistake to wait"), of another doing ("going it alone is a
    bad idea") or of the state the motion would change ("the old terms were terrible") is none. A
    `later` line judges only with the motion named (a pronoun before any comma), and not when it
    thanks, apologises or adds a P.S. unless a strong judgement of the motion follows it ("P.S. terrible
    idea", "Thanks. It's a disaster though."). With `person` (the answer names a candidate), "he", "she", "they"
    name it too ("Marta, she would be a disaster")."""
    if not polarity:
        return False
    named = _title_words(title) if title else None
    if later and _ASIDE_LINE.match(rest) and not (named and named.search(rest)):
        rest = _after_aside(rest)  # "P.S. terrible idea", "Thanks. It's a disaster though.": what follows the aside
        if not any(m.group("neg") or m.group("pos") or m.group("negv") or m.group("posv") for m in _JUDGED.finditer(rest)):
            return False  # "Thanks, it's good to be asked", "Sorry it's late, it was a bad week": a weak word judges that
    signs, at = set(), 0
    for clause in _CLAUSE.split(rest)[:6]:
        at = rest.find(clause, at) + len(clause)
        clause = clause.strip(" ,:-–—()、，。")
        if _ASIDE_LINE.match(clause) and not (named and named.search(clause)):
            clause = _after_aside(clause)
            if not clause:
                continue  # "Yes. Sorry to be late, bad week.": an apology or thanks judges something else
        sign = _clause_sign(clause, named, title, later, person) if clause else 0
        after = clause[_JUDGED.search(clause).end():] + " " + rest[at:] if sign else ""
        if sign == -polarity and (_CONCEDED.search(after) and _AGREES[polarity].search(after) or any(
                polarity == _sign(m)
                for m in _JUDGED.finditer(after))):
            sign = 0  # "good idea in principle, but the timing is wrong", "Great idea, wrong time."
        signs.add(sign)
    return -polarity in signs and polarity not in signs


def narrowed(rest: str, title: str) -> bool:
    """True when what follows the answer narrows it to a thing that is not the motion itself ("(to the
    amendment only)", ", to the fee rise", "to the old terms", "to the merger in a year"): in brackets,
    with "only", or after "to" / "on"; or makes it hang on the motion not being done ("on the
    understanding that we won't merge")."""
    u = _UNDERSTANDING.match(rest)
    if u is not None:
        return bool(_NEGATION.search(u.group("what")) or _STATUS_QUO.search(u.group("what"))
                    or _UNDONE.search(u.group("what")))
    m = _NARROWED.fullmatch(rest)
    if m is None or _MANNER.search(m.group("obj")) or about(m.group("obj"), title) == THIS:
        return False
    if only_the_motion(m.group("obj"), title) and not _OTHER_ITEM.match(m.group("obj")):
        return False  # "Yes, to the updated terms" on "Adopt the revised terms of reference"
    return bool(m.group("paren") or m.group("only") or m.group("only2")
                or m.group("prep") in ("to", "on", "sur", "à", "au", "aux", "zu", "zum", "zur", "a", "al"))


# a condition put as an understanding ("on the understanding that …"), and what in it undoes the motion
_UNDERSTANDING = re.compile(r"\W*(?:(?:on|with|in|upon)\s+the\s+understanding\s+(?:that\s+)?|(?:étant|il est bien|bien)"
                            r" entendu\s+(?:que\s+|qu')?|(?:entendiendo|en el entendido de)\s+que\s+)(?P<what>.*)")
_UNDONE = re.compile(r"(?<![\w'])(?:stay\w*|remain\w*|separate\w*|vote (?:no|against)|against|put off|postpone\w*|delay\w*"
                     r"|only|revers\w*|undo\w*|cancel\w*|scrap\w*|drop\w*|later|next year|in \d{4})(?![\w'])")
# words that only frame the motion's own words in its object ("the", "of", "with", "revised", "as circulated")
_FRAMING = frozenset("the this that these those of to with a an and it them its la le les l' du des de der die das den dem"
                     " el los las il lo het revised updated new proposed draft circulated presented tabled as plan"
                     " à au aux avec mit con met com"
                     " proposal motion idea".split())


def only_the_motion(text: str, title: str) -> bool:
    """True when every word of `text` is a word of the title (by its first four letters, or the motion's
    action: "merging", "the merger"), a name in it ("Hamilton") or only frames them ("the revised terms of
    reference", "adopt them", "to raise the fee"), with at least one of the title's; not "the old terms",
    "the terms but not clause 5", "the merger in a year", "the terms in Anna's version"."""
    named = _title_words(title)
    own = {w for w in re.findall(r"[\w']+", title.casefold())}
    words = re.findall(r"[\w'-]+", text.casefold())
    mine = [w for w in words if (named and named.match(w)) or w in own or names_action(w, title)
            or named_by_synonym(w, title)]
    return bool(mine) and all(w in _FRAMING or w in mine for w in words)


# another item of a meeting than the motion, named right after the answer ("Yes, the amendment", "Yes, as amended",
# "Oui, l'amendement", "Sí a la enmienda", "Ja zum Änderungsantrag"): the answer may be given to it
_OTHER_ITEM = re.compile(r"\W*(?:(?:to|for|on|pour|à|zum|zur|für|a|al|per|voor|para)\s+)?(?:(?:the|this|that|l'|la|le|el|il|lo|der"
                         r"|die|den|dem|het|de|a|o)\s*)?(?:amendments?|amendement|amendements|änderungsantr[aä]g\w*|enmiendas?"
                         r"|emendament[oi]|emendas?|the other (?:one|motion|proposal)|the (?:first|second|third|next|last|previous)"
                         r" (?:motion|proposal|item|question|vote)|as amended|tel qu'amendé\w*|in der geänderten fassung"
                         r"|tal como (?:fue )?enmendad\w*)(?![\w'])")


_NOT_THE_MOTION = re.compile(r"(?<![\w'])(?:not|pas|nicht|no|niet|não)\s+(?:(?:to|for|à|zu|a|para|per|voor)\s+)?(?:the|this"
                             r"|la|le|l'|die|der|das|el|il|lo|het|de|a|o)\s*(?P<what>[\w'-]+(?:\s+[\w'-]+)?)")


def another_item(rest: str, title: str) -> bool:
    """True when what follows the answer names another item than the motion ("Yes, the amendment",
    "Yes for the amendment", "Yes, as amended", "…, not that one, the other one"), on a ballot whose
    title amends nothing, or denies that it answers the motion ("Yes, not the merger though, the
    partnership")."""
    if any(names_action(m.group("what"), title) for m in _NOT_THE_MOTION.finditer(rest)):
        return True
    return (_OTHER_ITEM.match(rest) is not None or re.search(r"the other (?:one|motion|proposal)", rest) is not None
            ) and not re.search(r"amend|änder|enmien|emend|wijzig", title.casefold())


def denied(rest: str) -> bool:
    """True when `rest`, what follows the answer on its line, only denies it ("Ottawa, évidemment pas",
    "Oui (pas vraiment)", "The first, obviously not")."""
    return _DENIED.fullmatch(rest) is not None
