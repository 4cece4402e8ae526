"""Issue 15, votes18: plain answers the votes17 review and the blind batch 18 asked back, by kind.

"No voy, lo siento" on "Will you attend the AGM", "I meant to reply sooner", "I meant what I said", a city
chosen while another is called too far, too dear or a disaster, or named where the gathering was before.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, ATTEND, CITIES, GATHERING, MERGER, YES_NO, check

NOT_COMING = [
    ("No voy, lo siento.", "No"), ("Não vou, desculpem.", "No"), ("No hi aniré, ho sento.", "No"), ("Yo no voy", "No"),
    ("Je ne viendrai pas", "No"), ("Ich komme nicht.", "No"), ("I won't be there, sorry", "No"),
    # not read: "I won't miss it", a doubt or a question after it
    ("No voy a faltar", ASKED), ("I can't make it, maybe online?", ASKED), ("No voy, si llueve", ASKED),
]


@pytest.mark.parametrize("reply, expected", NOT_COMING)
def test_not_coming_on_a_ballot_asking_whether_the_member_comes(reply, expected):
    check(reply, expected, ATTEND, YES_NO)


def test_not_coming_is_no_answer_to_another_ballot():
    check("No voy, lo siento.", ASKED, MERGER, YES_NO)


MEANT = [
    ("Yes. Sorry, I meant to reply last week!", "Yes"), ("Yes. I meant to reply sooner!", "Yes"),
    ("No. I meant to say so at the meeting but we ran out of time.", "No"), ("No — I meant to say this at the meeting", "No"),
    ("Yes — I meant what I said at the last meeting.", "Yes"), ("No, I meant what I said last time", "No"),
    ("Yes, I meant it", "Yes"),
    # still corrections
    ("Yes, sorry, I meant no", "No"), ("Yes. I meant to say that", ASKED), ("Yes. Sorry, I meant the other one", ASKED),
    ("No. I meant to vote yes", ASKED), ("Yes. I meant to write the opposite", ASKED),
]


@pytest.mark.parametrize("reply, expected", MEANT)
def test_i_meant_to_reply_is_no_correction(reply, expected):
    check(reply, expected)


CITY = [
    ("Toronto. Montreal wäre für uns zu teuer.", "Toronto"), ("Toronto. Montreal queda demasiado lejos.", "Toronto"),
    ("Toronto, Montreal è troppo cara.", "Toronto"), ("Toronto — Montreal is te ver.", "Toronto"),
    ("Toronto. Montreal fica longe demais.", "Toronto"), ("Toronto — Montréal coûterait trop cher en transport.", "Toronto"),
    ("Montreal, Toronto is a mess in summer", "Montreal"), ("Toronto. Ottawa would be a disaster", "Toronto"),
    ("Toronto, instead of Ottawa again", "Toronto"), ("Toronto, since we were in Montreal last year", "Toronto"),
    ("Ottawa — it's closer for most members than Toronto or Montreal.", "Ottawa"),
    # still asked: two acceptable, a second choice, a pair
    ("Toronto. Montreal would also be fine", ASKED), ("Toronto. Montreal second.", ASKED), ("Toronto or Montreal", ASKED),
    ("Toronto, Ottawa.", ASKED), ("Montreal rather than Toronto? Hmm, Toronto.", ASKED),
]


@pytest.mark.parametrize("reply, expected", CITY)
def test_a_city_chosen_beside_one_ruled_out(reply, expected):
    check(reply, expected, GATHERING, CITIES)


UNKNOWING = [
    ("Abstain please, I'm new and don't know enough yet.", "Abstain"), ("Je m'abstiens, je ne sais pas", ASKED),
    ("Abstain — no idea about Hamilton", ASKED),  # review18: not knowing without "enough" may doubt the abstention ("Sí, aunque aún no conozco a la gente de Hamilton", "Yes"),
    ("Sim, embora ainda não conheça a equipa", "Yes"),
    # a doubt on the answer itself stays one
    ("Abstain, maybe", ASKED), ("Abstain, I don't know, maybe yes", ASKED), ("Yes, I don't know", ASKED),
    ("Sim, ainda não", ASKED),
]


@pytest.mark.parametrize("reply, expected", UNKNOWING)
def test_not_knowing_enough_is_a_reason_not_a_doubt(reply, expected):
    check(reply, expected)
