"""Turning a text part's bytes into text when its declared charset may be wrong.

Clients and gateways mislabel bodies: UTF-8 bytes declared as Big5, ISO-8859-1 or
Windows-1252, Windows-1252 declared as UTF-8 or ISO-8859-1 (read as Windows-1252, as the WHATWG
encoding standard has every browser do), a charset Python does not know. `decode_text` trusts
the declaration only when it decodes the bytes cleanly and yields no mojibake, and
otherwise asks charset-normalizer (the detector requests uses; measured on mislabelled
UTF-8, Big5, GBK, Shift_JIS, KOI8-R and Windows-1252 bodies it named each right).
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

_C1 = re.compile(rb"[\x80-\x9f]")  # control codes in ISO-8859-1, punctuation in Windows-1252
MAX_DETECT = 64_000  # bytes shown to the detector: plenty to tell a charset, bounded in time
_COMMON = ("utf_8", "cp1252", "iso8859_15", "cp1250", "cp1251", "koi8_r", "gb18030", "big5",
           "cp932", "euc_kr", "iso8859_2", "cp1257", "cp1253", "cp1254")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


SLACK = 0.01  # candidates this close to the cleanest reading are equally clean
# ... and this close when UTF-8 (or ASCII) was declared and failed: what a Western client that
# mislabels sends is Windows-1252, though a few accents read as cleanly in ISO-8859-10 ("trčs")
UTF8_FAILED_SLACK = 0.02


def _detect(data: bytes, slack: float = SLACK) -> str | None:
    """charset-normalizer's answer; among its candidates within `slack` of the cleanest, the most
    common charset of mail (a short Western text is as clean in cp1250 as in cp1252: the latter
    is the usual)."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    clean = [m.encoding for m in matches if m.chaos <= best + slack]
    for common in _COMMON:
        if common in clean:
            return common
    return clean[0]


MOJIBAKE = 0.02  # charset-normalizer's mess ratio above which a legacy declaration is doubted

# a CJK charset writes each character in two bytes or more, and words in runs of them; accents of
# a Western text stand one or two apart ("Très bien", "Grüße"): with no run of three bytes
# above 0x7F, a CJK guess for a short text ("Tr鑣 bien" in GB18030) is the detector's slip
_MULTI_BYTE = frozenset(("gb18030", "gb2312", "gbk", "big5", "big5hkscs", "cp932", "shift_jis", "euc_jp",
                         "euc_kr", "cp949", "johab", "iso2022_jp", "hz", "utf_16", "utf_32", "cp950"))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3}")


# the detector's Western answers that a Central European text may get when UTF-8 was declared
# ("až" in ISO-8859-2 is "aŸ" in ISO-8859-15, "a¾" in Windows-1252)
_WESTERN_SINGLE_BYTE = frozenset(("cp1252", "iso8859_15", "latin_1", "iso8859_1", "iso8859_10", "iso8859_14",
                                  "iso8859_9", "cp1254", "mac_roman"))
CENTRAL_MARGIN = 0.03  # how much better Windows-1250 must read the accented lines to be taken for Windows-1252
# the bytes ISO-8859-2 reads as Czech and Slovak letters (Š Ť Ž ť) where Windows-1250 reads symbols (© « ® »)
_ISO_8859_2_LETTERS = re.compile(rb"[\xa9\xab\xae\xbb]")


def _central_european(data: bytes) -> str | None:
    """"cp1250" or "iso8859_2" when the lines holding bytes above 0x7F read differently in it and
    in Windows-1252 and clearly more as language in the former: charset-normalizer's coherence on
    those lines alone (the English quote under a Czech or Polish answer reads the same in both), or
    a letter Windows-1252 reads as a symbol right after a letter ("až" read "a¾"). "pøidejte" is
    Windows-1250's "přidejte" read as Windows-1252. ISO-8859-2 rather than Windows-1250 when no
    byte is in 0x80-0x9F (where Windows-1250 writes š, ž, ś, ť), none is 0xAB (an opening
    guillemet: "Voto «sim»" is Western) and Windows-1250 reads a symbol right after a letter where
    ISO-8859-2 reads Š, Ť, Ž or ť; None otherwise. Guillemets and ©, ® after a word are no evidence
    against Windows-1252."""
    accented = b"\n".join(line for line in data[:MAX_DETECT].split(b"\n") if _HIGH_BYTE.search(line))
    western = accented.decode("cp1252", errors="replace")
    name, central = "cp1250", accented.decode("cp1250", errors="replace")
    if not _C1.search(accented) and b"\xab" not in accented and _ISO_8859_2_LETTERS.search(accented):
        iso = accented.decode("iso8859_2", errors="replace")
        if _symbol_for_letter(accented, central, iso):  # "a»" where ISO-8859-2 reads "ať"
            name, central = "iso8859_2", iso
    if central == western:
        return None
    if _symbol_for_letter(accented, western, central, _WESTERN_AFTER_WORD):
        return name
    coherence = {m.encoding: m.coherence for m in from_bytes(accented, cp_isolation=[name, "cp1252"])}
    return name if coherence.get(name, 0.0) >= coherence.get("cp1252", 0.0) + CENTRAL_MARGIN else None


