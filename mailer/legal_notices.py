"""Whether a line opens a legal notice: the confidentiality, liability or data-protection text an
organisation's mail system adds under what a member wrote: where the member's reply ends.

`is_disclaimer` knows the first line of a corporate legal notice in English, French, German,
Spanish, Italian, Dutch, Portuguese, Polish, Russian and the Nordic languages ("CONFIDENTIALITY
NOTICE: …", "This e-mail … is confidential", "Diese E-Mail enthält vertrauliche …", "Ce message …
confidentiel …", "Dit bericht is uitsluitend bestemd …"), in Turkish, Greek, Hebrew, Arabic, Korean,
Japanese, Chinese, Vietnamese, Indonesian (an ASCII line), Ukrainian, Urdu, Persian, Bengali, Punjabi,
Gujarati, Tamil, Tagalog and a dozen more ("Bu e-posta … gizli bilgi
içerebilir"; a shorter one when it says the message "may contain" something confidential: "הודעה זו
עשויה להכיל מידע חסוי."), a notice's label alone or
followed by what a notice says ("Disclaimer:", "AVISO DE CONFIDENCIALIDADE: …"), the "consider the
environment before printing" line, a line naming the organisation's register and number ("… is a
registered charity (no. 1234567)", "Amtsgericht … VR 12345"), a notice with a few words before "this
message" ("AVISO: Esta mensagem é confidencial", "Le informazioni contenute in questo messaggio sono
riservate") and a data-protection notice ("… sus datos personales serán tratados …", Regulation
2016/679 named with a word for confidential or reserved: "Ai sensi del Regolamento UE 2016/679 (GDPR) …
riservate"), each in no one's voice and with no "not" next to its word for confidential ("We are a
registered charity since 2004", "Bu mesaj gizli değil" are a member's sentences). Each looks at one
line of at most MAX_LINE characters (`mailer.reply_lines`).
"""
from __future__ import annotations

import re

from mailer.reply_lines import NOT_READ, Line


