"""What a line after a member's answer says of it, read as the same words would be read on the answer's
own line (issue 15, votes17). Pure functions, used by `contrary_remarks`.

- a "but" that opens the next line and puts the yes off or holds it to a part ("Yes" / "But not now",
  "But only for new members"), as `answer_doubts.limited_yes` reads it after the yes;
- an emoji of doubt alone on a later line ("Yes" / "🙄"), or the member still thinking it over
  ("Yes." / "Hmm 🤔 actually let me think");
- a vote of the other answer said in words on a later line ("Yes" / "I'll be there to vote it down");
- a doubt alone, or a doubt on an answer, as the first sentence of a later line ("Abstain, I don't know
  enough" / "Maybe yes though", "No" / "Well, maybe. Depends on the price", "Yes" / "Not sure though",
  "No" / "Or maybe yes"), batch 19; a doubt on something else stays a comment ("Yes" / "Maybe I can help
  with the flyers", "No" / "Maybe next year", "Yes" / "Not sure I can come though").
- the member saying on a later line that they are still undecided, or abstain ("Yes" / "Hope we all vote
  for it, but I'm not sure yet", "… I'm still torn", "Hope others vote for it, I'm abstaining").

Each pattern is bounded and anchored at a word, tried on a few lines of at most
`answer_lines.MAX_LINE_CHARS` characters: reading stays linear.
"""
from __future__ import annotations

import re

from workflows.reading.answer_doubts import doubtful_emoji, limited_yes

# a line that opens with "but" ("But not now")
_BUT = re.compile(r"\W*(?:but|mais|aber|pero|ma|maar|mas|ale|though|however)(?![\w'])")
# still thinking it over ("Hmm 🤔 actually let me think", "Let me think about it", "On second thoughts…")
_THINKING = re.compile(r"(?<![\w'])(?:hmm+|erm+|umm*)(?![\w'])|(?<![\w'])(?:let me (?:think|sleep on it|get back)|i(?:'ll| will)"
                       r" (?:think|get back)|need (?:to|more time to) think|on second thoughts?|laissez-moi réfléchir"
                       r"|je vais réfléchir|ich muss (?:noch )?(?:überlegen|nachdenken)|déjame pensar|lo pensaré"
                       r"|fammi pensare|ik moet (?:er )?(?:nog )?over nadenken|deixa-me pensar|muszę się zastanowić)(?![\w'])")
# the other answer's vote said in words ("… to vote it down", "I'll vote against"; "I'll vote for it")
_VOTES = {1: re.compile(r"(?<![\w'])vot(?:e|ing) (?:it |this |them )?(?:down|out|against)(?![\w'])"),
          -1: re.compile(r"(?<![\w'])vot(?:e|ing) (?:(?:it|this|them) (?:through|in)|for (?:it|this|them))(?![\w'])")}

# batch 19: a doubt opening the first sentence of a later line, the rest of it only answers, doubts and fillers
# ("Maybe.", "Or maybe yes", "Maybe yes maybe no", "Well, maybe not", "Not sure though", "Probably, who knows"),
# "or" before an answer ("Or no."), or "it depends" ("Depends on the price"); not a doubt that goes on about
# something else ("Maybe I can help with the flyers", "Not sure why we waited so long")
_DOUBT_OPENER = (r"^\W*(?:(?:well|or|but|though|then again|hmm+|and|ou|oder|o|of|lub|или|mais|aber|pero|ma|maar|mas)"
                 r"[\s,.…]+)*")
_LATER_HEDGE = re.compile(
    _DOUBT_OPENER + r"(?:maybe|perhaps|probably|possibly|not sure|unsure|i'm not sure|i am not sure|not so sure"
    r"|i don't know|don't know|dunno|idk|no idea|undecided|on the fence|or not|peut-être|pas sûre?|je ne sais pas"
    r"|vielleicht|wahrscheinlich|weiß nicht|weiss nicht|quizás|quizá|tal vez|no sé|forse|non so|talvez|não sei"
    r"|misschien|weet niet|może|nie wiem|возможно|наверное|не знаю|belki|bilmiyorum"
    # review 19: "not sure" in the languages above ("Pero no estoy segura", "Bin mir nicht sicher")
    r"|(?:yo )?no estoy (?:muy )?segur[oa]|(?:ich )?bin (?:mir )?(?:da )?nicht (?:so )?sicher|nicht sicher|(?:io )?non sono (?:tanto )?sicur[oa]"
    r"|je ne suis pas sûre?|não tenho certeza|não estou segur[oa]|ik weet het niet zeker|niet zeker|nie jestem pew(?:ien|na)"
    r"|не уверен[аы]?|emin değilim|inte säker|jag vet inte|ikke sikker|jeg er ikke sikker|en ole varma|nejsem si jist[áý]?"
    r"|nem vagyok biztos|δεν είμαι σίγουρ[οη]ς?|не впевнен(?:ий|а)|no n'estic segur[a]?|tidak yakin|kanske|vet inte|ved ikke"
    r"|vet ikke|ehkä|en tiedä|nevím|talán|ίσως|δεν ξέρω|можливо|не знаю|potser|no ho sé|mungkin|tidak tahu)(?![\w'])"
    # the doubt of scripts without spaces alone in its sentence ("不知道", "잘 모르겠어요", "わからない")
    r"|^\W*(?:(?:但是|不过|可是|근데|그런데|でも)\W*)?(?:(?:잘\s*)?모르겠\w*|확실하지 않\w*|不知道|不确定|不確定|不清楚"
    r"|わからない|分からない|わかりません|分かりません|たぶん|多分)(?=\W*$)"
    r"|^\W*(?:or|ou|oder|o|of|lub|или)\s+(?=\w)"
    r"|" + _DOUBT_OPENER + r"(?:it )?(?P<depends>depends|ça dépend|kommt (?:drauf|darauf) an|depende|dipende"
    r"|hangt (?:ervan )?af|zależy|зависит)(?![\w'])")
