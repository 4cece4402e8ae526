"""Whether a subject reads as an automatic reply's: "Automatic reply: <original>", "Out of
Office", "AUTO: … is out of the office", a Notes agent's "<Name> is out of the office.", an
autoresponder's "Thank you for your email" — and never a person's "Re: Automatic reply: …",
"Fwd: …", "Re: auto-reply settings", "Automatic reply? No, I vote YES" or "Auto-reply: YES" (see each
pattern).

Words only: `mailer.autoreply` weighs a subject as a weak sign beside the headers.
"""
from __future__ import annotations

import functools
import re

from mailer.autoreply_words import ANSWER_WORDS
from mailer.subjects import FORWARDS, REPLY_PREFIX

_LEADING = (
    r"out[- ]of[- ](?:the[- ])?office(?=\s*(?:$|[:(\[!.,]|[-–]\s|re\b|fw|auto|reply|notice"
    r"|notification|message|until|till|from|back|\d))"  # not "Out-of-office policy"
    # away words only as the subject's head, followed by its end, punctuation, a date or "until"
    # (not "away" nor "absent": AWAY / ABSENT jusqu'au … are members' own commands)
    r"|(?:ooo|vacation|on vacation|on leave|on holiday|en vacances|en congés?"
    r"|urlaub|im urlaub|vacaciones|de vacaciones|in ferie|op vakantie|vakantie|ferie|semester"
    r"|lomalla|dovolená|urlop|na urlopie|в отпуске|отпуск|tatilde|férias|de férias)"
    r"(?=\s*(?:$|[:(\[]|[-–]\s|until|till|from|back|returning|jusqu|bis|hasta|fino|tot|t\.?o\.?m|\d"
    r"|notice|reply|message|response|auto))"
    r"|automatic reply|auto[- ]?reply|auto[- ]?response"
    r"|autoreply|automatic response|auto[- ]?respond|away notice"
    r"|abwesenheits|nicht im büro|außer haus|risposta non al computer|fuori sede|automatisk svar"
    r"|autosvar|automatisch antwoord|afwezigheidsbericht|réponse automatique d'absence"
    r"|automatiskt svar|automatyczna odpowiedź|sjálfvirkt svar|erantzun automatikoa"
    r"|auto\s*:|automated reply|away from (?:the )?office|on vacation|vacation reply"
    r"|réponse automatique|reponse automatique|absent(?:e)? du bureau|message d'absence"
    r"|absence(?:\s*(?::|$|du bureau|prolongée))"
    r"|abwesenheitsnotiz|automatische antwort|auto-?antwort|ausser haus"
    # a bare absence word leads an automatic reply only before its end, a colon, a date or
    # "until" ("Abwesend bis 14.02."); "Abwesenheit am 6. März" is a person's subject
    r"|(?:abwesen(?:d|heit)|ausente|afwezig|niet aanwezig|nieobecn\w*|poissa|вне офиса)"
    r"(?=\s*(?:$|[:(\[]|[-–]\s|(?:bis|vom|hasta|desde|tot|t/m|vanaf|do|od)\b|\d))"
    r"|fuera de la oficina|respuesta automática|respuesta automatica"
    r"|risposta automatica|fuori ufficio|resposta automática|fora do escritório"
    r"|automatisch antwoord|autosvar|frånvaro|fraværende|ikke til stede"
    r"|odpowiedź automatyczna|poza biurem|automaattinen vastaus|poissa toimistolta"
    r"|automatická odpověď|nepřítomnost|自動応答|不在|自动回复|自動回覆|자동 회신|автоответ"
    r"|автоматический ответ|otomatik yanıt|resposta automàtica|fora de l'oficina"
    r"|automaattinen|automatikus válasz|αυτόματη απάντηση|תשובה אוטומטית|رد تلقائي|رد آلي"
    r"|स्वचालित (?:जवाब|उत्तर)|balasan otomatis|balasan automatik|răspuns automat"
    r"|автоматична відповідь|автоматичен отговор|automatická odpoveď|automatski odgovor"
    r"|samodejni odgovor|automatinis atsakymas|automātiskā atbilde|automaatvastus"
    r"|trả lời tự động|ตอบกลับอัตโนมัติ|پاسخ خودکار|자동\s?응답|자동\s?회신|부재\s?중|부재 알림|휴가 중"
    # Exchange's "Automatic reply" in more of its languages, and Polish webmail's one-word form
    r"|përgjigje automatike|خودکار جواب|(?:автоматски|аутоматски|аўтаматычны) (?:одговор|адказ)"
    r"|автоматты жауап|outomatiese antwoord|freagra uathoibríoch|ateb awtomatig|tweġiba awtomatika"
    r"|ავტომატური პასუხი|avtomatik (?:cavab|javob)|jibu la kiotomatiki|awtomatikong tugon"
    r"|automatesch äntwert|স্বয়ংক্রিয় উত্তর|தானியங்கு பதில்|автомат хариу|ավտոմատ պատասխան"
    r"|autoodpowied[źz]"
    # (batch 20) Hebrew's other "automatic reply", only as the whole subject or before a colon and the
    # item it answers ("מענה אוטומטי: [Vote 8] …"); a member's "מענה אוטומטי: כן", "מענה אוטומטי – הצעה
    # לוועד", "מענה אוטומטי (שאלה)" are hers (review b20ab: no case tells a topic, no answer word is known)
    r"|מענה אוטומטי(?=\s*(?:$|[:：]\s*\[))"
    # more of Exchange's "Automatic reply" (am, hy, km, ne, si, zu) and absence subjects typed by
    # councils' and universities' systems ("Absent(e) du bureau", "Assente dall'ufficio",
    # "Nieobecność w biurze", "Ofis dışında"); "不在" also in Japanese brackets ("【不在通知】")
    r"|ራስ-ሰር ምላሽ|ինքնաշխատ պատասխան|ការឆ្លើយតបស្វ័យប្រវត្តិ|स्वचालित जवाफ|ස්වයංක්‍රීය පිළිතුර"
    r"|impendulo ezenzakalelayo|(?:absent\(e\) du bureau|assente dall'ufficio|nieobecność w biurze|ofis dışında"
    # more absence and responder words that lead a reply from webmails and servers of fewer
    # members (Free.fr's "Répondeur :", Seznam, Freemail, ukr.net, Thai, Arabic and Hebrew
    # systems), and a German office's receipt "Eingangsbestätigung: <subject>"; only before the
    # subject's end, a colon or a date, as the ones just above
    r"|répondeur|eingangsbestätigung|εκτός γραφείου|lomavastaaja|poissa toimistosta|poissaoloilmoitus"
    r"|מחוץ למשרד|házon kívül|di luar kantor|fraværsmelding|ausência temporária|otomatik cevap|автовідповідь"
    r"|vắng mặt|خارج المكتب|ไม่อยู่ที่สำนักงาน|mimo kancelář|mimo kancelarii"
    # "auto-" before the word for an answer, hyphenated or not ("Auto-svar:", "Auto-respuesta:")
    r"|auto[- ]?(?:svar|antwoord|respuesta|risposta|r[ée]ponse|resposta|odpowied[źz]|vastaus|odpověď|otvet|ответ))"
    r"(?=\s*(?:$|[:：(\[]|[-–]\s|\d))"  # not "Ofis dışında toplantı" (a meeting out of the office)
)
# "来自网易邮箱的自动回复", Japanese systems' "【自動返信】", ending there or at a colon or bracket: not
# "关于假期自动回复设置的建议" (a proposal about holiday auto-reply settings) nor "自動返信の設定について",
# where the words run on into a topic's
_CJK = r"(?:自动回复|自動回覆|自動応答|自动答复|自動返信)(?![^\W\d_])"
_TRAILING = (
    # challenge-response filters asking the sender to prove they are human
    r"|(?:sender|e-?mail) verification|verification required"
    r"|your (?:e-?mail|message) (?:requires|needs|is awaiting) (?:verification|confirmation)"
    r"|(?:please )?verify your (?:e-?mail|message)|please verify you(?:'re| are)"
    r"|confirm your (?:e-?mail|message)|approve your (?:e-?mail|message)|spam ?arrest|boxbe)"
)
# ... and their asks that a person answering one repeats after "Re:" ("Re: Please confirm your
# message to nora@…" is a member answering her own filter): only without a reply prefix. TMDA's
# "Please confirm your message", and the German and Brazilian filters' "Spamschutz: Bitte
# bestätigen Sie Ihre E-Mail", "AntiSpam UOL: confirme o envio …", "Sua mensagem aguarda confirmação"
_UNPREFIXED = (
    r"|please confirm your (?:e-?mail|message)|spamschutz\s*:|antispam\b[^:\n]{0,20}:"
    r"|(?:sua|tua) mensagem (?:aguarda|está aguardando) (?:confirmação|liberação)"
)
# a system's own words may come before its Chinese or Japanese ones ("来自网易邮箱的自动回复") ...
_WORDS = _LEADING + r"|.{0,20}" + _CJK + _UNPREFIXED + _TRAILING
# ... but not after a person's reply prefix: "回复：[投票 7] 关于自动回复" and "RE: [Vote 7] 自動返信" answer an
# item whose title holds the words (the words lie inside the subject answered, they do not lead it)
_WORDS_AT_ONCE = _LEADING + "|" + _CJK + _TRAILING
# An automatic reply's subject starts with its words (after a gateway's tag such as "[EXTERNAL]"):
# "Automatic reply: <original>", "Out of Office", "AUTO: … is out of the office".
_SUBJECT = re.compile(r"\s*(?:\[[^\]]{0,40}\]\s*)?[\[(【]?(?:" + _WORDS, re.IGNORECASE)
# Lotus Notes / Domino's out-of-office agent titles its reply with the person's name and the absence
# as the whole subject: "Harold Finch is out of the office.", "Karl Vogt ist außer Haus.", "Sylvie
# Roux est absent(e).", "Marco Rossi è fuori ufficio.", "山本 太郎 は不在です。" (a person's "Re: Anna is
# out of the office next week, so …" goes on, or has a prefix)
_NAMED_ABSENCE = re.compile(
    r"\s*(?:[^\W\d_][\w.'-]*\s+){1,4}(?:is out of (?:the )?office|ist außer haus|ist nicht im büro"
    r"|est absent(?:\(e\)|e)?|è fuori ufficio|è assente|está fuera de la oficina|está ausente|is afwezig"
    r"|は不在です)[.。!]?\s*$", re.IGNORECASE)
