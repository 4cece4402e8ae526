"""Issue 15, votes17: the motion judged by a verb, a synonym or what it would do, after a yes or a no.

The review of the votes16 round (/work/notes/review_votes16.md, section 3) found answers counted whose
reason judges the motion the other way without its noun: by a verb of feeling or stance ("Yes, I'd
never support it", "Oui, je déteste cette idée", "Nein, ich liebe es"), by what it would do ("Yes,
Hamilton would swallow us", "No, it'll save us"), by a synonym of its action ("joining Hamilton",
"this union") or by judging the other course ("No, going it alone is a mistake"). Each scenario is
a reply a member might write, and what must happen to it: asked back (a question back is safe; a
wrong count is the worst failure), or counted.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import MERGER, FEE, TERMS, ASKED, check


# a verb of feeling or stance with the motion as its object, a negation turning it round
BY_A_VERB = [
    ("Yes, I'd never support it", ASKED), ("Yes, I'd never vote for it", ASKED), ("No, I'd never oppose it", ASKED),
    ("Yes, I hate the idea", ASKED), ("Yes — honestly I detest this proposal", ASKED),
    ("No. Sorry, I actually love the idea.", ASKED), ("No, I support it", ASKED),
    ("Oui, je déteste cette idée", ASKED), ("Oui, je la déteste", ASKED), ("Non, j'adore l'idée", ASKED),
    ("Sí, odio la idea", ASKED), ("Sí, la odio", ASKED), ("No, apoyo la propuesta", ASKED),
    ("Ja, ich hasse die Idee", ASKED), ("Nein, ich liebe es", ASKED), ("Ja, ik haat het", ASKED),
    ("Sì, la odio", ASKED), ("Sim, odeio a ideia", ASKED), ("Tak, nienawidzę tego pomysłu", ASKED),
    ("Nie, uwielbiam to", ASKED), ("Yes, to merging with Hamilton, which I hate", ASKED),
    # the verb agrees with the answer, or is negated into agreeing
    ("Yes, I'd never oppose it", "Yes"), ("No, I'd never support it", "No"), ("Yes, I support it", "Yes"),
    ("No, I hate the idea", "No"), ("Yes, I love this idea", "Yes"), ("No, I don't support it", "No"),
    ("Oui, j'adore l'idée", "Yes"), ("Non, je déteste cette idée", "No"), ("Sí, apoyo la propuesta", "Yes"),
    ("No, odio la idea", "No"), ("Ja, ich liebe es", "Yes"), ("Nein, ich hasse die Idee", "No"),
    ("Nee, ik haat het", "No"), ("Sim, adoro a ideia", "Yes"), ("Tak, popieram to", "Yes"),
    ("Nie, nienawidzę tego pomysłu", "No"),
]


@pytest.mark.parametrize("reply, expected", BY_A_VERB)
def test_a_verb_that_judges_the_motion(reply, expected):
    check(reply, expected)


# what the motion would do, a synonym of its action, the other course judged, "which is …" after the answer
BY_CONSEQUENCE_OR_SYNONYM = [
    ("Yes, Hamilton would swallow us", ASKED, MERGER), ("Yes, it'll be the end of us", ASKED, MERGER),
    ("No, it'll save us", ASKED, MERGER), ("No, it would help everyone", ASKED, MERGER),
    ("No, it'd be silly not to", ASKED, MERGER), ("Yes. This union would kill us.", ASKED, MERGER),
    ("Yes, this motion is rubbish", ASKED, MERGER), ("Yes, the terms of reference are a mess", ASKED, TERMS),
    ("Yes, I find them unfair", ASKED, TERMS), ("Yes, the old ones were better", ASKED, TERMS),
    ("No, going it alone is a mistake", ASKED, MERGER), ("Yes, staying independent is great", ASKED, MERGER),
    ("Yes, which is a crazy idea", ASKED, MERGER), ("Yes, which is silly", ASKED, MERGER),
    ("Yes, to €30, which is too much", ASKED, FEE), ("Yes, raise the fee, which is unfair", ASKED, FEE),
    ("Yes. Sorry to say it's a bad idea.", ASKED, MERGER), ("Ja, fuseren, wat dom is", ASKED, MERGER),
    ("Sí, fusionarnos, lo cual es una tontería", ASKED, MERGER),
    # agreeing, or about something else
    ("Yes, it'll save us", "Yes", MERGER), ("No, Hamilton would swallow us", "No", MERGER),
    ("Yes, it would help everyone", "Yes", MERGER), ("Yes, going it alone is a mistake", "Yes", MERGER),
    ("No, staying independent is great", "No", MERGER), ("No, the old ones were better", "No", TERMS),
    ("Yes. This email thread is a mess though.", "Yes", MERGER), ("Yes. My week was a disaster.", "Yes", MERGER),
    ("Yes. The Hamilton network is a mess but the merger will fix it.", "Yes", MERGER),
    ("No, the process was great, but no", "No", MERGER), ("Yes, waiting would kill us", "Yes", MERGER),
    ("Yes. The last merger was a disaster, this one won't be.", "Yes", MERGER),
    ("No, €30 is too much", "No", FEE), ("Yes, teaming up with Hamilton is smart", "Yes", MERGER),
]


@pytest.mark.parametrize("reply, expected, title", BY_CONSEQUENCE_OR_SYNONYM)
def test_what_the_motion_would_do_or_a_synonym_judges_it(reply, expected, title):
    check(reply, expected, title)
