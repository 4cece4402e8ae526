"""More of what, on the line of a member's answer, leaves it in doubt: a careful reader asks back rather
than count it (issue 16, after the review of votes15). Pure functions, used by `contrary_remarks`.

- `doubtful_emoji`: an emoji of doubt, eye-rolling or laughter right after the answer or ending its
  line ("Yes 🤔", "Yes 🙄", "No 😂", "Sí 🤷‍♀️"); a glad one ("Yes 🙂", "Yes 🙏") is none;
- `never_idiom`: after a yes, an idiom that means "never" or mocks the yes ("when pigs fly", "quand
  les poules auront des dents", "cuando las ranas críen pelo", "am Sankt-Nimmerleinstag", "and I'm
  the Pope", "Sure, Jan", "because that worked so well last time"), or the yes taken back after all
  ("Ja, nee toch niet", "Tak, a właściwie nie");
- `comes_to_the_meeting`: an answer about coming to the meeting in other languages than English
  ("Oui, j'y serai", "Sí, allí estaré", "Ja, ich komme", "Sì, ci sarò", "Ja, ik kom", "No, can't
  come");
  unless the vote is said in words beside it ("… et je vote oui", "Voto sí");
- `limited_yes`: a yes put off or held to a part of the matter ("Yes, but not now", "I'm for it, in
  theory", "Yes, but only for new members"; votes17: "Sí, pero no ahora", "Sim, mas não agora", "Tak,
  ale nie teraz", "but only next year", "in 2028", "except section 4", "to part one", "to Paul's
  terms", "instead"), or to another amount ("Yes, but €25", "Yes, to €35");
- `no_then_why_not`: "why not?" after a no ("No — why not?");
- `incredulous`: the next line doubts what was agreed to ("Yes." / "Seriously? Merging with Hamilton?").

Each pattern is bounded and anchored at a word, tried on a line of at most
`answer_lines.MAX_LINE_CHARS` characters: reading stays linear.
"""
from __future__ import annotations

import re

from workflows.reading.answer_words import WHY_NOT
from workflows.reading.not_yet_words import NOT_LATE

# doubt, eye-rolling, a grimace, laughter: the answer said half in jest or against the member's will
_DOUBT = "🤔🙄😬🤦🤷😒🙃😏🤣😂🤨😕🫤😑🤡"
_MODIFIERS = "\ufe0f\u200d\u2640\u2642\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
_DOUBT_RUN = re.compile(r"[" + _DOUBT + r"][" + _DOUBT + _MODIFIERS + r"\s]*")

# a grimace after an apology is embarrassment ("Yes, sorry, forgot to reply 😬")
_EMBARRASSED = frozenset("😬")
_SORRY = re.compile(r"(?<![\w'])(?:sorry|apologies|oops|forgot|désolée?|pardon|perdón|perdona|lo siento|entschuldig\w*"
                    r"|scusa\w*|sorry|desculp\w*)(?![\w'])")


def doubtful_emoji(raw: str, is_answer) -> bool:
    """True when the line as written holds an emoji of doubt right after the answer (`is_answer`
    tells whether the words before it are the answer alone) or ending the line ("Yes 🤔", "Yes,
    I suppose 🙄")."""
    for run in list(_DOUBT_RUN.finditer(raw))[:2]:
        if not set(run.group(0)) - _EMBARRASSED - set(_MODIFIERS + " \t") and _SORRY.search(raw[:run.start()].casefold()):
            continue  # "Yes, sorry, forgot to reply 😬": embarrassment at the lateness, not doubt
        words = re.sub(r"[^\w\s']", " ", raw[:run.start()]).casefold().split()
        if not re.sub(r"[\W_]", "", raw[run.end():]) or (words and is_answer(" ".join(words))):
            return True
    return False


# an idiom for "never" or a mocking tail after a yes
_NEVER = re.compile(r"(?<![\w'])(?:when hell freezes over|quand les poules auront des dents|(?:à|a) la saint[- ]glinglin"
                    r"|cuando las ranas críen pelo|cuando las vacas vuelen|am sankt[- ]nimmerleins[- ]?tag"
                    r"|wenn schweine fliegen|quando (?:gli )?asini vol\w+|quando i maiali vol\w+"
                    r"|als de kalveren op het ijs dansen|met sint[- ]juttemis|no dia de são nunca|quando as galinhas"
                    r" tiverem dentes|quando os porcos voarem|sure,? jan|because (?:that|it|this) (?:worked|went) (?:out )?so well"
                    r"|(?:is|are) always (?:great|fun|a good idea)|what a surprise|quelle surprise|was für eine überraschung"
                    r"|(?:and|et|und|y|e|en) (?:i'm|i am|moi,? je suis|je suis|ich bin|yo soy|io sono|eu sou|ik ben)"
                    r" (?:the |le |la |der |die |el |il |o |a |de |het )?(?:pope|pape|papst|papa|paus|papież|queen|reine|king|roi"
                    r"|kaiser|emperor|empereur|emperador|imperatore|keizer|santa|père noël|weihnachtsmann|dalai lama)"
                    # the yes taken back after all
                    r"|jak mi kaktus (?:na dłoni )?wyrośnie|prędzej mi kaktus|nee,? toch niet|toch niet|a właściwie nie|doch nicht|lieber doch nicht|finalement non"
                    r"|pensándolo bien,? no|on second thoughts?,? no)(?![\w'])")


