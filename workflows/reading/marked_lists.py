"""Reading a ballot's option list that the member copied into the reply and marked. Pure functions.

People answer a paper-like ballot the way they would on paper: they copy the options and tick one
("[x] Online only", "X 2. (B) Raise the fee to $40", "Sunday afternoon X", "2. (B) Montréal  <--"),
or make the chosen line bold ("*2. (B) Montréal*": a plain-text client writes bold between asterisks).
A line is an option line when, once its mark is taken off, it is the ballot's line for one option
(number, letter and label as the ballot lists them, or some of them: "2. (B) Montréal", "(B)
Montréal", "Montréal"). When the member's first lines hold option lines and exactly one of them is
marked, that option is the vote; two marked, or a copied list (two option lines or more) with no
mark, is asked back. Anything else is left to `choices.read_vote`'s ordinary reading.
"""
from __future__ import annotations

import re

from workflows.reading.answer_lines import clean
from workflows.reading.accents import fold
from workflows.reading.option_expressions import option_keys, parse_expr

_MARK_BEFORE = re.compile(r"^(?:\[\s*[x✓✔☑*]\s*\]|\(\s*[x✓✔*]\s*\)|[x✓✔☑☒►➡→]\ufe0f?(?=\s)|\*(?=\s))\s*", re.I)
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(\S.*?\S|\S)\1")
_EMPTY_BOX = re.compile(r"^(?:\[\s*\]|\(\s*\)|☐)\s*")
_MARK_AFTER = re.compile(r"\s+(?:\[\s*x\s*\]|\(\s*x\s*\)|x|✓|✔\ufe0f?|☑\ufe0f?|←|⬅\ufe0f?|<-+|<=+)"
                         r"(?:\s*(?:this(?: one)?|mine|my (?:vote|choice)|ici|celle-ci))?\s*$", re.I)
_LIST_LINE = re.compile(r"^(?:(\d{1,2})\s*[.)]\s*)?(?:\(?([a-z])\)\s*)?(.*)$")
MAX_LIST_LINES = 12  # lines read: a copied list is at the top of the answer
MAX_LINE_CHARS = 300  # of each line: an option's line is short


def _option_line(text: str, options: list[str]) -> int | None:
    """The option whose ballot line `text` is (number, letter and label agreeing), else None."""
    m = _LIST_LINE.match(clean(text).strip(" .:-"))
    if not m:
        return None
    number, letter, label = m.group(1), m.group(2), m.group(3).strip(" .:-")
    _, labels = option_keys(options)
    found = {int(number) - 1} if number else set()
    if letter:
        found.add(ord(letter) - ord("a"))
    if label:
        index = labels.get(label, labels.get(fold(label)))
        if index is None:
            return None
        found.add(index)
    if len(found) != 1 or not label and not (number and letter):
        return None
    index = found.pop()
    return index if 0 <= index < len(options) else None


def _named(text: str, options: list[str]) -> int | None:
    """The option a marked line names the way a vote would (its label in other words), else None."""
    keys, labels = option_keys(options)
    return parse_expr(clean(text).strip(" .:-"), options, keys, labels)[0] if len(text) <= 120 else None


