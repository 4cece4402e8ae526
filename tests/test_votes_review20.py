"""Issue 15, votes: a review of the batch-20 vote rules (an attack with 519 look-alike replies, read
on main and on the branch). Each scenario below is a reply the batch-20 rules read worse than main
did, or a main fault next to them, mended as a class; beside them, the replies the batch-20 rules
were written for, which the mends must keep.

- Dutch "ramp" (disaster) only after "een" counted "Ja, totale ramp", "Ja, het busje wordt een
  financiële ramp" as a plain yes: it is also read after "een" with an inflected adjective, after a
  Dutch intensifier, and alone as the remark ("Ja, ramp") (`motion_judgements`);
- "he", "she", "they" judge the chosen candidate only when nothing else after the answer could be
  meant: no other option named, in full or by one name, no other person or group ("her rival", "the
  other lot", "they all"), not both a man's and a woman's pronoun; English "on" is no pronoun
  (`candidate_pronouns`);
- "both are fine" / "either is fine" doubts the choice only where the clause ends with it, and is a
  reason to abstain beside "Abstain" (`answer_words`, `firm_answers`);
- "I'm joking", "je rigole", "brincadeira", "grapje" … take an answer back, not when negated in the
  member's language ("sem brincadeira", "geen grapje", "je rigole pas"), set aside ("brincadeira à
  parte") or about another thing ("joking about the cake") (`irony`);
- an answer "from my partner" stays the member's own when the member is in the same list, where the
  clause ends ("from my son, my daughter and me"; not "and I think …", "and I will vote separately")
  (`reported_answers`);
- "or" + the other answer word offers it only alone or under a condition ("Yes, or no if …"), not
  "Yes, or no one will"; and another option offered after "or" under a condition is a second answer
  ("Online, or the park if it's dry", "Marta, or Oluwaseun if she withdraws": main counted the first)
  (`line_segments`);
- another option said better, then taken back with "but" ("B. The park's better but it floods") is
  no second answer (`line_segments.standing_segments`);
- "wait, I mean" in Spanish/French/German/Portuguese with the apology after it ("No, espera, quiero
  decir sí, perdón") corrects like "… sorry" (`answer_words`).

Left asked back (the reader cannot know a candidate's sex): "Marta, not him", "Ana, he would be a
disaster", "Marta" / "He would be a disaster"; and "Marta, she's had a terrible year, let's support
her", "Yes — the Tuesday and Thursday slots, both are fine with me".
"""
from __future__ import annotations

import pytest

from tests.review_ballots import PETITION, VAN, VENUES, ASSEMBLY, CANDIDATES, SECRETARY, NAMES, NEWSLETTER, TREASURERS, TREASURER, ASKED, check


DUTCH_DISASTER = [
    # counted as a plain yes by the batch-20 rule ("ramp" only right after "een"); main asked them back
    ("Ja, totale ramp", ASKED), ("Ja, het busje wordt een financiële ramp", ASKED),
    ("Ja, dat wordt een complete ramp", ASKED), ("Ja, ramp", ASKED), ("Ja, absolute ramp", ASKED),
    ("Ja, het zou een regelrechte ramp zijn", ASKED), ("Ja, rampzalig idee", ASKED),
    # an English ramp is no judgement (the batch-20 rule's own cases)
    ("Yes, a ramp would help", "Yes"), ("Yes, ramp up the deliveries", "Yes"), ("Yes, the van needs a ramp for the crates", "Yes"),
    ("Yes, with a loading ramp", "Yes"), ("No, no ramp and no lift", "No"), ("Ja, met een laadklep", "Yes"),
    ("Ja, het is geen ramp als het wat kost", "Yes"), ("Nee, het busje is een ramp", "No"),
]

VENUE_DISASTER = [
    ("St Mary's Hall, totale ramp", ASKED), ("St Mary's Hall - er is een ramp", ASKED), ("Online, een ramp", ASKED),
    ("B, the hall has a ramp", "St Mary's Hall"), ("Online, de zaal is een totale ramp", "Online"),
]