def never_idiom(line: str) -> bool:
    """True when the (cleaned) line holds an idiom that, after a yes, means "never" or mocks it, or
    takes the yes back after all ("Ja, nee toch niet")."""
    return _NEVER.search(line) is not None


# an answer about coming to the meeting, in the members' other languages
_COMING = re.compile(
    r"^\W*(?:oui|non|ja|nein|nee|sí|si|no|sim|não|nao|sì|tak|nie|yes|yeah|nope)\W+(?:(?:je|ich|ik|yo|eu|io|i)\s+)?"
    r"(?:j'y serai|je serai (?:là|présente?|de la partie)|je viendrai|je viens|(?:je )?ne (?:pourrai|peux) pas venir"
    r"|komme|werde (?:da sein|kommen|dabei sein)|kann nicht kommen|bin (?:da|nicht da)"
    r"|(?:allí|ahí|allá) estaré|estaré (?:allí|ahí|allá|presente)|asistiré|iré|no (?:puedo|podré) (?:ir|asistir)"
    r"|estarei (?:lá|presente)|vou estar (?:lá|presente)|irei|não (?:posso|poderei) ir"
    r"|ci sarò|sarò presente|vengo|verrò|non posso venire|non potrò venire"
    r"|vou(?!\s+vot)|voy(?!\s+a\s+vot)|kom|zal er zijn|ben er|kan niet komen|będę|przyjdę|nie (?:mogę|będę mógł|będę mogła) przyjść"
    r"|can't (?:come|make it|attend|be there)|cannot (?:come|make it|attend)|won't (?:be there|make it))(?![\w'])")
# the vote said in words beside the answer about coming ("Oui, j'y serai et je vote oui", "Voto sí")
_VOTES = re.compile(r"(?<![\w'])(?:je vote|voto|ich stimme(?: mit)?|ik stem|eu voto|głosuję)\s+(?:oui|non|pour|contre|sí|si|no"
                    r"|ja|nein|nee|sim|não|sì|tak|nie|a favor|en contra|dafür|dagegen|voor|tegen)(?![\w'])")


def comes_to_the_meeting(line: str) -> bool:
    """True when the (cleaned) line answers whether the member comes to the meeting ("Oui, j'y serai",
    "Ja, ich komme", "No, can't come") and not, in words, the ballot too ("… et je vote oui")."""
    return _COMING.search(line) is not None and _VOTES.search(line) is None


