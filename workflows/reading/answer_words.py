"""The words members vote with, in the languages they write: the tables `choices.read_vote` reads.

Everything here is compared with a cleaned line (NFKC, case-folded, emphasis and emoji removed).
Three kinds of entry:

- `KEYS`: YES / NO / ABSTAIN words that may open an answer followed by a comment ("Yes, I
  support it") and are looked for inside a line to see whether it names two options (English
  and French only: in a sentence of another language a short word such as "da" or "ne" is not a
  vote);
- `WHOLE_ANSWERS`: what is an answer only when it is the whole answer, or the whole of what
  comes before the first comma ("Да", "Ja, dafür", "Tak.", "賛成", "Nein danke" is not one): the
  table of `whole_answer_words`, with the bare answers the automatic-reply checks know too (defined
  once, in `mailer.bare_answers`), the answers to "the motion" and the abstentions;
- `ABSTAIN_STEMS`: the stems of "abstain" in 25 languages ("ich enthalte mich", "mi astengo",
  "wstrzymuję się", "воздерживаюсь", "棄権"), read in a short answer of at most six words.

`ordinal_words.ORDINALS` maps ordinal and number words to a position ("the second", "die zweite",
"la primera", "de derde", "второй", "第二"); `CONDITION` is the start of a conditional answer ("if",
"unless", "as long as", "à condition que", "sofern", "siempre que", "purché", "mits", "pod
warunkiem", "если" …); `HEDGE` a doubt ("maybe", "not sure", "vielleicht", "quizás" …).
"""
from __future__ import annotations

import re

from mailer.bare_answers import BARE_ANSWERS
from workflows.reading.answer_idioms import ABSTAIN_IDIOMS, ASSENT_IDIOMS, NO_IDIOMS, YES_IDIOMS
from workflows.reading.accents import fold
from workflows.reading.not_yet_words import NOT_LATE
from workflows.reading.pattern_gates import gated
from workflows.reading.whole_answer_words import WHOLE_ANSWER_WORDS

KEYS = {
    "YES": {"yes", "oui", "yeah", "yep", "aye"},
    "NO": {"no", "non", "nope", "nay"},
    "ABSTAIN": {"abstain", "abstention", "abstaining", "abstains", "abstiens", "abstient",
                "abstenir", "abstenons", "abstained"},
}
LABEL_KEYS = {
    "YES": {"yes", "oui", "for", "pour", "in favour", "in favor", "yes / oui", "oui / yes"},
    "NO": {"no", "non", "against", "contre", "no / non", "non / no"},
    "ABSTAIN": {"abstain", "abstention", "abstain / abstention", "abstention / abstain"},
}
WHOLE_ANSWERS = {key: set(words) for key, words in WHOLE_ANSWER_WORDS.items()}
# the bare answers ("ja", "nein", "はい", "dagegen"), defined once in `mailer.bare_answers`, where the
# automatic-reply checks read them too: each is a whole answer here, but the words of KEYS (which may
# open one), French "pour" (a preposition before anything else: read as an option's label, LABEL_KEYS)
# and "approves" (a person's answer to an automatic reply's check, no vote of the member's own)
for _word, _key in BARE_ANSWERS.items():
    if _word not in KEYS[_key] and _word not in ("pour", "approves"):
        WHOLE_ANSWERS[_key].add(_word)
for _obj in ("the motion", "the proposal", "the resolution", "la motion", "la proposition", "la résolution",
             "this", "it", "that", "this motion", "this proposal", "this resolution", "the change", "this change",
             "the amendment", "this amendment", "cette proposition", "cette motion"):
    WHOLE_ANSWERS["YES"] |= {f"for {_obj}", f"in favour of {_obj}", f"in favor of {_obj}", f"pour {_obj}"}
    WHOLE_ANSWERS["NO"] |= {f"against {_obj}", f"contre {_obj}"}
    WHOLE_ANSWERS["YES"] |= {f"count me in favour of {_obj}", f"count me in favor of {_obj}"}
    # "I support the amendment" on a ballot about a motion may back an amendment to it: the verbs
    # answer only of the motion itself (mendv)
    for _who in (("", "i ", "we ") if "amendment" not in _obj else ()):
        WHOLE_ANSWERS["YES"] |= {f"{_who}{verb} {_obj}" for verb in ("approve", "support", "accept", "endorse",
                                                                      "agree with", "back")}
        WHOLE_ANSWERS["NO"] |= {f"{_who}{verb} {_obj}" for verb in ("do not approve", "don't approve", "cannot approve",
                                                                     "can't approve", "won't approve", "will not approve",
                                                                     "oppose", "reject", "disapprove of",
                                                                     "do not support", "don't support",
                                                                     "cannot support", "can't support",
                                                                     "can not support")}

