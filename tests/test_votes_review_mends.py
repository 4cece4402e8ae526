"""Issue 15, votes: what the review of branch votes15 found, mended.

The branch taught the reader to ask back answers turned round by their own line. The review
(765 replies written to trip it) found that it also counted some replies wrong that were asked
before, and asked back plain, agreeing answers that were counted before. Each scenario below is a
reply a member might really write, and what must happen to it: counted as an option, or asked
back (a question back is safe; a wrong count is the worst failure; asking back a plain answer is
a cost to the member).
"""
from __future__ import annotations

import pytest

from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No", "Abstain"]
MERGER = "Merge with the Hamilton network"
FEE = "Raise the annual fee to €30"
TERMS = "Adopt the revised terms of reference"
VENUES = ["Library annex, Queen Street", "Community centre", "Online"]
FREQUENCY = ["Monthly", "Every two weeks", "Quarterly"]
ASKED = None  # asked back


def _check(reply: str, expected, options=YES_NO, title=MERGER):
    reading = read_vote(reply, options, title=title)
    got = options[reading.choice] if reading.choice is not None else ASKED
    assert got == expected, f"{reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"
    assert reading.ambiguous == (expected is ASKED)


# A. a no that the rest of its line takes back: the member lets the motion pass, or says the
# other stance after all. Counted No by the branch; asked now.
NO_TAKEN_BACK = [
    ("I'm not for it, but I won't stand in the way", ASKED),
    ("I'm not for it, but I won't block it", ASKED),
    ("I'm not for it, but I'll go with the majority", ASKED),
    ("I'm against it, but I won't vote it down", ASKED),
    ("I'm not for it... yet", ASKED),
    ("I'm not for it — I'm mad for it!", ASKED),
    ("I'm not for it, lol, I'm all in", ASKED),
    ("We're not for it, well, Anna isn't; I am.", ASKED),
    # a plain no, and a no with its reason, still count
    ("I'm not for it.", "No"), ("No, I am against it", "No"), ("No, we are not ready", "No"),
    ("No, I'm in Toronto that week", "No"),
]


@pytest.mark.parametrize("reply, expected", NO_TAKEN_BACK)
def test_a_no_the_line_takes_back_is_asked(reply, expected):
    _check(reply, expected)


