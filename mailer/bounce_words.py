"""The words of delivery reports, in the languages they come in: subjects, failure and delay
sentences, challenge notices, contact phrases (the patterns `mailer.bounce_text` reads with).

Kept apart from the readers so each language's wording is widened in one place.
"""
from __future__ import annotations

import re

DELAY_WORDS = (r"|retardé|différée|verzögert|retrasad|ritardat|atrasad|vertraagd|försenad|forsinket"
               r"|opóźni|zpožděn|késleltet|gecikm|задерж|затрим|遅延|延迟|延遲|지연"
               r"|تأخر|bị trễ|întârziat|מעוכב|καθυστέρ|tertunda|ล่าช้า")
# Each alternative opens with a plain letter ("m(?<!\wm)ail" is "\bmail"): the search then skips to the
# letters that open one (see mailer/pattern_alternatives.py; tests/test_bounce_subject_search.py).
FAILURE_SUBJECT = re.compile(
    r"undeliver|undelivered|delivery (?:status|failure|failed|problem|report|notification"
    r"|has failed|error)|returned mail|mail delivery failed|failure notice|failure delivery"
    r"|non[- ]?delivery|non[- ]?deliverable|non[- ]?delivered report|could not be delivered|couldn['’]t be delivered|mail system error"
    r"|returning message to sender|could not send message|delivery notification: delivery has"
    r"|delayed|warning: message|delivery failure|processing error|mail error|not delivered"
    r"|failed mail|delivery warning|message rejected|rejected message|error report"
    r"|returned to sender|bounced? (?:mail|message)|delivery incomplete|mail not delivered|m(?<!\wm)ail failure"
    r"|hard bounce|soft bounce|message (?:you sent )?(?:was )?blocked|blocked by (?:our|the) (?:\w+ )?(?:e-?mail |spam )?(?:filter|firewall)"
    # French, German, Spanish, Italian, Portuguese, Dutch, Nordic, Polish, Czech, Russian,
    # Ukrainian, Turkish, Japanese, Chinese, Korean carriers and servers
    r"|non remis|non distribué|échec de (?:la )?(?:remise|distribution)|remise impossible|message non délivré"
    r"|unzustellbar|nicht zustellbar|zustellung fehlgeschlagen|fehler bei der zustellung|zustellungsfehler"
    r"|no se pudo entregar|no entregado|error de entrega|mensaje no entregado|devuelto"
    r"|mancata consegna|mancato recapito|impossibile recapitare|impossibile consegnare|retard de (?:remise|distribution|livraison)|non recapitato|messaggio non consegnato"
    r"|não foi possível entregar|mensagem não entregue|falha na entrega|não entregue"
    r"|onbestelbaar|niet afgeleverd|kan ikke leveres|kunne ikke leveres|olevererbart"
    r"|kunde inte levereras|toimittamaton|ei voitu toimittaa|niedostarczaln|niedostarczon|nie dostarczono"
    r"|nedoručiteln|nedoručeno|kézbesíthetetlen|kézbesítési hiba|недоставлен|не доставлено|не удалось доставить|ошибка доставки"
    # Exchange's NDR subject in the other languages Outlook is set in (ca, ro, sl, hr, et, lt,
    # lv, bg, el, he, ar, vi, th, id)
    r"|no es pot lliurar|nelivrabil|ni mogoče dostaviti|neisporučiv|kättetoimetamatu|nepristatom"
    r"|nevar piegādāt|недоставимо|δεν είναι δυνατή η παράδοση|לא ניתן למסור|غير قابل للتسليم"
    r"|không thể gửi|không gửi được|ไม่สามารถส่ง|tidak terkirim|teslim edilemeyen|nelivrat"
    r"|не доставлено|не вдалося доставити|iletilemedi|teslim edilemedi|配信不能|配信エラー"
    r"|送信エラー|配送失敗|送信できませんでした|エラーメール|退信|无法投递|投递失败|未能送达|退回"
    r"|無法傳遞|傳遞失敗|配送エラー|전송\s?실패|배달\s?실패|발송\s?실패|전달\s?실패|반송"
    # delay notices: "Message retardé", "Zustellung verzögert", "Entrega retrasada" …
    + DELAY_WORDS,
    re.IGNORECASE,
)

