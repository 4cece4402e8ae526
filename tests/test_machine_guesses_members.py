"""A member's words no longer taken for an automatic reply's (#15, misreads left after batch 9), by
class, each with the automatic replies that must stay automatic:

- A sentence telling of a ticket opened with someone else ("with the council", "con el
  ayuntamiento", "presso il comune", "com a prefeitura", "bei der Stadt", "auprès de la mairie")
  is a person's, whatever its grammatical person (Spanish, Italian and Portuguese drop the
  pronoun: "… y la seguimos"); a help desk names no one it opened its ticket with.
- Italian and Portuguese name a ticket's number in many sentences ("Il ticket n. 4521 è ancora
  aperto"): only one saying the ticket was opened (created, registered …) is a help desk's.
- One person speaking as "I" in the sentence after the ticket's ("A ticket #4521 has been opened.
  I'll chase it.") is a person's, as in the same sentence.
- A message opening with a bare answer, a sentence or line of its own ("Yes. This address will
  close on 31 March, so please use …", "Ja. … wir kümmern uns darum"), answers what was asked: an
  automatic reply's fixed text answers nothing.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_words import says_it_is_automatic
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"

# each was read as an automatic reply's words before (a member's vote held in Quarantine)
MEMBERS = [
    "Sí. Se ha abierto una incidencia con el ayuntamiento, número 4521, y la seguimos.",
    "Se ha abierto una incidencia con el ayuntamiento (número 4521) y la seguimos.",
    "Sì. È stato aperto un ticket n. 4521 con il comune, lo seguiamo.",
    "È stato aperto un ticket n. 4521 presso il comune, lo seguiamo noi.",
    "Sì. Il ticket n. 4521 è ancora aperto presso il comune.",
    "Il ticket n. 4521 è ancora aperto, lo seguiamo.",
    "Sim. Foi aberto o chamado nº 4521 com a prefeitura e acompanhamos.",
    "Foi aberto o chamado n.º 4521 com a prefeitura e acompanhamos.",
    "O seu chamado nº 4521 também está parado.",
    "Ja. Ein Ticket #4521 wurde erstellt, wir kümmern uns darum.",
    "Oui. Un ticket n° 4521 a été ouvert auprès de la mairie, nous le suivons.",
    "Un ticket n° 4521 a été ouvert auprès de la mairie, nous le suivons.",
    "A ticket #4521 has been opened with the council about the heating.",
    "A ticket #4521 has been opened. I'll chase it.",
    "Yes. A ticket #4521 has been opened with the council. I'll chase it.",
    "Yes. This address will close on 31 March, so please use ana@new.org from April.",
    "No\n\nThis mailbox will no longer be monitored after Friday, please write to ana@new.org.",
]
# stay automatic: help desks and closing mailboxes in the same languages
AUTOMATIC = [
    "Estimado/a,\n\nSe ha creado una solicitud de soporte con el número de ticket #482113. Un agente le responderá.",
    "Se ha abierto una incidencia con el número 4521. La atenderemos en breve.",
    "Gentile utente,\n\nIl suo ticket n. 4521 è stato preso in carico. La contatteremo al più presto.",
    "Il ticket n. 4521 è stato aperto per la sua richiesta.",
    "È stato aperto il ticket n. 4521 per la sua richiesta. Le risponderemo entro due giorni.",
    "Olá,\n\nO seu chamado nº 4521 foi aberto. Responderemos em breve.",
    "Foi aberto o chamado número 4521 para o seu pedido.",
    "Ihr Ticket #4521 wurde erstellt. Wir kümmern uns darum so schnell wie möglich.",
    "Votre ticket n° 4521 a été créé. Un conseiller vous répondra.",
    "Your ticket #845123 has been created with our support team. We will reply within two days.",
    "Your ticket #845123 has been created with the number shown above. We will reply soon.",
    "Your request (48213) has been received and is being reviewed by our support staff.",
    "This address will close on 31 March. Please use ana@new.org from April.",
    "Please note: I have changed my email address. This address will close on 31 March.",
    "Yes, we have received your message. This is an automatic reply.",
]


@pytest.mark.parametrize("text", MEMBERS)
def test_a_members_words_are_no_automatic_replys(text):
    assert not says_it_is_automatic(text)


@pytest.mark.parametrize("text", AUTOMATIC)
def test_help_desks_and_closing_mailboxes_stay_automatic(text):
    assert says_it_is_automatic(text)


def test_a_members_vote_with_a_change_of_address_is_a_person_and_the_desks_is_not():
    person = read(raw(f"From: Ana Silva <ana@old.example>\n{ANSWER}\nSubject: Re: [Vote 3] Spring budget",
                      "Yes. This address will close on 31 March, so please use ana@new.org from April.\n\nAna"))
    assert not person.auto_reply and not person.auto_reply_guessed
    closing = read(raw(f"From: Ana Silva <ana@old.example>\n{ANSWER}\nSubject: Re: [Vote 3] Spring budget",
                       "This address will close on 31 March. Please use ana@new.org from April."))
    assert closing.auto_reply and closing.auto_reply_guessed
