"""What, on the line that gave a member's answer (or just before it), turns the answer round or gives
it to someone else: a careful reader asks back rather than count it (issue 15). Pure functions,
used by `choices.read_vote` once an option is read.

- an emoji that means the other answer (`answer_emoji`: "Yes ❌", "No ✅", "No 👍", "Ottawa 👎") right
  after the answer, before it or ending the line; "Yes ✅", "Yes 👍", "No ❌", "No 👎" are the answer said
  twice; one further inside the line, or after thanks ("No thanks 👍"), is about something else;
- what the words right after the answer say of it (`motion_judgements`): a reason that judges the
  motion the other way ("Yes, the merger is a bad idea", "No, I think it's great", on this line or
  a later one), the answer denied ("Ottawa, évidemment pas") or narrowed to another thing ("YES
  (to the amendment only)");
- irony said in words (`irony`): a last "Not." or "… or not" after a yes or an option ("Oh yes, what a
  brilliant idea. Not."), a yes "of course" followed by an absurdity ("Yes, sure, and pigs will
  fly", "Oui, bien sûr, et la marmotte …", "Sí, claro, y yo soy el Papa"; not thanks or the
  member's own help or wish: "Yes, sure, and let's do it soon"), "what could possibly go wrong?",
  "Oh great, another merger", "nothing says … like …", "jk", "just kidding" (not "not kidding"),
  "I mean the opposite";
- whose answer it is, and what it answers (`reported_answers`): reported speech ("I support the
  budget, said the treasurer. I don't.", "Anna said: yes", "Ottawa (Anna's choice, not mine)",
  "Anna wrote:" on the line before), a reaction after another proposal reported before it ("Some
  want to postpone the merger. I oppose that.");
- a vote the member would give, held back ("I would vote yes, but I'm not a member"); the other
  stance beside the answer ("Yes — I oppose.", "I'm not for it — I'm mad for it!", "…; I am.");
  a no that then lets the motion pass ("I'm not for it, but I won't block it", "… but I'll go
  with the majority", "… yet"); an abstention that says how the member leans
  ("Ich enthalte mich, bin aber dagegen");
- the answer asked as a question ("Against the merger, me? Never."), "why not?" excepted;
- another option named by a segment of its own ("1 (No)": the number is Yes), an aside apart;
- an opposition denied beside a no ("No estoy en contra", "Nein, ich bin nicht dagegen"; not when
  the no is said again: "not against Hamilton, just against this deal", "…, but not now"), an
  objection denied and then held back ("No objection, but I'd rather wait"; not one past or
  answered: "I was against it at first, but now I'm convinced", "…, but please keep …");
- an answer about coming to the meeting ("Yes, I'll be at the AGM"), unless the ballot asks that or
  the line votes in words too ("Yes, I'll be attending and voting yes");

- the line right after the answer's, when it takes the answer back by itself ("Yes" / "Just
  kidding!", "Not.", "/s", "lol no", "said my wife.", an emoji alone: `taken_back_after`,
  `emoji_line_after`); sarcasm in so many words ("(sarcasm)", "as if", "when pigs fly", "mon œil");
  a corrected answer with an emoji of the other answer or irony (`corrected_contrary`: "Correction:
  yes ❌").

Issue 16 (`answer_doubts`, `reported_answers.proxy_vote`, `motion_judgements.another_item`): an
emoji of doubt beside a yes or no ("Yes 🤔"); a "never" idiom after a yes ("when pigs fly", "Ja, nee
toch niet"); an answer about coming in other languages ("Oui, j'y serai"); a yes put off or held to a
part or another amount ("Yes, but not now", "Yes, but €25"); "why not?" after a no; incredulity on
the next line ("Seriously? Merging with Hamilton?"); someone else's vote or a proxy vote for a person
("Anna votes yes", "Voting on behalf of Anna: no"); another item named after the answer ("Yes, the
amendment"). An anger emoji followed by words is about them ("Yes! 😡 it took so long").

Votes17: the lines after the answer (`later_lines`: "Yes" / "But not now", "🙄", "I'll be there to
vote it down"); incredulity after the answer on its own line ("Yes. Seriously?"); a corrected answer
held back, judged the other way or doubted (`corrected_contrary`: "No. Actually yes, but only next
year", "No. Actually, yes 🤔").

`contrary(...)` gives the reason to ask back, or None. Each check is a bounded pattern on a line
of at most `answer_lines.MAX_LINE_CHARS` characters: reading stays linear.
"""
from __future__ import annotations

