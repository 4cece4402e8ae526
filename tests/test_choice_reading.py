"""read_vote, read_availability and is_no_comment: the network's reading of members' answers."""
from __future__ import annotations

import pytest

from workflows.reading.answer_lines import is_no_comment
from workflows.reading.availability import AvailabilityReading, read_availability
from workflows.reading.choices import VoteReading, read_vote

DEFAULT = ["Yes", "No", "Abstain"]
CITIES = ["Lyon", "Paris", "Online"]
LETTERED = ["Option A: keep the date", "Option B: move to March", "Option C: cancel"]


@pytest.mark.parametrize("text, choice", [
    ("YES", 0), ("yes", 0), ("Yes!", 0), ("**YES**", 0), ("yes.", 0), ("  Yes  ", 0),
    ("I vote yes", 0), ("I vote YES.", 0), ("My vote is no", 1), ("NO", 1), ("No.", 1),
    ("ABSTAIN", 2), ("I abstain", 2), ("I'll abstain.", 2),
    ("OUI", 0), ("Oui !", 0), ("Je vote oui", 0), ("NON", 1), ("Non merci", 1),
    ("ABSTENTION", 2), ("Je m'abstiens", 2), ("je m’abstiens.", 2),
    ("Yes, I support this proposal.", 0), ("No - the budget is too high", 1),
    ("Yes, no problem", 0), ("yes yes yes", 0), ("Definitely yes", 0),
    ("1", 0), ("2", 1), ("Option 3", 2), ("#2", 1), ("option #1", 0), ("2.", 1), ("(2)", 1),
    ("A", 0), ("b", 1), ("Option C", 2),
    ("+1", 0), ("-1", 1),
    ("Hi,\n\nYES", 0), ("Bonjour à tous,\n\nNON", 1), ("Hi Marie, yes", 0),
    ("Thanks for organising!\nYES", 0), ("\r\nYES\r\n", 0),
    ("YES\n\nBut section 3 needs a date; no change to the budget please.", 0),
])
def test_default_ballot(text, choice):
    reading = read_vote(text, DEFAULT)
    assert reading == VoteReading(choice, False, reading.reason)
    assert "line" in reading.reason and DEFAULT[choice] in reading.reason


def test_reason_names_what_was_read_and_where():
    assert read_vote("YES", DEFAULT).reason == "read 'YES' on line 1 as 'Yes'"
    assert read_vote("Hello,\n\nNo.", DEFAULT).reason == "read 'No.' on line 3 as 'No'"


@pytest.mark.parametrize("text", [
    "yes and no", "Yes no", "yes or no", "maybe", "Maybe yes", "peut-être oui", "Yes?",
    "I'm not sure, probably yes", "Yes, but I'd rather abstain", "1 or 2", "Option 1 and option 2",
    "No problem, yes", "Reply with YES, NO or ABSTAIN", "Option 4", "7", "Z",
    "Thanks for the draft.", "I have 2 concerns", "No comment",
])
def test_default_ballot_ambiguous(text):
    reading = read_vote(text, DEFAULT)
    assert reading.choice is None and reading.ambiguous
    assert reading.reason


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Hi,\n\n"])
def test_no_text(text):
    assert read_vote(text, DEFAULT) == VoteReading(None, True, "no text")


def test_never_reads_the_quoted_ballot():
    assert read_vote("> Reply with YES\n> YES", DEFAULT) == VoteReading(None, True, "no text")
    assert read_vote("Thanks\n> YES\nNO", DEFAULT).choice is None
    assert read_vote("Thanks\n-- \nYES", DEFAULT).choice is None


@pytest.mark.parametrize("text, choice", [
    ("Paris", 1), ("paris please", 1), ("I vote for Online", 2), ("LYON!", 0), ("2", 1),
    ("B", 1), ("Option 3", 2), ("Paris, it is closer", 1),
])
def test_custom_options(text, choice):
    assert read_vote(text, CITIES).choice == choice


@pytest.mark.parametrize("text", ["Yes", "No", "+1", "Paris or Lyon", "Lyon and Online", "4", "D"])
def test_custom_options_ambiguous(text):
    reading = read_vote(text, CITIES)
    assert reading.choice is None and reading.ambiguous


def test_yes_is_not_an_option_of_a_custom_ballot():
    assert "not one of the options" in read_vote("YES", CITIES).reason


@pytest.mark.parametrize("text, choice", [
    ("B", 1), ("Option B", 1), ("option b: move to march", 1), ("Option A: keep the date", 0),
    ("I vote C", 2), ("(a)", 0),
])
def test_lettered_options(text, choice):
    assert read_vote(text, LETTERED).choice == choice


def test_for_against_labels_take_yes_and_no():
    options = ["For", "Against", "Abstain"]
    assert read_vote("yes", options).choice == 0
    assert read_vote("Contre", options).choice == 1  # French word, English labels: same sense
    assert read_vote("against", options).choice == 1
    assert read_vote("Oui", ["Pour", "Contre", "Abstention"]).choice == 0
    assert read_vote("non", ["Pour", "Contre", "Abstention"]).choice == 1


def test_yes_no_ballot_without_abstain():
    reading = read_vote("abstain", ["Yes", "No"])
    assert reading.choice is None and reading.ambiguous


