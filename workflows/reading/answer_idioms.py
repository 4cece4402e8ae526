"""Idioms members answer a yes/no ballot with, beyond the plain words of `answer_words`: each is
an answer only as the whole answer (or the whole of what comes before the first comma). Tables.

- intensified answers: "hard no", "a firm yes", "hell yes", "big no from me";
- "of course" / "certainly" and "of course not" in many languages ("¡Claro que sí!", "Por supuesto
  que no", "Com certeza", "Natürlich nicht", "Конечно", "Ja hoor");
- joining in: "Tô dentro", "Cuenta conmigo", "Ich bin dabei", "Je suis partant";
- "I agree" negated, written the way each language negates it ("Не согласен", "Nesouhlasím",
  "Nie zgadzam się", "Katılmıyorum", "Sikubali"), always NO, never read as its "agree";
- abstaining in other words: "Neutral", "No vote from me", "I'll sit this one out", "Je ne vote pas";
- assent that judges the proposal (`ASSENT_IDIOMS`): "Sounds good", "Works for me", "Fine by me", "OK
  for me", "Ça me va". Read as YES on a yes/no ballot, as the whole answer only; never an option on
  a ballot of other options ("Ottawa works for me" names Ottawa; "Sounds good" alone names
  nothing). The same words thank for a receipt, so a reading by assent alone never replaces a
  vote already recorded (`choices.VoteReading.assent`, `votes.replies`).
A bare acknowledgement ("OK", "Okay", "Fine", "Great", "Noted", "Vale", "好的") says only that the
message arrived: not here, asked back (with a vote word it counts: "OK, yes").
- a "for" the member denies (`NOT_FOR`: "I'm not for it"): NO, as "not in favour" is; an objection
  denied ("No objection", "Not against it") is not here: asked back, the corpus's rule since batch 2.
"""
from __future__ import annotations

_INTENSIFIERS = ("hard", "firm", "strong", "big", "definite", "resounding", "emphatic", "clear", "solid", "hell",
                 "heck", "a hard", "a firm", "a strong", "a big", "a definite", "a resounding", "a clear", "a solid",
                 "an emphatic")
