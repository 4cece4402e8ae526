"""The lines that close what a member wrote: a phone's or an app's sign-off, a legal notice.

`is_phone_signature` knows "Sent from my iPhone" and its forms in many languages (the phrases
of mail-parser-reply's language tables and our own), carriers' and K-9 Mail's longer lines,
"Get Outlook for iOS" and any "Get <app> for Android/iOS" line. `is_disclaimer` knows the
first line of a corporate legal notice in English, French, German, Spanish, Italian, Dutch,
Portuguese, Polish, Russian and the Nordic languages ("CONFIDENTIALITY NOTICE: …", "This e-mail
… is confidential", "Diese E-Mail enthält vertrauliche …", "Ce message … confidentiel …",
"Dit bericht is uitsluitend bestemd …") and the "consider the environment before printing"
line, a line naming the organisation's register and number ("… is a registered charity
(no. 1234567)", "Amtsgericht … VR 12345"), a notice with a few words before "this message"
("AVISO: Esta mensagem é confidencial", "Le informazioni contenute in questo messaggio sono
riservate") and a data-protection notice ("… sus datos personales serán tratados …", Regulation
2016/679), each in no one's voice. Each looks at one line of at most MAX_LINE characters.
"""
from __future__ import annotations

import re

from mailparser_reply.constants import MAIL_LANGUAGES

from mailer.ascii_case import ascii_lower
from mailer.reply_lines import Line

def _phone_phrases() -> list[str]:
    """The "Sent from my …" phrases of every language mail-parser-reply knows, plus our own."""
    phrases = {"sent from my", "sent from", "sent via", "sent with", "sent using", "get outlook for",
               "envoyé de mon", "envoyé depuis mon", "envoyé depuis", "envoyé à partir de",
               "envoyé avec", "télécharger outlook pour", "von meinem", "gesendet von meinem",
               "gesendet von", "gesendet mit", "verstuurd vanaf mijn", "verzonden vanaf mijn",
               "verzonden met", "enviado desde mi", "enviado do meu", "enviado desde", "inviato da",
               "inviato dal mio", "wysłano z", "wysłane z", "wysłane z mojego", "enviat des del meu",
               "enviat des de", "odesláno z", "skickat från min", "sendt fra min", "lähetetty",
               "отправлено с", "отправлено из", "надіслано з", "gửi từ", "στάλθηκε από",
               "iphone'umdan", "发自我的", "從我的", "从我的", "發自我的", "傳自我的", "寄自我的",
               "απεστάλη από", "στάλθηκε από το", "נשלח מ", "נשלח מה", "أُرسلت من", "أرسلت من", "مرسل من",
               "تم الإرسال من", "भेजा गया", "dikirim dari", "poslano s", "poslato sa", "odoslané z",
               "išsiųsta iš", "saadetud", "изпратено от", "отправлено из мобильной", "poslano iz",
               "poslané z", "trimis de pe", "nosūtīts no", "ส่งจาก", "dihantar daripada",
               "von meinem/meiner", "sent from the all new aol app", "αποστολή από"}
    for lang in MAIL_LANGUAGES.values():
        for alternative in (lang.get("sent_from") or "").split("|"):
            alternative = alternative.replace(".*", "").replace("\\", "").strip().lower()
            if alternative and re.fullmatch(r"[\w' ]+", alternative):
                phrases.add(alternative)
    return sorted(phrases, key=len, reverse=True)


