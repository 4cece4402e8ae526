"""A candidate named by a part of their name, and a name that opens or signs a letter. Pure functions.

On a ballot whose options are people ("Aisha Bello", "Tomás Ruiz", "Mei Chen"), members name one
by a first name or a surname alone ("Mei", "Chen", "Tomas"), after a small word ("voto na
Aisha"). The same name alone can open a letter ("Léa,") or sign it under the text ("Tomás"): those
are the addressee and the writer, never a vote (`is_salutation`; the signature is told apart by
`choices`, which reads names only on the answer's first line).
"""
from __future__ import annotations

import re

from workflows.reading.accents import fold
from workflows.reading.answer_lines import clean
from workflows.reading.answer_words import ANSWER_TO_KEY, WORD_TO_KEY

_PERSON = re.compile(r"[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*){1,2}")
# the small word before a name ("voto na Aisha", "for Mei", "pour Léa", "für Tomás"); never Portuguese
# "no" (in the): "No Tomás" says no to him
# batch 21: and a title before the name ("Ms Fernández", "for Dr Sharma", "Frau Berg", "Sra. Ruiz", "pani Nowak")
# (review21: never French "M." alone, a letter that is as often an initial: "M. Silva" is not Ana Silva)
_TITLE = (r"(?:(?:mr|mrs|ms|mx|miss|dr|prof|mme|mlle|herr|frau|sr|sra|srta|señor|señora|sig|sig\.ra"
          r"|signora|signor|dhr|mevr|pan|pani|bay|bayan|bu|pak|ibu|bapak)\.?\s+)?")
_BEFORE_NAME = re.compile(r"^(?:(?:na|em|pela|pelo|for|pour|für|per|por|a|à|the|la|le|el|il|o|de|di|voor|za|на)\s+)?" + _TITLE)
_TITLED = re.compile(r"^" + _TITLE)


def name_label(item: str, options: list[str] | tuple[str, ...], people_only: bool = False) -> int | None:
    """The one option whose first or last word is the item ("Haddad" of "Samir Haddad", "Léa" or
    "Lea" of "Léa Roy", "Mei" of "Mei Chen"), else None. With `people_only`, only options written
    as a person's name count (two or three words, each capitalised: not "Sliding scale", not
    "Online only"), so that a word of another kind of label is not read as a name."""
    item = _BEFORE_NAME.sub("", item) if people_only else item
    if not re.fullmatch(r"[\w'-]{2,}", item) or (people_only and (item in WORD_TO_KEY or item in ANSWER_TO_KEY)):
        return None
    name = fold(item).casefold()
    found = {i for i, label in enumerate(options) if len(label.split()) > 1
             and (not people_only or _is_person(label))
             and name in (fold(label.split()[0]).casefold(), fold(label.split()[-1]).casefold())}
    return found.pop() if len(found) == 1 else None


_WITH_INITIAL = re.compile(r"([^\W\d_][\w'-]+)\s+([^\W\d_])\.?")


def initial_label(item: str, options: list[str] | tuple[str, ...]) -> int | None:
    """The one person option named by a first name and the initial of the surname ("Nadia H.",
    "Rosa L"), else None: the initial must be the surname's."""
    m = _WITH_INITIAL.fullmatch(item)
    index = name_label(m.group(1), options, people_only=True) if m else None
    if index is None or fold(options[index].split()[-1]).casefold()[:1] != fold(m.group(2)).casefold():
        return None
    return index if fold(options[index].split()[0]).casefold() == fold(m.group(1)).casefold() else None


def is_salutation(raw: str, options: list[str]) -> bool:
    """True when a line as written is an option's person named alone and followed by a comma, the
    way a letter opens ("Léa,", "Mei Chen,"): the addressee, not a vote or a ranking. Only a
    person is addressed: "Sliding scale," or "Ottawa," is the option itself (the first item of a
    list written one per line, "Sliding scale," / "Keep the current fee")."""
    words = raw.strip().rstrip(",")
    if not raw.strip().endswith(",") or not 0 < len(words.split()) <= 2:
        return False
    people = [o for o in options if _is_person(o)]
    named = _TITLED.sub("", clean(words))  # "Ms Fernández," opens a letter as "Lucía," does
    return bool(people) and (name_label(named, people) is not None
                             or named in {clean(o) for o in people})


# "you" in the languages of the corpus: a name then a comma then words to "you" address that person
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you've|yours|vous|votre|tu|toi|ton|ta|du|dich|dir|dein|deine|ihnen"
                            r"|usted|ti|tuo|tua|voi|você|vocês|jij|jou|jouw|ty|tobie|ciebie|ты|тебя|тебе|вы|вас|sen|seni)\b")
# … unless those words give the vote ("Mariam, you have my vote", "Léa, je vote pour toi")
_VOTE_WORDS = re.compile(r"\b(?:vote|votes|voting|voted|elect|support|pick|choose|chose|choice|back|go for|rooting"
                         r"|vote pour|voto|voter|stimme|wähle|голос\w*|za tobą|for you|pour toi|pour vous|für dich)\b")


def addresses_candidate(raw: str, options: list[str]) -> bool:
    """True when a line opens with an option's person named and a comma, then speaks to them
    ("Mariam, I hope you're feeling better!"): the member writes to the candidate, which is no vote.
    A line that gives them a vote ("Mariam, you have my vote") is read as usual."""
    name, comma, rest = raw.strip().partition(",")
    if not comma or not rest.strip() or not 0 < len(name.split()) <= 2:
        return False
    text = clean(rest)
    return (is_salutation(name + ",", options) and bool(_SECOND_PERSON.search(text))
            and not _VOTE_WORDS.search(text))


def _is_person(label: str) -> bool:
    """True when a label is written as a person's name: two or three capitalised words."""
    return bool(_PERSON.fullmatch(label)) and all(w[:1].isupper() for w in label.split())


def is_person_label(label: str) -> bool:
    """True when an option's label is written as a person's name (two or three capitalised words:
    "Marta Kowalska"; also a place named so, "St Mary's Hall", which the callers accept)."""
    return _is_person(label)