# A legal notice in Turkish, Greek, Hebrew, Arabic, Korean, Japanese, Chinese, Romanian, Bulgarian,
# Serbian, Croatian, Bosnian, Slovak, Slovene, Indonesian, Malay, Thai and Hindi: "this message" (the
# noun first where the language puts its demonstrative after it: "הודעה זו", "email ini"; a whole word
# where words are spaced: "Bu mesajı yarın okuyun" is no notice), then within CUE_REACH characters a
# word for confidential that no "not" stands next to ("Bu e-posta … gizli bilgi içerebilir", "본 메일은 …
# 기밀", "Acest mesaj poate conține informații confidențiale"; "Bu mesaj gizli değil" is a statement). Asked of lines at least DENSE_NOTICE_WIDTH long
# (Korean, Japanese, Chinese and Thai say in that many characters what others say in NOTICE_WIDTH).
_THIS_MESSAGE_SPACED = (
    r"bu\s+(?:e-?posta|ileti|mesaj)|(?:το\s+παρόν|αυτό\s+το)\s+(?:ηλεκτρονικό\s+)?(?:μήνυμα|e-?mail)"
    r"|הודעה\s+זו|הודעת\s+(?:דואר|הדוא\"ל|דוא\"ל)\s+זו|הודעת\s+דואר\s+אלקטרוני\s+זו|(?:هذه|هذا)\s+(?:الرسالة|البريد)"
    r"|acest\s+(?:mesaj|e-?mail)|această\s+(?:comunicare|scrisoare)|това\s+(?:съобщение|писмо)"
    r"|този\s+(?:имейл|e-?mail)|ova\s+(?:poruka|e-?pošta|e-?mail|elektronička\s+poruka|elektronska\s+poruka)"
    r"|ова\s+(?:порука|е-?пошта)|táto\s+(?:správa|e-?mailová\s+správa)|to\s+(?:sporočilo|e-?sporočilo)"
    r"|(?:e-?mail|surel|surat\s+elektronik|pesan|mesej)\s+ini|यह\s+(?:ई-?मेल|संदेश)|इस\s+(?:ई-?मेल|संदेश)"
    r"|(?:thư\s+điện\s+tử|thư|e-?mail|tin\s+nhắn)\s+này"  # Vietnamese: "Thư điện tử này có thể chứa thông tin bảo mật"
    # Ukrainian, Urdu, Persian, Bengali, Punjabi, Gujarati, Tamil and Tagalog (Toronto's members'
    # organisations): "Цей лист може містити …", "یہ ای میل …", "این ایمیل …", "এই ইমেইল …", "ਇਹ ਈਮੇਲ …"
    r"|(?:цей|даний)\s+(?:електронний\s+)?лист|(?:це|дане)\s+(?:повідомлення|електронне\s+повідомлення)"
    r"|(?:یہ|اس)\s+(?:ای\s?میل|پیغام)|این\s+(?:ایمیل|پیام|نامه)|এই\s+(?:ইমেইল|ই-মেইল|বার্তা)"
    r"|ਇਹ\s+(?:ਈਮੇਲ|ਈ-ਮੇਲ|ਸੁਨੇਹਾ)|આ\s+(?:ઈમેલ|ઇમેઇલ|ઈ-મેલ|સંદેશ)|இந்த\s+(?:மின்னஞ்சல்|செய்தி)"
    r"|ang\s+(?:email|e-mail|mensahe)\s+na\s+ito"
)
_THIS_MESSAGE_UNSPACED = (
    r"본\s?(?:메일|이메일|전자우편)|이\s(?:메일|이메일|전자우편)|このメール|この電子メール|本メール|本電子メール"
    r"|本邮件|此邮件|本郵件|此郵件|本电子邮件|本電子郵件|อีเมล(?:ฉบับ)?นี้|ข้อความนี้"
)
# a word for confidential or secret; a word for whom the message is meant ("namijenjena", "מיועדת",
# "destinat", "收件人") is no cue of its own: a member writes "this message is meant for the whole committee"
_CONFIDENTIAL_MORE = (
    r"gizli|εμπιστευτικ|απόρρητ|חסוי|סודי|سري|سرية|기밀|비밀|機密|机密|保密|秘密|confiden|поверителн|povjerljiv"
    r"|poverljiv|поверљив|dôvern|zaupn|rahasia|ความลับ|गोपनीय|bảo\s+mật|bí\s+mật"
    r"|конфіденційн|خفیہ|محرمانه|গোপনীয়|ਗੁਪਤ|ગોપનીય|ரகசிய|kumpidensyal"
)
DENSE_NOTICE_WIDTH = 25
_MORE_NOTICE = re.compile(
    r"^\s*+(?:(?:" + _THIS_MESSAGE_SPACED + r")(?!\w)|(?P<dense>" + _THIS_MESSAGE_UNSPACED + r"))",
    re.IGNORECASE,
)
CUE_REACH = 200  # the word for confidential within this many characters after "this message"
_CONFIDENTIAL_CUE = re.compile(_CONFIDENTIAL_MORE, re.IGNORECASE)
# "not" in those languages, next to the word for confidential: "gizli değil", "ليست سرية", "비밀이 아니",
# "秘密ではありません", "不是机密", "nije povjerljiva", "bukan rahasia"
_NOT = re.compile(
    r"değil|ليس|غير|아니|않|では(?:な|ありません)|でない|じゃな|不是|并非|並非|אינ|(?<!\w)(?:לא|δεν|όχι|nu|не|nije|nisu|ne|nie|ni|tidak|bukan)(?!\w)"
    r"|ไม่|नहीं|(?<!\w)không(?!\w)|نہیں|نیست|(?<!\w)نمی|(?<!\w)(?:না|নয়)|ਨਹੀਂ|નથી|નહીં|இல்லை|(?<!\w)hindi(?!\w)",
    re.IGNORECASE)
# "may contain" in those languages: a notice's words, never a member's about her own reply; a spaced
# "this message … confidential" line shorter than NOTICE_WIDTH is a notice with them ("הודעה זו עשויה
# להכיל מידע חסוי.")
_MAY_CONTAIN = re.compile(
    r"(?:עשוי|עלול)(?:ה)?\s+להכיל|قد\s+(?:تحتوي|يحتوي|تتضمن|يتضمن)|içerebilir|μπορεί\s+να\s+περιέχει"
    r"|poate\s+con[țţt]ine|mungkin\s+(?:berisi|mengandung)|có\s+thể\s+chứa|може\s+да\s+съдържа"
    r"|može\s+sadrž|môže\s+obsahovať|lahko\s+vsebuje|हो\s+सकती|हो\s+सकता|може\s+містити|ہو\s+سکت|ممکن\s+است"
    r"|থাকতে\s+পারে|ਹੋ\s+ਸਕਦ|હોઈ\s+શકે|இருக்கலாம்|maaaring\s+maglaman", re.IGNORECASE)
