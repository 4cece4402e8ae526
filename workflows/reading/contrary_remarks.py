"""What, on the line that gave a member's answer (or just before it), turns the answer round or gives
it to someone else: a careful reader asks back rather than count it (issue 15). Pure functions,
used by `choices.read_vote` once an option is read.

- an emoji that means the other answer ("Yes ❌", "No ✅", "No 👍", "Ottawa 👎"); "Yes ✅", "Yes 👍",
  "No ❌", "No 👎" are the answer said twice;
- a short reason after the answer that judges the motion the other way ("Yes, the merger is a bad
  idea", "No, I think it's great", "Ja, das ist eine schlechte Idee", "Ottawa, what a terrible
  idea"); a judgement the reason negates turns round with it ("No, it's not a good idea" stays a
  no, "No, it's not a bad idea" is asked); a reason that judges nothing ("Yes, because it saves
  money") leaves the answer as it is;
- irony said in words: a last "Not." or "… or not" after a yes or an option ("Oh yes, what a
  brilliant idea. Not."), a yes "of course" followed by an absurdity ("Yes, sure, and pigs will
  fly", "Oui, bien sûr, et la marmotte …", "Sí, claro, y yo soy el Papa"), "said no one (ever)",
  "jk", "just kidding"; an option denied right after it ("Ottawa, évidemment pas");
- reported speech: the answer is someone else's ("I support the budget, said the treasurer. I
  don't.", "Anna said: yes", "No, my wife says", "Ottawa (Anna's choice, not mine)"); "as Anna
  said" agrees with her and stays read;
- the answer asked as a question ("Against the merger, me? Never."), "why not?" excepted;
- another option named by a segment of its own ("1 (No)": the number is Yes), an aside apart;
- an opposition denied beside a no ("No estoy en contra", "Nein, ich bin nicht dagegen"), an
  objection denied and then held back ("No objection, but I'd rather wait");
- an answer about coming to the meeting ("Yes, I'll be at the AGM"), unless the ballot asks that;
- another proposal reported before an answer that points at it ("Some want to postpone the
  merger. I oppose that.", "Manche wollen die Fusion verschieben. Ich bin dagegen."): the answer
  may be about that proposal; an answer that names the motion itself or says "I vote" is read.

`contrary(...)` gives the reason to ask back, or None. Each check is a bounded pattern on a line
of at most `answer_lines.MAX_LINE_CHARS` characters: reading stays linear.
"""
from __future__ import annotations

import re

from workflows.reading.motion_stances import THIS, about, names_action, stances
from workflows.reading.line_segments import segments
from workflows.reading.option_expressions import parse_expr
from workflows.reading.set_aside import aside_start

# emoji that say yes / approve, and those that say no / refuse ("Yes ✅" vs "Yes ❌")
_POSITIVE_EMOJI = frozenset("✅✔☑👍👌🎉🥳😍🙌👏🤩")
_NEGATIVE_EMOJI = frozenset("❌✖✗✘❎👎🚫⛔🙅🛑🤮🤢😡💩")

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
# a yes that answers another question: coming to the meeting ("Yes, I'll be at the AGM", "No, I can't come")
_ATTENDANCE = re.compile(r"^\W*(?:yes|yeah|yep|sure|oui|ja|sí|si|no|nope|non|nein)\W+(?:i|we)\s*(?:'ll|will|'m|am|'re|are"
                         r"|can|can't|cannot|won't|will not|couldn't)\s+(?:be (?:there|at|attending|coming|joining|present|away)"
                         r"|attend|attending|come|coming|join|joining|make it)(?![\w'])")
# an opposition denied ("No estoy en contra", "Non, je ne suis pas contre", "Nein, ich bin nicht dagegen", "No, I'm
# not opposed"): beside a no, it may deny the no
_NOT_AGAINST = re.compile(r"(?<![\w'])(?:(?:not|n't|pas|nicht|no|non|niet|não|nao|не|nie)\s+(?:[\w']+\s+){0,2}"
                          r"(?:against|opposed?|object|contre|dagegen|en contra|contrari[oa]|tegen|contra|против|przeciw\w*)"
                          r"|no objections?|rien contre|nichts dagegen|nada en contra|nada contra|kein\w* einw\w*"
                          r"|ninguna objeci\w*|sin objeci\w*|pas d'objections?|aucune objection|geen bezwaar|нет возражений)(?![\w'])")
