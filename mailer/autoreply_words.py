"""The words with which an automatic reply says what it is, in the languages members' mail
programs write them: "This is an automatic reply", "Dies ist eine automatische Antwort", "Ceci
est une réponse automatique", "Your message will not be forwarded".

A rule of a mail program (Apple Mail, GroupWise, Lotus Notes) or a webmail's responder may send
an automatic reply with no header saying so, under "Re: <subject>": its words are then the only
sign. Each pattern is a sentence's start stating it, never its negation ("This is not an
automated message", "Questa non è una risposta automatica", "自動返信ではありません" do not match),
and only the message's own words are read (not a quoted or forwarded automatic reply).
"""
from __future__ import annotations

import re

from mailer.bare_answers import BARE_ANSWERS

TEXT_REASON = "its words say it is an automatic reply"

_AUTOMATIC = (
    # English
    r"(?:note:\s*)?this is an? (?:automatic(?:ally generated)?|automated|auto-?generated|auto)"
    r" (?:reply|response|answer|message|e-?mail|notification|acknowledge?ment)"
    r"|this (?:e-?mail|message) (?:is|was|has been) (?:an? )?(?:automatically generated|generated automatically"
    r"|sent automatically|automatically sent)"
    r"|your (?:e-?mail|message|mail) (?:will|is) not (?:be )?(?:forwarded|read)"
    r"|(?:please )?do not reply to this (?:automatically generated|auto-?generated|automated|automatic) (?:e-?mail|message)"
    # an apology for the automatic reply itself (EarthLink's spamBlocker: "I apologize for this
    # automatic reply to your email")
    r"|i apologi[sz]e for this (?:automatic|automated) (?:reply|response|message)"
    # a mailbox's notice about itself: "this mailbox is no longer monitored", "messages sent to
    # this address are not forwarded" (a person writes of "my old address", not of "this" one)
    r"|this (?:mailbox|inbox|e-?mail address|e-?mail account|address|account) is (?:no longer|not)"
    r" (?:being )?(?:monitored|checked|read|in use|attended)"
    r"|(?:e-?mails?|messages?|mail) (?:sent )?to this (?:address|mailbox|account) (?:are|is|will)"
    r" (?:not|no longer) (?:be )?(?:forwarded|read|monitored|answered)"
    # ... or of its end: "This address will close on 31 March", "this mailbox will no longer be monitored"
    r"|this (?:mailbox|inbox|e-?mail address|e-?mail account|address|account) will (?:be )?(?:close[ds]?|closed down"
    r"|deactivated|deleted|discontinued|shut down|stop working|no longer be (?:monitored|checked|read|in use|active))"
    # a help desk's acknowledgement naming the ticket it opened by its number ("Your request
    # (48213) has been received", "Your ticket #845123 has been created", "… has been assigned an
    # ID of [#4521]"): a person writes "your request has been received", "a ticket has been
    # opened with the city" without one
    r"|your (?:(?:service|support|help ?desk|it) )?(?:request|ticket|case|enquiry|inquiry|message|e-?mail)"
    r" \(?(?:#|no\.?\s?|number\s)?\d{3,}\)? has been (?:received|created|logged|opened|registered)"
    # ... or after it, as the ticket it was opened under ("Your ticket has been created with ticket ID
    # #CHR00421", HappyFox; "… logged with request id ##4417##", ServiceDesk Plus): named as a ticket's,
    # a case's or a request's number ("logged under number 2026 in the grants book" is a treasurer's)
    r"|(?:your|a) (?:new )?(?:(?:service|support) )?(?:ticket|case|request) has been (?:created|opened|logged|registered)"
    r" (?:with|under) (?:the )?(?:ticket|case|request) (?:id|number|no\.?)\s?#{0,2}[A-Z]{0,6}\d{3,}"
    r"|(?:a|your) (?:new )?(?:support )?(?:ticket|case|request) (?:#\s?\d{3,}|\(#?\d{3,}\)|number \d{3,})"
    r" has been (?:created|opened|logged|received)"
    # ... by a ticket key ("We've received your request SUP-4821", Jira Service Management), or
    # assigning it one ("… and assigned it the ticket ID #12345", Zoho Desk), or opening it for the
    # sender ("Your incident has been opened on your behalf", ServiceNow)
    r"|we(?:'ve| have) received your (?:request|ticket|case|issue) [A-Z][A-Z0-9]{1,9}-\d{1,7}\b"
    r"|assigned it (?:the|a) (?:ticket|case|reference|request) (?:id|number|no\.?)\s?#?\d{3,}"
    r"|your (?:incident|request|ticket|case) has been (?:opened|created|logged) on your behalf"
    r"|(?:(?:your|this|the) (?:request|ticket|case|message|e-?mail) )?has been assigned (?:an? )?"
    r"(?:id|ticket (?:id|number)|reference(?: number)?|case number)\b(?=[^.!?\n]{0,40}\d)"
    # the same acknowledgement in Spanish, French, German, Italian and Portuguese, naming the
    # ticket's number within the sentence ("Se ha creado una solicitud de soporte con el número
    # de ticket #482113", "Votre ticket n° 4521 a été créé")
    r"|se ha (?:creado|abierto|registrado) (?:una? )?(?:solicitud|ticket|caso|incidencia)\b"
    r"(?=[^.!?\n]{0,60}(?:#|n[úu]mero|n\.?º)\s?(?:de ticket\s)?#?\d{3,})"
    r"|su (?:solicitud|ticket|caso|petición|consulta) \(?(?:#|n\.?º\s?|número\s)?\d{3,}\)? ha sido (?:recibid[oa]|cread[oa]|registrad[oa])"
    # (batch 21) "Hemos recibido su solicitud y le hemos asignado el número de ticket ABC-123-45678" (Kayako),
    # "Nous avons bien reçu votre demande, enregistrée sous le numéro de ticket 4521": the receipt and the
    # number the desk gave in one sentence; (review b21ab) the number follows the noun at once, or after the
    # desk's own verb ("le hemos asignado", "enregistrée sous"): "su solicitud de subvención con número …",
    # "votre message et votre numéro de demande …" are a person's, and the number ends the sentence ("… numéro de
    # ticket 0457 de la tombola" is a person's). Counted only opening the text (`_opens_the_letter`)
    r"|hemos recibido su (?:solicitud|consulta|petición|mensaje|correo)"
    r"(?=(?:\s*[,:;]\s*|\s+)(?:(?:y |e )?(?:le |la |lo )?(?:hemos asignado|asignamos|hemos registrado|registramos"
    r"|(?:ha )?quedado registrad[oa] (?:con|bajo)|registrad[oa] (?:con|bajo)|con)\s+)?(?:el |la )?"
    r"(?:n[úu]mero|n\.?º) de (?:ticket|caso|incidencia|solicitud|referencia)\s?#?[A-Z0-9-]{0,12}\d{3,}[ \t]*(?:[.!,;)]|\n|$))"
    r"|nous avons bien reçu votre (?:demande|message|courriel|e-?mail)"
    r"(?=(?:\s*[,:;]\s*|\s+)(?:(?:et )?(?:l'avons |lui avons |avons )?(?:enregistrée?s? sous|attribué|assigné|avec)\s+)?"
    r"(?:le )?(?:numéro|n°) (?:de )?(?:ticket|dossier|demande)\s?#?[A-Z0-9-]{0,12}\d{3,}[ \t]*(?:[.!,;)]|\n|$))"
    r"|(?:votre|un|le|la) (?:ticket|dossier|demande) \(?(?:n°\s?|#|numéro\s)?\d{3,}\)? a (?:bien )?été"
    r" (?:créée?|ouverte?|enregistrée?|reçue?)"
    r"|(?:ihr|ein) (?:ticket|anfrage|vorgang) (?:#|nr\.?\s?|mit der nummer\s)#?\d{3,} wurde (?:erstellt|angelegt|eröffnet)"
    # (the ticket named first, its opening said after the number: "il ticket n. 4521 è ancora aperto" is
    # a person telling of one)
    r"|è stato (?:aperto|creato) (?:il|un) ticket (?:n\.?\s?|#|numero\s)\d{3,}"
    r"|il (?:suo |tuo )?ticket (?:n\.?\s?|#|numero\s)\d{3,} è stato (?:aperto|creato|registrato|preso in carico)"
    r"|foi (?:aberto|criado) o (?:ticket|chamado) (?:n\.?º?\s?|#|número\s)\d{3,}"
    r"|o (?:seu )?(?:ticket|chamado) (?:n\.?º?\s?|#|número\s)\d{3,} foi (?:aberto|criado|registrado|recebido)"
    # a departed person's mailbox telling of it in the third person: "Claire Hughes has left the
    # organisation", "Javier Moreno ya no trabaja en la Fundación", "Herr Berger ist nicht mehr für
    # unser Unternehmen tätig" (a person telling of a colleague goes on as "I": not counted)
    r"|(?:[^\W\d_][\w.'-]*\s+){1,4}(?:has left (?:the|our) (?:organi[sz]ation|company|university|council|charity"
    r"|association|foundation|firm|team|school|trust|office)|is no longer (?:with|employed (?:at|by)|working (?:at|for))\s"
    r"|no longer works (?:at|for|with)\s|ne fait plus partie d|ne travaille plus (?:à|au|chez|pour)\s"
    r"|ya no (?:trabaja|forma parte) (?:en|para|con|de)\s|non lavora più (?:presso|per|con)\s|non fa più parte d"
    r"|ist nicht mehr (?:für|bei|in)\s|arbeitet nicht mehr (?:für|bei)\s|is niet meer werkzaam (?:bij|voor)\s"
    r"|não trabalha mais (?:na|no|em|para)\s)"
    # the words alone on a line, as a signature line under the notice ("--\nАвтоматический ответ")
    r"|(?:automatic reply|auto-?reply|automated reply|automatische antwort|réponse automatique|respuesta automática"
    r"|risposta automatica|resposta automática|automatisch antwoord|автоматический ответ|自动回复|自動応答)"
    r"(?=[.!]?[ \t]*(?:\n|$))"
    # (batch 21) ... or framed by rules on its line, as a vacation script signs its text ("-- automatic reply --",
    # "*** Auto-Reply ***"): (review b21ab) its last line, as a signature is; a person's heading over her draft
    # or over an auto-reply she pastes ("== Automatic reply ==" with her words below) is no signature
    r"|[-*=~_]{2,}[ \t]*(?:automatic reply|auto-?reply|automated reply|automatic response|automatische antwort"
    r"|réponse automatique|respuesta automática|risposta automatica|resposta automática|automatisch antwoord)"
    r"[ \t]*[-*=~_]{2,}(?=\s*\Z)"
    # (batch 21) a help desk's receipt giving the sender the case's number ("Your case number is 00012345",
    # Salesforce's Email-to-Case): counted only beside a help desk's own words (`_WIDENED_RECEIPT`), and
    # (review b21ab) only opening the text (`_opens_the_letter`), with a desk's key ending the sentence ("00012345",
    # "INC-40412"): a treasurer's reference, a raffle's "ticket number is 0457", a pasted receipt are people's
    r"|your (?:case|ticket|request|reference|incident) (?:number|id|no\.?|reference) is:? #?(?:[A-Z]{2,6}-?\d{3,}|\d{5,})"
    r"(?=[ \t]*(?:[.!,;]|\n|$))"
    # German
    r"|(?:dies|das) ist eine automatisch(?:e|generierte|(?: erzeugte| generierte| versandte| versendete))"
    r" (?:antwort|nachricht|e-?mail|benachrichtigung|abwesenheitsnotiz|eingangsbestätigung)"
    r"|bitte antworten sie nicht auf diese automatisch (?:erzeugte|generierte|versandte) (?:e-?mail|nachricht)"
    r"|diese (?:nachricht|e-?mail|mail) wurde automatisch (?:erstellt|generiert|versendet|verschickt|verfasst)"
    r"|ihre (?:nachricht|e-?mail|mail) wird (?:nicht|weder) (?:weitergeleitet|gelesen)"
    r"|(?:dieses|das) (?:postfach|e-?mail-?postfach|e-?mail-konto) wird nicht mehr (?:gelesen|überwacht|abgerufen|betreut)"
    # a help desk's receipt naming the ticket's number in the sentence ("Ihre Anfrage ist bei uns
    # eingegangen und wurde unter der Ticketnummer 2026031210000072 erfasst")
    r"|(?:ihre|eine) (?:anfrage|nachricht|e-?mail) ist (?:bei uns )?eingegangen\b"
    r"(?=[^.!?\n]{0,80}(?:ticket|vorgangs|anfrage)-?(?:nummer|nr\.?)\s?#?\d{3,})"
    # French
    r"|(?:ceci|ce message|ce courriel) est une réponse automatique"
    # Free.fr's responder heads its text so: "Message du répondeur de …"
    r"|message (?:du|de mon) répondeur\b"
    r"|ce (?:message|courriel|mail) (?:a été|est) (?:généré|envoyé) automatiquement"
    r"|(?:ceci|ce message|ce courriel) est un (?:message|courriel|e-?mail|mail) (?:automatique|(?:généré|envoyé) automatiquement)"
    r"|votre (?:message|courriel|e-?mail|mail) ne (?:sera|va) (?:pas|ni) (?:être )?(?:transféré|transmis|lu)"
    r"|cette (?:adresse|boîte(?: aux lettres| mail)?) n'est plus (?:consultée|utilisée|lue|active|relevée)"
    # Spanish, Catalan
    r"|(?:esta|este) es (?:una respuesta|un mensaje|un correo) automátic[oa]"
    r"|(?:este|el presente) (?:mensaje|correo) (?:ha sido|fue|se ha) (?:generado|enviado) automáticamente"
    r"|(?:esta|este) es (?:un mensaje|un correo) (?:generado|enviado) automáticamente"
    r"|su (?:mensaje|correo) no (?:será|se) (?:reenvia|reenviado|leído)"
    r"|este (?:buzón|correo|e-?mail|dirección)(?: de correo)? (?:ya )?no (?:se (?:revisa|consulta|utiliza|lee)|está (?:activo|monitorizado))"
    r"|aquesta és una resposta automàtica"
    # Italian
    r"|questa è una risposta automatica|(?:questo|il presente) messaggio è (?:stato )?(?:generato|inviato) automaticamente"
    r"|questo è un messaggio (?:automatico|(?:generato|inviato) automaticamente)"
    r"|questa (?:e-?mail|mail) è (?:stata )?(?:generata|inviata) automaticamente"
    r"|il (?:suo |tuo )?messaggio non (?:verrà|sarà) inoltrato"
    r"|questa casella(?: di posta)? non è più (?:monitorata|attiva|letta|presidiata|consultata)"
    # Portuguese
    r"|esta é uma (?:resposta|mensagem) automática|(?:esta|este) (?:mensagem|e-?mail) foi (?:gerad|enviad)[oa] automaticamente"
    r"|esta é uma mensagem (?:gerada|enviada) automaticamente"
    r"|sua mensagem não será (?:encaminhada|lida)"
    r"|esta caixa(?: de correio)? (?:já )?não é (?:mais )?(?:monitorizada|monitorada|lida|consultada)"
    # Dutch, Scandinavian
    r"|dit is een automatisch(?:e|) (?:antwoord|bericht|gegenereerd bericht|reactie)"
    r"|dit bericht is automatisch (?:gegenereerd|verzonden|verstuurd|aangemaakt)"
    r"|uw (?:bericht|e-?mail) wordt niet (?:doorgestuurd|gelezen)"
    r"|(?:deze|dit) (?:mailbox|postvak|e-?mailadres|adres) wordt niet (?:meer )?(?:gelezen|gecontroleerd|bewaakt)"
    r"|den här (?:brevlådan|adressen|e-?postadressen) (?:bevakas|läses|används) (?:inte|ej)"
    r"|(?:detta|dette) er et automatisk(?:t)? (?:svar|meddelande|genereret|generert)"
    r"|detta är ett automatiskt (?:svar|meddelande)|ditt meddelande (?:vidarebefordras|läses) inte"
    # Polish, Czech, Slovak, Russian, Ukrainian, Turkish
    r"|(?:to jest|jest to) (?:automatyczna odpowiedź|wiadomość (?:automatyczna|wygenerowana automatycznie))"
    r"|(?:toto je|jedná se o) automatick(?:á|y|ou) (?:odpověď|odpoveď|zpráv)"
    r"|это (?:автоматический ответ|автоматическое (?:сообщение|уведомление))"
    r"|це (?:автоматична відповідь|автоматичне повідомлення)|bu (?:bir )?otomatik (?:yanıt|cevap|mesaj)"
    r"|bu otomatik bir (?:yanıt|cevap|mesaj|e-?posta)"
    # Greek, Hungarian, Finnish, Romanian, Hebrew, Indonesian/Malay, Vietnamese, Thai
    r"|(?:αυτό είναι|πρόκειται για) (?:ένα |μια )?αυτόματ(?:ο|η) (?:μήνυμα|απάντηση)"
    r"|ez (?:egy )?automatikus (?:válasz|üzenet)|(?:tämä on|kyseessä on) automaattinen (?:vastaus|viesti)"
    r"|acesta este un (?:mesaj|răspuns) automat|זוהי (?:הודעה|תשובה) אוטומטית|זהו מענה אוטומטי"
    r"|ini (?:adalah )?(?:balasan|pesan|jawapan) (?:otomatis|automatik)"
    r"|đây là (?:thư|email|tin nhắn) (?:trả lời )?tự động|นี่คือ(?:ข้อความ|อีเมล)ตอบกลับอัตโนมัติ"
    r"|هذه رسالة (?:آلية|تلقائية)|هذا رد (?:آلي|تلقائي)"
    r"|этот (?:почтовый )?ящик больше не (?:проверяется|используется|просматривается)"
    r"|(?:ta skrzynka|ten adres)(?: e-?mail)? nie jest już (?:monitorowan|sprawdzan|używan|obsługiwan)"
    # Japanese, Chinese, Korean
    r"|(?:この|本)(?:メール|メッセージ)は(?:システムにより)?自動(?:的に)?(?:送信|返信|配信)|自動返信(?:メール)?です"
    r"|このメールアドレスは(?:現在)?(?:使用|利用)して(?:おりません|いません)"
    r"|(?:这|此|這)(?:是|封)(?:一封)?(?:来自.{0,12})?(?:自动回复|自動回覆|自動回复|自动答复)"
    # a help desk's receipt naming the request's number in Japanese, Chinese and Korean
    # ("お問い合わせ（#88120）を受け付けました", "您的工单（#4521）已收到", "문의(#4521)가 접수되었습니다")
    # (not a person telling of one: "…を受け付けました、という返事が…", "…접수되었습니다 라는 메일만…",
    # "…접수되었습니다. 우리 지부는 …", "工单（#4521）已提交两周了，我们…" names no "your")
    r"|(?:お問い合わせ|ご依頼|リクエスト)[（(]#?\d{3,}[）)]を受け付けました(?![、,。.]?\s*と)"
    r"|您的(?:请求|工单|咨询|問題|请求单)[（(]#?\d{3,}[）)]已(?:收到|受理|提交)"
    r"|(?:문의|요청)\s?[(（]#?\d{3,}[)）](?:가|이)? 접수되었습니다(?!\s*(?:라는|라고|이라는))(?![.。]?\s*우리)"
    r"|此邮件为系统自动发送|本邮件为自动回复|자동(?:으로 발송된|\s?응답|\s?회신) (?:메일|메시지)입니다|자동\s?발송(?:된|되는)?\s?(?:메일|메시지)|(?:본|이) (?:메일|메시지)은 자동\s?(?:응답|회신|발송)"
)
# at the start of the text, of a line or of a sentence, inside an opening bracket, after a
# note's mark ("※このメールは自動送信されています", "* This is an automated message") or after a dash
# that follows only a mail system's thanks at a line's start ("Thanks for writing — this is an
# automatic reply", "Thank you for your email - this mailbox is no longer monitored"): a dash inside
# a person's sentence ("She is back Monday — this is an automatic reply she forgot to switch off",
# "– your message will not be forwarded, that's what comes back") tells of someone else's
_THANKS_DASH = (r"(?:^|\n)[ \t]*(?:thank you for (?:your|the) (?:e-?mail|message|mail|note|enquiry|inquiry)"
                r"|thanks for (?:writing|getting in touch|your (?:e-?mail|message|mail|note))"
                r"|we(?: have|'ve)? (?:got|received) your (?:e-?mail|message|mail|note)"
                r"|(?:danke|vielen dank) für ihre (?:e-?mail|nachricht)|merci (?:pour|de) votre (?:e-?mail|message|courriel)"
                r"|gracias por su (?:correo|mensaje)|grazie per (?:la sua|il suo) (?:e-?mail|messaggio))"
                r"[ \t]*[,.!]?[ \t]*[—–-]{1,2}[ \t]*")
