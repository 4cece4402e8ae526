"""Issue 15, votes: what the review of `answer_takebacks` found asked back that 576254cd counted right,
each narrowed by its class and tested beside the take-backs that must still be asked.

- "or else" and a clause ("Online, or else the costs rise", "Marta, or else the men win") is a
  consequence, not another option: only "or else" and one word after an article is an offer by itself
  ("or else the park"); longer offers must name another option ("or else the church hall");
- a check "first" that is about something else ("… check the date first for the meeting", "… first —
  count me in") does not hold the answer: only a sentence that ends with the check (or with "then
  I'll confirm") does; "I'd like to", "I must", "I should" hold it like "I need to".

And two take-backs it let through, widened by their class: "or else the other one" offers another
option; "not her again please" refuses the candidate like "not her again, please".
"""
from __future__ import annotations

import pytest

from tests.review_ballots import PETITION, VENUES, ASSEMBLY, CANDIDATES, SECRETARY, ASKED, check


# --- "or else" and what would happen otherwise -----------------------------------------------------------

@pytest.mark.parametrize("reply, expected, options, title", [
    ("Online, or else the costs rise", "Online", VENUES, ASSEMBLY),
    ("Online, or else the elderly suffer", "Online", VENUES, ASSEMBLY),
    ("Online, or else the kids suffer.", "Online", VENUES, ASSEMBLY),
    ("Online, or else the turnout drops", "Online", VENUES, ASSEMBLY),
    ("Online, or else the numbers fall!", "Online", VENUES, ASSEMBLY),
    ("Online, ou então a gente desiste", "Online", VENUES, ASSEMBLY),
    ("Marta, or else the men win", "Marta Kowalska", CANDIDATES, SECRETARY),
    ("Marta, or else the committee stalls", "Marta Kowalska", CANDIDATES, SECRETARY),
    # look-alikes already counted, kept so
    ("Online, or else the hall gets booked up", "Online", VENUES, ASSEMBLY),
    ("Online, or else we lose the booking", "Online", VENUES, ASSEMBLY),
    ("Online, or else nobody comes", "Online", VENUES, ASSEMBLY),
    ("Online, ou então ninguém vem", "Online", VENUES, ASSEMBLY),
    ("Marta, or else nobody does the minutes", "Marta Kowalska", CANDIDATES, SECRETARY),
])
def test_or_else_and_a_consequence_is_counted(reply, expected, options, title):
    check(reply, expected, title, options)


@pytest.mark.parametrize("reply", ["Online, or else the church hall", "Online, or else the hall if it's free",
                                   "Online, or failing that the park", "Online, or else St Mary's Hall.",
                                   "Online, or else Riverside", "Online, ou então o parque", "Online, oder eben die Halle",
                                   "Online, o bien el parque", "Online, or else the hall if you insist"])
def test_or_else_and_another_place_is_still_asked_back(reply):
    check(reply, ASKED, ASSEMBLY, VENUES)


@pytest.mark.parametrize("reply, expected", [
    ("Marta, or else the other one", ASKED), ("Marta, or else the other candidate, I guess", ASKED),
    ("Marta, or else the other one wins", "Marta Kowalska"), ("Marta, or else the others walk all over us", "Marta Kowalska"),
    ("Marta, or else the same old faces", "Marta Kowalska"), ("Marta, or else the cycle repeats", "Marta Kowalska"),
])
def test_or_else_the_other_candidate_is_asked_back(reply, expected):
    check(reply, expected, SECRETARY, CANDIDATES)


@pytest.mark.parametrize("reply, expected", [
    ("Marta, not her again please", ASKED), ("Marta, not her this time please", ASKED),
    ("Marta, not here again please", "Marta Kowalska"), ("Marta, not hers again please", "Marta Kowalska"),
    ("Marta, not her again please, she's done enough", ASKED),
])
def test_not_her_again_please_refuses_the_candidate(reply, expected):
    check(reply, expected, SECRETARY, CANDIDATES)


# --- a check "first" about something else ----------------------------------------------------------------

