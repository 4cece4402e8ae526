"""An absence notice told by its words alone: a text that says only that the writer is away
until a date, when they will answer, whom to write to meanwhile and thanks for the message ("I am
out of the office until 23/03. I will reply on my return."), with no header and no "this is an
automatic reply". A member who writes of her own absence also answers something ("On leave this
week, but yes – fine by me"): any other clause makes the message a person's.
"""
from __future__ import annotations

import re

from mailer.autoreply_words import ANSWER_FIRST as _ANSWER_FIRST

_ABSENT = re.compile(
    r"\b(?:i am|i'm|i will be|i'll be|currently)\b.{0,30}\b(?:out of (?:the )?office|on (?:\w+ )?leave|on holiday"
    r"|on vacation|on sabbatical|away|travell?ing|absent|off work)\b"
    # an office's or a team's own notice: "The office is closed until 7 December"
    r"|\b(?:the|our) (?:office|secretariat|team) (?:is|will be) closed\b"
    r"|\b(?:ich bin|ich werde|bin)\b.{0,40}\b(?:nicht im büro|im urlaub|abwesend|außer haus|nicht erreichbar|auf dienstreise)"
    r"|\bje (?:suis|serai)\b.{0,20}\b(?:absente?|en congés?|en vacances|en déplacement|hors du bureau)"
    r"|\b(?:estoy|estaré|me encuentro)\b.{0,20}\b(?:fuera de la oficina|de vacaciones|ausente|de viaje|de baja)"
    r"|\b(?:sono|sarò)\b.{0,20}\b(?:fuori ufficio|in ferie|assente|in vacanza)"
    r"|\b(?:estou|estarei)\b.{0,20}\b(?:ausente|de férias|fora do escritório)"
    r"|\bik ben\b.{0,20}\b(?:afwezig|op vakantie|met vakantie|niet op kantoor)"
    r"|\bjag är\b.{0,20}\b(?:tjänstledig|på semester|ledig|borta|frånvarande)"
    r"|\bjeg (?:er|holder)\b.{0,20}\b(?:fraværende|på ferie|ferie|(?:jule|sommer|påske|vinter|høst)ferie|ikke på kontoret)"
    r"|\bjestem\b.{0,20}\b(?:poza biurem|na urlopie|nieobecn)"
    r"|(?:^|\s)я\s.{0,20}(?:в отпуске|в командировке|отсутствую)"
    r"|βρίσκομαι εκτός γραφείου|είμαι σε άδεια"
    r"|不在にしております|休暇(?:中|のため|を)|我.{0,6}(?:休假|不在办公室|出差)|휴가|부재중",
    re.IGNORECASE)
# ... until when: a date's digits or an "until" word (in the clause or its line)
_UNTIL = re.compile(r"\d|\b(?:until|till|returning|back on|bis|jusqu|hasta|fino|até|tot|indtil|do|до|έως)\b|まで|까지",
                    re.IGNORECASE)
# ... the return date on its own ("returning 23/03", "3月20日返回")
_RETURN_DATE = re.compile(r"\d.{0,20}(?:返回|戻|복귀)|(?:returning|back on|i return on|retour le|zurück am|de vuelta el"
                          r"|di ritorno il|вернусь|wracam|de retour (?:au bureau )?le)\b.{0,20}\d"
                          # "ab 07.12. wieder erreichbar", "from 7 December back in the office"
                          r"|\b(?:ab|from)\b.{0,20}\d.{0,20}\b(?:wieder (?:erreichbar|im büro|da)|back in the office)\b",
                          re.IGNORECASE)
# ... and nothing that goes on with something else ("… until the 27th so I'll keep this short")
_GOES_ON_WITH = re.compile(r"\b(?:but|so|however|though|although|pero|mas|aber|mais|ma|maar|men|но|ale|ama|ενώ|αλλά)\b"
                           r"|但|不过|可是|ですが|けど|けれど|でも|지만|는데|그러나|하지만", re.IGNORECASE)
