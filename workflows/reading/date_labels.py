"""An option that is a date, named by any of its parts, in the member's language. Pure functions.

A ballot's options are often dates: "Saturday 14 March, 10:00", "Tuesday 17 March, 18:30".
Members answer with some part of one, in any order and in their own language: the weekday
("Sonntag", "Воскресенье", "日曜日", "周二", "Sat"), the day of the month ("the 17th", "14 March",
"Samstag, 14. März"), the time written another way ("the 10am one", "18:30 on Tuesday", "18h30")
or the part of the day its time falls in ("Saturday morning", "mardi soir": before noon is the
morning, from 17:00 the evening). `date_label(expr, labels)` reads a whole short answer made only
of such parts (and small words: "on", "the", "at", "um", "le" …) as the one label whose parts
hold them all; a bare number is never a day (it is an option's number), and an answer that fits
two labels, or none, is no reading. A decimal number ("12.5") is a date written day.month only when
the ballot's options make that the only reading: none is the month.day date ("5.12" is 12 May in
China and Japan), so "12.5" with 12 May and 5 December both options is asked back (so is "12.5.":
the answer comes here without its closing punctuation); "18.30" stays a time.
"""
from __future__ import annotations

import functools
import re

from workflows.reading.calendar_words import DATE_FILLERS, DAY_PARTS, MIDDAY, MONTHS, WEEKDAYS

