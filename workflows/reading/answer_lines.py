"""The first lines of a member's answer, as the readers of votes, rankings and date polls see them.
Pure functions.

The caller passes the new text of a reply (quotes and signature already removed); to be safe
`meaningful_lines` still stops at the first quoted (`>`) line and at a "-- " signature line.
Only the first meaningful lines are read (greetings such as "Hi," or "Bonjour Marie," and blank
lines are skipped): members are asked to put their answer first, and whatever follows is comment.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from mailer.line_ends import as_lf

MAX_LINES = 3  # meaningful lines read
MAX_LINE_CHARS = 300

GREETING_WORDS = (r"hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou"
                   r"|cher|chère|chers|chères|hallo|hola|hej|hei|ciao|salve|greetings|buongiorno"
                   r"|buenos días|buenas|olá|ola|oi|guten (?:morgen|tag|abend)|liebe|lieber|moin"
                   r"|beste|geachte|estimad[oa]s?|querid[oa]s?|car[oa]|car[ie]|dzień dobry|witam"
                   r"|здравствуйте|привет|добрый день|dobrý den|merhaba|szia|kedves|γεια σας")
# a greeting alone ("Hi all", "Dear Amina,"); not one that a dash joins to the answer ("Hi all - yes from me")
# batch 19: not a word that opens a letter but says "rather" before the answer ("Lieber ja", "Lieber nicht")
_RATHER = r"(?!\s+(?:ja|nein|nicht|doch)\b)"
_GREETING = re.compile(r"^(?:" + GREETING_WORDS + r")\b" + _RATHER + r"(?:(?!\s[-–—]\s)[^.?!:,]){0,40}[,!:]?$")
_GREETING_PREFIX = re.compile(r"^(?:" + GREETING_WORDS + r")(?:\s+[\w'-]+){0,3}(?:\s*[,!]|\s+[-–—])\s*")


# a run of spaces and emoji (marked "\x00"; those that say no or refuse, "\x01"): one greedy class,
# so the search is linear in the line
_EMOJI_RUN = re.compile(r"[ \x00\x01]+")
# emoji that say no or refuse: between words they are no comma ("Yes 👎 to the fee part" is not "Yes,")
_REFUSING = frozenset("👎❌✖✗✘🚫⛔🙅🛑")


def _emoji_run(match: re.Match) -> str:
    """A comma for a run of emoji between two words, with none that refuses; else spaces."""
    run, line = match.group(), match.string
    between = (match.start() > 0 and _WORD.match(line[match.start() - 1])
               and match.end() < len(line) and _WORD.match(line[match.end()]))
    return ", " if between and "\x00" in run and "\x01" not in run else run.replace("\x00", " ").replace("\x01", " ")


_WORD = re.compile(r"\w")


def without_emoji(line: str) -> str:
    """The line without emoji and pictographs ("Yes 👍", "oui ✅"), joiners, selectors and the
    keycap's enclosing mark ("2️⃣" is "2"); the degree sign stays ("n°2"). Emoji between two words
    part them as a comma would ("Yes ❤️ finally!" → "Yes, finally!": batch 14)."""
    marked = "".join(("\x01" if c in _REFUSING else "\x00")
                     if unicodedata.category(c) in ("So", "Sk", "Cs", "Co", "Me") and c not in "°" else c
                     for c in line if c not in "\ufe0f\ufe0e\u200d")
    if "\x00" not in marked and "\x01" not in marked:
        return marked
    return _EMOJI_RUN.sub(lambda m: _emoji_run(m) if "\x00" in m.group() or "\x01" in m.group() else m.group(),
                          marked)


# the sentence punctuation of scripts NFKC leaves alone (Arabic and Persian comma, semicolon and
# question mark; the Armenian and Ethiopic full stops), written as the readers know it
_SCRIPT_PUNCTUATION = str.maketrans({"،": ",", "؛": ";", "؟": "?", "։": ".", "።": ".", "፣": ","})
# punctuation a dictating member spoke and the phone wrote out as a word ("No period I think …"):
# read as punctuation only on a line that has none of its own
_SPOKEN = re.compile(r"(?<=\w) (period|full stop|comma|exclamation (?:point|mark)|question mark)(?= |$)")
_SPOKEN_MARKS = {"period": ".", "full stop": ".", "comma": ",", "question mark": "?"}


def spoken_punctuation(cleaned: str) -> str:
    """A cleaned line with the punctuation a dictating member spoke written as marks ("no period i
    think" → "no. i think"), when the line has no punctuation of its own; else the line as is."""
    if re.search(r"[^\w\s'-]", cleaned) or not _SPOKEN.search(cleaned):
        return cleaned
    return _SPOKEN.sub(lambda m: _SPOKEN_MARKS.get(m.group(1), "!"), cleaned).replace(" .", ".").replace(
        " ,", ",").replace(" ?", "?").replace(" !", "!")


def clean(line: str) -> str:
    """Lower-case, NFKC-normalised, without emphasis markers or emoji, with straight apostrophes
    (remembered per line: answers repeat, "Yes", "YES", "Oui", and so do option labels; only
    the first MAX_LINE_CHARS characters are read, and kept)."""
    return _clean_head(line[:MAX_LINE_CHARS])


@functools.lru_cache(maxsize=4096)
def _clean_head(line: str) -> str:
    line = without_emoji(unicodedata.normalize("NFKC", line)).casefold().replace("i\u0307", "i")  # "İkinci"
    line = line.replace("’", "'").replace("`", "").replace("*", "").replace("~", "").translate(_SCRIPT_PUNCTUATION)
    line = re.sub(r"(?<!\w)_+|_+(?!\w)", "", line)
    return re.sub(r"\s+", " ", line).strip()


def meaningful_lines(text: str, limit: int = MAX_LINES) -> list[tuple[int, str, str]]:
    """(line number, line as written, cleaned line) of the first `limit` meaningful lines: not
    blank, not a greeting alone, not symbols alone; a greeting before the answer on the same
    line ("Hi Ana, yes") is taken off. Reads no further than a quoted line or a "-- " line."""
    out: list[tuple[int, str, str]] = []
    text = as_lf(text or "").replace("\ufeff", "")
    for number, raw in enumerate(text.split("\n")[:200], start=1):
        raw = raw.replace("\x00", "")
        if raw.lstrip().startswith(">") or raw.rstrip() in ("--", "-- ") or raw.strip() == "--":
            break
        cleaned = clean(raw)
        if not cleaned or _GREETING.match(cleaned) or not re.search(r"[\w+#-]", cleaned):
            continue
        out.append((number, raw.strip()[:80], _GREETING_PREFIX.sub("", spoken_punctuation(cleaned))))
        if len(out) >= limit:
            break
    return out


def last_match(lines: list[tuple[int, str, str]], pattern: re.Pattern) -> tuple[int, int, re.Match] | None:
    """(position in `lines`, line number, match) of the last match of `pattern` in the cleaned lines
    (a member's last self-correction: "sorry, I meant …"), or None."""
    last = None
    for position, (number, _, line) in enumerate(lines):
        for m in pattern.finditer(line):
            last = (position, number, m)
    return last


def text_after(lines: list[tuple[int, str, str]], found: tuple[int, int, re.Match]) -> str:
    """What follows a `last_match` match: the rest of its line, then the later lines."""
    position, _, m = found
    return "\n".join([m.string[m.end():].strip(" .,;:!-")] + [line for _, _, line in lines[position + 1:]])


_NO_COMMENT = re.compile(r"^(?:no comments?|pas de commentaires?|aucun commentaire|sans commentaire"
                         r"|nothing to add|rien à ajouter)(?:\s*[.!,]*\s*(?:thanks|thank you|"
                         r"merci(?: beaucoup)?))?$")


def is_no_comment(new_text: str) -> bool:
    """True when the first meaningful line says "NO COMMENT" / "PAS DE COMMENTAIRE".

    Promises: any case, emphasis and surrounding punctuation are accepted ("No comment.",
    "**PAS DE COMMENTAIRE**", "no comments, thanks"); "nothing to add" / "rien à ajouter" count
    too. A line that goes on to comment ("No comment on 2, but …") does not. Never raises.
    """
    lines = meaningful_lines(new_text)
    if not lines:
        return False
    line = lines[0][2].strip(" .!,;:-")
    return bool(_NO_COMMENT.match(line))