_SAYS = re.compile(r"(?:^|[\n.!?。]\s*|[(\[※*＊]\s*|(?<=\w)\s+(?:and|und|et|y|e|en|och|og)\s+|" + _THANKS_DASH + ")("
                   + _AUTOMATIC + ")",
                   re.IGNORECASE)
MAX_READ = 3_000  # an automatic reply says what it is near its start


# a word every sentence above holds: most people's replies hold none and are passed at once
# (substring tests on the lower-cased text: a pattern of them costs ~30 times as much)
_STEMS = ("autom", "number is", " id is", "reference is", " no. is", " no is", "hemos recibido", "bien reçu", "受け付けました", "已收到", "已受理", "已提交", "접수되었습니다", "ticket", "has been received", "has been created", "has been logged", "has been opened",
          "has been registered", "has been assigned", "auto-gen", "autogen", "автомат", "自動", "自动", "자동", "otomatik", "weitergeleitet",
          "gelesen", "gelezen", "forwarded", "not read", "not be read", "ne va", "ne sera", "transféré",
          "transmis", "reenvia", "inoltrat", "encaminhad", "não será", "doorgestuurd", "vidarebefordras",
          "läses inte", "monitor", "no longer", "nicht mehr", "n'est plus", "ya no", "non è più", "não é",
          "niet meer", "wordt niet", "bevakas", "används", "больше не", "nie jest", "おりません", "いません",
          "will close", "will be closed", "will be deactivated", "will be deleted", "will be discontinued",
          "will be shut", "will stop working", "will no longer", "closed down", "wurde ", "a été", "se ha ",
          "foi aberto", "foi criado", "chamado", "è stato", "has left", "is no longer", "a bien été", "ne fait plus",
          "ne travaille plus", "non lavora più", "non fa più", "trabaja", "forma parte", "werkzaam", "trabalha mais",
          "reply", "antwort", "réponse", "respuesta", "risposta", "resposta", "antwoord", "ответ", "回复", "応答",
          "received your", "assigned it", "on your behalf", "ha sido", "répondeur", "apologi", "αυτόματ", "automatikus",
          "automaattinen", "automat", "אוטומטי", "otomatis", "automatik", "tự động", "อัตโนมัติ", "آلي", "تلقائي", "자동")