# a yes put off or held to part of the matter ("Yes, but not now", "Yes, not this year", "I'm for it, in theory",
# "Yes, but only for new members"): the member may not mean the motion as put
_LIMITED = re.compile(r"(?<![\w'])(?:(?:not yet|pas encore|noch nicht|todavía no|non ancora|nog niet|ainda não)" + NOT_LATE
                      + r"|not (?:now|right now|at (?:this|the moment)|this year|for now)|pas (?:maintenant|cette année)"
                      r"|nicht jetzt|nicht dieses jahr|ahora no|este año no|non ora|niet nu"
                      r"|agora não|only (?:for|if|to|when|on condition)|seulement (?:pour|si)|nur (?:für|wenn)"
                      r"|solo (?:para|si|per|se)|alleen (?:voor|als)|só (?:para|se)"
                      r"|no ahora|ahora mismo no|não agora|nie teraz|teraz nie|(?:only|but|from|starting) next year"
                      # votes18: "Sì, ma non adesso", "Tak, ale nie w tym roku", "Ja, aber nicht dieses Jahr"
                      r"|non adesso|non subito|nie w tym roku|nicht in diesem jahr|não este ano|no este año|niet dit jaar"
                      r"|inte nu|ikke nu|ikke nå|не сейчас"
                      # batch 21: Tagalog, Indonesian/Malay, Turkish, Swahili "not now / not yet"
                      r"|hindi ngayon|hindi pa ngayon|tidak sekarang|bukan sekarang|belum sekarang|jangan sekarang"
                      r"|şimdi değil|henüz değil|si sasa"
                      # votes17: another course said last ("Yes, to merging with Toronto instead"), a year after "but",
                      # part of the motion ("Yes, to the idea, not the plan"), another amount ("to the fee of €25")
                      r"|(?:instead|stattdessen|en su lugar|in plaats daarvan)(?=\s*(?:[.!,;)]|$))"
                      r"|(?:but|only|mais|aber|pero|ma|maar|mas|ale)\W+(?:only\s+|seulement\s+|nur\s+)?(?:in|from|until|by|en|ab|im"
                      r"|dal|nel|vanaf|em|w) 20\d\d"
                      r"|not (?:the|its|this) (?:plan|details?|timing|way|method|implementation|execution|version|wording)"
                      r"|to (?:the|a) [\w-]+ of\s+[€$£]?\s?\d+)(?![\w'])"
                      r"|(?<![\w'])(?:in theory|in principle|en théorie|en principe|theoretisch|im prinzip"
                      r"|grundsätzlich|en teoría|en principio|in teoria|in linea di principio|in theorie|in principe|em teoria"
                      r"|em princípio)(?![\w'])"
                      # not with its practice said too ("in principle and in practice", "in theory we should have done
                      # this years ago", "in principle, and I'd go ahead now")
                      r"(?!,?\s+(?:and|et|und|y|e|en)\s+(?:in practi[cs]e|en pratique|in der praxis|en la práctica|in pratica"
                      r"|in de praktijk|na prática|now|i'd|i would|i'll|we should|let's)(?![\w'])"
                      r"|,?\s+(?:we|it|this|i) (?:should|ought to|could) have(?![\w']))")
# votes17: a yes held to a year, a part, another version or course; read only where it opens what follows
# the yes, alone or after "but/only" ("Yes, in 2028", "Yes, except section 4", "Ja, aber nächstes Jahr"), not
# inside a sentence of its own ("Yes, we should have done this in 2020", "Yes, thanks to Maria's plan")
_OPENS = (r"^\W*(?:(?:but|only|mais|seulement|pas avant|aber|nur|erst|pero|solo|sólo|ma|soltanto|maar|alleen|mas|só"
          r"|apenas|ale|tylko|dopiero|though|although)\W+){0,2}")
_HELD_TO = re.compile(_OPENS + r"(?:"
                      r"(?:aún|todavía|ainda|jeszcze) (?:no|não|nie)(?!\s+(?:es|é|jest|conozco|conheço)\b)"
                      r"|(?:in|from|until|by|en|ab|im|dal|nel|vanaf|em|w) 20\d\d\s*(?:[.!,;)]|$)"
                      r"|l'année prochaine|nächstes jahr|el (?:año que viene|próximo año)|(?:o|no) próximo ano|w przyszłym roku"
                      r"|volgend jaar|l'anno prossimo"
                      # votes18: a yes put off to later, said alone after it ("Sí, pero más adelante", "Oui, mais plus
                      # tard", "Ja, aber später"); not a later remark ("Yes, later I'll send the details")
                      r"|(?:más adelante|más tarde|plus tard|später|later|più avanti|più tardi|mais tarde|mais para a frente"
                      r"|później|senare|senere|myöhemmin|позже|a bit later|some other time)(?=\s*(?:[.!,;)…]|$))"
                      # held to a part ("except section 4"); not a clause after it ("except I can't make the AGM",
                      # "other than that, great work", "sauf que je serai absent", "außer dass ich …")
                      r"|(?:except|excluding|apart from|other than|sauf|à part|außer|ausser|bis auf|excepto|salvo|tranne|eccetto"
                      r"|behalve|oprócz|z wyjątkiem)(?!\s*(?:,|$|i\b|i'|we\b|we'|you\b|that|this|it\b|for that|thanks|well done"
                      r"|que|qu'|ça|cela|ceci|dass|das\b|dat\b|że|tego|to\b|che|quello|questo|isso|eso|esto|je\b|ich\b|yo\b|io\b"
                      r"|eu\b|ik\b|ja\b))"
                      # another course instead; not "instead of waiting", "plutôt que d'attendre", "plutôt deux fois qu'une"
                      r"|(?:instead|plutôt|stattdessen|en su lugar|invece|in plaats daarvan|em vez|zamiast)"
                      r"(?!\s*(?:of|de|d'|que|qu'|di|da|van|dan|om|zu|als|deux fois|oui|si|[\w]+ć)(?![\w]))"
                      r"|(?:to|only|just|for) (?:the )?(?:part|section|clause) (?:one|two|three|\d+|[ab])"
                      r"|(?:to|for) the (?:first|second|third|last) part"
                      r"|(?:to|for) [\w-]+'s (?:terms|version|plan|proposal|amendment|draft|motion|idea)"
                      r")(?![\w'])")