import re

from workflows.reading.answer_doubts import (comes_to_the_meeting, doubtful_emoji, incredulous, limited_yes,
                                             never_idiom, no_then_why_not, regretted)
from workflows.reading.answer_emoji import opposite_emoji
from workflows.reading.answer_lines import MAX_LINE_CHARS
from workflows.reading.answer_words import CORRECTION, WHY_NOT
from workflows.reading.candidate_pronouns import only_the_candidate
from workflows.reading.whole_reply import offered_later, other_after_but, remark_not_whole
from workflows.reading.later_lines import later_doubt
from workflows.reading.irony import BARE_NOT as _BARE_NOT, SURE_AND_TAIL as _SURE_AND_TAIL, ironic as _ironic
from workflows.reading.line_segments import segments, standing_segments
from workflows.reading.motion_judgements import another_item, denied, judged_otherwise, narrowed
from workflows.reading.motion_stances import THIS, names_action, stances
from workflows.reading.option_expressions import option_keys, parse_expr, strip_frame
from workflows.reading.person_labels import is_person_label as _is_person_label
from workflows.reading.reported_answers import answers_another_proposal, proxy_note_after, proxy_vote, reported
from workflows.reading.set_aside import aside_start
from workflows.reading.pattern_gates import gated

# a yes that answers another question: coming to the meeting ("Yes, I'll be at the AGM", "No, I can't come")
_ATTENDANCE = re.compile(r"^\W*(?:yes|yeah|yep|sure|oui|ja|sí|si|no|nope|non|nein)\W+(?:i|we)\s*(?:'ll|will|'m|am|'re|are"
                         r"|can|can't|cannot|won't|will not|couldn't)\s+(?:be (?:there|at|attending|coming|joining|present|away)"
                         r"|attend|attending|come|coming|join|joining|make it)(?![\w'])")
# the vote said in words beside an answer about coming ("Yes, I'll be attending and voting yes", "… Yes to the merger.")
_EXPLICIT_VOTE = {k: re.compile(r"(?<![\w'])(?:vot(?:e|ing)|my vote is|i say)\s+" + w + r"(?![\w'])|(?:^|[.;!]\s*)" + w
                                + r"\s+to\s+(?:the|this)\s")
                  # a bare "it" only ending its sentence ("… to vote it."): not "vote it down / out / off", "vote it, then …"
                  for k, w in (("YES", r"(?:yes|oui|for|it (?:through|in(?=\s*(?:[.!,;]|$)))|for it|in favou?r|it(?=\s*(?:[.!]|$)))"), ("NO", r"(?:no|non"
                                                                                           r"|against|it (?:down|out|off))"))}
# an opposition denied ("No estoy en contra", "Non, je ne suis pas contre", "Nein, ich bin nicht dagegen", "No, I'm
# not opposed"): beside a no, it may deny the no
_NOT_AGAINST = re.compile(r"(?<![\w'])(?:(?:not|n't|don't|doesn't|do not|pas|nicht|no|non|niet|não|nao|не|nie)\s+(?:[\w']+\s+){0,2}"
                          r"(?:against|opposed?|object|disagree|contre|dagegen|en contra|contrari[oa]|tegen|contra|против|przeciw\w*)"
                          r"|no objections?|rien contre|nichts dagegen|nada en contra|nada contra|kein\w* einw\w*"
                          r"|ninguna objeci\w*|sin objeci\w*|pas d'objections?|aucune objection|geen bezwaar|нет возражений)(?![\w'])")
# after a denied opposition, the no said again ("not against Hamilton, just against this deal", "…, but not now")
_STILL_AGAINST = re.compile(r"(?<![\w'])(?:but|just|only|simply|mais|aber|pero)\s+(?:[\w']+\s+){0,2}?(?:against|opposed"
                            r"|not now|not yet|contre|dagegen|en contra|pas maintenant|nicht jetzt|ahora no)(?![\w'])")