# (batch 18) a forwarding service's report that the copy it sent on was refused ("Forwarding failed"):
# members title their own questions about one so too ("Forwarding failed – hva betyr dette?"), so it
# counts only from a mail system (`mailer.bounce`: a null envelope sender or MAILER-DAEMON)
FORWARDING_FAILED_SUBJECT = re.compile(
    r"forwarding (?:failed|failure|error)|could not be forwarded|couldn['’]t be forwarded|cannot be forwarded"
    r"|failed to forward", re.IGNORECASE)

CHALLENGE = re.compile(
    r"(?:verify|confirm|prove)\s+(?:that\s+)?you(?:'re|\s+are)\s+(?:a\s+)?(?:human|real|person|not\s+a\s+(?:ro)?bot"
    r"|not\s+a\s+machine)"
    r"|not a (?:ro)?bot"
    r"|challenge[- ]response|spam ?arrest|boxbe|mailblocks|choicemail"
    r"|verification (?:required|request)|please (?:verify|confirm) (?:that )?you(?:'re| are)"
    r"|click (?:on )?(?:the|this) link (?:below )?to (?:verify|confirm|release|deliver|approve)"
    r"|to have your (?:message|e-?mail) delivered|approve (?:your|my) (?:e-?mail|message)"
    r"|awaiting (?:your )?(?:confirmation|verification)|confirm (?:that )?you sent"
    # the same ask in other languages, and the CAPTCHA it sends the sender to
    r"|captcha|kein(?:e)? (?:roboter|maschine)|(?:dass )?sie ein mensch sind|n'êtes pas un robot|(?:no )?(?:es|eres) un robot"
    r"|(?:usted )?es (?:una persona|humano)|você é (?:humano|uma pessoa)|non (?:sei|è|essere) un robot"
    # (batch 21) the French and Italian ask to confirm the sender a person ("merci de confirmer que vous êtes une
    # personne", "confermi di essere una persona"); (review b21ab) the person ends the ask: "une personne
    # morale / physique / de contact", "una persona fisica / maggiorenne", a question, are a member's words
    r"|(?:confirm|vérifi)(?:er|ez) que vous êtes (?:bien )?(?:une personne(?: réelle)?|un(?:e)? (?:être )?humaine?)"
    r"(?=[ \t]*(?:[.,;:!)]|\n|$)|\s+(?:en (?:cliquant|répondant|visitant)|ici\b|via\b|sur (?:le|ce) lien|et non\b|et pas\b))"
    r"|(?:confermare|confermi|conferma|dimostr(?:are|i)|verific(?:are|hi)) di essere una persona(?: reale)?"
    r"(?=[ \t]*(?:[.,;:!)]|\n|$)|\s+(?:facendo|cliccando|visitando|rispondendo|qui\b|tramite\b|(?:al|sul) link|e non\b))"
    r"|送信者確認|差出人確認|发件人验证|寄件者驗證"
    r"|送信者の確認|ロボットではない|不是机器人|로봇이 아님|(?:что )?вы не робот|подтвердите, что вы"
    # TMDA's, Spam Arrest's, EarthLink spamBlocker's and Boxbe's own words, and the Brazilian
    # providers' ask to type a CAPTCHA's characters
    r"|to release your (?:message|e-?mail)|protecting myself from (?:receiving )?(?:junk|spam)"
    r"|only from senders i have approved|complete the verification process|placed in [\w.'’-]+ waiting list"
    r"|(?:você )?não é um robô|digite os caracteres|type the characters"
    r"|nie jesteś robotem|nie jest pan(?:i)? robotem|geen robot bent|nejste robot|nie ste robot|robot olmadığınızı"
    r"|inte är en robot|ikke er en robot|ette ole robotti|nu sunte(?:ț|ţ)i (?:un )?robot|nem robot vagy"
    # the ask to prove the sender a person, addressed to them ("请点击以下链接验证您是真人", "人間であることを
    # 確認してください", "사람인지 확인해 주세요"): a person telling of one says "I" ("要我验证我是真人")
    # (only where it speaks of the sender's mail first: "为了让您的邮件送达，请…验证您是真人"; a member telling
    # or explaining a sign-up page's "验证你是真人" / "人間であることを確認してください" speaks of no mail, or
    # of mail only as what brought a link: "邮件里的链接", "メールで届いた", "메일에서 온 링크")
    r"|(?:邮件|郵件|メール|메일|스팸)(?!里|裡|裏|中的|で|に(?:届|あ)|のリンク|로 온|에서|에 (?:온|있는))[^\n]{0,60}(?:\n[^\n]{0,60})?(?:(?:验证|驗證|证明|證明|确认|確認)(?:您|你)是真人"
    r"|人間であることを(?:確認|証明)して(?:ください|下さい)|사람(?:인지|임을) (?:확인|인증)해 ?주(?:세요|십시오))",
    re.IGNORECASE,
)

