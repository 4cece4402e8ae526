"""A member who opens a line of her reply with the label of a legal notice ("Aviso de
confidencialidad:", "Disclaimer:", "Haftungsausschluss:") and goes on with her own sentence keeps
her words: the label opens a notice only alone on its line, or when the text after its colon says
something is confidential (and does not say it is not). Real notices under a reply still end it.
"""
from __future__ import annotations

import pytest

from tests.test_reading_batch11_replies import QUOTE
from tests.test_reading_batch14_review_replies import answer


@pytest.mark.parametrize("line", [
    "Aviso de confidencialidad: no veo ninguno en el borrador, deberíamos añadir uno.",
    "Aviso legal: el borrador no dice quién firma los contratos, habría que aclararlo.",
    "Avis de confidentialité : je n'en vois aucun dans le brouillon, il faudrait en ajouter un.",
    "Avertissement : la date limite est vendredi et le brouillon ne parle pas des trains.",
    "Clause de confidentialité : elle manque dans le projet, je propose de l'ajouter.",
    "Haftungsausschluss: fehlt im Entwurf, wir sollten einen ergänzen.",
    "Vertraulichkeitshinweis: ich sehe keinen im Entwurf, sollten wir einen ergänzen?",
    "Avvertenza: la scadenza è venerdì e la bozza non parla dei treni.",
    "Avviso di riservatezza: non ne vedo nessuno nella bozza, dovremmo aggiungerne uno.",
    "Informativa privacy: manca nella bozza, propongo di aggiungerla.",
    "Disclaimer: I haven't read the whole draft yet, but the travel part looks fine.",
    "Confidentiality notice: I don't see one in the draft, we should add one.",
    "Confidentiality: this draft is not confidential, please share it with your branch.",
    "Privacy notice: the draft doesn't have one, we should add it before the vote.",
    "Legal notice: the draft should say who signs the contracts.",
    "Important notice: the deadline moved to Friday, please tell your branch.",
])
def test_a_members_sentence_after_a_notice_label_stays(line):
    text = f"Thanks for the draft.\n\n{line}\n\nMember"
    assert answer(f"{text}\n\n{QUOTE}") == text


@pytest.mark.parametrize("notice", [
    "Aviso de confidencialidad: este mensaje y sus anexos son confidenciales y para uso exclusivo del destinatario.",
    "AVISO DE CONFIDENCIALIDAD:\nLa información contenida en este correo es reservada.",
    "Avis de confidentialité : ce courriel et ses pièces jointes sont confidentiels.",
    "Vertraulichkeitshinweis: Diese E-Mail enthält vertrauliche Informationen.",
    "Avviso di riservatezza: le informazioni contenute in questa e-mail sono riservate.",
    "Disclaimer: The information in this email is confidential and may be legally privileged.",
    "Disclaimer: Any views or opinions expressed in this email are solely those of the author.",
    "DISCLAIMER\nThe sender accepts no liability for the content of this message.",
    "Confidentiality notice: This e-mail is intended only for the named recipient.",
    "Haftungsausschluss:\nWir übernehmen keine Haftung für den Inhalt dieser Nachricht.",
])
def test_a_notice_after_its_label_still_ends_the_reply(notice):
    text = "Thanks for the draft, I agree with it.\n\nMember"
    assert answer(f"{text}\n\n{notice}\n\n{QUOTE}") == text


def test_a_legal_notice_about_personal_data_after_its_label_still_ends_the_reply():
    text = "Conforme, gracias.\n\nMarta"
    notice = ("AVISO LEGAL: En cumplimiento de la normativa de protección de datos, le informamos de que"
              " su dirección forma parte de un fichero de la asociación.")
    assert answer(f"{text}\n\n{notice}\n\n{QUOTE}") == text


@pytest.mark.parametrize("line", [
    "Disclaimer: I talked to Jan privately and she agrees with the travel part.",
    "Confidentiality: this draft is not private, share it with your branch.",
])
def test_a_members_sentence_that_says_private_in_passing_stays(line):
    text = f"Thanks for the draft.\n\n{line}\n\nMember"
    assert answer(f"{text}\n\n{QUOTE}") == text
