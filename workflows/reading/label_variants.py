"""Two ways a member names an option other than by its own words. Pure functions.

`pronoun_label`: an option's first word (its verb) followed by a pronoun standing for the rest
of it ("Keep it as is" of "Keep the current fee", "Raise it to 40" of "Raise the fee to $40").
`pronoun_mentions` finds such a verb and pronoun anywhere in a line, so that "Keep it as is, or
raise it") names two options and is asked back. `attendance_forms`: the words for taking part
online, in person or both ("en présentiel" of "In person"); `spelling_variants`: British endings the
American way and back ("Neighbor" of "Neighbour"). `unpunctuated_labels`: the labels written with periods or apostrophes, without them ("St
Andrews" of "St. Andrew's church hall"). `day_part_forms`: an expression with its
weekdays and parts of the day in English ("Saturday AM" for "Saturday morning",
"samedi matin" for "Saturday morning"); PM stands for the afternoon and the evening alike, so
"Sunday PM" is read only when one option fits it.
"""
from __future__ import annotations

import functools
import itertools
import os
import re

from workflows.reading.accents import fold
from workflows.reading.answer_words import WORD_TO_KEY as _YES_NO_WORDS
from workflows.reading.calendar_words import DATE_FILLERS, DAY_PARTS, WEEKDAYS
from workflows.reading.label_translations import TRANSLATIONS

_PRONOUN = r"(?:it|that|this|them|these|those)"
_OPENING = re.compile(r"^([^\W\d_][\w']*)\s+" + _PRONOUN + r"(?![\w'])\s*(.*)$")
# what a member writes after "keep it" for "as the option says"
_AS_IS = re.compile(r"^(?:as (?:it |they )?(?:is|are)|as it stands|the same|unchanged|as before|where it is)$")


_PUNCTUATION = re.compile(r"[.'’]")


@functools.lru_cache(maxsize=256)
def unpunctuated_labels(labels: tuple[tuple[str, int], ...]) -> dict[str, int]:
    """The labels written with periods or apostrophes, without them → their option."""
    return {_PUNCTUATION.sub("", label): index for label, index in labels if _PUNCTUATION.search(label)}




def without_punctuation(text: str) -> str:
    """The text without its periods and apostrophes ("st. andrew's" → "st andrews")."""
    return _PUNCTUATION.sub("", text)


def _words(text: str) -> list[str]:
    return [w.lstrip("$€£") for w in re.findall(r"[$€£]?[\w']+%?", text)]


def _by_first_word(word: str, labels: tuple[str, ...]) -> str | None:
    """The one label of two words or more that begins with `word`, or None."""
    if word in _YES_NO_WORDS:
        return None
    found = [label for label in labels if len(_words(label)) > 1 and _words(label)[0] == word]
    return found[0] if len({label.casefold() for label in found}) == 1 and len(found) == 1 else None


def pronoun_label(expr: str, labels: tuple[str, ...]) -> str | None:
    """The label `expr` names by its first word and a pronoun ("keep it as is", "raise it to
    40", "keep it"): the first word begins exactly one label of two words or more and is no
    YES/NO word; after the pronoun comes nothing, an "as is" phrase, or words of that label in
    the same order (a figure without its currency sign). None otherwise ("keep it short",
    "raise it to 50")."""
    m = _OPENING.match(expr.strip(" .!"))
    if not m:
        return None
    label = _by_first_word(m.group(1), labels)
    if label is None:
        return None
    rest = m.group(2).strip(" .!")
    if not rest or _AS_IS.match(rest):
        return label
    words = _words(rest)
    have = iter(_words(label)[1:])
    if words and " ".join(words) == re.sub(r"[$€£]", "", rest) and all(w in have for w in words):
        return label
    return None


def pronoun_mentions(line: str, labels: tuple[str, ...]) -> set[str]:
    """The labels a line names by their first word and a pronoun anywhere in it ("… or raise it")."""
    found = set()
    for m in re.finditer(r"(?<![\w'])([^\W\d_][\w']*)\s+" + _PRONOUN + r"(?![\w'])", line):
        label = _by_first_word(m.group(1), labels)
        if label is not None:
            found.add(label)
    return found