_SUPERSCRIPTS = "¹²³"  # after a letter in Western text too: "10 m³", "note¹"
# the bytes of the symbols Western text writes right after a word: guillemets ("Voto «sim»", where
# ISO-8859-2 reads "Ťsimť") and the marks "Acme®", "Foto©"; no evidence of Central European text
_WESTERN_AFTER_WORD = frozenset(b"\xab\xbb\xa9\xae")


def _symbol_for_letter(accented: bytes, western: str, central: str, ignored: frozenset = frozenset()) -> bool:
    """True when, in two single-byte readings of the same bytes, the first has a symbol right after
    an ASCII letter where the second has a letter ("a¾" / "až"): no Western word is written so (a
    UTF-8 pair among the bytes, "Ã©", follows no ASCII letter with its symbol; a superscript figure
    may: "m³"). Bytes in `ignored` are no evidence. Looks only at the bytes above 0x7F (one
    character a byte in either reading)."""
    for m in _HIGH_BYTE.finditer(accented):
        k = m.start()
        if accented[k] in ignored:
            continue
        before = western[k - 1] if k else ""
        if (before.isascii() and before.isalpha() and not western[k].isalpha() and central[k].isalpha()
                and western[k] not in _SUPERSCRIPTS):
            return True
    return False


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _western(data: bytes) -> str | None:
    """"cp1252" when the bytes decode in Windows-1252 without mojibake, else None."""
    try:
        text = data[:MAX_DETECT].decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "cp1252" if mess_ratio(text, maximum_threshold=1.0) <= MOJIBAKE else None


def _unless_mojibake(data: bytes, text: str, name: str) -> tuple[str, str | None]:
    """(text, None) when the legacy charset's reading looks like language; otherwise the
    detector's reading when it is clearly cleaner (Windows-1251 bytes declared as KOI8-R read
    "яНЦКЮЯМШ" for "Согласны": every byte decodes, in the wrong letters and cases)."""
    chaos = mess_ratio(text[:MAX_DETECT], maximum_threshold=1.0)
    if chaos <= MOJIBAKE:
        return text, None
    guess = _detect(data[:MAX_DETECT])
    if guess is None or codecs.lookup(guess).name == codecs.lookup(name).name:
        return text, None
    other = data.decode(guess, errors="replace")
    if mess_ratio(other[:MAX_DETECT], maximum_threshold=1.0) + MOJIBAKE >= chaos:
        return text, None
    if _same_words(text, other):
        return text, None  # a sibling of the declared charset: the words hold, a symbol or two is mapped apart
    return other, f"charset {name[:40]!r} gives mojibake; read as {guess}"


SYMBOLS_APART = 0.01  # two readings that differ in at most this share of characters (and 2) read the same words


def _same_words(text: str, other: str) -> bool:
    """True when two readings of the same bytes differ only in a few characters: the declared
    charset's sibling (Windows-31J and Shift_JIS-2004 read "～" and "〜" from one byte pair)."""
    if len(text) != len(other):
        return False
    apart = sum(1 for a, b in zip(text[:MAX_DETECT], other[:MAX_DETECT]) if a != b)
    return apart <= max(2, int(len(text[:MAX_DETECT]) * SYMBOLS_APART))


