"""An option named in the member's own words rather than its label's. Pure functions.

`own_words_label(expr, labels)` reads a whole short answer (already cleaned and stripped of
"I vote" / "please") as the one label it names:
- a season or a street word written another way ("Fall in Montreal" of "Autumn retreat in
  Montréal", "Queen St" of "Library annex, Queen Street", "automne" of "autumn");
- the label's words in another order, with only small words between ("Kingston in spring!" of
  "Spring retreat in Kingston");
- one part of a label written between commas ("Rue Haute" of "Community hall, Rue Haute");
- one word that is in that label only, after "the" ("the hall");
- an abbreviation of a one-word label: its start ("Ott", "Tor") or its consonants ("MTL");
- keeping things as they are ("leave the fee alone", "no change", "so lassen", "sin cambios")
  for the one option whose label keeps ("Keep the current fee");
- skipping it ("let's skip it this year", "none", "neither") for the one option whose label says
  no to the ballot's subject ("No retreat this year"), never one that keeps things as they are in
  negative words ("No change at all", "No budget change"); "none of them" refuses every option
  listed, that one too, and is no reading.
Each names one option or none: a reading that fits two labels is no reading.
"""
from __future__ import annotations

import functools
import re

from workflows.reading.accents import fold
from workflows.reading.ordinal_words import ARTICLES
from workflows.reading.label_translations import TRANSLATIONS, in_english

SMALL_WORDS = frozenset((
    "the", "a", "an", "in", "at", "on", "of", "to", "for", "with", "and", "by", "my", "our", "one", "option",
    "please", "this", "that", "year", "only", "just", "le", "la", "les", "l", "de", "du", "des", "au",
    "en", "el", "los", "las", "del", "il", "lo", "di", "da", "der", "die", "das", "im", "am", "het", "van",
    "em", "na", "e", "y", "et", "und", "new", "all", "it", "is", "pour", "für", "por", "per",
    "para", "voor", "dla", "d", "le", "i", "o", "al", "della", "dei", "degli", "do", "dos", "das", "voor de",
))
# what a member calls a place before naming it ("the room on Queen Street", "la salle de la rue Haute")
_PLACE_NOUNS = frozenset(("salle", "hall", "room", "venue", "place", "location", "lieu", "site", "centre", "center",
                          "building", "bâtiment", "batiment", "saal", "raum", "sala", "local", "zaal", "ruimte",
                          "one", "annex", "annexe", "office", "bureau", "space", "espace", "adresse", "address"))
_SYNONYMS = {
    "fall": "autumn", "automne": "autumn", "herbst": "autumn", "otono": "autumn", "autunno": "autumn",
    "outono": "autumn", "herfst": "autumn", "jesien": "autumn", "осень": "autumn", "осенью": "autumn",
    "printemps": "spring", "fruhling": "spring", "fruhjahr": "spring", "primavera": "spring", "lente": "spring",
    "wiosna": "spring", "весна": "spring", "весной": "spring", "ete": "summer", "sommer": "summer",
    "verano": "summer", "estate": "summer", "verao": "summer", "zomer": "summer", "lato": "summer",
    "лето": "summer", "летом": "summer", "hiver": "winter", "invierno": "winter", "inverno": "winter",
    "zima": "winter", "зима": "winter", "зимой": "winter",
    "st": "street", "str": "street", "rd": "road", "ave": "avenue", "av": "avenue", "blvd": "boulevard",
    "sq": "square", "ln": "lane", "dr": "drive", "rue": "rue",
}
_STATUS_QUO = re.compile(
    r"^(?:(?:leave|keep) (?:it|them|things|everything|the \w+(?: \w+)?)(?: alone| as (?:it |they )?(?:is|are)"
    r"| as it stands| the same| unchanged| where it is| as before)?"
    r"|no change|no changes|status quo|the status quo|as is|unchanged|same as now|same as before|as before"
    r"|(?:please )?(?:don't|do not) change (?:it|anything|a thing|the \w+)"
    r"|(?:the \w+ |it )?(?:should |must |can )?(?:stays?|remains?) (?:the same|as (?:it )?is|unchanged|as before)"
    r"|pas de changement|aucun changement|on (?:le )?garde (?:tout )?(?:comme (?:ça|ca)|tel quel)|tel quel|statu quo"
    r"|(?:on )?laisse(?:r)? (?:comme (?:ça|ca)|tel quel|en l'état)|keine änderung(?:en)?|(?:so )?lassen|(?:so )?belassen"
    r"|(?:alles )?beibehalten|(?:alles )?so lassen(?: wie es ist)?|sin cambios?|dejarlo (?:como está|igual)"
    r"|(?:que )?(?:se )?quede igual|nessun cambiamento|lasciare così|lasciamo così|sem alteraç(?:ões|ão)"
    r"|sem mudanças?|deixar como está|geen verandering|(?:het )?zo laten|laten zoals het is|bez zmian"
    r"|zostawić (?:tak )?jak jest|без изменений|оставить как есть|оставить как было|değişiklik yok"
    r"|olduğu gibi kalsın|维持现状|保持不变|不变|現状維持|そのまま|현행 유지|그대로|بدون تغيير|كما هو"
    r"|بدون تغییر|hakuna mabadiliko)$")
