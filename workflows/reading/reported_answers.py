"""Whose answer a line gives, and what it answers: reported speech and other proposals (issue 15).
Pure functions, used by `contrary_remarks`.

- `reported`: the answer is someone else's: an inverted report (", said the treasurer", "said no
  one ever"), a report after or before it ("No, my wife says.", "Anna said: yes"), another
  person's choice ("Ottawa (Anna's choice, not mine)"), or a line before it that introduces
  another person's words ("Anna wrote:"); "as Anna said", "like Tom says" agree with them and are
  no report;
- `proxy_vote`: a vote given for another person ("Voting on behalf of Anna: no", "Au nom d'Anna :
  oui", "Anna asked me to vote no for her"; votes17: "For Anna: yes", "Für Anna: Ottawa", "On behalf
  of the Smiths", "Anna asked me to reply for her." on a line before, "This is Tom's wife replying",
  "Anna here (using Tom's account)", "The centre votes yes, but I don't"): asked, never counted as
  the sender's;
- `after_proposal` / `answers_another_proposal`: another proposal reported before an answer that
  may point at it ("Some want to postpone the merger. I oppose that.", "Tom suggested we postpone.
  I'm for it.", "Manche wollen die Fusion verschieben. Ich bin dagegen."); an answer that names
  the motion's own action or says "I vote" is read, and so is one after the motion itself
  reported as proposed ("The board suggested this in May. Yes.", "Hamilton proposed the merger.").

A report the member then makes their own ("Yes, my husband says. I agree.", "Toronto (my
daughter's favourite too)") and the member's own words said before ("Said so at the AGM") are
the member's answer.

Each pattern is bounded and anchored at a word: reading stays linear.
"""
from __future__ import annotations

import re

from mailer.vote_phrases import VOTE_PHRASE_PATTERN
from workflows.reading.motion_stances import names_action
from workflows.reading.pattern_gates import gated

# a line that introduces another person's words ("Anna wrote:", "Tom a écrit :"): what follows is theirs
_HEADER = re.compile(r"(?<![\w'])(?:wrote|said|says|writes|a écrit|a dit|schrieb|hat geschrieben|sagte|escribió|dijo"
                     r"|ha scritto|schreef|escreveu)\s*:\s*$")
# the answer given as another person's choice ("Ottawa (Anna's choice, not mine)")
_THEIRS = re.compile(r"(?<![\w'])(?!(?:it|that|this|what|who|there|here|one)'s)[\w-]+'s (?:choice|pick|vote|preference|favou?rite|answer)(?![\w'])")
# the answer given as someone else's: ", said the treasurer", "said no one ever", "Anna said: yes",
# "No, my wife says." ("as Anna said", "like Tom says" agree with them and are no report; "never have, never will"
# is the member's own emphasis)
_REPORTER = (r"said|says|asked|wrote|writes|thinks|told me|reckons|a dit|dit|disait|pense|sagt|sagte|meint|meinte"
             r"|dijo|dice|decía|piensa|disse|diz|zegt|zei|vindt|mówi|powiedział\w*|sier|säger|siger|sagde|sanoo|říká|mondja|λέει|каже|говорит|diu|kata|wants|wanted|veut|(?<!never )(?<!always )(?<!forever )(?<!still )will|quiere|vuole|quer|wil")