CANDIDATE_PRONOUNS = [
    # the pronoun may be someone else: read as main read them
    ("Marta, her opponent would be a disaster", "Marta Kowalska"), ("Marta, her rival is terrible", "Marta Kowalska"),
    ("Marta — Oluwaseun is nice but he'd be a disaster as secretary", "Marta Kowalska"),
    ("Marta. Oluwaseun? He'd be a disaster", "Marta Kowalska"),
    ("Marta — she fixed the mess he left, which was a disaster", "Marta Kowalska"),
    ("Marta, on the whole the worst option is no secretary", "Marta Kowalska"),
    ("Marta, they're awful, the other lot", "Marta Kowalska"), ("Marta, she is brilliant", "Marta Kowalska"),
    # the chosen candidate judged badly by a pronoun that can only be them: asked back
    ("Marta, she'd be a disaster", ASKED), ("Marta\nShe would be a disaster", ASKED), ("Marta, elle serait une catastrophe", ASKED),
    ("Marta, sie wäre eine Katastrophe", ASKED), ("Marta, she's the worst possible choice", ASKED), ("Marta, elle est nulle", ASKED),
    ("Marta, ele seria um desastre", ASKED), ("Marta, lei sarebbe un disastro", ASKED), ("Marta, ona byłaby katastrofą", ASKED),
    ("Marta, her work is terrible", ASKED),
    # a name said better, then taken back with "but"; a refusal by pronoun
    ("Oluwaseun. Marta's better, but she said she's too busy", "Oluwaseun Adeyemi"), ("Oluwaseun, but Marta's better", ASKED),
    ("Marta, not her", ASKED), ("Marta, not them", ASKED), ("Marta; not her, him", ASKED),
    # both fine: a reason to abstain, a remark on people, or a doubt
    ("Abstain, both are fine", "Abstain"), ("Abstain - either one is fine", "Abstain"),
    ("Marta. Both are fine people, honestly", "Marta Kowalska"), ("Marta, they're both fine", ASKED),
    ("Marta, either is fine", ASKED), ("Either is fine", ASKED),
    ("Marta, or Oluwaseun if she withdraws", ASKED), ("Marta, or no one if she won't stand", "Marta Kowalska"),
]

TREASURER_PRONOUNS = [
    ("Ana Silva, she is terrible", ASKED), ("Tom, he's awful", ASKED), ("Ana - not her", ASKED), ("Tom, not him", ASKED),
]

NEWSLETTER_NAMES = [
    ("Common Ground, they all sound awful except this one", "Common Ground"),
    ("The Bridge, on reflection the others are terrible", "The Bridge"), ("Neighbours Together, it's terrible", ASKED),
    ("The Bridge, though Common Ground is better", ASKED),
]

VENUES_BETTER = [
    ("B. The park's better but it floods", "St Mary's Hall"), ("Online, the park's better but it's too far for me", "Online"),
    ("B, though the park is better but floods", "St Mary's Hall"),
    ("Online, though the hall is better", ASKED), ("Online. The hall's better though", ASKED), ("Online's better", "Online"),
    ("Online, or B", ASKED), ("Online, ou le parc", ASKED), ("Online, oder der Park", ASKED),
    # another option offered after "or" under a condition: two answers (main counted the first)
    ("Online, or the park if it's dry", ASKED), ("Online, or the hall if the wifi is bad", ASKED), ("A, or B if it rains", ASKED),
    ("Online, or we cancel if it rains", "Online"), ("B, or nowhere if it's booked", "St Mary's Hall"),
    ("Riverside Park, or postpone if it rains", "Riverside Park"),
]