# `_STEMS` as one pattern of plain words: it finds one where one of them is (~6,000 instructions for
# "Yes", where asking each word costs ~45,000), but costs ~1,400 a character, so only a short text asks it
_ANY_STEM = re.compile("|".join(map(re.escape, _STEMS)))
_SHORT_TEXT = 24  # characters up to which `_ANY_STEM` is the cheaper way


def _holds_a_stem(lower: str) -> bool:
    """Whether `lower` holds one of `_STEMS` (the same answer both ways)."""
    if len(lower) <= _SHORT_TEXT:
        return _ANY_STEM.search(lower) is not None
    return any(stem in lower for stem in _STEMS)


def says_it_is_automatic(text: str) -> bool:
    """True when the text (a message's own words) states that it is an automatic reply or that
    the mail is not being read or passed on; a sentence that denies it does not count."""
    head = text[:MAX_READ]
    lower = head.lower()
    if not _holds_a_stem(lower) or ANSWER_FIRST.match(head):
        return False
    return any(not _cited_or_asked(head, m.start(1), m.end(1)) for m in _SAYS.finditer(head))


# a message opening with a bare answer, a sentence or line of its own ("Yes. This address will
# close on 31 March, so please use …"): a person answering what was asked; an automatic reply's
# fixed text answers nothing ("Yes, we have received your message" goes on: not a bare answer)
# (a bare answer's words, `mailer.bare_answers`: an automatic subject answered by one is a person's
# too, see autoreply_subjects)
ANSWER_WORDS = "(?:" + "|".join(re.escape(word) for word in BARE_ANSWERS) + ")"
ANSWER_FIRST = re.compile(r"\s*" + ANSWER_WORDS + r"\s*(?:[.!]+(?=\s)|[.!]*\s*\n|[.!]*\s*$)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。？！\n]")
# a person speaking in the rest of the sentence ("This is an automatic reply I keep getting from
# Helen."): an automatic reply's own statement is impersonal
_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|i'm|i've|i'd|my|me|we|our|us|ich|mein\w*|mir|mich|wir|uns|je|j'|moi|mon"
                           r"|nous|yo|mi|io|eu|meu|minha|ik|mijn|wij|jag|vi|ja|я|мне|мой|мы)(?!\w)|我们|我們|我|私|저는|제가",
                           re.IGNORECASE)


