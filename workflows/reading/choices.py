"""Reading a member's vote from a reply to a ballot. Pure functions.

Recognised on the first line that mentions an option (at most the first three meaningful lines
of `answer_lines` are looked at): YES / NO / ABSTAIN in any case, with punctuation, quotation
marks, emphasis or emoji around ("Yes!", "**YES**", "\"Yes\"", "Yes 👍"), after "I vote", "je
vote", "voto" …, before a comment ("Yes, I support it"), after an apology or a remark on the same
line ("Sorry for the delay - yes from us"), and in the languages of `answer_words` ("Да", "Ja,
dafür", "Tak.", "賛成", "ich enthalte mich"); an option's number, letter, ordinal or label as
`option_expressions` reads them. YES/NO words map to the options labelled Yes/Oui/For/Pour,
No/Non/Against/Contre, Abstain/Abstention; with other options they are not options. "+1" and
"-1" are read as YES and NO on a yes/no ballot only.

Assent is one rule (`answer_idioms`): words that judge the proposal ("Sounds good", "Works for
me", "Fine by me", "OK for me", "Ça me va") are YES on a yes/no ballot, as the whole answer, and
the reading says so (`assent`): the same words thank for a receipt, so the ballot reply never lets
them replace a vote already recorded. On a ballot of other options they follow an option ("Ottawa
works for me", "B sounds good") and name nothing alone. A bare acknowledgement ("OK", "Okay",
"Fine", "Great") only says the ballot arrived: asked back, on any ballot ("OK, yes" counts).

A member who corrects themselves in the same reply ("Yes — sorry, I meant No", "Option 2,
correction: option 3", "A … actually B") has the corrected choice read; a correction that names
no clear option is asked back. Two different options on the line, a hedge ("maybe", "C would also
be fine", a question mark), another segment of the line that is by itself another option's
answer ("はい、反対です"), a condition ("Yes, if …", "yes as long as …", "Ja, sofern …"; not
the ordinary "Sí, se puede", "Ja, wenn auch ungern", "yes, if I may say so") or an option word
inside a sentence that is not a clear vote make the answer ambiguous: never guessed, the
workflow asks the member once to clarify. Reasons are short English sentences for `convenor
inspect`. Options named only in a segment that rules them out ("Not the raise, and not the
sliding scale either. Keep it.") are no second choice. A doubt the member overrules before "but",
naming no option, is no hedge: what follows "but" is the answer ("Not sure about it, but yes",
"Not sure, but yes", "Not sure what 'sliding scale' means, but B", "I might be wrong, but no");
a hedge on the answer itself stays one ("Maybe yes", "Maybe yes, but I must check", "Yes, but
maybe not", "Not sure. Yes.").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from workflows.reading.answer_idioms import ASSENT_IDIOMS
from workflows.reading.answer_lines import last_match, meaningful_lines
from workflows.reading.ballot_echoes import without_title
from workflows.reading.answer_words import ANSWER_TO_KEY, WORD_TO_KEY, CONDITION, CORRECTION, DEFERRAL, EXCLUSION, FIRM_CORRECTION, HEDGE
from workflows.reading.label_variants import pronoun_mentions
from workflows.reading.marked_lists import quoted_ballot_marks, read_marked_list, read_marked_quote
from workflows.reading.option_expressions import (FRAME_CHARS, mentions, opens_with_answer_word, option_keys, parse_expr,
                                                  strip_frame)
from workflows.reading.person_labels import addresses_candidate, is_salutation, name_label
from workflows.reading.positions import listed_position


@dataclass(frozen=True)
class VoteReading:
    """What was read from a reply to a ballot: the option's index, or why none was counted."""

    choice: int | None
    ambiguous: bool
    reason: str
    assent: bool = False  # read from words of assent alone ("Sounds good"): they also thank for a receipt


_SPLIT = re.compile(r"\s*(?:(?<!\d)[.,:]|[.,:](?!\d)|[!;()—–、。]|\s--?\s|\bbut\b|\bmais\b|\bbecause\b|\bcar\b|\bparce\b"
                    r"|\bas\b|\bsince\b|\bcomme\b|\bgiven\b)\s*")