# batch 13: approving or opposing the thing voted on by its own noun ("J'approuve le budget", "I approve
# the accounts", "We support the 2027 budget"): the verb, a determiner and a generic noun for the
# motion itself (a year beside it), or "this"; never a negated verb ("I don't approve the budget" is
# read elsewhere), nor another noun, which may name anything but the motion ("I support the
# amendment", "I back the opposition", "I reject the criticism", "I oppose the cuts": asked back; mendv)
_MOTION_NOUN = (r"(?:motion|proposal|resolution|accounts|budget|draft|plan|report|minutes|proposition|motion"
                r"|résolution|comptes|projet|rapport|antrag|vorschlag|beschluss|haushalt|entwurf|bericht"
                r"|jahresabschluss|budget)")
OBJECT_ANSWER = re.compile(r"^(?:(?:i|we)\s+|j'|nous\s+|je\s+|ich\s+|wir\s+)?(?:(?P<yes>approve|support|endorse|back"
                           r"|approuve|approuvons|soutiens|soutenons|unterstütze|unterstützen|befürworte|befürworten)"
                           r"|(?P<no>oppose|reject|rejette|rejetons|m'oppose à|nous opposons à|lehne|lehnen))\s+"
                           r"(?:(?:the|this|le|la|les|l'|ce|cette|ces|den|die|das|diesen|diese)\s*(?:\d{4}\s+)?" + _MOTION_NOUN
                           + r"(?:\s+\d{4})?|this|ceci|cela|dies)(?:\s+ab)?$")
for _obj in ("this", "it", "that", "these", "them", "the accounts", "the motion", "the proposal"):  # batch 11
    WHOLE_ANSWERS["NO"] |= {f"{who} not approving {_obj}" for who in ("i'm", "i am", "we're", "we are")}

ABSTAIN_STEMS = (
    "abstain", "abstention", "abstien", "abstenir", "abstenons", "abstengo", "abstención", "abstencion",
    "abstenho", "abstenção", "abstencao", "enthalt", "enthalte", "onthoud", "astengo", "astension",
    "wstrzym", "воздерж", "утрим", "zdržuj", "zdrž", "tartózkod", "çekimser", "pidätäyd", "pidättäy",
    "avstår", "avstar", "afstår", "undlader", "αποχ", "απέχω", "abțin", "abtin", "mă abțin",
    "棄権", "弃权", "棄權", "기권", "امتنع", "امتناع", "ممتنع", "נמנע", "astenut", "astensione", "abstenho-me",
    "أمتنع", "onthouding", "wstrzymuj", "утримуюсь", "утримаюсь", "zdržujem", "tartózkodom",
    "pidätän", "afholder", "hlasování se zdržuji", "bỏ phiếu trắng", "phiếu trắng",
    "abstenerme", "ممتنعة", "ممتنعون", "งดออกเสียง", "abstinere", "kujizuia",
    # batch 5: Catalan, Bulgarian, Croatian/Serbian/Slovenian, Romanian/Hungarian/Turkish without accents
    "m'abstinc", "abstinc", "въздърж", "suzdrž", "suzdrz", "уздрж", "uzdrž", "uzdrz", "vzdrž", "vzdrz",
    "susțin abținerea", "tartozkod", "cekimser",
    # batch 7: Estonian, Latvian, Lithuanian
    "erapooletu", "jään erapooletuks", "attur", "susilaik",
    # batch 11: Basque, Malay, Hindi ("I will stay away from the vote")
    "abstentzio", "berkecuali", "मतदान से दूर", "मतदान में भाग नहीं",
    # batch 14: the French reflexive forms written with their pronoun ("je préfère m'abstenir")
    "m'abst",
)
# whole answers that abstain: a blank vote ("vote blanc", "λευκό", "tyhjä") and "I pass"
ABSTAIN_ANSWERS = {"vote blanc", "je vote blanc", "blanc", "voto en blanco", "en blanco", "voto in bianco",
                   "scheda bianca", "voto em branco", "em branco", "λευκό", "λευκο", "tyhjä", "tyhja", "tyhjää", "tyhjaa",
                   "äänestän tyhjää",
                   # batch 11: Greek "present" (the parliamentary abstention), Icelandic "I sit out",
                   # Norwegian and Swedish blank votes ("stemmer blankt", "lägger ner min röst")
                   "παρών", "παρων", "παρούσα", "sit hjá", "ég sit hjá", "blankt", "stemmer blankt", "jeg stemmer blankt",
                   "røster blankt", "röstar blankt", "jag röstar blankt", "lägger ner min röst", "jag lägger ner min röst",
                   "lägger ned min röst", "jag lägger ned min röst", "jeg stemmer blank",
                   "pass", "i pass", "i'll pass", "i will pass", "i'll pass on this one", "i'll pass on this",
                   "i pass on this one", "pass on this one", "put me down as an abstention",
                   "put me down as abstaining"}