_PHONE_SIG = re.compile(
    r"^\s*+(?:" + "|".join(re.escape(p) for p in _phone_phrases()) + r")"
    r"(?:\s*[\w'’.®&-]+){1,6}\s*(?:<[^>\s]{1,200}>)?\s*(?:gesendet|verzonden|傳送|发送|發送)?\s*[.!]?\s*$"
    r"|^\s*(?:get outlook for|télécharger outlook pour|outlook für|get the new aol app)\s*\S.{0,200}$"
    # "Get BlueMail for Android", "Download Spark for iOS": an app and a system, nothing more
    r"|^\s*(?:get|download|holen sie sich|obtenir|obtener|scarica|baixe|pobierz)\s+\S+(?:\s+\S+)?"
    r"\s+(?:for|für|pour|para|per|dla)\s+(?:android|ios|iphone|ipad|windows|mac)\s*[.!]?\s*$"
    r"|^\s*von meinem .{1,40} gesendet\.?\s*$"
    # Windows 10 Mail in every language: "Enviado do Email para Windows", "Inviato da Posta per Windows"
    r"|^\s*(?:sent|envoyé|enviado|gesendet|inviato|verzonden|verstuurd|skickat|sendt|lähetetty|wysłane"
    r"|odesláno|odoslané)\b[^.,;:!?]{0,40}\b(?:for|para|pour|für|per|voor|för|for|dla|pro|pre)\s+windows"
    r"(?:\s+\d+)?\s*$"
    r"|^\s*(?:\S{1,10}\s){0,3}\S{1,30}\s?(?:から送信|에서 보냄|-ról küldve|-ről küldve|ilə göndərildi)\s*$"
    # the German order, the verb last: "Von Mail für Windows gesendet", "Von Yahoo Mail auf Android gesendet"
    r"|^\s*von\s+(?:\S{1,20}\s+){0,3}(?:für|auf)\s+(?:windows|android|ios|iphone|ipad|mac)(?:\s+\d+)?\s+gesendet\.?\s*$"
    # Outlook mobile's footer in any language ends with Microsoft's short link to the app
    r"|^[^.;!?]{0,80}<https?://aka\.ms/[^>\s]{1,40}>[^.;!?<>]{0,30}$"
    r"|^\s*(?:\S+\s){0,2}\S{1,30}(?:ról|ről) küldve\.?\s*$"  # "Az iPhone-omról küldve"
    # Turkish, the verb last: "Android'de Yahoo Posta'dan gönderildi", "Samsung cihazımdan gönderildi"
    # (a device or an app named by its brand: "Paket Ankara'dan gönderildi", "Formlar posta ile
    # İstanbul'dan gönderildi", "Fotoğraflar telefonla şubeden gönderildi" are sentences)
    r"|^(?=.{0,80}$)(?=.*?(?:iphone|ipad|android|galaxy|samsung|huawei|xiaomi|yahoo|outlook|gmail))"
    r"\s*(?:\S{1,30}\s){0,5}\S{1,30}(?:d[ae]n|t[ae]n)\s+gönderildi\.?\s*$"
    # "发自网易邮箱大师", "来自我的华为手机": only with a device or app named ("发自内心" is a phrase)
    r"|^\s*(?:发自|發自|来自|來自)(?:我的)?\s*\S{0,12}?(?:iphone|ipad|android|手机|手機|邮箱|郵箱|客户端"
    r"|outlook|mail|galaxy|华为|小米|大师)\S{0,6}\s*$"
    r"|^\s*ส่งจาก\s*\S{1,30}(?:\s+\S{1,20})?\s*$"
    # Outlook mobile's footer in every language names the app and the system: "Obtener Outlook
    # para Android", "Scarica Outlook per iOS", "Hämta Outlook för Android" (a short line, no sentence)
    r"|^[^.,;:!?]{0,40}\boutlook\b[^.,;:!?]{0,25}\b(?:ios|android)\b\s*(?:<[^>\s]{1,200}>)?\s*$",
    re.IGNORECASE,
)
# K-9 Mail, Samsung and carriers: "Sent from my Android device with K-9 Mail. Please excuse my
# brevity.", "Sent via the Samsung Galaxy S7, an AT&T 4G LTE smartphone"
_LONG_PHONE_SIG = re.compile(
    r"^\s*+(?:sent|envoyé|enviado|gesendet|inviato|verstuurd|skickat|sendt)\b.{0,60}\b(?:k-9 mail"
    r"|android|iphone|ipad|samsung|galaxy|smartphone|blackberry|huawei|xiaomi|pixel|mobile"
    r"|device|tablet|fairemail|bluemail|aquamail|protonmail|proton mail|tutanota|yahoo mail"
    r"|outlook|spark|airmail|newton|zoho mail|gmail|lte)\b.{0,80}$"
    r"|^\s*(?:please excuse (?:my )?(?:brevity|typos)|excuse (?:my )?brevity|typed on a .{1,40})"
    r"\.?\s*$"
    # "Typed with thumbs - please excuse typos", "Written on my phone, sorry for any typos"
    r"|^\s*(?:typed|written|sent|tapped)\s+(?:with|on|from|using)\s+(?:my\s+|a\s+)?(?:thumbs|phone|mobile|small screen"
    r"|tiny keyboard)\b[^.?!]{0,20}(?:[-,;–—]\s*(?:please\s+)?(?:excuse|forgive|sorry for|apologies for)\s+"
    r"(?:any\s+|my\s+|the\s+)?(?:brevity|typos|spelling|errors|mistakes))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
# a short line naming a phone or a mail app, in any language ("Von Yahoo Mail auf Android
# gesendet", "Αποστολή από το iPhone μου", "Elküldve az iPhone-omról", "내 Galaxy에서 보냄")
_DEVICE = re.compile(r"(?<![A-Za-z])(?:iphone|ipad|ipod|galaxy|android|blackberry|huawei|xiaomi|pixel|samsung"
                     r"|yahoo mail|outlook|k-9 mail|bluemail|spark|proton ?mail|aol|gmail|windows phone"
                     r"|smartphone)(?![A-Za-z])", re.IGNORECASE)
_SENTENCE_INSIDE = re.compile(r"[?!;:]|[.,]\s+\S|\b(?:me|you|i|we|us|call|text|reach|contact|ring)\b", re.IGNORECASE)
_PROSE = re.compile(r"\b(?:is|are|was|much|easier|than|then|because|but)\b", re.IGNORECASE)
# "Sent via courier to the ministry." is a sentence: after the bare English phrases an app's
# sign-off names the app ("Sent from Mailbox", "Sent with Airmail", "Sent from the AOL app")
_BARE_SENT = re.compile(r"^\s*+sent (?:from|via|with|using)\s+(?!my\b)(\S+)", re.IGNORECASE)


# an app's link after its sign-off: "<https://…>", "(https://canarymail.io)" or bare at the end
_LINK = re.compile(r"<https?://[^<>\s]{1,300}>|\(\s?https?://[^()\s]{1,300}\s?\)|(?<=\s)https?://\S{1,300}\s*$")
# What an ASCII line must open with (lower-cased) for `_PHONE_SIG` to match it, unless it holds
# "outlook" or "aka.ms": the first word of each phrase and of each other anchored alternative
# (an alternative that needs a non-ASCII word cannot match an ASCII line: see `ascii_lower`).
_PHONE_FIRST = tuple(sorted({w for w in (ascii_lower(p.split(" ")[0]) for p in (
    *_phone_phrases(), "get", "outlook", "download", "holen", "obtenir", "obtener", "scarica", "baixe",
    "pobierz", "von", "sent", "enviado", "gesendet", "inviato", "verzonden", "verstuurd", "skickat", "sendt"))
    if w.isascii()}))


def _phone_sig(head: str) -> re.Match | None:
    """`_PHONE_SIG.match(head)`, answered None at once for an ASCII line that opens with none of
    its first words and names neither Outlook nor aka.ms (most lines of prose: ~3 µs saved)."""
    if head.isascii():
        lower = head.lower()
        if not (lower.startswith(_PHONE_FIRST) or "outlook" in lower or "aka.ms" in lower):
            return None
    return _PHONE_SIG.match(head)


def is_phone_signature(line: Line) -> bool:
    """True when the line is a mobile client's sign-off ("Sent from my iPhone", K-9 Mail's …)."""
    if not line.letter:
        return False  # every sign-off names something in words: a rule of symbols tries no pattern
    head = line.head.lstrip()  # the patterns open with ^\s*: a long indent is not tried at each step
    if "http" in head and not _phone_sig(head):
        head = _LINK.sub("", head)  # "Sent from Mail<https://go.microsoft.com/…> for Windows": the link as text
    if _phone_sig(head):
        bare = _BARE_SENT.match(head)
        return not bare or any(c.isupper() for c in bare.group(1)) or bare.group(1).lower() in ("the", "a")
    return bool(_LONG_PHONE_SIG.match(head)) and not _PROSE.search(head.split(".")[0])


DEVICE_LINE_WIDTH = 70  # names_device reads only lines this short


def names_device(line: Line) -> bool:
    """True for a short line (at most 8 words and 70 characters, no sentence inside it) that names
    a phone or a mail app: a sign-off in any language where the text ends below it (the caller
    checks that a quote, an attribution or the end follows)."""
    head = line.stripped
    return (0 < len(head) <= DEVICE_LINE_WIDTH and line.letter and len(head.split()) <= 8
            and _DEVICE.search(head) is not None and not _SENTENCE_INSIDE.search(head))  # "Call me on my iPhone" stays


# a closing formula alone on its line ("Best regards", "Viele Grüße", "Cordialement,")
_CLOSING = re.compile(
    r"^\s*+(?:(?:(?:best|kind|warm|warmest|many|with best|with kind)\s+)?(?:regards|wishes|thanks)|best|cheers"
    r"|thanks|thank you|sincerely|yours(?: sincerely| truly)?|all the best|take care"
    r"|(?:viele|beste|liebe|herzliche|freundliche|schöne)\s+grüße|mit freundlichen grüßen|mfg|gruß|grüße"
    r"|(?:bien\s+)?cordialement|bien à (?:vous|toi)|amitiés|salutations(?: distinguées)?|merci"
    r"|(?:un\s+)?saludos?(?: cordiales)?|atentamente|un abrazo|cordiali saluti|(?:un\s+)?salut[oi]"
    r"|distinti saluti|met vriendelijke groet(?:en)?|(?:hartelijke\s+)?groet(?:en)?|pozdrawiam(?: serdecznie)?"
    r"|z poważaniem|с уважением|atenciosamente|abraços|cumprimentos|med vänlig hälsning|vänliga hälsningar"
    r"|hälsningar|venlig hilsen|med vennlig hilsen|ystävällisin terveisin|terveisin|üdvözlettel"
    r"|s pozdravem|saygılarımla|cu stimă|με εκτίμηση|敬具|감사합니다"
    r"|med vänliga hälsningar|vänlig hälsning|mvh|hilsen|groetjes|vriendelijke groet(?:en)?|srdečně|üdv"
    r"|mit (?:besten|herzlichen|lieben) grüßen|herzlich|lg|vg|cordialmente|saludos cordiales|un cordial saludo"
    r"|distinti saluti|cordiali saluti|a presto|abraço|att\.?|atte\.?|всего доброго|с наилучшими пожеланиями"
    r"|з повагою|pozdrowienia|pozdravy|lep pozdrav|srdačan pozdrav|lp|s poštovanjem|ar cieņu|pagarbiai"
    r"|lugupidamisega|поздрави|с почит|saludos|iyi çalışmalar|sevgiler|μέ εκτίμηση|φιλικά|בברכה|תודה"
    r"|مع التحية|مع تحياتي|تحياتي|مع خالص التحية|مع خالص التقدير|وشكراً|شكراً|此致|此致敬礼|祝好|顺祝商祺"
    r"|よろしくお願いいたします|よろしくお願いします|敬上|감사합니다|고맙습니다|trân trọng|salam|hormat saya"
    r"|ขอบคุณครับ|ขอบคุณค่ะ|ขอแสดงความนับถือ)\s*[,.!،、。]?\s*$",
    re.IGNORECASE,
)
# a line of a signature block that gives a way to reach its writer
_CONTACT = re.compile(r"\+?\d[\d ().-]{6,}\d|https?://|\bwww\.|\S@\S+\.\w|\b(?:tel|phone|mobile|mob|fax|cell"
                      r"|tél|téléphone|telefon|telefono|teléfono|móvil|handy|телефон)\b", re.IGNORECASE)


def is_closing(line: Line) -> bool:
    """True for a closing formula alone on its line ("Best regards", "Viele Grüße", "Cordialement,")."""
    return len(line.head) <= 60 and line.letter and _CLOSING.match(line.head) is not None


def gives_contact(line: Line) -> bool:
    """True when the line holds a phone number, a web or mail address, or names one ("Tel.")."""
    return _CONTACT.search(line.head) is not None


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
)
_THIS_MESSAGE_UNSPACED = (
    r"본\s?(?:메일|이메일|전자우편)|이\s(?:메일|이메일|전자우편)|このメール|この電子メール|本メール|本電子メール"
    r"|本邮件|此邮件|本郵件|此郵件|本电子邮件|本電子郵件|อีเมล(?:ฉบับ)?นี้|ข้อความนี้"
)
# a word for confidential or secret; a word for whom the message is meant ("namijenjena", "מיועדת",
# "destinat", "收件人") is no cue of its own: a member writes "this message is meant for the whole committee"
_CONFIDENTIAL_MORE = (
    r"gizli|εμπιστευτικ|απόρρητ|חסוי|סודי|سري|سرية|기밀|비밀|機密|机密|保密|秘密|confiden|поверителн|povjerljiv"
    r"|poverljiv|поверљив|dôvern|zaupn|rahasia|ความลับ|गोपनीय"
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
    r"|ไม่|नहीं", re.IGNORECASE)