# what every match of _SPLIT holds (a mark, a dash or one of its words): looked for first, because
# _SPLIT opens with `\s*` and the engine tries it at every character (~1 µs a character); a line
# without any of these has no match, and its split is the line itself
_SPLIT_HINT = re.compile(r"[.,:!;()—–、。-]|but|mais|because|car|parce|as|since|comme|given")


def _split(line: str, maxsplit: int = 0) -> list[str]:
    """`_SPLIT.split(line, maxsplit)`, without running `_SPLIT` on a line it cannot match."""
    if _SPLIT_HINT.search(line) is None:
        return [line]
    return _SPLIT.split(line, maxsplit=maxsplit)


@functools.lru_cache(maxsize=1024)
def _segments(line: str) -> tuple[str, ...]:
    """The line's segments between sentence punctuation, " - ", "but" … (`_SPLIT`): split once
    per line however many rules read them."""
    return tuple(_split(line))


# a segment that rules out what it names ("not the raise", "and not the sliding scale either", "nor C")
_NEGATED = re.compile(r"^(?:and |but |or |et |mais |aber |y |e )?(?:not|nor|never|no|pas|non pas|nicht|nie|не|ni"
                      r"|niet|nunca|jamais|mai|nem|none of)\b")
# a doubt the member overrules before the choice ("Not sure about it, but yes", "Not sure what
# 'sliding scale' means, but B", "I might be wrong, but no"): a doubt, then "but" and the answer
_DOUBT_BEFORE_BUT = re.compile(r"(?:" + HEDGE.pattern + r"|\b(?:pas sûre?|nicht sicher|no estoy segur[oa]"
                               r"|non sono sicur[oa]|i'm torn|hard to say|difficile à dire|schwer zu sagen)\b)"
                               r"[^.!?]{0,120}?[,;]?\s*(?=\b(?:but|mais|aber|pero|ma|maar)\b\s*[^\s.!?])")
# a hedge on the answer itself ("Maybe not, but yes"): never overruled by what follows
_HEDGED_NO = re.compile(r"\b(?:maybe|perhaps|probably|possibly|peut-être|vielleicht|quizás|tal vez|forse)[\s,]+"
                        r"(?:not|no|pas|nicht|non)\b", re.I)

# a question about something the ballot says, before the choice: overruled even when it names an
# option ("Not sure what 'sliding scale' means, but B")
_HEDGE_ABOUT = re.compile(r"\b(?:not sure|unsure|pas sûr|pas sûre|nicht sicher|no estoy segur[oa]|non sono sicur[oa])"
                          r"\s+(?:what|how|why|whether|where|who|ce que|comment|pourquoi|was|wie|warum|qué|cómo"
                          r"|cosa|come)\b[^,;.!?]{0,120}[,;]?\s*(?=(?:but|mais|aber|pero|ma)\b)")


# a question asked after "but" on the answer's line ("Ja, maar wat kost het ons precies?", "Yes, but
# who pays for it?"): the answer waits on it (batch 10)
_BUT_QUESTION = re.compile(r"\b(?:but|mais|aber|pero|ma|maar|mas|men|ale|но|ama|ancak|mutta)\b[^.!]{0,160}\?")
# "yes" that agrees to do something else than the ballot asks ("Yes, I can bring the banner …"): an
# offer or an errand, not a vote (batch 10); "Yes, I can live with it", "yes, I'll support it" are votes
_ERRAND = re.compile(r"^\W*(?:yes|yeah|yep|sure|ok|okay)(?:\s*,\s*|\s+)(?:i|we)\s*(?:can|could|will|'ll|would be happy to|'d be happy to"
                     r"|am happy to|'m happy to)\s+(?!(?:live|support|back|agree|accept|approve|vote|go|get|endorse|sign|be"
                     r"|stand|stick|say|count)\b)[a-z]+\b")