# After a person's reply prefix the words must come at once (no tag: "Re: [Meeting 3] Absence
# on the 6th" is a reply to our item) ...
# The words batch 15 added ("Poissa", "Вне офиса", "Auto-svar", "Auto-respuesta" …) never after a
# prefix: "Re: Poissa 14.–18.12.", "Отв: Вне офиса 10–12 декабря", "SV: Auto-svar" are people
# answering a colleague's notice (no automatic reply of these systems was seen with a prefix)
_NEW_WORDS = r"(?!(?:poissa|вне офиса|auto[- ]?(?:svar|antwoord|respuesta|risposta|r[ée]ponse|resposta|odpowied[źz]|vastaus|odpověď|otvet|ответ))(?!\w))"
_AFTER_PREFIX = re.compile(r"\s*[\[(【]?" + _NEW_WORDS + "(?:" + _WORDS_AT_ONCE, re.IGNORECASE)
# ... and be all of it: "RE: Automatic reply: <original>" is a person answering someone's
# automatic reply (an automatic reply puts its words before the subject it answers, never
# "Re:" before its own words and the original).
# The words may end inside a longer word ("Abwesenheits" of "AW: Abwesenheitsnotiz: [Vote 12] …")
# or take the colon themselves ("Re: Auto: [Announcement] …"): the original follows all the same.
# A bracketed tag's closing bracket ends them too ("Re: [OOO] [Vote 7] …" answers someone's "[OOO] …").
_ORIGINAL_FOLLOWS = re.compile(r"\w*(?:[\])】]?\s*[:：]|[\])】])\s*\S")
# ... nor go on as a topic in lower case: "Re: auto-reply settings for the shared mailbox" is a
# person's thread about auto-replies (an automatic reply's words end its subject, or go on with
# a date, "until …", a name or punctuation)
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'-]*)")
_GOES_ON = frozenset(("until", "till", "from", "back", "re", "fw", "fwd", "bis", "vom", "jusqu", "hasta", "desde",
                      "fino", "tot", "to", "for", "on", "and", "notice", "notification", "reply", "message",
                      "response", "auto", "autoreply", "returning"))
