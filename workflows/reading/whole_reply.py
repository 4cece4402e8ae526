"""Answers that count only as the whole reply, and later words that offer another option (review of batch 19).

- A remark about an option ("Union Hall is the closest", "Monday is the best day") is a choice only when it is
  the whole reply: nothing after it on its line, no later line but a sign-off ("Thanks," / "Amina"), and it is
  not said of an answer ("Not voting is the easiest"). Otherwise it may be only a remark ("Union Hall is the
  closest. I'm not coming though", "Monday is the best day" / "Except I work Mondays"): asked back.
- A later line offering another option: opening with "or" or a correction ("Priya" / "Or Tomás", "Priya gets
  my vote" / "Actually no, Tomás"), or naming it "too" ("Priya" / "Tomás too").
- Another option named after "but" on the answer's line ("Ich stimme für Mittwoch, kann aber nur Montag").

Pure functions on the cleaned lines `answer_lines.meaningful_lines` gives; each pattern is bounded and
anchored, tried on a few short lines: reading stays linear.
"""
from __future__ import annotations

import re

from workflows.reading.line_segments import also_named, segments
from workflows.reading.option_expressions import FRAME_CHARS, mentions, parse_expr

_BARE_KEYS = frozenset(("YES", "NO", "ABSTAIN"))
# the remark: "is the easiest for me to get to", "would be the most convenient", "is the best day" (not "is best
# for me", read before batch 19 with the reason that may follow it: "Saturday is best for me, I work late")
_REMARK = (r"\s+(?:is|would be|will be|'s) (?:(?:the )?(?:easiest|closest|nearest|handiest|most convenient"
           r"|most accessible)|the best)(?: (?:one|place|option|choice|day|evening|venue))?(?: for (?:me|us))?"
           r"(?: to (?:get to|reach|attend))?")
_REMARK_IN = re.compile(r"(?<=\S)" + _REMARK + r"(?![\w'])")
_REMARK_WHOLE = re.compile(r"(.{1,60}?)" + _REMARK + r"[\s.!]*")
# a sign-off or thanks alone on its line ("Thanks,", "Best regards", "Grüße", "Sent from my iPhone")
_CLOSING = re.compile(
    r"^(?:thanks?(?: you)?(?: (?:so|very) much)?(?: (?:all|everyone|again))?|many thanks|thx|ty|cheers|best"
    r"(?: regards| wishes)?|regards|kind regards|warm(?:est)? regards|all the best|love|sincerely|yours(?: truly)?"
    r"|take care|in solidarity|solidarity|merci(?: beaucoup)?|cordialement|bien à vous|danke(?: schön)?|grüße"
    r"|viele grüße|liebe grüße|lg|mfg|gracias|saludos|un saludo|grazie|saluti|obrigad[oa]|abraços|tack|takk|tak"
    r"|dziękuję|pozdrawiam|спасибо|bedankt|groetjes|groeten|sent from my [\w ]{1,30})[\s,.!]*$")
# a signature: one to three capitalised words and nothing else ("Amina", "Jonas Weber")
_SIGNATURE = re.compile(r"[^\W\d_][\w'.-]*(?: [^\W\d_][\w'.-]*){0,2}")
# a later line that offers another option: "or", "or rather", a correction ("actually no", "wait")
_OFFER = re.compile(r"^\W*(?:(?:well|hmm+|oh|and)[\s,.]+)?(?:or(?: rather)?|oder|ou|o|of|lub|или|eller|tai|nebo"
                    r"|vagy|ή|або|actually|wait|no wait)(?![\w'])[\s,.:;!-]*"
                    r"(?:(?:no|nope|nein|non|rather|maybe|perhaps|actually)(?![\w'])[\s,.:;!-]*){0,3}")
# "but" on the answer's line, and the words of its clause
_CONTRAST = re.compile(r"(?<![\w'])(?:but|aber|pero|ma|men|mais|maar|mas|ale|но|але|mutta|però|tapi|ama|fakat)(?![\w'])")
_WORD = re.compile(r"[^\W\d_][\w'-]{2,}")
# a word that rules out what follows it ("but not Monday", "aber nicht Montag", "pero no el lunes")
_RULED_OUT = re.compile(r"(?<![\w'])(?:not|nicht|kein\w*|no|pas|non|nie|niet|geen|ne|не|ні|ei|nem|ikke|inte|never|nunca"
                        r"|jamais|mai|except|außer|sauf|excepto|tranne)\W+(?:[\w']+\W+)?$")


def _bare(index: int | None, keys) -> bool:
    """True when the option `index` is a yes, a no or an abstention."""
    return any(keys.get(k) == index for k in _BARE_KEYS)


def only_sign_off(later) -> bool:
    """True when each of the (number, raw, cleaned) lines `later` is a sign-off, thanks or a signature."""
    return all(_CLOSING.match(line) or (_SIGNATURE.fullmatch(raw.strip(" ,.")) and raw[:1].isupper())
               for _, raw, line in later)


def remark_not_whole(found, number: int, line: str, index: int, options, keys, labels) -> str | None:
    """Why a remark about the option read on line `number` ("Union Hall is the closest") is no clear choice:
    it is not the whole reply, or it is said of an answer; None when there is no such remark."""
    m = _REMARK_IN.search(line)
    if m is None:
        return None
    about = (segments(line[:m.start()]) or ("",))[-1].strip(FRAME_CHARS + " ")
    if parse_expr(about, options, keys, labels)[0] is None:
        return None  # "Monday. It's the best day for me": the remark is on no option
    whole = _REMARK_WHOLE.fullmatch(line.strip(FRAME_CHARS + " "))
    if (whole is None or parse_expr(whole.group(1), options, keys, labels)[0] != index or _bare(index, keys)
            or not only_sign_off([l for l in found if l[0] > number])):
        return f"line {number} says something of an option but is no clear choice: {line[:80]!r}"
    return None


def offered_later(found, number: int, index: int, options, keys, labels) -> str | None:
    """Why a later line offers another option than the one read on line `number` ("Or Tomás", "Actually no,
    Tomás", "Tomás too"), or None."""
    for n, raw, line in found:
        if n <= number:
            continue
        m = _OFFER.match(line)
        rest = line[m.end():] if m and m.end() < len(line) else ""
        other = (parse_expr(rest, options, keys, labels)[0] if rest else None)
        named = (mentions(rest, options, keys, labels) if rest else set()) | also_named(line, options, keys, labels)
        if other is not None and other != index or named - {index}:
            return f"line {n} offers another option than line {number}: {raw!r}"
    return None


def other_after_but(line: str, index: int, options, keys, labels) -> str | None:
    """Another option (not a yes, a no or an abstention) named by a word after "but" on the answer's line
    ("Mittwoch, kann aber nur Montag"), or None."""
    for m in _CONTRAST.finditer(line):
        for w in _WORD.finditer(line, m.end(), m.end() + 80):
            other = parse_expr(w.group(0), options, keys, labels)[0]
            if (other is not None and other != index and not _bare(other, keys)
                    and not _RULED_OUT.search(line, m.end(), w.start())):  # not "Wednesday, but not Monday"
                return w.group(0)
    return None