NOT_REACH = 12  # how far before or after the word for confidential a "not" turns the line into a statement


def _has_cue_unnegated(text: str, start: int, cue: re.Pattern, negation: re.Pattern) -> bool:
    """True when, within CUE_REACH characters after `start`, `text` has a match of `cue` with no
    match of `negation` within NOT_REACH characters of it ("Bu mesaj gizli değil" says the message
    is not secret; "Disclaimer: not confidential" is a member's statement)."""
    for found in cue.finditer(text, start, start + CUE_REACH):
        # (searched in place: a slice would cut a word, "ini" read as the Polish "ni" at its edge)
        if negation.search(text, max(0, found.start() - NOT_REACH), found.end() + NOT_REACH) is None:
            return True
    return False


# Portuguese, Turkish and Croatian notice labels: alone on the line, or with text after the colon that
# says confidential ("AVISO DE CONFIDENCIALIDADE: Esta mensagem pode conter informação confidencial");
# Croatian "Upozorenje:" ("Warning:") only so: a member writes "Upozorenje: rok za prijave je petak"
_NOTICE_LABEL = re.compile(
    r"^\s*+[*_]{0,2}(?:(?P<label>aviso de confidencialidade|nota de confidencialidade|gizlilik (?:uyarısı|notu)"
    r"|yasal uyarı|napomena o povjerljivosti|izjava o odricanju odgovornosti)|upozorenje)[*_]{0,2}\s*(?::|$)",
    re.IGNORECASE,
)


# the labels of notices in English, French, Spanish, German and Italian ("Aviso de confidencialidad:",
# "Disclaimer:"), under the same rule: alone on the line, or with text after the colon that says what
# a notice says (`_LABELLED_NOTICE_CUE`) with no "not" next to it. A member writes "Aviso de
# confidencialidad: no veo ninguno en el borrador, deberíamos añadir uno."
_OLDER_NOTICE_LABEL = re.compile(
    r"^\s*+[*_]{0,2}(?P<label>disclaimer|confidentiality notice|confidentiality|avis de confidentialité"
    r"|avertissement|haftungsausschluss|vertraulichkeitshinweis|aviso legal|aviso de confidencialidad"
    r"|clause de confidentialité|avvertenza|avviso di riservatezza|informativa privacy|privacy notice"
    r"|legal notice|important notice)[*_]{0,2}\s*(?:$|:)",
    re.IGNORECASE,
)
# what a notice says after its label: something confidential, private, privileged or reserved, meant only for
# its addressee, the sender's liability, whose views it holds, or the law on personal data ("AVISO
# LEGAL: En cumplimiento de la Ley Orgánica 3/2018, de Protección de Datos Personales …")
_LABELLED_NOTICE_CUE = re.compile(
    r"confiden|vertraulich|riservat|reservad|privileg|private\b|privée?|privad[oa]|privat\b|privat[oa]\b|intended (?:solely|only|exclusively|for)"
    r"|exclusiv|esclusiv|ausschließlich|liab|haftung|responsabilit|views or opinions|(?:views|opinions) expressed"
    r"|protecci[oó]n de datos|datos personales|data protection|personal data|datenschutz|protection des données"
    r"|données personnelles|protezione dei dati|dati personali|2016/679|gdpr|rgpd|dsgvo",
    re.IGNORECASE)
_WESTERN_NOT = re.compile(r"\b(?:not|no|nicht|kein\w*|pas|non|ni|nada|nessun\w*|aucun\w*)\b|n't", re.IGNORECASE)


# each label table with the words that must follow its label when text follows it, and the "not"
# that turns those words into a statement
_NOTICE_LABEL_TABLES = ((_NOTICE_LABEL, _CONFIDENTIAL_CUE, _NOT),
                        (_OLDER_NOTICE_LABEL, _LABELLED_NOTICE_CUE, _WESTERN_NOT))


