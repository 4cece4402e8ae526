"""The replies a review of batch 14's vote reading found read WRONG (a member would get "Your vote is
recorded" with the opposite answer), by class, with look-alikes of each class, and the readings the
batch won that stay right. Each reply is either read as the member meant it or asked back: asking
costs a member one more email, a wrong vote costs the network its count."""
from __future__ import annotations

import time

import pytest

from tests.test_reading_batch14_votes import BUDGET, FEE, FOCUS, MERGER, NEWS, TREASURER, counted, ranked
from tests.test_votes_reading_scenario import answers, ballots_of, recorded
from tests.test_votes_scenario import net, open_vote  # noqa: F401 (net: the network fixture)
from workflows.reading.answer_lines import without_emoji


@pytest.mark.parametrize("answer, title, vote", [
    # the motion's noun inside an object whose head is another thing: a delay, those who block it, an idea
    ("I oppose any delay to the merger.", MERGER, None), ("I oppose those who want to block the merger.", MERGER, None),
    ("I reject the idea that the merger is a takeover.", MERGER, None),
    ("I reject the claim that the merger would cost us.", MERGER, None),
    ("Je suis contre le report de la fusion.", MERGER, None), ("Ich bin gegen eine Verschiebung der Fusion.", MERGER, None),
    ("Ik ben tegen het uitstellen van de fusie.", MERGER, None), ("Estoy en contra de retrasar la fusión.", MERGER, None),
    ("I say no to anyone who would block the merger.", MERGER, None),
    ("I support keeping the fee as it is.", FEE, None), ("I support keeping the current fee.", FEE, None),
    ("I support freezing the fee.", FEE, None), ("I back a fee freeze.", FEE, None),
    ("I oppose the fee increase being delayed again.", FEE, None),
    ("I object to the budget cuts to the youth programme.", BUDGET, None),
    ("I support the call to postpone the budget.", BUDGET, None),
    # look-alikes of the same class written here
    ("I oppose postponing the merger.", MERGER, None), ("I support a review of the budget first.", BUDGET, None),
    ("I oppose the people pushing the merger.", MERGER, None),
    # the wins that stay: the motion's noun is the object's head
    ("I oppose the merger.", MERGER, "No"), ("I support the merger.", MERGER, "Yes"),
    ("I oppose the fee increase. Many of us are on benefits.", FEE, None),
    ("I reject the budget as circulated.", BUDGET, "No"), ("Je m'oppose à la fusion.", MERGER, "No"),
    ("Ich lehne die Fusion ab.", MERGER, "No"), ("Apoyo la fusión.", MERGER, "Yes"),
    ("I support the merger with Eastside.", MERGER, "Yes"), ("I support the proposed merger.", MERGER, "Yes"),
])
def test_a_stance_counts_only_when_the_motion_is_the_head_of_its_object(answer, title, vote):
    """"I oppose any delay to the merger" opposes the delay, not the merger: only an object whose
    head noun is the motion's answers it."""
    assert counted(answer, title=title) == vote


@pytest.mark.parametrize("answer, title, vote", [
    ("Gegen die Fusion habe ich nichts einzuwenden.", MERGER, None), ("Tegen de fusie heb ik niets.", MERGER, None),
    ("Contre la fusion, je n'ai rien.", MERGER, None), ("Contre la fusion, je n'ai aucun argument.", MERGER, None),
    ("Gegen die Fusion spricht nichts.", MERGER, None),
    # the wins that stay: the phrase is the whole clause
    ("Contre l'augmentation.", FEE, "No"), ("Contre la fusion.", MERGER, "No"),
])
def test_against_put_first_to_say_nothing_against_it(answer, title, vote):
    """"Gegen die Fusion habe ich nichts einzuwenden": nothing against it, not against it."""
    assert counted(answer, title=title) == vote


@pytest.mark.parametrize("answer, title, vote", [
    ("For me, the merger is a mistake.", MERGER, None), ("Pour moi, c'est une erreur.", MERGER, None),
    ("For me, this is a step backwards.", MERGER, None), ("Pour l'augmentation, je ne suis pas convaincu.", FEE, None),
    ("Pour la fusion, il faudrait d'abord consulter les membres.", MERGER, None),
    ("For the merger to work, we'd need a bigger hall.", MERGER, None), ("For us, it's a bad idea.", MERGER, None),
    # the wins that stay
    ("Pour la fusion.", MERGER, "Yes"), ("I am all for the merger.", MERGER, "Yes"),
])
def test_for_as_a_framing_phrase_is_no_stance(answer, title, vote):
    """"For me, the merger is a mistake": "for me" frames the member's view; it is no vote for."""
    assert counted(answer, title=title) == vote


@pytest.mark.parametrize("answer, vote", [
    ("I support the tenants but not the merger.", None), ("I support the merger goals but not this version.", None),
    ("We support the merger, says our committee; I personally don't.", None),
    ("In favour of the merger in principle, but not this year.", None),
    ("I support the merger in principle but the timing is wrong.", None), ("I support the merger, in theory.", None),
    ("I oppose the merger, at least for now.", None), ("I support the merger, but not now.", None),
])
def test_a_stance_reversed_or_qualified_later_in_the_line_is_asked(answer, vote):
    assert counted(answer, title=MERGER) == vote


