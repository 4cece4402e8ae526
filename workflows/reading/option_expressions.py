"""Reading one short expression as one of a ballot's options. Pure functions.

`parse_expr` reads a whole expression, already cleaned (`answer_lines.clean`): YES / NO /
ABSTAIN and the words of `answer_words` in many languages, after "I vote", "je vote", "voto",
"+1 for" … and before "please", "thanks", "bitte", "from us" …; an option's number ("2", "#2",
"n°2", "Opción 3"), letter ("B"), ordinal on a ballot whose options are not YES/NO ("the
second", "la première"), its label written exactly, without accents ("Montreal" for
"Montréal"), after an article ("the library annex"), by its first words ("Library annex" of
"Library annex, Queen Street"), in katakana ("オタワ" of "Ottawa": `katakana_labels`) or by some of its words in order that name no other option
("raise to $40" of "Raise the fee to $40"). `mentions` finds the options a longer line names the
way a vote would, so that a line naming two of them is never read as one. `read_vote`
(`choices`) and `read_ranking` (`rankings`) build on these.
"""
from __future__ import annotations

import functools
import re

from workflows.reading.accents import fold
from workflows.reading.answer_lines import clean
from workflows.reading.amount_labels import amount_label
from workflows.reading.answer_typos import misspelt_key
from workflows.reading.date_labels import date_label
from workflows.reading.katakana_labels import katakana_label
from workflows.reading.label_search import joined_forms, label_pattern as _label_pattern, label_start, label_within as _label_within
from workflows.reading.label_variants import (attendance_forms, day_part_forms, negated_label, pronoun_label,
                                             spelling_variants, unpunctuated_labels, without_punctuation)
from workflows.reading.positions import middle_index
from workflows.reading.label_words import own_words_label
from workflows.reading.person_labels import initial_label, name_label
from workflows.reading.pattern_gates import gated
from workflows.reading.answer_words import (
    ABSTAIN,
    ABSTAIN_MENTION,
    ABSTAIN_UNSPACED,
    ANSWER_TO_KEY,
    LABEL_KEYS,
    OBJECT_ANSWER,
    WORD_TO_KEY,
)
from workflows.reading.answer_tails import ASSENT_SUFFIX as _ASSENT_SUFFIX, SUFFIX as _SUFFIX
from workflows.reading.ordinal_words import (LAST_WORDS, NOUN_NUMBER, NOUN_NUMBERS, NUMBER, OPTION_NOUNS_PATTERN, ORDINAL,
                                             ORDINALS, ROMAN, ROMANS)