# the marks of irony a person reads as taking the answer back: an eye-roll, a smirk, "/s", "yeah right"
_IRONY = re.compile(r"[\U0001F644\U0001F612\U0001F60F\U0001F643]|(?<!\w)/s\s*$|\byeah,? right\b", re.I)


def _without_overruled_doubts(line: str, options, keys, labels) -> str:
    """The line without the doubts it overrules: a hedge before "but" that names no option, the
    answer following "but" ("Not sure about it, but yes" is a yes; "Maybe yes, but I must check",
    "Yes, but maybe not", "Maybe not, but yes" and a "but" with nothing after it keep their hedge)."""
    if not any(word in line for word in _BUT_WORDS):
        return line  # both patterns end looking ahead at one of these words: a line without any is as it is
    return _DOUBT_BEFORE_BUT.sub(lambda m: m.group(0) if _HEDGED_NO.search(m.group(0))
                                 or mentions(m.group(0), options, keys, labels)
                                 or _segment_answers(m.group(0), options, keys, labels)
                                 or parse_expr(m.group(0).strip(), options, keys, labels)[0] is not None
                                 else " ", _HEDGE_ABOUT.sub(" ", line))


# what the look-ahead of `_DOUBT_BEFORE_BUT` and `_HEDGE_ABOUT` needs ("mais" and "maar" hold "ma"):
# a line holding none of these is left as it is, without trying both patterns at every character
_BUT_WORDS = ("but", "ma", "aber", "pero")


def _segment_answers(line: str, options, keys, labels) -> set[int]:
    """The options the line's segments (between sentence punctuation, "but" …) each are by themselves."""
    found = set()
    for segment in _segments(line):
        if segment and segment != line:
            index, _ = parse_expr(segment, options, keys, labels)
            if index is not None:
                found.add(index)
    return found


# an answer about a part of the question ("no on the reserve", "yes to the amendment", "non sur le loyer")
_PART_ANSWER = re.compile(r"^(\w+)\s+(?:on|to|for|about|sur|pour|à|au)\s+\w")


def _part_answers(line: str, keys: dict[str, int]) -> set[int]:
    """The options of the line's segments that answer about a part of the question ("Yes on the
    motion, no on the amendment": both)."""
    found = set()
    for segment in _segments(line):
        m = _PART_ANSWER.match(segment)
        if m and WORD_TO_KEY.get(m.group(1)) in keys:
            found.add(keys[WORD_TO_KEY[m.group(1)]])
    return found


def _ruled_out(line: str, options, keys, labels) -> set[int]:
    """The options the line names only inside segments that rule them out ("Not the raise, and not
    the sliding scale either. Keep it."): named there, they are not a second choice."""
    out: set[int] = set()
    kept: set[int] = set()
    for segment in _segments(line):
        if not segment:
            continue
        named = mentions(segment, options, keys, labels) | {labels[label] for label in
                                                             pronoun_mentions(segment, tuple(labels))}
        if _NEGATED.match(segment):
            out |= named
        else:
            kept |= named
    return out - kept


# a refusal said before an option's name ("no to no honorarium", "not the raise", "against B")
_REFUSING = re.compile(r"^(?:no (?:to|for)|not|never|against|non (?:à|au|aux)|nein zu|gegen|no a|contra|contro"
                       r"|niet|nicht)\s+\S")


def _refused(line: str, index: int, options, keys, labels) -> bool:
    """True when the line refuses the option it names rather than choosing it: a bare "no" after
    its name ("No honorarium, no", "Sin honorarios, no", "Postpone. No.") or a refusal before it
    ("no to no honorarium", "against B"). On a ballot with a No option that "no" is the ballot's
    own answer: a doubled one ("No, no") stays No, another option with it is asked back as two."""
    if "NO" in keys:
        return False
    segments = [segment for segment in _segments(line) if segment.strip(FRAME_CHARS)]
    for position, segment in enumerate(segments):
        refusing = _REFUSING.match(segment)
        if refusing and parse_expr(segment[refusing.end() - 1:], options, keys, labels)[0] == index:
            return True  # "no to no honorarium"
        if parse_expr(segment, options, keys, labels)[0] == index:
            return any((WORD_TO_KEY.get(bare) or ANSWER_TO_KEY.get(bare)) == "NO"
                       for later in segments[position + 1:] if (bare := strip_frame(later)))
    return False


