"""What members receive when they vote the way blind batch 4 of the corpus showed they write:
a self-correction, a condition word with its ordinary meaning, a vote after an apology, an
option by some of its words; and, for every unclear answer, the request to clarify that quotes
what they wrote and lists the options again (never a guess, never silence). Real Dovecot + SMTP.
"""
from __future__ import annotations

import re

from tests.test_votes_scenario import MOTION, net, open_vote  # noqa: F401 (net: the network fixture)


def ballots_of(out):
    return {m.to: m for m in out if "Vote opened" not in m.subject}


def recorded(receipt) -> str | None:
    """The choice a receipt says was recorded (in English or in French)."""
    found = re.search(r"(?:is recorded|est enregistré)\s?:\s?(.+?)\.\s*$", receipt.text, re.M)
    return found.group(1) if found else None


def answers(net):
    net.step()
    return {m.to: m for m in net.new_messages()}


def test_corrections_ordinary_words_and_unclear_answers_on_a_yes_no_ballot(net):
    by = ballots_of(open_vote(net))
    net.advance(hours=1)
    net.reply(by["li@example.org"], "Yes\n\nSorry, I meant No.")                     # corrected
    net.reply(by["sofia@example.org"], "Sí, se puede.")                              # "se" is no "if" here
    net.reply(by["kofi@example.org"], "Sorry for the delay - yes from us.")          # after an apology
    net.reply(by["tom@example.org"], "Zdržuji se")                                   # Czech abstention
    net.reply(by["rosa@example.org"], "Yes, provided the budget line is removed.")   # a real condition
    net.reply(by["omar@example.org"], "Yes. Correction: let me ask my board first.")  # corrected to nothing
    got = answers(net)
    assert recorded(got["li@example.org"]) == "No"
    assert recorded(got["sofia@example.org"]) == "Yes"
    assert recorded(got["kofi@example.org"]) == "Yes"
    assert recorded(got["tom@example.org"]) == "Abstain"
    for who, first_line in [("rosa@example.org", "Yes, provided the budget line is removed."),
                            ("omar@example.org", "Yes. Correction: let me ask my board first.")]:
        asked = got[who]
        assert asked.subject == "[Vote 1] Your vote could not be read"
        assert f'Its first line was: "{first_line}"' in asked.text
        assert "1. (A) Yes" in asked.text and "3. (C) Abstain" in asked.text
        assert "Reply with YES, NO or ABSTAIN" in asked.text and "Any vote you sent earlier is unchanged." in asked.text
        net.reply(asked, "No")                                                       # the answer to the request
    got = answers(net)
    assert recorded(got["rosa@example.org"]) == "No" and recorded(got["omar@example.org"]) == "No"


def test_options_named_by_their_words_and_a_hedge_on_an_options_ballot(net):
    body = "Options: Community hall, Rue Haute; Library annex, Queen Street; Online only\n" + MOTION
    by = ballots_of(open_vote(net, "[Vote] Venue for the spring assembly", body))
    net.advance(hours=1)
    net.reply(by["li@example.org"], "I'd go with the library annex.")
    net.reply(by["sofia@example.org"], "Option 2 - correction: option 3.")
    net.reply(by["kofi@example.org"], "B. Though C would also be fine.")             # two options: asked
    got = answers(net)
    assert recorded(got["li@example.org"]) == "Library annex, Queen Street"
    assert recorded(got["sofia@example.org"]) == "Online only"
    asked = got["kofi@example.org"]
    assert "could not be read" in asked.subject and 'Its first line was: "B. Though C would also be fine."' in asked.text
    assert "2. (B) Library annex, Queen Street" in asked.text and "3. (C) Online only" in asked.text
    assert 'Reply with the number, the letter or the label of your choice' in asked.text
