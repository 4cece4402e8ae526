"""Issue 15, batch 19 of votes: what the blind batch 19 counted wrong or asked back, by kind, each beside
the replies a member might write that look the same and must stay asked back (or read otherwise).

A doubt on the line after the answer ("Abstain, I don't know enough" / "Maybe yes though"); a doubt in
Korean, Japanese, Chinese, the Nordic languages, Czech, Hungarian and Greek; German "Lieber ja" (rather
yes), which is no letter's "Lieber Jonas,"; "jo" alone; "voto por Tomás", "Priya gets my vote", "Union
Hall is the easiest for me to get to", "Weds"; and another option named "too" beside the choice.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, YES_NO, check

COATS = "Fund the winter coat drive"
STRIKE = "Join the city-wide rent strike in May"
VENUE = "Where should the spring assembly meet"
VENUES = ["Central Library", "Union Hall", "Community Centre"]
TREASURER = "Elect the treasurer"
CANDIDATES = ["Priya Nair", "Tomás Ortega", "Abstain"]
EVENING = "Which evening for the monthly meeting"
EVENINGS = ["Monday", "Wednesday", "Thursday"]

LATER_DOUBT = [
    ("Abstain, I don't know enough about it.\nMaybe yes though.", ASKED),
    ("No\nWell, maybe. Depends on the price of the coats.", ASKED), ("Yes\nMaybe.", ASKED),
    ("Yes\nNot sure though.", ASKED), ("No\nOr maybe yes.", ASKED), ("Yes\nMaybe not.", ASKED),
    ("Yes\nProbably.", ASKED), ("Yes\nI don't know.", ASKED), ("No\nDepends on the price.", ASKED),
    ("Ja\nVielleicht.", ASKED), ("Oui\nPeut-être pas.", ASKED),
    ("Yes\nMaybe yes maybe no", ASKED), ("No\nMaybe, maybe not", ASKED), ("Yes\nOr no. Not sure.", ASKED),
    ("Yes\nmaybe, I think", ASKED), ("Yes\nProbably, who knows", ASKED), ("Abstain\nOr no, not sure", ASKED),
    # a doubt about something else on the later line is a comment
    ("Yes\nMaybe I can help with the flyers.", "Yes"), ("No\nMaybe next year.", "No"),
    ("Yes\nNot sure I can make the assembly though.", "Yes"), ("Yes\nPerhaps we could also collect scarves.", "Yes"),
    ("Abstain\nMaybe others know more.", "Abstain"), ("Yes\nMaybe see you there!", "Yes"),
    ("No\nNo idea why this came up again.", "No"), ("Yes\nI don't know why it took so long.", "Yes"),
    ("Yes\nDepending on how it goes, I can help.", "Yes"), ("Yes\n\nThanks\nRuth", "Yes"),
    ("Yes\nNot sure why we waited so long", "Yes"), ("Yes\nI don't know about the others, but yes", "Yes"),
    ("Yes\nOr whatever you decide", "Yes"), ("Yes\nOf course.", "Yes"),
]


@pytest.mark.parametrize("reply, expected", LATER_DOUBT)
def test_a_doubt_on_the_line_after_the_answer_is_asked_back(reply, expected):
    check(reply, expected, COATS, YES_NO)


def test_a_doubt_alone_after_a_venue_is_asked_back():
    check("Union Hall\nMaybe.", ASKED, VENUE, VENUES)


DOUBT_IN_MORE_LANGUAGES = [
    ("찬성... 근데 사실 잘 모르겠어요.", ASKED), ("찬성, 잘 모르겠지만", ASKED), ("賛成。でもよくわからない。", ASKED),
    ("はい、たぶん", ASKED), ("賛成、多分", ASKED), ("同意，但是我不确定", ASKED), ("同意，不过我不知道", ASKED),
    ("Ja, kanske", ASKED), ("Nej, vet inte", ASKED), ("Ano, možná", ASKED), ("Igen, talán", ASKED), ("Ναι, ίσως", ASKED),
    ("Όχι, δεν ξέρω", ASKED), ("Joo, mutta en tiedä", ASKED),
    # no doubt in them
    ("찬성", "Yes"), ("찬성합니다. 잘 부탁드립니다.", "Yes"), ("賛成です。よろしくお願いします。", "Yes"), ("同意，谢谢", "Yes"),
    ("反对", "No"), ("반대합니다", "No"), ("Ναι", "Yes"), ("Joo", "Yes"),
]


@pytest.mark.parametrize("reply, expected", DOUBT_IN_MORE_LANGUAGES)
def test_a_doubt_in_korean_japanese_chinese_and_other_languages(reply, expected):
    check(reply, expected, STRIKE, YES_NO)


RATHER = [
    ("Lieber ja.", "Yes"), ("Lieber ja", "Yes"), ("Lieber nein", "No"), ("Lieber nicht.", "No"),
    # the letter's "Lieber Jonas," is still a greeting, the answer under it read
    ("Lieber Jonas,\nja", "Yes"), ("Liebe Amina,\n\nja, bin dabei.", "Yes"), ("Lieber Jan,\nnein", "No"),
    # held back, or no answer
    ("Lieber ja, aber nur wenn es billig ist", ASKED), ("Lieber ja als nein", ASKED), ("Lieber ja... ich weiß nicht", ASKED),
    ("Lieber ja, oder?", ASKED), ("Eher ja", ASKED), ("Lieber Jonas,", ASKED),
]


@pytest.mark.parametrize("reply, expected", RATHER)
def test_lieber_ja_is_rather_yes_not_a_greeting(reply, expected):
    check(reply, expected, STRIKE, YES_NO)


JO = [
    # review of batch 19: "jo" is a colloquial yes in German and Swedish but the no of Albanian, and the reader
    # cannot tell the member's language: asked back even alone, as a careful human would ("Jo\nFaleminderit" is
    # "No, thank you"); a sign-off name "Jo" under a closing or alone under the answer is a signature, not a second answer
    ("jo", ASKED), ("Jo!", ASKED), ("Jo\n\nGrüße\nJonas", ASKED), ("Jo\nFaleminderit", ASKED), ("Jo\nNuk mundem", ASKED),
    ("Jo\nFlm", ASKED), ("Jo\nS'kam mundësi", ASKED), ("Jo\n¿Cuánto cuesta?", ASKED), ("Jo\nsorry", ASKED),
    ("Kommer inte. Jo, förresten, jag kommer", ASKED), ("Jo, mutta en tiedä", ASKED), ("Jo no", ASKED),
    ("No\nJo", "No"), ("Jo, ik stem nee", "No"), ("Nope\n\nThanks,\nJo", "No"), ("Yes\n\nCheers,\nJo", "Yes"),
    ("Ja", "Yes"), ("Jo ja", ASKED),
]


@pytest.mark.parametrize("reply, expected", JO)
def test_jo_is_asked_back_even_alone(reply, expected):
    check(reply, expected, STRIKE, YES_NO)


NAMED_AFTER_A_VOTE = [
    ("Voto por Tomás", "Tomás Ortega"), ("Ich stimme für Priya", "Priya Nair"), ("Voto per Priya", "Priya Nair"),
    ("Ich stimme für Priya, nicht für Tomás", "Priya Nair"),
    ("Priya gets my vote.", "Priya Nair"), ("Priya has my vote", "Priya Nair"),
    # no option, held back, or two
    ("Voto por correo", ASKED), ("Voto por Tomás si se presenta", ASKED), ("Voto por Tomás, aunque Priya también", ASKED),
    ("Nobody gets my vote", ASKED), ("Priya never gets my vote", ASKED), ("Priya gets my vote next year", ASKED),
    ("If Priya runs again, she gets my vote", ASKED), ("Priya gets my vote over Tomás", ASKED),
    ("Tomás? Priya gets my vote.", ASKED),
]


@pytest.mark.parametrize("reply, expected", NAMED_AFTER_A_VOTE)
def test_a_candidate_named_after_a_vote_or_before_gets_my_vote(reply, expected):
    check(reply, expected, TREASURER, CANDIDATES)


def test_no_yes_or_no_after_voto_por_or_before_gets_my_vote():
    for reply in ("Voto por no ir", "Voto por sí", "Yes gets my vote", "No is the easiest"):
        check(reply, ASKED, COATS, YES_NO)


EASIEST = [
    ("Union Hall is the easiest for me to get to.", "Union Hall"), ("The library is the easiest for me to get to", "Central Library"),
    ("Union Hall would be the best", "Union Hall"),
    ("Union Hall is the hardest for me to get to.", ASKED), ("Union Hall is the easiest for most people", ASKED),
    ("Union Hall is the easiest for me to get to, but I prefer the library", ASKED), ("Is Union Hall the easiest for you?", ASKED),
    ("Union Hall is not the easiest for me to get to", ASKED), ("Union Hall is the least easy for me to get to", ASKED),
]


@pytest.mark.parametrize("reply, expected", EASIEST)
def test_the_venue_easiest_for_the_member_to_reach(reply, expected):
    check(reply, expected, VENUE, VENUES)


@pytest.mark.parametrize("reply, expected", [("Weds works best", "Wednesday"), ("Weds", "Wednesday"),
                                             ("Weds or Thurs", ASKED), ("Not Weds", ASKED)])
def test_weds_is_wednesday(reply, expected):
    check(reply, expected, EVENING, EVENINGS)


TOO = [
    ("Tomás, but Priya too", ASKED), ("Tomás, although Priya too", ASKED), ("I vote for Tomás, although Priya Nair too", ASKED),
    ("Priya. Tomás also", ASKED), ("Tomás, Priya too", ASKED),
    # "too" of something else
    ("Tomás, and thanks to Priya too", "Tomás Ortega"), ("Tomás. Good luck to Priya too", "Tomás Ortega"),
]


@pytest.mark.parametrize("reply, expected", TOO)
def test_another_candidate_named_too_is_a_second_choice(reply, expected):
    check(reply, expected, TREASURER, CANDIDATES)


@pytest.mark.parametrize("reply, expected", [("B, although A too", ASKED), ("Union Hall, although the library too", ASKED),
                                             ("B. C too", ASKED), ("B, A as well", ASKED),
                                             ("B please, though A is fine too", "Union Hall"), ("B, and thanks too", "Union Hall"),
                                             ("B, although A was nice too", "Union Hall")])
def test_another_venue_named_too_is_a_second_choice(reply, expected):
    check(reply, expected, VENUE, VENUES)


def test_me_too_is_no_second_answer():
    check("Yes, me too", "Yes", COATS, YES_NO)
    check("No, and the fee too", "No", COATS, YES_NO)


UNDECIDED_LATER = [
    ("Yes\nHope we all vote for it, but I'm not sure yet", ASKED), ("Yes\nI encourage everyone to support it, though I'm still torn", ASKED),
    ("Yes\nHope others vote for it, I'm abstaining", ASKED), ("Yes\nLet's pass it — my husband's words, I'm still undecided", ASKED),
    ("Yes\nI was undecided for a long time", "Yes"), ("Yes\nMy neighbour is still undecided", "Yes"),
    ("Abstain\nI'm abstaining because I'm new", "Abstain"), ("Yes\nI'm sure now", "Yes"),
    ("Yes\nI'm not sure yet whether I can come", "Yes"),
]


@pytest.mark.parametrize("reply, expected", UNDECIDED_LATER)
def test_a_later_line_saying_the_member_is_undecided_or_abstains(reply, expected):
    check(reply, expected, COATS, YES_NO)


# review of batch 19: a remark about a place or a day is a choice only as the whole reply (a sign-off may follow)
EASIEST_WHOLE = [
    ("Union Hall is the closest\nThanks!\nAmina", "Union Hall"), ("Union Hall is the closest.\n\nBest,\nAmina Diallo", "Union Hall"),
    ("Union Hall is the closest\nCheers", "Union Hall"), ("Union Hall. It is the closest for me", "Union Hall"),
    ("Union Hall is the easiest to get to but I'd rather have it at the library", ASKED),
    ("Union Hall is the easiest to get to\nBut I'd rather have it at the library", ASKED),
    ("Union Hall is the closest\nBut I'll vote Community Centre", ASKED),
    ("Union Hall is the closest, the library the most accessible", ASKED), ("Union Hall is the closest. I'm not coming though", ASKED),
    ("Union Hall is the closest\nI can't come anyway", ASKED), ("Union Hall is the closest\nbut not accessible", ASKED),
    ("Union Hall is the nearest\nStill, library please", ASKED), ("Union Hall is the closest\nOr the library", ASKED),
    ("Union Hall is the closest for me\nBut think of the others: Community Centre", ASKED),
]


@pytest.mark.parametrize("reply, expected", EASIEST_WHOLE)
def test_a_venue_said_easiest_counts_only_as_the_whole_reply(reply, expected):
    check(reply, expected, VENUE, VENUES)


EVENING_WHOLE = [
    ("Monday is the best day", "Monday"), ("Monday. That is the best day for me.", "Monday"),
    ("Wednesday would be the best. Sadly I can't make it.", ASKED), ("Monday is the best day\nExcept I work Mondays", ASKED),
    ("Thursday would be the most convenient\nIf I'm not travelling", ASKED),
    # another evening after "but" on the answer's line, not one ruled out
    ("Ich stimme für Mittwoch, kann aber nur Montag", ASKED), ("Mittwoch, pero solo puedo el lunes", ASKED),
    ("Wednesday, but not Monday", "Wednesday"), ("Mittwoch, aber nicht Montag", "Wednesday"),
    ("Monday\nOr Wednesday", ASKED), ("Monday\nWednesday works too", ASKED),
]


@pytest.mark.parametrize("reply, expected", EVENING_WHOLE)
def test_an_evening_said_best_counts_only_as_the_whole_reply(reply, expected):
    check(reply, expected, EVENING, EVENINGS)


def test_not_voting_is_the_easiest_is_no_abstention():
    check("Not voting is the easiest", ASKED, COATS, YES_NO)


# review of batch 19: "voto por", "gets my vote" with a doubt, a report or nobody; "everyone but"; a later offer
CANDIDATE_MORE = [
    ("Voto por Tomás\nPero no estoy segura", ASKED), ("Stimme für Tomás\nBin mir nicht sicher", ASKED),
    ("Voto per Tomás\nNon sono sicuro", ASKED), ("Voto por Priya\nNo estoy seguro", ASKED),
    ("Ingen röstar på Priya", ASKED), ("Nadie vota por Priya", ASKED), ("Jeg stemmer på Priya, sier kona", ASKED),
    ("Jag röstar på Priya, säger min man", ASKED), ("Jeg stemmer på Priya", "Priya Nair"), ("Jag röstar på Priya", "Priya Nair"),
    ("Everyone but Tomás gets my vote", ASKED), ("Everybody but Priya has my vote", ASKED), ("Everyone but Tomás", ASKED),
    ("Priya gets my vote\nActually no, Tomás", ASKED), ("Priya gets my vote\nOr Tomás", ASKED), ("Priya\nOr Tomás", ASKED),
    ("Priya\nTomás too", ASKED), ("Priya, but Tomás did great work", ASKED),
    # no other candidate offered
    ("Priya gets my vote\nThanks", "Priya Nair"), ("Priya\nOr whatever you decide", "Priya Nair"),
    ("Priya\nThanks to Tomás too", "Priya Nair"), ("Priya\nGood luck to Tomás too", "Priya Nair"),
    ("Priya\nActually, Tomás", "Tomás Ortega"),
]


@pytest.mark.parametrize("reply, expected", CANDIDATE_MORE)
def test_a_candidate_with_a_doubt_a_report_or_another_offered(reply, expected):
    check(reply, expected, TREASURER, CANDIDATES)


LATER_NOT_SURE = [
    ("Yes\nPero no estoy segura", ASKED), ("Ja\nBin mir nicht sicher", ASKED), ("Sì\nNon sono sicura", ASKED),
    ("Oui\nJe ne suis pas sûre", ASKED), ("Ja\nInte säker", ASKED), ("同意\n不知道", ASKED), ("찬성\n모르겠어요", ASKED),
    ("賛成\nわからない", ASKED),
    # a doubt of something else
    ("Ja\nIch bin nicht sicher, ob ich komme", "Yes"), ("Sí\nNo estoy seguro de poder ir", "Yes"),
    ("同意\n不知道他们怎么想", "Yes"), ("No\n\nNobody should vote for it", "No"),
]


@pytest.mark.parametrize("reply, expected", LATER_NOT_SURE)
def test_not_sure_in_more_languages_on_a_later_line(reply, expected):
    check(reply, expected, COATS, YES_NO)