# a ballot that asks whether members come, where that answer is the vote
_ABOUT_COMING = re.compile(r"attend|meeting|come|coming|present|join us|venir|présen|teilnehm|kommen|asistir|venir|particip")
# a yes that only denies an objection, then holds it back ("No objection, but I'd rather wait")
_CONCEDED = re.compile(r"(?<![\w'])(?:objections?|against|oppose|opposed|contre|dagegen|einw\w*|en contra|objeci\w*"
                       r"|obiezion\w*|bezwaar|contra)(?![\w']).{0,40}?(?<![\w'])(?:but|mais|aber|pero|ma|maar|mas|though"
                       r"|however|although|cependant|allerdings|sin embargo)(?![\w'])")

# irony said in words
_NOT_TAIL = re.compile(r"(?:(?:^|[.!…,;—–-])\s*|(?<![\w'])(?:or|ou|oder|o|of)\s+)(?:not|pas|nicht|no|non|niet)\s*[.!…?]*\s*$")
# "sure, and pigs will fly" after an option's name
_SURE_AND_TAIL = re.compile(r"\W*(?:oh\s+)?(?:sure|right|of course|certainly|totally|bien sûr|c'est ça|évidemment|genau|klar"
                            r"|natürlich|claro|por supuesto|certo|natuurlijk)\s*[,.!…]*\s*(?:and|et|und|y|e|en)\s+"
                            r"(?!(?:thanks|thank|merci|danke|gracias|grazie|bedankt|obrigad\w*|many thanks)(?![\w']))\w")
# the answer given as another person's choice ("Ottawa (Anna's choice, not mine)")
_THEIRS = re.compile(r"(?<![\w'])(?!(?:it|that|this|what|who|there|here|one)'s)[\w-]+'s (?:choice|pick|vote|preference|favou?rite|answer)(?![\w'])")
_KIDDING = re.compile(r"(?<![\w'])(?:jk|j/k|just kidding|kidding|je plaisante|nur spa(?:ß|ss)|es broma|scherzo)(?![\w'])")
_SURE_AND = re.compile(r"^\W*(?:yes|yeah|yep|oui|ja|sí|si|sim|sì)\W+(?:oh\s+)?(?:sure|right|of course|certainly|totally|hoor"
                       r"|bien sûr|c'est ça|évidemment|genau|klar|natürlich|sicher|claro|por supuesto|certo|certamente"
                       r"|natuurlijk|tuurlijk)\s*[,.!…]*\s*(?:and|et|und|y|e|en)\s+"
                       r"(?!(?:thanks|thank|merci|danke|gracias|grazie|bedankt|obrigad\w*|many thanks)(?![\w']))\w")
# the answer given as someone else's: ", said the treasurer", "said no one ever", "Anna said: yes",
# "No, my wife says." ("as Anna said", "like Tom says" agree with them and are no report)
_REPORTER = (r"said|says|asked|wrote|writes|thinks|told me|reckons|a dit|dit|disait|pense|sagt|sagte|meint|meinte"
             r"|dijo|dice|decía|piensa|disse|diz|zegt|zei|vindt")
_REPORTED = re.compile(
    r"(?:^|[,;:.!…—–-])\s*(?:said|says|asked|wrote|according to|dixit|a dit|dit|selon|sagt|sagte|meinte|laut"
    r"|dijo|dice|según|disse|diz|zegt|zei|volgens)\s+(?!(?:i|me|we|je|moi|ich|yo|eu|io|ik|with|in|reluctantly|sadly|happily)(?![\w']))\w"
    r"|(?<![\w'])(?:said|says) (?:no ?one|nobody)(?![\w'])"
    r"|(?:^|[,;:.!…—–-])\s*(?!(?:as|like|comme|wie|como|come|zoals|i|we|je|ich|yo|eu|io|ik|nous|wir)\s)"
    r"(?:(?:the|my|our|la|le|mon|ma|mein\w*|unser\w*|mi|mis|il|de|mijn)\s+)?(?!(?:i|we|je|ich|yo|eu|io|ik|nous|wir)\s)"
    r"[\w'-]+\s+(?:" + _REPORTER + r")\s*(?:[:,.!]|$)")
# a question that holds the answer, but "why not?" ("Sure, why not?")
_WHY_NOT = re.compile(r"[,\s]*(?:why not|pourquoi pas|warum nicht|por qué no|por que no|perché no|waarom niet"
                      r"|por que não)\s*\?+")