_WHOLE_TO_KEY = {w: key for key, words in LABEL_KEYS.items() for w in words}
# the same answers written without accents ("dafur", "impotriva", "dong y", "nao"): a folded form
# that is itself another answer keeps its own meaning
_FOLDED_ANSWER_TO_KEY = {f: key for w, key in ANSWER_TO_KEY.items() if (f := fold(w)) not in ANSWER_TO_KEY}
_PREFIX = re.compile(
    r"^(?:(?:i|we)\s+(?:vote|am voting|will vote|would vote|say|choose|pick|select|go with|"
    r"will go with|prefer|think)|i'm voting|i'll vote|i'd vote|i'll go with|i'd say|i would say|"
    r"(?:i|we)(?:'d| would) (?:prefer|choose|pick|like)|my (?:preference|pick) (?:is|:)|voting|"
    r"i'd go with|my vote (?:goes|would go) (?:to|for)|my vote is (?:for|with)|(?:my )?votes? goes to"
    r"|my (?:vote|answer|choice|reply) (?:is|:)|my vote|vote\s*:|answer\s*:|"
    r"réponse\s*:|choix\s*:|je (?:vote|voterai|choisis|dis|pense|prends)|nous votons|"
    r"mon (?:vote|choix) (?:est|:)|mon vote|ma réponse (?:est|:)|definitely|absolutely|certainly|obviously|naturally|totally|"
    r"of course|bien sûr|évidemment|clearly|(?:i|we|je|nous)(?:\s+will|\s+would|'ll|'d)?"
    r"\s+(?=abst)|je m'(?=abst)|nous nous(?=\s+abst)|it's|it is|c'est"
    r"|(?:i'm|i am|we're|we are|je suis|nous sommes)(?=\s+(?:for|against|in favou?r|opposed|pour|contre)\b)"
    # "voto sí", "ich stimme mit ja", "ik stem voor", "głosuję za", "голосую за", "+1 for option 2"
    r"|(?:eu |io |yo )?voto|votamos|votiamo|(?:(?:ich|wir) )?stimmen?(?: mit)?(?!\s+zu\b)|ik stem|wij stemmen"
    r"|głosuję|głosujemy|голосую|\+1\s+(?:for|to|on)\b"
    # batch 21: an arrow pointing at the answer ("-> B", "→ Yes"); "I choose" in Indonesian/Malay, Swahili, Tagalog
    r"|-+>|=+>|→|⇒|➡️?|👉|(?:saya|aku|kami) (?:pilih|memilih)|ninachagua|nachagua|pinipili ko"
    # "please change my vote to No", "change my vote: abstain", "je change mon vote pour …"
    r"|(?:please\s+)?(?:put|mark|count|record|write)\s+(?:me|us)\s+(?:down\s+)?(?:for|as)(?:\s+an?(?=\s))?"  # "put me down for no"
    r"|(?:please\s+)?(?:change|switch|update|put|make|record|count|mark)\s+(?:my|our)\s+vote"
    r"(?:\s+(?:to|as|for))?|(?:je change|changez|changer) (?:mon|notre) vote(?:\s+(?:pour|en))?"
    # a conclusion after the reasons ("…, so no", "so: yes", "donc oui", "also ja")
    r"|(?:so|hence|therefore|thus|donc|alors|also|daher|así que|por lo tanto|quindi|dus|więc|поэтому)(?![\w'])"
    # "I prefer", "I choose" in more languages; "for me it's …" ("pour moi ce sera la 3", "选B")
    r"|prefiero|elijo|escojo|me quedo con|je préfère|je prends|ich bevorzuge|ich nehme|ich wähle|ich bin für"
    r"|preferisco|scelgo|prefiro|escolho|ik kies(?: voor)?|ik neem|ik ga voor|ik ben voor|wybieram|preferuję"
    r"|jestem za|выбираю|предпочитаю|я за|обираю|volím|vybírám|tercihim|seçiyorum|tercih ediyorum"
    r"|i'd go for|i go for|i'll take|i'll have|going with|go with"
    # batch 14: "rather" before an option named with its article ("Plutôt la B"); never before a yes or a no
    r"|plut[oô]t(?=\s+(?:la|le|les|l')(?:\s|\b))"
    # batch 13: "I'm happy to go with option B", "we're glad to vote yes"
    r"|(?:i'm|i am|we're|we are|i'd be|i would be|we'd be) (?:happy|glad|pleased|content) to"
    r" (?:vote(?: for)?|say|go with|support|choose|pick)"
    r"|(?:i|we) (?:second|support|back) (?:this|it|that|the motion|the proposal) and (?:vote|say)(?: for)?"
    r"|let's (?:just )?(?:go with|go for|do it|hold it|have it|pick|choose)"
    r"|(?:pour moi|for me|für mich|para mí|para mim|per me|voor mij|dla mnie|для меня)(?:\s*,)?"
    r"(?:\s+(?:ce sera|c'est|it's|it is|it'll be|it will be|es|é|è|sarà|wird es|ist es|is het|będzie|будет))?"
    r"|我(?:选择?|投|要|支持)|选择?(?!项)|選擇?(?!項)|選びます|投给?"  # not the "选" of "选项A" (option A)
    # a vote for an organisation ("The Parkdale Welcome Centre votes yes", "Kensington votes against")
    r"|(?:the\s+)?(?:[\w'&.-]+\s+){1,6}(?:votes|vote pour|stimmt|vota|stemt|röstar|stemmer|głosuje|голосует))"
    r"\s*(?:(?:for|pour|за)(?![\w'])(?=\s*\S)(?!\s*(?:the|la)\b)|:"
    # batch 19: the preposition before a name or a label without its article ("voto por Tomás", "ich stimme
    # für Priya", "voto per Giulia", "ik stem op Sanne"); never before a yes or a no ("voto por no ir")
    r"|(?:por|per|für|fur|op|på)(?![\w'])(?=\s*\w)(?!\s*(?:the|la|le|el|die|der|das|il|lo|het|a|o|l'|que|si|sí|no|nein|ja|non|nee|nicht)(?![\w']))"
    # batch 13: the preposition before an option noun ("ich stimme für Option B", "voto por la opción 2")
    r"|(?:for|pour|für|por|per|voor|na|em|на|за)\s+(?=(?:(?:the|la|le|el|die|der|das|il|lo|het|a|o)\s+|l')?(?:"
    + OPTION_NOUNS_PATTERN + r")\b)"
    # "voto que sí" (I vote that yes)
    r"|que(?=\s+(?:s[ií]|no|sim|não)\b))?\s*")  # "je vote pour", "голосую за" alone: YES