def _assent_only(head: str) -> bool:
    """True when the words read are assent alone ("Sounds good", "OK for me", "ça me va, merci")."""
    return any(form in ASSENT_IDIOMS for form in (head.strip(FRAME_CHARS), strip_frame(head)))


def _conditional(line: str) -> bool:
    """True when the words right after the answer's first word set a condition ("yes unless …",
    "yes as long as …", "ja, sofern …", "I'd vote yes if …")."""
    framed = strip_frame(line)
    first = re.match(r"\S+", framed)
    return bool(first) and bool(CONDITION.match(framed[first.end():first.end() + 80]))


def _later_answer(lines, options, keys, labels, index: int) -> tuple[int, str] | None:
    """(line number, line) of a later line that is by itself the answer of another option
    ("Yes" then "No" on the next line), else None."""
    for number, raw, line in lines:
        other, _ = parse_expr(line, options, keys, labels)
        if other is not None and other != index:
            return number, raw
    return None


def _one_segment(line: str, options, keys, labels) -> tuple[int | None, str]:
    """(index, segment) when exactly one of the line's segments (between sentence punctuation,
    " - ", "but" …) is by itself an option's answer ("Sorry for the delay - yes from us"), else
    (None, "")."""
    found, others = {}, False
    for segment in _segments(line):
        index, _ = parse_expr(segment, options, keys, labels) if segment.strip() else (None, None)
        if index is not None:
            found.setdefault(index, segment)
        else:
            others = others or opens_with_answer_word(segment)  # "No problem, yes": asked back
    return next(iter(found.items())) if len(found) == 1 and not others else (None, "")


# the vote said at the end of a sentence whose beginning gives a reason or names the voter ("After
# thinking about it over the weekend I'm going to say no", "Since I only joined in November I'll
# abstain on this one", "We (Eastside Tenants' Association) vote yes"): batch 11
_VOICED = re.compile(r"(?:(?<![\w'])(?:i|we)|\))\s*(?:(?:'m|am|'re|are) (?:going to|gonna) (?:say|vote(?: for)?)"
                     r"|(?:'ll|will|shall) (?:say|vote(?: for)?)|(?:'ll|will)(?=\s+abst)|vote(?: for)?)\s+"
                     r"|(?<![\w'])(?:my|our) vote (?:is|will be)\s+")
_NEGATION = re.compile(r"(?<![\w'])(?:not|never|n't|don't|won't|can't|cannot|neither|nor)(?![\w'])|n't\b")


def _voiced(line: str, options, keys, labels) -> tuple[int | None, str]:
    """(index, answer) of a vote said after "I'm going to say", "I'll abstain", "we … vote" past the
    line's start, when what comes before names no option and holds no question, doubt or negation;
    else (None, "")."""
    found = None
    for found in _VOICED.finditer(line):
        pass
    if found is None or not found.start():
        return None, ""
    head = line[:found.start()]
    if (mentions(head, options, keys, labels) or "?" in head or HEDGE.search(head) or _NEGATION.search(head)
            or opens_with_answer_word(head)):
        return None, ""
    answer = _segments(line[found.end():])[0]
    index, _ = parse_expr(answer, options, keys, labels) if answer.strip() else (None, None)
    return (index, answer) if index is not None else (None, "")