@pytest.mark.parametrize("reply, expected", [
    ("Yes but I need to check the room first — count me in", "Yes"),
    ("Yes, but I need to check the date first for the meeting", "Yes"),
    ("Yes. Definitely. But I want to check the wording first for typos", "Yes"),
    ("Yes, but I need to speak with my partner first about lifts to the meeting", "Yes"),
    ("Yes!! But I need to confirm first whether I can come on Tuesday", "Yes"),
    ("Yes - but I need to check first who else is coming to the meeting", "Yes"),
    ("No. But I want to talk about it first at the meeting.", "No"),
    ("Yes, but I need to check with my partner about the lifts", "Yes"),
    ("Yes, but I'll need to check the room first, count me in", "Yes"),
    # look-alikes already counted, kept so
    ("Yes, I checked with my partner first", "Yes"),
    ("Yes, but I need to leave early", "Yes"),
    ("Yes, but I should check first whether the hall is free", "Yes"),
    ("Yes, but I must ask first for a lift to the meeting", "Yes"),
    ("Yes, I should ask first next time, sorry", "Yes"),
    ("Yes — but I must talk to you first about leaflets, count me in", "Yes"),
    ("No, but I should ask first about the timing", "No"),
])
def test_a_check_first_about_something_else_is_counted(reply, expected):
    check(reply, expected, PETITION)


@pytest.mark.parametrize("reply", ["Yes but I need to check with my partner first",
                                   "Yes but I need to check with my partner first, then I'll confirm",
                                   "Yes, but I have to ask my group first - and then I'll let you know",
                                   "Yes but I need to talk to my union first.",
                                   "Yes but I need to think first", "Yes, but ask me again tomorrow",
                                   "Yes, but I need to check with my partner first. Will confirm tomorrow",
                                   "Yes but I must ask my housemates first! Then I'll vote properly",
                                   "Yes, though I'd like to check with my family first!", "Yes, but I should talk to my wife first",
                                   "Yes but I must check with my team", "Yes (but I need to check with my branch first)"])
def test_an_answer_held_until_checked_is_still_asked_back(reply):
    check(reply, ASKED, PETITION)


# --- "I mean" before a remark on the other candidate ------------------------------------------------------
# "cioè" (now a loose correction) turned "Marta. Cioè, Oluwaseun va bene, ma Marta ha più tempo" into a count
# for Oluwaseun (576254cd asked it), as "I mean" already did in English: what a correction leads to that
# names another option after a "but" is asked back, like the same words without the correction.

@pytest.mark.parametrize("reply, expected, options, title", [
    ("Marta. Cioè, Oluwaseun va bene, ma Marta ha più tempo", ASKED, CANDIDATES, SECRETARY),
    ("Marta. I mean, Oluwaseun is fine, but Marta has more time", ASKED, CANDIDATES, SECRETARY),
    ("Marta. I mean Oluwaseun, but Marta was close", ASKED, CANDIDATES, SECRETARY),
    # look-alikes: a correction with a "but" naming no other option stands
    ("Marta. Actually, Oluwaseun", "Oluwaseun Adeyemi", CANDIDATES, SECRETARY),
    ("Marta. Actually, Oluwaseun, but not happily", "Oluwaseun Adeyemi", CANDIDATES, SECRETARY),
    ("Oluwaseun. Actually Marta, but it's close", "Marta Kowalska", CANDIDATES, SECRETARY),
    ("Marta. Eigentlich Oluwaseun, aber knapp", "Oluwaseun Adeyemi", CANDIDATES, SECRETARY),
    ("Online. I mean St Mary's Hall, but the small room", "St Mary's Hall", VENUES, ASSEMBLY),
    ("Riverside Park. Actually, St Mary's Hall, but bring chairs", "St Mary's Hall", VENUES, ASSEMBLY),
    ("Online. Cioè, il parco è bello, ma Online è meglio", "Online", VENUES, ASSEMBLY),
])
def test_a_correction_naming_another_option_after_but_is_asked_back(reply, expected, options, title):
    check(reply, expected, title, options)
