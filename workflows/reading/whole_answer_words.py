"""The words that are a vote only when they are the whole answer, or the whole of what comes before the
first comma ("Да", "Ja, dafür", "Tak.", "賛成", "pabor ako"; "Nein danke" is not one), by YES / NO:
the table `answer_words.WHOLE_ANSWERS` starts from (and adds the bare answers, the answers to "the
motion" and the abstentions to)."""
from __future__ import annotations

WHOLE_ANSWER_WORDS = {
    "YES": {"i approve", "we approve", "agree", "i agree",
            "j'approuve", "approuvé", "d'accord", "favour", "favor", "i'm in favour", "i am in favour",
            "i'm in favor", "i am in favor", "in favour", "in favor", "support", "i support it",
            "yes of course", "yes i do", "yup", "oui bien sûr", "bien sûr que oui", "yes definitely",
            "absolutely yes", "yes absolutely",
            # the yes of other languages, and "for" / "I agree" where a ballot asks yes or no
            "jawohl", "ja klar", "ja gerne", "ich bin dafür", "einverstanden",
            "estoy a favor", "de acuerdo", "a favore",
            "d'accordo", "sono d'accordo", "concordo", "za", "jestem za", "zgoda",
            "da", "за", "согласен", "согласна", "поддерживаю", "підтримую",
            "áno", "souhlasím", "egyetértek", "katılıyorum", "joo",
            "puolesta", "samaa mieltä", "υπέρ", "συμφωνώ", "賛成", "赞成", "贊成", "同意",
            "是的", "예", "찬성", "찬성합니다", "نعم", "موافق", "כן", "בעד", "voor",
            "ik ben voor", "akkoord", "eens", "för", "jeg er for", "enig", "instämmer",
            "yea", "ich stimme zu", "stimme zu", "wir stimmen zu", "zugestimmt", "je suis d'accord",
            "estoy de acuerdo", "taip", "jā", "jah", "ndiyo", "ndio", "naam", "oo", "opo", "đồng ý", "có",
            "tán thành", "absolutely", "definitely", "certainly", "of course", "sure", "affirmative",
            "count me in", "i'm all for it", "all for it",
            "go for it", "happy to support", "carried", "jsem pro", "pro", "som za", "approvo", "approviamo",
            "apruebo", "aprobado", "aprovo", "aprovado", "concordo plenamente", "estou de acordo",
            "我同意", "我赞成", "我投赞成票", "投赞成票", "賛成します", "同意します", "أوافق", "نعم أوافق", "أؤيد",
            "favorable", "je suis favorable", "avis favorable", "setuju", "ya", "saya setuju", "بله", "بلی", "موافقم", "हाँ", "हां", "जी हाँ", "हाँ जी",
            "เห็นด้วย", "ใช่", "dakord", "ja tak", "evet katılıyorum",
            # batch 5: for-words and "I support it" in more languages, English idioms
            "sou a favor", "sou a favor da proposta", "estic a favor", "hi estic a favor", "a favor meu",
            "bai", "poolt", "olen poolt", "už", "esu už", "par", "esmu par", "já", "pentru", "sunt pentru",
            "votez pentru", "támogatom", "kabul", "kabul ediyorum", "destekliyorum", "হ্যাঁ", "আমি একমত",
            "मैं पक्ष में हूँ", "मैं पक्ष में हूं", "पक्ष में", "jeg stemmer for", "jag röstar ja", "jag röstar för",
            "count me in favour", "count me in favor", "count me as for", "count me as in favour",
            "count me as in favor", "sure thing", "yes please", "i'm for it", "i am for it", "we're for it",
            # batch 7: "I agree" with its pronoun ("fine for me" is in ASSENT_IDIOMS)
            "tôi đồng ý", "tôi tán thành", "za sam", "ja sam za", "за сам", "я сам за",
            # batch 9: "Zustimmung" (approval); Catalan "I agree"
            "zustimmung", "estic d'acord", "hi estic d'acord",
            # batch 11: the yes of Welsh, Irish, Amharic, Hausa, Tamil, Urdu, Yoruba; German "approved"
            "ie", "ie o blaid", "o blaid", "rydw i o blaid", "i bhfabhar", "tá", "táim i bhfabhar", "አዎ", "አዎን",
            "na amince", "na yarda", "ஆம்", "ஆமாம்", "جی ہاں", "ہاں", "جی ہاں میں متفق ہوں", "bẹ́ẹ̀ni", "beeni", "bẹẹni",
            "genehmigt", "ich genehmige", "freigegeben",
            # batch 19: German "rather yes" (no greeting: `answer_lines`)
            "lieber ja",
            # batch 21: Tagalog "in favour", Turkish "I say yes"
            "pabor ako", "pabor", "sang-ayon ako", "sang-ayon", "evet diyorum", "evet derim"},
    "NO": {"opposed", "i'm opposed", "i am opposed", "disapprove", "i disapprove",
           "reject", "i reject it", "je suis contre", "definitely not", "certainly not",
           "absolutely not", "of course not", "certainement pas", "absolument pas", "bien sûr que non",
           "ich bin dagegen", "estoy en contra", "contro",
           "sono contrario", "przeciw", "jestem przeciw",
           "против", "hayir", "vastaan", "nej", "nei",
           "tegen", "ik ben tegen", "emot", "imod", "οχι", "κατά", "反対", "反对",
           "反對", "不", "아니오", "반대", "반대합니다", "لا", "ضد", "לא", "נגד", "nu",
           "ich stimme nicht zu", "ich bin nicht einverstanden", "hapana", "không", "không đồng ý",
           "phản đối", "tidak", "tidak setuju", "خیر", "نه", "مخالفم", "नहीं", "ไม่เห็นด้วย", "nē",
           "hindi", "negative", "not in favour", "not in favor", "i'm not in favour", "i'm not in favor",
           "i am not in favour", "i am not in favor", "count me out", "jsem proti", "proti", "som proti",
           "non approvo", "no apruebo", "não aprovo", "我反对", "我不同意", "投反对票", "我投反对票", "反対します",
           "لا أوافق", "أعارض", "défavorable", "avis défavorable", "desfavorable",
           # batch 5: "not agreed" in more languages (never read as their "agreed"), against-words
           "pas d'accord", "je ne suis pas d'accord", "nicht einverstanden", "bin dagegen", "wir sind dagegen",
           "no estoy de acuerdo", "no de acuerdo", "non sono d'accordo", "non d'accordo", "não concordo",
           "sou contra", "不同意", "不赞成", "不贊成", "غير موافق", "ez", "vastu", "olen vastu", "prieš", "esu prieš",
           "pret", "esmu pret", "împotrivă", "sunt împotrivă", "votez împotrivă", "nem támogatom", "ellene",
           "ret", "reddediyorum", "kabul etmiyorum", "jeg stemmer imod", "jeg stemmer imot",
           "jag röstar nej", "jag röstar emot", "imot", "no way", "not convinced", "i'm not convinced",
           "i am not convinced", "না", "मैं विपक्ष में हूँ", "विपक्ष में",
           # batch 7: "I object" / "I'm against" with the pronoun, as Vietnamese, Serbian, Catalan write it
           "tôi phản đối", "tôi không đồng ý", "protiv sam", "против сам", "ja sam protiv", "ја сам против",
           "hi voto en contra", "voto en contra", "estic en contra",
           # batch 10: Ukrainian "against"
           "проти", "я проти", "ми проти",
           # batch 9: "Ablehnung" (rejection)
           "ablehnung", "ich lehne ab", "lehne ab", "ich lehne das ab",
           # batch 11: the no of Welsh, Irish, Tamil, Urdu, Yoruba, Croatian "against" alone, Filipino
           # "I am not in favour"
           "yn erbyn", "rydw i yn erbyn", "i gcoinne", "táim i gcoinne", "இல்லை", "நான் எதிர்க்கிறேன்", "نہیں",
           "rárá", "rara", "protiv", "hindi ako pabor", "hindi pabor", "hindi ako sang-ayon", "hindi sang-ayon",
           # batch 19: German "rather no", "rather not"
           "lieber nein", "lieber nicht",
           # batch 21: Hindi and Thai "against / I oppose", Turkish "I say no"
           "विरोध में", "मैं विरोध में हूँ", "मैं विरोध में हूं", "คัดค้าน", "ขอคัดค้าน", "hayır diyorum", "hayır derim"},
}