def _read_lines(lines, options: list[str]) -> VoteReading:
    """The vote the first line that mentions an option gives (see the module doc)."""
    keys, labels = option_keys(options)
    for position, (number, raw, line) in enumerate(lines):
        if is_salutation(raw, options) or addresses_candidate(raw, options) or (position and " " not in line and name_label(line, options, True) is not None
                                            and parse_expr(line, options, keys, labels)[0] == name_label(line, options, True)
                                            and line not in labels):
            continue  # "Léa," opens the letter; a first name alone under the text signs it ("… running again :)" / "Mei")
        mentioned = mentions(line, options, keys, labels)
        index, why_not = parse_expr(line, options, keys, labels)
        head, rest = line, ""
        if index is None and why_not is None:
            parts = _split(line, maxsplit=1)
            if len(parts) == 2 and parts[0]:
                index, why_not = parse_expr(parts[0], options, keys, labels)
                head, rest = parts
        if index is None and why_not is None and len(set(strip_frame(line).split())) == 1:
            index, why_not = parse_expr(strip_frame(line).split()[0], options, keys, labels)
        if index is None and why_not is None:
            index, head = _one_segment(line, options, keys, labels)
            rest = line if index is not None else rest
        if index is None and why_not is None:
            index, head = _voiced(line, options, keys, labels)  # "… I'm going to say no"
            rest = line if index is not None else rest
        if index is not None:
            others = (mentioned | mentions(rest, options, keys, labels)
                      | {labels[label] for label in pronoun_mentions(line, tuple(labels))}) - {index}
            if others:
                others -= _ruled_out(line, options, keys, labels) - {index}
            others |= _segment_answers(line, options, keys, labels) - {index}  # "はい、反対です", "A in spring, B in autumn"
            others |= _part_answers(line, keys) - {index}  # "Yes, no on the reserve": a split vote
            if others:
                names = ", ".join(repr(options[i]) for i in sorted(others | {index}))
                return VoteReading(None, True, f"line {number} names more than one option "
                                               f"({names}): {raw!r}")
            if (HEDGE.search(_without_overruled_doubts(line, options, keys, labels)) or "?" in head or CONDITION.match(rest[:80]) or _conditional(line)
                    or DEFERRAL.search(line)  # "Yes, got it! Will vote after our board meets"
                    or _BUT_QUESTION.search(line) or _ERRAND.search(line)  # "Ja, maar wat kost het?"
                    or _IRONY.search(raw)  # "Oh yes, because that always works 🙄"
                    or ("?" in line and pronoun_mentions(head, tuple(labels)))  # "Keep it as is?"
                    or (head != line and any(CONDITION.match(s) for s in _segments(line) if s))):
                return VoteReading(None, True, f"line {number} is not a firm answer: {raw!r}")
            if _refused(line, index, options, keys, labels):
                return VoteReading(None, True, f"line {number} rules {options[index]!r} out rather than "
                                               f"choosing it: {raw!r}")
            later = _later_answer(lines[position + 1:], options, keys, labels, index)
            if later is not None:
                return VoteReading(None, True, f"line {number} and line {later[0]} answer differently: "
                                               f"{raw!r}, {later[1]!r}")
            if (_assent_only(head) and not mentions(line, options, keys, labels)
                    and not any(parse_expr(segment, options, keys, labels)[0] is not None and not _assent_only(segment)
                                for segment in _segments(line) if segment.strip())):  # not "Good idea, I support it"
                return VoteReading(index, False, f"read {raw!r} on line {number} as {options[index]!r} (assent)",
                                   assent=True)
            return VoteReading(index, False, f"read {raw!r} on line {number} as {options[index]!r}")
        if why_not is not None:
            return VoteReading(None, True, f"line {number}: {why_not}: {raw!r}")
        if len(mentioned) > 1:
            names = ", ".join(repr(options[i]) for i in sorted(mentioned))
            return VoteReading(None, True, f"line {number} names more than one option ({names}): "
                                           f"{raw!r}")
        if mentioned:
            return VoteReading(None, True, f"line {number} mentions {options[mentioned.pop()]!r} "
                                           f"but is not a clear vote: {raw!r}")
    return VoteReading(None, True, f"no option read in the first {len(lines)} line(s)")