_QUESTION = re.compile(r"[^.!?…]*\?")
# another proposal reported before the answer ("Some want to postpone the merger.", "Certains veulent …")
_PROPOSED = re.compile(
    r"(?<![\w'])(?:(?:some(?:one| people| members)?|others|other members|many|a few|several|people|they|he|she"
    r"|the (?:board|committee|chair|treasurer|secretary|others))\s+(?:want|wants|wanted|suggest|suggests|suggested"
    r"|propose|proposes|proposed|prefer|prefers|would (?:rather|prefer|like)|(?:are|is|were|was) (?:asking|pushing|calling)"
    r"|asked|called for|think we should|say we should|argue)"
    r"|(?:certains|d'autres|quelqu'un|plusieurs|beaucoup|on|ils|elles?|le bureau|le comité)\s+(?:veulent|veut|voudrai\w*"
    r"|proposent|propose|suggèrent|suggère|préfèrent|préfère|demandent|demande)"
    r"|(?:manche|einige|andere|viele|jemand|man|sie|er|der vorstand)\s+(?:wollen|will|möchten|möchte|schlagen|schlägt"
    r"|fordern|fordert|bevorzugen|würden lieber)"
    r"|(?:algunos|algunas|otros|otras|alguien|muchos|varios|ellos|la junta)\s+(?:quieren|quiere|proponen|propone"
    r"|sugieren|sugiere|prefieren|prefiere|piden|pide)"
    r"|(?:alcuni|altri|qualcuno|molti)\s+(?:vogliono|vuole|propongono|propone|preferiscono)"
    r"|(?:sommigen|anderen|iemand|velen)\s+(?:willen|wil|stellen|stelt)"
    r"|[\w'-]+\s+(?:suggests|suggested|proposes|proposed|wants to|wanted to|would rather|asked for|asked us to"
    r"|called for|is pushing for|a proposé|a suggéré|hat vorgeschlagen|schlug vor|propuso|sugirió|ha proposto)"
    r"|(?:the |a )?(?:proposal|suggestion|idea|talk|call|motion) (?:to|of|for) (?:postpon|delay|defer|cancel|drop|scrap"
    r"|pause|suspend|revers|split|amend|wait))")
_VOTE_WORDS = re.compile(r"(?<![\w'])(?:(?:i|we) (?:vote|say)|my vote|our vote|je vote|mon vote|ich stimme(?! zu)|meine stimme"
                         r"|voto|mi voto|ik stem|mijn stem)(?![\w'])")


def _polarity(key: str | None) -> int:
    """+1 for a yes or an option chosen by its name, -1 for a no, 0 for an abstention."""
    return {"YES": 1, "NO": -1, "ABSTAIN": 0}.get(key, 1) if key is not None else 1


def opposite_emoji(raw: str, polarity: int) -> bool:
    """True when the line as written holds an emoji that means the other answer ("Yes ❌", "No 👍")."""
    if polarity > 0:
        return any(c in _NEGATIVE_EMOJI for c in raw)
    if polarity < 0:
        return any(c in _POSITIVE_EMOJI for c in raw)
    return False


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


def _answer_span(line: str, index: int, key: str | None, options, keys, labels, title: str) -> int | None:
    """Where, in the line, the segment that gives the answer ends (None when no one segment gives it)."""
    at = 0
    for segment in segments(line):
        start = line.find(segment, at) if segment else -1
        if start < 0:
            continue
        at = start + len(segment)
        if not segment.strip():
            continue
        if parse_expr(segment, options, keys, labels)[0] == index or (
                key and any(k == key and what == THIS for k, what, _, _ in stances(segment, title))):
            return at
    return None


def _narrowed(rest: str, title: str) -> bool:
    """True when what follows the answer narrows it to a thing that is not the motion itself ("(to the
    amendment only)", ", to the fee rise"): in brackets, with "only", or after "to" / "on"."""
    m = _NARROWED.fullmatch(rest)
    if m is None or _MANNER.search(m.group("obj")) or about(m.group("obj"), title) == THIS:
        return False
    return bool(m.group("paren") or m.group("only") or m.group("only2")
                or m.group("prep") in ("to", "on", "sur", "à", "au", "aux", "zu", "zum", "zur", "a", "al"))


def _ironic(line: str, polarity: int) -> bool:
    """True when words take the answer back: "just kidding", and after a yes a last "Not." or "Yes, sure,
    and pigs will fly"."""
    return bool(_KIDDING.search(line)) or polarity > 0 and bool(_NOT_TAIL.search(line) or _SURE_AND.search(line))


def _asked(line: str, index: int, options, keys, labels, title: str) -> bool:
    """True when a question of the line holds an answer ("Against the merger, me?"), "why not?" excepted."""
    for m in _QUESTION.finditer(_WHY_NOT.sub(".", line)):
        question = m.group(0)
        if any(parse_expr(s, options, keys, labels)[0] is not None for s in segments(question) if s.strip()):
            return True
        if title and stances(question, title):
            return True
    return False