# the next sentence takes the statement back: a person's joke ("This is an automatic reply. Just
# kidding – it's me.")
_RETRACTED = re.compile(
    r"[\s.!?。…]*(?:(?:just|only) (?:kidding|joking)|kidding|not really|jk\b|haha|lol\b|nur (?:ein )?spa(?:ß|ss)"
    r"|(?:nur )?ein scherz|kleiner scherz|je plaisante|je rigole|c'est une blague|es (?:una )?broma"
    r"|scherzo|sto scherzando|brincadeira|(?:een )?grapje|шучу|żartuję|skämt|spøk)",
    re.IGNORECASE)


# the statement goes on with what it is for: an acknowledgement's own words, whoever "we" are
_PURPOSE = re.compile(r"\s+(?:to (?:confirm|let you know|acknowledge|inform you|notify you|tell you)|confirming"
                      r"|acknowledging|um (?:ihnen )?zu bestätigen|pour (?:vous )?(?:confirmer|informer)"
                      r"|para (?:confirmar|informarle))\b", re.IGNORECASE)


_WIDENED_RECEIPT = re.compile(
    r"your (?:case|ticket|request|reference|incident) (?:number|id|no\.?|reference) is\b"
    r"|your (?:service|help ?desk|it) (?:request|ticket|case|enquiry|inquiry|message|e-?mail)\b"
    r"|your support (?:(?:request|ticket|case)(?! (?:#|\(#?|number )\d)|enquiry|inquiry|message|e-?mail)\b"
    r"|(?:your|a) (?:new )?(?:(?:service|support) )?(?:ticket|case|request) has been (?:created|opened|logged|registered)"
    r" (?:with|under) (?:the )?(?:ticket|case|request) (?:id|number|no\.?)", re.IGNORECASE)
