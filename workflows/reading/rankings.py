"""Reading a ranking from a member's reply to a ranked ballot. Pure functions.

Members rank candidates the way people write a preference order:
- on one line, separated by commas, semicolons, `>` or "then"/"puis": "2, 1, 3", "B > A > C",
  "Maria Okafor > Kwame Asante" (or by spaces when each item is one number or letter: "2 1 3");
- or one per line, optionally numbered by rank: "1. Kwame Asante" / "2. Maria Okafor", or "B" / "A";
- or numbered on one line: "1) Léa Roy 2) Maria Okafor" (numbered 1, 2, 3 … from the start).
Each item is read like a single vote (`choices`): an option's number, letter, exact label, a
candidate's first name ("Léa", "Lea") or surname, after "only" ("Only Maria"). A
partial ranking is a ranking ("2" alone ranks one candidate). Anything that cannot be read, or a
candidate ranked twice, makes the whole answer unclear: nothing is guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from workflows.reading.answer_lines import clean, last_match, meaningful_lines, text_after
from workflows.reading.answer_words import CORRECTION, FIRM_CORRECTION
from workflows.reading.command_words import COURTESY
from workflows.reading.option_expressions import option_keys, parse_expr
from workflows.reading.marked_lists import quoted_ranks
from workflows.reading.person_labels import is_salutation, name_label
from workflows.reading.ranking_closings import ANY_ORDER, without_closing

# the words of a preference order between items: "then", "puis", "dann", "luego", "poi", "depois" …
_THEN = (r"(?:and |et |und |y |e |en )?(?:then|puis|ensuite|après|apres|dann|danach|luego|después|despues|poi|dopo"
         r"|depois|daarna|potem|затем|потом|followed by|after that|next)")
# batch 14: Dutch "dan" (then) after a comma ("Eerst Food bank, dan Language classes"); alone it is another
# language's "and"
_SEPARATORS = re.compile(r"\s*(?:>|»|→|->|,\s*dan\b|,|;|、|\b" + _THEN + r"\b)\s*")
_SPACED = re.compile(r"(?:[a-z]|\d{1,2})(?:\s+(?:[a-z]|\d{1,2}))+")
_HYPHENED = re.compile(r"(?:[a-z]|\d{1,2})(?:\s*[-–/]\s*(?:[a-z]|\d{1,2}))+")  # "2-1-4-3", "B/A/C"
# the word that opens a preference order before the first item ("First Maria, then …", "Erst Samir")
_FIRST = re.compile(r"^(?:first(?:ly)?|first of all|to start|premièrement|premierement|d'abord|en premier"
                    r"|erst|zuerst|als erstes|primero|en primer lugar|prima|primo|in primis|primeiro|eerst|najpierw"
                    r"|сначала|во-первых)\s+(?=\S)")
_RANK_PREFIX = re.compile(
    r"^\s*(?:#?\d{1,2}(?:st|nd|rd|th|er|e|re|ère)?\s*[.):-]|\(\d{1,2}\)|\d{1,2}(?:st|nd|rd|th)(?=\s)"  # "1st Jonas"
    # "First: Léa Roy", "second choice - Samir", "1st preference:", "premier choix :", "Zweitens:"
    r"|(?:first|second|third|fourth|fifth|sixth|premier|première|deuxième|troisième|quatrième|erste[rsn]?"
    r"|zweite[rsn]?|dritte[rsn]?|erstens|zweitens|drittens|primer[oa]?|segund[oa]|tercer[oa]?|prim[oa]"
    r"|second[oa]|terz[oa])(?:\s+(?:choice|preference|choix|préférence|wahl|opción|scelta))?\s*[:.)-])"
    r"\s+(?=\S)"
    # batch 10: a rank noun and its number ("Platz 1:", "Rang 2 -", "place 1 :"), a Japanese, Chinese or
    # Korean rank ("1位：", "1순위", "第一：")
    r"|^\s*(?:platz|rang|place|position|posición|puesto|posto|lugar|plaats|miejsce|место|sıra)\s*\d{1,2}\s*[:.)-]?\s+(?=\S)"
    r"|^\s*(?:\d{1,2}\s*(?:位|순위|위|番|등)|第[一二三四1-4](?:位|名)?)(?![目个個つ번])\s*[:：.、]?\s*(?=\S)")


_RANK_SUFFIX = re.compile(r"\s+(?:first|second|third|fourth|fifth|last|en premier|en second|en dernier)$"
                          r"|\s*(?:第[一二三四]|[1-4]\s*(?:位|순위|위))$")  # "Wen Li 第一" (batch 10)


_ONLY = re.compile(r"^(?:only|just|seulement|uniquement|nur|solo|sólo|alleen|tylko|только)\s+")


def _by_name(item: str, options: list[str]) -> int | None:
    """The one candidate whose first or last name is the item (`option_expressions.name_label`)."""
    return name_label(item, options)


@dataclass(frozen=True)
class RankingReading:
    """What a reply to a ranked ballot says: option indices, first preference first, or None."""

    ranking: list[int] | None
    reason: str


_INLINE_RANK = re.compile(r"(?:^|(?<=\s))(\d{1,2})(?:(?:st|nd|rd|th|er|e|re|ème|eme)?\s*[.):]|(?:st|nd|rd|th))\s+")  # "1st Henrik 2nd Diego"


def _numbered_inline(line: str) -> list[str]:
    """The items of a numbered list written on one line ("1) Léa Roy 2) Maria Okafor"), numbered
    1, 2, 3 … from the line's start; empty when the line is not one."""
    marks = list(_INLINE_RANK.finditer(line))
    if len(marks) < 2 or marks[0].start() != 0 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    ends = [m.start() for m in marks[1:]] + [len(line)]
    return [line[m.end():end].strip(" ,;.") for m, end in zip(marks, ends)]