def read_marked_list(new_text: str, options: list[str]) -> tuple[int | None, str] | None:
    """(index, reason) for a copied option list with exactly one option marked; (None, reason)
    when the list is marked twice or not at all (asked back); None when the answer is no copied
    list (read as usual). Stops at a quoted line or a "-- " line; reads MAX_LIST_LINES lines."""
    rows: list[tuple[int, bool, bool]] = []
    for raw in (new_text or "").replace("\r", "").split("\n")[:MAX_LIST_LINES * 3]:
        line = raw[:MAX_LINE_CHARS].strip()  # the patterns below never see a longer line
        if line.startswith(">") or line in ("--", "-- "):
            break
        if not line:
            continue
        emphasis = _EMPHASIS.fullmatch(line)  # the one line made bold: "*2. (B) Sunday*" from Gmail's plain part
        line = emphasis.group(2).strip() if emphasis else line
        mark_before, bare = _MARK_BEFORE.match(line) or emphasis, _EMPTY_BOX.sub("", line)
        rest = line[mark_before.end():] if mark_before and not emphasis else bare
        mark_after = _MARK_AFTER.search(rest)
        rest = rest[:mark_after.start()] if mark_after else rest
        index = _option_line(rest, options)
        if index is None and (mark_before or mark_after):
            index = _named(rest, options)  # "Sunday afternoon X" on a ballot listing "Sunday 15 March, 14:00"
        if index is not None:
            rows.append((index, bool(mark_before or mark_after), bool(emphasis) and not mark_after))
        elif rows:
            break  # the list ends where the comment starts
        if len(rows) >= MAX_LIST_LINES:
            break
    # bold marks a line of a copied list only: "**YES**" alone is an answer in bold, read as usual
    marked = {index for index, mark, bold in rows if mark and (not bold or len(rows) > 1)}
    if len(marked) == 1:
        index = marked.pop()
        return index, f"read the option marked in the copied list as {options[index]!r}"
    if len(marked) > 1:
        return None, "the copied list of options has more than one marked"
    if len(rows) > 1:
        return None, "the options were copied without one being marked"
    return None


# a line of the ballot's own option list as quoted back ("> 2. (B) No", Outlook's unprefixed "2. (B) No"):
# the run of ">" and spaces opening it is taken whole (*+): tried from each of its places, 300 tabs
# cost ~13 ms a line (a reply of tab-indented lines with no answer: 3 s for 100 KB)
# what the member typed before it and after its label is their mark ("[x]", "X", "✓", "<-- this one", a rank)
_QUOTED_OPTION = re.compile(r"^[>\s]*+(.{0,12}?)\s*(\d{1,2})\.\s*\(([A-Z])\)\s+(.*)$")
# "- 2", "(2)", "[2]", and after an arrow ("-> 2", "→ 1", "<- 3": batch 11)
_RANK_MARK = re.compile(r"^\s*(?:(?:-+>|=+>|<-+|<=+|[→←⇒➡⬅]\ufe0f?|[-–:=])\s*)?[\[(]?\s*(\d{1,2})\s*[\])]?\s*$")
# the line that opens a forwarded message ("---------- Forwarded message ---------", "Begin forwarded message:")
_FORWARDED = re.compile(r"^[>\s]*+(?:-{2,}\s*)?(?:forwarded message|begin forwarded message|original message follows"
                        r"|message transféré|début du message réexpédié|weitergeleitete nachricht|mensaje reenviado"
                        r"|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|пересланное сообщение)\b", re.I)
# Pieces of `_FORWARDED`'s openings, one in each of its ASCII ones: in an ASCII text a line it
# matches holds its opening lower-cased (case-blind, an ASCII character matches only its own two
# cases), so a text whose lower-cased form holds none of them opens no forwarded message (one scan
# of the text in C, where the pattern was tried on every line: ~2,800 instructions each)
_FORWARDED_CUES = ("messag", "nachricht", "reenviado", "bericht", "encaminhada")
# the "(B)" an option's line holds (`_QUOTED_OPTION` needs it): a line without one is no option line
_LETTER_IN_PARENS = re.compile(r"\([A-Z]\)")
# the ballot's line above its option list (templates/*/vote_ballot.txt), as quoted back
_OPTIONS_TITLE = re.compile(r"^[>\s]*+options\s?:\s*$", re.I)
MAX_QUOTE_CHARS = 200_000  # of the whole text searched for the quoted ballot