_KEEP_LABEL = re.compile(r"^(?:keep|maintain|retain|leave|no change|stay|status quo|unchanged|same|current)\b")
_SKIP = re.compile(
    r"^(?:(?:let's|let us|we should|i'd|i would|better|maybe we)\s+)?(?:skip|cancel|drop)\s+(?:it|this|the \w+)"
    r"(?:\s+(?:this|next)\s+(?:year|time|round))?$|^(?:none|neither"
    r"|not this year|skip|aucun|aucune|pas cette année|dieses jahr nicht|keins|keines|ninguno|ninguna"
    r"|este año no|nessuno|quest'anno no|nenhum|nenhuma|este ano não|dit jaar niet|żaden|w tym roku nie"
    r"|никакой|ни один|в этом году нет)$")
# "none of them" / "neither of these" refuses every option listed, the one that says no among them
# ("No retreat this year" is one of "them"): never an option, asked back
_NONE_OF_THEM = re.compile(r"^(?:none|neither|aucun|aucune|keins|keine|ninguno|ninguna|nessuno|nessuna|nenhum"
                           r"|nenhuma|geen|żaden|ни один) (?:of (?:them|these|those|the (?:options|above))"
                           r"|(?:d'entre )?eux|d'elles|davon|de (?:ellos|ellas|eles|elas)|di (?:loro|questi)"
                           r"|van (?:hen|deze)|z nich|из них|(?:de|des) (?:ces|ci-dessus|options)(?: options)?)$")
_NONE_LABEL = re.compile(r"^(?:no|none|nothing|neither|pas de|aucun|aucune|kein|keine|ningún|ninguna|sin|nessun"
                         r"|nessuna|nenhum|nenhuma|geen|żaden|brak|без) \w")
# a label that keeps things as they are in negative words ("No change at all", "No budget change",
# "Pas de changement"): it keeps, it does not say no to the ballot's subject, so "none" is not it
_NO_CHANGE_LABEL = re.compile(r"\b(?:change|changes|changing|changement|changements|modification|änderung"
                              r"|änderungen|cambio|cambios|cambiamento|cambiamenti|mudança|mudanças|alteração"
                              r"|alterações|verandering|wijziging|zmian|zmiany|изменений|изменения)\b")
_VOWELS = frozenset("aeiouy")
_DEFINITE = frozenset(article.rstrip("'") for article in ARTICLES) | {"les"}


def _words(text: str) -> list[str]:
    """The folded words of a text, seasons and street words as in English, and the words and phrases
    of `label_translations` as their English words ("jardin communautaire" → "community garden")."""
    found = re.findall(r"[$€£]?[\w']+%?", in_english(fold(text).replace("'", " ")))
    return [part for w in found for part in TRANSLATIONS.get(w, _SYNONYMS.get(w, w)).split()]


@functools.lru_cache(maxsize=256)
def _profile(labels: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], dict[str, int], dict[str, int]]:
    """Per label (folded, in the order given): its words; the comma parts that name one label only
    (part → label position); each word found in one label only (word → position)."""
    words = tuple(tuple(_words(label)) for label in labels)
    # a label and its folded form are both in `labels`: count them as one ("Centre Saint-Pierre,
    # Montréal" and its folded twin share the part "montreal", which still names one option)
    same = {i: next(j for j in range(len(labels)) if words[j] == words[i]) for i in range(len(labels))}
    parts: dict[str, int | None] = {}
    owners: dict[str, set[int]] = {}
    for i, label in enumerate(labels):
        for part in re.split(r"\s*[,;/]\s*", fold(label)):
            key = " ".join(_words(part))
            if key and key != " ".join(words[i]):
                parts[key] = None if parts.get(key, same[i]) != same[i] else same[i]
        for w in words[i]:
            owners.setdefault(w, set()).add(i)
    unique = {w: same[min(o)] for w, o in owners.items() if len({same[i] for i in o}) == 1}
    return words, {k: v for k, v in parts.items() if v is not None}, unique