WHOLE_ANSWERS["ABSTAIN"] = ABSTAIN_ANSWERS | ABSTAIN_IDIOMS
WHOLE_ANSWERS["YES"] |= YES_IDIOMS | ASSENT_IDIOMS
WHOLE_ANSWERS["NO"] |= NO_IDIOMS
ABSTAIN_STEMS += tuple(folded for stem in ABSTAIN_STEMS if (folded := fold(stem)) != stem)  # "tartozkodom"
# each word or whole answer → its key: "yes" → "YES", "ich bin dagegen" → "NO"
WORD_TO_KEY = {w: key for key, words in KEYS.items() for w in words}
ANSWER_TO_KEY = {w: key for key, words in WHOLE_ANSWERS.items() for w in words}
ABSTAIN = re.compile(r"^(?:\S+\s+){0,3}(?:" + "|".join(re.escape(s) for s in ABSTAIN_STEMS)
                     + r")\S*(?:\s+\S+){0,3}$")
ABSTAIN_MENTION = re.compile("|".join(re.escape(s) for s in ABSTAIN_STEMS))
# the stems of scripts written without spaces, inside a short sentence ("今回は棄権します", "我决定弃权")
ABSTAIN_UNSPACED = re.compile(r"^\S{0,6}(?:棄権|弃权|棄權|기권)\S{0,10}$")
# the vote is still to come, or the line only says the ballot arrived ("Yes, got it, thanks! Will vote
# after our board meets", "I'd say we vote yes, but let's talk first"): never a vote, asked back
# review21: a thought that ends in the answer, at the end of the line ("Let me think... yes.", "Дай подумать... Да,
# за.", "Lass mich nachdenken – ja."), is no deferral: the answer is given
_THOUGHT_ANSWERED = (r"(?!\s*(?:\.{2,}|…|[-–—:])\s*(?:yes|yeah|no|ja|nein|oui|non|sì|si|sí|sim|não|nao|tak|nie|да|нет|evet|hayır"
                     r"|ya|tidak|oo|hindi|nee|ndiyo|hapana)(?:[,\s]+[\w']+){0,2}[\s.!]*$)")
