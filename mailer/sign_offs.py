"""The lines that close what a member wrote: a phone's or an app's sign-off, a closing formula, a
contact line (legal notices are `mailer/legal_notices.py`'s).

`is_phone_signature` knows "Sent from my iPhone" and its forms in many languages (the phrases
of mail-parser-reply's language tables and our own), carriers' and K-9 Mail's longer lines,
"Get Outlook for iOS" and any "Get <app> for Android/iOS" line; `names_device` a short line naming
a phone or a mail app; `is_closing` a closing formula alone on its line ("Best regards", "Viele
Grüße", "Cordialement,"); `gives_contact` a line giving a phone number, a web or mail address.
Each looks at one line of at most MAX_LINE characters.
"""
from __future__ import annotations

import re

from mailparser_reply.constants import MAIL_LANGUAGES

from mailer.ascii_case import ascii_lower
from mailer.legal_notices import is_disclaimer
from mailer.quote_headers import quote_starts
from mailer.quote_markers import attribution_span, intro_before_quote
from mailer.reply_lines import NOT_READ, Line, Lines

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
    # the verb first: "Elküldve Androidos telefonomról", "Elküldve az okostelefonomról", "Elküldve a
    # Galaxy készülékemről": a phone named by the word for it ("Elküldve a postáról." is a sentence)
    r"|^\s*elküldve\s+(?:(?:az?|saját|androidos|ios|samsung|galaxy|mobil|okos)\s+){0,3}\S{0,20}"
    r"(?:telefonom|telefon|mobilom|készülékem|táblagépem|tabletem|iphone-om|ipadem|eszközöm)(?:ról|ről)\.?\s*$"
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
    """True when the line is a mobile client's sign-off ("Sent from my iPhone", K-9 Mail's …);
    found once a line (`Line.sign_off`)."""
    if line.sign_off is NOT_READ:
        line.sign_off = _is_phone_signature(line)
    return line.sign_off


def _is_phone_signature(line: Line) -> bool:
    """`is_phone_signature`, worked out."""
    if not line.letter:
        return False  # every sign-off names something in words: a rule of symbols tries no pattern
    head = line.head.lstrip()  # the patterns open with ^\s*: a long indent is not tried at each step
    if "http" in head and not _phone_sig(head):
        head = _LINK.sub("", head)  # "Sent from Mail<https://go.microsoft.com/…> for Windows": the link as text
    if _phone_sig(head):
        bare = _BARE_SENT.match(head)
        return not bare or any(c.isupper() for c in bare.group(1)) or bare.group(1).lower() in ("the", "a")
    return bool(_LONG_PHONE_SIG.match(head)) and not _PROSE.search(head.split(".")[0])


# Samsung Email's polite Korean sign-off, "갤럭시 스마트폰에서 보냈습니다." ("Samsung Galaxy 스마트폰에서
# 보냈습니다.", "내 Galaxy에서 보냈습니다.", "Galaxy S24에서 보냈습니다."): before 에서 nothing but "my",
# a phone's brand, its model and the word for phone or tablet ("Samsung Pay에서 보냈습니다." is a
# payment, "링크는 android 앱에서 보냈습니다." an app, "제 휴대폰에서 보냈습니다." names no phone)
_KO_DEVICE_LINE = re.compile(
    r"^(?:(?:내|나의|제|저의)\s)?(?:(?:갤럭시|삼성|아이폰|아이패드|galaxy|samsung|iphone|ipad|스마트폰|휴대폰|핸드폰"
    r"|태블릿|폰|ultra|plus|pro|max|mini|fe|fold\d?|flip\d?|note\d{0,2}|tab|edge|lite|z|[a-z]{0,2}\d{1,4}\+?)\s?){1,6}"
    r"에서\s?보냈습니다\.?$",
    re.IGNORECASE,
)
# a phone named: its model, or Samsung with the word for phone ("삼성에서 보냈습니다.": Samsung, the firm, sent it)
_KO_BRAND = re.compile(r"갤럭시|아이폰|아이패드|galaxy|iphone|ipad|(?:삼성|samsung)\s?(?:스마트폰|휴대폰|핸드폰|태블릿|폰)",
                       re.IGNORECASE)


def polite_korean_device_line(line: Line) -> bool:
    """True for Samsung's polite Korean device line ("갤럭시 스마트폰에서 보냈습니다."), a phone
    named (`_KO_DEVICE_LINE`, `_KO_BRAND`). The caller checks where it stands: under a blank line below
    her text, nothing but the end or a quote under it ("회비는 오늘 아침 / 삼성 스마트폰에서
    보냈습니다." is her sentence wrapped)."""
    head = line.stripped
    return len(head) <= 60 and _KO_DEVICE_LINE.match(head) is not None and _KO_BRAND.search(head) is not None


# Turkish "sent from my phone" with no brand named: "Telefonumdan gönderildi", "Cep telefonumdan
# gönderildi.", "Akıllı telefonumdan gönderildi", "Mobil cihazımdan gönderildi", "Tabletimden
# gönderildi": nothing before the device but the kind of phone ("Fotoğraflar telefonumdan gönderildi",
# the photos were sent from her phone, is her sentence)
_TR_DEVICE_LINE = re.compile(
    r"^(?:(?:cep|akıllı|akilli|mobil)\s)?(?:telefonum|cihazım|cihazim|tabletim)(?:dan|den)\s+gönderildi\.?$",
    re.IGNORECASE)