def _after_proposal(before: str, answer_text: str, title: str) -> bool:
    """True when `before` (what precedes the answer) reports another proposal and the answer that
    follows it names neither the motion's own action nor a vote ("Some want to postpone the merger.
    I oppose that.")."""
    last = None
    for last in _PROPOSED.finditer(before):
        pass
    if last is None:
        return False
    return not (_VOTE_WORDS.search(answer_text) or (title and names_action(answer_text, title)))


def after_proposal(found, number: int, title: str = "") -> str | None:
    """Why an answer the member corrected to on line `number` ("Some say we should wait. I agree.")
    is not to be counted: another proposal reported before it, which it may be about; else None."""
    lines = [line for n, _, line in found if n <= number]
    if not lines:
        return None
    line = lines[-1]
    starts = [m.end() for m in re.finditer(r"[.;!?…]+\s*", line)]
    head_end = starts[-1] if starts and starts[-1] < len(line) else (starts[-2] if len(starts) > 1 else 0)
    if _after_proposal(" ".join(lines[:-1] + [line[:head_end]]), line[head_end:], title):
        return f"line {number} answers after another proposal it may be about"
    return None


def contrary(found, number: int, index: int, key: str | None, options, keys, labels, title: str = "") -> str | None:
    """Why the answer read on line `number` of the meaningful lines `found` (as `answer_lines` gives
    them) is not to be counted (see the module doc), or None when nothing turns it round."""
    lines = [(n, raw, line) for n, raw, line in found if n <= number]
    if not lines or lines[-1][0] != number:
        return None
    _, raw, line = lines[-1]
    polarity = _polarity(key)
    if opposite_emoji(raw, polarity):
        return f"line {number} holds an emoji that says the other answer: {raw!r}"
    if _ironic(line, polarity):
        return f"line {number} takes its answer back with irony: {raw!r}"
    if _REPORTED.search(line) or _THEIRS.search(line):
        return f"line {number} reports someone else's answer: {raw!r}"
    if polarity < 0 and _NOT_AGAINST.search(line):
        return f"line {number} denies being against beside its no: {raw!r}"
    if _ATTENDANCE.search(line) and not _ABOUT_COMING.search(title.casefold()):
        return f"line {number} answers whether the member comes, not the ballot: {raw!r}"
    if polarity > 0 and key == "YES" and _CONCEDED.search(line):
        return f"line {number} only denies an objection, then holds its answer back: {raw!r}"
    if "?" in line and _asked(line, index, options, keys, labels, title):
        return f"line {number} asks its answer as a question: {raw!r}"
    aside = aside_start(line)  # "Abstain. Also: no, I can't make the AGM": another matter
    own = line if aside is None else line[:aside]
    other = {parse_expr(s, options, keys, labels)[0] for s in segments(own) if s.strip()} - {index, None}
    if other:  # "1 (No)": the number names Yes, the word No
        return f"line {number} names {options[min(other)]!r} by itself too: {raw!r}"
    end = _answer_span(line, index, key, options, keys, labels, title)
    if end is not None and polarity > 0 and _SURE_AND_TAIL.match(line[end:]):
        return f"line {number} takes its answer back with irony: {raw!r}"
    if end is not None and polarity > 0 and _DENIED.fullmatch(line[end:]):
        return f"line {number} denies its answer right after it: {raw!r}"
    if end is not None and key in ("YES", "NO") and title and _narrowed(line[end:], title):
        return f"line {number} narrows its answer to another matter: {raw!r}"
    judged = title if key in ("YES", "NO") else ""  # an option is judged by a pronoun ("Ottawa, it is the worst")
    if end is not None and judged_otherwise(line[end:], polarity, judged):
        return f"line {number} judges the motion the other way after its answer: {raw!r}"
    later = next(((n, r) for n, r, l in found if n > number and judged_otherwise(l, polarity, judged)), None)
    if later is not None:  # "Yes" / "But the merger is a terrible idea."
        return f"line {later[0]} judges the motion the other way after the answer of line {number}: {later[1]!r}"
    # the answer's own sentence: what follows the last reported proposal before it
    before = " ".join(l for _, _, l in lines[:-1])
    starts = [m.end() for m in re.finditer(r"[.;!?…]+\s*", line)]
    head_end = next((s for s in reversed(starts) if end is None or s <= max(0, end - 1)), 0)
    if _after_proposal(f"{before} {line[:head_end]}", line[head_end:], title):
        return f"line {number} answers after another proposal it may be about: {raw!r}"
    return None
