"""What a reader's language changes besides a template's own words: the word naming each kind of
item in a reference ("Poll 1" is "Sondage 1" in French), numbers and percentages (Babel: "66,7 %"
in French, "66.7%" in English), and the sentences Convenor writes about a coordinator's lines
that it could not read (written in English where they are found, said in the reader's language
here, from the catalogue in `workflows/routing/sentences_fr.py`)."""
from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from workflows.routing import sentences_fr

# The word of each kind of item in a reference, by language (English is the stored form).
ITEM_WORDS = {"fr": {"draft": "Brouillon", "vote": "Scrutin", "poll": "Sondage", "meeting": "Réunion",
                     "action": "Action", "decision": "Décision", "announcement": "Annonce"}}
CATALOGUES = {"fr": sentences_fr.SENTENCES}


def item_ref(ref: str, lang: str) -> str:
    """An item's reference in the reader's language: "Poll 1" → "Sondage 1" in French."""
    word, _, number = (ref or "").rpartition(" ")
    translated = ITEM_WORDS.get(lang, {}).get(word.lower())
    return f"{translated} {number}" if translated and number.isdigit() else ref


def number(value, lang: str) -> str:
    """A count or a quantity written as the reader's language writes numbers ("1 234" in French)."""
    return format_decimal(value, locale=lang)


def percent(value: float, lang: str) -> str:
    """A percentage (66.666… meaning 66.7 %) rounded to one decimal, as the reader's language
    writes it, the sign included: "66,7 %" (with a no-break space) in French, "66.7%" in English."""
    return format_percent(Decimal(str(round(float(value), 1))) / 100, locale=lang, decimal_quantization=False)


def sentence(text: str, lang: str) -> str:
    """A sentence Convenor wrote in English about what it could not read, in the reader's language;
    a part it holds (a line's problem after "line 3: ") is said in that language too. A sentence the
    catalogue lacks stays as written."""
    for pattern, translation in _compiled(lang):
        found = pattern.fullmatch(text or "")
        if found:
            return translation.format(**{k: sentence(v, lang) for k, v in found.groupdict().items()})
    return _english_date(text, lang) or text


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})")


def _english_date(text: str, lang: str) -> str | None:
    """A date a sentence names in English ("3 April 2027", "March 4, 2027") as the reader's
    language writes it ("3 avril 2027"); None when `text` is no such date or the reader is English."""
    if lang == "en":
        return None
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        found = pattern.fullmatch(text or "")
        if found and found["month"] in _MONTHS:
            try:
                day = date(int(found["year"]), _MONTHS.index(found["month"]) + 1, int(found["day"]))
            except ValueError:
                return None
            return format_date(day, format="long", locale=lang)
    return None


@functools.lru_cache(maxsize=None)
def _compiled(lang: str) -> list[tuple[re.Pattern, str]]:
    """The catalogue of `lang` as patterns: "{name}" in an English sentence matches any text."""
    out = []
    for english, translation in CATALOGUES.get(lang, {}).items():
        parts = re.split(r"\{(\w+)\}", english)
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
        out.append((re.compile(regex, re.DOTALL), translation))
    # the most specific first: the longest fixed text
    return sorted(out, key=lambda pair: -len(re.sub(r"\(\?P<\w+>\.\+\?\)", "", pair[0].pattern)))