def read_ranking(new_text: str, options: list[str], text: str = "") -> RankingReading:
    """Read a ranking of `options` from the first lines of a reply's new text.

    Promises: `ranking` lists distinct option indices, most preferred first, at least one, when
    every item written names one option; otherwise `ranking` is None and `reason` says why (for
    the clarification and `convenor inspect`). Never raises. With the reply's whole `text`, a new
    text that ranks nothing and asks nothing ("", "My ranking is beside each name below") gives
    the ranks the member wrote beside the candidates of the quoted ballot
    (`marked_lists.quoted_ranks`).
    """
    reading = _read_new_text(new_text, options)
    if reading.ranking is not None or not text or "?" in new_text or not reading.reason.startswith(("no text", "no candidate")):
        return reading
    ranks = quoted_ranks(text, options)
    if ranks is None:
        return reading
    if isinstance(ranks, str):
        return RankingReading(None, ranks)
    return RankingReading(ranks, f"read the ranks written beside {len(ranks)} quoted candidates: "
                                 + " > ".join(str(i + 1) for i in ranks))


# medals before the candidates ("🥇 Li Na 🥈 Amara 🥉 Jonas"): the ranks 1, 2, 3 (batch 13)
_MEDALS = str.maketrans({"🥇": " 1) ", "🥈": " 2) ", "🥉": " 3) "})
# the member's own correction of the order just written: "swap the first two" (batch 11, 13), after
# which a new order may follow (": Priya, Henrik, Fatima"); on a later line alone too ("PS swap …")
_REORDER = re.compile(r"\b(?:swap|switch|revers|invert)")
_POSTSCRIPT = re.compile(r"^p\.?\s?s\.?\s*[:,-]?\s*")
_SWAP = re.compile(r"\s*(?:[-–—,;.]\s*)*(?:(?:actually|sorry|oops|wait|no)\W+)*(?:please\s+)?(?:swap|switch|reverse|invert)"
                   r"\s+(?:the\s+)?(?:first|top)\s+two(?:\s+(?:round|around))?(?:,?\s+please)?\s*(?:[:,-]\s*(?P<after>.*?))?[.!]?$")