DEFERRAL = re.compile(
    r"\b(?:(?:will|'ll|shall) vote (?:later|after|once|when|tomorrow|next|on (?:the|\w+day)|this weekend|by)|vote later"
    r"|(?:i|we)(?:'ll| will) (?:get back|reply|answer|come back|let you know|decide)|get back to you"
    r"|let's (?:talk|discuss|chat|wait)|let us (?:talk|discuss)|let me (?:check|think" + _THOUGHT_ANSWERED + r"|discuss|ask|talk|read|confirm)"
    r"|need (?:more )?time to|after (?:our|the) (?:board|meeting|committee)|got it|well received|received,? thanks"
    r"|je voterai (?:plus tard|après|demain)|je vous reviens|ich melde mich|ich stimme später ab"
    # batch 21: "let me think (it over)" in other languages ("Sim. Aliás, deixa-me pensar melhor.")
    r"|(?:deix[ae][- ]me pensar|laisse[zr]?-moi réfléchir|lass(?:t)? mich (?:\w+ ){0,3}nachdenken|déjame pensar(?:lo)?|dejadme pensar(?:lo)?"
    r"|fammi pensare|fammici pensare|lasciami pensare|laat me (?:\w+ ){0,4}nadenken|daj(?:cie)? mi (?:\w+ )?pomyśleć"
    r"|дай(?:те)? (?:мне )?подумать|biar (?:saya|aku) (?:pikir|pikirkan)|düşüneyim|düşünmem lazım"
    r"|pag-iisipan ko|iisipin ko muna|nifikirie|nitafikiria)" + _THOUGHT_ANSWERED +  # review21: Tagalog, Swahili
    r"|votaré (?:más tarde|después|mañana)|voterò (?:più tardi|dopo|domani)"
    # batch 8: the vote not cast yet ("No, not yet", "sending my vote after the call") and a talk asked
    # for as a question ("I'm not convinced. Can we talk it through?")
    r"|(?:not yet|pas encore|noch nicht|todavía no|todavia no|aún no|ainda não|ainda nao|non ancora|nog niet"
    r"|jeszcze nie|ещё нет|еще нет|ще ні)" + NOT_LATE + r"|(?:send|sending|cast|casting) (?:my|our) vote (?:later|after|tomorrow|once|when)"
    r"|(?:can|could|shall) we (?:talk|discuss|chat|go over|go through)|(?:pouvons|peut)-(?:nous|on) (?:en )?(?:parler|discuter)"
    r"|können wir (?:das )?(?:besprechen|reden)|(?:podemos|podríamos) (?:hablar|discutir)"
    # batch 9: not read yet ("No, I haven't read it yet"), the vote promised for later ("will do this
    # weekend"), an answer that holds only after an event ("Sim, mas só depois da assembleia")
    r"|(?:haven't|have not|hasn't|has not|didn't|did not) (?:\w+ ){0,4}yet|will do (?:it |so )?(?:this|tonight|tomorrow|later|next)"
    r"|(?:only|just|só|somente|apenas|seulement|uniquement|nur|erst|solo|sólo|soltanto|alleen|tylko|только)"
    r" (?:after|once|depois|após|quando|après|nach|después|dopo|na|po|после)"
    # batch 10: the ballot still to be read, in other languages ("Oui, bien reçu. Je le lis ce soir",
    # "Да, получила. Прочитаю вечером", "はい、受け取りました。今夜読みます"): a receipt alone is no
    # deferral ("Bien reçu, je suis pour" is a vote)
    r"|je (?:le |la |l')?(?:lis|lirai|regarde|regarderai) (?:ce soir|demain|plus tard|ce week-end)"
    r"|(?:i'll|i will) read (?:it|this)|lese (?:es|ihn|sie) (?:heute|morgen|später)|(?:ich )?lese (?:es )?(?:heute abend|morgen)"
    r"|lo leo (?:esta noche|mañana|luego)|lo leggo (?:stasera|domani)|leio (?:hoje à noite|amanhã)"
    r"|прочитаю|прочитаю|przeczytam|今夜読みます|後で読みます|あとで読みます|明日読みます|晚上看|稍后看|나중에 읽"
    r"|읽어 ?보겠습니다)(?!\w)")


