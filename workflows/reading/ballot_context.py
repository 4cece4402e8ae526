"""What the ballot itself tells a careful reader of a yes/no vote: its title and the reply's subject.
Pure functions, used by `choices.read_vote` (batch 14).

- The motion named by its noun, with a verb of stance ("I oppose the merger" on "Merge with the
  Eastside Tenants' Union", "Ich lehne die Fusion ab", "Contre l'augmentation"): read as the
  answer when the line gives no other (`motion_stances`); an answer about another matter in the
  same line ("Budget yes, but no on the fee rise" on the fee's ballot; "Yes. Also, I vote no on the
  amendment to the code of conduct" on the budget's) answers that matter, not this ballot, when the
  member sets it aside as one ("Also", "PS", "par ailleurs", "while we're at it", "if that comes
  up", "in the other vote"); without that, "Yes to the budget, no to the reserve transfer" may vote
  on a part of the motion (a split vote) and is asked back. Two answers that are both about this
  ballot, or one that may be ("Yes. Also I vote no on the amendment" on the ballot that amends the
  code, or on one that amends nothing), are asked back, never guessed; so is the line of a member
  who corrects themselves ("No. Actually, yes" is read by `choices`), and a stance its line
  reverses or qualifies ("I support the tenants but not the merger", "… in principle").
- A rhetorical question before the answer ("Why would we join a coalition that has ignored us for
  two years? No." on the Join ballot, "Why not? Yes."): the answer after the last question mark is
  read, when the question asks why (not) do the motion's own action, names no option and doubts
  nothing ("Will we lose our name? No." answers the member's own question: asked back); after questions the member answered themselves,
  only an answer said as a vote ("Is it perfect? No. Is it good enough? Yes. I vote yes.").
- An answer written in the subject ("Re: [Vote 21] Merge with … - YES", "AW: [Vote 24] … - Ja"):
  the subject's words after the ballot's own title are read as a short answer, only to ask back
  when the text answers otherwise ("- yes" in the subject, "No." in the text). A vote in the
  subject alone, nothing in the text, stays asked back (the README's rule since batch 2: a subject
  may be kept from another member's message in the thread).
"""
from __future__ import annotations

import re
from typing import Callable

from mailer.subjects import strip_prefixes
from workflows.reading.answer_lines import meaningful_lines
from workflows.reading.answer_words import CONDITION, CORRECTION, DEFERRAL, HEDGE
from workflows.reading.label_words import own_words_label
from workflows.reading.line_segments import segments
from workflows.reading.motion_stances import OTHER, THIS, UNCLEAR, names_action, stances
from workflows.reading.option_expressions import without_why_not

# the reasons of a reading that found no answer it could trust, where the motion's noun may give one
_SOFT = ("no option read", "but is not a clear vote", "names more than one option")


# where a condition may start inside a clause ("I support the merger if we keep our name"): each is
# then read by `CONDITION` itself, with its ordinary meanings left out ("if I may say so")
_CONDITION_START = re.compile(r"(?<![\w'])(?:if|unless|provided|providing|as long as|so long as|on condition|assuming"
                              r"|si|sauf si|à condition|a condition|pourvu|tant que|wenn|falls|sofern|solange|vorausgesetzt"
                              r"|unter der bedingung|siempre que|con tal de que|a condición|purché|a condizione|sempre che"
                              r"|desde que|contanto|mits|op voorwaarde|zolang)(?![\w'])")


def _firm(line: str) -> bool:
    """True when the line holds no doubt, question, condition or deferral."""
    return not (HEDGE.search(line) or DEFERRAL.search(line) or "?" in line
                or any(CONDITION.match(s) for s in segments(line) if s)
                or any(CONDITION.match(line[m.start():m.start() + 80]) for m in _CONDITION_START.finditer(line)))