_HELPDESK_WORDS = re.compile(
    r"shortly|as soon as possible|our (?:support |service |help ?desk )?(?:team|staff|agents?)|one of our|acknowledge?ment"
    r"|thank you for (?:contacting|writing to us|your (?:request|enquiry|inquiry))|(?:quote|use) this (?:id|number|reference)"
    r"|further communication|you (?:will|can|may) (?:be notified|receive|view|track)|will contact you"
    r"|will be (?:handled|processed|reviewed|dealt with)|expected response", re.IGNORECASE)


# a letter's salutation closed by a colon to no one by name, as a help desk writes it in Spanish, German
# and formal English ("Estimado/a cliente:", "Sehr geehrte Damen und Herren:", "Dear Customer:"): a short
# line of its own; a person's "Dear Tom:" or "Dear all, the office wrote:" stays what it was, and so does a
# coordinator's "Dear members:" (review b21ab); only opening the text (`_opens_the_letter`)
_GREETING = re.compile(r"\s*(?:dear|estimad[oa]s?(?:/[oa]s?)?|apreciad[oa]s?|sehr geehrte[rs]?|geachte|prezad[oa]s?|gentile"
                       r"|egregi[oa]|cher|chère)(?:\s+(?:valued|sr\.?|sra\.?|/|und|and|or|o|e|et|y|[oa]|r))*\s+"
                       r"(?:customers?|clients?|client[ea]s?|usuari[oa]s?(?:/[oa]s?)?|users?|sirs?|madam|señor(?:a|es)?"
                       r"|damen|herren|kund(?:e|in|en)|klant|cliente(?:/a)?|signor[ae]?|utente|contributor|applicant|cliente/a"
                       r"|sir/madam|sir or madam)(?:\s+(?:und|and|or|e|y|/)\s+\w+)?\s*:\s*$", re.IGNORECASE)