PETITION_REPLIES = [
    # an answer from another person, and the member's own with them
    ("Yes from my son, my daughter and me", "Yes"), ("Yes from my colleague Amina and me", "Yes"),
    ("Yes from my mum, my dad and me", "Yes"), ("Yes from my son, my daughter and me too", "Yes"),
    ("Yes from my partner, my kids and I.", "Yes"), ("No from my dad, and I agree", "No"),
    ("Yes from my partner", ASKED), ("Yes from my parents", ASKED), ("No from my dad, he can't use email", ASKED),
    ("Yes from my wife, and I will vote separately", ASKED), ("Yes from my dad and I'm sending mine separately", ASKED),
    ("Yes from my partner and I think from Jo too", ASKED),
    # "or" before the other answer word, and before a "no" that is no answer
    ("Yes, or no change will ever happen", "Yes"), ("Yes, or no landlord will ever listen", "Yes"), ("Yes, or no one will", "Yes"),
    ("Sí, o no servirá de nada quejarse después", "Yes"), ("Yes, or no if the cost rises", ASKED),
    ("No, or yes if they fix the wording", ASKED), ("Tak, lub nie", ASKED), ("Ναι, ή όχι", ASKED), ("是的，或者不", ASKED),
    ("Yes, or not?", ASKED),
    # joking, not joking, joking about something else
    ("Sim, brincadeira à parte, precisamos disto", "Yes"), ("Sim, sem brincadeira", "Yes"), ("Ja, geen grapje", "Yes"),
    ("Sì, non sto scherzando", "Yes"), ("Oui, je rigole pas", "Yes"), ("Sim, não estou brincando", "Yes"),
    ("Ja, zonder grapje", "Yes"), ("Yes, I'm only joking about the cake", "Yes"),
    ("Yes - I'm joking about quitting if it fails, of course", "Yes"), ("Yes, I'm not joking", "Yes"),
    ("Yes, I am joking", ASKED), ("No, just joking", ASKED), ("Oui, je rigole", ASKED), ("Sim, brincadeira", ASKED),
    ("Ja, grapje", ASKED),
    # "wait, I mean" with an apology after the corrected answer
    ("No, espera, quiero decir sí, perdón", "Yes"), ("Nein – warte, ich meine ja, sorry", "Yes"),
    ("Oui, attends, je veux dire non", "No"), ("Non, attends, je veux dire oui\nMais je dois vérifier", ASKED),
]

VAN_REPLIES = [
    ("Yes. Either one is fine for pickup days", "Yes"), ("Yes, both of them are fine with the cost", "Yes"),
    ("No, both are fine as they are", "No"), ("Yes, they're both fine drivers", "Yes"),
    ("Yes. Either of them is fine to drive it", "Yes"), ("Yes, either van is fine", "Yes"),
    ("Yes, either is fine", ASKED), ("Yes, both are fine", ASKED), ("Yes, either is fine with me", ASKED),
]


@pytest.mark.parametrize("reply, expected", DUTCH_DISASTER)
def test_dutch_ramp_judges_the_motion_with_an_adjective_or_alone(reply, expected):
    check(reply, expected, VAN, text=reply)


@pytest.mark.parametrize("reply, expected", VENUE_DISASTER)
def test_dutch_ramp_beside_a_venue(reply, expected):
    check(reply, expected, ASSEMBLY, VENUES, text=reply)


@pytest.mark.parametrize("reply, expected", CANDIDATE_PRONOUNS)
def test_a_pronoun_judges_the_candidate_only_when_no_one_else_can_be_meant(reply, expected):
    check(reply, expected, SECRETARY, CANDIDATES, text=reply)


@pytest.mark.parametrize("reply, expected", TREASURER_PRONOUNS)
def test_a_treasurer_judged_or_refused_by_a_pronoun(reply, expected):
    check(reply, expected, TREASURER, TREASURERS, text=reply)


@pytest.mark.parametrize("reply, expected", NEWSLETTER_NAMES)
def test_names_of_two_words_are_no_people_to_they_all(reply, expected):
    check(reply, expected, NEWSLETTER, NAMES, text=reply)


@pytest.mark.parametrize("reply, expected", VENUES_BETTER)
def test_an_option_said_better_then_taken_back_with_but(reply, expected):
    check(reply, expected, ASSEMBLY, VENUES, text=reply)


@pytest.mark.parametrize("reply, expected", PETITION_REPLIES)
def test_from_my_partner_or_no_joking_and_corrections(reply, expected):
    check(reply, expected, PETITION, text=reply)


@pytest.mark.parametrize("reply, expected", VAN_REPLIES)
def test_both_fine_doubts_only_where_the_clause_ends(reply, expected):
    check(reply, expected, VAN, text=reply)