# attendance said as more news after the answer's own sentence ("Yes. I'll be at the AGM too.")
_ALSO_COMING = re.compile(r"^\W*\w+\s*[.!]\s+.*(?<![\w'])(?:too|as well|also)\W*$")
# a ballot that asks whether members come, where that answer is the vote
_ABOUT_COMING = re.compile(r"attend|meeting|come|coming|present|join us|venir|présen|teilnehm|kommen|asistir|venir|particip")
# a yes that only denies an objection, then holds it back ("No objection, but I'd rather wait")
# ("I was against it at first, but now …", "had my objections, but they've been answered", "…, but please …" are none)
_CONCEDED = re.compile(r"(?<![\w'])(?<!was )(?<!were )(?<!had )(?<!had my )(?<!had our )(?<!had some )(?:objections?|against|oppose"
                       r"|opposed|contre|dagegen|einw\w*|en contra|objeci\w*"
                       r"|obiezion\w*|bezwaar|contra)(?![\w']).{0,40}?(?<![\w'])(?:but|mais|aber|pero|ma|maar|mas|though"
                       r"|however|although|cependant|allerdings|sin embargo)(?![\w'])(?!\s+(?:please|now|they've|they have|those"
                       r"|that's|i've|i'm now|s'il vous plaît|bitte|por favor)(?![\w'])|\s+(?:i'm (?:all )?for it|i am (?:all )?for it"
                       # votes18: the member's own stance said after it, to the line's end ("… against it, but I'm for it")
                       r"|i'm in favou?r|i am in favou?r|i (?:support|back) it|je suis pour|ich bin dafür|estoy a favor"
                       r"|sono a favore|ik ben voor|sou a favor|jestem za)[\s.!]*$)")

# the answer the member says to read the other way ("Yes (I mean the opposite)")
_OPPOSITE = re.compile(r"(?<![\w'])(?:the opposite|le contraire|l'inverse|das gegenteil|lo contrario|il contrario"
                       r"|het tegenovergestelde|o contrário|o contrario)(?![\w'])")
# a vote the member would give, held back ("I would vote yes, but I'm not a member")
_WOULD_HELD_BACK = re.compile(r"(?<![\w'])(?:i|we)(?:'d| would) (?:vote|say|choose|pick|go with)(?![\w'])[^;]{0,160}?"
                              r"(?:;|(?<![\w'])(?:but|though|although|however|sadly|unfortunately|except|yet)(?![\w']))")
# a stance of the other answer said without its object after the answer ("Yes — I oppose.")
_BARE_STANCE = {
    1: re.compile(r"(?:i|we|je|nous|ich|wir)\s*(?:(?:fully|strongly|really)\s+)?(?:support|approve|endorse|back"
                  r"|(?:am|'m|are|'re) (?:(?:all|mad|so|totally|really|very much) )?(?:for|in favou?r)|suis pour|soutiens"
                  r"|approuve|bin dafür|unterstütze)(?: (?:it|this|that))?"
                  # "I'm all in", and "I am" after a no ("We're not for it, well, Anna isn't; I am.")
                  r"|(?:i|we)(?:'m| am|'re| are) (?:(?:all|totally|so) )?in|i am(?: too)?"),
    -1: re.compile(r"(?:i|we|je|nous|ich|wir)\s*(?:(?:strongly|firmly|really)\s+)?(?:oppose|object|reject"
                   r"|(?:am|'m|are|'re) (?:against|opposed)|suis contre|m'y oppose|m'oppose|bin dagegen|lehne (?:es |das )?ab)"
                   r"(?: (?:it|this|that))?"),
}