# (review b21ab) the receipts batch 21 added, and a salutation of no one, count only where they open the text
# (`_opens_the_letter`): below a member's own words they are what she pastes or drafts
_OPENING_RECEIPT = re.compile(r"your (?:case|ticket|request|reference|incident) (?:number|id|no\.?|reference) is\b"
                              r"|hemos recibido su|nous avons bien reçu votre", re.IGNORECASE)
# a letter's opening line: a salutation of a few words ("Dear Customer,", "Hello Sam,", "Estimado/a cliente:")
_SALUTATION_LINE = re.compile(
    r"(?:dear|hello|hi|good (?:morning|afternoon|evening|day)|greetings|bonjour|bonsoir|madame|monsieur|cher|chère"
    r"|hola|buen[oa]s (?:días|tardes)|estimad[oa]s?(?:/[oa]s?)?|apreciad[oa]s?|sehr geehrte[rs]?|guten tag|hallo"
    r"|gentile|egregi[oa]|buongiorno|prezad[oa]s?|olá|geachte|beste)(?:[ \t]+[^\s,.:;!?]+){0,4}[ \t]*[,:!]?",
    re.IGNORECASE)
# a help desk's thanks or receipt as a sentence of its own before the number ("Thank you for contacting us.")
_OPENING_THANKS = re.compile(
    r"(?:thank you|thanks) for (?:contacting [^.!?\n]{1,40}|your (?:request|e-?mail|message|enquiry|inquiry|patience))[.!]"
    r"|we(?:'ve| have) (?:received|got) your (?:request|e-?mail|message|enquiry|inquiry)[.!]"
    r"|gracias por (?:contactar(?:nos)?|escribirnos|su (?:mensaje|correo|consulta|solicitud))[.!]"
    r"|merci (?:de|pour) votre (?:message|demande|courriel|e-?mail)[.!]", re.IGNORECASE)