def _singular(word: str) -> str:
    """An English noun without its plural ending ("libraries" → "library", "banks" → "bank")."""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _distinct(found: set[int], words) -> int | None:
    """The one label among `found` (a label and its folded form are one), else None."""
    kinds = {words[i] for i in found}
    return min(found) if len(kinds) == 1 else None


_NEGATORS = frozenset(("not", "no", "non", "nein", "nicht", "nie", "nee", "niet", "nah", "nope", "pas", "ni", "ne",
                       "kein", "keine", "never", "jamais", "nunca", "mai", "не", "нет", "ні", "без", "except",
                       "but", "sauf", "außer", "ausser", "menos", "excepto", "tranne", "or", "ou", "oder", "o"))
# chat shorthand of consonants only, never a place's letters
_SHORTHAND = frozenset(("pls", "plz", "thx", "thnx", "hmm", "hm", "idk", "tbh", "smh", "lmk", "nvm", "brb", "btw",
                        "fyi", "ps", "imo", "imho", "wtf", "omg", "lol", "np", "ty", "tyvm", "grr", "sry", "srsly",
                        "ppl", "cc", "bcc", "nb", "rsvp", "mfg", "lg", "vg", "cdt", "bst", "xoxo", "xx", "xxx"))


@functools.lru_cache(maxsize=4096)
def own_words_label(expr: str, labels: tuple[str, ...]) -> str | None:
    """The one label `expr` names in the member's own words (see the module doc), else None
    (remembered per expression and ballot: answers repeat)."""
    if not expr or len(expr) > 80 or expr.count(" ") > 8:
        return None
    index = _own_words_index(expr.strip(" .!"), labels)
    if index is not None and (literal := _literally_in(expr.strip(" .!"), labels)) and index not in literal:
        return None  # "Vienne" of ['Vienna', 'Vienne (Isère)']: the label that writes it, or asked back
    return None if index is None else labels[index]


def _literally_in(expr: str, labels: tuple[str, ...]) -> set[int]:
    """The labels that hold each of `expr`'s words as written, untranslated (mendv: a label that
    writes the member's word wins over one its translation names)."""
    mine = set(re.findall(r"[\w']+", fold(expr))) - SMALL_WORDS
    return {i for i, label in enumerate(labels) if mine and mine <= set(re.findall(r"[\w']+", fold(label)))}


def _own_words_index(expr: str, labels: tuple[str, ...]) -> int | None:
    words, parts, unique = _profile(labels)
    if _STATUS_QUO.match(expr):
        return _distinct({i for i, label in enumerate(labels) if _KEEP_LABEL.match(label)}, words)
    if _NONE_OF_THEM.match(expr):  # only the option that is itself "None of the above"
        return _distinct({i for i, label in enumerate(labels) if _NONE_OF_THEM.match(label)
                          or label in ("none", "neither", "aucun", "aucune")}, words)
    if _SKIP.match(expr):
        return _distinct({i for i, label in enumerate(labels) if _NONE_LABEL.match(label)
                          and not _KEEP_LABEL.match(label) and not _NO_CHANGE_LABEL.search(label)}, words)
    mine = _words(expr)
    no_label = any(ws[:1] == ("no",) for ws in words)  # "no retreat" names "No retreat this year"
    if not mine or len(mine) > 8 or any(w in _NEGATORS and not (w == "no" and no_label) for w in mine):
        return None
    key = " ".join(mine)
    if key in parts:
        return parts[key]
    for part, index in parts.items():  # "la salle de la rue Haute": a place noun, then the part
        if key.endswith(" " + part) and all(w in SMALL_WORDS or w in _PLACE_NOUNS for w in mine[:-len(part.split())]):
            return index
    content = [w for w in mine if w not in SMALL_WORDS]
    if not content:
        return None
    if any(w in TRANSLATIONS.values() for w in (" ".join(content), *content)):
        # a label written in the member's language ("Kinderbetreuung", "図書館" of "Public libraries"):
        # its words, singular or plural, are the whole label or the label's head noun
        exact = {i for i, ws in enumerate(words) if [_singular(w) for w in ws] == [_singular(w) for w in content]}
        if exact:
            return _distinct(exact, words)
        content = [next((l for ws in words for l in ws if _singular(l) == _singular(w)), w) for w in content]
        # the words a label starts with, as an English answer names it by them ("Jugend" of "Youth
        # mentoring", as "youth" is): batch 11
        starts = {i for i, ws in enumerate(words) if len(ws) > len(content) and list(ws[:len(content)]) == content}
        if starts:
            return _distinct(starts, words)
    if not all(any(w in ws for ws in words) for w in content):
        by_paraphrase = _paraphrased(mine, content, words, unique)
        if by_paraphrase is not None:
            return by_paraphrase
        if len(mine) == 1 and 3 <= len(mine[0]) <= 5 and mine[0].isalpha() and mine[0] not in _SHORTHAND:
            return _abbreviation(mine[0], words)
        return None
    if len(content) >= 2:
        return _distinct({i for i, ws in enumerate(words) if set(content) <= set(ws)}, words)
    word = content[0]
    # one word of one label after "the" ("the hall"; "Hall" or "Queen" alone may be anything)
    if word in unique and len(word) >= 4 and mine[0] in _DEFINITE:
        return unique[word]
    # the noun the label is about, alone ("Handbook" of "Volunteer handbook, draft 3"; not a place's
    # generic "hall" or "centre", not a word of its other parts: "draft")
    if len(mine) == 1 and word in unique and len(word) >= 4 and word not in _PLACE_NOUNS and _head_nouns(labels).get(word) == unique[word]:
        return unique[word]
    # batch 14: a long word of one label only, alone: the activity the option is ("mentoring" of "Youth
    # mentoring programme"); not a place's generic noun nor a short word that may be anything ("Queen")
    if len(mine) == 1 and word in unique and len(word) >= _ALONE_MIN and word.isalpha() and word not in _PLACE_NOUNS:
        return unique[word]
    return None


