"""The lines that open a forwarded or original message inside a reply (split from
`quote_markers`, which recognises attributions): a separator ("-----Original Message-----" and its
translations, QQ Mail's "原始邮件"), a block of mail header fields in many languages ("From: /
Sent: / To:", "发件人: / 发送时间:", "Message du : / De : / A :", and a "Date: / To:" block without
From when it names an address or a subject; in a language no list holds, four "label: value" lines
from an address with a date sent). Quotes prefixed with the writer's initials or SquirrelMail's
'<quote who=…>' tags are rewritten as `>` quotes by `mailer.quote_prefixes`.
Every pattern sees at most one line of at most MAX_LINE characters, so no input makes them slow.
"""
from __future__ import annotations

import re

from mailer.quote_markers import attribution_span
from mailer.reply_lines import NOT_READ, Line, Lines


# header fields that name the sender (one of these and one more field make a block)
_SENDER_FIELDS = frozenset((
    "from", "de", "von", "van", "od", "fra", "från", "da", "lähettäjä", "feladó", "от", "від",
    "发件人", "寄件者", "差出人", "보낸 사람", "보낸사람", "kimden", "من", "từ", "de la", "από", "message du",
    "envoyé par", "מאת", "प्रेषक", "dari", "daripada", "šalje", "nuo", "saatja", "จาก", "از", "발신", "kutoka",
    "frá", "mula kay",
))
# the other fields of a quoted header block, in the same languages
_OTHER_FIELDS = frozenset((
    "sent", "date", "to", "cc", "bcc", "subject", "envoyé", "à", "a", "objet", "sujet", "copie à",
    "gesendet", "datum", "an", "betreff", "verzonden", "aan", "onderwerp", "wysłano", "do",
    "temat", "data", "dw", "sendt", "til", "emne", "dato", "kopi", "skickat", "till", "ämne",
    "kopia", "enviado", "enviada", "fecha", "para", "asunto", "assunto", "inviato", "oggetto",
    "odesláno", "komu", "předmět", "kopie", "reply-to", "répondre à", "importance", "priorité",
    "cci", "lähetetty", "vastaanottaja", "aihe", "elküldve", "címzett", "tárgy", "отправлено",
    "кому", "тема", "копия", "дата", "надіслано", "发送时间", "时间", "日期", "收件人", "主题", "抄送", "傳送時間",
    "收件者", "主旨", "副本", "送信日時", "宛先", "件名", "보낸 날짜", "받는 사람", "제목", "참조", "gönderildi", "kime",
    "konu", "tarih", "bilgi", "تاريخ الإرسال", "إلى", "الموضوع", "đã gửi", "đến", "chủ đề",
    "enviat", "per a", "assumpte", "trimis", "către", "subiect", "στάλθηκε", "προς", "θέμα",
    "נשלח", "אל", "נושא", "עותק", "תאריך", "भेजा गया", "प्रति", "विषय", "दिनांक", "dikirim", "kepada",
    "perihal", "subjek", "tanggal", "dihantar", "perkara", "odoslané", "predmet", "poslano", "prima",
    "poslato", "za", "zadeva", "išsiųsta", "kam", "nosūtīts", "tēma", "saadetud", "adressaat", "teema",
    "изпратено", "до", "ส่ง", "ถึง", "เรื่อง", "ارسال شده", "به", "موضوع", "enviado el", "inviato il",
    "수신", "날짜", "参照", "tarehe", "kwa", "mada", "nakala", "imetumwa",
    # Outlook's labels in more locales (Latvian "No:" is its From, counted here among the others: a
    # block needs three of them, so a voter's "No: …" line over one more field is never one)
    "no", "efni", "afrit", "tema", "wysłane", "kopio", "kópia", "kopija", "koopia", "másolatot kap",
    "копія", "копие", "寄件日期", "تم الإرسال", "نسخة", "สำเนาถึง", "enviat el",
    "ipinadala", "para kay", "paksa",  # Filipino (Tagalog) Outlook: "Mula kay: / Ipinadala: / Para kay: / Paksa:"
))
_FIELD_NAMES = _SENDER_FIELDS | _OTHER_FIELDS
_FIELD = re.compile(
    r"^\s*+[*_]{0,2}\s*(" + "|".join(re.escape(n) for n in sorted(_FIELD_NAMES, key=len, reverse=True))
    + r")\s*[*_]{0,2}\s*[:：]",
    re.IGNORECASE,
)
_MESSAGE_DU = re.compile(r"^\s*+message du\s*:?\s*\d", re.IGNORECASE)
_SUBJECT_FIELDS = {"subject", "objet", "sujet", "betreff", "onderwerp", "temat", "emne", "ämne",
                   "asunto", "assunto", "oggetto", "předmět", "aihe", "tárgy", "тема", "主题",
                   "主旨", "件名", "제목", "konu", "الموضوع", "chủ đề", "assumpte", "subiect", "θέμα",
                   "נושא", "विषय", "perihal", "subjek", "perkara", "predmet", "zadeva", "tēma", "teema",
                   "เรื่อง", "موضوع", "mada", "efni", "tema", "paksa"}