# after a no, a concession that lets the motion pass ("I'm not for it, but I won't block it", "… but I'll go
# with the majority"), or the no kept for now ("I'm not for it... yet"): the member may mean to abstain
_YIELDS = re.compile(r"(?<![\w'])(?:(?:won't|will not|wouldn't|would not|shan't|not going to|don't want to|wo n't)\s+"
                     r"(?:stand in (?:the|its|your|their) way|get in (?:the|its) way|block|oppose|veto|fight|object to"
                     r"|vote (?:it )?(?:against|down)|stop)"
                     r"|go (?:along )?with (?:the )?(?:majority|group|rest|others|flow|consensus)|can live with"
                     r"|ne (?:m'y opposerai|bloquerai|l'emp[eê]cherai) pas|nicht im weg stehen|nicht blockieren"
                     r"|no (?:lo )?(?:bloquear\w*|me opondr\w*)|non (?:lo )?bloccher\w*|niet tegenhouden)(?![\w'])"
                     r"|(?:^|[.…,;—–-])\s*(?:yet|pour l'instant|noch)\s*[.!…]*\s*$")

# a question that holds the answer, but "why not?" ("Sure, why not?")
_WHY_NOT = re.compile(r"[,\s]*(?:" + WHY_NOT + r")\s*\?+")
_QUESTION = re.compile(r"[^.!?…]*\?")
def _polarity(key: str | None) -> int:
    """+1 for a yes or an option chosen by its name, -1 for a no, 0 for an abstention."""
    return {"YES": 1, "NO": -1, "ABSTAIN": 0}.get(key, 1) if key is not None else 1


def _answer_span(line: str, index: int, key: str | None, options, keys, labels, title: str) -> int | None:
    """Where, in the line, the segment that gives the answer ends (None when no one segment gives it)."""
    at = 0
    for segment in segments(line):
        start = line.find(segment, at) if segment else -1
        if start < 0:
            continue
        at = start + len(segment)
        if not segment.strip():
            continue
        if parse_expr(segment, options, keys, labels)[0] == index or (
                key and any(k == key and what == THIS for k, what, _, _ in stances(segment, title))):
            return at
    return None


_CONCESSIVE = re.compile(r"^(?:but|though|although|however|mais|aber|pero|aunque|ma|maar|mas|yet|bien que|obwohl)\s+"
                         r"|(?<=\s)(?:aber|doch|jedoch|pourtant|quand même)(?=\s)")


def _leaning(line: str, options, keys, labels) -> bool:
    """True when a line that abstains says, in a clause of its own, how the member leans ("Ich enthalte
    mich, bin aber dagegen", "Me abstengo, aunque estoy a favor")."""
    leans = {keys[k] for k in ("YES", "NO") if k in keys}
    for segment in segments(line):
        bare = re.sub(r"\s+", " ", _CONCESSIVE.sub(" ", segment)).strip()
        if bare and (parse_expr(bare, options, keys, labels)[0] in leans
                     or any(pattern.fullmatch(bare) for pattern in _BARE_STANCE.values())):
            return True
    return False


# votes18: the others urged the member's way, the whole next line ("Yes" / "Hope everyone votes for it", "See you at
# the AGM — let's vote it through"): no answer given to another; not "Let's vote it through, says Paul" (review18)
_URGE = (r"^\W*(?:see you (?:at|on) (?:the )?\w+\s*[—–,.!-]+\s*)?(?:(?:i )?hope (?:everyone|everybody|all of you|you all|others|the others|people|we all|we)|(?:let's|let us)"
         r"|(?:i )?(?:urge|ask|encourage) (?:everyone|everybody|all of you|you all|others|the others|people))\s+(?:\w+\s+){0,2}?")
_URGED = {1: re.compile(_URGE + r"(?:vote[sd]? (?:for it|it through|yes|in favou?r)|pass it|support it|approve it)[\s.!]*$"),
          -1: re.compile(_URGE + r"(?:vote[sd]? (?:against it|it down|no)|reject it)[\s.!]*$")}


def taken_back_after(found, number: int, polarity: int) -> str | None:
    """Why the line right after the answer's line `number` of `found` takes the answer back by itself
    ("Yes" / "Just kidding!", "Not.", "/s", "👎", "lol no", "said my wife. Me, I'm against.",
    "Sure, and pigs will fly."), or None."""
    n, raw, line = next(((n, r, l) for n, r, l in found if n > number), (None, "", ""))
    if n is None:
        return None
    if (not re.sub(r"[\W_]", "", raw) and opposite_emoji(raw, polarity)) or _ironic(line, polarity) or (
            polarity > 0 and (_BARE_NOT.fullmatch(line) or _SURE_AND_TAIL.match(line))):
        return f"line {n} takes back the answer of line {number}: {raw!r}"
    if reported(line, []) and not (polarity and _URGED[polarity].search(line) and found[-1][0] == n):  # the last line
        return f"line {n} gives the answer of line {number} to someone else: {raw!r}"
    if polarity > 0 and incredulous(line):
        return f"line {n} doubts what the answer of line {number} agrees to: {raw!r}"
    return None


