"""Issue 15, votes: the misses of blind batch 20 (b20v_), each mended as a rule and tested beside
the look-alikes that must stay as they were (plain answers counted, unclear ones asked back).

- an answer said to come from another person ("Yes from my partner Jo") is theirs: asked back
  (`reported_answers`);
- an "or" opening a later segment offers another answer ("Sim... ou não", "Tak, albo nie",
  "Marta, or Oluwaseun"): two options, asked back (`line_segments`);
- Dutch "ramp" (disaster) only as "een ramp"/"rampzalig": an English ramp is no judgement
  ("St Mary's Hall, it has a ramp") (`motion_judgements`);
- "Obviously yes", "Yes plese": an intensifier before, a typed "please" after (`option_expressions`,
  `answer_tails`);
- "wait, I mean" in German, French, Spanish, Dutch, Portuguese, and "sorry, I mean" with the slip
  named ("no sorry I mean yes!! autocorrect") correct the answer (`answer_words`, `choices`);
- on a ballot without a No option, "B. No, C - sorry, …" corrects B to C (`choices`);
- "he"/"she" name the candidate a judgement is about ("Marta, she would be a disaster": asked)
  (`motion_judgements`); "Marta, not her" refuses her (`contrary_remarks`); "I'm joking" takes an
  answer back (`irony`); "they're both fine" is a hedge (`answer_words`); another option said
  better after a concession ("…, though Oluwaseun is better") or with "'s better" is a second
  answer (`line_segments`, `answer_tails`). A first name with a remark after it ("Oluwaseun -
  he did a great job on the rota") stays asked back: letting the name through counted "Oluwaseun,
  though Marta is better" and "Adeyemi, his rival is better";
- "the rest don't matter to me" closes a ranking (`ranking_closings`).
"""
from __future__ import annotations

import pytest

from tests.review_ballots import PETITION, VENUES, ASSEMBLY, CANDIDATES, SECRETARY, ASKED, check
from workflows.reading.rankings import read_ranking

PRIORITIES = ["Rent caps", "Repairs", "Heating", "Evictions"]


FROM_ANOTHER = [
    ("Yes from my partner Jo - her ballot went to spam so she asked me to pass it on.", ASKED),
    ("Yes from my partner", ASKED), ("Yes, from my wife", ASKED), ("Definitely yes from my mum", ASKED),
    ("No from my husband, he asked me to reply", ASKED), ("Abstain from my partner", ASKED),
    # the member's own, or the member's with another's: counted as before
    ("Yes from me", "Yes"), ("Yes from us", "Yes"), ("Yes from me and my partner", "Yes"),
    ("Yes from my partner and me", "Yes"), ("Yes from my partner and I", "Yes"), ("Yes from my wife too", "Yes"),
    ("Yes from my side", "Yes"), ("Yes from my end", "Yes"), ("Yes from our family", "Yes"),
    ("Yes from both of us", "Yes"), ("Yes - I heard about it from my neighbour", "Yes"),
    ("Yes, I got the petition from my neighbour", "Yes"), ("No from my side, sorry", "No"),
    ("Yes from my partner, and me too", "Yes"),
]

OR_OFFERED = [
    ("Sim... ou não, sei lá", ASKED), ("Sim, ou não", ASKED), ("Tak, albo nie", ASKED), ("Да, или нет", ASKED),
    ("Ja, eller nej", ASKED), ("Evet, ya da hayır", ASKED), ("Ja, of nee", ASKED), ("Não, ou sim", ASKED),
    ("Ano, nebo ne", ASKED), ("Kyllä, tai ei", ASKED), ("Igen, vagy nem", ASKED), ("Da, sau nu", ASKED),
    ("Da, ili ne", ASKED), ("Evet, veya hayır", ASKED), ("Yes, or no if the cost rises", ASKED),
    ("Abstain, or no if I must choose", ASKED), ("Yes, or else we lose the building", "Yes"), ("No, or no questions anyway", "No"),
    # an "or" that offers no other answer: read as before
    ("Yes, of course", "Yes"), ("Ja, of course", "Yes"), ("Yes, or whatever you all decide", "Yes"),
    ("Yes, or as the Dutch say, ja", "Yes"), ("Sí, o sea, de acuerdo", "Yes"), ("Yes, or yes please", "Yes"),
    ("Yes, or at least I think so", "Yes"), ("Nein, oder besser gesagt nein", "No"),
    ("Yes, both are fine", ASKED), ("Yes, just joking", ASKED), ("Yes, I'm not joking", "Yes"), ("Yes, not joking", "Yes"),
    ("Yes, joking aside, we need this", "Yes"), ("Yes, though no would be better", ASKED),
    ("Yes, though a smaller van is better", "Yes"),
    ("Ja, oder?", ASKED), ("Yes, or rather no", ASKED),
]