CONDITION = re.compile(
    # batch 13: the "if" of scripts written without spaces, opening the clause before the answer
    # ("如果预算不变，我同意", "只要…", "もし…なら賛成", "만약 …")
    r"^\W*(?:如果|假如|要是|只要|倘若|若是|萬一|万一|もし|만약|만일)(?=\S)|"
    # batch 8: a precondition after "but first" ("Sí, pero primero quiero ver el presupuesto")
    r"^\W*(?:but|mais|aber|pero|ma|maar|mas|ale|но)\s+(?:first|d'abord|zuerst|erst|primero|antes|prima|eerst|primeiro"
    r"|najpierw|сначала)\b|"
    # batch 14: a condition of several words with the comma German writes before "dass" ("Ja, unter der
    # Bedingung, dass …")
    r"^\W*(?:unter der bedingung|unter der voraussetzung|vorausgesetzt|à condition|on condition|a condizione"
    r"|op voorwaarde|com a condição|pod warunkiem|with the condition)\s*,\s*\w|"
    r"^\W*(?:(?:but|mais|aber|pero|ma|maar|ale|но)\s+)?(?:only\s+|seulement\s+|nur\s+|solo\s+|sólo\s+|alleen\s+"
    r"|tylko\s+|только\s+)?"
    r"(?:(?:depends|depending)\b|(?:с|при|под) услови(?:ем|и)\b|(?:if|unless|provided|providing|as long as|so long as|on condition|assuming|depending|depends"
    r"|subject to|si|sauf si|à condition|a condition|pourvu|sous réserve|à moins|tant que"
    r"|wenn|falls|sofern|solange|vorausgesetzt|unter der bedingung|außer wenn|es sei denn"
    r"|siempre que|siempre y cuando|con tal de que|a condición|salvo que|a menos que"
    r"|a condizione|purché|sempre che|a meno che|se|desde que|contanto|com a condição|caso"
    r"|als|mits|indien|tenzij|op voorwaarde|zolang|jeśli|jeżeli|jesli|jezeli|o ile|pod warunkiem"
    r"|chyba że|если|при условии|пока|якщо|за умови|om|förutsatt|så länge|hvis|forudsat|forutsatt"
    r"|så længe|så lenge|pokud|jestli|za předpokladu|ha|feltéve|eğer|şartıyla)\b(?=\s+\w)"
    r"(?!\s+(?:possible|possibile|posible|possível|möglich|mogelijk|nécessaire|needed|necessary)\b)"
    # ordinary meanings: "if I may say so", "wenn auch ungern" (although), Spanish "se puede" (one can)
    r"(?!\s+(?:i may|i might|i can say|you ask me|anything|i'm honest|i am honest|je puis|je peux me permettre"
    r"|vous voulez mon avis|auch|puede|pueden|podría|debe|deben|hace|entiende|aprueba|acepta|nota|ve"
    r"|agradece|sabe|merece|trata|hlasování|hlasovania)\b)"
    # Spanish "se ha abierto" (has been opened): "se" before a Spanish past participle is no "if"
    # (Italian "se ha aperto", "se hanno deciso" are: their participles end otherwise)
    r"(?!\s+(?:ha|han|había|habían)\s+\w*(?:ado|ido|ierto|echo|icho|uelto|uesto|scrito)\b)"
    # batch 21: Indonesian/Malay, Swahili, Tagalog, Hindi, Arabic, Hebrew, Vietnamese, Thai "if / provided"
    r"|(?:asalkan|asal|jika|kalau|apabila|dengan syarat|ikiwa|iwapo|endapo|kung|यदि|अगर|बशर्ते|إذا|بشرط"
    r"|אם|בתנאי|nếu|miễn là|ถ้า|หาก|yeter ki)\b(?=\s+\w)"
    # review21: not their ordinary meanings: Indonesian "kalau saya, …" (as for me), "kalau begitu" (then), "jika
    # memungkinkan / perlu / bisa" (if possible, if needed), "asal usul" (origin); Tagalog "kung saan / kailan /
    # sino" (where, when, who), "kung ako ang tatanungin" (if you ask me), "kung maaari" (if possible); Arabic
    # "إذا سمحتم" (please); Hebrew "אם כי" (although), "אם אפשר"; Vietnamese "nếu có thể"; "Kung Hei Fat Choy"
    r"(?!\s+(?:(?:saya|aku|kami|kita)(?:\s+(?:pribadi|sendiri))?\s*(?:[,.;:!]|sih\b|$)|(?:begitu|memungkinkan|perlu"
    r"|diperlukan|dibutuhkan|bisa|boleh|usul|saan|kailan|sino|paano|bakit|alin|ako ang tatanungin|tatanungin mo ako"
    r"|maaari|puwede|pwede|posible|kailangan|سمحت|سمحتم|سمحتي|أمكن|امكن|כי|אפשר|có thể|hei|fu|pao)\b)))")
# "why not" in the members' languages (a question that asks for no reason against: "Sure, why not?", "Sí, ¿por
# qué no?", "No — why not?"): `answer_doubts` and `contrary_remarks` read it
WHY_NOT = (r"why not|pourquoi pas|warum nicht|por qué no|por que no|perché no|waarom niet|por que não|porque não"
           r"|per qu[eè] no|czemu nie|dlaczego nie|varför inte|hvorfor ikke|miksi ei")