def _asked(line: str, index: int, options, keys, labels, title: str) -> bool:
    """True when a question of the line holds the answer read, or a stance on a yes/no ballot ("Against
    the merger, me?"), "why not?" excepted."""
    for m in _QUESTION.finditer(_WHY_NOT.sub(".", line)):
        question = m.group(0)
        if any(parse_expr(s, options, keys, labels)[0] == index for s in segments(question) if s.strip()):
            return True  # "Yes, I guess?"; not "Sunday? No. Saturday.", where the question names another
        if title and "YES" in keys and stances(question, title):
            return True
    return False


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "eins": 1, "zwei": 2, "drei": 3,
                 "vier": 4, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4}


def number_in_another_label(line: str, index: int, options) -> bool:
    """True when the answer is a bare number ("2", "two") that also stands in another option's label
    ("2" on "2 meetings a year" / "4 meetings a year": the second option, or the one of 2 meetings?)."""
    bare = strip_frame(line).strip(" .!#")
    n = int(bare) if bare.isdigit() else _NUMBER_WORDS.get(bare)
    if n is None:
        return False
    forms = {str(n)} | {word for word, value in _NUMBER_WORDS.items() if value == n}
    return any(i != index and forms & _label_numbers(option) for i, option in enumerate(options))


def _label_numbers(label: str) -> set[str]:
    """The numbers and number words a label holds, a thousands separator kept inside ("$2,500" → "2500")."""
    words = set(re.findall(r"[^\W\d]+", label.casefold()))
    return words | {re.sub(r"[,.\s'’]", "", n) for n in re.findall(r"\d(?:[\d,.'’]*\d)?", label)}


# an answer alone on the reply's only meaningful line: none of the checks below can fire on it
# (tests/test_votes_bare_answer_exact.py runs them all on every such line and title)
_BARE_KEYS = frozenset(("YES", "NO", "ABSTAIN"))
_BARE_ANSWER = re.compile(r"\s*(?:yes|no|abstain)\s*[.!]?\s*", re.IGNORECASE)


# batch 20: a candidate refused by a pronoun right after being named ("Marta, not her", "Oluwaseun - not him")
_NOT_THEM = re.compile(r"[,;.!—–-]\s*(?:but |or |and )?not (?:him|her|them|he|she)(?:,?\s+(?:again|this time|please)){0,2}(?![\w'])(?=\s*(?:[,;.!?…)]|$))")