@pytest.mark.parametrize("answer, vote", [
    ("I can't support the merger enough!", None), ("I couldn't approve of the merger more.", None),
    ("I cannot support the merger strongly enough.", None), ("I can't support the merger.", "No"),
])
def test_emphatic_idioms_are_not_read_as_their_opposite(answer, vote):
    assert counted(answer, title=MERGER) == vote


@pytest.mark.parametrize("answer, vote", [
    ("Will we lose our name? No. So go ahead.", None), ("Do we have anything to lose? No.", None),
    ("Is there any real downside? No.", None), ("Should we be worried? No.", None),
    ("Can we afford to stay alone? No.", None), ("Est-ce qu'on y perd quelque chose ? Non.", None),
    ("Verlieren wir dadurch etwas? Nein.", None),
    ("Has anyone asked the Eastside members what they think? No.", None), ("Is it risky? Yes.", None),
    # the wins that stay: the question names the motion's action
    ("Why would we join the Eastside union? No.", None), ("Should we be worried about the merger? No.", None),
    ("Why would we merge with them? No.", "No"), ("Why wouldn't we merge? Yes.", "Yes"),
    ("¿Para qué fusionar las dos asociaciones? No.", "No"),
])
def test_an_answer_after_a_question_counts_only_when_the_question_names_the_motion(answer, vote):
    """"Will we lose our name? No." answers the member's own question, and means go ahead; an answer
    after a question is read only when that question asks why (not) do the motion's own action."""
    assert counted(answer, title=MERGER) == vote


@pytest.mark.parametrize("answer, vote", [
    ("Mentoring for kids, really? Fridge.", None), ("Mentoring for kids is pointless", None),
    ("Mentoring of volunteers, not kids.", None), ("Mentoring for adults instead.", None),
    ("Mentoring for adults would be better", None), ("Mentoring, not the fridge", None),
    # the wins that stay
    ("Mentoring for young people.", "Youth mentoring programme"), ("mentoring 👍", "Youth mentoring programme"),
    ("Le frigo solidaire.", "Community fridge"),
])
def test_an_option_in_other_words_needs_the_words_to_agree_and_nothing_rejected(answer, vote):
    assert counted(answer, FOCUS) == vote


@pytest.mark.parametrize("answer, under, vote", [
    ("this one 👇", "1. (A) Weekly", None), ("⬇️ this one ⬇️", "1. (A) Weekly", None),
    ("this one ↓", "1. (A) Weekly", None), ("That", "1. (A) Weekly", None), ("Mine", "1. (A) Weekly", None),
    ("<--", "1. (A) Weekly", None),
    # the wins that stay
    ("This one!", "2. (B) Every two weeks", "Every two weeks"), ("^ this one please", "3. (C) Monthly", "Monthly"),
    ("<-- my vote", "3. (C) Monthly", "Monthly"), ("this one 👆", "3. (C) Monthly", "Monthly"),
])
def test_a_pointer_under_an_option_counts_only_when_it_points_at_it(answer, under, vote):
    assert counted(answer, NEWS, under=under) == vote


@pytest.mark.parametrize("answer, ranking", [
    ("Amara, Jonas, no preference", None), ("Li Na, Jonas, Amara, no order", None), ("Amara, Sofia, no view", None),
    ("Amara, Jonas, no real preference", None),
    # the wins that stay
    ("Li Na first; no preference after that.", ["Li Na"]),
    ("Sofia Martins first, the rest I don't mind.", ["Sofia Martins"]),
])
def test_names_said_to_have_no_order_are_no_ranking(answer, ranking):
    assert ranked(answer, TREASURER) == ranking


@pytest.mark.parametrize("answer, vote", [
    ("Yes 👎 to the fee part", None), ("Yes ❤️ finally!", "Yes"),
])
def test_an_emoji_against_an_answer_is_not_a_comma(answer, vote):
    assert counted(answer, title=MERGER) == vote


def test_emoji_between_words_are_removed_in_linear_time():
    """A line of thousands of emoji costs no more than a pass over it."""
    started = time.process_time()  # CPU time: a loaded machine does not trip it
    without_emoji("Yes " + "👍 " * 8000 + "x")
    without_emoji("Yes " + "\u00a0👍" * 8000)
    assert time.process_time() - started < 0.5


def test_members_whose_prose_the_review_found_misread_are_asked_not_given_the_opposite_receipt(net):
    """Amina opens the merger vote; three members write what the review found read as the opposite
    of their meaning. Each is asked back, with their first line quoted; a plain stance is still
    recorded."""
    out = open_vote(net, "[Vote] Merge with the Eastside Tenants' Union",
                    "Closes: in 7 days\n\nThat the network merges with the Eastside Tenants' Union.\n")
    by = ballots_of(out)
    net.advance(hours=1)
    net.reply(by["li@example.org"], "Gegen die Fusion habe ich nichts einzuwenden.")
    net.reply(by["sofia@example.org"], "For me, the merger is a mistake.")
    net.reply(by["kofi@example.org"], "Will we lose our name? No. So go ahead.")
    net.reply(by["tom@example.org"], "I support the merger.")
    got = answers(net)
    assert recorded(got["tom@example.org"]) == "Yes"
    for who, first_line in [("li@example.org", "Gegen die Fusion habe ich nichts einzuwenden."),
                            ("sofia@example.org", "For me, the merger is a mistake."),
                            ("kofi@example.org", "Will we lose our name? No. So go ahead.")]:
        assert recorded(got[who]) is None
        assert got[who].subject == "[Vote 1] Your vote could not be read"
        assert f'Its first line was: "{first_line}"' in got[who].text
