"""An option that is an amount of money, named by its amount written any way. Pure functions.

Ballots about money list amounts: "$500", "$1,000", "$2,500". Members write an amount as they
write figures: without the sign or the separators ("1000", "2500 dollars"), with their own
language's separators and the sign after ("1 000 $", "2.500 $", "1'000 CHF"), with "k" ("1k"),
with the currency's word ("500 euros"), in English words ("seven hundred and fifty", "two
fifty"). `amount_label(expr, labels)` reads a whole answer that is one amount as the one label of
that value; "the biggest one" or "the smallest amount" names the largest or smallest. A bare
figure that could be an option's number (1 to the number of options) is left to be read as that
number. An amount paid by the period ("$100 a month" on the ballot, "$100/month", "200 $ par mois",
"月200ドル" in the reply) is its amount; of two amounts, "the higher one" names the larger.
"""
from __future__ import annotations

import functools
import re

_CURRENCY = (r"[$€£¥₹]|us\$|ca\$|c\$|cad|usd|eur|euros?|dollars?|dólares|dolares|dollari|chf|gbp|pounds?"
             r"|livres?|francs?|pesos?|reais|real|złotych|zł|pln|руб(?:лей|\.)?|р\.|kr|kronor|kroner|yen|円|元|rmb"
             # batch 8: the dollar in more languages ("750 долларов", "750美元", "1,500ドル")
             r"|доллар(?:ов|а|ы)?|долл\.?|долар(?:ів|и|а)?|美元|美金|ドル|dólar|dolar(?:ów|y|a)?|δολάρια|δολάριο"
             r"|דולר|دولار|دولارات|डॉलर|ডলার|đô la|đô|dola")
_AMOUNT = re.compile(r"^(?:(?:" + _CURRENCY + r")\s*)?(\d{1,3}(?:[,.\u00a0\u202f' ]\d{3})+|\d+)(?:[.,](\d{2}|\d(?=\s*k)))?\s*(k)?"
                     r"(?:\s*(?:" + _CURRENCY + r"))?$")


# the period an amount is paid for, after it or (Japanese, Chinese) before it: "$100 a month", "$100/month",
# "200 $ par mois", "100 dólares al mes", "月200ドル", "每月200美元" (batch 11): the amount is the same
_PERIOD = re.compile(r"\s*(?:(?:/|a|an|per|par|pro|al|por|each|every|by the|le|im|в|за|na)\s*)?"
                     r"(?:month|mo|monthly|mois|mensuel|monat|monatlich|mes|mensual|mese|mensile|mês|mensal|maand"
                     r"|miesiąc|miesięcznie|месяц|mensuels?|year|yr|yearly|annually|an|année|jahr|jährlich|año|anual"
                     r"|anno|ano|jaar|rok|год|week|weekly|semaine|woche|semana|settimana|hour|hr|heure|stunde|hora|ora)"
                     r"\.?$|^(?:月|毎月|每月|月額|매월|월)\s*")


def _value(text: str) -> tuple[float, bool] | None:
    """(value, written with a currency, "k" or separators) of a text that is one amount, else None;
    the period it is paid for ("$100 a month", "月200ドル") is no part of it."""
    text = text.strip(" .!").casefold()
    m = _AMOUNT.match(text) or _AMOUNT.match(_PERIOD.sub("", text).strip(" .!"))
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(1))
    value = float(digits) + (float("0." + m.group(2)) if m.group(2) else 0.0)
    if m.group(3):
        value *= 1000
    return value, m.group(0).strip() != m.group(1)


@functools.lru_cache(maxsize=256)
def _amounts(labels: tuple[str, ...]) -> dict[float, str]:
    """Each label that is an amount (with its currency or separators) → by value; a value two
    labels share is left out."""
    found: dict[float, str | None] = {}
    for label in labels:
        read = _value(label)
        if read is not None and read[1]:
            found[read[0]] = None if found.get(read[0], label) != label else label
    return {value: label for value, label in found.items() if label is not None}


_UNITS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n >= 2}
_SAID_CURRENCY = re.compile(r"\s+(?:dollars?|bucks|euros?)$")


def words_value(text: str) -> int | None:
    """The whole number English words say ("seven hundred and fifty", "fifteen hundred", "a
    thousand", "two grand", and "two fifty" the way prices are said: 250), else None."""
    words = [w for w in re.split(r"[\s-]+", text.strip()) if w and w != "and"]
    if not words or len(words) > 8 or not all(w in _UNITS or w in _TENS or w in ("hundred", "thousand", "a", "grand")
                                              for w in words):
        return None
    if len(words) == 2 and 1 <= _UNITS.get(words[0], 0) <= 9 and (words[1] in _TENS or 10 <= _UNITS.get(words[1], 0)):
        return _UNITS[words[0]] * 100 + _TENS.get(words[1], _UNITS.get(words[1], 0))  # "two fifty"
    total, current = 0, 0
    for i, word in enumerate(words):
        if word == "a":
            if i + 1 == len(words) or words[i + 1] not in ("hundred", "thousand", "grand"):
                return None
            current = 1
        elif word in _UNITS or word in _TENS:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
        elif word == "hundred":
            current = (current or 1) * 100
        else:  # thousand, grand
            total, current = total + (current or 1) * 1000, 0
    return total + current