RAMPS = [
    ("Yes, it has a ramp", "Yes"), ("Yes, the ramp at the hall needs fixing", "Yes"), ("No, it has a ramp but no lift", "No"),
    ("Ja, het is geen ramp", "Yes"), ("Nee, het wordt een ramp", "No"),
    # Dutch "a disaster" judging the motion the other way, or "no disaster" beside a no: asked
    ("Ja, het is een ramp", ASKED), ("Nee, het is geen ramp", ASKED),
]

INTENSIFIED_AND_TYPED = [
    ("Obviously yes!", "Yes"), ("Obviously no", "No"), ("Naturally yes", "Yes"), ("Totally yes", "Yes"),
    ("Yes plese", "Yes"), ("Yes plz", "Yes"), ("Yes thanx", "Yes"),
    # look-alikes: no answer, or the answer turned
    ("Obviously not", ASKED), ("Obviously we should talk first", ASKED), ("Totally not sure", ASKED),
    ("Obviously yes, what could possibly go wrong", ASKED), ("Yes pleased to", ASKED), ("No plea", ASKED),
    ("Obviously", ASKED),
]

CORRECTIONS = [
    ("Nein – Moment, ich meine natürlich JA.", "Yes"), ("Nein, äh, ich meine ja", "Yes"),
    ("no sorry I mean yes!! autocorrect", "Yes"), ("Yes sorry I mean no typo", "No"),
    ("Yes, sorry, I mean no - autocorrect", "No"), ("Nee, wacht, ik bedoel ja", "Yes"), ("No. Wait, I mean yes", "Yes"),
    ("Yes — sorry, I meant No", "No"),
    # said both ways in one breath, or the correction left open: asked back as before
    ("Yes — sorry, I mean no", ASKED), ("No sorry I mean yes", ASKED), ("No, I mean yes", ASKED),
    ("Yes, or rather no", ASKED), ("Yes, wait, I mean no, I'll have to check", ASKED),
    ("No — wait, I mean yes\nI'll check first", ASKED), ("No, sorry, I mean yes\nThanks for organising", ASKED),
    ("Nein, ich meine, ja, kompliziert", ASKED), ("Ja, ich meine nein, ich weiß nicht", ASKED),
    ("Yes, sorry, I mean, it's complicated", "Yes"), ("Ja, ich meine, warum nicht", "Yes"),
    ("Non, attends, je veux dire oui", "Yes"), ("No, espera, quiero decir sí", "Yes"), ("Ja, Moment, ich meine nein", "No"),
    ("Nein, Moment, ich meine ja\nDanke für die Organisation", ASKED),
]

VENUE_REPLIES = [
    ("B - St Mary's Hall, it has a ramp.", "St Mary's Hall"), ("B. No, C - sorry, I forgot the hall is booked that weekend", "Online"),
    ("A - no, C, sorry", "Online"), ("Online. Nein, St Mary's Hall, Entschuldigung", "St Mary's Hall"),
    # look-alikes: a "no" with no apology may refuse the next option, a judgement of the venue, Dutch "een ramp"
    ("B. No, C", ASKED), ("A. No, B.", ASKED), ("A. No, I can't come anyway, sorry", ASKED), ("C. No, not B", ASKED),
    ("A. No, B or C", ASKED), ("B. No, C? hmm", ASKED), ("B, no, C", ASKED),
    ("Online, it would be a disaster", ASKED), ("St Mary's Hall, het is een ramp", ASKED), ("Online, wat een ramp", ASKED),
    ("Online plz", "Online"), ("Obviously online", "Online"),
    ("B, although A is fine too", ASKED), ("B, though A would be better", ASKED),
    ("Online, though the park would be best in summer", "Online"),
]