# what reverses or qualifies a stance elsewhere in its line: a "but", a negation, a principle or a time
_QUALIFIED = re.compile(r"(?<![\w'])(?:but|mais|aber|pero|ma|maar|mas|however|though|although"
                        r"|not(?! (?:support|back|approve|endorse|accept|in favou?r))|personally|principle|principe|prinzip|grundsatzlich|grundsätzlich|principio|theory|theorie"
                        r"|théorie|teoria|teoría|for now|yet|at least|pour l'instant|pour le moment|noch nicht"
                        r"|(?<=, )(?:pas|nicht|kein|keine|niet|geen|no)|jamais|nunca|todavia|todavía|ainda|ancora|eventually|someday"
                        r"|later|until|jusqu'à|bis|hasta|tot)(?![\w'])")


def by_stance(reading, found, options: list[str], keys: dict[str, int], title: str, make):
    """The reading checked against what the first line that takes a stance says it is about (see
    the module doc); `make(choice, ambiguous, reason)` builds a reading."""
    if not title or "YES" not in keys or "NO" not in keys or not found:
        return reading
    if any(CORRECTION.search(line) for _, _, line in found):
        return reading  # the member's own correction is read by `choices` ("No. Actually, yes.")
    for number, raw, line in found:
        said = stances(without_why_not(line), title)  # not the "no" of "Sì, perché no"
        if said:
            break
    else:
        return reading
    about_this = {key for key, what, _, _ in said if what in (THIS, UNCLEAR) and key in keys}
    # "Yes to the budget, no to the reserve transfer": an answer on another noun, not set aside as
    # another matter, may be a part of this motion (a split vote)
    split = {key for key, what, form, aside in said if what == OTHER and form in ("on", "named") and not aside}
    if reading.choice is not None:
        own = next((key for key, index in keys.items() if index == reading.choice), None)
        if own is not None and (about_this | split) - {own}:
            return make(None, True, f"line {number} answers about this ballot twice, or about a part of it: {raw!r}")
        return reading
    if not reading.reason.startswith(f"line {number}") and not reading.reason.startswith("no option read"):
        return reading
    if not any(soft in reading.reason for soft in _SOFT) or not _firm(line):
        return reading
    if any(what == UNCLEAR for _, what, _, _ in said) or len(about_this) != 1 or split - about_this:
        return reading
    if _QUALIFIED.search(line.casefold().replace("\u2019", "'")):
        return reading  # "I support the tenants but not the merger", "… in principle", "I personally don't"
    if not _stance_alone(line, title):
        return reading  # "I support the merger. Just kidding.", "\"I support the merger\" - Tom's words"
    key = about_this.pop()
    others = [what for _, what, _, _ in said if what == OTHER]
    note = " (the rest answers another matter)" if others else ""
    return make(keys[key], False, f"read {raw!r} on line {number} as {options[keys[key]]!r}: its stance on "
                                  f"the motion itself{note}")


# what may follow a stance on its line and leave it whole: thanks and greetings
_PLEASANTRY = re.compile(r"(?:many |kind |best |warm )?(?:thanks?(?: you)?(?: all| everyone)?|regards|cheers|best(?: wishes)?"
                         r"|merci(?: beaucoup)?|cordialement|danke(?: schön)?|(?:viele )?gr[üu](?:ß|ss)e|gracias|saludos"
                         r"|grazie|saluti|bedankt|groeten|obrigad[oa]|abra[çc]os|ta|thx|ty)")
_QUOTES = re.compile("[\"“”„«»‘’‚‹›]|(?:^|\\s)'|'(?:\\s|$)")
_PARTS = re.compile(r"[.;!?,]+|\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s")
# a stance measured against something else ("I oppose the merger as much as I oppose sunshine")
_COMPARED = re.compile(r"\bas (?:much|little|strongly|firmly|surely) as\b|\b(?:more|less) than\b|\bthe way i\b")