def plain_turkish_device_line(line: Line) -> bool:
    """True for the Turkish "sent from my phone" naming no brand ("Telefonumdan gönderildi",
    `_TR_DEVICE_LINE`). The caller checks where it stands, as for `polite_korean_device_line`."""
    head = line.stripped
    return len(head) <= 40 and _TR_DEVICE_LINE.match(head.replace("İ", "i").replace("I", "ı")) is not None


# A mail app's or a phone's sign-off that names it last, in the ablative, before the verb, with
# nothing before it but a platform ("… için", "…'de") or "my": Turkish "Yandex.Mail mobil uygulamasından
# gönderildi", "Android için myMail'den gönderildi", "Mail.ru uygulamasından gönderildi"; Basque "Nire
# iPhonetik bidalia", "Nire Android gailutik bidalita". A word of her sentence before the app ("Davetiyeler
# Yandex Mail üzerinden gönderildi.", the invitations went out through it; "Dilekçe ayse@mail.ru adresinden
# gönderildi."), a device someone else owns ("Nire ahizparen telefonotik bidalia", from my sister's phone)
# or a thing that is no device ("Nire etxetik bidalia", from home; "Nire telefono zenbakitik", from my
# number) make a sentence of hers.
_VERB_LAST_DEVICE = re.compile(
    r"^(?:(?:android|ios|iphone|ipad)\S{0,4}\s+(?:için\s+)?)?(?:yandex[. ]?(?:mail|posta)|mail\.ru|mymail)\S{0,6}"
    r"(?:\s+(?:mobil|uygulama\S{0,8}|için|android\S{0,4}|ios\S{0,4})){0,3}(?<=d[ae]n|t[ae]n)\s+gönderildi\.?$"
    r"|^nire\s+(?:(?:iphone|ipad|android|galaxy|samsung|huawei|xiaomi|[a-z]{0,3}\d{1,4}\+?)\s+){0,2}"
    r"(?:(?:iphone|ipad|android|galaxy|samsung|huawei|xiaomi|mugikor|telefono|tablet|gailu)\S{0,6}|[a-z]{0,3}\d{1,4}\+?-?)tik"
    r"\s+bidali(?:a|ta|tako)\.?$",
    re.IGNORECASE)


def verb_last_device_line(line: Line) -> bool:
    """True for a sign-off naming the phone or the mail app last, before the verb (`_VERB_LAST_DEVICE`:
    "Yandex.Mail mobil uygulamasından gönderildi", "Nire iPhonetik bidalia"). The caller checks where
    it stands: below her text, with nothing of hers under it (the same line above more of her text
    is a sentence of hers). Found once a line (`Line.device_last`)."""
    if line.device_last is NOT_READ:
        head = line.stripped
        line.device_last = len(head) <= 80 and _VERB_LAST_DEVICE.match(head) is not None
    return line.device_last


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
    r"|ขอบคุณครับ|ขอบคุณค่ะ|ขอแสดงความนับถือ|s pozdravom|s úctou|謝謝|谢谢|感謝|感谢|salamat(?: po)?|maraming salamat(?: po)?"
    r"|asante(?: sana)?|cảm ơn|terima kasih|děkuji|dziękuję|köszönöm|mulțumesc|teşekkürler|teşekkür ederim"
    r"|ευχαριστώ|спасибо|дякую|grazie|gracias|obrigad[oa]|danke"
    r"|(?:üdvözlettel|tisztelettel|barátsággal)\s*:)\s*[,.!،、。]?\s*$",  # Hungarian signs off with a colon
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


# a postscript's mark opening a line, then a word: "P.S.", "P.P.S.:", or a bare "PS"/"PPS" with its
# punctuation ("PS:", "PS -"); not "Ps 46:10" (a psalm) nor "PS Consulting Ltd" (a firm's name)
_POSTSCRIPT_MARK = re.compile(r"^(?:(?:p\.\s?){1,2}s\.?\s*[:\-–—,]?|p{1,2}s\s*[:.\-–—,])\s*(?=[^\W\d_])",
                              re.IGNORECASE)


def postscript_below(lines: Lines, i: int) -> bool:
    """True when the first line of text under line i (a bare "--" or "-- "), at most one blank line
    between, opens with a postscript's mark ("P.S. the gate code …", "PS: …") followed by a word:
    the member's afterthought under her own rule, not a signature. A signature's own "P.S." is
    none: a legal or "think before printing" notice behind the mark, or lines giving a phone, a web
    or mail address right under it (a name, a role, a number; a list's unsubscribe line), unless
    her line above ends with a colon ("P.S. my new number:" / "07700 900111"). Reads at most 8 lines."""
    for j in (i + 1, i + 2):
        if j >= lines.count:
            return False
        if not lines.blank(j):
            mark = _POSTSCRIPT_MARK.match(lines[j].stripped)
            return mark is not None and not _signatures_postscript(lines, j, mark.end())
    return False


POSTSCRIPT_PARAGRAPH = 6  # lines read under a postscript's first line for a signature's contact lines


def _signatures_postscript(lines: Lines, j: int, after_mark: int) -> bool:
    """True when the postscript at line j belongs to a signature (see `postscript_below`)."""
    if is_disclaimer(Line(lines[j].stripped[after_mark:])):
        return True
    for k in range(j + 1, min(lines.count, j + 1 + POSTSCRIPT_PARAGRAPH)):
        if lines.blank(k) or lines.quoted(k):
            return False
        if (gives_contact(lines[k]) and not lines[k - 1].stripped.endswith((":", "："))
                and not (attribution_span(lines, k) or intro_before_quote(lines, k) or quote_starts(lines, k))):
            return True  # (an attribution's or a header's address under her P.S. opens the quote)
    return False
