"""A line of a member's reply to a ballot cut into segments, and what each segment says by itself.

A line is cut at sentence marks, " - " and words such as "but", "because", "since" (`segments`):
"Sorry for the delay - yes from us" holds one segment that is by itself an answer
(`one_segment`); "はい、反対です" holds two (`segment_answers`); "Yes on the motion, no on the
amendment" answers about parts (`part_answers`); "Not the raise, and not the sliding scale either"
names options only to rule them out (`ruled_out`); "No honorarium, no" refuses the option it names
(`refused`); "After thinking it over I'm going to say no" says the vote at the end of a sentence
(`voiced`). Pure functions, used by `choices` (the vote reader) and `firm_answers`.
"""
from __future__ import annotations

import functools
import re

from workflows.reading.answer_words import ANSWER_TO_KEY, CONDITION, HEDGE, WORD_TO_KEY
from workflows.reading.better_remarks import better_remark, makes_comparison
from workflows.reading.label_search import label_pattern
from workflows.reading.label_variants import pronoun_mentions
from workflows.reading.option_expressions import FRAME_CHARS, mentions, opens_with_answer_word, parse_expr, strip_frame
from workflows.reading.person_labels import name_label
from workflows.reading.set_aside import ALSO_FINE, CONCEDED, OWN_CHOICE, PART_ANSWER


_SPLIT = re.compile(r"\s*(?:(?<!\d)[.,:]|[.,:](?!\d)|[!;()—–、。]|\s--?\s|\bbut\b|\bmais\b|\bbecause\b|\bcar\b|\bparce\b"
                    r"|\bas\b|\bsince\b|\bcomme\b|\bgiven\b)\s*")
# what every match of _SPLIT holds (a mark, a dash or one of its words): looked for first, because
# _SPLIT opens with `\s*` and the engine tries it at every character (~1 µs a character); a line
# without any of these has no match, and its split is the line itself
_SPLIT_HINT = re.compile(r"[.,:!;()—–、。-]|but|mais|because|car|parce|as|since|comme|given")


def split_line(line: str, maxsplit: int = 0) -> list[str]:
    """`_SPLIT.split(line, maxsplit)`, without running `_SPLIT` on a line it cannot match."""
    if _SPLIT_HINT.search(line) is None:
        return [line]
    return _SPLIT.split(line, maxsplit=maxsplit)


@functools.lru_cache(maxsize=1024)
def segments(line: str) -> tuple[str, ...]:
    """The line's segments between sentence punctuation, " - ", "but" … (`_SPLIT`): split once
    per line however many rules read them."""
    return tuple(split_line(line))



# a segment that rules out what it names ("not the raise", "and not the sliding scale either", "nor C")
_NEGATED = re.compile(r"^(?:and |but |or |et |mais |aber |y |e )?(?:not|nor|never|no|pas|non pas|nicht|nie|не|ni"
                      r"|niet|nunca|jamais|mai|nem|none of)\b")

# batch 19: another option named with "too" in a segment after the choice ("Tomás, but Priya too", "B, although
# A too", "Voto por Tomás, aunque Priya también"): a second choice, whatever concession opens its segment
_ALSO = re.compile(r"^(?:(?:and|but|although|though|even though|aunque|pero|y|mais|et|bien que|aber|und|obwohl|ma|e"
                   r"|maar|en|mas|embora|ale|i|or|ou|o|oder|of|lub)\s+)*(\S.{0,60}?)\s+(?:too|as well|also|aussi|également"
                   r"|auch|también|anche|ook|também|też|тоже|även|också|også|myös)$")


def also_named(line: str, options, keys, labels) -> set[int]:
    """The options a segment of the line names with "too" ("…, but Priya too", "…, aunque B también"); not
    one accepted as a fallback ("though A is fine too": `set_aside.ALSO_FINE`, `firm_answers`' to weigh)."""
    found: set[int] = set()
    for segment in segments(line):
        m = _ALSO.match(segment) if segment and not ALSO_FINE.search(segment) else None  # not "though A is fine too"
        if m:
            index = parse_expr(m.group(1), options, keys, labels)[0]
            index = name_label(m.group(1), options, True) if index is None else index
            if index is not None:
                found.add(index)
    return found