def _read_new_text(new_text: str, options: list[str]) -> RankingReading:
    """The ranking of the new text alone (see `read_ranking`)."""
    new_text = (new_text or "").translate(_MEDALS) if "🥇" in (new_text or "") else new_text
    lines = meaningful_lines(new_text, limit=len(options) + 2)
    swap = _SWAP.search(lines[0][2]) if lines and _REORDER.search(lines[0][2]) else None
    if swap is not None and swap.start():
        return _swapped(lines[0][2][:swap.start()], swap.group("after"), options, lines[0][0])
    for position, (number, _, line) in enumerate(lines[1:], start=1):
        if _REORDER.search(line):  # "Amara, Jonas, Li Na\nSwap the first two": never the unswapped order
            later = _SWAP.match(_POSTSCRIPT.sub("", line))
            if later is None:
                return RankingReading(None, f"line {number} asks to change the order: {clean(line)[:60]!r}")
            return _swapped("\n".join(text for _, _, text in lines[:position]), later.group("after"), options, number)
    keys, labels = option_keys(options)
    if lines and is_salutation(lines[0][1], options):  # "Léa," opens a letter
        if len(lines) > 1 and lines[1][0] == lines[0][0] + 1 and _one_item(lines[1][2], options, keys, labels):
            # "Léa,\nMaria\nKwame": the addressee, or the first of a list written one per line
            return RankingReading(None, f"line {lines[0][0]} may greet a candidate or rank them first: "
                                        f"{lines[0][1]!r}")
        lines = lines[1:]
    if not lines:
        return RankingReading(None, "no text")
    lines[0] = (lines[0][0], lines[0][1], ANY_ORDER.sub("", lines[0][2]))  # "I'd put X first and the rest in any order"
    corrected = _corrected(lines, options)
    if corrected is not None:
        return corrected
    corrected = _loosely_corrected(lines, options)
    if corrected is not None:
        return corrected
    beside = _ranks_beside(lines, options, keys, labels)
    if beside is not None:
        return beside
    first = _ORDER_PREFIX.sub("", lines[0][2].strip(" ."))
    numbered = _by_ordinal_words([i for i in _SEPARATORS.split(first) if i.strip(" .")],
                                 first_named=_FIRST_NAMED.match(lines[0][2]) is not None)
    if numbered is not None:
        return (_read_items(numbered, options, keys, labels, "line 1") if isinstance(numbered, list)
                else RankingReading(None, f"line 1: {numbered}"))
    first = _FIRST.sub("", first)
    first_items = (_numbered_inline(first) or (first.split() if _SPACED.fullmatch(first)
                                                 else re.split(r"\s*[-–/]\s*", first) if _HYPHENED.fullmatch(first)
                                                 else [i for i in _SEPARATORS.split(first) if i.strip(" .")]))
    open_items, first_items = first_items, without_closing(first_items)
    if len(first_items) == 1 < len(open_items):  # "Li Na first; no preference after that"
        return _read_items(first_items, options, keys, labels, "line 1")
    beside_inline = _ranks_beside([(lines[0][0], item, item.strip(" .")) for item in first_items], options, keys, labels,
                                  spaced=True) if len(first_items) > 1 else None
    if beside_inline is not None:
        return beside_inline  # "Priya 1, Henrik 2, Yuki 3", "Yuki (2), Fatima (1), Diego (3)"
    if len(first_items) > 1:
        return _read_items(first_items, options, keys, labels, "line 1")
    items = []
    for position, (number, raw, line) in enumerate(lines):
        item = _RANK_PREFIX.sub("", line) if parse_expr(line, options, keys, labels)[0] is None else line
        item = _RANK_SUFFIX.sub("", item.strip(" .!")) or item  # "Tool library first!"
        index = parse_expr(item, options, keys, labels)[0]
        if index is None and _ONLY.match(item):
            index = parse_expr(_ONLY.sub("", item), options, keys, labels)[0]  # "Just childcare."
        if index is None:
            index = _by_name(_ONLY.sub("", item.strip(" .")), options)
        if index is None:
            if items and _unread_item(raw, lines[position + 1:], options, keys, labels):
                return RankingReading(None, f"line {number}: not a candidate: {clean(raw)[:60]!r}")
            break                                   # the ranking ends where the comment starts
        items.append(item)
    if not items:
        return RankingReading(None, f"no candidate read on the first line: {lines[0][1]!r}")
    ranks = [_LINE_RANK.match(line) for _, _, line in lines[:len(items)]]
    if all(ranks) and [int(m.group(1)) for m in ranks] != list(range(1, len(items) + 1)):
        # "1. Childcare" / "1. Food banks": a tie, or a list numbered out of order (batch 10)
        return RankingReading(None, f"lines 1-{len(items)}: the rank numbers are not 1, 2, 3 …")
    return _read_items(items, options, keys, labels, f"lines 1-{len(items)}")