# what no vacation script's text above its "-- automatic reply --" holds: a line introducing what follows (a
# colon at its end), a question, a vote or an answer (a member pasting a framed auto-reply under her note)
_PERSONS_NOTE = re.compile(r"[:：][ \t]*\n|[?？]|\b(?:vot(?:e|es|ed|ing)|yes|oui)\b", re.IGNORECASE)


def _opens_the_letter(text: str, start: int) -> bool:
    """True when nothing comes before text[start:] but salutation lines ("Dear Customer,") and a help
    desk's thanks ("Thank you for contacting us."): the words at `start` open the text, as a desk's
    receipt does; below a member's own line ("Got this back from the council") they are pasted."""
    for line in text[:start].split("\n"):
        line = line.strip()
        if line and not _SALUTATION_LINE.fullmatch(line) and _OPENING_THANKS.sub("", line).strip():
            return False
    return True


# a member's line introducing what they paste below it without a colon ("Got this back from the council today")
_PASTED_INTRO = re.compile(r"\b(?:got|had|received) (?:this|that|the following)\b|\bthis (?:came|is what)\b"
                           r"|\bhere'?s what\b|\b(?:they|it) (?:said|replied|sent back|wrote)\b", re.IGNORECASE)


def _cited_or_asked(text: str, start: int, end: int) -> bool:
    """True when the sentence at text[start:end] is someone else's words a person cites (the line
    above it ends with a colon: "Her reply said:"), a question ("This is an automatic reply?"),
    goes on in the first person ("This is an automatic reply I keep getting …") or is taken back
    at once ("… Just kidding")."""
    if _PURPOSE.match(text, end):
        return False  # "This is an automated message to confirm we've received your email"
    above = text[:start].rstrip()
    line_above = above.rfind("\n") + 1
    if (above.endswith((":", "：")) and "\n" in text[len(above):start]
            and not (_GREETING.match(above[line_above:]) and _opens_the_letter(text, line_above))):
        return True  # (batch 21) a salutation's colon ("Estimado/a cliente:") opening the text introduces no one's words
    if _OPENING_RECEIPT.match(text, start) and not _opens_the_letter(text, start):
        return True  # (review b21ab) a receipt below a member's own words: pasted, or hers
    if text.startswith(("--", "**", "==", "~~", "__"), start) and _PERSONS_NOTE.search(text, 0, start):
        return True  # (review b21ab) "-- automatic reply --" under a member's "Anna's address sends this back:"
    stop = _SENTENCE_END.search(text, end)
    rest = text[end:stop.start() if stop else len(text)]
    if stop is not None and _RETRACTED.match(text, stop.start(), stop.start() + 40):
        return True
    if stop is not None and text[stop.start()] in "?？":
        return True
    if _TICKET.search(text, start, end) is not None:
        # (review b17a) the forms batch 17 widened count only beside a help desk's own words
        if _WIDENED_RECEIPT.match(text, start) and (not _HELPDESK_WORDS.search(
                text, max(0, start - 200), min(len(text), end + 200))
                or _PASTED_INTRO.search(above[above.rfind("\n") + 1:][-200:])):
            return True  # ("Got this back from the council today" above it: a receipt a member pastes)
        return _a_persons_ticket(text, end, stop)
    if _OPENING_RECEIPT.match(text, start):
        return _a_persons_ticket(text, end, stop)  # (review b21ab) "… de la tombola. Je vous appelle …"
    return _FIRST_PERSON.search(rest) is not None