def _stance_alone(line: str, title: str) -> bool:
    """True when the stance is the whole of what the line says, apart from thanks and greetings
    and answers on another matter: no quotes around it and no other sentence or dash clause
    after it ("I support the merger. Just kidding.", "I oppose the merger - said no one ever",
    "\"I support the merger\" - Tom's words" are not)."""
    if _QUOTES.search(line) or _COMPARED.search(line.casefold()):
        return False
    parts = [p.strip(" ,:()") for p in _PARTS.split(line)]
    parts = [p for p in parts if p]
    for part in parts[1:]:
        if _PLEASANTRY.fullmatch(part.casefold()):
            continue
        said = stances(part, title)
        if said and all(what == OTHER for _, what, _, _ in said):
            continue  # "Yes to the merger. No to the fee rise." answers another matter
        return False
    return True


# what affirms the option named before it ("The co-op, obviously", "Montréal, évidemment !")
_AFFIRMING = re.compile(r"(?:definitely|obviously|absolutely|of course|for sure|please|sans h[ée]siter|[ée]videmment"
                        r"|bien s[uû]r|absolument|unbedingt|nat[üu]rlich|claro|por supuesto|certo|zeker)")


def with_own_words_tail(reading, found, options: list[str], make):
    """The reading, asked back when it names an option in the member's own words (its label not
    written as it is on the line) and anything but thanks follows a comma or dash on that line
    ("Mentoring for young people, definitely not", "… - over my dead body")."""
    if reading.choice is None or not found:
        return reading
    number, raw, line = found[0]
    if not reading.reason.startswith(f"read {raw!r} on line {number}"):
        return reading
    if options[reading.choice].casefold() in line.casefold():
        return reading
    parts = [p.strip(" ,:()") for p in re.split(r",|\s[-–—]+\s|\s[-–—]+$", line)]
    if own_words_label(parts[0].strip(" .!").casefold(), tuple(o.casefold() for o in options)) is None:
        return reading  # the option named by its letter, its number or as written: read as it is
    if any(p and not (_PLEASANTRY.fullmatch(t := p.strip(" .!🙂😊").casefold()) or _AFFIRMING.fullmatch(t))
           for p in parts[1:]):
        return make(None, True, f"line {number} names {options[reading.choice]!r} in other words, and says "
                                f"more after it: {raw!r}")
    return reading


def after_question(reading, found, options: list[str], read_lines: Callable, mentions: Callable, title: str = "",
                   yes: int | None = None):
    """The answer after a rhetorical question on the reading's line ("Why would we join …? No." on
    "Join the city-wide rent strike coalition"), when the reading found none, the question names
    no option and doubts nothing, and either the question names the motion's own action (its
    title's first word, or that word's noun in the member's language), or it is "Why not?", or the
    answer is said as a vote; else the reading as it is. "Will we lose our name? No." answers the
    member's own question (and means go ahead): asked back; so is an answer the question turns round
    (`_turned`), a yes being the option of index `yes`."""
    if reading.choice is not None or not found or not any(soft in reading.reason for soft in _SOFT):
        return reading
    number, raw, line = found[0]
    if "?" not in line:
        return reading
    question, _, tail = line.rpartition("?")
    first, _, between = question.partition("?")
    tail = tail.strip(" .,:;!-")
    if not tail or mentions(first) or HEDGE.search(question) or DEFERRAL.search(question):
        return reading
    if mentions(between) and not _VOTES.search(tail):
        return reading  # "Should we? Yes. Can we afford it? No.": answers to the member's own questions
    last = re.split(r"[.!;]", question.rpartition("?")[2])[-1]
    if not (_VOTES.search(tail) or _WHY_NOT.fullmatch(last.strip().casefold())
            or (title and (m := _WHY.match(last.strip(" ¿¡").casefold())) and names_action(m.group(1), title))):
        return reading
    answer = read_lines([(number, raw, tail)], options)
    if answer.choice is None or _turned(last, answer.choice == yes) or not _firm(tail):
        return reading  # "Why would we oppose merging? No." / "Why not merge? No.": the question turns it round
    return answer.__class__(answer.choice, False, f"read {raw!r} on line {number} as "
                                                  f"{options[answer.choice]!r}, after a rhetorical question")


