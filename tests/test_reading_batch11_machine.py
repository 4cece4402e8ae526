"""Machine mail widened for the blind batch 11 (#15, b11a_ files), each class with the look-alikes
that must not change:

- Lotus Notes / Domino's out-of-office agent titles its reply with the person's name and the
  absence as the whole subject ("Karl Vogt ist außer Haus.", "Marco Rossi è fuori ufficio.").
- GroupWise's Internet Agent stamps all GroupWise mail it passes on: it is no person's mail
  program, so "Abwesend: …" counts as the subject of an automatic reply.
- A help desk's subject may lead with its case reference ("Case #00012345: We have received your
  email") or say "Support Ticket Opened [#486213]"; Zendesk's French "Votre demande (78901) a bien
  été reçue" is automatic.
- A departed person's mailbox telling of it in the third person ("Claire Hughes has left the
  organisation and this mailbox is no longer monitored", "Javier Moreno ya no trabaja en la
  Fundación. Este buzón no se revisa"); a member telling of a colleague in the first person is not.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_words import says_it_is_automatic
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"
VOTE = "[Vote 31] Spring assembly: which Saturday?"


def mail(subject: str, body: str = "Back on 23 March.", sender: str = "Staff <staff@corp.example>",
         extra: str = "") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("subject", [
    "Karl Vogt ist außer Haus.", "Marco Rossi è fuori ufficio.", "Harold Finch is out of the office.",
    "Sylvie Roux est absent(e).",
])
def test_a_notes_out_of_office_subject_naming_the_person(subject):
    assert read(mail(subject)).auto_reply


@pytest.mark.parametrize("subject", [
    "Re: Karl is out of the office next week, can someone cover?", "Anna is out of the office on Friday so we meet Monday",
    "Fwd: Marco Rossi è fuori ufficio.",
])
def test_a_person_writing_that_someone_is_away_stays_a_person(subject):
    person = read(mail(subject, "Yes from me.", "Ewa Nowak <ewa@example.net>"))
    assert not person.auto_reply and not person.auto_reply_guessed


def test_groupwise_internet_agent_is_no_persons_mail_program():
    notice = read(mail(f"Abwesend: {VOTE}", "Ich bin bis 20.03.2026 abwesend.",
                       extra="X-Mailer: GroupWise Internet Agent 18.4.1"))
    assert notice.auto_reply
    person = read(mail(f"Re: {VOTE}", "Saturday the 14th suits me.", "Birgit <blang@gw.example>",
                       extra="X-Mailer: GroupWise Internet Agent 18.4.1"))
    assert not person.auto_reply and not person.auto_reply_guessed


@pytest.mark.parametrize("subject", ["Case #00012345: We have received your email", "Support Ticket Opened [#486213]"])
def test_a_help_desk_receipt_subject(subject):
    assert read(mail(subject, "A member of our team will be in touch.", "Desk <desk@crm.example>")).auto_reply


@pytest.mark.parametrize("text, automatic", [
    ("Votre demande (78901) a bien été reçue et sera examinée par notre équipe.", True),
    ("Claire Hughes has left the organisation and this mailbox is no longer monitored.", True),
    ("Javier Moreno ya no trabaja en la Fundación. Este buzón no se revisa.", True),
    ("Herr Berger ist nicht mehr für unser Unternehmen tätig.", True),
    ("Dobrý den, jsem na dovolené.\n--\nАвтоматический ответ", True),
    # a member telling of a colleague, or of her own request
    ("Claire Hughes has left the organisation, so I will take over her shifts.", False),
    ("Javier ya no trabaja en la Fundación, yo me encargo de su turno.", False),
    ("My request has been received, I think. Yes to Saturday.", False),
    ("I sent an automatic reply by mistake last week, sorry. Saturday works.", False),
])
def test_automatic_words_in_the_text(text, automatic):
    assert says_it_is_automatic(text) is automatic


def test_a_departed_persons_notice_is_an_automatic_reply():
    notice = read(mail(f"Re: {VOTE}", "Claire Hughes has left the organisation and this mailbox is no longer "
                       "monitored. Please direct your enquiries to enquiries@trust.example.", "Claire Hughes <c@trust.example>"))
    assert notice.auto_reply or notice.auto_reply_guessed
