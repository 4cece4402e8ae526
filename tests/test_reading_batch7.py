"""The kinds of answer blind batch 7 of the corpus showed were misread, each as a rule of its own
beyond the corpus's files, with the look-alikes that must not change: an option that is a date named
by any of its parts in the member's language (weekday, day of the month, time, part of the day); an
amount written with other separators, without its sign or with "k"; a candidate's first name or
surname alone, and the addressee's name opening a letter or a first name signing it (no vote); taking
part online in other words; a comma part of a label with an accent elsewhere; the answer word said
again without a comma ("Yeah go for it", dictated "Ja ich stimme dafür") and spoken punctuation
("No period …"); polite particles (Thai ครับ, Tagalog "po"), Arabic commas, "I object" with its
pronoun, abstaining in Estonian, Latvian, Finnish and in a Japanese sentence; the vote still to come
("Yes, got it! Will vote after our board meets"); a pasted option made bold by a plain-text client;
rankings in prose ("First Maria, then Kwame"), with inline ordinals, hyphens, ranks written beside
the candidates, and corrected ("Sorry, I meant 1, 2, 3")."""
from __future__ import annotations

import pytest

from tests.test_reading_batch5 import CANDIDATES, FEES, YN, choice
from workflows.reading.option_expressions import strip_frame
from workflows.reading.rankings import read_ranking

DATES = ["Saturday 14 March, 10:00", "Sunday 15 March, 14:00", "Tuesday 17 March, 18:30"]
PLACES = ["Centre Saint-Pierre, Montréal", "Friends House, Toronto", "Online only"]
PEOPLE = ["Aisha Bello", "Tomás Ruiz", "Mei Chen"]
AMOUNTS = ["$500", "$1,000", "$2,500", "Nothing this year"]
SAT, SUN, TUE = DATES


@pytest.mark.parametrize("text, want", [
    ("The 17th", TUE), ("14 March", SAT), ("Saturday morning please", SAT), ("Tuesday evening, as I work weekends.", TUE),
    ("The 10am one", SAT), ("18:30 on Tuesday", TUE), ("6:30 pm Tuesday", TUE), ("Sat", SAT), ("Mardi soir, s'il vous plaît.", TUE),
    ("Sonntag passt am besten.", SUN), ("Samstag, 14. März", SAT), ("El domingo me va bien.", SUN), ("Sobota", SAT),
    ("Воскресенье", SUN), ("日曜日でお願いします。", SUN), ("周二", TUE), ("الأحد", SUN), ("Cumartesi", SAT),
    ("dimanche après-midi", SUN), ("2", SUN), ("B", SUN),
    # look-alikes: a bare number is an option's number or nothing, never a day; two days; a day ruled out;
    # a part of the day no option has; a time no option has
    ("15", None), ("Saturday or Sunday, both work.", None), ("Not Tuesday.", None), ("No Tuesday", None),
    ("Sunday evening", None), ("Tuesday 18:00", None), ("Sam", None), ("So, Sunday", SUN),
])
def test_a_date_option_is_named_by_any_of_its_parts_in_the_members_language(text, want):
    assert choice(text, DATES) == want


def test_a_word_beginning_with_a_conclusion_word_keeps_its_letters():
    assert strip_frame("sonntag") == "sonntag" and strip_frame("also ja") == "ja" and strip_frame("so no") == "no"


@pytest.mark.parametrize("text, want", [
    ("$1,000", "$1,000"), ("1000", "$1,000"), ("500", "$500"), ("2500 dollars", "$2,500"), ("1 000 $", "$1,000"),
    ("2.500 $", "$2,500"), ("1k", "$1,000"), ("$2,500 please", "$2,500"), ("2", "$1,000"), ("4", "Nothing this year"),
    # look-alikes: two amounts, a range, an amount no option has; "500" is no part of "$2,500"
    ("$1000 or $2500, whichever the budget allows.", None), ("Something between 500 and 1000?", None),
    ("750", None), ("$1,200", None),
])
def test_an_amount_is_read_as_the_option_of_that_value(text, want):
    assert choice(text, AMOUNTS) == want


@pytest.mark.parametrize("text, want", [
    ("Chen", "Mei Chen"), ("Mei", "Mei Chen"), ("Mei, without hesitation.", "Mei Chen"), ("Voto na Aisha", "Aisha Bello"),
    ("Tomas", "Tomás Ruiz"), ("Je vote pour Mei Chen", "Mei Chen"),
    # look-alikes: two candidates; one ruled out; a question; the addressee opening a letter; a first name signing it
    ("Aisha or Mei, both would be great.", None), ("Not Tomás.", None), ("Who nominated Tomás?", None),
    ("No Tomás", None), ("no Chen, sorry", None),
    ("Mei,\n\nI have a question about the coalition's budget first.", None),
    ("Can someone tell me why this keeps happening?\n\nTomás", None),
])
def test_a_candidate_is_named_by_first_name_or_surname(text, want):
    assert choice(text, PEOPLE) == want