YES_IDIOMS = {f"{i} yes" for i in _INTENSIFIERS} | {f"{i} yes from me" for i in _INTENSIFIERS} | {
    "yes yes", "yes, yes", "oh yes", "hell yeah", "heck yeah", "you bet", "by all means", "for sure", "totally",
    "100%", "100 %", "i'm in", "i am in", "we're in", "all in", "sign me up", "why not",
    # of course / certainly
    "claro", "claro que sí", "claro que si", "por supuesto", "por supuesto que sí", "por supuesto que si",
    "desde luego", "sin duda", "claro que sim", "com certeza", "certamente", "sem dúvida", "sem duvida",
    "com certeza que sim", "évidemment", "bien entendu", "carrément", "sans aucun doute", "tout à fait",
    "natürlich", "selbstverständlich", "auf jeden fall", "klar", "gerne", "sicher", "ja sicher", "ja natürlich",
    "ja doch", "certo", "certo che sì", "certo che si", "ovviamente", "assolutamente sì", "assolutamente si",
    "sicuro", "natuurlijk", "zeker", "zeker weten", "ja hoor", "jazeker", "ja zeker", "jasne", "oczywiście",
    "pewnie", "jak najbardziej", "конечно", "конечно да", "разумеется", "безусловно", "звісно", "звичайно",
    "звісно так", "samozřejmě", "jistě", "určitě", "tabii", "tabii ki", "elbette", "kesinlikle", "tất nhiên",
    "chắc chắn", "dĩ nhiên", "当然", "当然同意", "もちろん", "もちろん賛成", "물론", "물론입니다", "بالتأكيد",
    "طبعا", "طبعاً", "حتما", "البته", "kabisa", "bila shaka", "ndiyo kabisa", "βεβαίως", "φυσικά",
    # joining in
    "tô dentro", "to dentro", "estou dentro", "conta comigo", "pode contar comigo", "cuenta conmigo",
    "me apunto", "ich bin dabei", "bin dabei", "je suis partant", "je suis partante", "partant", "partante",
    "ci sto", "io ci sto", "ik doe mee", "wchodzę w to", "я за", "я в деле", "varım", "ben varım",
    # I agree, in more languages and forms
    "nakubali", "ninakubali", "tunakubali", "naunga mkono", "zgadzam się", "popieram", "согласна", "согласны",
    "поддерживаю", "згоден", "згодна", "підтримую", "slažem se", "souhlasíme", "súhlasím", "onaylıyorum",
    "onayliyorum", "katiliyorum", "eens", "mee eens", "helemaal mee eens", "d'accord avec ça", "agreed 100%",
    # batch 14: the member counted as a yes, a yes given reluctantly, agreeing fully, Italian "I am for"
    "i'm a yes", "i am a yes", "i'm a yes on this one", "i'm a yes on this", "i am a yes on this one",
    "put me down as a yes", "reluctantly yes", "reluctantly, yes", "yes, reluctantly", "yes reluctantly",
    "grudgingly yes", "tout à fait d'accord", "entièrement d'accord", "totalement d'accord", "complètement d'accord",
    "sono favorevole", "sono a favore", "siamo favorevoli", "voto favorevole",
}
NO_IDIOMS = {f"{i} no" for i in _INTENSIFIERS} | {f"{i} no from me" for i in _INTENSIFIERS} | {
    "no no", "nah", "nope, sorry", "not a chance", "no chance", "hell no", "heck no", "not this time",
    "not for me", "not from me", "not in favour", "i'm out", "not really", "i don't think so", "i think not",
    # of course not
    "claro que no", "por supuesto que no", "desde luego que no", "claro que não", "claro que nao",
    "com certeza não", "de jeito nenhum", "de ninguna manera", "ni hablar", "en absoluto", "évidemment pas",
    "évidemment non", "pas question", "hors de question", "sûrement pas", "natürlich nicht", "auf keinen fall",
    "keinesfalls", "sicher nicht", "certo che no", "assolutamente no", "per niente", "natuurlijk niet",
    "zeker niet", "absoluut niet", "nee hoor", "oczywiście nie", "w żadnym wypadku", "absolutnie nie",
    "конечно нет", "конечно, нет", "ни в коем случае", "звісно ні", "звичайно ні", "samozřejmě ne",
    "rozhodně ne", "tabii ki hayır", "kesinlikle hayır", "asla", "tất nhiên là không", "当然不", "当然不同意",
    "もちろん反対", "물론 아니요", "بالتأكيد لا", "طبعا لا", "أبدا", "hapana kabisa", "φυσικά όχι",
    # "I agree" negated, the way each language negates it (never its "agree")
    "не согласен", "не согласна", "не согласны", "не поддерживаю", "не одобряю", "не згоден", "не згодна",
    "не підтримую", "nesouhlasím", "nesouhlasim", "nesouhlasíme", "nesúhlasím", "nesuhlasim", "ne slažem se",
    "nie zgadzam się", "nie zgadzam sie", "nie popieram", "katılmıyorum", "katilmiyorum", "onaylamıyorum",
    "onaylamiyorum", "sikubali", "hatukubali", "napinga", "ninapinga", "niet akkoord", "niet mee eens",
    "ik ben het er niet mee eens", "nicht dafür", "non favorevole", "sfavorevole", "desteklemiyorum",
    "desteklemiyoruz", "não estou de acordo", "no estoy a favor",
    "je ne suis pas pour", "je ne suis pas favorable", "không tán thành", "不支持", "我不支持", "賛成しません",
    "同意しません", "반대해요", "동의하지 않습니다", "동의 안 합니다", "لا أؤيد", "موافق نیستم", "موافق نیستیم",
    "οχι συμφωνώ", "δεν συμφωνώ", "nu sunt de acord", "nem értek egyet", "en ole samaa mieltä",
    "i don't agree", "i do not agree", "i disagree", "disagree", "we disagree",
    # batch 14: the member counted as a no
    "i'm a no", "i am a no", "i'm a no on this one", "i'm a no on this", "i am a no on this one",
    "put me down as a no", "reluctantly no", "reluctantly, no", "no, reluctantly",
}
ABSTAIN_IDIOMS = {
    "neutral", "i'm neutral", "i am neutral", "neutral from me", "neutre", "je suis neutre", "neutral bleiben",
    "ich bin neutral", "neutrale", "neutro", "neutra", "soy neutral", "sou neutro", "sou neutra", "neutraal",
    "neutralnie", "нейтрально", "нейтрален", "нейтральна", "nötr", "trung lập", "中立", "中立です", "중립",
    "محايد", "بی‌طرف", "بیطرف", "sina upande",
    "no vote", "no vote from me", "no vote here", "not voting", "i'm not voting", "i am not voting",
    "i won't vote", "i will not vote", "i'd rather not vote", "i'll not vote", "not voting this time",
    "i'll sit this one out", "i will sit this one out", "i'll sit it out", "sitting this one out",
    "sitting it out", "i'm sitting this one out", "i am sitting this one out", "i'll sit out",
    "sit this one out", "i'm going to sit this one out", "i'll stay out of this one", "i'll stay out of it",
    "je ne vote pas", "je ne prends pas part au vote", "pas de vote", "ich stimme nicht ab", "keine stimme",
    "no voto", "no votaré", "non voto", "não voto", "ik stem niet", "nie głosuję", "не голосую",
    "не буду голосовать", "не голосуватиму", "nehlasuji", "oy kullanmıyorum", "不投票", "投票しません",
    "투표하지 않겠습니다", "sipigi kura", "najizuia", "najizuia kupiga kura", "ninajizuia",
}
# assent to what was proposed, in the words people answer a proposal with (see the module doc)
ASSENT_IDIOMS = {
    "sounds good", "sounds good to me", "sounds great", "sounds great to me", "sounds fine", "sounds fine to me",
    "works for me", "works for us", "that works for me", "fine by me", "fine with me", "fine for me", "fine by us",
    "ok for me", "okay for me", "ok with me", "okay with me", "ok by me", "i'm ok with it", "i'm okay with it",
    "i'm fine with it", "i'm fine with that", "i'm ok with that", "looks good", "looks good to me", "lgtm",
    "good idea", "ok pour moi", "okay pour moi", "ça me va", "ca me va", "ça me convient", "ca me convient",
    "passt für mich", "passt mir", "me parece bien", "me vale", "per me va bene", "por mim tudo bem",
}

# issue 15: a "for" the member denies is a no, as "not in favour" is ("I'm not for it"). An objection or
# an opposition denied ("No objection", "Not against it", "I can't say yes") stays asked back (the
# corpus's rule since batch 2); beside a no it is asked back by `contrary_remarks`
NOT_FOR = {
    "i'm not for it", "i am not for it", "not for it", "i'm not for this", "i am not for this", "not for this",
    "we're not for it", "we are not for it", "i'm not for the motion", "i am not for the motion",
    "i'm not for the proposal", "i am not for the proposal",
}
NO_IDIOMS |= NOT_FOR