# A forward is always a person's: "Fwd: Automatic reply: …" passes someone's reply on.
_FORWARD = re.compile(r"(?<!\w)(?:" + FORWARDS + r")\s*(?:\[\d+\]|\(\d+\))?\s*[:：]", re.IGNORECASE)
def forwarded(subject: str) -> bool:
    """True when the subject's prefixes include a forward's ("Fwd:", "WG:", "转发:" …)."""
    return bool(_FORWARD.search(REPLY_PREFIX.match(subject).group(0)))


# "[OOO] <subject>", "[Vacation] <subject>": an absence tag in brackets leading the subject answered.
# A person tags their own subjects so too ("[OOO] question about the draft", "[Vacation] photos
# from the fair"): never enough alone (`bracketed_absence`; `mailer.autoreply` asks the words too)
_BRACKETED_ABSENCE = re.compile(r"\s*[\[(【]\s*(?:ooo|out of (?:the )?office|vacation|on vacation|on leave|on holiday"
                                r"|away|urlaub|abwesend|vacaciones|ferie|semester|lomalla|congés|en vacances)\s*[\])】]\s*\S",
                                re.IGNORECASE)


def bracketed_absence(subject: str) -> bool:
    """True when the subject, with no reply or forward prefix, starts with an absence tag in
    brackets followed by more ("[OOO] [Vote 7] Budget", "[Vacation] Re: …"): an automatic reply's
    shape, and a person's too; the caller asks for an automatic reply's words as well."""
    return not REPLY_PREFIX.match(subject).group(0).strip() and _BRACKETED_ABSENCE.match(subject) is not None