def quoted_ballot_marks(text: str, options: list[str]) -> list[str] | None:
    """What the member wrote beside each option of the ballot quoted in their reply: one string per
    option ("" when unmarked), from the one place where the ballot's whole option list is quoted
    (every option's line "N. (L) label", in order, on consecutive lines) and at least one line
    carries more than the ballot wrote, or where the member kept some of its lines in order under
    the ballot's "Options:" line and marked one ("> 1. (A) Yes  X", the other options deleted:
    unkept options are unmarked); [] when the list is quoted unmarked; None when no list is
    quoted, or several are marked. Linear in the text: each line is matched once, and only its
    first MAX_LINE_CHARS characters."""
    text = (text or "")[:MAX_QUOTE_CHARS]
    if "(A)" not in text:
        return None  # the list's first line is "1. (A) …": no list is quoted (one scan in C)
    text = text.replace("\r", "")
    lower = text.lower() if text.isascii() else None
    may_forward = lower is None or any(cue in lower for cue in _FORWARDED_CUES)  # (see _FORWARDED_CUES)
    found: list[list[str]] = []
    block: dict[int, str] = {}  # the option lines of the run being read, by option
    under_title = after_title = False  # the run opens right under the ballot's "Options:" line
    for raw in text.split("\n") + [""]:
        m = (_QUOTED_OPTION.match(raw[:MAX_LINE_CHARS].replace("\u00a0", " "))
             if "(" in raw and _LETTER_IN_PARENS.search(raw) else None)  # most quoted lines hold no "(B)"
        position = int(m.group(2)) - 1 if m else -1
        option = (m is not None and 0 <= position < len(options) and m.group(3) == chr(ord("A") + position)
                  and m.group(4).startswith(options[position]))
        if not option or position <= max(block, default=-1):
            # the run ends: the whole list, or the lines the member kept of it with their mark
            # ("> 1. (A) Yes  X" with the other options deleted)
            if block and (len(block) == len(options) or under_title and any(block.values())):
                found.append([block.get(k, "") for k in range(len(options))])
            block = {}
        if option:
            if not block:
                under_title = after_title
            before, after = m.group(1).strip(), m.group(4)[len(options[position]):].strip()
            block[position] = " ".join(part for part in (before, after) if part)
        elif raw and may_forward and _FORWARDED.match(raw[:MAX_LINE_CHARS]):
            break  # a message forwarded below: its marks are someone else's
        # the title ends with its colon (`\s` is what `rstrip` takes off): only such a line is tried
        after_title = (":" in raw and raw[:MAX_LINE_CHARS].rstrip().endswith(":")
                       and _OPTIONS_TITLE.match(raw[:MAX_LINE_CHARS]) is not None)
    marked = [marks for marks in found if any(marks)]
    return marked[0] if len(marked) == 1 else None if marked else [] if found else None


def read_marked_quote(marks: list[str] | None, options: list[str]) -> tuple[int | None, str] | None:
    """(index, reason) when exactly one option of the quoted ballot is marked (an X, a tick, an
    arrow, "[x]"); (None, reason) when several are; None when none is. `marks` is what
    `quoted_ballot_marks` found beside the quoted options."""
    if not marks:
        return None
    marked = [i for i, mark in enumerate(marks) if mark and (_MARK_BEFORE.match(mark + " ") or _MARK_AFTER.search(" " + mark))]
    if len(marked) == 1 and all(not mark or i == marked[0] for i, mark in enumerate(marks)):
        return marked[0], f"read the option marked in the quoted ballot as {options[marked[0]]!r}"
    if marked:
        return None, "the quoted ballot has more than one option marked"
    return None


def quoted_ranks(text: str, options: list[str]) -> list[int] | None | str:
    """The ranking written as a number beside each ranked option of the quoted ballot (option
    indices, first preference first); a reason string when the numbers are not 1, 2, 3 … or a mark
    is not a number; None when the quoted ballot carries no marks."""
    marks = quoted_ballot_marks(text, options)
    if not marks:
        return None
    ranks: list[tuple[int, int]] = []
    for index, mark in enumerate(marks):
        if not mark:
            continue
        m = _RANK_MARK.match(mark)
        if not m:
            return "a mark beside the quoted candidates is not a rank"
        ranks.append((int(m.group(1)), index))
    ranks.sort()
    if [r for r, _ in ranks] != list(range(1, len(ranks) + 1)):
        return "the ranks written beside the quoted candidates are not 1, 2, 3 …"
    return [index for _, index in ranks]