# B. plain, agreeing answers the branch asked back: a judgement of something else than the motion
# is no judgement of it. Counted again.
JUDGED_SOMETHING_ELSE = [
    # a later line that thanks, apologises or adds a P.S., or judges another clause
    ("No.\nIt's great that we get to vote on this.", "No", YES_NO, MERGER),
    ("No\n\nThanks, it's good to be asked.", "No", YES_NO, MERGER),
    ("Yes\nSorry it's late, it was a bad week.", "Yes", YES_NO, MERGER),
    ("Yes\n\nP.S. it was awful to hear Jim is ill.", "Yes", YES_NO, MERGER),
    ("No\n\nGreat newsletter this month, it's brilliant.", "No", YES_NO, MERGER),
    # a judgement of another clause or doing ("a mistake to wait"), or of not doing it ("a mistake not to")
    ("Yes, it would be a mistake to wait", "Yes", YES_NO, MERGER),
    ("Yes, it would be a mistake not to.", "Yes", YES_NO, MERGER),
    ("Oui, ce serait une erreur de ne pas le faire", "Yes", YES_NO, MERGER),
    ("Yes, it's silly that we waited so long", "Yes", YES_NO, MERGER),
    ("Yes, going it alone is a bad idea", "Yes", YES_NO, MERGER),
    ("Yes. The worst thing would be to do nothing.", "Yes", YES_NO, MERGER),
    ("Online. It's silly to make people drive in winter.", "Online", VENUES, ""),
    ("Quarterly — it would be a mistake to meet more often", "Quarterly", FREQUENCY, ""),
    # the state the motion would change, judged; the other party is not the motion
    ("Yes, the old terms were terrible", "Yes", YES_NO, TERMS),
    ("Yes.\nThe old terms were a disaster.", "Yes", YES_NO, TERMS),
    ("No, the current terms are good", "No", YES_NO, TERMS),
    ("No, our network is good as it is", "No", YES_NO, MERGER),
    ("No, it's good as it is", "No", YES_NO, FEE),
    ("Nein, es ist gut so, wie es ist", "No", YES_NO, MERGER),
    ("No, Hamilton is great but we're too different", "No", YES_NO, MERGER),
    # a negation's scope, a concession, a set phrase
    ("No, it's hardly a good idea", "No", YES_NO, MERGER),
    ("No — it's nowhere near good enough", "No", YES_NO, TERMS),
    ("No, it's far from perfect", "No", YES_NO, TERMS),
    ("No, we don't need it, bad idea", "No", YES_NO, MERGER),
    ("Yes, it's not perfect but it's a start", "Yes", YES_NO, TERMS),
    ("No — good idea in principle, but the timing is wrong.", "No", YES_NO, MERGER),
    ("No. Great idea, wrong time.", "No", YES_NO, MERGER),
    ("Yes, worst case we undo it", "Yes", YES_NO, MERGER),
    ("Yes... I guess it's the least bad", "Yes", YES_NO, MERGER),
    ("No, it's too good to be true", "No", YES_NO, MERGER),
    # an emoji further on the line, or after thanks; "not kidding"; a sincere "sure, and …"
    ("No thanks 👍", "No", YES_NO, FEE), ("No, sorry 👍", "No", YES_NO, MERGER),
    ("No. Thanks for organising 👏", "No", YES_NO, MERGER),
    ("Yes 👍 (Monday I'm 🚫 so can't come to the meeting)", "Yes", YES_NO, MERGER),
    ("Yes — no kidding, it's overdue", "Yes", YES_NO, MERGER), ("Yes, I'm not kidding", "Yes", YES_NO, MERGER),
    ("Sí, y no es broma", "Yes", YES_NO, MERGER),
    ("Yes, sure, and let's do it soon", "Yes", YES_NO, MERGER),
    ("Ja klar, und gerne helfe ich mit", "Yes", YES_NO, MERGER),
]
# and what still turns the answer round
STILL_ASKED = [
    ("Yes, it would be a mistake to merge", ASKED, YES_NO, MERGER),
    ("Yes, what a mistake that would be.", ASKED, YES_NO, MERGER),
    ("Yes, the current terms are great", ASKED, YES_NO, TERMS),
    ("No\nPS: the merger is a great idea though.", ASKED, YES_NO, MERGER),
    ("Yes\nBut the merger is a terrible idea.", ASKED, YES_NO, MERGER),
    ("Yes, the merger is a terrible idea, just terrible", ASKED, YES_NO, MERGER),
    ("No, great idea, really great", ASKED, YES_NO, MERGER),
    ("No 👍", ASKED, YES_NO, MERGER), ("Yes 😡", ASKED, YES_NO, MERGER), ("❌ Yes", ASKED, YES_NO, MERGER),
    ("I'm all for the merger 👎", ASKED, YES_NO, MERGER),
    ("Yes... just kidding", ASKED, YES_NO, MERGER), ("Yes, sure, and I'm the Pope", ASKED, YES_NO, MERGER),
]


@pytest.mark.parametrize("reply, expected, options, title", JUDGED_SOMETHING_ELSE + STILL_ASKED)
def test_a_judgement_of_something_else_does_not_turn_the_answer(reply, expected, options, title):
    _check(reply, expected, options, title)