_REPORTED = re.compile(
    r"(?:^|[,;:.!…—–-])\s*(?:said|says|asked|wrote|according to|dixit|a dit|dit|selon|sagt|sagte|meinte|laut"
    r"|dijo|dice|según|disse|diz|zegt|zei|volgens|mówi|powiedział\w*|według|sier|säger|siger|sagde|sanoo|říká"
    r"|mondja|λέει|каже|говорит|diu|kata)\s+(?!(?:i|me|we|je|moi|ich|yo|eu|io|ik|with|in|reluctantly|sadly|happily"
    r"|so|it|that|this|before|already|again|the same|as much|at)(?![\w']))\w"
    r"|(?<![\w'])(?:said|says) (?:no ?one|nobody)(?![\w'])"
    r"|(?<![\w'])that's what (?!i |we |everyone |everybody |all of us |most of us )[\w'-]+ (?:wants|wanted|said|says|thinks|voted|would say)(?![\w'])"
    r"|(?:^|[,;:.!…—–-])\s*(?!(?:as|like|comme|wie|como|come|zoals|i|we|je|ich|yo|eu|io|ik|nous|wir)\s)"
    r"(?:(?:the|my|our|la|le|mon|ma|mein\w*|unser\w*|mi|mis|il|de|mijn)\s+)?(?!(?:i|we|je|ich|yo|eu|io|ik|nous|wir)\s)"
    r"[\w'-]+\s+(?:" + _REPORTER + r")\s*(?:[:,.!]|$)")
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
# the answer said as the member's own vote ("I vote …", "je vote …": `mailer.vote_phrases`) or said ("I say no"),
# not agreement ("ich stimme zu", "dem stimme ich zu": with what is reported, `_SHARED`), nor a vote on what was just
# reported ("Some want to postpone the merger. I'll vote against that.": postponing)
_VOTE_WORDS = re.compile(r"(?<![\w'])(?!(?:ich stimme|stimme ich) zu)(?:(?:i|we) say|voto|" + VOTE_PHRASE_PATTERN + r")(?![\w'])"
                         r"(?!(?:\s+is)?\s+(?:against|for)\s+(?:that|it|this|them)(?![\w']))")




# the member's answer too, after someone else's ("Yes, my husband says. I agree.", "Toronto (my daughter's
# favourite too)")
_SHARED = re.compile(r"(?<![\w'])(?:i agree|and i agree|me too|so do i|i do too|mine too|je suis d'accord|moi aussi"
                     r"|ich auch|ich stimme zu|yo también|estoy de acuerdo|anch'io|ik ook|too|as well|also|same here|same for me"
                     r"|likewise|ditto|as do i|pareil|moi de même|ich ebenfalls|igualmente|lo mismo|idem)(?![\w'])")


# someone else's vote said as such ("Anna votes yes", "My husband voted no", "Anna vote oui", "Anna vota sim",
# "Anna stemt ja"); not the member's own ("I voted yes", "We vote no", "Anna and I voted yes"). The name
# starts where a run of its characters does (not after a "-" of it: a match there is one from the run's
# start too, and trying each "-" of a rule of dashes cost 7 ms a line)
_OTHERS_VOTE = re.compile(r"(?<![\w'-])(?!(?:i|we|je|nous|ich|wir|yo|eu|io|ik|and|also|et|und|y|e|en)\s)[\w'-]+\s+"
                          r"(?:votes|voted|is voting|has voted|will vote|would vote|vote (?=oui|non|pour|contre)"
                          r"|stimmt|stimmte|hat (?:mit )?\w+ gestimmt|vota|votó|votou|votava|stemt|stemde|głosuje)\s+\w")
# a person another may answer for ("Replying for my husband"; not "for my part", "for my conscience")
_PERSON = (r"(?:wife|husband|partner|spouse|son|daughter|mother|father|mum|mom|mam|dad|parents?|brother|sister|friend"
           r"|neighbou?r|colleague|grand(?:mother|father|ma|pa|parents?)|aunt|uncle|boss|employer|flatmate|housemate"
           r"|roommate|other half|fianc[ée]e?|boyfriend|girlfriend|family)")