def _is_notice_label(head: str) -> bool:
    """True for a line opening with a notice's label (in any language the readers know) when the label
    stands alone (and is one its table's `label` group names: Croatian "Upozorenje:" alone is no
    notice) or the text after it says what a notice says, with no "not" next to those words."""
    for labels, cue, negation in _NOTICE_LABEL_TABLES:
        label = labels.match(head)
        if label is None:
            continue
        rest = head[label.end():]
        if not rest.strip():
            if label.group("label") is not None:
                return True
        elif _has_cue_unnegated(rest, 0, cue, negation):
            return True
    return False


_DISCLAIMER = re.compile(
    r"^\s*(?:this|ce|cet|cette|diese|dieses|este|esta|questo|questa|dit|deze|ta|to|это|данное"
    r"|tämä|detta|denne|dette|tento|toto|ez az)\s+(?:e-?mail(?:bericht|nachricht|-nachricht|meddelande|besked)?"
    r"|e-?post(?:meddelande|bericht)?|sähköposti(?:viesti)?|message|courriel|nachricht|mensaje"
    r"|correo|mensagem|messaggio|bericht|wiadomość|сообщение|письмо|viesti|meddelande|meddelelse"
    r"|melding|zpráva|üzenet|communication|transmission)\b.{0,200}?(?:confidential|privileged"
    r"|intended (?:solely|only|exclusively|for)|vertraulich|confidentiel|confidencial|riservat"
    r"|esclusivamente|exclusivement|exclusivamente|ausschließlich|uitsluitend|vertrouwelijk"
    r"|poufn|конфиденциальн|luottamukselli|konfidentiel|fortrolig|důvěrn|dôvern|bizalmas)",
    re.IGNORECASE,
)
_PRINTING_WORDS = ("consider the environment before printing", "pensez à l'environnement avant d'imprimer",
                   "denken sie an die umwelt", "antes de imprimir", "prima di stampare", "denk aan het milieu")
# the "think before printing" line, anywhere in a line; in an ASCII line it is searched for only
# when a word of one of its phrases is in the lower-cased line (a case-blind search tries each
# phrase at each character: ~4 µs a line of prose); the French one, with its "à", is in no ASCII line
PRINTING_CUES = ("printing", "umwelt", "imprimir", "stampare", "milieu")
_PRINTING = re.compile(r"\b(?:" + "|".join(_PRINTING_WORDS) + ")", re.IGNORECASE)


# an organisation's register and number under a signature ("… is a registered charity (no. 1234567)",
# "Amtsgericht Musterstadt VR 12345", "RCS Paris 123 456 789"): the first line of its legal notice.
# Asked only of a line holding one of REGISTER_CUES and a run of four figures (most lines hold neither)
REGISTER_CUES = ("regist", "amtsgericht", "handelsregister", "siret", "siren", "rcs ", "kvk", "iva", "cif", "nif",
                 "company no", "company number", "charity no", "charity number", "inscrite", "inscrit")
_REGISTER = re.compile(
    r"registered (?:charity|company|office|in (?:england|scotland|wales|ireland))|charity (?:no|number|reg)"
    r"|company (?:no|number|reg)|amtsgericht|registergericht|handelsregister|vereinsregister|siret|siren|\brcs\b"
    r"|\bkvk\b|partita iva|p\.\s?iva|\bcif\b|\bnif\b|inscrite? au registre|registro (?:mercantil|de asociaciones)",
    re.IGNORECASE)
_FOUR_FIGURES = re.compile(r"\d{4}|\d{3} \d{3}")
REGISTER_WIDTH = 160  # a register line is short: a sentence that names one is the member's


# a person speaking: "We are a registered charity since 2004" is the member's sentence
_WE = re.compile(r"\b(?:we|our|us|i|my|wir|unser\w*|nous|notre|nos|nosotros|nuestr[oa]s?|noi|nostr[oaie])\b",
                 re.IGNORECASE)


def _names_a_register(head: str) -> bool:
    """True for a short line naming an organisation's register and its number, in no one's voice."""
    if len(head) > REGISTER_WIDTH or not _FOUR_FIGURES.search(head):
        return False
    lower = head.lower()
    return (any(cue in lower for cue in REGISTER_CUES) and _REGISTER.search(head) is not None
            and _WE.search(head) is None)


