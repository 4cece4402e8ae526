"""Whether a member's words to a meeting announcement say they will come: "I'll be there",
"Sorry, I can't make it that evening", "Je ne pourrai pas venir", "Maybe".

Members answer an invitation in words as often as with their calendar's buttons. Such a reply
is attendance, not an agenda item. It is read as attendance only when it is nothing else: every
clause of the text (split at sentence ends, commas and lines) is either an attendance phrase or a
pleasantry ("Thanks", "Hi all", "See you then", "Merci", the member's own name), and the phrases
agree. "I'll be there, and I'd like to discuss the budget" stays an agenda item.

Written by hand: no library reads RSVP wording; the phrases are those people write (English,
French, and the commonest of a few other languages).
"""
from __future__ import annotations

import re
import unicodedata

from workflows.reading.answer_lines import GREETING_WORDS

_QUALIFIER = (r"(?: (?:on )?(?:that|this|the) (?:evening|day|date|time|one|night|week|meeting|session)"
              r"| then| there| in person| online| remotely| by (?:phone|video|zoom|teams)| either| too"
              r"| as well| for sure| unfortunately| ce soir-là| ce soir la| ce jour-là| ce jour la"
              r"| cette fois| cette fois-ci| en personne| en ligne| à distance| malheureusement)*")
_ME = r"(?:i|we)"
_PHRASES = {
    "ACCEPTED": [
        rf"(?:yes,? )?{_ME}(?: will|'ll| shall)(?: definitely| certainly)? (?:be there|be present|come|attend|join(?: you)?)",
        rf"(?:yes,? )?{_ME}(?: can|'m able to| am able to) (?:come|attend|make it|join|be there)",
        rf"(?:yes,? )?{_ME}(?:'m| am|'re| are) (?:coming|attending|joining|in)",
        r"count (?:me|us) in", r"see you (?:there|then)", r"(?:will|shall) (?:be there|attend|come)",
        r"attending", r"accept(?:ed)?", r"yes", r"present",
        r"(?:oui,? )?(?:je|nous) (?:serai|serons) (?:là|la|présente?s?|presente?s?)",
        r"(?:oui,? )?(?:je|nous) (?:viendrai|viendrons|participerai|participerons)",
        r"(?:oui,? )?j'y serai", r"(?:oui,? )?nous y serons", r"(?:oui,? )?je viens",
        r"(?:oui,? )?je (?:peux|pourrai) (?:venir|être là|etre la|assister|participer)",
        r"compte[sz]? sur moi", r"oui", r"présente?", r"presente?",
        r"ich (?:komme|bin dabei|nehme teil)", r"wir kommen", r"(?:sí,? )?(?:asistiré|allí estaré|iré)",
        r"(?:sim,? )?(?:estarei (?:lá|presente)|vou participar)", r"(?:sì,? )?(?:ci sarò|parteciperò)",
    ],
    "DECLINED": [
        rf"{_ME}(?: can't| cannot| can not| won't be able to| will not be able to| am unable to|'m unable to"
        rf"| are unable to| 're unable to| am not able to|'m not able to) (?:make it|come|attend|join|be there|be present)",
        rf"{_ME}(?: won't| will not|'ll not) (?:be there|be present|be coming|be attending|come|attend|make it)",
        rf"{_ME}(?:'ll| will) (?:miss it|miss this one|have to miss it|be away|be absent)",
        rf"{_ME}(?:'ll be|'m| am|'re| are| will be) (?:away|travelling|traveling|out of town)",
        r"(?:can't|cannot|unable to|not able to) (?:make it|come|attend|join)", r"(?:please )?send my regrets",
        r"my regrets", r"regrets", r"declined?", r"no", r"absent", r"not attending", r"not coming",
        r"(?:je|nous) ne (?:pourrai|pourrons|peux|peut|pouvons) pas (?:venir|être là|etre la|être présente?s?"
        r"|etre presente?s?|assister|participer|y être|y etre|y aller|me libérer|me liberer)",
        r"(?:je|nous) ne (?:serai|serons) pas (?:là|la|présente?s?|presente?s?)",
        r"(?:je|nous) ne (?:viendrai|viendrons|participerai|participerons) pas",
        r"je serai absente?", r"nous serons absente?s", r"absente?", r"excusez mon absence",
        r"ich kann nicht (?:kommen|teilnehmen|dabei sein)", r"no (?:podré|puedo) (?:asistir|ir)",
        r"não (?:poderei|posso) (?:participar|ir)", r"non (?:potrò|posso) (?:venire|partecipare)",
    ],
    "TENTATIVE": [
        r"maybe", r"perhaps", r"possibly", r"tentative(?:ly)?(?: yes)?",
        rf"{_ME} (?:might|may) (?:come|attend|make it|join|be there)",
        rf"{_ME}(?:'ll| will) try to (?:come|attend|make it|join|be there)",
        rf"{_ME} hope to (?:come|attend|make it|join|be there)",
        rf"not sure (?:yet|if {_ME} can (?:come|make it|attend|join))",
        r"peut-être", r"peut être", r"(?:je|nous) (?:vais|allons) essayer de venir",
        r"j'essaierai de venir", r"je ne suis pas sûre? de pouvoir venir", r"vielleicht", r"quizás", r"tal vez",
    ],
}
_COMPILED = {answer: re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in phrases) + r")" + _QUALIFIER + r"$")
             for answer, phrases in _PHRASES.items()}
