"""An option written in katakana, the way Japanese writes foreign names ("オタワがいいです" for
Ottawa, "トロント" for Toronto, "モントリオール" for Montréal). Pure functions.

Written by hand (no library on the machine transliterates katakana to Latin letters): the kana are
read as Latin sounds, and a label is the one whose consonants, in order, are the kana's (a double
letter counts once, "l" is "r", "v" is "b", "c" and "q" are "k", "th" is "s", an "r" closing a
syllable is silent as in "Vancouver" → バンクーバー) and which starts with the same letter ("タワー",
tower, is not Ottawa). The answer is the name alone or with the polite words of a choice ("が
いいです", "にします", "でお願いします", "を希望します"); a name that fits two labels, or none, or has
fewer than two consonants, is no reading.
"""
from __future__ import annotations

import functools
import re

from workflows.reading.accents import fold

_ROWS = {  # each kana → its sound in Latin letters
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go", "サ": "sa", "シ": "si", "ス": "su", "セ": "se",
    "ソ": "so", "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo", "タ": "ta", "チ": "ti", "ツ": "tu",
    "テ": "te", "ト": "to", "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do", "ナ": "na", "ニ": "ni",
    "ヌ": "nu", "ネ": "ne", "ノ": "no", "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho", "バ": "ba",
    "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ラ": "ra",
    "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro", "ワ": "wa", "ヲ": "o", "ン": "n", "ヴ": "bu",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu", "ョ": "yo", "ッ": "", "ー": "",
}
_KATAKANA_NAME = re.compile(r"^([\u30a0-\u30ff・]{2,20})(?:が(?:いい|良い)|に(?:します|したい|投票(?:します)?)?"
                            r"|で(?:お願い(?:いた)?します)?|を(?:選びます|希望(?:します)?)?|希望)?(?:です)?[。.!！]?$")
_VOWELS = re.compile(r"[aeiouy]+")


def _consonants(sounds: str) -> str:
    """The consonants of a word in Latin letters, each run of one letter once ("ottawa" → "tw")."""
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", sounds))


@functools.lru_cache(maxsize=1024)
def _label_sounds(label: str) -> str:
    """A label's word as Japanese hears it: "th" → "s", "ph" → "f", "l" → "r", "v" → "b", "c"/"q"
    → "k", "x" → "ks", a silent "gh", and an "r" closing a syllable dropped ("vancouver" →
    "vancouve")."""
    word = re.sub(r"(?<=[aeiou])r(?![aeiouy])", "", re.sub(r"[^a-z]", "", fold(label).casefold()))
    for written, heard in (("th", "s"), ("ph", "f"), ("gh", ""), ("ck", "k"), ("sh", "s"), ("ch", "t"),
                           ("l", "r"), ("v", "b"), ("c", "k"), ("q", "k"), ("x", "ks"), ("w", "w")):
        word = word.replace(written, heard)
    return word


@functools.lru_cache(maxsize=1024)
def katakana_label(expr: str, labels: tuple[str, ...]) -> str | None:
    """The one label `expr` (a cleaned answer) writes in katakana, else None (see the module doc)."""
    m = _KATAKANA_NAME.match(expr.strip())
    if not m:
        return None
    sounds = "".join(_ROWS.get(kana, "?") for kana in m.group(1).replace("・", ""))
    if "?" in sounds or len(_consonants(sounds)) < 2:
        return None
    wanted = _consonants(sounds)
    found = {label for label in labels if (label.isascii() or fold(label).isascii())
             and (heard := _label_sounds(label))[:1] == sounds[:1] and _consonants(heard) == wanted}
    kinds = {fold(label).casefold() for label in found}
    return found.pop() if len(kinds) == 1 else None