# each word → the English words it may stand for: PM (and Spanish "tarde") is afternoon or evening,
# "am" the morning (`calendar_words` leaves it out: German "am Sonntag")
_CANON: dict[str, tuple[str, ...]] = {word: (english,) for english, words in (*DAY_PARTS.items(), *WEEKDAYS.items())
                                      for word in words if " " not in word}
_CANON.update({"am": ("morning",), "pm": ("afternoon", "evening"), "tarde": ("afternoon", "evening")})
_AM_PM = re.compile(r"(?<![\w.])([ap])\.\s?m\.?(?!\w)")
# "Samstagvormittag", "zondagmiddag": a weekday and a part of the day written as one word
_COMPOUND = re.compile(r"^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|maandag|dinsdag|woensdag"
                       r"|donderdag|vrijdag|zaterdag|zondag)(vormittag|nachmittag|abend|morgen|ochtend|middag|avond)s?$")
_COMPOUND_PART = {"vormittag": "vormittag", "nachmittag": "nachmittag", "abend": "abend", "morgen": "morning",
                  "ochtend": "ochtend", "middag": "afternoon", "avond": "avond"}
# the week's working days said another way ("weeknights", "en semaine", "unter der Woche")
_WEEKDAY_PHRASES = re.compile(r"\b(?:weeknights?|week nights?)\b|\b(?:during the week|on weekdays|week ?days"
                              r"|en semaine|unter der woche|wochentags|entre semana|durante la semana|in de week"
                              r"|doordeweeks|w tygodniu|в будни)\b")



def day_part_forms(text: str) -> set[str]:
    """`text` (cleaned) with each weekday and part of the day in English ("saturday am" and
    "samedi matin" → {"saturday morning"}, "sunday pm" → {"sunday afternoon", "sunday
    evening"}); empty when it holds none of those words."""
    text = _WEEKDAY_PHRASES.sub(lambda m: "weekday evening" if "night" in m.group(0) else "weekday", text)
    words = []
    for word in _AM_PM.sub(r"\1m", text).strip(" .!").split():
        m = _COMPOUND.match(word)
        words += [m.group(1), _COMPOUND_PART[m.group(2)]] if m else [word]
    if len(words) > 8 or not any(w in _CANON or w == "weekday" for w in words):
        return set()
    if len(words) > 2:
        words = [w for w in words if w not in DATE_FILLERS] or words
    return {" ".join(p) for p in itertools.product(*(_CANON.get(w, (w,)) for w in words))}


# taking part from afar, in the words members use ("en ligne", "on Zoom", "virtual", "à distance")
_REMOTE = re.compile(r"^(?:(?:on|by|via|par|per|por|über|auf|in|op|na)\s+)?(?:on-?line|en ligne|en línea|en linea|in linea"
                     r"|virtual(?:ly)?|virtuel(?:le)?|virtuale|virtueel|remote(?:ly)?|à distance|a distance|a distancia"
                     r"|a distanza|à distância|a distancia|zoom|teams|jitsi|video ?call|videoconf[ée]rence|visio"
                     r"|visioconférence|videokonferenz|по видео|онлайн|zdalnie|w sieci|uzaktan|オンライン|线上|在线|線上|온라인)"
                     r"(?:\s+(?:only|seulement|uniquement|nur|solo|sólo|alleen|apenas|please|pls|svp|bitte|por favor))?$")
REMOTE_WORDS = ("online", "virtual", "remote", "zoom", "en ligne", "à distance")
_POLITE = r"(?:\s+(?:only|seulement|uniquement|nur|solo|sólo|alleen|apenas|please|pls|svp|bitte|por favor|per favore))?$"
# being there in person, in the words members use ("face to face", "en présentiel", "vor Ort", "presencial")
_IN_PERSON = re.compile(r"^(?:in[- ]person|face[- ]to[- ]face|on[- ]site|onsite|en personne|en présentiel|en presentiel"
                        r"|présentiel|presentiel|sur place|presencial(?:mente)?|en persona|de forma presencial|in presenza"
                        r"|di persona|dal vivo|pessoalmente|ao vivo|vor ort|persönlich|in präsenz|präsenz|in persoon|fysiek"
                        r"|op locatie|stacjonarnie|osobiście|na żywo|очно|вживую|対面|面对面|面對面|线下|線下|대면)" + _POLITE)
