"""The words that name an option by its place on the ballot: ordinals and number words ("the second",
"die zweite", "la primera", "de derde", "второй", "第二"), the option nouns before them ("option", "choix",
"вариант"), numbers ("la 3", "#2") and roman numerals ("II", "Option I"). Moved out of `answer_words`
(module size); read by `option_expressions`, `positions` and `label_words`.
"""
from __future__ import annotations

import re

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "premier": 1, "première": 1, "premiere": 1,
    "1er": 1, "1re": 1, "1ère": 1, "deuxième": 2, "deuxieme": 2, "seconde": 2, "2e": 2,
    "2ème": 2, "troisième": 3, "troisieme": 3, "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4,
    "cinquième": 5, "5e": 5, "sixième": 6, "6e": 6, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "last": 0, "dernier": 0, "dernière": 0,
    # German, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Swedish, Japanese, Chinese
    "erste": 1, "ersten": 1, "erster": 1, "erstes": 1, "zweite": 2, "zweiten": 2, "zweiter": 2,
    "dritte": 3, "dritten": 3, "dritter": 3, "vierte": 4, "vierten": 4, "fünfte": 5, "letzte": 0,
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "primera": 1, "primero": 1, "primer": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercero": 3,
    "cuarta": 4, "cuarto": 4, "quinta": 5, "última": 0, "último": 0, "uno": 1, "dos": 2, "tres": 3,
    "prima": 1, "primo": 1, "seconda": 2, "secondo": 2, "terza": 3, "terzo": 3, "quarta": 4,
    "quarto": 4, "ultima": 0, "ultimo": 0, "due": 2, "tre": 3,
    "primeira": 1, "primeiro": 1, "terceira": 3, "terceiro": 3, "dois": 2, "duas": 2, "três": 3,
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "laatste": 0, "twee": 2, "drie": 3,
    "pierwsza": 1, "pierwszą": 1, "pierwszy": 1, "druga": 2, "drugą": 2, "drugi": 2, "trzecia": 3,
    "trzecią": 3, "trzeci": 3, "ostatnia": 0, "ostatnią": 0, "dwa": 2, "trzy": 3,
    "первый": 1, "первая": 1, "первое": 1, "второй": 2, "вторая": 2, "второе": 2, "третий": 3,
    "третья": 3, "третье": 3, "последний": 0, "два": 2, "три": 3,
    "första": 1, "andra": 2, "tredje": 3, "sista": 0,
    "1番": 1, "2番": 2, "3番": 3, "1番目": 1, "2番目": 2, "3番目": 3, "第一": 1, "第二": 2, "第三": 3,
    "第一个": 1, "第二个": 2, "第三个": 3, "第1": 1, "第2": 2, "第3": 3,
    # batch 5: Nordic, Finnish, Czech/Slovak, Ukrainian, Turkish, Hungarian, Catalan, Indonesian/Malay,
    # Swahili, Greek, Romanian, Croatian/Serbian/Slovene, Korean, Arabic, Hebrew, Hindi, Vietnamese
    "två": 2, "tva": 2, "fyra": 4, "første": 1, "forste": 1, "anden": 2, "andet": 2, "ensimmäinen": 1,
    "toinen": 2, "kolmas": 3, "neljäs": 4, "yksi": 1, "kaksi": 2, "kolme": 3, "neljä": 4,
    "první": 1, "druhá": 2, "druhou": 2, "druhý": 2, "třetí": 3, "tretí": 3, "dvě": 2, "tři": 3,
    "prvá": 1, "tretia": 3, "dve": 2, "перший": 1, "перша": 1, "другий": 2, "друга": 2, "третій": 3,
    "третя": 3, "один": 1, "birinci": 1, "ikinci": 2, "üçüncü": 3, "iki": 2, "üç": 3,
    "első": 1, "második": 2, "harmadik": 3, "kettő": 2, "kettes": 2, "hármas": 3, "három": 3,
    "segona": 2, "pertama": 1, "kedua": 2, "ketiga": 3, "dua": 2, "tiga": 3,
    "la kwanza": 1, "la pili": 2, "la tatu": 3, "πρώτη": 1, "δεύτερη": 2, "τρίτη": 3,
    "a doua": 2, "a treia": 3, "prva": 1, "treća": 3, "treca": 3, "tretja": 3,
    "첫 번째": 1, "두 번째": 2, "세 번째": 3, "1번": 1, "2번": 2, "3번": 3, "الأول": 1, "الثاني": 2,
    "الثالث": 3, "הראשונה": 1, "השנייה": 2, "השלישית": 3, "पहला": 1, "दूसरा": 2, "तीसरा": 3,
    "thứ nhất": 1, "thứ hai": 2, "thứ ba": 3,
    # batch 6: Persian, kanji and more CJK/Korean/Vietnamese forms, Arabic feminine, Swahili, Hindi
    "اول": 1, "یکم": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "اولی": 1, "دومی": 2, "سومی": 3,
    "一番": 1, "二番": 2, "三番": 3, "四番": 4, "一番目": 1, "二番目": 2, "三番目": 3, "四番目": 4,
    "1つ目": 1, "2つ目": 2, "3つ目": 3, "一つ目": 1, "二つ目": 2, "三つ目": 3, "第四": 4, "第四个": 4, "第4": 4,
    "第一個": 1, "第二個": 2, "第三個": 3, "네 번째": 4, "첫번째": 1, "두번째": 2, "세번째": 3, "4번": 4,
    "thứ tư": 4, "số 1": 1, "số 2": 2, "số 3": 3, "الأولى": 1, "الثانية": 2, "الثالثة": 3, "la nne": 4,
    "चौथा": 4, "4番": 4, "4番目": 4, "2º": 2, "1º": 1, "3º": 3, "2ª": 2, "1ª": 1, "3ª": 3,
    # batch 21: Turkish with the possessive ("ikincisi", the second of them), Hebrew masculine, Indonesian
    # "keempat", Swahili "ya …" (of the …), Tagalog
    "birincisi": 1, "ikincisi": 2, "üçüncüsü": 3, "dördüncü": 4, "dördüncüsü": 4, "sonuncusu": 0, "sonuncu": 0,
    "הראשון": 1, "השני": 2, "השלישי": 3, "הרביעי": 4, "הרביעית": 4, "האחרון": 0, "האחרונה": 0, "keempat": 4,
    # review21: Tagalog "una" (first) only with its article ("Ang una po"): alone it is a name ("Online" / "Una") or Spanish "one"
    "ya kwanza": 1, "ya pili": 2, "ya tatu": 3, "ya nne": 4, "ang una": 1, "yung una": 1, "ikalawa": 2, "pangalawa": 2, "ikatlo": 3,
    "pangatlo": 3, "ikaapat": 4, "pang-apat": 4,
}
# number words that are other words too ("to" is two in Norwegian and Danish): read only after an
# option noun ("alternativ to", "mulighed tre", "vaihtoehto kaksi")
NOUN_NUMBERS = {"en": 1, "ett": 1, "et": 1, "to": 2, "tre": 3, "fire": 4}
LAST_WORDS = {word for word, n in ORDINALS.items() if n == 0}
# the articles before an option's ordinal or label ("the second", "la première", "het derde"); not
# French "les" here ("les deux" is both, never the second)
ARTICLES = ("the", "le", "la", "l'", "die", "der", "das", "den", "el", "lo", "il", "o", "a", "de", "het",
            "η", "ο", "το", "την", "τη", "τον")  # batch 13: Greek ("Η δεύτερη")