_SEPARATOR = re.compile(
    r"^\s*+[-=_*\u2010\u2012-\u2015]{2,}+\s*(original message|message d'origine|message original|ursprüngliche "
    r"nachricht|originalnachricht|original-nachricht|oorspronkelijk bericht|oprindelig "
    r"meddelelse|ursprungligt meddelande|originalmeddelande|opprinnelig melding|mensaje original"
    r"|messaggio originale|wiadomość oryginalna|oryginalna wiadomość|původní zpráva|mensagem "
    r"original|alkuperäinen viesti|исходное сообщение|оригинальное сообщение|пересланное "
    r"сообщение|оригінальне повідомлення|原始邮件|邮件原件|原始郵件|元のメッセージ|원본 메시지"
    r"|orijinal ileti|missatge original|forwarded message|message transféré|weitergeleitete "
    r"nachricht|doorgestuurd bericht|videresendt meddelelse|mensaje reenviado|messaggio inoltrato"
    r"|reply message|replied message|回复的原邮件|回覆的原郵件|quoted message|originalmeddelelse|originalmeldung"
    r"|original meddelelse|opprinnelig melding|eredeti üzenet|eredeti levél|orijinal mesaj"
    r"|αρχικό μήνυμα|הודעה מקורית|الرسالة الأصلية|mesajul original|mesaj original|pesan asli"
    r"|pesan asal|tin nhắn gốc|thư gốc|original|mail original|ursprüngliche mail"
    r"|ursprüngliche e-mail|e-mail original|email original|původní e-mail|pôvodná správa"
    r"|izvorna poruka|originalna poruka|izvirno sporočilo|pradinis laiškas|sākotnējā ziņa"
    r"|algne kiri|оригинално съобщение|ข้อความต้นฉบับ|پیام اصلی|मूल संदेश|원본 메일|原始信件"
    r"|vidarebefordrat meddelande|videresendt melding|videresendt besked|välitetty viesti"
    r"|přeposlaná zpráva|przekazana wiadomość|wiadomość przekazana|mensagem encaminhada"
    r"|mensagem reencaminhada|переадресованное сообщение|пересланий лист|iletilen ileti"
    r"|προωθημένο μήνυμα|הודעה שהועברה|الرسالة المُعاد توجيهها|転送メッセージ|转发邮件|轉寄郵件"
    r"|전달된 메시지|forwarded e-?mail)"
    r"\s*[-=_*\u2010\u2012-\u2015]{2,}\s*$"
    r"|^\s*(begin forwarded message|début du message réexpédié|anfang der weitergeleiteten "
    r"nachricht|inicio del mensaje reenviado|inizio messaggio inoltrato|início da mensagem "
    r"(?:re)?encaminhada|inizio del messaggio inoltrato|začátek přeposlané zprávy|továbbított levél kezdete"
    r"|välitetty viesti alkaa|以下是转发的邮件|以下为转发的邮件|전달된 메일|mensagem encaminhada|begin doorgestuurd bericht|doorgestuurd bericht"
    r"|vidarebefordrat brev|videresendt besked|videresendt melding|välitetty viesti|přeposlaná "
    r"zpráva|początek przekazywanej wiadomości|начало переадресованного сообщения|пересланное "
    r"сообщение|転送されたメッセージ|转发的邮件|轉寄的郵件|전달된 메시지|iletilen ileti"
    r"|προωθημένο μήνυμα)\s*[:：]\s*$"
    r"|^\s*\[?original message processed by david",  # Tobit David
    re.IGNORECASE,
)
_RULE = re.compile(r"^\s*+(?:_{5,}|-{5,}|—{3,})\s*$")
# what a separator, a rule or a framed title opens with (besides the forwarding phrases, which
# end with a colon, and Tobit David's "[original message …")
_RULE_CHARS = "-=_*\u2010\u2012\u2013\u2014\u2015"
# a line of these alone holds no framed title's first character ([^-=_*\s]): not tried (the
# pattern gives back its rule one character at a time before failing: ~14 µs on 400 of them)
_NOT_TITLE = "-=_* \t\r\n\f\v"
_NOT_TITLE_BYTES = _NOT_TITLE.encode("ascii")