_FROM = re.compile(r"^([\w']+) (?:from|de la part de|de parte de|da parte di|von|vanuit) \S.{0,60}$")
# batch 14: the preposition a vote takes before the letter's article ("je vote pour la C", "voto per la C",
# "ik stem voor B", "I vote for the C")
_LETTER = re.compile(r"^(?:(?:for|pour|per|voor|por|für|fur)\s+)?(?:(?:the|la|le|el|die|der|das|il|lo|o|de|het)\s+)?(?:" + OPTION_NOUNS_PATTERN
                     + r")?\s*\(?([a-z])\)?\s*[.)]?"
                     # batch 13: the option noun after the letter, where a language puts it there
                     # ("C seçeneği", "B案", "B 옵션")
                     r"(?:\s*(?:seçeneği|seçeneğini|secenegi|şıkkı|sikki|案|選択肢|옵션|안))?$")
_CONNECT = r"(?=\s*(?:$|[^\w\s']|\b(?:and|or|et|ou|but|mais|nor)\b))"
_LEADING = re.compile(r"^(?:(?:for|pour|für|por|per)\s+)?(?:(?:the|le|la|les|die|der|das|el|los|las|il|lo|o|a|de|het)\s+|l'\s*)")
# the place named after "at" ("In person at Westside library", "at the union hall"): batch 11
_AT = re.compile(r"^(?:(?:in person|in-person|on site|onsite)\s+)?(?:at|@)\s+(?:the\s+)?(?=\S)")
FRAME_CHARS = " .!,;:\"«»“”„‘’'।¡¿、。「」『』"  # punctuation and quotation marks around an answer ("\"Yes\"")