def test_a_word_of_a_label_that_is_no_persons_name_is_not_read_as_a_name():
    from workflows.reading.person_labels import name_label

    # "Scale" names "Sliding scale" as the noun the label is about (batch 8), never as a person's surname
    assert name_label("scale", FEES, people_only=True) is None and choice("Only", PLACES) is None


@pytest.mark.parametrize("text, want", [
    ("Montreal", PLACES[0]), ("Montréal, évidemment !", PLACES[0]), ("Saint-Pierre", PLACES[0]), ("Toronto", PLACES[1]),
    ("En ligne", PLACES[2]), ("En línea, por favor.", PLACES[2]), ("Zoom", PLACES[2]), ("virtual please", PLACES[2]),
    ("Toronto or online", None), ("Montréal if there's a hybrid link, otherwise online.", None),
])
def test_a_place_is_named_by_a_part_of_its_label_or_online_in_other_words(text, want):
    assert choice(text, PLACES) == want


@pytest.mark.parametrize("text, want", [
    ("Yeah go for it 👍", "Yes"), ("YES obviously. About time we updated these.", "Yes"),
    ("Yes I vote yes on this one thanks Amina", "Yes"), ("Ja ich stimme dafür", "Yes"),
    ("No period I think the terms need another round of edits period", "No"), ("Yes, thanks Amina", "Yes"),
    ("เห็นด้วยครับ", "Yes"), ("Hindi po.", "No"), ("Tôi phản đối.", "No"), ("Против сам.", "No"), ("نعم، أوافق.", "Yes"),
    ("今回は棄権します。", "Abstain"), ("Erapooletu.", "Abstain"), ("Atturos.", "Abstain"), ("Tyhjää.", "Abstain"),
    ("Ok pour moi", "Yes"), ("OK for me.", "Yes"), ("Hi voto en contra.", "No"), ("I'll vote yes", "Yes"),
    # look-alikes: the vote still to come, the ballot acknowledged, a word that only looks like an answer
    ("Yes, got it, thanks! Will vote after our board meets.", None), ("No worries I will vote later", None),
    ("Interesting one — I'd say we vote yes, but let's talk first.", None), ("I'll vote on Sunday.", None),
    ("No problem yes", None), ("Yes no", None), ("A trial period is fine", None), ("Obviously.", None),
    ("Ottawa, obviously", None), ("Yes, let me check with my board first.", None),
])
def test_yes_no_abstain_in_more_ways(text, want):
    assert choice(text, YN) == want


@pytest.mark.parametrize("text, want", [
    ("1. (A) Saturday 14 March, 10:00\n*2. (B) Sunday 15 March, 14:00*\n3. (C) Tuesday 17 March, 18:30", SUN),
    ("**3. (C) Tuesday 17 March, 18:30**", TUE),
    # look-alikes: two lines made bold, or none
    ("*1. (A) Saturday 14 March, 10:00*\n*2. (B) Sunday 15 March, 14:00*\n3. (C) Tuesday 17 March, 18:30", None),
    ("1. (A) Saturday 14 March, 10:00\n2. (B) Sunday 15 March, 14:00\n3. (C) Tuesday 17 March, 18:30", None),
])
def test_a_pasted_option_made_bold_is_the_marked_one(text, want):
    assert choice(text, DATES) == want


K, M, L, S = CANDIDATES


@pytest.mark.parametrize("text, want", [
    ("First Maria, then Kwame, then Samir.", [M, K, S]), ("Erst Samir, dann Kwame.", [S, K]),
    ("Primero Léa, luego Maria.", [L, M]), ("1st: Kwame 2nd: Léa 3rd: Maria", [K, L, M]), ("2-1-4-3", [M, K, S, L]),
    ("B/A/C", [M, K, L]), ("[2] Kwame Asante\n[1] Maria Okafor\n[3] Léa Roy\n[ ] Samir Haddad", [M, K, L]),
    ("Kwame Asante - 3\nMaria Okafor - 1\nLéa Roy - 2\nSamir Haddad - 4", [M, L, K, S]),
    ("2, 1, 3\n\nSorry, I meant 1, 2, 3.", [K, M, L]), ("Premier choix : Samir ; deuxième : Léa", [S, L]),
    ("Léa,\n\nMaria > Kwame", [M, K]),
    # look-alikes: a correction with no ranking after it; ranks that skip; the addressee's name alone
    ("2, 1, 3\nsorry I meant", None), ("[1] Kwame Asante\n[3] Maria Okafor", None), ("Maria > Maria > Léa", None),
    ("Léa,\n\nI read it twice with our team.", None),
])
def test_rankings_in_prose_beside_the_names_and_corrected(text, want):
    reading = read_ranking(text, CANDIDATES)
    assert (None if reading.ranking is None else [CANDIDATES[i] for i in reading.ranking]) == want
