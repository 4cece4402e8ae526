"""Text without its accents: the one folding every reader compares words in. Pure functions."""
from __future__ import annotations

import unicodedata

# letters that carry no combining mark to drop but are read as their bare letter
_BARE_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "ħ": "h"})


def fold(text: str) -> str:
    """The text without accents, case and spacing as written ("Montréal" → "Montreal", "léa" →
    "lea", "đồng ý" → "dong y", "Łódź" → "Lodz"); compatibility forms are decomposed too ("ﬁ" →
    "fi"). An ASCII text is returned as it is: it has nothing to fold."""
    if text.isascii():  # NFKD leaves ASCII as it is and no ASCII character combines or is listed
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).translate(_BARE_LETTERS)