@pytest.mark.parametrize("text, chosen", [
    ("1, 3", {1, 3}), ("1 and 3", {1, 3}), ("1 et 3", {1, 3}), ("1 3", {1, 3}), ("1,3", {1, 3}),
    ("all", {1, 2, 3, 4}), ("All of them!", {1, 2, 3, 4}), ("tous", {1, 2, 3, 4}),
    ("toutes", {1, 2, 3, 4}), ("none", set()), ("aucune", set()), ("aucun", set()),
    ("None of them, sorry", set()), ("1 and 4 but not 2", {1, 4}), ("2-4", {2, 3, 4}),
    ("2 to 4", {2, 3, 4}), ("all but 2", {1, 3, 4}), ("all except 3", {1, 2, 4}),
    ("tous sauf 1", {2, 3, 4}), ("Option 2 and option 4", {2, 4}), ("#1 #2", {1, 2}),
    ("Hi,\n\n2 and 3 work for me", {2, 3}), ("1\n3", {1, 3}), ("Thanks!\n2", {2}),
    ("I can't make any", set()), ("4", {4}),
])
def test_availability(text, chosen):
    reading = read_availability(text, 4)
    assert reading == AvailabilityReading(frozenset(chosen), False, reading.reason)


@pytest.mark.parametrize("text", [
    "5", "0", "1 and 7", "2025", "Tuesday 4 works", "3pm", "the 1st", "1/3", "1, maybe 3",
    "not 2", "", "Thanks!", "2?", "all and none", "le 4 mars",
])
def test_availability_ambiguous(text):
    reading = read_availability(text, 4)
    assert reading.ambiguous and reading.chosen == frozenset()
    assert reading.reason


def test_availability_ignores_quotes():
    assert read_availability("> 1, 2, 3\n2", 3).chosen == frozenset()  # stops at the quote
    assert read_availability("2\n> 1, 3", 3).chosen == frozenset({2})


@pytest.mark.parametrize("text, expected", [
    ("NO COMMENT", True), ("No comment.", True), ("no comments", True), ("**No comment**", True),
    ("PAS DE COMMENTAIRE", True), ("Pas de commentaire !", True), ("pas de commentaires", True),
    ("Hello,\n\nNo comment, thanks!", True),
    ("No comment on section 2, but section 3 is wrong", False), ("Comment: none", False),
    ("YES", False), ("", False), ("> NO COMMENT", False),
])
def test_no_comment(text, expected):
    assert is_no_comment(text) is expected


@pytest.mark.parametrize("text, choice", [
    ("yes please", 0), ("Dear all, YES", 0), ("Good morning, I vote yes.", 0), ("Bonsoir, je vote oui", 0),
    ("je vote pour", 0), ("Je vote contre.", 1), ("Approve", 0), ("I'm against.", 1), ("In favour", 0),
    ("I vote for the motion.", 0), ("Against the motion", 1), ("Oui bien sûr !", 0), ("Ja", 0), ("Sí", 0),
    ("Nein.", 1), ("Yes, but I'd like section 2 reworded next year.", 0), ("Yes\n\nJane Doe\nShelter Lyon", 0),
])
def test_more_ways_of_writing_a_vote(text, choice):
    assert read_vote(text, DEFAULT).choice == choice


@pytest.mark.parametrize("text", [
    "Yes, if the reserve stays at 10%.", "Ja, aber nur wenn die Reserve bleibt.", "Oui, si le budget ne change pas.",
    "Yes\nNo", "I don't approve.", "Not against.", "No objection.", "Hi Anna, no idea yet", "Dear all, I have a question",
])
def test_conditions_contradictions_and_negations_are_never_counted(text):
    reading = read_vote(text, DEFAULT)
    assert reading.choice is None and reading.ambiguous, reading.reason


VENUES = ["Community hall, Rue Haute", "Library annex, Queen Street", "Online only"]


@pytest.mark.parametrize("text, choice", [
    ("Да", 0), ("Нет.", 1), ("Ja, dafür", 0), ("Tak.", 0), ("Igen!", 0), ("Hayır", 1), ("はい", 0),
    ("賛成", 0), ("反对", 1), ("Ναι", 0), ("Όχι", 1), ("Evet 👍", 0), ("\"Yes\"", 0), ("«Oui»", 0),
    ("Ich enthalte mich.", 2), ("Mi astengo", 2), ("Wstrzymuję się", 2), ("Воздерживаюсь", 2),
    ("棄権します", 2), ("Ik onthoud me van stemming.", 2),
])
def test_answer_words_of_many_languages(text, choice):
    assert read_vote(text, DEFAULT).choice == choice


@pytest.mark.parametrize("text", [
    "Yes as long as the reserve stays.", "Yes unless the reserve is cut.", "Ja, sofern die Rücklage bleibt.",
    "Sí, siempre que se mantenga.", "Sì, purché resti.", "Ja, mits de reserve blijft.",
    "Tak, pod warunkiem że zostanie.", "Да, если резерв останется.", "Oui, à condition que ça reste.",
    "Vielleicht ja", "Ja und nein",
])
def test_conditional_or_hedged_answers_are_asked_back(text):
    reading = read_vote(text, DEFAULT)
    assert reading.choice is None and reading.ambiguous, reading.reason


@pytest.mark.parametrize("text, choice", [
    ("Die zweite.", 1), ("Nummer 3", 2), ("La primera opción", 0), ("la seconda", 1), ("De derde", 2),
    ("n°2", 1), ("2\ufe0f\u20e3", 1), ("второй вариант", 1), ("第二个", 1), ("Library annex please", 1),
    ("online", 2), ("Community hall", 0),
])
def test_ordinals_numbers_and_label_beginnings(text, choice):
    assert read_vote(text, VENUES).choice == choice


@pytest.mark.parametrize("text", ["Only", "Hall", "Queen"])
def test_a_word_that_begins_no_label_or_is_too_short_is_no_option(text):
    """"only" begins no label; "Hall" and "Queen" are inside a label, not its beginning."""
    assert read_vote(text, VENUES).choice is None