CANDIDATE_REPLIES = [
    ("Marta, she did a great job", "Marta Kowalska"), ("Marta, she's great", "Marta Kowalska"),
    ("Marta, she was brilliant last year", "Marta Kowalska"), ("Marta, I'm not joking", "Marta Kowalska"),
    ("Marta's better", "Marta Kowalska"), ("Oluwaseun's best", "Oluwaseun Adeyemi"),
    ("Marta, and not her predecessor", "Marta Kowalska"), ("Marta - not her, I mean Oluwaseun", "Oluwaseun Adeyemi"),
    ("Marta, though Oluwaseun is good too", "Marta Kowalska"),
    # main counted these as Marta: a joke, the other said better, both fine, the candidate refused
    ("Marta, I'm joking", ASKED), ("Marta, Oluwaseun's better though", ASKED), ("Marta, though Oluwaseun is better", ASKED),
    ("Marta, although Oluwaseun would be best", ASKED), ("Marta, they're both fine", ASKED), ("Marta, both are fine", ASKED),
    ("Marta, either is fine", ASKED), ("Marta, not her", ASKED),
    # the candidate judged badly by "he" / "she", two candidates, a doubt, a refusal: asked
    ("Oluwaseun, he's terrible", ASKED), ("Oluwaseun, he would be a disaster", ASKED),
    ("Marta, she would be a disaster", ASKED), ("Marta, she's terrible", ASKED), ("Marta - she is the worst", ASKED),
    ("Marta, they would be a disaster", ASKED), ("Oluwaseun\nHe would be a disaster though", ASKED),
    ("Marta, or Oluwaseun", ASKED), ("Oluwaseun, no way", ASKED), ("Marta - definitely not", ASKED),
    ("Oluwaseun, not sure about Marta", ASKED), ("Marta, maybe", ASKED), ("Marta, if she stands", ASKED),
]


@pytest.mark.parametrize("reply, expected", FROM_ANOTHER)
def test_an_answer_from_another_person_is_asked_back(reply, expected):
    check(reply, expected, PETITION)


@pytest.mark.parametrize("reply, expected", OR_OFFERED)
def test_an_or_that_offers_the_other_answer_is_two_answers(reply, expected):
    check(reply, expected, PETITION)


@pytest.mark.parametrize("reply, expected", RAMPS)
def test_an_english_ramp_is_no_dutch_disaster(reply, expected):
    check(reply, expected, PETITION)


@pytest.mark.parametrize("reply, expected", INTENSIFIED_AND_TYPED)
def test_an_intensifier_before_and_a_typed_please_after_keep_the_answer(reply, expected):
    check(reply, expected, PETITION)


@pytest.mark.parametrize("reply, expected", CORRECTIONS)
def test_a_wait_i_mean_correction_in_other_languages_and_a_named_slip(reply, expected):
    check(reply, expected, PETITION)


@pytest.mark.parametrize("reply, expected", VENUE_REPLIES)
def test_venue_replies_a_ramp_and_a_no_that_corrects_with_an_apology(reply, expected):
    check(reply, expected, ASSEMBLY, VENUES)


@pytest.mark.parametrize("reply, expected", CANDIDATE_REPLIES)
def test_a_candidate_named_by_one_name_and_judged_by_a_pronoun(reply, expected):
    check(reply, expected, SECRETARY, CANDIDATES)


@pytest.mark.parametrize("reply, expected", [
    ("Rent caps first, the rest don't matter to me", ["Rent caps"]),
    ("Rent caps first, the rest don't matter", ["Rent caps"]),
    ("Rent caps, then repairs, the others don't really matter to us", ["Rent caps", "Repairs"]),
    ("Rent caps first, the rest doesn't matter much", ["Rent caps"]),
    ("Rent caps first, the rest matter too", None),
    ("Rent caps first, the rest don't matter to me at all?", None),
    ("1 and 2 equal, then 4", None),
])
def test_a_ranking_closed_by_the_rest_not_mattering(reply, expected):
    reading = read_ranking(reply, PRIORITIES)
    got = [PRIORITIES[i] for i in reading.ranking] if reading.ranking else None
    assert got == expected, f"{reply!r}: {reading.reason}"