@functools.lru_cache(maxsize=2048)
def automatic_subject(subject: str) -> bool:
    """Whether the subject reads as an automatic reply's (remembered per subject: replies to one
    message share it)."""
    head = REPLY_PREFIX.match(subject)
    prefix, rest = head.group(0), subject[head.end():]
    if not prefix.strip():
        words = _SUBJECT.match(rest)
        if words is not None and _answered_by_a_member(rest, words.end()):
            return False
        if words is None and _NAMED_ABSENCE.match(rest):
            return True
        if words is None:
            words = _ACKNOWLEDGING.match(rest)
            if words is not None and _goes_on_as_a_topic(rest, words.end()):
                return False  # "Thanks for your message about the budget": a person's
        return words is not None and not _ASKED.match(rest, words.end()) and not _speaks_after(rest, words.end())
    if _FORWARD.search(prefix):
        return False
    words = _AFTER_PREFIX.match(rest)
    return (words is not None and not _original_follows(rest, words.end())
            and not _goes_on_as_a_topic(rest, words.end()) and not _ASKED.match(rest, words.end()))


# An automatic reply puts the subject it answers after its words, word for word; a member's answer
# there is a person's subject: a bare answer where the subject answered would be ("Auto-reply: YES",
# "Out of office: yes") ...
_ANSWER_END = r"(?:\s+(?:from|for|by) me)?[.!\s]*$"
_BARE_ANSWER = re.compile(r"\w*[\])】]?\s*[:：]?\s*" + ANSWER_WORDS + _ANSWER_END, re.IGNORECASE)
# ... or the member's answer after the subject answered and a dash ("Automatic reply: [Vote 7]
# Budget — yes from me", "Out of office: [Vote 7] Budget - YES")
_DASHED_ANSWER = re.compile(r"\s[-–—]{1,2}\s*" + ANSWER_WORDS + _ANSWER_END, re.IGNORECASE)