# the same, said only after "but / only": another amount or version ("Yes, but a smaller increase", "but not the wording")
_BUT_HELD_TO = re.compile(r"^\W*(?:but|only|to|for|mais|aber|pero|ma|maar|mas|ale)\W+(?:(?:only|just|a|an|the)\s+)?"
                          r"(?:(?:smaller|lower|higher|bigger|larger|reduced|more modest|cheaper) (?:increase|rise|fee|amount|raise|one)"
                          r"|not (?:the|its|this) (?:plan|details?|timing|way|method|implementation|execution|version|wording))(?![\w'])")
# another amount than the title's ("Yes, but €25", "Yes but make it 25")
_AMOUNT = re.compile(r"(?<![\w'])(?:but|rather|instead|only|max(?:imum)?|at most|up to|make it|mais|plutôt|aber|lieber"
                     r"|pero|mejor|ma|piuttosto|maar|liever|mas)\s+(?:at\s+)?[€$£]?\s?(\d+)"
                     # an amount said as such anywhere after the yes ("Yes, to €35", "Yes, to the fee of €25")
                     r"|(?<![\w'])(?:to|à|zu|auf|op|na|a|para)\s+(?:[€$£]\s?(\d+)|(\d+)\s?(?:€|\$|£|euros?|dollars?"
                     r"|pounds?)(?![\w']))")
# "why not?" after a no: the member asks why they should not say yes
_WHY_NOT = re.compile(r"(?<![\w'])(?:(?:don't|do not|can't|cannot) see why not|(?:je )?ne vois pas pourquoi (?:pas|non)"
                      r"|no veo por qué no|non vedo perch[ée] no|(?:ik )?zie niet waarom niet|não vejo por que não)"
                      r"|(?:^|[,.;:!?—–-])\s*¿?\s*(?:" + WHY_NOT + r")\s*(?:\?|[.!…]*\s*$)")


# votes18: regret said with a yes the member turned to from a no ("Nein. Eigentlich ja, schade drum", "Nee.
# Eigenlijk wel, ja, jammer"): the yes may be what they fear will pass, not their vote
_REGRET = re.compile(r"(?<![\w'])(?:schade|leider|jammer|helaas|unfortunately|sadly|regrettably|alas|dommage"
                     r"|malheureusement|hélas|lástima|desgraciadamente|por desgracia|lamentablemente|peccato|purtroppo"
                     r"|infelizmente|niestety|szkoda|tyvärr|desværre|dessverre|valitettavasti|к сожалению|жаль)(?![\w'])")


def regretted(text: str) -> bool:
    """True when `text` says regret ("schade", "jammer", "unfortunately", "hélas")."""
    return _REGRET.search(text) is not None


def limited_yes(rest: str, title: str) -> bool:
    """True when what follows a yes puts it off or holds it to part of the matter ("but not now", ",
    in theory", ", but only for new members"), or names another amount than the title's ("but €25")."""
    if _LIMITED.search(rest) or _HELD_TO.search(rest) or _BUT_HELD_TO.search(rest):
        return True
    return any(n and n not in re.findall(r"\d+", title) for m in _AMOUNT.finditer(rest) for n in m.groups())


# a verb of telling before "why not": the member will say why they say no ("Ich erkläre gern, warum nicht")
_TELLS = re.compile(r"(?<![\w'])(?:explain|tell|say|show|erkläre\w*|sage|erzähle|explique\w*|dirai|dis|explico|diré|digo"
                    r"|spiego|dirò|dico|leg uit|vertel|zeg|explicarei|direi|wyjaśnię|powiem)(?![\w'])")


def no_then_why_not(line: str) -> bool:
    """True when a no is followed by "why not?" ("No — why not?"): the member may mean yes; not when a
    verb of telling leads to it ("I'll tell you why not", "Ich erkläre gern, warum nicht")."""
    m = _WHY_NOT.search(line)
    return m is not None and not _TELLS.search(re.split(r"[.!?…]", line[:m.start()])[-1])


# the next line doubts the motion itself ("Yes." / "Seriously? Merging with Hamilton?")
_INCREDULOUS = re.compile(r"\W*(?:seriously|really|are you serious|you can't be serious|vraiment|sérieusement|sérieux"
                          r"|wirklich|ernsthaft|im ernst|en serio|de verdad|davvero|sul serio|serieus|echt|a sério|sério)\W*\?")


def incredulous(line: str) -> bool:
    """True when a line opens with incredulity as a question ("Seriously? Merging with Hamilton?")."""
    return _INCREDULOUS.match(line) is not None
