"""Issue 15, votes18: the wrong counts the votes17 review and the blind batch 18 found, and "why not" and
"not too late" in the members' languages.

The review (/work/notes/review_votes17.md) counted "Nee. Eigenlijk wel, ja, jammer." and "Nein. Eigentlich
ja, schade drum." as Yes: a no turned to a yes the member regrets may be the yes they fear will pass, so it
is asked back. Batch 18 counted a yes put off to later in es/it/pl ("Sí, pero más adelante", "Sì, ma non
adesso", "Tak, ale nie w tym roku"). It asked back "Sí, ¿por qué no?", "Sì, perché no", "Sim, porque não?",
"Yes — it's a no-brainer" and a yes while "it is not too late" ("Sim, ainda não é tarde").
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, FEE, MERGER, check

REGRET = [
    ("Nee. Eigenlijk wel, ja, jammer.", ASKED), ("Nein. Eigentlich ja, schade drum.", ASKED),
    ("Nein. Oder eigentlich doch ja – schade um unseren Namen.", ASKED), ("No. Actually yes, sadly.", ASKED),
    ("Nee. Eigenlijk toch ja, helaas.", ASKED),
    # still counted: a no said with regret, a no turned to yes without it, a plain regret beside a no
    ("Yes. Actually no, sadly.", "No"), ("Nein. Eigentlich doch ja.", "Yes"), ("Nee. Eigenlijk toch ja.", "Yes"),
    ("Nein, leider. Schade, aber es passt nicht.", "No"), ("Nee, jammer, maar het is te veel risico.", "No"),
]


@pytest.mark.parametrize("reply, expected", REGRET)
def test_a_no_turned_to_a_yes_with_regret_is_asked(reply, expected):
    check(reply, expected)


LATER = [
    ("Sí, pero más adelante.", ASKED), ("Sì, ma non adesso.", ASKED), ("Tak, ale nie w tym roku.", ASKED),
    ("Oui, mais plus tard", ASKED), ("Ja, aber später.", ASKED), ("Yes, but later.", ASKED), ("Sim, mas mais tarde", ASKED),
    # still counted: "later" inside a remark of its own
    ("Yes, later I'll send the details", "Yes"), ("Yes. More later.", "Yes"), ("Sì, adesso!", "Yes"),
]


@pytest.mark.parametrize("reply, expected", LATER)
def test_a_yes_put_off_to_later(reply, expected):
    check(reply, expected)


WHY_NOT = [
    ("Sí, ¿por qué no?", "Yes"), ("Sì, perché no.", "Yes"), ("Sí, per què no?", "Yes"), ("Sim, porque não?", "Yes"),
    ("Sí, por qué no", "Yes"), ("Tak, czemu nie?", "Yes"), ("Yes — it's a no-brainer.", "Yes"),
    # a no then "why not?" stays asked, in each of these languages; "because not" is no "why not"
    ("No, ¿por qué no?", ASKED), ("No, perché no?", ASKED), ("Não, porque não?", ASKED), ("Nie, czemu nie?", ASKED),
    ("Nej, varför inte?", ASKED), ("Sì, perché no? Ma a 25 euro", ASKED),
]


@pytest.mark.parametrize("reply, expected", WHY_NOT)
def test_why_not_in_the_romance_languages(reply, expected):
    check(reply, expected, FEE)


NOT_LATE = [
    ("Sim, ainda não é tarde.", "Yes"), ("Tak, jeszcze nie jest za późno.", "Yes"), ("Sí, aún no es tarde", "Yes"),
    ("Yes, it's not yet too late", "Yes"), ("Ja, noch nicht zu spät", "Yes"),
    ("Yes, not yet", ASKED), ("Sim, ainda não", ASKED), ("Tak, ale jeszcze nie", ASKED), ("No, not yet", ASKED),
]


@pytest.mark.parametrize("reply, expected", NOT_LATE)
def test_not_yet_too_late_is_no_deferral(reply, expected):
    check(reply, expected, MERGER)