# batch 20: "or" opening a segment ("Sim, ou não", "Tak... albo nie", "Da, sau nu", "Marta, or Oluwaseun"): what
# follows it is offered as another answer; the words of "or" where the answer words are not read inside a line
_OR = re.compile(r"^(?:or|ou|o|oder|of|eller|albo|lub|или|або|чи|ή|nebo|alebo|vagy|tai|sau|ya da|veya|yoksa|atau"
                 r"|hoặc|ili|arba|või|vai|ó)\s+(?=\S)|^(?:还是|或者|或是|或|または|それとも|아니면|또는)\s*(?=\S)")


# review20: the condition an option offered after "or" is held to ("or the park if it's dry", "or Oluwaseun if she
# withdraws")
_HELD_TO = re.compile(r"\s+(?:if|unless|in case|si|wenn|falls|se|als|indien|jeśli|jeżeli|если|om|hvis|jos)(?![\w'])")

# review20: an option said better ("the park's better", "though the park is better") with a "but" after it that
# takes the merit back ("… but it floods"): no second answer
_BUT_NEXT = re.compile(r"\s*[,;]?\s*(?:but|mais|aber|pero|maar|ma)(?![\w'])")


def standing_segments(line: str) -> list[str]:
    """The line's `segments`, without one that says another option better when a "but" after it takes
    that back ("B. The park's better but it floods": the park is no second answer)."""
    found, at = [], 0
    for segment in segments(line):
        at = line.find(segment, at) + len(segment) if segment else at
        if not (segment and makes_comparison(segment) and _BUT_NEXT.match(line, at)):
            found.append(segment)
    return found


def segment_answers(line: str, options, keys, labels) -> set[int]:
    """The options the line's segments (between sentence punctuation, "but" …) each are by themselves,
    or after an "or" that opens them ("Sim, ou não": both)."""
    found = set()
    for segment in standing_segments(line):
        if segment and segment != line:
            index, _ = parse_expr(segment, options, keys, labels)
            offered = _OR.match(segment)
            if index is None and offered and segment[offered.end():].strip():
                index, _ = parse_expr(segment[offered.end():], options, keys, labels)
                first, *tail = segment[offered.end():].split(maxsplit=1)
                first = first.strip(FRAME_CHARS)
                if (index is None and opens_with_answer_word(segment[offered.end():]) and WORD_TO_KEY[first] in keys
                        and (not tail or CONDITION.match(tail[0]))):  # review20: not "or no one will", "o no servirá"
                    index = keys[WORD_TO_KEY[first]]  # "Yes, or no if the cost rises": the other answer, held to a condition
                held = _HELD_TO.search(segment, offered.end()) if index is None else None
                if held:  # review20: "Online, or the park if it's dry": another option offered under a condition
                    index, _ = parse_expr(segment[offered.end():held.start()], options, keys, labels)
            elif index is not None and offered:  # batch 21: "Abstain, or no if abstentions count against": the
                first, *tail = segment[offered.end():].split(maxsplit=1)  # answer word offered, not the condition's
                first = first.strip(FRAME_CHARS)
                if (opens_with_answer_word(segment[offered.end():]) and WORD_TO_KEY.get(first) in keys
                        and tail and CONDITION.match(tail[0])):
                    index = keys[WORD_TO_KEY[first]]
            better = better_remark(segment) if index is None else None
            if better and better.conceded:  # "Marta, though Oluwaseun is better": the other said better, conceded or not
                index, _ = parse_expr(better.subject, options, keys, labels)
            if index is not None:
                found.add(index)
    return found




def part_answers(line: str, keys: dict[str, int]) -> set[int]:
    """The options of the line's segments that answer about a part of the question ("Yes on the
    motion, no on the amendment": both)."""
    found = set()
    for segment in segments(line):
        m = PART_ANSWER.match(segment)
        if m and WORD_TO_KEY.get(m.group(1)) in keys:
            found.add(keys[WORD_TO_KEY[m.group(1)]])
    return found


# votes18: a segment that judges what it names too far, too dear or a disaster ("Toronto. Montreal would be
# too far", "Montreal wäre für uns zu teuer", "queda demasiado lejos", "Ottawa would be a disaster", "would
# kill us"): named there, it is ruled out, not a second choice
_JUDGED_AWAY = re.compile(r"(?<![\w'])(?:(?:too|zu|demasiado|trop|troppo|te|za)\s+(?:far|expensive|costly|dear|remote|teuer|weit"
                          r"|lejos|caro|cara|loin|cher|chère|lontan[oa]|ver|duur|daleko|drogo)|(?:longe|caro|cara) demais"
                          r"|(?:would|will|'d|is|was)\s+(?:be\s+)?(?:a\s+)?(?:disaster|nightmare|mess|catastrophe)|kill us)(?![\w'])")