IN_PERSON_WORDS = ("in person", "in-person", "face to face", "face-to-face", "on site", "on-site")
# both at once ("hybride", "híbrido", "ibrido")
_HYBRID = re.compile(r"^(?:hybrid|hybride|híbrido|híbrida|hibrido|hibrida|ibrido|ibrida|hybrydowo|hybrydowy|hybrydowe"
                     r"|гибридный|гибридно|гибрид|ハイブリッド|混合式?|하이브리드)" + _POLITE)
HYBRID_WORDS = ("hybrid",)


def attendance_forms(text: str) -> tuple[str, ...]:
    """The words a ballot's label may use for how members take part, when the (cleaned) answer
    says only that: from afar ("En ligne", "Zoom", "virtual please"), in person ("face to face",
    "en présentiel", "vor Ort"), or both ("hybride"); else ()."""
    text = text.strip(" .!")
    for pattern, words in ((_REMOTE, REMOTE_WORDS), (_IN_PERSON, IN_PERSON_WORDS), (_HYBRID, HYBRID_WORDS)):
        if pattern.match(text):
            return words
    return ()


# British spellings written the American way and back ("neighbour" / "neighbor", "centre" / "center")
_BRITISH = re.compile(r"(?<=\w{3})(our|tre|amme)(?=s?(?!\w))")  # "programme" / "program" (batch 10)
_AMERICAN = re.compile(r"(?<=\w{3})(or|ter|(?<=gr)am)(?=s?(?!\w))")
_TO_US = {"our": "or", "tre": "ter", "amme": "am"}
_TO_UK = {"or": "our", "ter": "tre", "am": "amme"}


def us_spelling(text: str) -> str:
    """The (cleaned) text with its British endings spelt the American way ("neighbour to
    neighbour" → "neighbor to neighbor", "community centre" → "community center")."""
    return _BRITISH.sub(lambda m: _TO_US[m.group(1)], text)


def spelling_variants(text: str) -> tuple[str, ...]:
    """The (cleaned) text spelt the other side of the Atlantic, both ways ("neighbor" →
    "neighbour", "centre" → "center"): the forms that differ from it."""
    uk = _AMERICAN.sub(lambda m: _TO_UK[m.group(1)], text)
    return tuple(form for form in dict.fromkeys((us_spelling(text), uk)) if form != text)


# "none" as members write it before a noun, in their languages ("sin honorarios", "pas d'honoraires", "kein Zuschuss")
_NONE_OF = re.compile(r"^(?:no|without|sin|sans|pas de|pas d'|aucun|aucune|kein|keine|keinen|ohne|sem|senza|nessun|nessuna"
                      r"|nessuno|geen|zonder|bez|без|ni un|ningún|ninguna|nenhum|nenhuma|sem nenhuma|sem nenhum)\s*([^\W\d_][\w'-]*)$")
_NO_LABEL = re.compile(r"^(?:no|none|without)\s+([^\W\d_][\w'-]*)$")


def _cognate(a: str, b: str) -> bool:
    """True when two words are the same word in two languages by their first letters
    ("honorarios", "honoraires" of "honorarium"): five letters or more in common from the start."""
    a, b = fold(a), fold(b)
    common = len(os.path.commonprefix((a, b)))
    return common >= 5 or common >= 4 and common == min(len(a), len(b))


@functools.lru_cache(maxsize=1024)
def negated_label(expr: str, labels: tuple[str, ...]) -> str | None:
    """The one label of the form "No <word>" that a (cleaned) answer "none of <word>" names in
    another language's words ("sin honorarios", "pas d'honoraires" of "No honorarium"), the noun
    the same word by its first letters or by `label_translations` ("pas de cotisation" of "No fee");
    None otherwise."""
    m = _NONE_OF.match(expr.strip(" .!"))
    if not m:
        return None
    found = [label for label in labels if (n := _NO_LABEL.match(label))
             and (_cognate(m.group(1), n.group(1)) or TRANSLATIONS.get(fold(m.group(1))) == n.group(1))]  # "pas de cotisation"
    return found[0] if len({us_spelling(fold(label)) for label in found}) == 1 else None