def contrary(found, number: int, index: int, key: str | None, options, keys, labels, title: str = "") -> str | None:
    """Why the answer read on line `number` of the meaningful lines `found` (as `answer_lines` gives
    them) is not to be counted (see the module doc), or None when nothing turns it round."""
    if len(found) == 1 and found[0][0] == number and key in _BARE_KEYS and _BARE_ANSWER.fullmatch(found[0][1]):
        return None  # "Yes", "No.", "ABSTAIN!" alone: nothing beside it to turn it round (the commonest reply)
    lines = [(n, raw, line) for n, raw, line in found if n <= number]
    if not lines or lines[-1][0] != number:
        return None
    _, raw, line = lines[-1]
    polarity = _polarity(key)
    aside = aside_start(line)  # "Abstain. Also: no, I can't make the AGM": another matter
    own = line if aside is None else line[:aside]
    if opposite_emoji(raw, polarity, lambda words: parse_expr(words, options, keys, labels)[0] == index,
                      lambda text: bool(title) and key in ("YES", "NO") and names_action(text, title)):
        return f"line {number} holds an emoji that says the other answer: {raw!r}"
    if _ironic(line, polarity) or (polarity > 0 and never_idiom(line)):
        return f"line {number} takes its answer back with irony: {raw!r}"
    if polarity and doubtful_emoji(raw, lambda words: parse_expr(words, options, keys, labels)[0] == index):
        return f"line {number} holds an emoji of doubt beside its answer: {raw!r}"
    after = taken_back_after(found, number, polarity) or later_doubt(found, number, key, polarity, title)
    if after is not None:
        return after
    why = (remark_not_whole(found, number, own, index, options, keys, labels)  # review 19: "X is the closest, but …"
           or offered_later(found, number, index, options, keys, labels))  # "Priya" / "Or Tomás"
    if why is None and other_after_but(own, index, options, keys, labels):  # "Mittwoch, kann aber nur Montag"
        why = f"line {number} names another option after a 'but': {raw!r}"
    if why is not None:
        return why
    if reported(line, [l for _, _, l in lines[:-1]]):
        return f"line {number} reports someone else's answer: {raw!r}"
    if proxy_vote(line, [l for _, _, l in lines[:-1]]):
        return f"line {number} gives a vote for another person: {raw!r}"
    if proxy_note_after([l for n, _, l in found if n > number]):  # "Yes" / "This is Tom's wife replying"
        return f"a line after line {number} says another person writes for the member: {raw!r}"
    if polarity < 0 and _NOT_AGAINST.search(line) and not _STILL_AGAINST.search(line, _NOT_AGAINST.search(line).end()):
        return f"line {number} denies being against beside its no: {raw!r}"
    if (_ATTENDANCE.search(line) or comes_to_the_meeting(line)) and not _ABOUT_COMING.search(title.casefold()) and not _ALSO_COMING.search(line) and not (
            key in _EXPLICIT_VOTE and _EXPLICIT_VOTE[key].search(line)
            and not _EXPLICIT_VOTE["NO" if key == "YES" else "YES"].search(line)):  # "… and voting yes"
        return f"line {number} answers whether the member comes, not the ballot: {raw!r}"
    if polarity < 0 and _YIELDS.search(own):
        return f"line {number} says no, then lets the motion pass: {raw!r}"
    if polarity > 0 and key == "YES" and _CONCEDED.search(line):
        return f"line {number} only denies an objection, then holds its answer back: {raw!r}"
    if _OPPOSITE.search(line) or _WOULD_HELD_BACK.search(line):
        return f"line {number} holds its answer back or turns it round: {raw!r}"
    if polarity and any(_BARE_STANCE[-polarity].fullmatch(s.strip()) for s in segments(own) if s.strip()):
        return f"line {number} takes the other stance beside its answer: {raw!r}"
    if "?" in line and _asked(line, index, options, keys, labels, title):
        return f"line {number} asks its answer as a question: {raw!r}"
    if key == "ABSTAIN" and _leaning(own, options, keys, labels):
        return f"line {number} abstains but says how the member leans: {raw!r}"
    if number_in_another_label(own, index, options):
        return f"line {number} gives a number that another option's label holds too: {raw!r}"
    other = {parse_expr(s, options, keys, labels)[0] for s in standing_segments(own) if s.strip()} - {index, None}
    if other:  # "1 (No)": the number names Yes, the word No
        return f"line {number} names {options[min(other)]!r} by itself too: {raw!r}"
    end = _answer_span(line, index, key, options, keys, labels, title)
    if end is not None and polarity > 0 and _SURE_AND_TAIL.match(line[end:]):
        return f"line {number} takes its answer back with irony: {raw!r}"
    if end is not None and key == "YES" and limited_yes(line[end:], title):
        return f"line {number} puts its yes off or holds it to a part: {raw!r}"
    if end is not None and polarity > 0 and incredulous(line[end:]):  # "Yes. Seriously?", "Yes. Really? Merging?"
        return f"line {number} doubts what its answer agrees to: {raw!r}"
    if end is not None and key == "NO" and no_then_why_not(line[end:]):
        return f"line {number} asks why not after its no: {raw!r}"
    if end is not None and polarity > 0 and denied(line[end:]):
        return f"line {number} denies its answer right after it: {raw!r}"
    if end is not None and key in ("YES", "NO") and title and (narrowed(line[end:], title)
                                                               or another_item(line[end:], title)
                                                               or another_item(re.sub(r"^\W*[\w']+", "", line), title)):
        return f"line {number} narrows its answer to another matter: {raw!r}"
    judged = title if key in ("YES", "NO") else ""  # an option is judged by a pronoun ("Ottawa, it is the worst")
    person = not judged and _is_person_label(options[index])  # batch 20: "Marta, she would be a disaster"
    if person and _NOT_THEM.search(own):  # batch 20: "Marta, not her": the candidate chosen, then refused
        return f"line {number} names a candidate, then refuses them: {raw!r}"
    person = person and only_the_candidate(" ".join([line[end:] if end is not None else own]  # review20: no one else
                                                    + [l for n, _, l in found if n > number]), index, options, keys, labels)
    if end is not None and judged_otherwise(line[end:], polarity, judged, person=person):
        return f"line {number} judges the motion the other way after its answer: {raw!r}"
    later = next(((n, r) for n, r, l in found if n > number and judged_otherwise(l, polarity, judged, later=True,
                                                                                person=person)), None)
    if later is not None:  # "Yes" / "But the merger is a terrible idea."
        return f"line {later[0]} judges the motion the other way after the answer of line {number}: {later[1]!r}"
    if answers_another_proposal(line, end, [l for _, _, l in lines[:-1]], title):
        return f"line {number} answers after another proposal it may be about: {raw!r}"
    return None