# the line that names the first choice as such ("My first choice is …")
_FIRST_NAMED = re.compile(r"^(?:my |our )?(?:top|first) (?:choice|pick|preference) (?:is|would be)\s")
_LINE_RANK = re.compile(r"^\s*#?(\d{1,2})(?:(?:st|nd|rd|th|er|e|re|ère)?\s*[.):-]|st|nd|rd|th)\s+\S")


# "My order:", "Ranking:", "Mon classement :" before the items
_ORDER_PREFIX = re.compile(r"^(?:my |our )?(?:(?:top|first) (?:choice|pick|preference) (?:is|would be)\s+(?=\S)"  # batch 13
                           r"|(?:order|ranking|rank order|ranks|preferences?|preference order|mon classement"
                           r"|mon ordre|ma préférence|meine reihenfolge|mein ranking|mi orden|mi clasificación|mi ranking"
                           r"|la mia classifica|minha ordem|mijn volgorde"
                           # batch 21: Polish, Russian, Turkish, Indonesian, Czech "my order / my ranking"
                           r"|moja kolejność|mój ranking|мой порядок|мой рейтинг|sıralamam|urutan saya|moje pořadí)\s*:\s*)")
# ordinal words before each item ("Erstens Marek, zweitens Hana", "Primero Inés, segundo Olu", "1st Hana, 2nd Olu")
_ORDINAL_WORDS = {w: n for n, words in enumerate((
    "first firstly 1st erstens primero primera premièrement premier première primo prima primeiro primeira eerst",
    "second secondly 2nd zweitens segundo segunda deuxièmement deuxième seconde secondo seconda tweede",
    "third thirdly 3rd drittens tercero tercera troisièmement troisième terzo terza terceiro terceira derde",
    "fourth fourthly 4th viertens cuarto cuarta quatrièmement quatrième quarto quarta vierde"), start=1)
    for w in words.split()}
_ORDINAL_LEAD = re.compile(r"^(?:en |in |als |em |al |au )?(" + "|".join(sorted(map(re.escape, _ORDINAL_WORDS), key=len, reverse=True))
                           + r")(?:\s+(?:choice|preference|pick|choix|préférence|wahl|opción|preferencia|scelta"
                           r"|escolha|preferência|keuze))?\s*[:,-]?\s+(?=\S)")


def _by_ordinal_words(items: list[str], first_named: bool = False) -> list[str] | str | None:
    """The items without the ordinal word before each, when every item of two or more has one and
    they count 1, 2, 3 … in order (the first item may have none when the line opened by naming the
    first choice: `first_named`); a reason when they do not ("Second Kwame, first Léa"); None when
    the items are not written that way."""
    leads = [_ORDINAL_LEAD.match(item) for item in items]
    if len(items) >= 2 and first_named and not leads[0] and all(leads[1:]):
        # "My first choice is the food bank, second housing advice": the first named first (batch 14)
        if [_ORDINAL_WORDS[m.group(1)] for m in leads[1:]] != list(range(2, len(items) + 1)):
            return "the ordinal words before the candidates are not first, second, third …"
        return [items[0]] + [item[m.end():] for item, m in zip(items[1:], leads[1:])]
    if len(items) < 2 or not all(leads):
        return None
    if [_ORDINAL_WORDS[m.group(1)] for m in leads] != list(range(1, len(items) + 1)):
        return "the ordinal words before the candidates are not first, second, third …"
    return [item[m.end():] for item, m in zip(items, leads)]


def _unread_item(raw: str, later, options, keys, labels) -> bool:
    """True when a line a one-per-line ranking stops at is itself written like an item of it (a
    candidate named in other words, "Clinique vélo"): short, without sentence punctuation, not a
    name signing the letter nor a closing; or a later line names a candidate again."""
    if CORRECTION.search(clean(raw)) or any(parse_expr(line, options, keys, labels)[0] is not None for _, _, line in later):
        return True  # "A" then "actually B"; "Legal clinic", "Clinique vélo", "Tool library"
    return _item_like(raw) and bool(later) and _item_like(later[0][1])  # "Frigo communautaire", "Clinique des locataires"