# B. the member's own answer, not someone else's, and the ballot's own question: counted again
THE_MEMBERS_OWN = [
    ("Yes. Said so at the AGM already.", "Yes"), ("Yes — said it before, say it again", "Yes"),
    ("Yes, my husband says. I agree.", "Yes"), ("Yes — Anna's vote as well", "Yes"),
    ("Yes. Tom thinks it's a bad plan. He's wrong.", "Yes"), ("Yes. Some think it's a bad idea; I don't.", "Yes"),
    ("No. People say it's a great idea. It isn't.", "No"),
    ("Yes, I'll be attending and voting yes", "Yes"), ("Yes, I'll be there. Yes to the merger.", "Yes"),
    ("No, I won't be attending, but my vote is no", "No"),
    ("Yes. I was against it at first, but now I'm convinced.", "Yes"),
    ("Yes — had my objections, but they've been answered", "Yes"),
    ("The board suggested this in May. Yes.", "Yes"), ("Paul proposed this last year. Yes!", "Yes"),
    ("Hamilton proposed the merger. Yes.", "Yes"), ("Anna suggested it at the AGM; I agree, yes.", "Yes"),
    # and still asked: someone else's answer, coming to the meeting, another proposal
    ("No, my wife says.", ASKED), ("I support the budget, said the treasurer. I don't.", ASKED),
    ("Yes, I'll be at the AGM", ASKED), ("Tom suggested we postpone. I'm for it.", ASKED),
    ("Some want to postpone the merger. Yes.", ASKED),
]


@pytest.mark.parametrize("reply, expected", THE_MEMBERS_OWN)
def test_the_members_own_answer_is_counted(reply, expected):
    _check(reply, expected)


# C. the line right after the answer, or the correction's own line, that takes the answer back: asked
TAKEN_BACK_AFTER = [
    ("Yes\nJust kidding!", ASKED), ("Yes\n\nNot.", ASKED), ("Yes\n(said no one ever)", ASKED),
    ("Yes\n/s", ASKED), ("Yes\nlol no", ASKED), ("Yes\nAs if.", ASKED), ("Yes\nSure, and pigs will fly.", ASKED),
    ("Yes\n👎", ASKED), ("Yes\n\n❌", ASKED), ("No\n👍", ASKED),
    ("Yes\nsaid my wife. Me, I'm against.", ASKED), ("Yes\n— that's Anna's vote, she asked me to pass it on", ASKED),
    ("Yes (sarcasm)", ASKED), ("Yes, as if", ASKED), ("Yes — when pigs fly", ASKED), ("Oui... mon œil", ASKED),
    ("Correction: yes ❌", ASKED),
    # and still counted
    ("Yes\nThanks!", "Yes"), ("Yes\n👍", "Yes"), ("No\n👎", "No"), ("Yes\nThanks 👍", "Yes"),
    ("Yes\nAnna says hi", "Yes"), ("Yes — sorry, I meant No", "No"), ("No, sorry, I meant yes 👍", "Yes"),
]


@pytest.mark.parametrize("reply, expected", TAKEN_BACK_AFTER)
def test_a_next_line_or_a_correction_that_takes_the_answer_back_is_asked(reply, expected):
    _check(reply, expected)


# C. more ways to judge the motion: verbs and set phrases of judgement, asked when they judge it the
# other way
MORE_JUDGEMENTS = [
    ("Yes, the merger will ruin us", ASKED), ("Yes, merging will kill the network", ASKED),
    ("Yes, I hate it", ASKED), ("No, I love it", ASKED), ("No, the merger makes total sense", ASKED),
    ("No, it's the right thing to do", ASKED), ("No — finally!", ASKED), ("No, it's about time", ASKED),
    ("Yes, love it", "Yes"), ("Yes, finally", "Yes"), ("No. Finally, thanks for asking.", "No"),
]


@pytest.mark.parametrize("reply, expected", MORE_JUDGEMENTS)
def test_verbs_and_set_phrases_of_judgement(reply, expected):
    _check(reply, expected)


# B. a no said again after a denied opposition, attendance told as more news: counted
SAID_AGAIN = [
    ("No — not against Hamilton, just against this deal", "No"),
    ("No. I'm not opposed to merging in principle, but not now.", "No"),
    ("Yes. I'll be at the AGM too.", "Yes"),
    ("Nein, ich bin nicht dagegen", ASKED), ("Yes, I'll be at the AGM", ASKED), ("Yes. I'll be there.", ASKED),
]


@pytest.mark.parametrize("reply, expected", SAID_AGAIN)
def test_a_no_said_again_and_attendance_as_news(reply, expected):
    _check(reply, expected)