# an option named after "instead of", "rather than", "over", "than", or where the gathering was before
# ("Toronto over Ottawa", "closer than Toronto or Montreal", "since we were in Montreal last year")
_DISPLACED = re.compile(r"(?<![\w'])(?:instead of|rather than|than|over|plutôt que|au lieu de|statt|anstatt|als|en vez de"
                        r"|en lugar de|que|invece di|piuttosto che|in plaats van|dan|em vez de|zamiast|(?:were|was|went|met) in)"
                        r"\s+(?:the\s+)?(?:[\w'-]+\s+(?:or|and|nor|ou|et|oder|und|o|y|e|of|en)\s+)?$")


def _displaced(segment: str, labels) -> set[int]:
    """The options a segment names only after "instead of", "rather than", "over", "than" or "we were in"."""
    out, kept = set(), set()
    for label, index in labels.items():
        if len(label) >= 3:
            for m in label_pattern(label).finditer(segment):
                (out if _DISPLACED.search(segment[:m.start()]) else kept).add(index)
    return out - kept


def ruled_out(line: str, options, keys, labels) -> set[int]:
    """The options the line names only inside segments that rule them out ("Not the raise, and not
    the sliding scale either. Keep it."): named there, they are not a second choice."""
    out: set[int] = set()
    kept: set[int] = set()
    for segment in segments(line):
        if not segment:
            continue
        named = mentions(segment, options, keys, labels) | {labels[label] for label in
                                                             pronoun_mentions(segment, tuple(labels))}
        displaced = _displaced(segment.casefold(), labels)
        out |= displaced
        named -= displaced
        if (_NEGATED.match(segment) or (CONCEDED.search(segment) and not OWN_CHOICE.search(segment))
                or ALSO_FINE.search(segment) or (_JUDGED_AWAY.search(segment) and not OWN_CHOICE.search(segment))):
            out |= named
        else:
            kept |= named
    return out - kept


# a refusal said before an option's name ("no to no honorarium", "not the raise", "against B")
_REFUSING = re.compile(r"^(?:no (?:to|for)|not|never|against|non (?:à|au|aux)|nein zu|gegen|no a|contra|contro"
                       r"|niet|nicht)\s+\S")


def refused(line: str, index: int, options, keys, labels) -> bool:
    """True when the line refuses the option it names rather than choosing it: a bare "no" after
    its name ("No honorarium, no", "Sin honorarios, no", "Postpone. No.") or a refusal before it
    ("no to no honorarium", "against B"). On a ballot with a No option that "no" is the ballot's
    own answer: a doubled one ("No, no") stays No, another option with it is asked back as two."""
    if "NO" in keys:
        return False
    kept = [segment for segment in segments(line) if segment.strip(FRAME_CHARS)]
    for position, segment in enumerate(kept):
        refusing = _REFUSING.match(segment)
        if refusing and parse_expr(segment[refusing.end() - 1:], options, keys, labels)[0] == index:
            return True  # "no to no honorarium"
        if parse_expr(segment, options, keys, labels)[0] == index:
            return any((WORD_TO_KEY.get(bare) or ANSWER_TO_KEY.get(bare)) == "NO"
                       for later in kept[position + 1:] if (bare := strip_frame(later)))
    return False



def one_segment(line: str, options, keys, labels) -> tuple[int | None, str]:
    """(index, segment) when exactly one of the line's segments (between sentence punctuation,
    " - ", "but" …) is by itself an option's answer ("Sorry for the delay - yes from us"), else
    (None, "")."""
    found, others = {}, False
    for segment in segments(line):
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
                     r"|(?:'m|am|'re|are|'d be|would be) (?:happy|glad|pleased|content) to (?:say|vote(?: for)?|go with)"  # batch 13
                     r"|(?:'ll|will|shall) (?:say|vote(?: for)?)|(?:'ll|will)(?=\s+abst)|vote(?: for)?)\s+"
                     r"|(?<![\w'])(?:my|our) vote (?:is|will be)\s+")
_NEGATION = re.compile(r"(?<![\w'])(?:not|never|n't|don't|won't|can't|cannot|neither|nor)(?![\w'])|n't\b")


def voiced(line: str, options, keys, labels) -> tuple[int | None, str]:
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
    answer = segments(line[found.end():])[0]
    index, _ = parse_expr(answer, options, keys, labels) if answer.strip() else (None, None)
    return (index, answer) if index is not None else (None, "")