# a legal notice that opens with a few words before "this message" ("AVISO: Esta mensagem é
# confidencial", "Le informazioni contenute in questo messaggio sono riservate", "Treść tej
# wiadomości jest poufna"), the Dutch "Aan dit bericht kunnen geen rechten worden ontleend", and a
# data-protection notice: personal data named with the regulation or its processing ("De conformidad
# con el Reglamento (UE) 2016/679 …", "Administratorem Pani/Pana danych osobowych jest …"). Asked
# only of a line holding one of NOTICE_CUES, in no one's voice (`_WE`), at least NOTICE_WIDTH long.
NOTICE_CUES = ("confidential", "privileged", "intended", "vertraulich", "confidenti", "confidencial", "riservat",
               "esclusivamente", "exclusivement", "exclusivamente", "ausschlie", "uitsluitend", "vertrouwelijk",
               "poufn", "luottamukselli", "dôvern", "důvěrn", "rahasia", "kumpidensyal", "povjerljiv", "poverljiv", "zaupn",
               "dovern", "fortrolig", "bizalmas", "geen rechten", "personal data",
               "datos personales", "dati personali", "donn\u00e9es personnelles", "danych osobowych",
               "personenbezogen", "dados pessoais", "persoonsgegevens", "personuppgifter", "personoplysninger",
               "2016/679", "gdpr", "rgpd", "dsgvo", "rodo", "lopd", "\u043f\u0435\u0440\u0441\u043e\u043d\u0430\u043b\u044c\u043d")
NOTICE_WIDTH = 50
_NOTICE_DEMONSTRATIVE = (
    r"(?:this|ce|cet|cette|diese[rmns]?|este|esta|deste|desta|questo|questa|dit|deze|tej|tego|ta|to|этого|этом"
    r"|данного|данном|tämän|detta|denna|dette|denne|tento|této|tohoto|ennek)\s+"
    r"(?:e-?mail\w*|e-?post\w*|message|courriel|nachricht|mensaje|correo|mensagem|messaggio|bericht|wiadomo\w+"
    r"|сообщени\w*|письм\w*|viesti\w*|meddelande|meddelelse|melding|zpráv\w*|üzenet\w*|communication)\b"
    r".{0,200}?(?:confidential|privileged|intended (?:solely|only|exclusively|for)|vertraulich|confidentiel"
    r"|confidencial|riservat|esclusivamente|exclusivement|exclusivamente|ausschließlich|uitsluitend"
    r"|vertrouwelijk|poufn|конфиденциальн|luottamukselli|konfidentiel|fortrolig|důvěrn|dôvern|bizalmas)")
_NOTICE = re.compile(
    # a label ("AVISO:", "Hinweis:") or "the information (contained) in" before "this message … confidential"
    r"^\s*+(?:(?-i:[A-ZÀ-ÞĀ-Ž]{3,20}(?: [A-ZÀ-ÞĀ-Ž]{3,20})?)\s?:\s*|(?:aviso|avviso|hinweis|notice|nota|uwaga"
    r"|important|importante|wichtig|advertencia|avertissement|privacy)\s?:\s*|(?:(?:the|le|la|les|die|de|as|a|os|o|il|el|los|las)\s+)?"
    r"(?:information|informations?|content|contents|informazioni|información|informação|informações|informationen"
    r"|inhalt|inhoud|informatie|treść|zawartość|содержание|информация|obsah|tiedot|indhold|innehåll)\s+"
    r"(?:\S+\s+){0,3}?)" + _NOTICE_DEMONSTRATIVE
    + r"|^\s*+aan (?:dit|deze) (?:e-?mail|bericht)\b.{0,60}?geen rechten",
    re.IGNORECASE,
)
_PERSONAL_DATA = re.compile(
    r"personal data|datos personales|données personnelles|dati personali|danych osobowych|personenbezogene"
    r"|dados pessoais|persoonsgegevens|personuppgifter|personoplysninger|personopplysninger|персональн\w* данн",
    re.IGNORECASE)
# the regulation by its number, or the reader addressed about her data ("sus datos personales")
_DATA_RULES = re.compile(
    r"2016/679|\b(?:sus|vos|i suoi|ihre|your|seus|os seus|uw)\s+"
    r"(?:datos|données|dati|personenbezogenen|personal|dados|persoonsgegevens)|pani/pana|państwa danych"
    r"|ваши персональн",
    re.IGNORECASE)
_PROCESSED = re.compile(
    r"administrator\w*|controller|responsable|titolare|verantwortlich|tratad|tratamiento|traité|traitement"
    r"|trattat|trattamento|verarbeit|przetwarza|processed|processing|verwerk|обрабат|обработк",
    re.IGNORECASE)