# the vote said in so many words after rhetorical questions the member answered themselves ("Is it
# perfect? No. Is it good enough? Yes. I vote yes.")
_VOTES = re.compile(r"\b(?:i|we) (?:vote|say)\b|\bje vote\b|\bich stimme\b|\bvoto\b|\bik stem\b")
# "Why would we join …", "Pourquoi rejoindre …", "Why wouldn't we merge …": the action asked about
# within the question's first words after its "why" ("Why would we be worried about the merger?" is not)
_WHY = re.compile(r"(?:and |so |but )?(?:why|pourquoi|warum|wozu|por qu[eé]|para qu[eé]|perch[eé]|waarom|por que|pra que|para que)((?:\s+\S+){1,4})")
_WHY_NOT = re.compile(r"(?:and |so )?(?:why not|pourquoi pas|warum nicht|por qu[eé] no|perch[eé] no|waarom niet|por que n[aã]o)")
_REF = re.compile(r"\[[^\]]{1,40}\]")
# a question that opposes, harms or doubts the motion itself ("Why would we oppose merging?") turns
# any answer round; one that negates it ("Why not merge?", "Why wouldn't we merge?") turns a no round
_OPPOSING = re.compile(
    r"\b(?:oppos\w*|stop\w*|against|hurt\w*|bad|worse|problem\w*|harm\w*|risk\w*|wrong|danger\w*|block\w*|"
    r"reject\w*|refus\w*|contre|rejet\w*|mauvais\w*|probl[eè]me\w*|ablehn\w*|gegen|schlecht\w*|schad\w*|"
    r"en contra|rechaz\w*|malo|tegen|slecht\w*|contro|contra)\b")
_NEGATION = re.compile(r"\b(?:not|never|no|pas|jamais|ne|nicht|nie|kein\w*|niet|nooit|nunca|non|nao|não)\b|n't\b|\bn'")


def _turned(question: str, is_yes: bool) -> bool:
    """Whether the member's own question turns their answer round, so the option read from it may
    not be what they meant: any answer after a question that opposes or harms the motion, and any
    but a yes (`is_yes`) after one that negates it in its first words."""
    folded = question.casefold().replace("\u2019", "'")
    if _OPPOSING.search(folded):
        return True
    head = " ".join(folded.split()[:4])  # "Why not merge", "Pourquoi ne pas", not a later "qui ne nous a jamais soutenus"
    return bool(_NEGATION.search(head)) and not is_yes


def subject_tail(subject: str, title: str) -> str:
    """The subject's words besides the reply prefixes, the ballot's "[Vote N]" and its title
    ("Re: [Vote 21] Merge with the Eastside Tenants' Union - YES" → "YES"); "" when there are none
    or the subject does not carry the ballot's title."""
    if not subject or not title:
        return ""
    rest = _REF.sub(" ", strip_prefixes(subject[:300]))
    name = re.sub(r"^\s*(?:vote|scrutin)\s+\d+\s+", "", title, flags=re.I).strip()
    at = rest.casefold().find(name.casefold()) if name else -1
    if at < 0:
        return ""
    tail = (rest[:at] + " " + rest[at + len(name):]).strip(" -–—:;,.()[]|/")
    return tail if 0 < len(tail.split()) <= 4 else ""


def with_subject(reading, subject: str, title: str, options: list[str], read_lines: Callable, make):
    """The reading, asked back when the subject answers otherwise than the text (see the module doc)."""
    if reading.choice is None:
        return reading
    tail = subject_tail(subject, title)
    lines = meaningful_lines(tail) if tail else []
    said = read_lines(lines, options) if lines else None
    if said is not None and said.choice is not None and said.choice != reading.choice:
        return make(None, True, f"{reading.reason}, but the subject says {options[said.choice]!r}")
    return reading