# the round numbers of other languages (units, tens, hundreds), the way amounts are said ("cuarenta
# dólares", "czterdzieści dolarów", "сорок долларов", "vingt-cinq", "fünfundzwanzig") (batch 10)
_WORD_NUMBERS = {w: n for n, words in (
    (1, "uno un una um uma un une ein eins eine een jeden jedna один одна один"), (2, "dos due dois duas deux zwei twee dwa dwie два два"),
    (3, "tres tre três trois drei drie trzy три"), (4, "cuatro quattro quatro quatre vier cztery четыре чотири"),
    (5, "cinco cinque cinq fünf funf vijf pięć piec пять п'ять"), (6, "seis sei six sechs zes sześć шесть шість"),
    (7, "siete sette sete sept sieben zeven siedem семь сім"), (8, "ocho otto oito huit acht osiem восемь вісім"),
    (9, "nueve nove neuf neun negen dziewięć девять дев'ять"), (10, "diez dieci dez dix zehn tien dziesięć десять"),
    (15, "quince quindici quinze fünfzehn vijftien piętnaście пятнадцать"),
    (20, "veinte venti vinte vingt zwanzig twintig dwadzieścia двадцать двадцять"),
    (30, "treinta trenta trinta trente dreißig dreissig dertig trzydzieści тридцать тридцять"),
    (40, "cuarenta quaranta quarenta quarante vierzig veertig czterdzieści сорок"),
    (50, "cincuenta cinquanta cinquenta cinquante fünfzig funfzig vijftig pięćdziesiąt пятьдесят п'ятдесят"),
    (60, "sesenta sessanta sessenta soixante sechzig zestig sześćdziesiąt шестьдесят шістдесят"),
    (70, "setenta settanta septante siebzig zeventig siedemdziesiąt семьдесят сімдесят"),
    (80, "ochenta ottanta oitenta huitante achtzig tachtig osiemdziesiąt восемьдесят вісімдесят"),
    (90, "noventa novanta nonante neunzig negentig dziewięćdziesiąt девяносто дев'яносто"),
    (100, "cien ciento cento cem cent cents hundert honderd sto сто"),
    (200, "doscientos duecento duzentos dwieście двести двісті"), (300, "trescientos trecento trezentos trzysta триста"),
    (500, "quinientos cinquecento quinhentos pięćset пятьсот п'ятсот"),
    (1000, "mil mille tausend duizend tysiąc тысяча тисяча"))
    for w in words.split()}
_WORD_JOINERS = frozenset(("y", "e", "et", "und", "en", "i", "и", "і"))


def foreign_words_value(text: str) -> int | None:
    """The whole number the words of `_WORD_NUMBERS` add up to ("cuarenta y cinco", "vingt-cinq",
    "fünfundzwanzig", "двести пятьдесят"; a unit before a hundred multiplies it: "deux cents"),
    else None."""
    text = text.strip().replace("quatre-vingts", "huitante").replace("quatre-vingt", "huitante")  # 80 in French
    words = [w for w in re.split(r"[\s-]+|(?<=[a-zß])und(?=[a-zß])", text) if w and w not in _WORD_JOINERS]
    if not words or len(words) > 6 or not all(w in _WORD_NUMBERS for w in words):
        return None
    total = 0
    for word in words:
        value = _WORD_NUMBERS[word]
        total = total * value if value in (100, 1000) and 0 < total < value else total + value
    return total


# the largest or smallest of the amounts ("the biggest one", "the smallest amount", "le plus petit")
_SUPERLATIVE = re.compile(r"^(?:the |le |la |el |lo |il |die |der |das |o |a )?(?:(biggest|largest|highest|most|maximum|max"
                          r"|plus (?:gros|grand|élevé)e?|más alto|mayor|größte|höchste|maior|più alto|più grande"
                          r"|most expensive|priciest|dearest|plus cher|plus chère|más caro|más cara|teuerste|più caro)"
                          r"|(smallest|lowest|least|minimum|min|plus petite?|plus bas|más bajo|menor|kleinste|niedrigste"
                          r"|più basso|più piccolo|cheapest|least expensive|most affordable|moins cher|moins chère"
                          r"|más barato|más barata|günstigste|billigste|più economico|mais barato|mais barata))"
                          r"(?: one| amount| sum| figure| option| grant| montant| cantidad| betrag| valor| importo)?$")


# of two amounts, the higher or the lower (batch 11: "The higher one.")
_COMPARATIVE = re.compile(r"^(?:the |le |la |el |lo |il |die |der |das |o |a )?(?:(higher|larger|bigger|greater"
                          r"|plus élevée?|plus haut|más alto|höhere|maior|più alto)|(lower|smaller|lesser|plus bas"
                          r"|plus petite?|más bajo|niedrigere|menor|più basso))(?: one| amount| sum| figure| option)?$")


@functools.lru_cache(maxsize=4096)
def amount_label(expr: str, labels: tuple[str, ...], count: int) -> str | None:
    """The label of the amount `expr` (cleaned) writes, or the largest or smallest amount it names
    ("the biggest one"), else None; `count` is the number of options, so that "2" stays option 2."""
    amounts = _amounts(labels)
    read = _value(expr) if len(amounts) >= 2 and len(expr) <= 30 else None
    if read is None and len(amounts) >= 2 and len(expr) <= 60:
        bare = _SAID_CURRENCY.sub("", _PERIOD.sub("", expr))
        said = words_value(bare)
        if said is None:
            said = foreign_words_value(re.sub(r"\s+(?:" + _CURRENCY + r")$", "", bare))
        if said is not None and said >= 10:  # "two" stays option 2
            return amounts.get(float(said))
    if read is None:
        most = _SUPERLATIVE.match(expr) if len(amounts) >= 2 and len(expr) <= 30 else None
        if most is None and len(amounts) == 2 and len(expr) <= 30:
            most = _COMPARATIVE.match(expr)  # "the higher one" of two amounts
        return None if most is None else amounts[max(amounts) if most.group(1) else min(amounts)]
    value, marked = read
    if not marked and value.is_integer() and 1 <= value <= count:
        return None
    return amounts.get(value)