def _holds_title_char(text: str) -> bool:
    """`text.strip(_NOT_TITLE)` is not empty: a character outside _NOT_TITLE. Asked of ASCII text
    by deleting those bytes (strip looked each character up in _NOT_TITLE: ~90 instructions a
    character, 38,000 for a rule of 400)."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _NOT_TITLE_BYTES))
    return bool(text.strip(_NOT_TITLE))


_FRAMED = re.compile(r"^\s*+[-=_*\u2010\u2012-\u2015]{2,}\s*[^-=_*\s][^-=_*]{0,60}?\s*[-=_*\u2010\u2012-\u2015]{2,}\s*$")


def _field_name(line: Line) -> str | None:
    """The header field the line opens with ("from", "objet" …), read once a line."""
    if line.field is NOT_READ:
        text = line.clean
        if text[:1] in "mM" and _MESSAGE_DU.match(text):  # the clean text is stripped: "m" first
            line.field = "message du"
        else:  # every field name is followed by a colon: a line without one tries no name
            m = _FIELD.match(text) if ":" in text or "：" in text else None
            line.field = m.group(1).lower() if m else None
    return line.field


def _is_header_block(lines: Lines, i: int) -> bool:
    """True when a block of mail header fields ("From: … Sent: … To: …") starts at line i."""
    name = _field_name(lines[i])
    if name is None:
        return False
    names = {name}
    address = "@" in lines[i].head
    figures = _has_digit(lines[i].head)
    sentences = 1 if _PROSE_END.search(lines[i].clean) else 0
    for j in range(i + 1, min(i + 7, lines.count)):
        if lines.blank(j):
            if len(names) >= 2:
                break
            continue
        line = lines[j]
        other = _field_name(line)
        if other:
            names.add(other)
            address = address or "@" in line.head
            figures = figures or _has_digit(line.head)
            sentences += 1 if _PROSE_END.search(line.clean) else 0
        elif (len(names) < 2 and _PROSE_END.search(line.clean) and "@" not in line.head
              and not _SOME_FIELD.match(line.head)):
            return False  # "To: all coordinators" / "Please add …": a member's first line, not a block
    if len(names) < 2 or (sentences >= 2 and not address and not figures):
        return False  # "From: the treasurer's view, it works." / "Sent: to all, I think.": sentences, no date nor address
    if names & _SENDER_FIELDS or len(names) >= 3:
        return True
    return address or bool(names & _SUBJECT_FIELDS)  # "Date: / To: <addr>" without From


# a sentence's end: a line of prose right under the first field shows it was none (a header
# block's lines are fields, or the wrapped rest of one, which ends with an address or a word)
_PROSE_END = re.compile(r"\w[.!?]$")
_SOME_FIELD = re.compile(r"^\s*+[\w-]{1,40}\s?[:：]")  # "Organization: …": a field of any name


def _has_digit(text: str) -> bool:
    """True when the text holds a figure (a header block's date or time does)."""
    return any(c.isdigit() for c in text)


# a label's letters in any script: the vowel signs and other combining marks of the Indic,
# Arabic and Hebrew scripts are no word characters to `re` ("ਵਿਸ਼ਾ", "પ્રેષક", "منجانب")
_MARKS = "\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e4e\u200c\u200d"
_LABEL_CHAR = rf"(?:[^\W\d_]|[{_MARKS}])"
_ANY_FIELD = re.compile(rf"^\s*+{_LABEL_CHAR}{_LABEL_CHAR}{{0,15}}(?: {_LABEL_CHAR}{{1,15}}){{0,2}}\s?[:：]\s+\S")
# a date sent: a year and a time of day ("1 ਦਸੰਬਰ 2026 9:05", "01/12/26 09.05", "২০২৬ ৯:০৫": \d is any
# script's digit); a member's "Hours: 9:00 to 5:00" names no year
_DATE_SENT = re.compile(r"(?:(?<!\d)\d{4}(?!\d)|\d/\d\d?/\d\d).{0,40}?(?<!\d)\d{1,2}[:.]\d\d(?!\d)"
                        r"|(?<!\d)\d{1,2}[:.]\d\d(?!\d).{0,40}?(?<!\d)\d{4}(?!\d)")


def _fields_in_any_language(lines: Lines, i: int) -> bool:
    """True when three header-like lines ("Kutoka: … / Tarehe: … / Kwa: …", any language) start at
    line i, one of them with an address: under a framed title, the original's header block."""
    if i + 3 > lines.count:
        return False
    for j in range(i, i + 3):  # each of the three is a field: the first that is none (a rule
        if not _ANY_FIELD.match(lines[j].clean):  # under a rule) ends the test
            return False
    return "@" in lines[i].head or "@" in lines[i + 1].head or "@" in lines[i + 2].head


def _dated_fields_in_any_language(lines: Lines, i: int) -> bool:
    """True when four header-like lines in a row, in any language, start at line i: the first
    names an address (the sender), the second a year and a time of day (the date sent), one of the
    last two an address (the recipients), and no quote the readers know follows them. Outlook's
    and the phones' "From: / Sent: / To: / Subject:" in a locale whose labels no list holds
    ("ਤੋਂ: … / ਭੇਜਿਆ: … / ਨੂੰ: … / ਵਿਸ਼ਾ: …", "Од: … / Послато: …")."""
    if i + 3 >= lines.count or "@" not in lines[i].head or not _ANY_FIELD.match(lines[i].clean):
        return False
    rest = [lines[j] for j in range(i + 1, i + 4)]
    return (all(_ANY_FIELD.match(line.clean) for line in rest)
            and _DATE_SENT.search(rest[0].head) is not None  # sent, right under the sender
            and any("@" in line.head for line in rest[1:])  # and to whom
            and not _known_start_after(lines, i + 3))


def _known_start_after(lines: Lines, i: int) -> bool:
    """True when a quote the readers know ("> …", an attribution, a header block in a language the
    lists hold, Notes' table) starts after line i. A member's own "Contact: anna@… / Date: 12 March
    2027, 18:00 / Room: 2B" above the quote has the shape of a header block in an unknown language;
    a real one is where the quote starts, so no known quote follows it (its original is unquoted
    text). Each text is read once, from its start, however often this is asked (`lines.known_quote_scan`
    keeps how far it was read and the last start found): linear in size."""
    scan = lines.known_quote_scan
    while scan[1] <= i and scan[0] < lines.count:
        j = scan[0]
        scan[0] = j + 1
        if not lines.blank(j) and (lines.quoted(j) or _is_header_block(lines, j) or _label_table(lines, j)
                                   or attribution_span(lines, j)):
            scan[1] = j
    return scan[1] > i


def quote_follows(lines: Lines, i: int) -> bool:
    """True when a quote the readers know (a `>` line, an attribution, a header block, Notes' table)
    starts after line i (`_known_start_after`: each text scanned once, linear in size)."""
    return _known_start_after(lines, i)


def _label_table(lines: Lines, i: int) -> bool:
    """True for Lotus Notes' classic reply header turned to text: the sender and an address on
    line i, then, alone on their lines within the next 12 (Notes adds "Please respond to" and the
    reply address under the date), at least two header labels, one of them the subject's ("To",
    "cc", "Subject")."""
    if "@" not in lines[i].head or len(lines[i].raw) > 200:
        return False
    labels = {lines[j].lower for j in range(i + 1, min(i + 13, lines.count))} & _FIELD_NAMES
    return len(labels) >= 2 and bool(labels & _SUBJECT_FIELDS)


def quote_starts(lines: Lines, i: int) -> bool:
    """True when line i opens a forwarded or original message: separator or header block.

    Promises: reads lines i to i+12 only, once a reading (`lines.starts` keeps the answer: the
    reader asks it of each line the signature checks under a rule above asked it of).
    """
    alone = _start_by_text(lines[i])
    if alone is not None:
        return alone
    known = lines.starts.get(i)
    if known is None:
        known = lines.starts[i] = _quote_starts(lines, i)
    return known


def _quote_starts(lines: Lines, i: int) -> bool:
    """`quote_starts`, worked out."""
    first = lines[i]
    alone = _start_by_text(first)
    if alone is not None:
        return alone
    line = first.clean
    if line[:1] in _RULE_CHARS and (_RULE.match(line) or (_holds_title_char(line) and _FRAMED.match(line))):
        # a rule, or any short title between dashes ("----- Mail original -----"), above a
        # header block; a framed title in the member's own text has no header block under it
        nxt = next((j for j in range(i + 1, min(i + 4, lines.count)) if not lines.blank(j)), None)
        return nxt is not None and (_is_header_block(lines, nxt) or _fields_in_any_language(lines, nxt))
    return ((_is_header_block(lines, i) and not _members_own_fields(lines, i)) or _label_table(lines, i)
            or _dated_fields_in_any_language(lines, i) or _notes_summary_line(lines, i))


# HCL (Lotus) Notes' line above its header table: "Network Coordination ---02/12/2026 09:14:33---Hello
# all, The tool …" (the sender, the date sent between three dashes, the original's first words)
_NOTES_SUMMARY = re.compile(r".{1,80}?---(?:\d{1,4}[./-]){2}\d{1,4}\s\d{1,2}[:.]\d\d(?:[:.]\d\d)?"
                            r"(?:\s?[AaPp]\.?[Mm]\.?)?---(?=\S)")
NOTES_WORDS = 3  # the original's first words the summary line must open with
NOTES_BODY_LINES = 4  # the original's first lines of text read for them


def _notes_summary_line(lines: Lines, i: int) -> bool:
    """True for Notes' summary line (`_NOTES_SUMMARY`, the sender's name of any form: "Anne-Marie
    Dupont ---…") with a header block starting within the next four lines and the original's text
    under that block opening with the summary's first NOTES_WORDS words (as many as it has, if any).
    Her own "Fair ---12/12/2026 11:00---bring a drill" above a quote names none of its words. Reads
    at most ~30 lines."""
    line = lines[i].clean
    if "---" not in line or (m := _NOTES_SUMMARY.match(line)) is None:
        return False
    block = next((j for j in range(i + 1, min(i + 5, lines.count)) if not lines.blank(j) and _is_header_block(lines, j)), None)
    if block is None:
        return False
    words = line[m.end():].split()[:NOTES_WORDS]
    j = block
    while j < min(block + 16, lines.count) and not lines.blank(j):
        j += 1  # the header table, to its blank line
    body: list[str] = []
    for k in range(j, min(j + 12, lines.count)):
        if len(body) == NOTES_BODY_LINES:
            break
        if not lines.blank(k) and lines[k].clean_letter_or_digit:  # (not a rule: "* * *", "-----")
            body.extend(lines[k].clean.split())
    n = min(len(words), len(body))  # (an original of a word or two; none when the text ends at the table)
    return bool(words) and body[:n] == words[:n]


def _start_by_text(line: Line) -> bool | None:
    """What the line's text alone says of whether it opens a forwarded or original message, found
    once a line (`Line.quote_start`): True for a separator's phrase; None when the lines under it
    tell (a rule or a framed title above a header block; a header field's name or an address: a
    header block, Notes' table, the fields of any language); else False."""
    if line.quote_start is NOT_READ:
        text = line.clean  # stripped: each pattern below can only start with its first character
        ruled = text[:1] in _RULE_CHARS
        # every phrase of a separator holds a letter: a line without one (a rule) is not tried
        if (ruled or text[:1] in "[oO" or text.endswith((":", "："))) and line.letter and _SEPARATOR.match(text):
            line.quote_start = True
        elif ruled and (_RULE.match(text) or (_holds_title_char(text) and _FRAMED.match(text))):
            line.quote_start = None
        else:  # a header block opens with a field's name; Notes' table, the fields of any language with an
            # address; Notes' summary line, whose own pattern is asked here (`_notes_summary_line`)
            line.quote_start = None if (_field_name(line) is not None or "@" in line.head
                                        or "---" in text and _NOTES_SUMMARY.match(text)) else False
    return line.quote_start


# a year or a date in figures ("2026", "01.12.26", "1/12/2026"), and a time of day ("9:05", "15.05",
# "09 h 05"): a date sent has both on its line; "Date: Saturday 12 December" / "Time: 8:30" neither
_YEAR_OR_DATE = re.compile(r"(?<!\d)\d{4}(?!\d)|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")
_TIME_OF_DAY = re.compile(r"(?<!\d)\d{1,2}(?:[:.]| ?h ?)\d\d(?!\d)")
# a subject answered or forwarded ("Re: …", "AW: …", "回复：…"): the subject of a message, not of a member's note
_ANSWERED_SUBJECT = re.compile(r"^(?:re|fw|fwd|aw|wg|tr|sv|vs|antw|rif|odp|ynt|ang|rv|res|enc|回复|答复|转发|回覆)\s*[:：]",
                               re.IGNORECASE)
MEMBER_FIELD_LINES = 8  # a member's own "From: … / To: … / Date: …" lines: at most this many read


def _members_own_fields(lines: Lines, i: int) -> bool:
    """True when the header-like lines from line i (up to a blank line) are the member's own: an
    itinerary ("From: Scarborough Civic Centre / To: the Dundas Street hall / Date: Saturday 12
    December"), a note's heading ("From: the Tuesday knitting circle / To: Network Coordination"),
    written above the quote of the message she answers. None of them names an address, a date
    sent (a year or a date in figures with a time of day) or an answered subject ("Re: …"), and a
    quote the readers know starts below them: a mail program's header block names its sender's
    address or the date sent, and is where the quote starts. Reads at most MEMBER_FIELD_LINES
    lines (and the scan of `_known_start_after`, once a text)."""
    start = i  # the block's first line: a "To:" under "From: …@…" belongs to that sender's block
    while start > 0 and i - start < MEMBER_FIELD_LINES and not lines.blank(start - 1):
        start -= 1
    end, timed = i, False
    for j in range(start, min(i + MEMBER_FIELD_LINES, lines.count)):
        if lines.blank(j):
            break
        line = lines[j]
        head = line.head
        time_of_day = _TIME_OF_DAY.search(head) is not None
        timed = timed or time_of_day
        if ("@" in head or lines.quoted(j) or (time_of_day and _YEAR_OR_DATE.search(head))
                or (_field_name(line) in _SUBJECT_FIELDS
                    and _ANSWERED_SUBJECT.match(re.split("[:：]", line.clean, maxsplit=1)[-1].lstrip()))):
            return False
        end = j
    # a mail program's block is where the quote starts, so a known quote below shows hers; so does
    # her note opening the message ("From: Riverside Tool Share / To: Parks Department / Re: …"
    # over the letter she drafts): an original forwarded with nothing above names its sender's
    # address or the time it was sent ("Sent: Wednesday, December 2, 9:14 AM")
    return _known_start_after(lines, end) or (not timed and start == _first_text(lines))


def _first_text(lines: Lines) -> int:
    """The index of the text's first line that is not blank (found once a text)."""
    if lines.first_text is None:
        lines.first_text = next((k for k in range(lines.count) if not lines.blank(k)), lines.count)
    return lines.first_text
