"""accents.fold returns ASCII text as it is: the same as the full folding, which it skips."""
import unicodedata

from workflows.reading.accents import _BARE_LETTERS, fold


def _full_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).translate(_BARE_LETTERS)


def test_every_ascii_character_folds_as_the_full_folding_does():
    every = "".join(chr(i) for i in range(128))
    assert fold(every) == _full_fold(every) == every


def test_text_with_accents_still_folds():
    assert fold("Montréal, Łódź, đồng ý, ﬁn") == "Montreal, Lodz, dong y, fin"
