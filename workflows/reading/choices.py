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

How a line is cut into segments and what each says by itself is `line_segments`; whether the
line that gives the answer gives it firmly is `firm_answers`.

Issue 15: an answer read is never counted when its line turns it round or gives it to someone
else (`contrary_remarks`): an emoji of the other answer ("Yes ❌", "No 👍"), a reason that judges
the motion the other way ("Yes, the merger is a bad idea", "No, I think it's great"), irony in
words ("… Not.", "Yes, sure, and pigs will fly", "said no one", "jk"), reported speech ("I support
the budget, said the treasurer", "Anna said: yes", "Ottawa (Anna's choice)"), the answer asked as a
question ("Against the merger, me? Never."), another option named by a segment of its own ("1
(No)"), a denied opposition beside a no ("No estoy en contra"), an answer about coming to the
meeting ("Yes, I'll be at the AGM"), or a reaction after another proposal reported before it
("Some want to postpone the merger. I oppose that."): all asked back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from workflows.reading.answer_idioms import ASSENT_IDIOMS
from workflows.reading.answer_takebacks import taken_back
from workflows.reading.answer_lines import meaningful_lines
from workflows.reading.ballot_echoes import without_title
from workflows.reading.coming_answers import not_coming
from workflows.reading.contrary_remarks import contrary, corrected_contrary, emoji_line_after
from workflows.reading.reported_answers import after_proposal
from workflows.reading.answer_words import CONDITION, CORRECTION, DEFERRAL, EXCLUSION, FIRM_CORRECTION, HEDGE
from workflows.reading.answer_words import NO_FOR_NEXT, SLIP_OWNED, without_slip
from workflows.reading.firm_answers import not_firm
from workflows.reading.label_variants import pronoun_mentions
from workflows.reading.line_segments import (also_named, one_segment, part_answers, refused, ruled_out, segment_answers,
                                             segments, split_line, voiced)
from workflows.reading.marked_lists import quoted_ballot_marks, read_marked_list, read_marked_quote
from workflows.reading.option_expressions import FRAME_CHARS, mentions, option_keys, parse_expr, strip_frame
from workflows.reading.pointed_answers import pointed_option
from workflows.reading.person_labels import addresses_candidate, is_salutation, name_label
from workflows.reading.positions import listed_position
from workflows.reading.set_aside import aside_start
from workflows.reading import ballot_context
from workflows.reading.whole_reply import other_after_but


@dataclass(frozen=True)
class VoteReading:
    """What was read from a reply to a ballot: the option's index, or why none was counted."""

    choice: int | None
    ambiguous: bool
    reason: str
    assent: bool = False  # read from words of assent alone ("Sounds good"): they also thank for a receipt


def _assent_only(head: str) -> bool:
    """True when the words read are assent alone ("Sounds good", "OK for me", "ça me va, merci")."""
    return any(form in ASSENT_IDIOMS for form in (head.strip(FRAME_CHARS), strip_frame(head)))


def _later_answer(lines, options, keys, labels, index: int) -> tuple[int, str] | None:
    """(line number, line) of a later line that is by itself the answer of another option
    ("Yes" then "No" on the next line), else None."""
    for number, raw, line in lines:
        other, _ = parse_expr(line, options, keys, labels)
        if other is not None and other != index:
            return number, raw
    return None


def _read_lines(lines, options: list[str]) -> VoteReading:
    """The vote the first line that mentions an option gives (see the module doc)."""
    keys, labels = option_keys(options)
    for position, (number, raw, line) in enumerate(lines):
        aside = aside_start(line)  # "Abstain. Also: no, I can't make the AGM"
        own = line if aside is None else line[:aside]  # the line but its aside
        if is_salutation(raw, options) or addresses_candidate(raw, options) or (position and " " not in line and name_label(line, options, True) is not None
                                            and parse_expr(line, options, keys, labels)[0] == name_label(line, options, True)
                                            and line not in labels):
            continue  # "Léa," opens the letter; a first name alone under the text signs it ("… running again :)" / "Mei")
        mentioned = mentions(line, options, keys, labels)
        index, why_not = parse_expr(line, options, keys, labels)
        head, rest = line, ""
        if index is None and why_not is None:
            parts = split_line(line, maxsplit=1)
            if len(parts) == 2 and parts[0]:
                index, why_not = parse_expr(parts[0], options, keys, labels)
                head, rest = parts
        if index is None and why_not is None and len(set(strip_frame(line).split())) == 1:
            index, why_not = parse_expr(strip_frame(line).split()[0], options, keys, labels)
        if index is None and why_not is None:
            index, head = one_segment(line, options, keys, labels)
            rest = line if index is not None else rest
        if index is None and why_not is None:
            index, head = voiced(line, options, keys, labels)  # "… I'm going to say no"
            rest = line if index is not None else rest
        if index is not None:
            if aside is not None:
                mentioned = mentions(own, options, keys, labels)
                rest = rest[:max(0, len(rest) - (len(line) - aside))]
            others = (mentioned | mentions(rest, options, keys, labels)
                      | {labels[label] for label in pronoun_mentions(own, tuple(labels))}) - {index}
            if others:
                others -= ruled_out(own, options, keys, labels) - {index}
            others |= segment_answers(own, options, keys, labels) - {index}  # "はい、反対です", "A in spring, B in autumn"
            others |= part_answers(line, keys) - {index}  # "Yes, no on the reserve": a split vote
            others |= also_named(own, options, keys, labels) - {index}  # "Tomás, but Priya too"
            if others:
                names = ", ".join(repr(options[i]) for i in sorted(others | {index}))
                return VoteReading(None, True, f"line {number} names more than one option "
                                               f"({names}): {raw!r}")
            if not_firm(raw, line, head, rest, options, keys, labels):
                return VoteReading(None, True, f"line {number} is not a firm answer: {raw!r}")
            if refused(line, index, options, keys, labels):
                return VoteReading(None, True, f"line {number} rules {options[index]!r} out rather than "
                                               f"choosing it: {raw!r}")
            later = _later_answer(lines[position + 1:], options, keys, labels, index)
            if later is not None:
                return VoteReading(None, True, f"line {number} and line {later[0]} answer differently: "
                                               f"{raw!r}, {later[1]!r}")
            if (_assent_only(head) and not mentions(line, options, keys, labels)
                    and not any(parse_expr(segment, options, keys, labels)[0] is not None and not _assent_only(segment)
                                for segment in segments(line) if segment.strip())):  # not "Good idea, I support it"
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


# "Edit: no, changed my mind": the words that may follow the option an edit changes the answer to
_CHANGE_OF_MIND = re.compile(r"(?<![\w'])(?:i(?:'ve| have)? changed my mind|(?:i )?changed my mind|on second thoughts?"
                             r"|after all|(?:sorry,? )?i meant (?:yes|no|it)|sorry|j'ai changé d'avis|finalement"
                             r"|ich habe (?:es )?mir (?:das )?anders überlegt|doch|cambié de opinión|ho cambiato idea"
                             r"|mudei de ideia|ik ben van gedachten veranderd|zmieniłe?a?m zdanie)(?![\w'])")
# Polish "tak, jak" / "tak samo" / "tak bardzo": "as", "the same", "so much", not a yes
_TAK_NOT_YES = re.compile(r"(?<![\w'])tak(?=,?\s+(?:jak|samo|naprawdę|bardzo|średnio|długo|czy)(?![\w']))")


# an edit that takes back what came before it ("Edit: ignore the edit above", "Update: disregard that")
_UNDONE = re.compile(r"(?<![\w'])(?:ignore|disregard|forget|scratch|undo|revert|cancel|above|previous|earlier|last one"
                     r"|ignorez|oubliez|ignoriert|vergesst|ignorad|olvidad|ignorate|negeer|vergeet|zignoruj|ignorujcie)(?![\w'])")


def _after_correction(lines, position: int, number: int, m):
    """The text a correction `m` on `lines[position]` leads to: the rest of its line, then the lines after."""
    rest = without_slip(_TAK_NOT_YES.sub("", m.string[m.end():])).strip(" .,;:!-")
    return [a for a in [(number, rest, rest)] if a[2]] + lines[position + 1:]


def _only_the_answer(text: str, options: list[str]) -> bool:
    """True when an edit's text is the option alone, or with a change of mind ("no, changed my mind"),
    not an edit of something else that starts with a yes or a no ("no, not Thursday — Friday")."""
    text = _CHANGE_OF_MIND.sub(" ", text)
    words = re.findall(r"[\w'’]+", text)
    return len(words) <= 1 or " ".join(words) in {" ".join(re.findall(r"[\w'’]+", o.lower())) for o in options}


def _corrected(lines, options: list[str]) -> VoteReading | None:
    """The vote after the member's last self-correction ("sorry, I meant No", "actually B"), or
    None when there is none. A firm correction ("I meant", "correction:") after which no clear
    option follows is ambiguous; a loose one ("changed my mind") with nothing after it gives way to
    the one before it ("Edit: no, changed my mind"); a loose one with words after it that name no
    option is ambiguous with a doubt or a question there, and else the whole answer is read as usual.
    "Edit:" / "Update:" corrects the answer only when its text is the option alone (or with a change
    of mind): "Edit: no, not Thursday — Friday" fixes something else, and the whole answer is read."""
    no_option = "NO" not in option_keys(options)[0]
    matches = sorted([(position, number, m) for position, (number, _, line) in enumerate(lines)
                      for m in CORRECTION.finditer(line)]
                     + [(position, number, m) for position, (number, _, line) in enumerate(lines) if no_option
                        for m in NO_FOR_NEXT.finditer(line) if SLIP_OWNED.search(line, m.end())],
                     key=lambda x: (x[0], x[2].start()))[-3:]
    while matches:
        position, number, m = matches[-1]
        after = _after_correction(lines, position, number, m)
        if not after and len(matches) > 1 and not FIRM_CORRECTION.match(m.string, m.start()):
            position, number, m = matches[-2]  # "Edit: no, changed my mind": the loose one before says it
            after = _after_correction(lines, position, number, m)
        reading = _read_lines(after, options) if after else None
        doubt = after and (any("?" in line for _, line, _ in after)
                           or any(HEDGE.search(line) or DEFERRAL.search(line) for _, _, line in after))
        if not re.match(r"edit|update", m.group(0)) or (after and reading.choice is not None
                                                          and _only_the_answer(after[0][2], options)):
            break
        # an edit of something else ("Edit: no, not Thursday — Friday", "Edit: typo"): no correction of the answer
        if len(matches) > 1 and reading is not None and reading.choice is None and (doubt or _UNDONE.search(after[0][2])):
            # "Yes / Edit: no / Edit: hmm, not sure anymore": the change is taken back with a doubt
            return VoteReading(None, True, f"line {number} corrects the vote but names no clear option")
        matches = [earlier for earlier in matches if earlier[2] is not m][:len(matches) - 1]
    if not matches:
        return None
    if after and reading.choice is None and any(
            _read_lines(_after_correction(lines, *earlier), options).choice is not None
            for earlier in matches[:-1] if earlier[2] is not m):
        # "Yes / Actually no / Actually, ask me again tomorrow": changed, then left open
        return VoteReading(None, True, f"line {number} takes back its corrected answer without naming another")
    if reading is not None and reading.choice is not None and EXCLUSION.search(after[0][2]):
        # review20: "Online. Or rather, anything but the park": the correction rules an option out, chooses none
        return VoteReading(None, True, f"line {number} corrects the vote but names no clear option")
    if reading is not None and reading.choice is not None:
        firm = FIRM_CORRECTION.match(m.string, m.start()) and not (
            len(after) > 1 and re.match(r"(?:wait|sorry|oops|moment|warte|äh|ähm|attends|oups|espera|wacht),? (?:sorry,? )?"
                                       r"(?:i mean|ich meine|je veux dire|quiero decir|ik bedoel|quero dizer)|anzi", m.group(0)))  # review18: "No — wait, I mean yes" / "I'll check first"
        if not firm and _turned_on_its_line(m, number, reading.choice, options):
            # "Yes, or rather no", "Oui, ou plutôt non", "No, I mean yes": said both ways on one line
            return VoteReading(None, True, f"line {number} says yes and no, loosely corrected on one line")
        return VoteReading(reading.choice, False, f"read {options[reading.choice]!r} as corrected on "
                                                  f"line {number}")
    said_back = (re.search(r"(?:doch|wel)$", m.group(0)) and not after  # "Nein. Eigentlich doch.": yes after all?
                 and re.search(r"(?<![\w'])(?:nein|nee|no)\W*$", m.string[:m.start()]))
    if (FIRM_CORRECTION.match(m.string, m.start()) or said_back or any("?" in line for _, line, _ in after)
            or any(HEDGE.search(line) for _, _, line in after)):  # "Yes" / "Actually I'm not sure."
        # "Sure, why not? Actually wait, what does it cost?": taken back with a question
        return VoteReading(None, True, f"line {number} corrects the vote but names no clear option")
    return None


def _turned_on_its_line(m, number: int, choice: int, options: list[str]) -> bool:
    """True when a loose correction (`m`, "or rather", "I mean") turns a yes into a no or a no into a
    yes within one sentence of its line: the words before it there read as the other of the two."""
    keys, _ = option_keys(options)
    if choice not in (keys.get("YES"), keys.get("NO")) or "YES" not in keys or "NO" not in keys:
        return False
    before = m.string[:m.start()].strip(" ,;:-—–")
    if re.search(r"[.!?…]", before):
        return False  # "No. Actually, yes.", "Nein. Doch, ja.": the new sentence takes the first answer back
    first = _read_lines([(number, before, before)], options) if before else None
    return first is not None and first.choice is not None and first.choice != choice and first.choice in (
        keys["YES"], keys["NO"])


def read_vote(new_text: str, options: list[str], text: str = "", title: str = "", subject: str = "") -> VoteReading:
    """Read a vote from the first meaningful lines of a reply's new text.

    Promises: `choice` is an index into `options` and `ambiguous` is False only when exactly one
    option is clearly chosen on the first line that mentions any (or after the member's own
    correction); otherwise `choice` is None and `ambiguous` is True. An empty text gives reason
    "no text". `reason` says what was read and on which line (e.g. "read 'YES' on line 1 as
    'Yes'"). Never reads past a quoted line; never raises. With the reply's whole `text`, an
    answer that names no option and doubts nothing ("", "See below") is the option the member
    marked in the quoted ballot (`marked_lists.read_marked_quote`), when exactly one is, or the one it
    is written right under there ("This one!": `pointed_answers`); an answer
    that names another option than the one marked there is asked back. With the
    vote's `title`, the title named after the answer is the question, not an option ("Yes on the
    budget": `ballot_echoes.without_title`); the motion named with a verb of stance is an answer,
    and an answer about another matter is none ("I oppose the merger", "Budget yes, but no on the
    fee rise": `ballot_context.by_stance`). An answer after a rhetorical question is read ("Why would
    we join …? No."). With the reply's `subject`, an answer written there after the title that
    differs from the text's is asked back; a vote in the subject alone is not read
    (`ballot_context.with_subject`). An option read is asked back when its line turns the answer
    round or gives it to someone else (`contrary_remarks`; issue 15): a question back, never a
    count of the wrong option.
    """
    found = meaningful_lines(new_text)  # read once: the answer's first lines, whatever is asked of them
    reading = _read_new_text(new_text, found, options, title)
    reading = _in_context(reading, found, options, title, subject)
    if reading.reason.startswith("no option read"):  # "No voy, lo siento" on "Will you attend the AGM?"
        said = not_coming(found, option_keys(options)[0], title)
        if said is not None:
            reading = VoteReading(option_keys(options)[0]["NO"], False,
                                  f"read {said[1]!r} on line {said[0]} as {options[option_keys(options)[0]['NO']]!r} "
                                  f"(not coming, asked whether the member comes)")
    reading = _uncontradicted(reading, found, options, title, new_text)
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
    pointed = pointed_option(text, found[0][2], options) if found else None
    if pointed is not None:  # "This one!" written under "> 2. (B) Every two weeks"
        return VoteReading(pointed, False, f"read {found[0][1]!r} on line {found[0][0]} as {options[pointed]!r}, "
                                           f"written under that option in the quoted ballot")
    lines = found[:1]
    if lines and option_keys(options)[0] and marks is not None:
        index = listed_position(strip_frame(lines[0][2]), len(options))  # "the second one" of the list quoted below
        if index is not None:
            return VoteReading(index, False, f"read {lines[0][1]!r} on line {lines[0][0]} as {options[index]!r}, "
                                             f"by its place in the quoted ballot")
    return reading


def _in_context(reading: VoteReading, found, options: list[str], title: str, subject: str) -> VoteReading:
    """The reading with what the ballot's title and the reply's subject tell (`ballot_context`)."""
    keys, labels = option_keys(options)
    reading = ballot_context.by_stance(reading, found, options, keys, title, VoteReading)
    if "YES" not in keys:
        reading = ballot_context.with_own_words_tail(reading, found, options, VoteReading)
    reading = ballot_context.after_question(reading, found, options, _read_lines,
                                          lambda question: mentions(question, options, keys, labels), title,
                                          yes=keys.get("YES"))
    return ballot_context.with_subject(reading, subject, title, options, _read_lines, VoteReading)


def _uncontradicted(reading: VoteReading, found, options: list[str], title: str, new_text: str = "") -> VoteReading:
    """The reading, asked back when its line turns the answer round or gives it to someone else
    (`contrary_remarks`: "Yes ❌", "Yes, the merger is a bad idea", "…, said the treasurer"), or an
    emoji alone on the next line says the other answer ("Yes" / "👎")."""
    if reading.choice is None:
        return reading
    for number, raw, line in found:
        on_it = reading.reason.startswith(f"read {raw!r} on line {number}") or reading.reason.endswith(f"as corrected on line {number}")
        why = on_it and taken_back(line, reading.choice, options, *option_keys(options))  # "Ja, oder auch nicht"
        if why:
            return VoteReading(None, True, f"line {number} {why}: {raw!r}")
        if (f"on line {number}" in reading.reason or f"corrected on line {number}" in reading.reason) and (
                emoji_line_after(new_text, number, reading.choice, options)):
            return VoteReading(None, True, f"an emoji on the line after line {number} says the other answer or doubts it")
        if reading.reason.startswith(f"read {raw!r} on line {number}"):
            keys, labels = option_keys(options)
            key = next((k for k, i in keys.items() if i == reading.choice), None)
            why = contrary(found, number, reading.choice, key, options, keys, labels, title)
            return reading if why is None else VoteReading(None, True, why)
        if reading.reason.endswith(f"as corrected on line {number}"):
            keys, labels = option_keys(options)
            key = next((k for k, i in keys.items() if i == reading.choice), None)
            corrected = line[max((m.end() for m in CORRECTION.finditer(line)), default=0):]
            why = (after_proposal(found, number, title)  # "Some say we should wait. I agree."
                   or corrected_contrary(found, number, key, title)  # "Correction: yes ❌"
                   or other_after_but(corrected, reading.choice, options, keys, labels) and (  # "Marta. I mean, Oluwaseun's fine, but Marta …"
                       f"line {number} names another option after a 'but' in what it corrects to: {raw!r}"))
            return reading if why is None else VoteReading(None, True, why)
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