# a statement about a ticket opened (by its number in the words matched, or its noun where the
# number follows: "Se ha abierto una incidencia … número 4521")
_TICKET = re.compile(r"\d|ticket|incidencia|solicitud|chamado|vorgang|assigned", re.IGNORECASE)
# ("我们" a help desk's too: the Chinese receipt above counts only addressing "您的", your, so a
# person's "工单（#4521）已提交两周了，我们…" is no receipt)
_PLURAL = frozenset(("we", "our", "us", "wir", "uns", "nous", "wij", "vi", "мы", "我们", "我們"))
# whom a ticket was opened with, by its article and name ("with the council", "con el
# ayuntamiento", "presso il comune", "com a prefeitura", "bei der Stadt", "auprès de la mairie"):
# a person telling of someone else's desk; a help desk names no one (its own "support team", "the
# number", "the reference" are not someone)
_OPENED_WITH = re.compile(
    r"(?<!\w)(?:with|con|com|presso|bei|beim|auprès|avec|met|hos)\s+(?:(?:the|el|la|los|las|il|lo|i|gli|le|a|o|os|as"
    r"|der|dem|den|de la|du|des|de l'|het|de|l')\s*)(?!(?:n[uú]mero|numero|number|nummer|numéro|id|reference"
    r"|referencia|riferimento|référence|referência|following|siguiente|seguinte|suivant|folgenden|support|soporte"
    r"|supporto|suporte|team|equipo|équipe|team|ticket|subject|asunto|oggetto|assunto|betreff)\b)[^\W\d_]{3,}",
    re.IGNORECASE)


def _a_persons_ticket(text: str, end: int, stop) -> bool:
    """True when a sentence naming a ticket's number (ending at `stop`) is a person's telling of
    one: it names whom the ticket was opened with (`_OPENED_WITH`), or one person speaks as "I" in
    it or in the next sentence ("A ticket #4521 has been opened. I'll chase it."). A help desk's
    acknowledgement speaks for its team, always as "we" ("… by our support staff")."""
    sentence_end = stop.start() if stop else len(text)
    if _OPENED_WITH.search(text, end, sentence_end):
        return True
    after = _SENTENCE_END.search(text, sentence_end + 1) if stop else None
    following = text[end:after.start() if after else len(text)]
    return any(person.group().lower() not in _PLURAL for person in _FIRST_PERSON.finditer(following))