# a vote given for another person by email ("Voting on behalf of Anna: no", "Au nom d'Anna : oui", "Anna asked me
# to vote no for her"): a proxy is never the sender's own vote; the member's own proxy form is no vote for another
# ("No, but I'll send my proxy form": votes18), only when nothing after it names whom it is for (review18: "my proxy
# form for Anna is attached", "my proxy slip for Maria", "my proxy form is for my neighbour" stay proxies)
_PROXY = re.compile(r"(?<![\w'])(?:au nom|de la part|em nome|a nome|per conto)\s+d(?:e|u|es|a|o|i|el|ella|'|’)"
                    r"|(?<![\w'])(?:on behalf of|in the name of|(?<!my )proxy|proxy(?!\s+(?:form|slip|card|paper)"
                    r"(?:\s+(?:tomorrow|today|later|soon|in the post|by post))?\s*(?:[.!]\s*)?$)|par procuration|procuration"
                    r"|im namen (?:von|meine\w*|unsere\w*)|im auftrag|stellvertretend für|vollmacht|en nombre de|de parte de"
                    r"|por poder|por procuração|per delega|namens|uit naam van|volmacht"
                    r"|w imieniu|asked me to vote|wants me to vote|told me to vote|m'a demandé de voter"
                    r"|hat mich gebeten[^.;]{0,30}(?:abzustimmen|zu stimmen)|me pidió que vot\w+|mi ha chiesto di votare"
                    # votes17: someone else writing or answering for a person ("Anna asked me to reply for her", "Replying
                    # for my husband", "This is Tom's wife replying", "Anna here (using Tom's account)", "For Anna: yes")
                    r"|asked me to (?:reply|answer|respond|write)(?: back)? (?:for|on behalf of) (?:her|him|them)"
                    r"|(?:replying|answering|writing|responding|voting) for (?:my|his|her|their) " + _PERSON +
                    r"|(?:reply|replying|answer|answering|respond|responding) for (?:her|him)"
                    r"|this is [\w-]+'s (?:wife|husband|partner|son|daughter|mother|father|mum|mom|dad|friend|neighbou?r|carer"
                    r"|assistant)|using (?:[\w-]+'s|my [\w-]+'s|his|her|their) (?:account|e-?mail|address|computer|phone))(?![\w'])"
                    r"|^\W*(?:for|pour|für|fur|para|per|voor|dla)\s+(?!\d)(?!(?:me|us|myself|now|sure|real|once|the|this|that|it|my|our"
                    # a word of the record, not a person ("For info: yes", "Pour mémoire : oui", "Dla porządku: tak")
                    r"|info|information|reference|record|clarity|completeness|transparency|context|clarification|ref"
                    r"|mémoire|mémo|rappel|précision|memo|mitteilung|vollständigkeit|klarheit|ordnung|transparenz"
                    r"|aclarar|claridad|constancia|información|informação|clareza|registo|registro|referência|chiarezza"
                    r"|completezza|informazione|trasparenza|duidelijkheid|volledigheid|transparantie|informatie"
                    r"|porządku|jasności|informacji|przypomnienia|wiadomości|pewności"
                    r"|what|all|moi|nous|mich|uns|mí|mi|nosotros|mim|nós|mij|ons|mnie|nas|jetzt|maintenant|ahora|agora|ora|nu"
                    r"|teraz|la|le|les|l|die|der|das|den|el|los|las|il|lo|het|de|o|a|os|as|ma|mon|mes|mein\w*|unser\w*|notre"
                    r"|nos)(?![\w']))[\w'-]+\s*:")


# a member organisation that votes by the person who writes ("On behalf of the Riverside Youth Club: we approve",
# "Au nom de l'Association des locataires", "The Parkdale Welcome Centre votes yes"): its own vote
_ORGANISATION = re.compile(r"(?<![\w'])(?:the|our|notre|nos|unser\w*|nuestr[oa]s?|nosso|nossa|nostr[oa]|onze|ons|l'|les"
                           r"|associations?|association|associação|asociación|associazione|verein|vereniging|club|chapter"
                           r"|cent(?:re|er|ro)|committee|comité|comitato|network|réseau|netzwerk|red|rede|rete|netwerk|group"
                           r"|groupe|gruppe|grupo|gruppo|groep|branch|section|sektion|sección|secção|sezione|afdeling|collective"
                           r"|collectif|kollektiv|colectivo|coop|co-op|coopérative|union|syndicat|gewerkschaft|sindicato"
                           r"|board|council|conseil|rat|society|société|team|équipe|federation|fédération|house|maison|church"
                           r"|église|kirche|iglesia|school|école|schule|escuela|youth|tenants|locataires|moradores|mieter\w*"
                           r"|inquilinos|huurders|foundation|fondation|stiftung|fundación|fundação|fondazione|stichting)(?![\w'])")

