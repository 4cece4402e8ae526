"""Issue 15, review18: the attacker review of the votes18 rules found 107 replies counted where main
rightly asked back. Each votes18 exception now holds only when the rest of its line is harmless (it
ends there, or the rest is read by the doubt/irony/put-off checks); what could not be made safe is
taken out. One test per group of the review, with the plain answers each group keeps counting.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, ATTEND, YES_NO, check

# (1) sincere "of course, and …" / "Great, another …": only said alone to the line's end
SINCERE_WORDS = [
    ("Yes, sure, and about time we lost our independence too", ASKED), ("Oui, bien sûr, et vive la dictature !", ASKED),
    ("Yes, of course, and long live the bureaucrats", ASKED), ("Yes, sure, and welcome to our new overlords", ASKED),
    ("Sí, claro, y viva la burocracia", ASKED), ("Ja, natürlich, und endlich sind wir pleite", ASKED),
    ("Yes, sure, and a big thank you for doubling my fees", ASKED), ("Yes, of course, and count me in for the funeral", ASKED),
    ("Sí, claro, y cuenten conmigo para apagar la luz", ASKED), ("Ja, klar, und höchste Zeit, dass wir uns auflösen", ASKED),
    ("Yes. Great, another step backwards.", ASKED), ("Yes. Oh great, another big step off a cliff", ASKED),
    ("Yes. Great, another win for the bureaucrats.", ASKED), ("Yes. Great, another step forward... for Hamilton, not us", ASKED),
    ("Ja. Toll, noch ein Schritt in den Abgrund", ASKED), ("Oui. Génial, encore une pas en avant vers le gouffre", ASKED),
    ("Yes, sure, and count me in for the committee of undertakers", ASKED),
    ("Yes, of course, and a big thank you to the board for ruining us", ASKED),
    ("Yes, of course, and about time too. Not.", ASKED), ("Yes! Great, another step forward for the team. Not.", ASKED),
    # kept
    ("Yes, of course, and about time too", "Yes"), ("Oui, bien sûr, et il était temps", "Yes"), ("Ja klar, und endlich!", "Yes"),
    ("Sí, claro, y cuenten conmigo", "Yes"), ("Sim, claro, e já era hora", "Yes"), ("Ja, natuurlijk, en hoog tijd ook", "Yes"),
    ("Yes! Great, another step forward", "Yes"), ("Yes! Great, another milestone for us", "Yes"),
    ("Yes, sure, and count me in for the working group", "Yes"), ("Yes, of course, and a big thank you to the board", "Yes"),
]


@pytest.mark.parametrize("reply, expected", SINCERE_WORDS)
def test_sincere_words_only_alone_to_the_end_of_the_line(reply, expected):
    check(reply, expected)


# (2) "whether … or not" is taken out of the line, a separate "Not!" still ends it
WHETHER = [
    ("Yes, whether we like it or not. Not!", ASKED), ("Oui. Pas. Que ça plaise ou non.", ASKED),
    ("Ja. Nicht. Ob ihr es glaubt oder nicht.", ASKED), ("Yes, whether we like it or not, not", ASKED),
    ("Yes, whether we like it or not", "Yes"), ("Sí, nos guste o no", "Yes"), ("Ja, ob es uns gefällt oder nicht", "Yes"),
]


@pytest.mark.parametrize("reply, expected", WHETHER)
def test_whether_or_not_excuses_no_separate_not(reply, expected):
    check(reply, expected)


# (3) "wait, I mean" / "anzi" firm only with the answer ending the line and the reply; "I meant it / every word /
# what I said" only alone to the line's end
CORRECTIONS = [
    ("Yes, wait, I mean no... or do I?", ASKED), ("Yes, wait, I mean no, I'll have to check", ASKED),
    ("No — wait, I mean yes, once I've read it", ASKED), ("Sì, anzi no... boh", ASKED),
    ("No, anzi sì, ma chiedo a mia moglie", ASKED), ("No — wait, I mean yes\nI'll check with my wife first", ASKED),
    ("Sì, anzi no\nboh", ASKED), ("No, I meant it ironically", ASKED),
    ("Yes, I meant every word of my email against it", ASKED), ("No. I meant what I said — I support it fully", ASKED),
    ("Yes, I meant it when I said I hate this idea", ASKED),
    ("No, anzi, no e poi no", "No"), ("No — wait, sorry, I mean yes", "Yes"), ("Yes, wait, I mean no.", "No"),
    ("No, anzi sì", "Yes"), ("Sì, anzi no", "No"), ("Yes, I meant it", "Yes"), ("Yes, I meant every word", "Yes"),
    ("No. I meant what I said last time", "No"), ("Yes, I meant what I said at the meeting", "Yes"),
]


@pytest.mark.parametrize("reply, expected", CORRECTIONS)
def test_firm_corrections_and_i_meant_only_with_nothing_after(reply, expected):
    check(reply, expected)


# (4) "my proxy form" is the member's own only with nothing after it naming whom it is for
PROXIES = [
    ("Yes — I'll send my proxy form for Anna", ASKED), ("Yes, my proxy form for Anna is attached", ASKED),
    ("Yes (my proxy form — voting for Paul, who can't make it)", ASKED), ("No. Attached is my proxy slip for Maria.", ASKED),
    ("Yes, with my proxy card for Tom", ASKED), ("No — I hold my proxy form for Paul, he's for it", ASKED),
    ("Yes\nMy proxy form for Jan is below: no", ASKED), ("Yes, my proxy form is for my neighbour who can't email", ASKED),
    ("No, my proxy form tomorrow, Anna's vote is yes", ASKED),
    ("No, but I'll send my proxy form", "No"), ("No, I'll send my proxy form tomorrow", "No"),
]


@pytest.mark.parametrize("reply, expected", PROXIES)
def test_own_proxy_form_only_when_it_names_no_one(reply, expected):
    check(reply, expected)


# (5) the others urged the member's way: the whole next line, and the reply's last
URGING = [
    ("Yes\nHope everyone votes for it, I can't vote myself", ASKED), ("No\nHope everyone votes it down, though I'm for it", ASKED),
    ("Yes\nLet's vote it through, says Paul", ASKED), ("Yes\nLet's vote it through. (Anna's vote, I'm forwarding it.)", ASKED),
    ("Yes\nMy wife says: let's vote it through", ASKED), ("Yes\nLet's vote yes on the Toronto motion instead", ASKED),
    ("Yes\nLet's vote it through — said nobody", ASKED), ("Yes\nLet us approve it, Anna says", ASKED),
    ("Yes\nHope everyone votes for it\nJust kidding", ASKED),
    ("Yes\nHope everyone votes for it", "Yes"), ("Yes\nSee you at the AGM — let's vote it through", "Yes"),
    ("Yes!\nHope everybody votes in favour", "Yes"),
]


@pytest.mark.parametrize("reply, expected", URGING)
def test_urging_only_as_the_whole_last_line(reply, expected):
    check(reply, expected)


# (6) not knowing beside an abstention: only "not knowing enough", with nothing more after it
ABSTAIN_UNKNOWING = [
    ("Abstain, not sure though", ASKED), ("Abstain I think, not sure", ASKED), ("No sé si abstenerme", ASKED),
    ("Nie wiem, czy się wstrzymać", ASKED), ("Weiß nicht, ob ich mich enthalte", ASKED),
    ("Abstain. I'm not sure it's the right call", ASKED), ("Abstain, I don't know, ask Paul", ASKED),
    ("Não sei se abstenção é o certo", ASKED), ("Abstain? I don't know enough", ASKED),
    ("Abstain please, I'm new and don't know enough yet", "Abstain"), ("Me abstengo, no sé lo suficiente", "Abstain"),
    ("Ich enthalte mich, weiß nicht genug darüber", "Abstain"), ("Abstain (don't know enough about it)", "Abstain"),
    # what is not known, in any words (the rule first named the probes' "Hamilton" alone)
    ("Abstain, I don't know enough about the candidates", "Abstain"), ("Abstain, no idea about the new bylaws", "Abstain"),
    ("Abstain, I don't know enough about it but leaning yes", ASKED), ("Abstain, I don't know enough about it, maybe yes", ASKED),
]


@pytest.mark.parametrize("reply, expected", ABSTAIN_UNKNOWING)
def test_not_knowing_enough_only_alone(reply, expected):
    check(reply, expected)


# (7) "not yet" before a verb of knowing or "late": whole words, a short clause to the line's end, no put-off
NOT_YET = [
    ("No, not yet met them, will decide after I do", ASKED), ("Sim, ainda não conheço bem, mas voto depois", ASKED),
    ("Sí, aún no conozco el texto, lo leeré y te digo", ASKED), ("Yes... not yet late, I'll confirm tonight", ASKED),
    ("Yes, but I've not yet met the treasurer, I'll confirm after the AGM", ASKED),
    ("Ja, nog niet kennisgenomen van de stukken, stem later", ASKED),
    ("Sí, aún no es tarde para pensarlo, te digo mañana", ASKED),
    ("Yes, not yet known whether I'll stay a member, will confirm", ASKED), ("Yes, not yet met them, ask me again after", ASKED),
    ("Sí, aún no conozco a la gente de Hamilton pero luego confirmo", ASKED),
    ("Yes, not yet met Anna but I'll let you know", ASKED), ("Yes, not yet met them so I'm holding off", ASKED),
    ("Yes, not yet met them (holding off)", ASKED), ("No, not yet", ASKED),
    ("Sim, embora ainda não conheça o pessoal de Hamilton", "Yes"), ("Tak, choć jeszcze nie znam ludzi z Hamilton", "Yes"),
    ("Sí, aunque aún no conozco a la gente de Hamilton", "Yes"), ("Sim, ainda não é tarde", "Yes"),
    ("Tak, jeszcze nie jest za późno", "Yes"), ("Yes, not yet met Anna but I trust her", "Yes"),
    ("Sí, todavía no es demasiado tarde para unirnos", "Yes"),
]


@pytest.mark.parametrize("reply, expected", NOT_YET)
def test_not_yet_known_or_late_only_with_nothing_put_off_after(reply, expected):
    check(reply, expected)


# (8) "not coming" on a ballot asking whether the member comes: the reply's only line, at most an apology after it
NOT_COMING = [
    ("I can't come. Actually I can! See you.", ASKED), ("Can't make it. Wait, wrong email, sorry", ASKED),
    ("Ich komme nicht. Doch, ich komme!", ASKED), ("Kann nicht kommen. Oder doch.", ASKED),
    ("Não vou, desculpem. Brincadeira, lá estarei!", ASKED), ("Can't attend. Changed my mind — I'll come", ASKED),
    ("Non vengo. Cioè, vengo!", ASKED), ("No voy. Bueno, igual voy.", ASKED), ("Nie przyjdę. Żart, będę!", ASKED),
    ("Kom niet. Grapje, ik kom wel", ASKED), ("I can't make it, sorry\nActually I can", ASKED),
    ("No voy, lo siento. Jaja", ASKED),
    ("No voy, lo siento", "No"), ("I can't make it.", "No"), ("Je ne peux pas venir. Désolé.", "No"), ("Kom niet, sorry", "No"),
]


@pytest.mark.parametrize("reply, expected", NOT_COMING)
def test_not_coming_only_alone_or_with_an_apology(reply, expected):
    check(reply, expected, ATTEND, YES_NO)


# (9) "others are against it, but I'm for it": only to the line's end
OTHERS_AGAINST = [
    ("Yes. Others are against it, but I'm for it, kind of", ASKED), ("Yes. Others are against it, but I'm for it... I think", ASKED),
    ("Some of you are against it, but I'm for it", "Yes"), ("Yes. Some are against it, but I'm for it.", "Yes"),
    ("Oui. Certains sont contre, mais je suis pour", "Yes"),
]


@pytest.mark.parametrize("reply, expected", OTHERS_AGAINST)
def test_others_against_but_i_am_for_it_only_to_the_end(reply, expected):
    check(reply, expected)
