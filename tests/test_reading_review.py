"""The vote reader's known wrong or inconsistent readings (issue 15's review), each fixed as a class
with the look-alikes that must not change: a ranking one per line whose first line ends with a
comma, "none" against a label that keeps things as they are in negative words, a doubt overruled
by "but" and the answer, assent as one rule (and never replacing a vote already recorded), a
transposed short answer ("Yse"). Unit readings, then a scenario by email (real Dovecot + SMTP).
"""
from __future__ import annotations

import pytest

from tests.test_reading_batch5 import CANDIDATES, CITIES, YN, choice
from tests.test_votes_reading_scenario import answers, ballots_of, recorded
from tests.test_votes_scenario import net, open_vote  # noqa: F401 (net: the network fixture)
from workflows.reading.choices import read_vote
from workflows.reading.rankings import read_ranking

FEES = ["Keep the current fee", "Raise the fee to $40", "No change at all", "Sliding scale"]
RETREATS = ["Spring retreat in Kingston", "Autumn retreat in Montréal", "No retreat this year"]
BUDGET = ["Keep the reserve at 10%", "Spend the reserve on rent", "No budget change"]
NOTA = ["Toronto", "Ottawa", "None of the above"]
K, M, L, S = CANDIDATES


def ranked(text: str, options: list[str]) -> list[str] | None:
    reading = read_ranking(text, options)
    return None if reading.ranking is None else [options[i] for i in reading.ranking]


@pytest.mark.parametrize("text, options, want", [
    # a list one per line whose first item ends with a comma: the option itself, no addressee
    ("Sliding scale,\nKeep the current fee\nRaise the fee to $40\nNo change at all", FEES,
     ["Sliding scale", "Keep the current fee", "Raise the fee to $40", "No change at all"]),
    ("Sliding scale,\nKeep the current fee,\nRaise the fee to $40", FEES,
     ["Sliding scale", "Keep the current fee", "Raise the fee to $40"]),
    ("Ottawa,\nToronto\nHybrid", CITIES, ["Ottawa", "Toronto", "Hybrid"]),
    # a person's name with a comma right above a list of names: the addressee or the first rank, asked
    ("Léa,\nMaria\nKwame", CANDIDATES, None), ("Léa Roy,\nMaria Okafor\nKwame Asante", CANDIDATES, None),
    # look-alikes: the addressee above a blank line, or above a ranking written on one line
    ("Léa,\n\nMaria\nKwame", CANDIDATES, [M, K]), ("Léa,\nMaria > Kwame", CANDIDATES, [M, K]),
    ("Hi Sam,\nSliding scale\nKeep the current fee", FEES, ["Sliding scale", "Keep the current fee"]),
])
def test_a_ranking_one_per_line_keeps_a_first_line_ending_with_a_comma(text, options, want):
    assert ranked(text, options) == want


def test_an_option_line_ending_with_a_comma_is_a_vote_not_a_greeting():
    assert choice("Sliding scale,\nbecause it is fair to everyone", FEES) == "Sliding scale"
    assert choice("Ottawa,\nit is the closest for most of us", CITIES) == "Ottawa"


@pytest.mark.parametrize("text, options, want", [
    # "none" is no answer of a label that keeps things as they are in negative words
    ("none", FEES, None), ("None of them", FEES, None), ("Neither", FEES, None), ("none", BUDGET, None),
    ("Let's skip it this year", FEES, None), ("None.", BUDGET, None),
    # "none of them" refuses every option listed, the one that says no too
    ("None of them", RETREATS, None), ("None of these, sorry", RETREATS, None),
    # look-alikes that keep their reading: the option that says no to the subject, a "none" option
    ("none", RETREATS, "No retreat this year"), ("Let's skip it this year", RETREATS, "No retreat this year"),
    ("None of them", NOTA, "None of the above"), ("none", NOTA, "None of the above"),
    ("No change", FEES, "No change at all"), ("No budget change", BUDGET, "No budget change"),
    ("no", FEES, None), ("No", RETREATS, None),
])
def test_none_maps_only_onto_a_label_that_says_no_to_the_subject(text, options, want):
    assert choice(text, options) == want


@pytest.mark.parametrize("text, want", [
    # a doubt the member overrules, then "but" and the answer: counted
    ("Not sure about it, but yes", "Yes"), ("Not sure, but yes", "Yes"), ("Unsure but yes", "Yes"),
    ("I might be wrong, but no", "No"), ("Not sure what 'quorum' means here, but yes", "Yes"),
    # the answer itself hedged: asked back
    ("Maybe yes", None), ("Probably yes", None), ("Maybe yes, but I must check", None), ("Yes, but maybe not", None),
    ("Not sure, maybe yes", None), ("Not sure. Yes.", None), ("Not sure", None),
])
def test_a_hedge_before_but_and_a_clear_answer_counts_the_answer(text, want):
    assert choice(text, YN) == want