# the member agreeing with the vote they were asked to give: it is theirs too
_AGREED = re.compile(r"(?<![\w'])(?:and i agree|i agree with (?:her|him|them)|so do i|i do too|me too|same here"
                     r"|je suis d'accord|moi aussi|ich stimme zu|ich auch|estoy de acuerdo|yo también|anch'io|ik ook)(?![\w'])")

# answer words: agreeing counts the vote as the member's own only when the line gives one ("Anna asked me to vote no
# for her, and I agree. Yes." is asked)
_ANSWER_WORD = re.compile(r"(?<![\w'])(?:yes|no|oui|non|ja|nein|sí|si|sim|não|nao|tak|nie|nee|for|against|pour|contre"
                          r"|dafür|dagegen|abstain\w*)(?![\w'])", re.IGNORECASE)


# a family the vote is given for ("On behalf of the Smiths", "… of the Hamilton family"): people, not an organisation
_FAMILY = re.compile(r"\W*(?:the|les|die|los|las|i|de)\s+(?:[\w-]+\s+)?(?:family|famille|familie|familia|famiglia|gezin"
                     r"|rodzin\w*|household)(?![\w'])|\W*the\s+(?P<name>[\w-]+s)\W*(?:[:,;]|$)")
# the member's own vote said to differ from the one given ("The Parkdale Welcome Centre votes yes, but I don't")
_NOT_MINE = re.compile(r"(?<![\w'])(?:but (?:i|we) (?:don't|do not|won't|will not|am not|'m not|disagree)|but not me"
                       r"|mais pas moi|aber ich nicht|pero yo no)\W*$")
# ... said after another's vote: a vote verb before it ("The centre votes yes, but I don't"; not "Some are worried, but not me")
_VOTE_VERB = re.compile(r"(?<![\w'])(?:votes?|voted|voting|vote|vota|votent|votó|stimmt|stimmen|stemt|stemmen|głosuje|głosują)(?![\w'])")


def _for_people(following: str) -> bool:
    """True when what follows "on behalf of" names a family, not an organisation ("the Smiths", "the
    Hamilton family"; not "the tenants", "the Riverside Youth Club")."""
    m = _FAMILY.match(following)
    return m is not None and not (m.group("name") and _ORGANISATION.search(m.group("name")))


# batch 20: the answer said to come from another person, right after it ("Yes from my partner Jo", "No, from my
# husband"): theirs, not the sender's; not with the member in it ("Yes from my partner and me", "… from my wife too"),
# not "from my side / end / point of view" (no person), not "from my family" (the member's own household)
_FROM_ANOTHER = re.compile(r"^[^\w'-]*(?:[\w'-]+\s+)?[\w'-]+[^\w\s]{0,3}\s*from\s+(?:my|our)\s+(?!family)" + _PERSON +
                           r"(?!['’]s)(?![\w'-])(?!\s+(?:too|as well|also)(?![\w'])"
                           # the member with them, right after or later in the same list, where the clause ends
                           # ("and me", "from my son, my daughter and me", "… as well as me", "and I agree"; review20: not
                           # "and I think …", "and I will vote separately")
                           r"|[^.!?;\n]{0,80}?(?:\band|&|\+|\bas well as)\s*(?:me|i|myself|from me)"
                           r"(?=\s*(?:[,.!;)]|$|too\b|as well\b|also\b|agree\b)))")


def proxy_vote(line: str, earlier: list[str]) -> bool:
    """True when the (cleaned) answer line, or a line before it, gives the vote for another person
    ("Voting on behalf of Anna: no", "Im Namen von Anna: ja", "Anna asked me to vote no for her";
    batch 20: "Yes from my partner"); not for a member organisation the writer speaks for ("On behalf
    of the Riverside Youth Club"), nor when the member makes it their own after it on the answer's
    line ("Anna told me to vote yes, and I agree. Yes.", "Yes from my partner and me")."""
    if _FROM_ANOTHER.match(line):
        return True
    mine = _NOT_MINE.search(line)
    if mine and _VOTE_VERB.search(line, 0, mine.start()):
        return True
    for l in earlier + [line]:
        for m in _PROXY.finditer(l):
            following = re.sub(r"['’]", "' ", " ".join(l[m.end():].split()[:3]))
            if (_for_people(following) or not _ORGANISATION.search(following)) and not (
                    l is line and _AGREED.search(line, m.end())
                    and len({w.casefold() for w in _ANSWER_WORD.findall(line)}) == 1):
                return True
    return False


