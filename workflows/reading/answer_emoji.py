"""Emoji that say an answer ("✅", "👍" for yes; "❌", "👎" for no) and whether a line's emoji say the
other answer than the one read ("Yes ❌", "No 👍"). Pure functions, used by `contrary_remarks`.
"""
from __future__ import annotations

import re

# emoji that say yes / approve, and those that say no / refuse ("Yes ✅" vs "Yes ❌")
POSITIVE_EMOJI = frozenset("✅✔☑👍👌🎉🥳😍🙌👏🤩")
NEGATIVE_EMOJI = frozenset("❌✖✗✘❎👎🚫⛔🙅🛑🤮🤢😡💩")
# a feeling, not a verdict: followed by words, it is about them
_FEELINGS = frozenset("😡🤬🤮🤢💩")
# thanks or an apology before the emoji: it is about them ("No thanks 👍")
_POLITE = re.compile(r"(?<![\w'])(?:thanks?|thank you|sorry|merci|danke|gracias|grazie|cheers|bedankt)(?![\w'])[^.!?]*$")
_ANSWER_EMOJI = POSITIVE_EMOJI | NEGATIVE_EMOJI
# a run of emoji (with their joiners and spaces) that holds at least one emoji of an answer
_EMOJI_RUN = re.compile(r"[" + "".join(sorted(_ANSWER_EMOJI | set("✌🙂🙏😊"))) + r"\ufe0f\u200d\s]*["
                        + "".join(sorted(_ANSWER_EMOJI)) + r"][" + "".join(sorted(_ANSWER_EMOJI | set("✌🙂🙏😊")))
                        + r"\ufe0f\u200d\s]*")


def opposite_emoji(raw: str, polarity: int, is_answer=lambda words: True, names_motion=lambda text: False) -> bool:
    """True when the line as written holds an emoji that means the other answer ("Yes ❌", "No 👍") right
    after the answer (`is_answer` tells whether the words before it are the answer alone), before it, or
    ending the line; not after thanks ("No thanks 👍"). Emoji further inside the line are about something
    else ("Yes 👍 (Monday I'm 🚫 so can't come)"), and a feeling (😡) followed by words is about them unless
    they name the motion (`names_motion`)."""
    if _ANSWER_EMOJI.isdisjoint(raw):  # every run holds one of them: a line without any has none
        return False
    other = NEGATIVE_EMOJI if polarity > 0 else POSITIVE_EMOJI if polarity < 0 else frozenset()
    runs = list(_EMOJI_RUN.finditer(raw))
    for run in runs[:2]:
        before, after = raw[:run.start()], raw[run.end():]
        words = re.sub(r"[^\w\s']", " ", before).casefold().split()
        ends = not re.sub(r"[\W_]", "", after)
        if words and (_POLITE.search(before.casefold()) or not (ends or is_answer(" ".join(words)))):
            continue
        if not ends and not set(run.group(0)) - _FEELINGS - set("\ufe0f\u200d \t") and not names_motion(after):
            continue  # "Yes! 😡 it took so long": the anger is at what follows; not "Yes 😡 what a mess this merger is"
        if any(c in other for c in run.group(0)):
            return True
    return False