def _answered_by_a_member(rest: str, end: int) -> bool:
    """True when what follows the automatic words ends in a member's bare answer (see _BARE_ANSWER)."""
    return _BARE_ANSWER.match(rest, end) is not None or _DASHED_ANSWER.search(rest, end) is not None


def _original_follows(rest: str, end: int) -> bool:
    """True when a subject answered by the automatic words follows them (see _ORIGINAL_FOLLOWS)."""
    if _ORIGINAL_FOLLOWS.match(rest, end):
        return True
    return rest[end - 1:end] in (":", "：") and bool(rest[end:].strip())


def names_what_it_answers(subject: str, topic: str = "") -> bool:
    """True when the subject is an automatic reply's in its exact shape: no reply prefix, its
    automatic words, a colon and then the subject of the message it answers, as the conversation's
    topic (`topic`: Outlook's Thread-Topic) or an item's bracketed tag shows it ("Automatic reply:
    [Draft 21] Volunteer expenses policy", "Absence du bureau : [Draft 15] …"). A person's mail
    program puts "Re:" before the subject it answers, never such words: this shape is that
    program's automatic-reply assistant or rule, whichever program it is. "Auto-reply: YES" (a
    person's joke) names no subject answered."""
    if REPLY_PREFIX.match(subject).group(0).strip():
        return False
    words = _SUBJECT.match(subject)
    if words is None or not _original_follows(subject, words.end()):
        return False
    after = _ANSWERED.match(subject, words.end())
    if after is None:
        return False
    answered = subject[after.end():].strip()
    return bool(answered) and (_ITEM_TAG.match(answered) is not None
                               or (bool(topic.strip()) and answered.casefold() == topic.strip().casefold()))


# what comes between the automatic words and the subject answered: the rest of their last word, a
# closing bracket, the colon
_ANSWERED = re.compile(r"\w*[\])】]?\s*[:：]?\s*")
# an item's subject as Convenor and list tools write it: a bracketed tag first ("[Vote 7] …")
_ITEM_TAG = re.compile(r"\[[^\]\n]{1,40}\]\s*\S")


def thanks_only(subject: str) -> bool:
    """True when the subject reads as automatic only as an autoresponder's thanks ("Thank you for
    your email!"), not by an out-of-office or automatic-reply word."""
    return (not REPLY_PREFIX.match(subject).group(0).strip() and _SUBJECT.match(subject) is None
            and _ACKNOWLEDGING.match(subject) is not None)