_ARTICLES = "|".join(ARTICLES)
_OPTION_NOUNS = (r"option|choice|choix|number|numéro|proposition|variante|vorschlag|möglichkeit"
                 r"|opción|opcion|opzione|opção|opcao|optie|opcja|opcję|вариант|alternativ|alternative"
                 r"|mulighed|mulighet|vaihtoehto|možnost|možnosť|moznost|варіант|seçenek|secenek|opció|opcio"
                 r"|pilihan|opsi|chaguo|επιλογή|varianta|opțiunea|opțiune|opcija|الخيار|האפשרות|אפשרות|विकल्प"
                 r"|lựa chọn|phương án|گزینه|선택|선택지|选项|選項|選択肢|案|seçeneği|pilihan|variant|possibilité"
                 r"|option n°|opzione n\.?|možnost č\.?"
                 # batch 10: a candidate by their place on the list ("the second candidate")
                 r"|candidate|candidat|candidate|kandidat|kandidatin|candidato|candidata|kandydat|kandydatka|кандидат")
ORDINAL = re.compile(
    r"^(?:only|just|seulement|uniquement|nur|solo|sólo|alleen|tylko|только)?\s*(?:(?:" + _ARTICLES
    # batch 21: Indonesian "yang" and Tagalog "yung"/"ang" (the one that is …) before an ordinal ("Yang kedua")
    + r"|yang|yung|ang)\s*)?(?:(?:" + _OPTION_NOUNS + r")\s+)?(" + "|".join(sorted(map(re.escape, ORDINALS), key=len, reverse=True))
    + r")(?:\s+(?:one|" + _OPTION_NOUNS + r"|please|only|seulement|uniquement|bitte|por favor|per favore"
    r"|alstublieft|proszę|пожалуйста|po|saja|tafadhali))?$")
NOUN_NUMBER = re.compile(r"^(?:" + _OPTION_NOUNS + r")\s+(" + "|".join(NOUN_NUMBERS) + r")$")
# "la 3", "the 2": not "a 2." / "der 2." (Hungarian and German ordinals: "A 2. pont", "Der 2. Punkt")
NUMBER = re.compile(r"^(?:(?:the|la|le|el|il|lo|het)\s+)?(?:" + _OPTION_NOUNS
                    + r"|number|numéro|numero|número|nummer|numer|номер|nr\.?|n°|nº|no\.)?"
                    r"\s*#?\s*\(?(\d{1,4})\s*[.)]?$")
# roman numerals: alone from two letters ("II", "iv"), after an option noun from one ("Option I")
ROMAN = re.compile(r"^(?:(?:" + _ARTICLES + r")\s*)?(?:(?:" + _OPTION_NOUNS + r")\s*(i|v|x)|(?:(?:" + _OPTION_NOUNS
                   + r")\s*)?(ii|iii|iv|vi|vii|viii|ix))\s*[.)]?$")
OPTION_NOUNS_PATTERN = _OPTION_NOUNS
ROMANS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