def test_a_hedge_on_an_options_ballot_follows_the_same_rule():
    assert choice("Not sure about it, but Ottawa", CITIES) == "Ottawa"
    assert choice("Maybe Ottawa, but Toronto", CITIES) is None
    assert choice("Not sure about Ottawa, but Toronto", CITIES) is None  # the doubt names another option


@pytest.mark.parametrize("text, options, want, assent", [
    # assent that judges the proposal: YES on a yes/no ballot, said to be assent
    ("Sounds good", YN, "Yes", True), ("Sounds good to me.", YN, "Yes", True), ("Works for me", YN, "Yes", True),
    ("Fine by me", YN, "Yes", True), ("OK for me", YN, "Yes", True), ("OK with me", YN, "Yes", True),
    ("Looks good to me", YN, "Yes", True), ("Ça me va.", YN, "Yes", True), ("Ok pour moi, merci", YN, "Yes", True),
    ("Sounds good, thanks!", YN, "Yes", True),
    # with a vote word it is a plain vote
    ("Yes, sounds good", YN, "Yes", False), ("OK, yes", YN, "Yes", False), ("Sounds good, yes", YN, "Yes", False),
    ("Good idea, I support it.", YN, "Yes", False), ("Sounds good, I approve", YN, "Yes", False),
    # a bare acknowledgement only says the ballot arrived: asked back
    ("OK", YN, None, False), ("Okay.", YN, None, False), ("Fine", YN, None, False), ("Great", YN, None, False),
    # on a ballot of other options assent follows an option, and names nothing alone
    ("Ottawa works for me", CITIES, "Ottawa", False), ("B sounds good", CITIES, "Montréal", False),
    ("Ottawa is OK for me", CITIES, "Ottawa", False), ("OK, Ottawa", CITIES, "Ottawa", False),
    ("Sounds good", CITIES, None, False), ("Works for me", CITIES, None, False), ("OK", CITIES, None, False),
    ("Ottawa or Toronto sounds good", CITIES, None, False),
])
def test_assent_is_one_rule(text, options, want, assent):
    reading = read_vote(text, options)
    assert (None if reading.choice is None else options[reading.choice]) == want
    assert reading.assent is assent


@pytest.mark.parametrize("text, want", [
    ("Yse", "Yes"), ("yse.", "Yes"), ("Uoi", "Yes"), ("Nno", "No"), ("Yse, I support it", "Yes"),
    # look-alikes: a transposition that is another word ("any" of "nay"), two letters wrong
    ("any", None), ("sey", None), ("Ysee", None),
])
def test_a_short_answer_with_two_letters_swapped(text, want):
    assert choice(text, YN) == want


def test_assent_never_replaces_a_vote_already_recorded(net):
    """"Sounds good, thanks!" in reply to the receipt of a NO is a thank-you: the NO stands and the
    member is told so; the same words as a first answer to the ballot count as YES."""
    by = ballots_of(open_vote(net))
    net.advance(hours=1)
    net.reply(by["li@example.org"], "No")
    net.reply(by["sofia@example.org"], "Sounds good to me.")
    got = answers(net)
    assert recorded(got["li@example.org"]) == "No"
    assert recorded(got["sofia@example.org"]) == "Yes"
    net.reply(got["li@example.org"], "Sounds good, thanks!")
    net.reply(got["sofia@example.org"], "Works for me")
    again = answers(net)
    for who, stands in (("li@example.org", "No"), ("sofia@example.org", "Yes")):
        assert again[who].subject == "[Vote 1] Your vote stands"
        assert "stands as recorded; nothing changed" in again[who].text
    net.reply(got["li@example.org"], "Yes, sounds good after all")  # a vote word: the vote changes
    assert recorded(answers(net)["li@example.org"]) == "Yes"


DATES = ["Saturday 14 March, 10:00", "Sunday 15 March, 14:00", "Tuesday 17 March, 18:30"]
SLOTS = ["Saturday morning", "Sunday afternoon", "Weekday evening", "Tuesday evening"]