NOT_REACH = 12  # how far before or after the word for confidential a "not" turns the line into a statement


def _has_cue_unnegated(text: str, start: int, cue: re.Pattern, negation: re.Pattern) -> bool:
    """True when, within CUE_REACH characters after `start`, `text` has a match of `cue` with no
    match of `negation` within NOT_REACH characters of it ("Bu mesaj gizli değil" says the message
    is not secret; "Disclaimer: not confidential" is a member's statement)."""
    for found in cue.finditer(text, start, start + CUE_REACH):
        if negation.search(text[max(0, found.start() - NOT_REACH):found.end() + NOT_REACH]) is None:
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
    r"|poufn|конфиденциальн|luottamuksellinen|konfidentiel|fortrolig|důvěrn|bizalmas)",
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
               "poufn", "luottamuksellinen", "fortrolig", "bizalmas", "geen rechten", "personal data",
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
    r"|vertrouwelijk|poufn|конфиденциальн|luottamuksellinen|konfidentiel|fortrolig|důvěrn|bizalmas)")
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


def _is_notice(head: str) -> bool:
    """True for a legal or data-protection notice that `_DISCLAIMER` does not know by its opening
    words (see `_NOTICE`): asked only of a line holding one of NOTICE_CUES."""
    if len(head) < NOTICE_WIDTH or _VOICE.search(head) is not None or _I.search(head) is not None:
        return False
    lower = head.lower()
    if not any(cue in lower for cue in NOTICE_CUES):
        return False
    if _NOTICE.match(head) is not None:
        return True
    return (_PERSONAL_DATA.search(head) is not None and _DATA_RULES.search(head) is not None
            and _PROCESSED.search(head) is not None)


def is_disclaimer(line: Line) -> bool:
    """True when the line opens a legal notice or is the "think before printing" line (a line
    without a letter is none: the case-blind word search, ~20 µs a 400-character line, is not
    tried on it)."""
    if not line.letter:
        return False
    head = line.head.lstrip()
    if len(head) < 10:  # its shortest words: "disclaimer", "avvertenza"
        return False
    if _DISCLAIMER.match(head) or _is_notice_label(head) or _names_a_register(head) or _is_notice(head):
        return True
    if len(head) >= DENSE_NOTICE_WIDTH and not head.isascii():  # (each of its languages writes such a letter)
        more = _MORE_NOTICE.match(head)
        if (more is not None and (len(head) >= NOTICE_WIDTH or more.group("dense"))
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