# labels read as the WHATWG encoding standard has every browser read them: a label Python does not
# know ("iso-8859-8-i", Outlook's Hebrew; "x-mac-roman"; "windows-874") named by the codec it means, a
# legacy CJK label by the superset its senders' Windows machines write ("Shift_JIS" bytes with "①"
# or "～" are Windows-31J, "gb2312" is GBK, "euc-kr" and "ks_c_5601-1987" are Windows-949)
_AS_BROWSERS_READ = {
    "iso-8859-8-i": "iso8859_8", "iso-8859-8-e": "iso8859_8", "csiso88598i": "iso8859_8", "logical": "iso8859_8",
    "iso-8859-6-i": "iso8859_6", "iso-8859-6-e": "iso8859_6", "windows-874": "cp874", "tis-620": "cp874",
    "iso-8859-11": "cp874", "dos-874": "cp874", "x-mac-roman": "mac_roman", "mac": "mac_roman",
    "x-mac-cyrillic": "mac_cyrillic", "x-mac-ukrainian": "mac_cyrillic", "shift_jis": "cp932", "shift-jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932", "windows-31j": "cp932", "csshiftjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "ks_c_5601-1989": "cp949", "ksc5601": "cp949", "ksc_5601": "cp949",
    "korean": "cp949", "windows-949": "cp949", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "csgb2312": "gb18030", "chinese": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "cn-big5": "big5hkscs", "csbig5": "big5hkscs", "unicode-1-1-utf-8": "utf-8", "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8", "x-unicode20utf8": "utf-8", "iso-8859-9": "cp1254", "latin5": "cp1254",
}


def decode_text(data: bytes, declared: str | None) -> tuple[str, str | None]:
    """Return (text, defect) for a text part's bytes and its declared charset (None: none).

    Promises: a label is read as browsers read it (`_AS_BROWSERS_READ`); bytes that decode
    cleanly in the declared charset are decoded in it, except
    non-ASCII bytes that are also valid UTF-8 under a legacy declaration (no real Big5, Latin-1
    or Shift_JIS text of more than a few characters is valid UTF-8): those are UTF-8; ISO-8859-1
    with bytes 0x80-0x9F (control codes there, curly quotes and dashes in Windows-1252) is
    Windows-1252. Bytes the declared charset cannot decode, or an unknown charset, are given to
    charset-normalizer (Windows-1252 first among its near-equally clean answers when UTF-8 was
    declared, unless Windows-1250 or ISO-8859-2 reads the accented lines clearly better than any
    Western single-byte answer, or reads a letter where Windows-1252 reads a symbol after a letter,
    "až" for "a¾"; and in place of a
    CJK answer for bytes with no run of three above 0x7F, as CJK text has); when it has no answer, UTF-8 with replacement characters. `defect` names what was
    wrong, None when the declaration held. Never raises.
    """
    name = (declared or "utf-8").strip().lower()
    try:
        codec = codecs.lookup(_AS_BROWSERS_READ.get(name, name)).name
    except LookupError:
        codec = None
    ascii_only = data.isascii()
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            text = None
        if text is not None:
            if codec == "iso8859-1" and _C1.search(data) and not _is_utf8(data):
                try:  # as every browser does: ISO-8859-1 with curly quotes and dashes is Windows-1252
                    return data.decode("cp1252"), f"Windows-1252 declared as {name[:40]!r}"
                except UnicodeDecodeError:
                    pass
            if ascii_only or codec in ("utf-8", "utf-8-sig"):
                return text, None
            if not _is_utf8(data):
                return _unless_mojibake(data, text, codec)
            return data.decode("utf-8"), f"UTF-8 declared as {name[:40]!r}"
    if _is_utf8(data):
        return data.decode("utf-8"), (f"unknown charset {name[:40]!r}" if codec is None
                                      else f"UTF-8 declared as {name[:40]!r}")
    guess = _detect(data[:MAX_DETECT], UTF8_FAILED_SLACK if codec in ("utf-8", "ascii") else SLACK)
    if guess in _MULTI_BYTE and _HIGH_RUN.search(data[:MAX_DETECT]) is None:
        guess = _western(data) or guess
    if guess in _WESTERN_SINGLE_BYTE and codec in ("utf-8", "ascii"):
        guess = _central_european(data) or guess  # a Czech or Polish client's bytes declared as UTF-8
    if guess:
        why = f"charset {name[:40]!r} {'unknown' if codec is None else 'wrong'}; read as {guess}"
        return data.decode(guess, errors="replace"), why
    if codec is not None:
        return data.decode(codec, errors="replace"), f"bytes not in charset {name[:40]!r}"
    return data.decode("utf-8", errors="replace"), f"unknown charset {name[:40]!r}"