@pytest.mark.parametrize("text, options, want", [
    # one table of weekdays, months, parts of the day and the small words between them for every reader
    ("El sábado por la mañana", DATES, "Saturday 14 March, 10:00"), ("Sábado por la mañana", SLOTS, "Saturday morning"),
    ("thứ ba", DATES, "Tuesday 17 March, 18:30"), ("сб утром", SLOTS, "Saturday morning"), ("Sun pm", SLOTS, "Sunday afternoon"),
    # "no" before a weekday says no to it, whatever Portuguese "no sábado" means: asked back
    ("No Tuesday evening", SLOTS, None), ("No Saturday morning please", SLOTS, None), ("no sábado de manhã", SLOTS, None),
    # one folding of accents: the letters without a mark to drop too
    ("Lodz", ["Łódź", "Kraków"], "Łódź"), ("Krakow", ["Łódź", "Kraków"], "Kraków"),
])
def test_dates_read_from_one_calendar_table(text, options, want):
    assert choice(text, options) == want


def test_the_coordinators_months_and_weekdays_come_from_the_same_table():
    from workflows.reading.calendar_words import MONTHS, WEEKDAYS
    from workflows.reading.setting_lines import MONTHS as SETTING_MONTHS
    assert SETTING_MONTHS["fevrier"] == 2 and SETTING_MONTHS["december"] == 12 and "feb" not in SETTING_MONTHS
    assert all(names[0] == english for english, names in WEEKDAYS.items()) and MONTHS[8][:2] == ("august", "août")


@pytest.mark.parametrize("text, want", [
    ("Hola Ana, gracias", True), ("Ciao Marco, grazie!", True), ("Hi Sam, thanks", True),
    ("Hey no", False), ("Thanks, but I meant No", False),
])
def test_a_greeting_in_the_members_languages_is_a_pleasantry(text, want):
    from workflows.reading.attendance_words import only_pleasantries
    assert only_pleasantries(text) is want


@pytest.mark.timeout(120)
@pytest.mark.parametrize("shape", ["short lines", "one line", "commas", "greetings"])
def test_reading_a_one_megabyte_reply_reads_only_its_first_lines(shape):
    """A hang detector (generous limit; the figures are in bench/vote_sizes.py): a reply of 1 MB of
    short lines or one 1 MB line is read as its first lines say."""
    from workflows.reading.attendance_words import only_pleasantries
    body = {"short lines": "yes, but no\n" * 90_000, "one line": "not the raise; " * 70_000,
            "commas": ",".join(["x"] * 500_000), "greetings": "Hi all,\n" * 130_000}[shape]
    for text in ("Yes\n" + body, body, "2, 1, 3\n" + body):
        assert read_vote(text, YN) == read_vote(text[:2000], YN)  # its first lines decide
        assert read_ranking(text, CANDIDATES) == read_ranking(text[:2000], CANDIDATES)
    assert read_vote("Yes\n\n" + "x" * 1_000_000, YN).choice == 0
    assert only_pleasantries(body) is (shape == "greetings")


TITLE = "Approve the 2027 budget"
BALLOT_QUOTE = ("> Approve the 2027 budget\n>\n> Options:\n>   {a}1. (A) Yes\n>   {b}2. (B) No\n>   3. (C) Abstain\n>\n"
                "> Reply with YES, NO or ABSTAIN (or the number of an option).\n")


def quoted(a: str = "", b: str = "") -> str:
    return BALLOT_QUOTE.format(a=a, b=b)


@pytest.mark.parametrize("text, title, want", [
    # the ballot's own title named after the answer: the question, not an option
    ("Yes on the budget. Thank you Treasurer for all the work", TITLE, "Yes"), ("No on the 2027 budget", TITLE, "No"),
    ("I vote yes on this budget!", TITLE, "Yes"), ("Ottawa for the conference", "Where to hold the 2025 conference", "Ottawa"),
    # look-alikes: words that are not the title, a condition, a split vote on parts of the question
    ("Yes on the budget", "", None), ("Yes on the condition that the reserve stays", TITLE, None),
    ("yes on the treasurer's report", TITLE, None), ("Yes for the budget, if it passes the board", TITLE, None),
    ("Yes on the budget, no on the reserve", TITLE, None), ("Yes, no on the reserve", "", None),
    ("Oui, non sur le loyer", "", None), ("Yes, no problem", "", "Yes"),
])
def test_the_ballots_title_named_after_the_answer(text, title, want):
    options = CITIES if "conference" in title else YN
    reading = read_vote(text, options, title=title)
    assert (None if reading.choice is None else options[reading.choice]) == want


@pytest.mark.parametrize("note, quote, want", [
    # the one mark inside the quoted ballot, under a short note naming no option (or none at all)
    ("See my mark in the list above.", quoted(a="[X] "), "Yes"), ("", quoted(b="[x] "), "No"),
    ("Marked mine above.", quoted().replace("(B) No", "(B) No   X"), "No"),
    # look-alikes: two marks, none
    ("See above.", quoted(a="[X] ", b="[X] "), None), ("See above.", quoted(), None), ("Yes", quoted(a="[X] "), "Yes"),
])
def test_an_option_marked_inside_the_quoted_ballot(note, quote, want):
    whole = f"{note}\n\nOn Mon, Jan 4, 2027 at 9:00 AM Test Network <network@example.org> wrote:\n{quote}"
    reading = read_vote(note, YN, title=TITLE, text=whole)
    assert (None if reading.choice is None else YN[reading.choice]) == want


