"""Issue 15, votes17: plain answers that must still be counted, in each language the round touched.

The round taught the reader more words that turn an answer round (judgement verbs and consequences,
a yes put off or held to a part, proxies, later lines, corrections). Each reply below is an ordinary
answer a member might write, many with the same words used the answer's way ("Yes, I support it",
"Nein, ich hasse die Idee", "Sí, ahora"), and must be counted as it is.
"""
from __future__ import annotations

import pytest

from workflows.reading.choices import read_vote

YES_NO = ["Yes", "No", "Abstain"]
MERGER = "Merge with the Hamilton network"
FEE = "Raise the annual fee to €30"
TERMS = "Adopt the revised terms of reference"

EN = [
    ("Yes, I support it", "Yes"), ("Yes, I'd always support it", "Yes"), ("No, I'd never support it", "No"),
    ("Yes, I love the idea", "Yes"), ("No, I hate the idea", "No"), ("Yes, it'll save us money", "Yes"),
    ("Yes, it will help everyone", "Yes"), ("No, it would kill us", "No"), ("No, it'll be the end of us", "No"),
    ("Yes, joining Hamilton is smart", "Yes"), ("No, joining Hamilton would be a disaster", "No"),
    ("Yes. Thanks for organising this.", "Yes"), ("Yes\n\nThanks for all the work on this", "Yes"),
    ("No\n\nSorry for the late reply, busy week", "No"), ("Yes\n\nP.S. great newsletter", "Yes"),
    ("Yes\n\nBTW I'll be at the AGM", "Yes"), ("Yes\n\nBut can we have the minutes early?", "Yes"),
    ("No\n\nBut thanks for asking", "No"), ("Yes, for sure", "Yes"), ("For me: yes", "Yes"),
    ("No, not for me", "No"), ("Yes, now is the right time", "Yes"), ("Yes. Let's do it this year", "Yes"),
    ("Yes, the sooner the better", "Yes"), ("No. Staying independent is best", "No"),
    ("No, going it alone is the right call", "No"), ("Yes, about time", "Yes"), ("Yes — no brainer", "Yes"),
    ("Yes, which is what we agreed in May", "Yes"), ("No, which is a shame", "No"), ("Yes 👍\n\nCheers, Tom", "Yes"),
    ("Yes\n\nSee you at the AGM 🙂", "Yes"), ("Yes. I'll be there to vote for it.", "Yes"),
]
FR = [
    ("Oui", "Yes"), ("Oui, je soutiens", "Yes"), ("Oui, j'adore l'idée", "Yes"), ("Non, je déteste cette idée", "No"),
    ("Oui, c'est une bonne idée", "Yes"), ("Non, c'est une mauvaise idée", "No"), ("Oui, bien sûr", "Yes"),
    ("Oui, merci", "Yes"), ("Non, merci", "No"), ("Oui, pour moi c'est oui", "Yes"), ("Pour moi : oui", "Yes"),
    ("Oui, enfin !", "Yes"), ("Oui, il était temps", "Yes"), ("Non, pas convaincu", "No"), ("Non, trop risqué", "No"),
    ("Oui, sans hésiter", "Yes"), ("Oui, la fusion est une excellente idée", "Yes"), ("Non, la fusion est une erreur", "No"),
    ("Oui, maintenant", "Yes"), ("Oui, dès cette année", "Yes"), ("Oui\n\nMerci pour le travail", "Yes"),
    ("Non\n\nDésolé pour le retard", "No"), ("Oui, je la soutiens", "Yes"), ("Non, je la rejette", "No"),
    ("Oui 👍", "Yes"), ("Non 👎", "No"), ("Oui, avec plaisir", "Yes"), ("Oui, d'accord", "Yes"),
    ("Non, je ne suis pas d'accord", "No"), ("Oui, je vote pour", "Yes"), ("Non, je vote contre", "No"),
]
ES = [
    ("Sí", "Yes"), ("Sí, apoyo la propuesta", "Yes"), ("No, odio la idea", "No"), ("Sí, me encanta", "Yes"),
    ("Sí, es una buena idea", "Yes"), ("No, es una mala idea", "No"), ("Sí, claro", "Yes"), ("Sí, gracias", "Yes"),
    ("No, gracias", "No"), ("Sí, ahora", "Yes"), ("Sí, ya era hora", "Yes"), ("No, demasiado arriesgado", "No"),
    ("Sí, sin duda", "Yes"), ("Sí, la fusión es una gran idea", "Yes"), ("No, la fusión es un error", "No"),
    ("Sí, este año", "Yes"), ("Sí\n\nGracias por organizarlo", "Yes"), ("No\n\nPerdón por el retraso", "No"),
    ("Sí, la apoyo", "Yes"), ("No, la rechazo", "No"), ("Sí 👍", "Yes"), ("No 👎", "No"), ("Sí, por supuesto", "Yes"),
    ("Sí, de acuerdo", "Yes"), ("No, no estoy de acuerdo", "No"), ("Voto sí", "Yes"), ("Voto no", "No"),
    ("Para mí: sí", "Yes"), ("Sí, totalmente", "Yes"), ("No, lo siento", "No"), ("Sí, adelante", "Yes"),
]
DE = [
    ("Ja", "Yes"), ("Ja, ich unterstütze das", "Yes"), ("Nein, ich hasse die Idee", "No"), ("Ja, ich liebe es", "Yes"),
    ("Ja, gute Idee", "Yes"), ("Nein, schlechte Idee", "No"), ("Ja, klar", "Yes"), ("Ja, danke", "Yes"),
    ("Nein, danke", "No"), ("Ja, jetzt", "Yes"), ("Ja, endlich", "Yes"), ("Nein, zu riskant", "No"),
    ("Ja, auf jeden Fall", "Yes"), ("Ja, die Fusion ist sinnvoll", "Yes"), ("Nein, die Fusion ist ein Fehler", "No"),
    ("Ja, dieses Jahr noch", "Yes"), ("Ja\n\nDanke für die Organisation", "Yes"), ("Nein\n\nEntschuldigung für die Verspätung", "No"),
    ("Ja 👍", "Yes"), ("Nein 👎", "No"), ("Ja, natürlich", "Yes"), ("Ja, einverstanden", "Yes"),
    ("Nein, ich bin dagegen", "No"), ("Ich stimme mit Ja", "Yes"), ("Ich stimme mit Nein", "No"), ("Für mich: ja", "Yes"),
    ("Ja, eigentlich schon", "Yes"), ("Nein, eigentlich nicht", "No"), ("Ja, unbedingt", "Yes"), ("Nein, leider", "No"),
    ("Ja, gerne", "Yes"),
]
NL = [
    ("Ja", "Yes"), ("Ja, ik steun het", "Yes"), ("Nee, ik haat het", "No"), ("Ja, goed idee", "Yes"),
    ("Nee, slecht idee", "No"), ("Ja, natuurlijk", "Yes"), ("Ja, bedankt", "Yes"), ("Nee, bedankt", "No"),
    ("Ja, doen!", "Yes"), ("Ja, eindelijk", "Yes"), ("Nee, te riskant", "No"), ("Ja, zeker", "Yes"),
    ("Ja, de fusie is een goed idee", "Yes"), ("Nee, de fusie is een vergissing", "No"), ("Ja, helemaal mee eens", "Yes"),
    ("Ja\n\nBedankt voor het organiseren", "Yes"), ("Nee\n\nSorry voor de late reactie", "No"), ("Ja 👍", "Yes"),
    ("Nee 👎", "No"), ("Ja, akkoord", "Yes"), ("Nee, ik ben ertegen", "No"), ("Ik stem voor", "Yes"),
    ("Ik stem tegen", "No"), ("Ja, eigenlijk wel", "Yes"), ("Nee, eigenlijk niet", "No"), ("Ja, graag", "Yes"),
    ("Ja, absoluut", "Yes"), ("Nee, helaas", "No"), ("Ja, prima", "Yes"), ("Ja, prima idee", "Yes"),
]
IT = [
    ("Sì", "Yes"), ("Sì, la sostengo", "Yes"), ("No, la odio", "No"), ("Sì, buona idea", "Yes"),
    ("No, brutta idea", "No"), ("Sì, certo", "Yes"), ("Sì, grazie", "Yes"), ("No, grazie", "No"), ("Sì, adesso", "Yes"),
    ("Sì, finalmente", "Yes"), ("No, troppo rischioso", "No"), ("Sì, senza dubbio", "Yes"),
    ("Sì, la fusione è un'ottima idea", "Yes"), ("No, la fusione è un errore", "No"), ("Sì, quest'anno", "Yes"),
    ("Sì\n\nGrazie per l'organizzazione", "Yes"), ("No\n\nScusate il ritardo", "No"), ("Sì 👍", "Yes"), ("No 👎", "No"),
    ("Sì, d'accordo", "Yes"), ("No, sono contrario", "No"), ("Voto sì", "Yes"), ("Voto no", "No"),
    ("Sì, assolutamente", "Yes"), ("No, purtroppo", "No"), ("Sì, volentieri", "Yes"), ("Sì, mi piace", "Yes"),
    ("Sì, va bene", "Yes"), ("Sì, la adoro", "Yes"), ("No, non mi piace", "No"),
]
PT = [
    ("Sim", "Yes"), ("Sim, apoio a proposta", "Yes"), ("Não, odeio a ideia", "No"), ("Sim, adoro a ideia", "Yes"),
    ("Sim, boa ideia", "Yes"), ("Não, má ideia", "No"), ("Sim, claro", "Yes"), ("Sim, obrigado", "Yes"),
    ("Não, obrigada", "No"), ("Sim, agora", "Yes"), ("Sim, finalmente", "Yes"), ("Não, arriscado demais", "No"),
    ("Sim, sem dúvida", "Yes"), ("Sim, a fusão é uma ótima ideia", "Yes"), ("Não, a fusão é um erro", "No"),
    ("Sim, este ano", "Yes"), ("Sim\n\nObrigado pela organização", "Yes"), ("Não\n\nDesculpem o atraso", "No"),
    ("Sim 👍", "Yes"), ("Não 👎", "No"), ("Sim, de acordo", "Yes"), ("Não, sou contra", "No"), ("Voto sim", "Yes"),
    ("Voto não", "No"), ("Sim, com certeza", "Yes"), ("Não, infelizmente", "No"), ("Sim, vou votar sim", "Yes"),
    ("Sim, tudo bem", "Yes"), ("Sim, gosto muito", "Yes"), ("Sim, já era tempo", "Yes"),
]
PL = [
    ("Tak", "Yes"), ("Tak, popieram to", "Yes"), ("Nie, nienawidzę tego pomysłu", "No"), ("Tak, uwielbiam to", "Yes"),
    ("Tak, dobry pomysł", "Yes"), ("Nie, zły pomysł", "No"), ("Tak, oczywiście", "Yes"), ("Tak, dziękuję", "Yes"),
    ("Nie, dziękuję", "No"), ("Tak, teraz", "Yes"), ("Tak, wreszcie", "Yes"), ("Nie, zbyt ryzykowne", "No"),
    ("Tak, bez wątpienia", "Yes"), ("Tak, fuzja to świetny pomysł", "Yes"), ("Nie, fuzja to katastrofa", "No"),
    ("Tak, w tym roku", "Yes"), ("Tak\n\nDziękuję za organizację", "Yes"), ("Nie\n\nPrzepraszam za spóźnienie", "No"),
    ("Tak 👍", "Yes"), ("Nie 👎", "No"), ("Tak, zgadzam się", "Yes"), ("Nie, jestem przeciw", "No"),
    ("Głosuję za", "Yes"), ("Głosuję przeciw", "No"), ("Tak, zdecydowanie", "Yes"), ("Nie, niestety", "No"),
    ("Tak, właściwie tak", "Yes"), ("Tak, chętnie", "Yes"), ("Tak, jak najbardziej", "Yes"), ("Dla mnie: tak", "Yes"),
]
FEES_AND_TERMS = [
    ("Yes, €30 is fair", "Yes", FEE), ("Yes, raise it to €30", "Yes", FEE), ("No, €30 is too much", "No", FEE),
    ("Yes, to the revised terms", "Yes", TERMS), ("Yes, the new terms are clearer", "Yes", TERMS),
    ("No, the old ones were better", "No", TERMS), ("Yes, section 4 especially", "Yes", TERMS),
    ("Oui, 30 € c'est raisonnable", "Yes", FEE), ("Ja, 30 € ist fair", "Yes", FEE), ("Sí, 30 euros está bien", "Yes", FEE),
]

ALL = ([(r, e, "en", MERGER) for r, e in EN] + [(r, e, "fr", MERGER) for r, e in FR]
       + [(r, e, "es", MERGER) for r, e in ES] + [(r, e, "de", MERGER) for r, e in DE]
       + [(r, e, "nl", MERGER) for r, e in NL] + [(r, e, "it", MERGER) for r, e in IT]
       + [(r, e, "pt", MERGER) for r, e in PT] + [(r, e, "pl", MERGER) for r, e in PL]
       + [(r, e, "en", t) for r, e, t in FEES_AND_TERMS])


@pytest.mark.parametrize("reply, expected, language, title", ALL)
def test_plain_answers_are_counted(reply, expected, language, title):
    reading = read_vote(reply, YES_NO, title=title)
    got = YES_NO[reading.choice] if reading.choice is not None else None
    assert got == expected, f"{language} {reply!r}: expected {expected!r}, got {got!r} ({reading.reason})"


def test_thirty_plain_answers_in_each_language():
    for language, replies in (("en", EN), ("fr", FR), ("es", ES), ("de", DE), ("nl", NL), ("it", IT), ("pt", PT),
                              ("pl", PL)):
        assert len(replies) >= 30, language