_FILLER = re.compile(
    r"thank(?:s| you) for your (?:e-?mail|message|mail|enquiry|inquiry)|vielen dank für ihre|merci (?:pour|de) votre|gracias por su"
    r"|grazie per|obrigad[oa] pel|bedankt voor|tak for din|спасибо за|ありがとう|感谢|谢谢|감사|申し訳(?:ございません|ありません)"
    r"|\b(?:i will|i'll|i shall) (?:reply|respond|get back|answer|read|deal)|^(?:will|shall) (?:reply|respond|get back|answer)"
    r"|\bwe(?: will|'ll| shall) (?:reply|respond|get back|answer)|\bexpect (?:some )?delays?\b"
    r"|ich (?:werde|melde)|\b(?:und )?antworte (?:danach|nach meiner rückkehr|im anschluss)|je (?:vous )?(?:répondrai|prendrai connaissance|traiterai)|responderé|contestaré"
    r"|risponderò|responderei|\bik (?:reageer|antwoord|beantwoord)|wordt na mijn (?:terugkomst|terugkeer)"
    r"|отвечу|odpowiem|θα απαντήσω|返信|ご連絡|回复|연락|회신|답변"
    r"|\b(?:can't|cannot|am unable to) (?:reply|respond|answer)|не (?:могу|смогу) ответить|nie (?:mogę|mogą) odpowiedzieć"
    r"|\b(?:for|in) (?:urgent|dringend)|in dringenden|urgen(?:ce|cia|za)|please contact|bitte wenden sie sich"
    # whom to write to meanwhile, in French, Spanish, Italian ("merci de contacter", "pour toute question")
    r"|merci de (?:contacter|vous adresser|(?:m')?écrire)|veuillez (?:contacter|vous adresser)|por favor (?:contacte|escriba)"
    r"|\bchecking (?:my )?e-?mails? (?:only )?(?:occasionally|intermittently|rarely|sporadically)"
    r"|(?:limited|no) access to (?:my )?e-?mail|(?:not|won't be) checking|keinen zugriff|sans accès|sin acceso"
    r"|accesso limitato|sem acesso|acesso limitado|läser inte|læser ikke|ikke (?:læse|lese)",
    re.IGNORECASE)
# (batch 18, review b18ab) the Scandinavian thanks, return date and whom to write to meanwhile, each
# only as a whole clause with nothing of the writer's after it: "Takk for e-posten", "Tack för ditt
# mejl", "tilbake på kontoret 11. desember", "Henvendelser kan sendes til post@…", "Vid brådskande
# ärenden kontakta kansliet på 08-123 456" (not "Tack för ditt mejl – jag röstar ja", "Tilbake 15.12 –
# JA fra meg", "Henvendelser kan sendes til Per Olsen som har fullmakt fra meg")
_DATE = r"\d{1,2}(?:[./]\s?\d{1,2})?[./]?(?:\d{2,4})?(?: [^\W\d_]{3,9}\.?)?(?: \d{4})?"
_CONTACT = (r"(?:kontakta|kontakte?|ring(?:e)?(?: til)?|send (?:en )?e-?post til|skriv(?: til| till)?)"
            r"(?: [^\s\d]+){0,3}(?: (?:på|på tlf\.?|tlf\.?|tel\.?))?(?: address| [+\d][\d \-]{5,})?")
_WHOLE_CLAUSE = re.compile(
    r"(?:takk for (?:e-?posten|din e-?post|meldingen|henvendelsen|mailen)"
    r"|tack för (?:ditt (?:mejl|mail|meddelande)|mejlet|mailet|meddelandet)"
    r"|tak for (?:mailen|e-?mailen|din (?:e-?mail|mail|henvendelse|besked)))"
    r"|(?:(?:jeg|jag) (?:er|är) |er |är )?(?:tilbake|tillbaka|tilbage)(?: (?:på|i) (?:kontoret|jobb(?:et)?|arbejde|arbetet))?"
    r"(?: igjen| igen)?(?: (?:den|d\.|fra|från))?(?: [^\W\d_]+dag(?:en)?)? " + _DATE +
    r"|henvendelser kan (?:sendes|rettes) til (?:address|[^\W\d_]+(?: [^\W\d_]+)?)"
    r"|(?:vid brådskande ärenden|i (?:hastesaker|hastetilfeller|presserende saker|akutte sager)) ?,? ?" + _CONTACT +
    r"|" + _CONTACT +  # after its lead-in as a clause of its own ("Vid brådskande ärenden, kontakta kansliet")
    r"|(?:har )?(?:begrenset tilgang til e-?post|begränsad tillgång till (?:e-?post|mejl|mail)"
    r"|begrænset adgang til (?:min )?(?:e-?)?mail)"
    r"|(?:og |och )?(?:leser|läser|læser) (?:ikke|inte) (?:min )?(?:e-?post(?:en)?|mejl|mail(?:s)?)",
    re.IGNORECASE)