# review20: "both are fine" doubts which option only where the clause ends with it ("either is fine", "both are fine
# by me"), not "both drivers are fine", "either of them is fine to drive it", "they're both fine people"
_CLAUSE_END = r"\s*(?:[,.;:!?…)]|$)|\s+(?:with|by|for|to) (?:me|us)\b|\s+(?:honestly|really|tbh|imo|i think)\b"
BOTH_FINE = re.compile(r"(?:both|either|they)\b")
HEDGE = re.compile(r"\b(?:maybe|perhaps|peut[- ]être|not sure|unsure|pas sûr|undecided|"
                   # batch 8: "I don't know" after an answer word ("Nee, ik bedoel... ik weet het niet")
                   r"(?:i )?(?:don't|do not|dont) know|no idea|(?:je )?(?:ne )?sais pas|no (?:lo )?sé|weiß (?:es )?nicht"
                   r"|weiss (?:es )?nicht|keine ahnung|non (?:lo )?so|não sei|nao sei|weet (?:het )?(?:eigenlijk )?niet"
                   r"|nie wiem|не знаю|bilmiyorum|"
                   r"(?:would|could) also (?:be )?(?:fine|ok|okay|good|acceptable|work)|(?:works|fine|ok|okay) too|"
                   r"aussi (?:bien|acceptable)|auch (?:gut|ok|in ordnung)|también (?:vale|sirve)|"
                   r"me (?:va|convient|irait|conviendrait) aussi|(?:is|are|would be|'d be) (?:fine|ok|okay|good|acceptable) as well|"
                   r"j'hésite|hesitate|probably|probablement|possibly|might|vielleicht|wahrscheinlich"
                   r"|quizás|quizá|tal vez|forse|talvez|misschien|może|возможно|наверное"
                   # batch 19: maybe, "I don't know" in sv/da/nb/fi/cs/hu/el/uk/ca/id; the doubt of scripts without spaces
                   r"|kanske|vet inte|måske|ved ikke|kanskje|vet ikke|ehkä|en tiedä|en ole varma|možná|nevím|talán"
                   r"|ίσωσ|ισωσ|δεν ξέρω|δεν ξερω|можливо|potser|no ho sé|mungkin|tidak tahu"
                   # batch 21: "I guess / probably" in Polish (not "chyba że", unless), Turkish, Indonesian, Swahili, Tagalog
                   # review21: Polish "chyba" and Turkish "sanırım" only beside the answer or ending the clause ("Tak, chyba",
                   # "Chyba nie", "Sanırım evet"), not Polish "Chyba żartujecie" (you must be joking), Czech "chyba" (a
                   # mistake: "to byla chyba, že …"), "Evet, sanırım herkes destekler" (I think everyone supports it)
                   r"|(?<!byla )(?<!bola )(?<!moje )(?<!moja )(?<!je )(?<!to )chyba(?=\s*(?:[.;!?…)]|,(?!\s*že)|$)|\s+(?:tak|nie|raczej|jednak|jestem|za|przeciw)\b)"
                   r"|sanırım(?=\s*(?:[,.;!?…)]|$)|\s+(?:evet|hayır|çekimser|öyle|olur|olmaz)\b)"
                   r"|(?:kayaknya|sepertinya)(?=\s*(?:[,.;!?…)]|$)|\s+(?:ya|iya|tidak|nggak|enggak|setuju|begitu|gitu)\b)"
                   r"|galiba|herhalde|emin değilim|barangkali|labda|siguro"
                   # review21: Czech/Slovak "asi" and Tagalog "baka" (probably, maybe) beside the answer ("Ano, asi", "Oo, baka"),
                   # not Spanish "asi es" (that's right); Turkish "muhtemelen" (probably)
                   r"|(?:asi|baka)(?=\s*(?:[,.;!?…)]|$)|\s+(?:ano|áno|ne|nie|oo|hindi)\b)|muhtemelen"
                   # batch 20: both or either option is fine ("Marta, they're both fine", "either is fine")
                   r"|(?:both|either)(?: of them| one)? (?:is|are|would be|will be|seem|seems) (?:fine|ok|okay|good|great|acceptable)"
                   r"(?=" + _CLAUSE_END + r")"
                   r"|(?:they're|they are|they'd both be|they would both be) both (?:fine|ok|okay|good|great|acceptable)"
                   r"(?=" + _CLAUSE_END + r"))\b"
                   r"|모르겠|글쎄|아마도|확실하지 않|확신이 없|たぶん|多分|かもしれ|わからな|分からな|わかりませ|分かりませ"
                   r"|迷って|不确定|不確定|不知道|不清楚|也许|也許|或许|或許|说不定|說不定")

# An answer that rules an option out instead of choosing one ("anything but Ottawa", "not B",
# "tout sauf Ottawa", "alles außer Ottawa"): asked back, since it names no choice
EXCLUSION = re.compile(r"^(?:\W*)(?:(?:anything|any|everything|all|whatever|anywhere|anytime|anyone|anybody|everyone|everybody|everywhere"
                       r"|whichever|tout|n'importe quoi|n'importe où|n'importe quand|partout|alles|überall|egal"
                       r"|todo|cualquiera|cualquier|donde sea|tutto|qualsiasi|ovunque|qualquer|qualquer um|em qualquer"
                       r"|alles|overal|wszystko|gdziekolwiek|всё|все|где угодно|любой|любое|herhangi)"
                       r"(?:\s+[\w'-]+){0,2}?\s+(?:but|except|other than|apart from|besides|sauf|hormis|excepté|außer"
                       r"|ausser|bis auf|menos|excepto|salvo|tranne|eccetto|fuorché|exceto|behalve|oprócz|poza|кроме"
                       r"|но не|hariç|dışında)\b|(?:not|pas|nicht|no)\s+(?:option\s+)?\(?[a-z0-9]\)?\W*$)")