_WORD = {w: ("day", d) for d, words in WEEKDAYS.items() for w in words}
_WORD.update({w: ("month", m) for m, words in MONTHS.items() for w in words})
_WORD.update({w: ("part", p) for p, words in DAY_PARTS.items() for w in words})
_WORD.update({w: ("midday", True) for w in MIDDAY})
# "thứ hai", "chủ nhật", and the Persian weekdays written with a zero-width non-joiner ("سه‌شنبه",
# Tuesday, is not "شنبه", Saturday)
_MULTI = sorted((w for w in _WORD if " " in w or "\u200c" in w), key=len, reverse=True)
_TIME = re.compile(r"^(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h|uhr)?$")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|e|re|ème|eme|º|ª|\.|日)?$")
_TOKEN = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)|\d{1,2}\.\d(?![\d.])|\d{1,2}月\d{1,2}日?|\d{1,2}(?:[:h.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)|\d{1,2}[:h.]\d{2}|\d{1,2}\s?(?:h|uhr)(?!\w)|[^\W\d_][\w'\u0900-\u0dff-]*|\d{1,2}(?:st|nd|rd|th|er"
                    r"|ème|eme|e|re|º|ª|\.|日)?|[月日曜星期周週礼拜天午前後上下晚夜]+")


# the words before a bare number that make it a day of the month ("le 25", "the 12th", "den 25.",
# "dia 12") or an hour ("at 8", "a las 8", "um 8"): a bare number alone stays an option's number
_DAY_ARTICLES = frozenset(("le", "the", "den", "dem", "am", "el", "il", "dia", "day", "der", "o", "de"))
_AT = frozenset(("at", "las", "alle", "às", "as", "om", "um", "à", "kl", "klo", "around", "vers", "gegen", "hacia"))
# a day and month written with a slash, read both ways ("12/5" is 12 May in Britain, "5/12" May 12
# in America): `date_label` keeps the reading that fits one label
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?(?![\d/])")
_KOREAN_DATE = re.compile(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일")


def _part_of(minutes: int) -> str:
    return "morning" if minutes < 12 * 60 else "afternoon" if minutes < 17 * 60 else "evening"


# the one-kanji weekday a Japanese date carries in brackets ("6月7日（日）", NFKC-normalised to "(日)")
_KANJI_WEEKDAY = re.compile(r"\(([月火水木金土日])\)")


def _features(text: str, answer: bool) -> frozenset | None:
    """The date parts of `text` as a set of (kind, value); None when a word of it is no date part
    and no small word. In an answer, a day of the month needs its ordinal mark or another part
    beside it."""
    found: set = set()
    text = _KANJI_WEEKDAY.sub(lambda m: f" {m.group(1)}曜日 ", text)
    text = _KOREAN_DATE.sub(lambda m: f" {m.group(1)}月{m.group(2)}日 ", text)  # "5월 12일"
    for multi in _MULTI:
        if multi in text:
            found.add(_WORD[multi])
            text = text.replace(multi, " ")
    bare_numbers = []
    previous = ""
    for token in _TOKEN.findall(text.replace(",", " ")):
        before, previous = previous, token
        if token in _WORD:
            found.add(_WORD[token])
            continue
        dotted = re.fullmatch(r"(\d{1,2})\.(\d)|(\d{1,2})\.(\d{1,2})\.\d*", token)  # "3.7", "19.06.2027"
        if dotted:  # day, then month ("18.30" is a time, read below)
            mday, month = int(dotted.group(1) or dotted.group(3)), int(dotted.group(2) or dotted.group(4))
            if 1 <= mday <= 31 and 1 <= month <= 12:
                found |= {("mday", mday), ("month", month)}
                continue
        cjk = re.fullmatch(r"(\d{1,2})月(\d{1,2})日?|(\d{1,2})日", token)
        if cjk:
            found |= {("month", int(cjk.group(1))), ("mday", int(cjk.group(2)))} if cjk.group(1) else {("mday", int(cjk.group(3)))}
            continue
        time = _TIME.match(token)
        if time and (time.group(2) or time.group(3) in ("am", "pm", "a.m.", "p.m.", "h", "uhr")):  # "20h", "20 Uhr"
            hour = int(time.group(1)) % 12 + (12 if time.group(3) in ("pm", "p.m.") else 0) \
                if time.group(3) in ("am", "pm", "a.m.", "p.m.") else int(time.group(1))
            minutes = hour * 60 + int(time.group(2) or 0)
            found |= {("time", minutes), ("part", _part_of(minutes))}
            if 11 * 60 + 30 <= minutes <= 14 * 60:
                found.add(("midday", True))
            if minutes % 60 == 0:
                found.add(("hour", (minutes // 60) % 12 or 12))  # "at 8" names 8:00 or 20:00
            continue
        day = _DAY.match(token)
        if answer and token == (day.group(1) if day else None) and before in _AT and 1 <= int(token) <= 12:
            found.add(("hour", int(token)))  # "a las 8": the hour, morning or evening
            continue
        if day and 1 <= int(day.group(1)) <= 31:
            if token == day.group(1) and not (answer and before in _DAY_ARTICLES):
                bare_numbers.append(int(day.group(1)))
            else:
                found.add(("mday", int(day.group(1))))
            continue
        if token in DATE_FILLERS or token.strip("'") in DATE_FILLERS:
            continue
        return None
    if bare_numbers and (found or not answer):
        found |= {("mday", n) for n in bare_numbers}
    elif bare_numbers:
        return None  # "2" alone is an option's number, never a day
    return frozenset(found) if found else None


@functools.lru_cache(maxsize=1024)
def _label_features(labels: tuple[str, ...]) -> tuple[tuple[str, frozenset], ...]:
    """Each label that is a date, with its parts (a time also gives its part of the day)."""
    out = []
    for label in labels:
        features = _features(label, answer=False)
        if features and any(kind in ("day", "mday") for kind, _ in features):
            out.append((label, features))
    if not out:  # a ballot of clock times ("7:30 AM", "12:15 PM", "8:00 PM"): each named by its time
        out = [(label, features) for label in labels
               if (features := _features(label, answer=False)) and any(kind == "time" for kind, _ in features)]
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def date_label(expr: str, labels: tuple[str, ...]) -> str | None:
    """The one date label whose parts hold every part of the (cleaned) answer `expr`, else None."""
    dated = _label_features(labels)
    if len(expr) > 60 or len(dated) < 2:
        return None
    slashed = _SLASHED.search(expr)
    if slashed:  # both readings of "12/5"; the one that names one label (never both)
        a, b = slashed.group(1), slashed.group(2)
        read = {date_label(expr[:slashed.start()] + f" {day}.{month}. " + expr[slashed.end():], labels)
                for day, month in ((a, b), (b, a))} - {None}
        return read.pop() if len(read) == 1 else None
    wanted = _features(expr, answer=True)
    if not wanted:
        return None
    found = {label for label, features in dated if wanted <= features}
    if len(found) != 1:
        return None
    swapped = _month_first(expr, wanted)
    if swapped is not None and any(swapped <= features for _, features in dated):
        return None  # "12.5" with 12 May and 5 December both options: asked back
    return found.pop()


# a decimal number ("12.5", "3.7"; not "18.30", a time): day.month as Europe writes it, or
# month.day as China and Japan do ("5.12")
_DECIMAL = re.compile(r"(?<![\d.])(\d{1,2})\.(\d)(?![\d.])")


def _month_first(expr: str, wanted: frozenset) -> frozenset | None:
    """The answer's parts with its one decimal number read month.day instead of day.month, when
    that reading is a date ("12.5" → 5 December), else None."""
    decimals = _DECIMAL.findall(expr)
    if len(decimals) != 1:
        return None
    day, month = int(decimals[0][0]), int(decimals[0][1])
    if not (1 <= day <= 12 and 1 <= month <= 31) or day == month:
        return None
    return (wanted - {("mday", day), ("month", month)}) | {("mday", month), ("month", day)}
