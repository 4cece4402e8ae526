"""A no to a ballot that asks whether the member comes, said as "I am not coming" (votes18). Pure functions.

On a YES/NO ballot whose title asks about coming ("Will you attend the AGM on 14 March"), a first line
that says in words the member will not come ("No voy, lo siento", "Não vou, desculpem", "No hi aniré",
"I can't make it", "Je ne viendrai pas") is its No. Only the negated sentence alone, ended by punctuation
or the line's end, with at most an apology after it, as the reply's only line: "No voy a faltar" (I
won't miss it), "I can't come, but maybe online?" and "Je ne viendrai pas si …" are not read.
"""
from __future__ import annotations

import re

from workflows.reading.answer_words import CONDITION, HEDGE

_ABOUT_COMING = re.compile(r"attend|come to|coming|present at|join us|venir|présen|teilnehm|kommen|asistir|particip")
_NOT_COMING = re.compile(
    r"^\W*(?:(?:yo|eu|io|je|i|ich|ik|jag|jeg)\s+)?(?:no voy|no iré|no vengo|no (?:puedo|podré) (?:ir|asistir|venir)|no asistiré"
    r"|não vou|não irei|não (?:posso|poderei) ir|não vou poder ir|no hi aniré|no hi vaig|no (?:puc|podré) venir"
    r"|non vengo|non verrò|non (?:posso|potrò) venire|non ci sarò|ne viendrai pas|ne (?:peux|pourrai) pas venir"
    r"|n'y serai pas|ne serai pas là|komme nicht|kann nicht kommen|werde nicht kommen|bin nicht da|kom niet"
    r"|kan niet komen|kommer inte|kommer ikke|kan ikke komme|nie przyjdę|nie (?:mogę|dam rady) przyjść"
    r"|won't be (?:there|coming)|will not be there|can't (?:come|make it|attend)|cannot (?:come|make it|attend)"
    r"|won't (?:make it|attend)|will not attend)(?=\s*(?:[,.!;…—–-]|$))")
# what may follow the no alone: an apology ("No voy, lo siento", "Kom niet, sorry", "Je ne peux pas venir. Désolé.")
_SORRY_ALONE = re.compile(r"[\s,.!…—–-]*(?:(?:i'm |so |very |really )*(?:sorry|lo siento|perdón|desculpem?|desculpa|désolée?s?"
                          r"|scusate|scusa|mi dispiace|entschuldigung|tut mir leid|leider|przepraszam|sajnálom|beklager|förlåt"
                          r"|ledsen|helaas|excuses|ho sento|em sap greu|desculpe|perdona|pardon|excusez-moi|scusami|undskyld|anteeksi"
                          r"|извините|простите|üzgünüm)[\s,.!…]*)?")
_ANSWER_WORD = re.compile(r"(?<![\w'])(?:yes|no|oui|non|ja|nein|nee|sí|si|sim|não|sì|tak|nie|abstain|vote|voto|vota)(?![\w'])")


def not_coming(found, keys: dict[str, int], title: str) -> tuple[int, str] | None:
    """(line number, line) when the first of the `found` lines says the member will not come, on a YES/NO
    ballot whose `title` asks whether they come (see the module doc); else None."""
    if not found or "NO" not in keys or "YES" not in keys or not _ABOUT_COMING.search(title.casefold()):
        return None
    number, raw, line = found[0]
    m = _NOT_COMING.match(line)
    if m is None:
        return None
    rest = line[m.end():]
    if "?" in line or HEDGE.search(line) or CONDITION.search(rest) or _ANSWER_WORD.search(rest):
        return None
    if not _SORRY_ALONE.fullmatch(rest) or len(found) > 1:
        return None  # review18: "I can't come. Actually I can!", "Non vengo. Cioè, vengo!": only an apology after it
    return number, raw