# A member correcting themselves in the same reply: the firm words always correct the vote; the
# loose ones ("actually") only when a clear option follows them
# votes18: "I meant to reply sooner", "I meant what I said", "I meant to say so at the meeting": no correction;
# "No — wait, sorry, I mean yes" and "No, anzi sì" are firm ones
# review18: "I meant it", "every word", "what I said" only alone to the line's end ("No, I meant it ironically", "Yes, I
# meant every word of my email against it" stay corrections, asked back); "wait, I mean yes" and "anzi sì" firm only
# when the answer ends the line ("Yes, wait, I mean no, I'll have to check", "Sì, anzi no... boh" are asked back)
_MEANT = (r"i meant(?!\s+(?:(?:what i (?:said|wrote)(?: last time| before| earlier| at the (?:last )?meeting| in my (?:last )?e?mail)?|every word|it)[\s.!…]*(?:\n|$)|to\s+(?!say|vote|write|put|type|answer|click"
          r"|choose|select|pick|tick|mark|reply (?:yes|no|with|abstain)|go (?:with|for))"
          r"|to say (?:so|this|that|it) (?:at|in|during|earlier|before|sooner|last|yesterday|then)\b))")
# batch 20: "wait, I mean" and its words in other languages are firm when the answer ends the line, or only the
# slip is named after it ("Nein – Moment, ich meine natürlich JA.", "No, wait, I mean yes, typo"); "sorry, I mean"
# only with the slip named ("no sorry I mean yes!! autocorrect"; "Yes — sorry, I mean no" said in one breath is asked)
_SLIP = r"(?:typo|autocorrect(?:ed)?|auto-correct(?:ed)?|predictive text|wrong button)"
_SLIP_TAIL = r"(?:[\s.!,—–-]*(?:sorry|oops|perdón|perdon|pardon|désolée?|entschuldigung|desculpa|sorry|" + _SLIP[3:-1] + r"|my bad|lol|haha))?"
_ENDS = r"[\s.!]*(?:\n|$))"
_NAMED_SLIP = r"[\s.!,—–-]*(?:sorry[\s.!,—–-]*)?" + _SLIP + _ENDS
_FIRM = (r"sorry,? " + _MEANT + r"|" + _MEANT + r"|(?:wait|oops),? (?:sorry,? )?i mean(?=,?\s+(?:yes|no|abstain)" + _SLIP_TAIL + _ENDS
         + r"|sorry,? i mean(?=,?\s+(?:yes|no|abstain)" + _NAMED_SLIP
         + r"|(?:moment|warte|äh|ähm),? ich meine(?=,?\s+(?:natürlich\s+|doch\s+)?(?:ja|nein)" + _SLIP_TAIL + _ENDS
         + r"|(?:attends|oups),? je veux dire(?=,?\s+(?:oui|non)" + _SLIP_TAIL + _ENDS
         + r"|espera,? quiero decir(?=,?\s+(?:sí|si|no)" + _SLIP_TAIL + _ENDS
         + r"|wacht,? ik bedoel(?=,?\s+(?:ja|nee)" + _SLIP_TAIL + _ENDS
         + r"|espera,? quero dizer(?=,?\s+(?:sim|não|nao)" + _SLIP_TAIL + _ENDS
         # batch 21: Indonesian "sorry / er, I mean" and Turkish "sorry, I meant to say X" when the answer ends the line
         # ("Tidak, eh maaf, maksud saya ya", "Hayır, pardon, evet demek istedim")
         + r"|(?:maaf|eh|sori|ups),? maksud(?:nya| saya| aku|ku)(?=,?\s+(?:ya|iya|tidak|abstain)" + _SLIP_TAIL + _ENDS
         + r"|(?:pardon|özür dilerim|yok)(?=,?\s+(?:evet|hayır|çekimser)\s+demek\s+(?:istedim|istiyorum)(?![\w']))"
         + r"|anzi(?=,?\s+(?:sì|si|no)[\s.!]*(?:\n|$))|oops,? meant(?!\s+to(?![\w\']))|correction|corrected|wait,? no|no,? wait|scratch that|change that to"
         r"|pardon,? je voulais dire|je voulais dire|ich meinte|korrektur|quise decir|quería decir"
         r"|corrección|intendevo|volevo dire|correzione|ik bedoelde|correctie|eu quis dizer|correção"
         # batch 10: "I was wrong / misread" as the member takes their first answer back
         r"|je me suis trompée?(?: de (?:ligne|case|bouton|option))?|j'ai mal lu|falsch gelesen|verlesen"
         r"|ich habe mich (?:vertan|verlesen)|me equivoqué|me he equivocado|mi sono sbagliat[oa]|ho letto male"
         r"|ik heb me vergist|ik vergiste me|me enganei|pomylił[ae]m się|я ошиб(?:ся|лась)|i misread|my mistake|my bad")
