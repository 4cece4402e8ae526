"""The words of common option labels in the languages members write, as English words. A table.

Ballots are written in the coordinators' language (English here); members answer in theirs:
"Le jardin communautaire" for "Community garden", "La clínica jurídica" for "Legal clinic",
"Kinderbetreuung > Radwege > Bibliotheken" for a ranking of "Childcare", "Bike lanes" and "Public
libraries". `label_words` reads each word or phrase of this table as the English word(s) it
stands for, then matches the label's words as it does for English answers (every content word in
one label and no other). Only the nouns and adjectives a volunteer network's ballots are made of
are here (projects, places, money, services); a word that means something else in English (French
"librairie", a bookshop) is left out. Keys are folded (`accents.fold`), lower case; a phrase is
matched before its words ("garde d'enfants" is childcare, not "guard" and "children").
"""
from __future__ import annotations

import re

from workflows.reading.accents import fold

_TABLE: dict[str, tuple[str, ...]] = {
    "childcare": ("garde d enfants", "garderie", "garderies", "creche", "creches", "kinderbetreuung", "kita", "kitas",
                  "guarderia", "guarderias", "cuidado infantil", "cuidado de ninos", "asilo nido", "asili nido",
                  "assistenza all infanzia", "cuidados infantis", "kinderopvang", "opieka nad dziecmi", "zlobek", "zlobki",
                  "детский сад", "детские сады", "присмотр за детьми", "子育て支援", "保育", "託児", "托儿", "托育"),
    "library": ("bibliotheque", "bibliothek", "bucherei", "biblioteca", "bibliotheek", "biblioteka", "библиотека",
                "図書館", "图书馆", "圖書館", "도서관"),
    "libraries": ("bibliotheques", "bibliotheken", "buchereien", "bibliotecas", "biblioteche", "biblioteki", "библиотеки"),
    "bike lane": ("piste cyclable", "radweg", "fahrradweg", "carril bici", "ciclovia", "pista ciclabile", "ciclofaixa",
                  "fietspad", "sciezka rowerowa", "велодорожка", "自転車レーン", "自転車道", "自行车道"),
    "bike lanes": ("pistes cyclables", "radwege", "fahrradwege", "carriles bici", "ciclovias", "piste ciclabili",
                   "fietspaden", "sciezki rowerowe", "велодорожки"),
    "food bank": ("banque alimentaire", "tafel", "lebensmittelbank", "banco de alimentos", "banco alimentare",
                  "banco alimentar", "voedselbank", "bank zywnosci", "продовольственный банк", "フードバンク",
                  "食物银行", "食物銀行"),
    "food banks": ("banques alimentaires", "tafeln", "lebensmittelbanken", "bancos de alimentos", "banchi alimentari",
                   "bancos alimentares", "voedselbanken", "banki zywnosci", "продовольственные банки"),
    "community garden": ("jardin communautaire", "jardin partage", "gemeinschaftsgarten", "huerto comunitario",
                         "orto comunitario", "horta comunitaria", "buurttuin", "gemeenschapstuin", "ogrod spoleczny",
                         "общественный сад", "общественный огород", "コミュニティガーデン", "社区花园"),
    "garden": ("jardin", "garten", "huerto", "giardino", "orto", "horta", "jardim", "tuin", "ogrod", "сад", "огород"),
    "community": ("communautaire", "comunitario", "comunitaria", "gemeinschafts", "gemeenschap", "spoleczny",
                  "общественный"),
    "legal clinic": ("clinique juridique", "rechtsberatung", "rechtshilfe", "asesoria juridica", "asesoria legal",
                     "consulenza legale", "sportello legale", "assessoria juridica", "rechtswinkel", "poradnia prawna",
                     "юридическая клиника", "юридическая консультация", "法律相談", "法律相談所", "法律诊所", "法律援助"),
    "legal": ("juridique", "juridica", "juridico", "legale", "juridisch", "prawna", "prawny", "юридическая"),
    "clinic": ("clinique", "clinica", "klinik", "kliniek", "klinika", "клиника"),
    "youth programme": ("jugendprogramm", "jongerenprogramma", "jeugdprogramma", "programa juvenil",
                        "program mlodziezowy", "молодежная программа", "青少年プログラム", "若者プログラム", "青年项目",
                        "青少年项目"),
    "youth": ("jeunesse", "jeunes", "jugend", "jovenes", "jovens", "juventud", "juventude", "giovani", "gioventu",
              "jongeren", "jeugd", "mlodziez", "mlodziezy", "молодежь", "молодежи"),
    "programme": ("programa", "programma", "programm", "program"),
    "translation": ("traduction", "traductions", "traduccion", "traducciones", "traduzione", "traduzioni", "traducao",
                    "traducoes", "ubersetzung", "ubersetzungen", "vertaling", "vertalingen", "tlumaczenie",
                    "tlumaczenia", "перевод", "переводы", "翻訳", "翻译"),
    "fund": ("fonds", "fondo", "fundo", "fundusz", "фонд", "基金"),
    "fee": ("cotisation", "cotisations", "frais", "cuota", "cuotas", "beitrag", "mitgliedsbeitrag", "quota", "taxa",
            "mensalidade", "contributie", "lidmaatschapsgeld", "skladka", "взнос", "взносы", "会費", "会费"),
    "grant": ("subvention", "subvencion", "zuschuss", "forderung", "sovvenzione", "subsidio", "subsidie", "dotacja",
              "грант", "助成金", "补助"),
    "housing": ("logement", "logements", "vivienda", "viviendas", "wohnen", "wohnraum", "alloggi", "habitacao",
                "moradia", "wonen", "huisvesting", "mieszkania", "жилье", "住宅", "住房"),
    "transit": ("transports en commun", "transport en commun", "transporte publico", "nahverkehr", "opnv",
                "trasporto pubblico", "trasporti pubblici", "transporte coletivo", "openbaar vervoer",
                "transport publiczny", "komunikacja miejska", "общественный транспорт", "公共交通"),
    "climate": ("climat", "clima", "klima", "klimaat", "klimat", "климат", "気候", "气候"),
    "park": ("parc", "parque", "parco", "парк", "公園", "公园"),
    "school": ("ecole", "escuela", "scuola", "escola", "schule", "szkola", "школа", "学校"),
    "kitchen": ("cuisine", "cocina", "cucina", "cozinha", "kuche", "keuken", "kuchnia", "кухня"),
    "workshop": ("atelier", "taller", "werkstatt", "werkplaats", "warsztat", "мастерская"),
    "church": ("eglise", "iglesia", "chiesa", "igreja", "kirche", "kerk", "kosciol", "церковь"),
    "tenants": ("locataires", "inquilinos", "inquilini", "mieter", "huurders", "lokatorzy", "жильцы"),
    "seed": ("semences", "graines", "semillas", "semi", "sementes", "saatgut", "zaden", "nasiona", "семена"),
    "fridge": ("frigo", "refrigerateur", "nevera", "frigorifero", "geladeira", "kuhlschrank", "koelkast", "lodowka",
               "холодильник"),
    # batch 11: the words of a stipend, a union hall, and of campaign priorities (affordable housing,
    # clean air, youth mentoring, digital inclusion)
    "stipend": ("vergutung", "aufwandsentschadigung", "remuneracao", "remuneration", "remuneracion", "retribuzione",
                "compenso", "wynagrodzenie", "vergoeding", "оплата", "оплаты", "вознаграждение", "indemnite",
                "報酬", "报酬", "津贴"),
    "union hall": ("local del sindicato", "local sindical", "salle syndicale", "maison syndicale", "gewerkschaftshaus",
                   "sala sindacale", "sede sindacale", "casa sindical", "sede do sindicato", "vakbondsgebouw"),
    "union": ("syndicat", "sindicato", "sindacato", "gewerkschaft", "vakbond", "zwiazek zawodowy", "профсоюз", "組合", "工会"),
    "hall": ("salle", "sala", "saal", "zaal"),
    "affordable": ("abordable", "abordables", "asequible", "asequibles", "bezahlbar", "bezahlbarer", "bezahlbares",
                   "accessibile", "accessibili", "acessivel", "acessiveis", "betaalbaar", "betaalbare", "przystepne",
                   "доступное", "доступного"),
    "air": ("aire", "luft", "aria", "lucht", "powietrze", "воздух"),
    "clean": ("pur", "propre", "limpio", "limpia", "sauber", "saubere", "pulita", "pulito", "limpo", "schone",
              "czyste", "czystego", "чистый", "чистого"),
    "mentoring": ("mentorat", "mentoria", "mentorato", "tutoria", "mentoraat", "mentoring", "наставничество"),
    "inclusion": ("inclusion", "inclusao", "inklusion", "inclusione", "inclusie", "wlaczenie", "инклюзия"),
    "digital": ("numerique", "digitale", "cyfrowe", "cyfrowa", "цифровая", "цифровой"),
    "newsletter": ("bulletin", "boletin", "notiziario", "boletim", "rundbrief", "nieuwsbrief", "biuletyn", "рассылка"),
    # batch 13: the cities a network meets in, as other languages name them ("Je choisis Lisbonne")
    "lisbon": ("lisbonne", "lisboa", "lissabon", "lisbona", "lizbona", "лиссабон"),
    "london": ("londres", "londra", "londen", "londyn", "лондон"),
    "brussels": ("bruxelles", "brussel", "bruselas", "bruxelas", "bruksela", "брюссель"),
    "geneva": ("geneve", "genf", "ginebra", "ginevra", "genebra", "genewa", "женева"),
    "vienna": ("vienne", "wien", "viena", "wenen", "wieden", "вена"),
    "prague": ("prag", "praga", "praha", "прага"),
    "warsaw": ("varsovie", "warschau", "varsovia", "varsavia", "warszawa", "варшава"),
    "marseille": ("marseilles", "marsella", "marsiglia", "marsylia", "марсель"),
    "athens": ("athenes", "athen", "atenas", "atene", "athene", "ateny", "афины"),
    "copenhagen": ("copenhague", "kopenhagen", "copenaghen", "kobenhavn", "kopenhaga", "копенгаген"),
    # batch 14: how often, said in other words or languages ("fortnightly", "once a month", "chaque
    # semaine") for the labels "Weekly", "Every two weeks", "Monthly"; a community fridge as members name it
    "weekly": ("every week", "each week", "once a week", "chaque semaine", "toutes les semaines", "une fois par semaine",
               "hebdomadaire", "jede woche", "wochentlich", "einmal pro woche", "einmal die woche", "cada semana",
               "semanal", "semanalmente", "una vez por semana", "ogni settimana", "settimanale", "una volta a settimana",
               "toda semana", "todas as semanas", "uma vez por semana", "elke week", "wekelijks", "eens per week"),
    "every two weeks": ("fortnightly", "every 2 weeks", "every other week", "each fortnight", "every fortnight",
                        "toutes les deux semaines", "toutes les 2 semaines", "tous les quinze jours", "tous les 15 jours",
                        "une semaine sur deux", "alle zwei wochen", "alle 2 wochen", "zweiwochentlich", "vierzehntagig",
                        "vierzehntaglich", "cada dos semanas", "cada 2 semanas", "quincenal", "quincenalmente",
                        "ogni due settimane", "ogni 2 settimane", "quindicinale", "a cada duas semanas",
                        "de duas em duas semanas", "quinzenal", "quinzenalmente", "om de week", "om de twee weken",
                        "elke twee weken", "tweewekelijks"),
    "monthly": ("every month", "each month", "once a month", "chaque mois", "tous les mois", "une fois par mois",
                "mensuel", "mensuelle", "mensuellement", "jeden monat", "monatlich", "einmal im monat", "cada mes",
                "mensual", "mensualmente", "una vez al mes", "ogni mese", "mensile", "una volta al mese", "todo mes",
                "todos os meses", "mensal", "mensalmente", "uma vez por mes", "elke maand", "maandelijks",
                "eens per maand"),
    "housing advice": ("aide au logement", "conseil logement", "conseils logement", "conseil en logement",
                       "wohnberatung", "asesoria de vivienda", "asesoramiento de vivienda", "consulenza abitativa",
                       "aconselhamento habitacional", "woonadvies"),
    "community fridge": ("frigo solidaire", "frigos solidaires", "frigo partage", "frigo communautaire",
                         "refrigerateur solidaire", "nevera solidaria", "frigorifico solidario", "frigo solidale",
                         "geladeira solidaria", "gemeinschaftskuhlschrank", "buurtkoelkast"),
}
TRANSLATIONS: dict[str, str] = {fold(word): english for english, words in _TABLE.items() for word in words}
# the phrases (two words or more, or written without spaces: CJK), longest first, matched before words
_PHRASES = re.compile("|".join(re.escape(p) for p in sorted((w for w in TRANSLATIONS if " " in w), key=len, reverse=True)))


def in_english(folded: str) -> str:
    """The folded text with each phrase of the table written as its English words ("garde d
    enfants" → "childcare"); words are left to `TRANSLATIONS` one by one."""
    return _PHRASES.sub(lambda m: TRANSLATIONS[m.group(0)], folded) if " " in folded else folded