# what may follow such a doubt in its sentence for it to be about the answer: answers, doubts, fillers
_ABOUT_THE_ANSWER = frozenset((
    "yes no not abstain abstaining abstention oui non pas ja nein nicht doch sí si sim não nao nee wel tak nie да нет sì igen"
    " nem evet hayır kyllä ei nej nei ano ne for against dafür dagegen pour contre maybe perhaps probably possibly sure"
    " unsure not i i'm am don't know dunno idea who knows we'll see think guess suppose though tho after all anymore any"
    " more either then really or and but well hmm so yet honestly peut-être vielleicht quizás tal vez forse talvez misschien"
    " może aber pourtant").split())
_SENTENCE = re.compile(r"[.!?…]+")
# review18's probes: a later line that says the member is still undecided, or abstains ("Yes" / "Hope we all
# vote for it, but I'm not sure yet", "… I'm still torn", "Hope others vote for it, I'm abstaining")
_UNDECIDED = re.compile(r"(?<![\w'])(?:i'm|i am) (?:still )?(?:(?:undecided|torn|on the fence)(?![\w'])"
                        r"|(?:not sure yet|still not sure)(?:\W*$|\W*[.;!]))"
                        r"|(?<![\w'])(?:but|though) (?:i'm|i am) (?:still )?not sure\W*$")
_ABSTAINING = re.compile(r"(?<![\w'])(?:i'm abstaining|i am abstaining|i(?:'ll| will)? abstain)(?![\w'])")

_NEGATED = re.compile(r"(?<![\w'])(?:not|never|won't|wouldn't|can't|couldn't|don't|n't)\W+(?:[\w']+\W+)?$"
                      r"|(?<![\w'])(?:nobody|no one|no-one|none of us|niemand|personne|nadie|nessuno|nikt|ninguém)\W+(?:[\w']+\W+)?$")


def later_doubt(found, number: int, key: str | None, polarity: int, title: str = "") -> str | None:
    """Why a meaningful line of `found` after the answer's line `number` leaves the answer in doubt (see
    the module doc), or None."""
    later = [(n, raw, line) for n, raw, line in found if n > number][:3]
    for position, (n, raw, line) in enumerate(later):
        first = re.split(r"[.!?…]", line, maxsplit=1)[0]  # a long first sentence is a comment, not a condition
        if position == 0 and key == "YES" and _BUT.match(line) and len(first) <= 100 and limited_yes(first, title):
            return f"line {n} puts the yes of line {number} off or holds it to a part: {raw!r}"
        if polarity and (not re.sub(r"[\W_]", "", raw) and doubtful_emoji(raw, lambda words: False)
                         or position == 0 and _THINKING.search(line)):
            return f"line {n} doubts the answer of line {number}: {raw!r}"
        sentence = _SENTENCE.split(line, maxsplit=1)[0] or line
        doubt = _LATER_HEDGE.match(sentence)
        if doubt and (doubt.group("depends")
                      or all(word in _ABOUT_THE_ANSWER for word in re.findall(r"[\w'-]+", sentence[doubt.end():]))):
            return f"line {n} doubts the answer of line {number}: {raw!r}"
        if _UNDECIDED.search(line) or key != "ABSTAIN" and _ABSTAINING.search(line):
            return f"line {n} says the member is undecided or abstains: {raw!r}"
        vote = _VOTES[polarity].search(line) if polarity in _VOTES else None
        if vote and not _NEGATED.search(line[:vote.start()]):  # not "No" / "I'd never vote for it"
            return f"line {n} votes the other way from the answer of line {number}: {raw!r}"
    return None
