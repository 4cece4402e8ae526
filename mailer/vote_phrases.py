"""The words with which a person says she casts her own vote, in the languages members write: "I vote",
"I'm voting", "my vote", "je vote", "ich stimme", "mi voto", "ik stem", "głosuję". Words only, no rule
about them.

Defined here once for the two that read them: the automatic-reply checks take a message that says
one for a person's, never a challenge-response filter's ask (`mailer.autoreply`: a filter holding
mail never votes), and the vote reading takes an answer said with one for the member's own vote, not
an answer to another proposal reported before it (`workflows.reading.reported_answers`).

Why here, beside `mailer.bare_answers`: these are words people write, not a rule of the network; the
mailer needs them and may import nothing of the workflows, while the workflows may import the
mailer's plain values (tests/test_layout). Why the mailer keeps its check: telling a person's mail
from a machine's is the mailer's answer, given before the router runs (the parsed message carries it,
and `bench.reading` measures it there); moving "does this person speak of voting?" to the router
would leave the mailer calling such a member's mail automatic and the router undoing it.

Not every vote word is here: `workflows.reading.ballot_context` takes a phrase alone for the answer
said as a vote after rhetorical questions, so it keeps a narrower list of its own (with these, "I'm
voting later" or "Our vote was split" would count the answer before them).
"""
from __future__ import annotations

import re

VOTE_PHRASES = (
    # English
    "i vote", "i'll vote", "i will vote", "i'm voting", "i am voting", "we vote", "my vote", "our vote",
    # French
    "je vote", "je voterai", "mon vote",
    # Spanish, Italian, Portuguese: "my vote" ("o meu voto"); "voto" alone is "I vote" in all three but also the
    # noun ("el voto", a ballot's title): each reader says where it takes it for the verb
    "mi voto", "il mio voto", "meu voto",
    # German ("Für B stimme ich"), Dutch, Danish and Norwegian, Swedish, Polish
    "ich stimme", "stimme ich", "meine stimme", "ik stem", "mijn stem", "jeg stemmer", "jag röstar", "głosuję",
)
# the phrases as one alternation for a pattern (each user sets its own word boundaries and case)
VOTE_PHRASE_PATTERN = "(?:" + "|".join(re.escape(phrase) for phrase in VOTE_PHRASES) + ")"