def _item_like(raw: str) -> bool:
    """True when a line is short, without sentence punctuation, and not a name or a closing."""
    words = raw.split()
    if not 0 < len(words) <= 4 or re.search(r"[.,;:!?]", raw) or clean(words[0]) in COURTESY:
        return False
    return not all(w[:1].isupper() for w in words) if len(words) > 1 else words[0].islower()


def _one_item(line: str, options, keys, labels) -> bool:
    """True when a whole line names one candidate (a line of a list written one per line)."""
    item = _RANK_PREFIX.sub("", line).strip(" .")
    return parse_expr(item, options, keys, labels)[0] is not None or _by_name(_ONLY.sub("", item), options) is not None


# the rank number an item carries ("1) Léa", "Platz 2: Luis", "1순위 Amara")
_ITEM_RANK = re.compile(r"^\s*(?:(?:platz|rang|place|position|posición|puesto|posto|lugar|plaats|miejsce|место|sıra)\s*)?"
                        r"#?(\d{1,2})(?:st|nd|rd|th|er|e|re|ère)?\s*(?:位|순위|위|番|등)?\s*[.):：-]?\s*\S")


def _read_items(items: list[str], options, keys, labels, where: str) -> RankingReading:
    ranks = [_ITEM_RANK.match(item) for item in items]
    if all(ranks) and len(items) > 1 and [int(m.group(1)) for m in ranks] != list(range(1, len(items) + 1)):
        return RankingReading(None, f"{where}: the rank numbers are not 1, 2, 3 …")  # "Platz 2: …, Platz 1: …"
    ranking: list[int] = []
    for item in items:
        item = _RANK_SUFFIX.sub("", item.strip(" .")) or item  # "Maria first"
        index, why_not = parse_expr(item, options, keys, labels)  # "2番でお願いします" before its rank is taken off
        if index is None:
            index, why_not = parse_expr(_RANK_PREFIX.sub("", item) or item, options, keys, labels)
        if index is None and _ONLY.match(item):
            index, why_not = parse_expr(_ONLY.sub("", item), options, keys, labels)  # "Just childcare."
        if index is None:
            index = _by_name(_ONLY.sub("", item.strip(" .")), options)
        if index is None:
            return RankingReading(None, f"{where}: {why_not or 'not a candidate'}: {clean(item)[:60]!r}")
        if index in ranking:
            return RankingReading(None, f"{where}: {options[index]!r} is ranked twice")
        ranking.append(index)
    return RankingReading(ranking, f"read a ranking of {len(ranking)} on {where}: "
                                   + " > ".join(str(i + 1) for i in ranking))


# a rank written beside each candidate of a copied list: "[2] Kwame Asante", "(1) Maria Okafor",
# "Kwame Asante - 3", "Léa Roy: 2", "Samir Haddad (4)"; "[ ] Samir Haddad" is not ranked
_RANK_BEFORE = re.compile(r"^[\[(]\s*(\d{1,2})?\s*[\])]\s*(.+)$")
_RANK_AFTER = re.compile(r"^(.+?)\s*(?:[-–:=]\s*|[\[(]\s*)(\d{1,2})\s*[\])]?$")
# in a list written on one line, a rank after a name with a space only ("Priya 1, Henrik 2")
_RANK_AFTER_SPACED = re.compile(r"^(.+?)\s*(?:[-–:=]\s*|[\[(]\s*|\s)(\d{1,2})\s*[\])]?$")