_ALONE_MIN = 7
# the words that open the member's own description after the option's word ("mentoring for young
# people", "mentoring the young ones"): a preposition or an article, never a verb ("mentoring is
# pointless") or a negation
_PARAPHRASE_LINKS = frozenset(("for", "of", "the", "with", "pour", "des", "de", "du", "fur", "der", "die", "para",
                               "per", "voor", "van", "por"))


def _paraphrased(mine: list[str], content: list[str], words, unique: dict[str, int]) -> int | None:
    """The one label whose long word opens the answer and whose description the rest is, in the
    member's own words ("Mentoring for young people", "Mentoring the young ones" of "Youth mentoring
    programme"): one word of one label only, of `_ALONE_MIN` letters or more, then a preposition or an
    article and at most four words of no label (batch 14)."""
    if len(mine) < 3 or len(mine) > 6 or mine[1] not in _PARAPHRASE_LINKS:
        return None
    word = mine[0]
    rest = [w for w in content if w != word]
    if (word not in unique or len(word) < _ALONE_MIN or not word.isalpha() or word in _PLACE_NOUNS
            or any(any(w in ws for ws in words) for w in rest) or any(w in _NEGATORS for w in mine)):
        return None
    # the description must agree with the label's other words ("young" of "Youth"): "Mentoring for
    # kids", "Mentoring for adults instead", "Mentoring of volunteers" name another thing (review of b14v)
    own = [w for w in words[unique[word]] if w != word]
    if not all(w in _GENERIC_NOUNS or any(w[:3] == o[:3] for o in own) for w in rest):
        return None
    return unique[word]


# nouns that add nothing to a description in the member's own words ("young people", "the young ones")
_GENERIC_NOUNS = frozenset(("people", "ones", "folks", "persons", "gens", "personnes", "leute", "menschen", "personas",
                            "gente", "persone", "mensen"))


@functools.lru_cache(maxsize=256)
def _head_nouns(labels: tuple[str, ...]) -> dict[str, int]:
    """The last word of each label's first part, when that part has two words or more → the label's
    position (the first position among a label and its folded twin, as `_profile` counts them)."""
    words, _, unique = _profile(labels)
    heads = {}
    for i, label in enumerate(labels):
        first = _words(re.split(r"\s*[,;(]\s*", fold(label))[0])
        if len(first) >= 2 and first[-1] in unique:
            heads.setdefault(first[-1], unique[first[-1]])
    return heads


def _abbreviation(word: str, words: tuple[tuple[str, ...], ...]) -> int | None:
    """The one label of one word (a city, a place) that starts with `word` (and is longer), or,
    for a word of consonants only ("mtl"), whose letters hold it in order from the first."""
    found = {i for i, ws in enumerate(words) if len(ws) == 1 and len(ws[0]) > len(word) and ws[0].startswith(word)}
    if not found and not (set(word) & _VOWELS):
        found = {i for i, ws in enumerate(words) if len(ws) == 1 and ws[0][:1] == word[0] and _in_order(word, ws[0])}
    return _distinct(found, words) if found else None


def _in_order(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)
