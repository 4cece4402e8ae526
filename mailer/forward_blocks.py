"""Whether a header block ("From: / Sent: / To: / Subject:", under a separator or not) is a
forwarded message's rather than the quote of the message a reply answers. Pure functions.

A forwarded message's block is known by a separator line that is a forward's title and nothing
else ("---------- Forwarded message ---------", "Begin forwarded message:", "-------- Message
transféré --------", in the languages of the clients seen), or by its subject field opening with
a forward prefix ("Subject: FW: …", "Betreff: WG: …", "Тема: Пересл: …"). A name or an
organisation in a field ("From: Pay It Forward Network", "Transfer Workers Union") is no title:
titles are matched as whole words on a line of their own, never inside a field's value.
"""
from __future__ import annotations

import re

from mailer.subjects import FORWARDS

# a forward's title: Gmail, Thunderbird, Yahoo, Apple Mail, Outlook's, in their languages
_TITLES = (
    r"forwarded\s+(?:message|e-?mail|mail)|begin\s+forwarded\s+message|original\s+forwarded\s+message"
    r"|message\s+transf[ée]r[ée]|d[ée]but\s+du\s+message\s+r[ée]exp[ée]di[ée]|message\s+r[ée]exp[ée]di[ée]"
    r"|weitergeleitete\s+nachricht|anfang\s+der\s+weitergeleiteten\s+nachricht"
    r"|mensaje\s+reenviado|inicio\s+del\s+mensaje\s+reenviado|messaggio\s+inoltrato|inizio\s+messaggio\s+inoltrato"
    r"|mensagem\s+(?:re)?encaminhada|in[íi]cio\s+da\s+mensagem\s+(?:re)?encaminhada"
    r"|doorgestuurd\s+bericht|begin\s+doorgestuurd\s+bericht"
    r"|vidarebefordrat\s+(?:meddelande|mejl|e-?post)|videresendt\s+(?:meddelelse|besked|melding|e-?post)"
    r"|start\s+p[åa]\s+videresendt\s+(?:besked|meddelelse)|v[äa]litetty\s+viesti|edelleenl[äa]hetetty\s+viesti"
    r"|p[řr]eposlan[áa]\s+zpr[áa]va|p[řr]eposlan[áa]\s+zpr[áa]va\s+za[čc][íi]n[áa]"
    r"|y[öo]nlendirilmi[şs]\s+(?:mesaj|ileti)|iletilen\s+(?:mesaj|ileti)|[İi]letilmi[şs]\s+(?:mesaj|ileti)"
    r"|tov[áa]bb[íi]tott\s+(?:[üu]zenet|lev[ée]l)|προωθημένο\s+μήνυμα"
    r"|wiadomo[śs][ćc]\s+przekazana(?:\s+dalej)?|przekazana\s+wiadomo[śs][ćc]"
    r"|пересылаемое\s+сообщение|пересланное\s+сообщение|переадресованное\s+сообщение"
    r"|пересланий\s+(?:лист|повідомлення)|переслане\s+повідомлення"
    r"|转发的邮件|转发邮件|轉寄的郵件|転送メッセージ|転送されたメッセージ|전달된\s*메시지|전달\s*메시지")
# the title alone on its line, framed by rules or ending with a colon: "--- Forwarded message ---"
_SEPARATOR = re.compile(r"^[\s\-_=*<>#~]*(?:" + _TITLES + r")[\s\-_=*<>#~]*[:：]?[\s\-_=*<>#~]*$", re.IGNORECASE)
# a subject field whose value opens with a forward prefix ("Subject: FW: …", "*Objet :* TR : …")
_SUBJECT_FIELD = (r"subject|objet|betreff|asunto|oggetto|assunto|onderwerp|temat|тема|ämne|emne|aihe|předmět"
                  r"|konu|tárgy|θέμα|subiect|predmet|tema|主题|主旨|件名|제목")
_FORWARD_SUBJECT = re.compile(r"^\s*[*_]{0,2}(?:" + _SUBJECT_FIELD + r")[*_]{0,2}\s*[:：][*_]{0,2}\s*"
                              r"(?<!\w)(?:" + FORWARDS + r"|пер|vs)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]", re.IGNORECASE)


def is_forward_block(lines: list[str]) -> bool:
    """True when one of the header block's `lines` (its separator, its fields) is a forward's
    title on a line of its own, or its subject field's value opens with a forward prefix."""
    return any(_SEPARATOR.match(line) or _FORWARD_SUBJECT.match(line) for line in lines)