def corrected_contrary(found, number: int, key: str | None, title: str = "") -> str | None:
    """Why an answer the member corrected to on line `number` of `found` is not to be counted: an emoji
    of the other answer or of doubt ending its line, irony, what follows the correction putting a yes
    off or judging the motion the other way ("No. Actually yes, but only next year", "Yes. Actually, no,
    I love it"), or a next line that takes it back ("Correction: yes ❌", "I meant yes. Just kidding.");
    else None."""
    polarity = _polarity(key)
    for n, raw, line in found:
        if n == number:
            ends = re.search(r"[^\W\d_][\W\d_]*$", raw)  # the emoji after the line's last word
            if (ends and opposite_emoji(ends.group(0)[1:], polarity)) or _ironic(line, polarity) or reported(line, []):
                return f"line {number} takes its corrected answer back: {raw!r}"
            if polarity and doubtful_emoji(raw, lambda words: False):
                return f"line {number} corrects its answer with an emoji of doubt: {raw!r}"
            corrected = line[max((m.end() for m in CORRECTION.finditer(line)), default=0):]
            if (key == "YES" and limited_yes(corrected, title)) or (
                    key in ("YES", "NO") and judged_otherwise(corrected, polarity, title)):
                return f"line {number} holds back or judges the other way what it corrects to: {raw!r}"
            if key == "YES" and regretted(corrected):  # "Nein. Eigentlich ja, schade drum": a yes feared, not chosen?
                return f"line {number} corrects its answer to a yes it regrets: {raw!r}"
    return taken_back_after(found, number, polarity)


# a letter or digit: a line without one is symbols and emoji alone (what `re.sub(r"[\W_]", "", line)`
# leaves, looked for without building the rest of the line; a replacement character, U+FFFD, is none)
_WORD_CHARACTER = re.compile(r"[^\W_]")


def emoji_line_after(new_text: str, number: int, index: int, options) -> bool:
    """True when the first non-blank line of `new_text` after line `number` (1-based) is emoji alone and
    says the other answer than option `index` ("Yes" / "👎", "No" / "👍") or doubts a yes or no ("Yes" / "🙄")."""
    keys, _ = option_keys(options)
    key = next((k for k, i in keys.items() if i == index), None)
    # the line's first MAX_LINE_CHARS characters, as every line is read (the worst-case read: a
    # mislabelled charset's line of 100,000 replacement characters)
    following = next((l for l in new_text.splitlines()[number:] if l.strip()), "")[:MAX_LINE_CHARS]
    if following.lstrip().startswith(">") or _WORD_CHARACTER.search(following):
        return False
    return (opposite_emoji(following, _polarity(key))
            or bool(_polarity(key)) and doubtful_emoji(following, lambda words: False))  # "Yes" / "🙄"


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
_NOT_AGAINST, _OPPOSITE, _WOULD_HELD_BACK = map(gated, (_NOT_AGAINST, _OPPOSITE, _WOULD_HELD_BACK))
