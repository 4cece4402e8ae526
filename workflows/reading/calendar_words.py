"""The words of the calendar in the languages members and coordinators write: weekdays, months,
parts of the day and the small words between them. Tables, the one source of the readers of dates
(`dates`, `setting_lines`, `date_labels`, `label_variants`).

Each weekday and month lists its English name first and its French name second (the languages
coordinators write setting lines in), then the other languages and the abbreviations; a name of
two words ("thứ hai", "chủ nhật") is one entry.
"""
from __future__ import annotations

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "monday": ("monday", "lundi", "mon", "lunes", "montag", "lunedì", "lunedi", "maandag", "poniedziałek",
               "poniedzialek", "понедельник", "пн", "pazartesi", "segunda-feira", "måndag", "mandag", "maanantai",
               "pondělí", "pondeli", "hétfő", "δευτέρα", "الاثنين", "月曜日", "月曜", "星期一", "周一", "週一", "礼拜一",
               "월요일", "thứ hai", "jumatatu", "senin",
              "понеділок", "دوشنبه", "שני", "सोमवार"),
    "tuesday": ("tuesday", "mardi", "tue", "tues", "martes", "dienstag", "martedì", "martedi", "dinsdag", "wtorek",
                "вторник", "вт", "salı", "sali", "terça-feira", "tisdag", "tirsdag", "tiistai", "úterý", "utery",
                "kedd", "τρίτη", "الثلاثاء", "火曜日", "火曜", "星期二", "周二", "週二", "礼拜二", "화요일", "thứ ba",
                "jumanne", "selasa",
               "вівторок", "سه‌شنبه", "שלישי", "मंगलवार"),
    "wednesday": ("wednesday", "mercredi", "среду", "середу", "środę", "srode", "středu", "stredu", "wed", "weds", "mercoledì", "mercoledi", "miércoles", "miercoles", "mittwoch",
                  "woensdag", "środa", "sroda", "śr", "среда", "ср", "çarşamba", "carsamba", "quarta-feira", "onsdag",
                  "keskiviikko", "středa", "streda", "szerda", "τετάρτη", "الأربعاء", "水曜日", "水曜", "星期三", "周三",
                  "週三", "礼拜三", "수요일", "thứ tư", "jumatano", "rabu",
                 "середа", "چهارشنبه", "רביעי", "बुधवार"),
    "thursday": ("thursday", "jeudi", "thu", "thur", "thurs", "jueves", "donnerstag", "giovedì", "giovedi", "donderdag",
                 "czwartek", "czw", "четверг", "чт", "perşembe", "persembe", "quinta-feira", "torsdag", "torstai",
                 "čtvrtek", "ctvrtek", "csütörtök", "πέμπτη", "الخميس", "木曜日", "木曜", "星期四", "周四", "週四",
                 "礼拜四", "목요일", "thứ năm", "alhamisi", "kamis",
                "четвер", "پنجشنبه", "پنج‌شنبه", "חמישי", "गुरुवार"),
    "friday": ("friday", "vendredi", "пятницу", "п'ятницю", "пʼятницю", "piątek", "fri", "viernes", "freitag", "venerdì", "venerdi", "vrijdag", "piątek", "piatek",
               "пятница", "пт", "cuma", "sexta-feira", "fredag", "perjantai", "pátek", "patek", "péntek", "παρασκευή",
               "الجمعة", "金曜日", "金曜", "星期五", "周五", "週五", "礼拜五", "금요일", "thứ sáu", "ijumaa", "jumat",
              "п'ятниця", "пʼятниця", "п’ятниця", "جمعه", "שישי", "शुक्रवार"),
    "saturday": ("saturday", "samedi", "субботу", "суботу", "sobotę", "sobote", "sobotu", "sat", "sábado", "sabado", "samstag", "sonnabend", "sabato", "zaterdag", "sobota",
                 "суббота", "сб", "cumartesi", "lördag", "lørdag", "lauantai", "szombat", "σάββατο", "السبت", "土曜日",
                 "土曜", "星期六", "周六", "週六", "礼拜六", "토요일", "thứ bảy", "jumamosi", "sabtu",
                "субота", "شنبه", "שבת", "शनिवार"),
    "sunday": ("sunday", "dimanche", "неділю", "niedzielę", "niedziele", "neděli", "nedeli", "nedeľu", "sun", "domingo", "sonntag", "domenica", "zondag", "niedziela", "воскресенье", "вс",
               "pazar", "söndag", "søndag", "sunnuntai", "neděle", "nedele", "vasárnap", "κυριακή", "الأحد", "الاحد",
               "日曜日", "日曜", "星期日", "星期天", "周日", "週日", "礼拜天", "일요일", "chủ nhật", "jumapili", "minggu",
              "неділя", "یکشنبه", "یک‌شنبه", "ראשון", "रविवार"),
}
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "janvier", "jan", "janv", "enero", "januar", "gennaio", "janeiro", "januari", "styczeń", "stycznia",
        "январь", "января", "ocak"),
    2: ("february", "février", "feb", "fevrier", "févr", "febrero", "februar", "febbraio", "fevereiro", "februari",
        "luty", "lutego", "февраль", "февраля", "şubat"),
    3: ("march", "mars", "mar", "marzo", "märz", "maerz", "março", "marco", "maart", "marzec", "marca", "март", "марта",
        "mart"),
    4: ("april", "avril", "apr", "abril", "aprile", "kwiecień", "kwietnia", "апрель", "апреля", "nisan"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "май", "мая", "mayıs"),
    6: ("june", "juin", "jun", "junio", "juni", "giugno", "junho", "czerwiec", "czerwca", "июнь", "июня", "haziran"),
    7: ("july", "juillet", "jul", "julio", "juli", "luglio", "julho", "lipiec", "lipca", "июль", "июля", "temmuz"),
    8: ("august", "août", "aug", "aout", "agosto", "augustus", "sierpień", "sierpnia", "август", "августа", "ağustos"),
    9: ("september", "septembre", "sep", "sept", "septiembre", "settembre", "setembro", "wrzesień", "września",
        "сентябрь", "сентября", "eylül"),
    10: ("october", "octobre", "oct", "octubre", "oktober", "ottobre", "outubro", "październik", "października",
         "октябрь", "октября", "ekim"),
    11: ("november", "novembre", "nov", "noviembre", "novembro", "listopad", "listopada", "ноябрь", "ноября", "kasım"),
    12: ("december", "décembre", "dec", "decembre", "diciembre", "dezember", "dicembre", "dezembro", "grudzień",
         "grudnia", "декабрь", "декабря", "aralık"),
}
# the parts of the day ("am" is not here: German "am Sonntag"; the readers that take it for the
# morning add it themselves)
DAY_PARTS: dict[str, tuple[str, ...]] = {
    "morning": ("morning", "matin", "matinée", "matinee", "mañana", "manana", "vormittag", "morgens", "mattina",
                "mattino", "manhã", "manha", "ochtend", "rano", "утро", "утром", "sabah", "förmiddag", "formiddag",
                "aamupäivä", "午前", "上午", "오전"),
    "afternoon": ("afternoon", "après-midi", "apres-midi", "nachmittag", "pomeriggio", "tarde", "middag", "popołudnie",
                  "popoludnie", "днём", "днем", "öğleden", "eftermiddag", "iltapäivä", "午後", "下午", "오후"),
    "evening": ("evening", "soir", "soirée", "soiree", "abend", "abends", "sera", "noche", "noite", "avond", "wieczór",
                "wieczor", "вечер", "вечером", "akşam", "aksam", "kväll", "kveld", "aften", "ilta", "夜", "晚上", "저녁"),
}
# midday, the time of an option between 11:30 and 14:00 ("the lunchtime one", "à midi", "mittags"):
# beside the parts of the day, never one of them (12:30 is also the afternoon) (batch 10)
MIDDAY: tuple[str, ...] = ("lunch", "lunchtime", "noon", "midday", "midi", "mittag", "mittags", "mediodía", "mediodia",
                           "mezzogiorno", "almoço", "almoco", "meio-dia", "lunchtijd", "południe", "poludnie", "обед",
                           "обеденное", "öğle", "ogle", "昼", "お昼", "中午", "午饭", "점심", "lounas", "lunsj", "frokost")
# the small words between a weekday, a day of the month, a time and a part of the day ("on Tuesday at
# 18:30", "le samedi 14", "am Sonntag um 14 Uhr", "sábado por la mañana"); never "no" ("No Tuesday"
# says no to it, whatever Portuguese "no sábado" means)
DATE_FILLERS = frozenset((
    "on", "the", "at", "in", "of", "a", "an", "one", "le", "la", "les", "l", "au", "du", "de", "des", "à", "el", "los",
    "las", "del", "en", "il", "lo", "di", "alle", "alla", "nel", "um", "im", "der", "die", "das", "den", "uhr", "o", "h",
    "hrs", "hours", "oclock", "o'clock", "'s", "s", "op", "om", "het", "van", "w", "we", "в", "во", "em", "às", "as",
    "am", "por", "pela", "na", "da", "dans", "v", "ve", "dia", "o", "day", "one",
    "slot", "time", "session", "créneau", "horaire", "termin", "franja", "horario", "turno", "orario", "horário",
    "يوم", "יום", "ביום",  # "day of" before an Arabic or Hebrew weekday
))