# `_WE` without "i", which is "and" in Polish, Czech and Slovak: the English "I" is asked in capitals
_VOICE = re.compile(r"\b(?:we|our|us|my|wir|unser\w*|nous|notre|nos|nosotros|nuestr[oa]s?|noi|nostr[oaie])\b",
                    re.IGNORECASE)
_I = re.compile(r"\bI\b")


# the data-protection regulation named by its number or acronym, with a word for confidential or reserved
# in the same line: "Ai sensi del Regolamento UE 2016/679 (GDPR) … le informazioni … sono riservate"
_REGULATION = re.compile(r"2016/679|\b(?:gdpr|rgpd|dsgvo)\b", re.IGNORECASE)
_RESERVED = re.compile(r"confiden|riservat|reservad|vertraulich|privileg|esclusiv|exclusiv|ausschlie|uitsluitend"
                       r"|vertrouwelijk|poufn", re.IGNORECASE)


def _is_notice(head: str) -> bool:
    """True for a legal or data-protection notice that `_DISCLAIMER` does not know by its opening
    words (see `_NOTICE`): asked only of a line holding one of NOTICE_CUES."""
    if len(head) < NOTICE_WIDTH:
        return False
    lower = head.lower()
    for cue in NOTICE_CUES:  # (a loop, not any(): no generator a line) before the voice's searches,
        if cue in lower:  # which try each word at each character: most lines hold no cue
            break
    else:
        return False
    if _VOICE.search(head) is not None or _I.search(head) is not None:
        return False
    if _NOTICE.match(head) is not None:
        return True
    if _REGULATION.search(head) is not None and _RESERVED.search(head) is not None:
        return True
    return (_PERSONAL_DATA.search(head) is not None and _DATA_RULES.search(head) is not None
            and _PROCESSED.search(head) is not None)


# the words for confidential of `_CONFIDENTIAL_MORE` an ASCII line can hold ("Email ini bersifat rahasia …"),
# each one of NOTICE_CUES (mailer/plain_lines.py reads a line holding one of those as it reads `_is_notice`'s)
_ASCII_CONFIDENTIAL = ("rahasia", "confidenti", "confidencial", "povjerljiv", "poverljiv", "zaupn", "dovern",
                       "kumpidensyal")


def _ascii_notice_cue(head: str) -> bool:
    """True when the ASCII line is at least NOTICE_WIDTH long and holds one of `_ASCII_CONFIDENTIAL`:
    only then is `_MORE_NOTICE` tried on it (Indonesian and Malay notices are written in ASCII)."""
    if len(head) < NOTICE_WIDTH:
        return False
    lower = head.lower()
    return any(cue in lower for cue in _ASCII_CONFIDENTIAL)


def is_disclaimer(line: Line) -> bool:
    """True when the line opens a legal notice or is the "think before printing" line (a line
    without a letter is none: the case-blind word search, ~20 µs a 400-character line, is not
    tried on it). Worked out once a line (`Line.disclaimer`: a line repeating an earlier one of the
    text shares its `Line`, and the answer, which is read from its text alone)."""
    known = line.disclaimer
    if known is NOT_READ:
        known = line.disclaimer = _is_disclaimer(line)
    return known


def _is_disclaimer(line: Line) -> bool:
    """`is_disclaimer`, worked out."""
    if not line.letter:
        return False
    head = line.head.lstrip()
    if len(head) < 10:  # its shortest words: "disclaimer", "avvertenza"
        return False
    if _DISCLAIMER.match(head) or _is_notice_label(head) or _names_a_register(head) or _is_notice(head):
        return True
    if len(head) >= DENSE_NOTICE_WIDTH and (not head.isascii() or _ascii_notice_cue(head)):
        more = _MORE_NOTICE.match(head)  # (each of its languages but Indonesian and Malay writes a non-ASCII letter)
        if (more is not None and (len(head) >= NOTICE_WIDTH or more.group("dense") or _MAY_CONTAIN.search(head))
                and _has_cue_unnegated(head, more.end(), _CONFIDENTIAL_CUE, _NOT)):
            return True
    if head.isascii():
        lower = head.lower()
        for cue in PRINTING_CUES:  # a word of each phrase of _PRINTING_WORDS that can be in an ASCII line
            if cue in lower:
                break
        else:
            return False
    return _PRINTING.search(head) is not None