# an autoresponder's thanks in place of the subject it answers ("Thank you for your email", "We've
# received your message", "Merci pour votre message"): only as the whole head of a subject without
# "Re:" (a person's "Re: Thank you for your email" answers someone's thanks)
_ACKNOWLEDGING = re.compile(
    r"\s*(?:\[[^\]]{0,40}\]\s*)?(?:(?:case|ticket|request|incident)\s*#?\s?\d{3,}\s*[:\-–]\s*)?(?:thank(?:s| you) for (?:your (?:e-?mail|message|mail|enquiry|inquiry|request)"
    r"|contacting|writing to|getting in touch)|we(?:'ve| have) received your (?:e-?mail|message|request|enquiry|inquiry)"
    r"|(?:merci|nous avons bien reçu) (?:pour )?votre (?:message|courriel|e-?mail|demande)"
    r"|(?:vielen )?dank für ihre (?:nachricht|e-?mail|anfrage)|(?:ihre )?(?:nachricht|anfrage) (?:ist )?eingegangen"
    r"|gracias por (?:su|tu) (?:mensaje|correo)|hemos recibido su (?:mensaje|correo|solicitud)"
    r"|grazie per (?:il suo|la sua|il tuo) (?:messaggio|e-?mail)|obrigad[oa] pel[oa] (?:sua )?(?:mensagem|e-?mail)"
    r"|bedankt voor uw (?:bericht|e-?mail)"
    # a help desk's "Ticket received" / "Ticket recibido" in place of the subject it answers
    r"|(?:support )?(?:ticket|request|case) (?:opened|created)\b"
    r"|(?:ticket|request|solicitud|demande|anfrage|richiesta|pedido) (?:received|recibid[oa]|reçue?|erhalten"
    r"|eingegangen|ricevut[oa]|recebid[oa]))",
    re.IGNORECASE)
# the words asked about ("Automatyczna odpowiedź? Nie, głosuję ZA"): a person playing on them
_ASKED = re.compile(r"\w*[\])】]?\s*[:：]?\s*[?？¿]")
# a person speaking after the words, outside the bracketed subject answered: a question ("Auto-svar:
# hvordan slår jeg det fra?"), a first person or a vote ("Poissa: äänestän kyllä", "Auto-réponse
# (désactivée) – je vote pour", "Poissa 14.–18.12., mutta kannatan budjettia", "Out of office: I
# vote yes"); an automatic reply puts there the subject it answers, or a date
_SPEAKS = re.compile(r"[?？¿]|(?<!\w)(?:i|i'm|my|me|je|j'|ich|mein\w*|yo|я|jeg|jag|minä|olen|vote[sd]?|voting|voto|voté"
                     r"|stimme|голосую|äänestän|kannatan|stemmer|röstar|glosuję|głosuję|mutta|but|aber|mais|pero|но)(?!\w)",
                     re.IGNORECASE)
_TAGGED = re.compile(r"\[[^\]\n]{1,60}\]")


def _speaks_after(rest: str, end: int) -> bool:
    """True when a person speaks after the automatic words (see _SPEAKS), the bracketed subject
    answered ("[Vote 7] …") and what follows it left out."""
    after = rest[end:end + 200]
    tag = _TAGGED.search(after)
    if tag is not None:
        after = after[:tag.start()]
    return _SPEAKS.search(after) is not None


def _goes_on_as_a_topic(rest: str, end: int) -> bool:
    """True when the subject goes on after the automatic words with a word in lower case that
    is no date's or absence's ("settings", "policy"): a person's topic."""
    m = _NEXT_WORD.match(rest, end)
    return m is not None and m.group(1)[0].islower() and m.group(1).lower() not in _GOES_ON


# (review b18ab) "Fravær" alone leading a subject ("Fravær", "Fravær: [Vote 7] …", "Fravær 14.12–4.1") is
# what members title their own notice of absence from a meeting with too ("Fravær: styremøtet 10.
# desember", "Fravær (syk)"): a sign only beside words that are an absence notice's alone
# (`mailer.autoreply`); never after a prefix, nor going on as a topic ("Fravær på styremøtet")
_FRAVAER = re.compile(r"\s*fravær(?=\s*(?:$|:\s*\S|\d))", re.IGNORECASE)


def absence_word_subject(subject: str) -> bool:
    """True when "Fravær" (Norwegian and Danish for absence) leads the subject alone, before its end,
    a colon or a date: an absence notice's subject only when the words say no more than an absence
    notice does."""
    return _FRAVAER.match(subject) is not None