# a member's answer or act anywhere in the words: a vote, a yes or no, support, a proxy ("… stemmer ja",
# "röstar nej", "jeg er enig", "gir fullmakt til Per"): no absence notice says one
PERSONS_ACT = re.compile(r"\b(?:vot(?:e|es|ed|ing)|stem(?:me|mer|mte|te)?|röst(?:a|ar|ade|ning)?|støtter|stöder|bakker op"
                          r"|enig|eniga|fullmakt|fuldmagt|proxy|ja|nei|nej|yes)\b", re.IGNORECASE)
_GREETING = re.compile(r"(?:hello|hi|dear \w+|bonjour|hallo|hola|buongiorno|olá|hej|hei|здравствуйте|добрый день"
                       r"|您好|你好|안녕하세요|dzień dobry|dobrý den|καλησπέρα|merhaba|goedemiddag|goedemorgen)$", re.IGNORECASE)
# clauses end at a sentence's end, a comma or colon, or "and" ("… until the 15th and will vote when
# I'm back": its second clause is a member's)
# (not the "och" or "og" of "till och med", "til og med", through: "på semester till och med 4 januari")
_CLAUSE = re.compile(r"(?<!\d)[.!?。！？]+|[,;:，、；：]|(?<!\btill)(?<!\btil)\s(?:and|und|et|y|e|och|og|и|oraz|και)\s", re.IGNORECASE)
# a lead-in to whom to write meanwhile, as a clause of its own ("Pour toute question, merci de contacter …")
_LEAD_IN = re.compile(r"(?:pour toute (?:question|demande)|en cas d'urgence|para cualquier (?:consulta|duda|asunto)"
                      r"|per qualsiasi (?:domanda|richiesta)|for (?:any|all) (?:questions|queries|enquiries)"
                      r"|vid brådskande ärenden|i (?:hastesaker|hastetilfeller|presserende saker|akutte sager))$", re.IGNORECASE)
# an address or a link, whose dots end no clause ("… merci de contacter secretariat@universite-exemple.fr."):
# read as one word (tried at a word's start only)
_ADDRESS = re.compile(r"(?<![^\s<(])[^\s@<>()]+@[^\s<>()]*[^\s<>().,;:!?]|(?<!\S)(?:https?://|www\.)\S*[^\s.,;:!?)]",
                      re.IGNORECASE)  # its last character no sentence's end
# a clause that is the return alone ("Jeg er tilbake 11. desember"): enough with an absence subject
_RETURN = re.compile(r"(?:(?:jeg|jag) (?:er|är) |er |är )?(?:tilbake|tillbaka|tilbage)\b", re.IGNORECASE)
_SHORT = 4  # words of a greeting, a closing or a name on its own line ("Kind regards", "Marc")


def only_an_absence_notice(text: str, until_needed: bool = True) -> bool:
    """True when the text (a message's own words, at most 600 characters) is only an absence
    notice: a clause saying the writer is away until a date, and no clause but its thanks, the
    return date, when they will answer, whom to write to meanwhile, a greeting, or a line of a few
    words (a closing, a name; none of them an answer such as "Yes"), and no vote, yes or no, support
    or proxy anywhere in it (`PERSONS_ACT`). With `until_needed` False (an absence subject such as
    "Fravær" leads the message) the away clause needs no date, and a return date alone will do."""
    if len(text) > 600 or not (_ABSENT.search(text) or not until_needed and _WHOLE_CLAUSE.search(text)):
        return False
    if PERSONS_ACT.search(_ADDRESS.sub("address", text)):
        return False
    absent = False
    for line in text.splitlines():
        line = line.strip(" \t*-–—")
        if not line:
            continue
        if (len(line.split()) <= _SHORT and len(line) <= 30 and not any(c.isdigit() for c in line)
                and not _ANSWER_FIRST.match(line) and not _ABSENT.search(line)):
            continue  # "Kind regards", "Marc", "Bonjour,"
        until = _UNTIL.search(line) is not None
        if "@" in line or "://" in line or "www." in line:
            line = _ADDRESS.sub("address", line)
        for clause in _CLAUSE.split(line):
            clause = clause.strip(" \t")
            if not clause or _GREETING.match(clause) or _LEAD_IN.match(clause):
                continue
            if _ABSENT.search(clause) and (until or not until_needed) and not _GOES_ON_WITH.search(clause):
                absent = True
            elif _WHOLE_CLAUSE.fullmatch(clause.rstrip(".!")):
                absent = absent or (not until_needed and _RETURN.match(clause) is not None)
            elif not (_FILLER.search(clause) or _RETURN_DATE.search(clause)):
                return False
    return absent