def _ranks_beside(lines, options, keys, labels, spaced: bool = False) -> RankingReading | None:
    """The ranking of a copied candidate list with a rank number beside each ranked candidate
    (two lines or more, every line of that form), or of the items of one line each with its rank
    (`spaced`: "Priya 1, Henrik 2", every item ranked); None when the answer is not such a list."""
    ranked: list[tuple[int, int]] = []
    rows = 0
    for _, _, line in lines:
        m = _RANK_BEFORE.match(line) if not spaced else None
        rank, name = (m.group(1), m.group(2)) if m else (None, None)
        if not m:
            m = (_RANK_AFTER_SPACED if spaced else _RANK_AFTER).match(line)
            if not m:
                break
            name, rank = m.group(1), m.group(2)
        index = parse_expr(name.strip(" ."), options, keys, labels)[0]
        if index is None:
            index = _by_name(name.strip(" ."), options)
        if index is None or re.fullmatch(r"\d{1,2}", name.strip(" .")):
            break
        rows += 1
        if rank is not None:
            ranked.append((int(rank), index))
    if rows < 2 or not ranked or rows < len(lines) and rows < 2 or spaced and (rows < len(lines) or len(ranked) < rows):
        return None
    ranks = sorted(ranked)
    if spaced and all(rank == index + 1 for rank, index in ranked) and ranks != ranked:
        # "Henrik (2), Fatima (1)": the numbers are also the candidates' own on the ballot, the order
        # written says otherwise: a rank or a copied option number? asked back
        return RankingReading(None, "the numbers beside the candidates are their own numbers on the ballot, "
                                    "written in another order")
    if [r for r, _ in ranks] != list(range(1, len(ranks) + 1)):
        return RankingReading(None, "the ranks written beside the candidates are not 1, 2, 3 …")
    order = [index for _, index in ranks]
    return RankingReading(order, f"read the ranks written beside {len(order)} candidates: "
                                 + " > ".join(str(i + 1) for i in order))


def _corrected(lines, options) -> RankingReading | None:
    """The ranking after the member's last firm self-correction ("Sorry, I meant 1, 2, 3"), or None
    when there is none; a correction after which no ranking can be read is unclear."""
    last = last_match(lines, FIRM_CORRECTION)
    if last is None:
        return None
    number, after = last[1], text_after(lines, last)
    reading = read_ranking(after, options) if after.strip() else None
    if reading is None or reading.ranking is None:
        return RankingReading(None, f"line {number} corrects the ranking but gives no clear one")
    return RankingReading(reading.ranking, f"read the ranking as corrected on line {number}: "
                                           + " > ".join(str(i + 1) for i in reading.ranking))


def _swapped(before: str, after: str | None, options: list[str], number: int) -> RankingReading:
    """The order written before "swap the first two" (on line `number`) with its first two swapped;
    when the member writes the new order too, it must be that one (else asked back)."""
    first = read_ranking(before, options)
    if first.ranking is None or len(first.ranking) < 2:
        return RankingReading(None, f"line {number} swaps the first two of an order that cannot be read")
    ranking = [first.ranking[1], first.ranking[0]] + first.ranking[2:]
    if after and after.strip(" ."):
        again = read_ranking(after, options)
        if again.ranking != ranking:
            return RankingReading(None, f"line {number} swaps the first two, then writes another order")
    return RankingReading(ranking, f"read the ranking with its first two swapped as line {number} asks: "
                                   + " > ".join(str(i + 1) for i in ranking))


def _loosely_corrected(lines, options) -> RankingReading | None:
    """The ranking after the member's last loose self-correction ("B, D, A, C. Sorry, I mean B, D,
    C, A"; "actually", "I mean"), when a whole order of two candidates or more follows it, and of
    at least as many as an order written before it; else None, read as usual ("A" then "actually
    B": added or instead? asked back). After a whole order, fewer candidates, or words naming one
    without an order ("I changed my mind about Jonas"), are asked back; words naming none ("… can
    wait until spring") leave the order as written."""
    last = last_match(lines, CORRECTION)
    if last is None:
        return None
    after = text_after(lines, last)
    reading = _read_new_text(after, options) if after.strip() else None
    position, number, m = last
    before = _read_new_text("\n".join([text for _, _, text in lines[:position]] + [m.string[:m.start()]]), options)
    if before.ranking is not None and len(before.ranking) > 1 and (
            len(reading.ranking) < len(before.ranking) if reading is not None and reading.ranking is not None
            else _names_a_candidate(after, options)):
        # "Li Na, Amara, Jonas, Sofia. Actually, Sofia, Jonas": the top two only, or the whole order?
        return RankingReading(None, f"line {number} corrects an order of {len(before.ranking)} "
                                    "without writing a whole new one")
    if reading is None or reading.ranking is None or len(reading.ranking) < 2:
        return None
    return RankingReading(reading.ranking, f"read the ranking as corrected on line {last[1]}: "
                                           + " > ".join(str(i + 1) for i in reading.ranking))


def _names_a_candidate(text: str, options: list[str]) -> bool:
    """True when a word of `text`, or two words together ("li na"), is one candidate's name."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return any(name_label(w, options) is not None for w in words + [f"{a} {b}" for a, b in zip(words, words[1:])])