def proxy_note_after(later: list[str]) -> bool:
    """True when a (cleaned) line after the answer says another person writes for the member
    ("Yes" / "This is Tom's wife replying", "Anna here (using Tom's account)", "Replying for my husband"):
    the answer above is not the sender's own. A line opening "For X:" is not read here."""
    for l in later:
        for m in _PROXY.finditer(l):
            if m.group(0).rstrip().endswith(":"):
                continue
            following = re.sub(r"['’]", "' ", " ".join(l[m.end():].split()[:3]))
            if _for_people(following) or not _ORGANISATION.search(following):
                return True
    return False


# review 19: nobody votes for it ("Ingen röstar på Priya", "Nikdo nehlasuje pro Priyu"): no one's answer is the
# member's (not "Nobody should vote for it", which may back a no)
_NOBODY = re.compile(r"^\W*(?:nobody|no one|no-one|niemand|personne|nadie|nessuno|nikt|ninguém|ingen|nikdo|senki|kukaan"
                     r"|κανείς|κανένας|ніхто|никто|ningú|hiç kimse|kimse|tiada siapa)\s+(?:votes|vote|vota|votó|stimmt|röstar"
                     r"|stemmer|stemt|hlasuje|nehlasuje|szavaz|äänestää|ψηφίζει|голосує|голосует|głosuje|oy veriyor)(?![\w'])")


def reported(line: str, earlier: list[str]) -> bool:
    """True when the (cleaned) answer line gives someone else's answer, or follows a line of
    `earlier` that introduces another person's words ("Anna wrote:"); not when the member makes it
    theirs too ("Yes, my husband says. I agree.", "Yes — Anna's vote as well")."""
    if any(_HEADER.search(l) for l in earlier):
        return True
    m = _REPORTED.search(line) or _THEIRS.search(line) or _NOBODY.search(line)
    voter = _OTHERS_VOTE.search(line)
    if m is None and voter is not None and not _ORGANISATION.search(line[:voter.end()]):
        m = voter  # "Anna votes yes"; not "The Parkdale Welcome Centre votes yes"
    return bool(m) and not _SHARED.search(line, m.end())


def answers_another_proposal(line: str, end: int | None, earlier: list[str], title: str) -> bool:
    """True when the sentence of the answer (the segment giving it ends at `end` of the cleaned
    `line`, None when unknown) follows another proposal reported on the line or on `earlier` lines
    and names neither the motion's own action nor a vote."""
    starts = [m.end() for m in re.finditer(r"[.;!?…]+\s*", line)]
    head_end = next((s for s in reversed(starts) if end is None or s <= max(0, end - 1)), 0)
    return _after_proposal(" ".join(earlier + [line[:head_end]]), line[head_end:], title)


def _after_proposal(before: str, answer_text: str, title: str) -> bool:
    """True when `before` (what precedes the answer) reports another proposal and the answer that
    follows it names neither the motion's own action nor a vote ("Some want to postpone the merger.
    I oppose that.")."""
    last = None
    for last in _PROPOSED.finditer(before):
        pass
    if last is None:
        return False
    proposed = re.sub(r"^[\w']*", "", before[last.end():])  # "The board suggested this in May", "Hamilton proposed the merger": the motion
    if re.match(r"\s*(?:this|it|that)(?![\w'])", proposed) or (
            title and re.match(r"\s*(?:the|a|our|this)\s", proposed)
            and names_action(" ".join(proposed.split()[1:4]), title)):
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


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
_REPORTED, _THEIRS, _HEADER, _PROPOSED = map(gated, (_REPORTED, _THEIRS, _HEADER, _PROPOSED))