def test_a_mark_in_the_quoted_ballot_and_the_title_named_by_email(net):
    """Members who answer on the quoted ballot, or name the vote's title, get the receipt of what
    they chose; two marks in the quote are asked back."""
    by = ballots_of(open_vote(net))
    net.advance(hours=1)
    marked = "\n".join(("> [X] " + line.lstrip() if line.strip().startswith("2. (B) No") else "> " + line)
                       for line in by["li@example.org"].text.splitlines())
    net.reply(by["li@example.org"], f"See my mark in the list above.\n\nTest Network wrote:\n{marked}\n", quote=False)
    net.reply(by["sofia@example.org"], "Yes on the terms of reference. Thanks for the work")
    twice = "\n".join(("> [X] " + line.lstrip() if line.strip().startswith(("1. (A) Yes", "2. (B) No")) else "> " + line)
                      for line in by["kofi@example.org"].text.splitlines())
    net.reply(by["kofi@example.org"], f"Marked above.\n\nTest Network wrote:\n{twice}\n", quote=False)
    got = answers(net)
    assert recorded(got["li@example.org"]) == "No"
    assert recorded(got["sofia@example.org"]) == "Yes"
    assert got["kofi@example.org"].subject == "[Vote 1] Your vote could not be read"


@pytest.mark.parametrize("text, options, want", [
    # a place written in katakana, alone or with the polite words of a choice
    ("オタワがいいです。", CITIES, "Ottawa"), ("トロントにします", CITIES, "Toronto"),
    ("モントリオールでお願いします", CITIES, "Montréal"), ("ハイブリッド", CITIES, "Hybrid"),
    ("バンクーバー", ["Vancouver", "Calgary"], "Vancouver"), ("カルガリーを希望します", ["Vancouver", "Calgary"], "Calgary"),
    # look-alikes: a word with the same consonants that starts otherwise ("tower"), two names, no label
    ("タワーがいいです", CITIES, None), ("オタワ、トロント", CITIES, None), ("バンクーバー", CITIES, None),
    ("オタワがいいですか？", CITIES, None),
])
def test_an_option_written_in_katakana(text, options, want):
    assert choice(text, options) == want


OUTLOOK_BLOCK = ("From: Test Network <network+abc@example.org>\nSent: Monday, January 4, 2027 9:00 AM\n"
                 "To: Fatima Noor <fnoor@outlook.com>\nSubject: [Vote 5] Approve the 2027 budget\n\n"
                 "Options:\n  1. (A) Yes\n  2. (B) No{mark}\n  3. (C) Abstain\nReply with YES, NO or ABSTAIN.\n")


@pytest.mark.parametrize("note, above, mark, want", [
    # Outlook quotes the ballot unprefixed below a From/Sent/To/Subject block: a mark typed there counts
    ("See below", "", "   X", "No"), ("", "", "  ✓", "No"),
    # look-alikes: no mark; a forwarded ballot (someone else's mark)
    ("See below", "", "", None), ("FYI", "---------- Forwarded message ---------\n", "   X", None),
])
def test_an_option_marked_in_outlooks_unprefixed_quote(note, above, mark, want):
    whole = f"{note}\n\n{above}{OUTLOOK_BLOCK.format(mark=mark)}"
    reading = read_vote(note, YN, title=TITLE, text=whole)
    assert (None if reading.choice is None else YN[reading.choice]) == want


def test_a_doubt_is_overruled_only_by_an_answer_after_but_and_never_a_hedged_no():
    """Found by the review: a "but" with nothing after it, or "maybe not" before it, overrules nothing."""
    yn = ["Yes", "No", "Abstain"]
    assert read_vote("Yes, I might be wrong but", yn).choice is None
    assert read_vote("Maybe not, but yes", yn).choice is None
    assert read_vote("Not sure about it, but yes", yn).choice == 0
    assert read_vote("I might be wrong, but no", yn).choice == 1


def test_a_title_is_looked_for_in_linear_time_on_a_long_run_of_spaces():
    """Hang detector (generous): tried from every space, 100 KB of spaces took 96 s."""
    import time
    from workflows.reading.ballot_echoes import without_title
    started = time.thread_time()
    assert without_title(" " * 100_000, "the budget") == " " * 100_000
    assert without_title("Yes " + "\t" * 100_000 + "on the budget", "The budget").startswith("Yes")
    assert time.thread_time() - started < 10
