"""Machine mail told from a person's, widened for the blind batch 9 (#15, b9m_ files), each class
with the look-alikes that must not change:

- Exchange's out-of-office subject in more of its languages (Albanian, Urdu, Macedonian,
  Kazakh, Afrikaans, Irish, Welsh …) and Polish webmail's one-word "Autoodpowiedź:".
- A help desk's acknowledgement naming its ticket's number in Spanish, French, German, Italian
  or Portuguese is automatic; the same words without a number are a person's.
- A mailbox telling of its own end ("This address will close on 31 March", "this mailbox will no
  longer be monitored") and Korean mail calling itself "자동 발송 메일" are automatic; "my address
  will close" from a person with a comment is not.
- A ticket's number no longer turns off the first-person rescue for one person speaking: "A ticket
  #4521 has been opened with the council; I'll chase it." is a person's, a help desk's "… has
  been created and will be handled by our team" stays automatic.
- An autoresponder's thanks in place of the subject ("Thank you for your email!") is no sign
  when the message quotes ours under an attribution line, as a person's Gmail reply does.
- A message id pasted into a report ("Message-ID: <id@host>") is never the bounced address.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_words import says_it_is_automatic
from tests.test_machine_mail_reading import BOUNCE_TO, raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"
QUOTE = ("On Wed, Mar 11, 2026 at 9:02 AM Refuge Network <network+abc@example.org> wrote:\n"
         "> Hello,\n>\n> Sam Carter is circulating a draft for your feedback.\n")


def mail(subject: str, body: str = "Back on 20 March.", sender: str = "Staff <staff@corp.example>") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}", body)


@pytest.mark.parametrize("subject", [
    "Përgjigje automatike: [Draft 9] Welcome pack", "خودکار جواب: [Draft 9] Welcome pack",
    "Автоматски одговор: [Draft 9] Welcome pack", "Автоматты жауап: [Draft 9] Welcome pack",
    "Outomatiese antwoord: [Draft 9] Welcome pack", "Freagra uathoibríoch: [Draft 9] Welcome pack",
    "Ateb awtomatig", "Autoodpowiedź: [Draft 9] Welcome pack",
])
def test_exchanges_automatic_reply_subject_in_more_languages(subject):
    assert read(mail(subject)).auto_reply


@pytest.mark.parametrize("subject", ["Re: Autoodpowiedź: [Draft 9] Welcome pack", "Fwd: Ateb awtomatig",
                                     "Autoodpowiedź? Nie, to ja"])
def test_a_person_answering_or_asking_about_those_words_stays_a_person(subject):
    assert not read(mail(subject, "Głosuję ZA.", "Ewa <ewa@example.net>")).auto_reply


# (a help desk's acknowledgement naming its number, a mailbox telling of its own end: automatic;
# the same words without a number, or said of "my" address or someone else's: a person's)
SAYINGS = [
    ("Se ha creado una solicitud de soporte con el número de ticket #482113.", True),
    ("Votre ticket n° 4521 a été créé. Un conseiller vous répondra.", True),
    ("Ihr Ticket Nr. 4521 wurde erstellt.", True),
    ("È stato aperto il ticket n. 4521 per la sua richiesta.", True),
    ("Foi aberto o chamado número 4521 para o seu pedido.", True),
    ("I have changed my email address. This address will close on 31 March.", True),
    ("This mailbox will no longer be monitored after Friday.", True),
    ("이메일 주소가 변경되었습니다. (자동 발송 메일)", True),
    ("Se ha creado una solicitud de soporte, ¿alguien sabe el número?", False),
    ("Votre ticket a été créé, je crois.", False),
    ("Ihr Ticket wurde erstellt, sagt die Stadt.", False),
    ("My old address will close on 31 March, so please use this one.", False),
    ("This address will close next month, so please write to my new one.", False),
    ("The council's mailbox will no longer be monitored, they told me.", False),
]


@pytest.mark.parametrize("text, automatic", SAYINGS)
def test_acknowledgements_and_mailbox_notices_in_more_words(text, automatic):
    assert says_it_is_automatic(text) is automatic


def test_a_ticket_number_in_a_persons_sentence_keeps_the_first_person_rescue():
    """One person speaks as "I"; a help desk's acknowledgement speaks for its team as "we"."""
    person = read(mail(f"Re: [Draft 9] Welcome pack",
                       "A ticket #4521 has been opened with the council; I'll chase it.\n\nAnna\n\n" + QUOTE,
                       "Anna Kowalska <anna@example.net>"))
    assert not person.auto_reply and not person.auto_reply_guessed
    desk = read(mail("Re: [Draft 9] Welcome pack",
                     "Your ticket #845123 has been created and will be handled by our team.",
                     "Help desk <help@desk.example>"))
    assert desk.auto_reply
    assert says_it_is_automatic("Your request (48213) has been received and will be reviewed by our support staff.")


def test_a_gmail_reply_titled_with_bare_thanks_that_quotes_ours_is_a_persons():
    person = read(mail("Thank you for your email!", "Thank you for sending this round. Section 3 reads much better now.\n\n"
                       + QUOTE, "Hannah Berg <hannah.berg@gmail.example>"))
    assert not person.auto_reply and not person.auto_reply_guessed
    assert person.new_text == "Thank you for sending this round. Section 3 reads much better now."


@pytest.mark.parametrize("body", ["We will answer within two working days.",
                                  "We will answer within two working days.\n\n----- Original Message -----\n"
                                  "From: Refuge Network <network+abc@example.org>\nSent: 11 March 2026\n"
                                  "Subject: [Draft 9] Welcome pack\n\nHello"])
def test_an_autoresponders_bare_thanks_without_an_attribution_stays_automatic(body):
    assert read(mail("Thank you for your email!", body, "Info <info@org.example>")).auto_reply


def test_an_out_of_office_subject_stays_automatic_even_above_a_quote():
    assert read(mail("Out of Office: [Draft 9] Welcome pack", "Back on 20 March.\n\n" + QUOTE)).auto_reply


def test_a_message_id_pasted_in_a_report_is_never_the_bounced_address():
    report = raw(f"From: mailer-daemon@mx.zoho.example\nTo: {BOUNCE_TO}\nReturn-Path: <>\n"
                 "Subject: Undelivered Mail Returned to Sender",
                 "This message was created automatically by mail delivery software.\n\n"
                 "A message that you sent could not be delivered to one or more of its recipients. "
                 "This is a permanent error.\n\nana.p@dest.example, ERROR CODE :550 - Invalid Address\n\n"
                 "From: Network secretary <network@example.org>\nTo: ana.p@dest.example\n"
                 "Subject: [Draft 9] Welcome pack\nMessage-ID: <abcdefghijklmnop.1@example.org>\n\nDear member,\n")
    bounce = read(report).bounce
    assert bounce is not None and bounce.addresses == ("ana.p@dest.example",) and bounce.permanent