# the zh/ja/ko ask of CHALLENGE that batch 17 added (read only where no quoting "Re:" reply holds it)
CJK_HUMAN_ASK = re.compile(r"是真人|人間であること|사람(?:인지|임을)")

# words that put an address forward as someone to write to, not as the one that failed
CONTACT = re.compile(
    r"(?:contact|write to|e-?mail us|mail us|send (?:an? )?(?:e-?mail|mail|message|note) to|questions?"
    r"|help|support|assistance|forward (?:this|it)(?: \w+)? to|report (?:it|this|abuse)|please (?:notify|inform)"
    r"|wenden sie sich an|kontakt|contactez|écrivez à|contacte|contatta|scrivere a|neem contact"
    r"|обратитесь|свяжитесь|お問い合わせ|联系|문의)\W+(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)

FAILED_BODY = re.compile(
    r"could not be delivered|couldn't be delivered|undeliverable|was not delivered|delivery (?:has )?"
    r"failed|failed to deliver|unable to deliver|user unknown|unknown user|no such (?:user|mailbox)"
    r"|user not found|invalid mailbox"
    r"|mailbox (?:unavailable|not found|full|is full)|does not exist|permanent (?:error|failure)"
    r"|(?<![\d.])[45]\.\d{1,3}\.\d{1,3}(?![\d.])|^\s*5[05]\d[\s-]"
    r"|n'a pas pu être (?:remis|distribué|délivré|livré)|(?:konnte|wurde) nicht zugestellt|nicht zugestellt werden"
    r"|no se (?:ha )?(?:podido|pudo) entregar|non (?:è stato|è stata|può essere) (?:consegnat|recapitat)"
    r"|impossibile (?:consegnare|recapitare)|non è stato possibile (?:consegnare|recapitare)"
    r"|não (?:pôde|foi possível|pode) ser entregue|kon niet (?:worden )?(?:bezorgd|afgeleverd)"
    r"|nie (?:została|zostało|mogła zostać|można) dostarcz|nepodařilo doručit|nebylo možné doručit"
    r"|не (?:было|может быть|удалось) достав|не вдалося доставити|teslim edilemedi|nem sikerült kézbesíteni"
    r"|kézbesítése sikertelen|配信できませんでした|送信できませんでした|配送に失敗|没有发送成功|投递失败|无法投递"
    r"|無法送達|전달되지 못했|전송되지 못했|발송(?:에)? 실패"
    # Romanian, Vietnamese, Arabic, Hebrew, Greek, Indonesian/Malay, Thai, Slovak, Croatian/Serbian/
    # Bosnian, Bulgarian, Nordic carriers' sentences
    r"|nu a putut fi (?:livrat|trimis|remis)|nu a fost livrat|không (?:thể )?gửi được|không thể gửi"
    r"|تعذر تسليم|لم يتم تسليم|לא ניתן היה למסור|לא נמסרה|δεν ήταν δυνατή η παράδοση|δεν παραδόθηκε"
    r"|tidak dapat (?:dikirim|disampaikan|diantar)|ไม่สามารถส่ง|nebolo možné doručiť|nepodarilo doručiť"
    r"|nije (?:bilo moguće |moguće )?isporuč|не можа да бъде доставено|kunde inte levereras|gick inte att leverera"
    r"|kunne ikke leveres|ei voitu toimittaa",
    re.IGNORECASE | re.MULTILINE,
)

# A delay notice's own words: the message is still queued and will be tried again (a warning).
DELAY_SUBJECT = re.compile(r"delay|warning|will (?:be )?retr|still (?:being )?(?:tr|retr)|temporar"
                           r"|has not yet been delivered|avertissement|warnung|aviso|avviso" + DELAY_WORDS,
                           re.IGNORECASE)
DELAY_TEXT = re.compile(
    r"warning (?:message )?only|this is (?:only )?a warning|(?:do not|don't|no) need to resend"
    r"|has not yet been delivered|not (?:yet )?been delivered yet|not yet (?:been )?delivered|has been delayed|is (?:being )?delayed"
    r"|delivery (?:is |has been )?delayed|will (?:continue to|keep) (?:try|retr)|will retry|will be retried"
    r"|delivery attempts will continue|still (?:being )?(?:tried|retried|trying)|awaiting delivery"
    r"|n'a pas encore (?:pu )?être|n'a pas encore été (?:remis|distribué|délivré|livré)|simple avertissement|nous réessaierons|nouvelle tentative"
    r"|noch nicht zugestellt|bisher nicht zugestellt|weiterhin versucht|nur eine warnung|erneut versucht"
    r"|todavía no se ha|aún no se ha|seguiremos intentando|se reintentará"
    r"|non è (?:stato )?ancora|solo un avviso|proverà a consegnarlo"
    r"|ainda não foi entregue|tentaremos (?:novamente|de novo)"
    r"|nog niet (?:afgeleverd|bezorgd)|alleen een waarschuwing"
    r"|пока не удалось доставить|ещё не доставлено|еще не доставлено|попробуем доставить"
    r"|nie została jeszcze dostarczona|tylko ostrzeżenie|kolejne próby|zatím nebyla doručena"
    r"|még nem (?:sikerült|lett) kézbesít|henüz teslim edilmedi|пока не доставлен|попытки доставки будут продолжены"
    r"|遅延しています|配信が遅延|再送信の必要はありません|延迟投递|仍在尝试|继续尝试|將繼續嘗試"
    r"|지연되고 있습니다|재시도|아직 전달되지 않았습니다"
    # Arabic, Romanian, Vietnamese, Hebrew, Greek, Indonesian: "will keep trying", "no need to resend"
    r"|سيواصل (?:\w+ )?المحاولة|لا (?:حاجة|داعي) لإعادة إرسال|لم يتم تسليم رسالتك بعد|se va reîncerca|nu a fost încă livrat"
    r"|sẽ tiếp tục thử|chưa được gửi đi|ינסה שוב|θα συνεχίσει να προσπαθεί|akan terus mencoba|belum terkirim",
    re.IGNORECASE,
)

# Without a status code, the report's own words saying the cause will pass ("The user(s) account is
# temporarily over quota", "vorübergehend nicht erreichbar"): a soft failure, as a 4.x.x status says.
TEMPORARY_CAUSE = re.compile(
    r"temporar(?:il)?y (?:over (?:\w+ )?quota|unavailable|not available|full|out of (?:disk )?(?:space|storage))"
    r"|vorübergehend (?:nicht (?:verfügbar|erreichbar)|voll|überschritten)|temporairement (?:indisponible|plein)"
    r"|temporalmente (?:no disponible|non disponibile|llen[oa]|pien[oa])|temporariamente (?:indisponível|chei[oa])"
    r"|временно (?:недоступ|переполнен)|一時的に(?:利用できません|満杯)|暂时(?:无法|不可)|일시적으로",
    re.IGNORECASE)

# a greylisting filter's notice that the message waits and will arrive by itself: nothing failed
GREYLISTED = re.compile(r"grey-?listing|gray-?listing|grey-?listed|gray-?listed", re.IGNORECASE)
WILL_ARRIVE = re.compile(r"will be delivered(?: automatically)?|delivered automatically"
                         r"|sera (?:remis|délivré|distribué) automatiquement|wird automatisch zugestellt"
                         r"|se entregará automáticamente", re.IGNORECASE)

# a filter or moderator holding a message for review: nothing failed, nothing is retried
HELD = re.compile(r"(?:placed|put|is|being) (?:on|in) hold|held (?:for|until|pending)|awaiting (?:review|moderat|approval)"
                  r"|quarantin", re.IGNORECASE)

# a delivery report that says everything arrived ("Delivery Status Notification (Success)",
# Exchange's "Delivered:" / "Relayed:", "Successful Mail Delivery Report")
SUCCESS_SUBJECT = re.compile(
    r"\(success\)|^\s*(?:delivered|relayed|zugestellt|weitergeleitet|remis|entregado|consegnato|bezorgd)\s*:"
    r"|successful(?:ly)? (?:mail )?deliver|delivery (?:status )?(?:notification )?\(?success", re.IGNORECASE)