_LOOSE = (r"quero dizer|quer dizer|ich meine|je veux dire|quiero decir|ik bedoel|voglio dire|mam na myśli|я имею в виду"  # review20
          r"|jag menar|jeg mener|cioè|o sea|maksud saya|maksudku|maksudnya|(?:perdón|perdon|perdona|perdone)(?![,.]*\s+(?:o|u|ou|or|ó)\s)|eigentlich doch|eigenlijk (?:toch )?wel|eigenlijk toch|a właściwie|właściwie|to znaczy|(?:edit|update)(?:\s*\d+|\s*\([^)]{0,20}\))?(?=\s*:)|actually|i mean|make that|en fait|finalement|eigentlich|doch lieber|en realidad|mejor dicho|anzi"
          r"|wait|hang on|enfin non|ah non|non attends|attends|oder besser|oder doch|warte|o mejor|espera"
          r"|ou plutôt|or rather|aspetta|wacht|nee wacht|ou melhor|espere|точнее|вернее|ой|hmm no|well no"
          r"|in realtà|eigenlijk|on second thoughts?|à la réflexion|après réflexion|na verdade"
          # batch 11: a first intention the member says they were talked out of ("I was going to vote no,
          # but Ruth's explanation convinced me. Yes."): read only when a clear option follows
          r"|convinced me|changed my mind|j'ai changé d'avis|ich habe (?:es )?mir (?:das )?anders überlegt"
          r"|cambié de opinión|he cambiado de opinión|ho cambiato idea|mudei de ideia|ik ben van gedachten veranderd"
          r"|передумал|передумала|zmieniłem zdanie|zmieniłam zdanie"
          # batch 13: the word that takes back the answer just given, opening the next sentence
          # ("Nein. Doch, ja.", "No... bueno, sí.", "Non. Enfin si, oui.")
          r"|(?<=[.!…] )doch|^doch(?=,)|(?<=[.!…] )bueno|enfin si|enfin oui|ah si")
CORRECTION = re.compile(r"(?<![\w'])(?:" + _FIRM + "|" + _LOOSE + r")(?![\w'])")
FIRM_CORRECTION = re.compile(r"(?<![\w'])(?:" + _FIRM + r")(?![\w'])")


# batch 20: on a ballot without a No option, a "no" opening a sentence after the answer, before a comma, corrects it
# when the member owns the slip after it ("B. No, C - sorry, I forgot the hall is booked", "Marta. Nein, Oluwaseun,
# Entschuldigung"): read as a loose correction (a clear option must follow it). Without the apology "A. No, B." may
# refuse B (no to B) and is asked back as before; "A. No, I can't come anyway" is read as before
NO_FOR_NEXT = re.compile(r"(?<=[.!…;] )(?:no|non|nein|nee|não|nao|nie|nej|nei|ne|нет|ні)(?=,)|(?<= [-–—] )(?:no|nein|non|nee|não|nie|nej|nei)(?=,)")

SLIP_OWNED = re.compile(r"(?<![\w'])(?:sorry|oops|my mistake|my bad|i forgot|i misread|i mixed|mixed (?:them|it) up|typo"
                         r"|désolée?|pardon|entschuldigung|sorry|perdón|perdon|lo siento|scusa|scusate|desculpa|excuse me)(?![\w'])")


# batch 20: the slip named after the corrected answer ("No sorry I mean yes, typo", "… yes!! autocorrect"): not read
_SLIP_NAMED = re.compile(r"(?<![\w'])(?:typo|autocorrect(?:ed)?|auto-correct(?:ed)?|predictive text|wrong button)[\s.!]*$")


# batch 21: Turkish "… demek istedim" (I meant to say …) after the corrected answer: not read
_SAID_AFTER = re.compile(r"(?<!\s)\s+demek\s+(?:istedim|istiyorum)(?![\w'])")  # from a run's start: linear


def without_slip(rest: str) -> str:
    """The text after a correction without the slip it names at its end ("yes!! autocorrect", "no, sorry, typo"),
    nor the Turkish "I meant to say" after the answer ("evet demek istedim")."""
    rest = _SAID_AFTER.sub("", rest) if "demek" in rest else rest
    m = _SLIP_NAMED.search(rest)
    if m is None:
        return rest
    rest = rest[:m.start()].rstrip(" .!,—–-")
    return rest[:-len("sorry")].rstrip(" .!,—–-") if rest.endswith("sorry") else rest


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
HEDGE, DEFERRAL, CONDITION, CORRECTION, ABSTAIN_MENTION = map(gated, (HEDGE, DEFERRAL, CONDITION, CORRECTION, ABSTAIN_MENTION))