def _corrected(lines, options: list[str]) -> VoteReading | None:
    """The vote after the member's last self-correction ("sorry, I meant No", "actually B"), or
    None when there is none. A firm correction ("I meant", "correction:") after which no clear
    option follows is ambiguous; after a loose one ("actually") the whole answer is read as usual."""
    last = last_match(lines, CORRECTION)
    if last is None:
        return None
    position, number, m = last
    after = [(number, m.string[m.end():].strip(" .,;:!-"), m.string[m.end():].strip(" .,;:!-"))]
    after = [a for a in after if a[2]] + lines[position + 1:]
    reading = _read_lines(after, options) if after else None
    if reading is not None and reading.choice is not None:
        return VoteReading(reading.choice, False, f"read {options[reading.choice]!r} as corrected on "
                                                  f"line {number}")
    if FIRM_CORRECTION.search(m.group(0)) or any("?" in line for _, line, _ in after):
        # "Sure, why not? Actually wait, what does it cost?": taken back with a question
        return VoteReading(None, True, f"line {number} corrects the vote but names no clear option")
    return None


def read_vote(new_text: str, options: list[str], text: str = "", title: str = "") -> VoteReading:
    """Read a vote from the first meaningful lines of a reply's new text.

    Promises: `choice` is an index into `options` and `ambiguous` is False only when exactly one
    option is clearly chosen on the first line that mentions any (or after the member's own
    correction); otherwise `choice` is None and `ambiguous` is True. An empty text gives reason
    "no text". `reason` says what was read and on which line (e.g. "read 'YES' on line 1 as
    'Yes'"). Never reads past a quoted line; never raises. With the reply's whole `text`, an
    answer that names no option and doubts nothing ("", "See below") is the option the member
    marked in the quoted ballot (`marked_lists.read_marked_quote`), when exactly one is; an answer
    that names another option than the one marked there is asked back. With the
    vote's `title`, the title named after the answer is the question, not an option ("Yes on the
    budget": `ballot_echoes.without_title`).
    """
    found = meaningful_lines(new_text)  # read once: the answer's first lines, whatever is asked of them
    reading = _read_new_text(new_text, found, options, title)
    if not text or reading.choice is None and not _no_answer_in(found, reading):
        return reading
    marks = quoted_ballot_marks(text, options)  # read once: the quoted list, whatever is asked of it
    marked = read_marked_quote(marks, options)
    if reading.choice is not None:
        if marked is not None and marked[0] is not None and marked[0] != reading.choice:
            # "No" written above a quoted ballot with Yes marked: two answers, asked back
            return VoteReading(None, True, f"{reading.reason}, but {options[marked[0]]!r} is marked "
                                           f"in the quoted ballot")
        return reading
    if marked is not None:
        return VoteReading(marked[0], marked[0] is None, marked[1])
    lines = found[:1]
    if lines and option_keys(options)[0] and marks is not None:
        index = listed_position(strip_frame(lines[0][2]), len(options))  # "the second one" of the list quoted below
        if index is not None:
            return VoteReading(index, False, f"read {lines[0][1]!r} on line {lines[0][0]} as {options[index]!r}, "
                                             f"by its place in the quoted ballot")
    return reading


def _no_answer_in(found: list[tuple[int, str, str]], reading: VoteReading) -> bool:
    """True when the new text's meaningful lines (`found`) name no option and hold no doubt,
    question or delay of their own."""
    if reading.reason == "no text":
        return True
    plain = " ".join(line for _, _, line in found)
    return (reading.reason.startswith("no option read") and "?" not in plain and not HEDGE.search(plain)
            and not DEFERRAL.search(plain) and not CONDITION.search(plain))


def _read_new_text(new_text: str, found: list[tuple[int, str, str]], options: list[str],
                   title: str = "") -> VoteReading:
    """The vote of the new text alone, whose meaningful lines are `found` (see `read_vote`)."""
    lines = [(number, raw, without_title(line, title)) for number, raw, line in found]
    if not lines:
        return VoteReading(None, True, "no text")
    marked = read_marked_list(new_text, options)
    if marked is not None:
        return VoteReading(marked[0], marked[0] is None, marked[1])
    if EXCLUSION.search(lines[0][2]):
        return VoteReading(None, True, f"line {lines[0][0]} rules an option out rather than choosing one: "
                                       f"{lines[0][1]!r}")
    return _corrected(lines, options) or _read_lines(lines, options)