def option_keys(options: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """(key YES/NO/ABSTAIN → index, cleaned label → index) for the ballot's options (made once
    per set of options: every reply to one vote reads against the same; not to be changed).
    Each label is also there without its accents."""
    return _keys_of(tuple(options))


@functools.lru_cache(maxsize=256)
def _keys_of(options: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
    keys: dict[str, int] = {}
    labels: dict[str, int] = {}
    for index, label in enumerate(options):
        cleaned = clean(label).strip(" .!")
        labels.setdefault(cleaned, index)
        key = _WHOLE_TO_KEY.get(cleaned)
        if key:
            keys.setdefault(key, index)
    for label, index in list(labels.items()):
        labels.setdefault(fold(label), index)
    return keys, labels


@functools.lru_cache(maxsize=4096)
def strip_frame(expr: str) -> str:
    """Remove vote prefixes ("I vote", "je vote pour") and polite suffixes ("please").
    Remembered per expression: the vote reader asks it of one line up to five times, and the
    suffix pattern is tried from every character (~2 M instructions for a 300-character line)."""
    expr = expr.strip(FRAME_CHARS)
    for _ in range(3):
        new = _PREFIX.sub("", expr, count=1).strip(" .!,;:")
        new = _SUFFIX.sub("", new).strip(FRAME_CHARS)
        if new == expr:
            break
        expr = new
    return expr


def _label(expr: str, labels: dict[str, int]) -> int | None:
    """The option whose label `expr` names: exactly, without accents, after an article ("the
    library annex", "for the sliding scale"), by its first words, by words of it in order, by
    its first word and a pronoun ("keep it as is") or with its weekday and part of the day
    written another way ("Saturday AM" of "Saturday morning": `label_variants`)."""
    index = _label_once(expr, labels)
    if index is not None:
        return index
    by_pronoun = pronoun_label(expr, tuple(labels))
    if by_pronoun is not None:
        return labels[by_pronoun]
    mode = {i for form in attendance_forms(expr) if (i := _label_once(form, labels)) is not None}
    if len(mode) == 1:
        return mode.pop()  # "En ligne", "Zoom" of "Online only"; "en présentiel" of "In person"
    negated = negated_label(expr, tuple(labels))
    if negated is not None:
        return labels[negated]  # "Sin honorarios" of "No honorarium"
    forms = day_part_forms(expr)
    if not forms:
        own = (own_words_label(expr, tuple(labels)) or date_label(expr, tuple(labels))
               or katakana_label(expr, tuple(labels)))  # "オタワ" of "Ottawa"
        return None if own is None else labels[own]
    by_day_part = _day_part_labels(tuple(labels.items()))
    found = {i for form in forms if (i := _label_once(form, by_day_part)) is not None}
    if not found and (dated := date_label(expr, tuple(labels))) is not None:
        return labels[dated]  # "Saturday morning" of "Saturday 14 March, 10:00"
    return found.pop() if len(found) == 1 else None  # "Sunday PM" when afternoon and evening are options: asked


@functools.lru_cache(maxsize=256)
def _day_part_labels(labels: tuple[tuple[str, int], ...]) -> dict[str, int]:
    """Each label's forms with weekdays and parts of the day in English → its option; a form
    two options share is left out."""
    forms: dict[str, int | None] = {}
    for label, index in labels:
        for form in day_part_forms(label) or {label}:
            forms[form] = None if forms.get(form, index) != index else index
    return {form: index for form, index in forms.items() if index is not None}


def _label_once(expr: str, labels: dict[str, int]) -> int | None:
    bare = _LEADING.sub("", _AT.sub("", expr))
    singular = _PLURAL.sub("", bare)  # "weekday evenings" of "Weekday evening"
    for candidate in dict.fromkeys((expr, fold(expr), bare, fold(bare), singular, fold(singular),
                                     *spelling_variants(bare),  # "neighbor" of "Neighbour"
                                     *joined_forms(bare, tuple(labels)))):  # "city copy" of "CityCopy Ltd"
        if not candidate:
            continue
        if candidate in labels:
            return labels[candidate]
        start = label_start(candidate, tuple(labels))
        if start is not None:
            return labels[start]
        within = _label_within(candidate, tuple(labels))
        if within is not None:
            return labels[within]
    bare_labels = unpunctuated_labels(tuple(labels.items()))
    if bare_labels:  # "St Andrews" of "St. Andrew's church hall"
        plain = without_punctuation(bare)
        index = bare_labels.get(plain)
        start = label_start(plain, tuple(bare_labels)) if index is None else None
        return index if index is not None else bare_labels[start] if start is not None else None
    return None


_PLURAL = re.compile(r"(?<=[a-z]{3})s\b")


def parse_expr(expr: str, options: list[str], keys, labels) -> tuple[int | None, str | None]:
    """Read one whole expression: (index, None), (None, why not an option) or (None, None).
    `keys` and `labels` are `option_keys(options)`; the reading is remembered per expression and
    ballot (every reply to one vote reads the same few expressions: "yes", "2", "B")."""
    return _parse_once(expr, tuple(options))


@functools.lru_cache(maxsize=8192)
def _parse_once(expr: str, options: tuple[str, ...]) -> tuple[int | None, str | None]:
    keys, labels = _keys_of(options)
    options = list(options)
    bare = expr.strip(FRAME_CHARS)
    whole = (ANSWER_TO_KEY.get(bare) or _FOLDED_ANSWER_TO_KEY.get(bare)) if keys else None  # "definitely not"
    if keys and whole is None and (m := OBJECT_ANSWER.match(bare)):
        whole = "YES" if m.group("yes") else "NO"  # "j'approuve le budget", "I oppose the merger"
    if whole is not None:
        return (keys[whole], None) if whole in keys else (None, f"'{expr}' is not one of the options")
    expr = strip_frame(expr)
    if not keys:
        expr = _ASSENT_SUFFIX.sub("", expr).strip(FRAME_CHARS) or expr
    if not expr:
        return None, None
    index = labels.get(expr)
    if index is None and (amount := amount_label(expr, tuple(options), len(options))) is not None:
        index = options.index(amount)  # "1000", "2.500 $" of "$2,500"
    if index is None and expr not in WORD_TO_KEY and expr not in _WHOLE_TO_KEY:
        index = _label(expr, labels)
    if index is None and not keys:
        index = name_label(expr, options, people_only=True)  # "Chen", "Mei", "voto na Aisha"
    if index is None and not keys:
        index = initial_label(expr, options)  # "Nadia H."
    if index is not None:
        return index, None
    key = (WORD_TO_KEY.get(expr) or _WHOLE_TO_KEY.get(expr) or (ANSWER_TO_KEY.get(expr) if keys else None)
           or (misspelt_key(expr) if keys else None))
    if key is None and expr in ("+1", "-1") and keys:
        key = "YES" if expr == "+1" else "NO"
        if key not in keys:
            return None, f"'{expr}' is not one of the options"
    if key is None and keys and (m := _FROM.match(expr)):
        key = WORD_TO_KEY.get(m.group(1))  # "yes from Safe Passage", "oui de la part de …"
    if key is None and keys:
        key = _said_twice(expr)  # "yeah go for it", "ja ich stimme dafür" (dictated, no comma)
    if key is not None:
        return (keys[key], None) if key in keys else (None, f"'{expr}' is not one of the options")
    if (key is None and "ABSTAIN" in keys and (ABSTAIN.match(expr) or ABSTAIN_UNSPACED.match(expr))
            and not mentions(expr, options, keys, labels) - {keys["ABSTAIN"]}):
        return keys["ABSTAIN"], None  # "ich enthalte mich", "mi astengo", "воздерживаюсь"
    m = ORDINAL.match(expr) if not keys else None  # "the second" is no answer to yes/no (see `positions`)
    if m:
        word = m.group(1)
        n = len(options) if word in LAST_WORDS else ORDINALS[word]
        if 1 <= n <= len(options):
            return n - 1, None
        return None, f"there is no {word} option (1-{len(options)})"
    middle = middle_index(expr, len(options)) if not keys else None
    if middle is not None:
        return middle, None  # "the middle one" of three
    m = NOUN_NUMBER.match(expr) if not keys else None  # "alternativ to"
    if m:
        n = NOUN_NUMBERS[m.group(1)]
        return (n - 1, None) if n <= len(options) else (None, f"number {n} is out of range (1-{len(options)})")
    m = NUMBER.match(expr)
    if m:
        n = int(m.group(1))
        if 1 <= n <= len(options):
            return n - 1, None
        return None, f"number {n} is out of range (1-{len(options)})"
    m = ROMAN.match(expr) if len(options) >= 2 else None
    if m and (m.group(2) or ord(m.group(1)) - ord("a") >= len(options)):  # "Option I" of 3: one, not I
        n = ROMANS[m.group(1) or m.group(2)]
        if n <= len(options):
            return n - 1, None
    m = _LETTER.match(expr)
    if m and len(options) >= 2:
        n = ord(m.group(1)) - ord("a")
        if n < len(options):
            return n, None
        if expr in ("y", "n") and {"YES", "NO"} <= set(keys):
            return keys["YES" if expr == "y" else "NO"], None  # "Y" on a yes/no ballot of a few options
        return None, f"letter {m.group(1).upper()} is not one of the options"
    return None, None

_INTENSIFIERS = frozenset(("obviously", "definitely", "absolutely", "certainly", "of course", "indeed", "totally",
                           "naturally", "clearly", "for sure", "sure", "évidemment", "absolument", "bien sûr",
                           "natürlich", "klar", "sicher", "claro", "por supuesto", "certo", "ovviamente"))


def _said_twice(expr: str) -> str | None:
    """The YES/NO/ABSTAIN key of an answer word followed, without punctuation, by the same answer
    in other words ("yeah go for it", "yes obviously", "ja ich stimme dafür", "yes i vote yes"),
    else None: the rest must be by itself that answer, so "no worries i'll vote later" is none."""
    first, _, rest = expr.partition(" ")
    key = WORD_TO_KEY.get(first) or ANSWER_TO_KEY.get(first)
    if key is None or not rest or " " not in rest and rest == first:
        return None
    rest = strip_frame(rest)
    if rest in _INTENSIFIERS:
        return key  # "yes obviously", "no definitely"
    again = (WORD_TO_KEY.get(rest) or _WHOLE_TO_KEY.get(rest) or ANSWER_TO_KEY.get(rest)
             or _FOLDED_ANSWER_TO_KEY.get(rest))
    return key if again == key else None


def opens_with_answer_word(expr: str) -> bool:
    """True when the expression starts with a YES/NO/ABSTAIN word ("no problem", "oui mais"); not
    "no" before what the member has none of to say ("No questions from me, approve": batch 13)."""
    first = expr.split(maxsplit=1)[:1]
    return bool(first) and first[0].strip(FRAME_CHARS) in WORD_TO_KEY and not _NOTHING_TO_SAY.match(expr)


# "no questions", "no further comments from me", "pas de questions": nothing more to say, not a No
# batch 14: "no strong view", "no opinion", "no preference": nothing to choose by, not a No
_NOTHING_TO_SAY = re.compile(r"^(?:no|non)\s+(?:further\s+|more\s+|other\s+|strong\s+|real\s+|particular\s+)?"
                             r"(?:questions?|comments?|remarks?|queries|views?|opinions?|preferences?|feelings?)\b")


# a word that ends where an answer could (what `mentions` looks up), and an option named by its number
_CONNECTED_WORD = re.compile(r"(?<![\w'])([\w']+)" + _CONNECT)
assert _CONNECTED_WORD.groups == 1  # `findall` gives the word itself
_OPTION_NUMBER = gated(re.compile(r"(?:\boption|\bchoice|\bchoix|#)\s*#?\s*(\d{1,4}|[a-z])\b"))


# votes18: a "no" that is no answer: "why not" in the Romance languages ("Sí, ¿por qué no?", "Sì, perché no",
# "Sim, porque não?"), "a no-brainer" and "or not" after "whether" ("Sí, nos guste o no", "Oui, que ça plaise ou non")
_NOT_A_NO = re.compile(r"(?<![\w'])(?:(?:por qu[eé]|por que|porque|perch[eé]|per qu[eè])\s+(?:no|não|nao)(?=[\s?!.…]*(?:$|[,;:—–-]))|no-brainer"
                       r"|(?:guste|gusta|plaise|plaît|piaccia|goste)\s+(?:o|ou)\s+(?:no|non|não)(?=[\s?!.…]*$))(?![\w'])")


def without_why_not(line: str) -> str:
    """The line without a "no" that is no answer ("Sí, ¿por qué no?", "Sì, perché no", "a no-brainer")."""
    return _NOT_A_NO.sub(" ", line) if "no" in line or "nã" in line else line


def mentions(line: str, options: list[str], keys, labels) -> set[int]:
    """Indexes of the options a line mentions as a vote would (not "no problem", not "2 days", not "why
    not" in "Sí, ¿por qué no?")."""
    found: set[int] = set()
    line = without_why_not(line)
    for word in set(_CONNECTED_WORD.findall(line)):  # each word once ("a a a …"): `found` is a set
        key = WORD_TO_KEY.get(word)
        if key in keys:
            found.add(keys[key])
    if "ABSTAIN" in keys and ABSTAIN_MENTION.search(line):
        found.add(keys["ABSTAIN"])
    for m in _OPTION_NUMBER.finditer(line):
        index, _ = parse_expr(m.group(1), options, keys, labels)
        if index is not None:
            found.add(index)
    for label, index in labels.items():
        if len(label) >= 3 and label not in _WHOLE_TO_KEY and _label_pattern(label).search(line):
            found.add(index)
    return found