_PLEASANTRY = re.compile(
    r"^(?:(?:" + GREETING_WORDS + r")(?: all| everyone| team| there| à tous| a tous| tout le monde)?"
    r"|thanks?(?: you)?(?: (?:so|very) much)?(?: for (?:organi[sz]ing|the invitation|the invite|this))?"
    r"|many thanks|cheers|best(?: regards| wishes)?|regards|kind regards|great|good|ok|okay|sure|noted"
    r"|looking forward(?: to it| to seeing you(?: all)?)?|see you(?: soon| all)?|sorry|so sorry|apologies"
    r"|unfortunately|merci(?: beaucoup| bien| pour l'invitation)?|cordialement|bien à vous|bien a vous"
    r"|à bientôt|a bientot|au plaisir|désolée?|desolee?|malheureusement|avec plaisir|with pleasure|danke"
    r"|gracias|obrigad[oa]|grazie)$")


# a greeting naming whom it greets ("Hi Sam", "Dear Amina Yusuf", "Bonjour Jean"): one or two words
_GREETING = re.compile(r"^(?:" + GREETING_WORDS + r")((?: [^\W\d_]+){1,2})$")


def _greets(clause: str) -> bool:
    """True when `clause` greets someone by name: a greeting then one or two words that are not
    themselves an answer ("Hey no" is not a greeting: it stays unread, never a pleasantry)."""
    greeting = _GREETING.match(clause)
    return greeting is not None and not any(p.match(greeting.group(1).strip()) for p in _COMPILED.values())


def only_pleasantries(text: str, names: tuple[str, ...] = ()) -> bool:
    """True when `text` holds words, all of them thanks, greetings or the writer's own name
    ("Thanks!", "Great, thank you. Li"): `read_attendance` would say "THANKS", found without
    reading past the first clause that is something else."""
    own = _own_names(names)
    clauses = _clauses(text)
    return bool(clauses) and all(_pleasantry(clause, own) for clause in clauses)


def _own_names(names: tuple[str, ...]) -> set[str]:
    return {n.casefold() for name in names for n in (name, *name.split()) if n}


def _pleasantry(clause: str, own: set[str]) -> bool:
    """True when the clause is thanks or a greeting (to anyone), or the writer's own name."""
    return bool(_PLEASANTRY.match(clause)) or clause in own or _greets(clause)


# a clause ends at a run of sentence marks or line ends, or a dash between spaces. A dash's
# spaces are matched from the first of a run (not preceded by a space other than a line end,
# which a run of marks may have taken): tried from every space of a run of n, the pattern
# took time n² (a 100 KB reply of tab-indented lines: 0.5 s); the clauses are the same
_CLAUSE_END = re.compile(r"[.!;,:\n]+|(?<![^\S\n])\s+-+\s+|(?<![^\S\n])\s+—\s+")
_MARKS_AS_LINE_ENDS = str.maketrans(dict.fromkeys(".!;,:", "\n"))
_QUOTES_AS_SPACES = str.maketrans(dict.fromkeys("\"“”«»*_~()[]", " "))


def _clauses(text: str) -> list[str]:
    """The clauses of `text`, each lower-cased with its white space made single spaces. Without
    a dash the only ends are marks and line ends, cut by `str.split` (the pattern took ~60 ns a
    character); equivalence in tests/test_worst_read_fast_paths.py."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    text = text.translate(_QUOTES_AS_SPACES)
    if "-" in text or "—" in text:
        parts = _CLAUSE_END.split(text)
    else:
        parts = text.translate(_MARKS_AS_LINE_ENDS).split("\n")
    return [" ".join(p.split()) for p in parts if p.strip()]


def read_attendance(text: str, names: tuple[str, ...] = ()) -> str | None:
    """"ACCEPTED", "DECLINED" or "TENTATIVE" when `text` (a reply's new text) says only whether
    its writer comes, "THANKS" when it holds nothing but pleasantries ("Thanks!", "Great, see you
    soon"), else None (it says something else). `names` are the writer's own names, allowed as a
    sign-off."""
    own = _own_names(names)
    found: set[str] = set()
    clauses = _clauses(text)
    for clause in clauses:
        if _pleasantry(clause, own):
            continue
        matched = [answer for answer, pattern in _COMPILED.items() if pattern.match(clause)]
        if len(matched) != 1:
            return None
        found.add(matched[0])
    if not found:
        return "THANKS" if clauses else None
    return found.pop() if len(found) == 1 else None
