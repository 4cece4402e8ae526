"""Machine mail told from a person's, widened for the blind batch 8 (#15, b8m_ files), each class
with the look-alikes that must not change:

- Exchange's out-of-office subject in Swedish ("Automatiskt svar:"), Polish ("Automatyczna
  odpowiedź:"), Icelandic and Basque; an automatic subject asked about ("Automatyczna odpowiedź?
  Nie, głosuję ZA") or going on as a person's topic in lower case ("Re: auto-reply settings for the
  shared mailbox") is a person's.
- A server's stamp on every message it passes ("X-Mailer: Internet Mail Service (5.5.…)") names
  no person's mail program: an "Out of Office AutoReply:" subject under it counts.
- An acknowledgement saying what it is for ("This is an automated message to confirm we've
  received your email"), and a help desk's naming the ticket it opened ("Your request (48213) has
  been received"), are automatic; "your request has been received" without a number is a person's.
- An autoresponder's thanks in place of the subject ("Thank you for your email", "We've received
  your message", "Merci pour votre message") answering our message is automatic; "Re: Thank you
  for your email" and "Thanks for your message about the budget" are a person's.
- A message from a no-reply address signed with the first name its From shows is a person's.
- A Mail.Ru report ("Mail failure.", its Russian sentence wrapped over short lines) is a bounce;
  a greylisting filter's notice that the message will arrive by itself is none.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import BOUNCE_TO, LIST, raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"


def mail(subject: str, body: str = "Thanks.", sender: str = "Staff <staff@corp.example>", extra: str = "") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("subject", [
    "Automatiskt svar: [Vote 4] Budget 2026", "Automatyczna odpowiedź: [Vote 4] Budget 2026",
    "Sjálfvirkt svar: [Vote 4] Budget 2026", "Erantzun automatikoa: [Vote 4] Budget 2026",
])
def test_exchanges_out_of_office_subject_in_more_languages(subject):
    assert read(mail(subject)).auto_reply


@pytest.mark.parametrize("subject", [
    "Re: auto-reply settings for the shared mailbox", "Re: automatic reply rules on info@",
    "Automatyczna odpowiedź? Nie, głosuję ZA", "Re: Automatic reply? No, it's me",
    "RE: Automatiskt svar: [Vote 4] Budget 2026",  # a person answering someone's automatic reply
])
def test_a_persons_subject_about_automatic_replies_is_no_automatic_reply(subject):
    assert not read(mail(subject, "I vote yes.\n\nSam", "Sam Carter <sam@example.net>")).auto_reply


@pytest.mark.parametrize("subject", ["Re: Out of Office until 16 March", "Re: vacation notice",
                                     "Re: Automatic reply", "Automatic reply: [Vote 4] Budget 2026"])
def test_automatic_subjects_that_go_on_with_a_date_or_a_notice_still_count(subject):
    assert read(mail(subject)).auto_reply


def test_a_servers_stamp_names_no_persons_mail_program():
    stamped = mail("Out of Office AutoReply: [Vote 4] Budget 2026", extra="X-Mailer: Internet Mail Service (5.5.2657.72)")
    assert read(stamped).auto_reply
    typed = mail("Out of Office AutoReply: [Vote 4] Budget 2026", extra="X-Mailer: Microsoft Outlook 16.0")
    assert not read(typed).auto_reply  # a person's program: the subject is theirs to type


@pytest.mark.parametrize("body", [
    "Hi there,\n\nThanks for getting in touch. This is an automated message to confirm we've received your email.",
    "This is an automatic reply to let you know we have your message.",
    "Your request (48213) has been received and is being reviewed by our support staff.",
    "Dear sender,\n\nYour ticket #845123 has been created. We will reply within two days.",
    "Greetings,\n\nThere is no need to reply. Your ticket has been assigned an ID of [help #4521].",
])
def test_an_acknowledgements_own_words_say_it_is_automatic(body):
    reading = read(mail("Re: [Vote 4] Budget 2026", body, "Help Desk <help@desk.example>"))
    assert reading.auto_reply and reading.auto_reply_reason == "its words say it is an automatic reply"


@pytest.mark.parametrize("body", [
    "Thanks Sam, your request has been received and I'll print the flyers tomorrow.",
    "Thanks. A ticket has been opened with the city about the heating.",
    "Your case has been assigned a case number, you will hear from them.",
    "We have received your message and discussed it at our meeting. We support the draft.",
    "This is an automatic reply we keep getting from Helen's old address, can you remove it?",
    "Your request 2026 has been received? I never got an answer.",
])
def test_a_persons_words_about_a_request_are_no_acknowledgement(body):
    assert not read(mail("Re: [Vote 4] Budget 2026", body, "Omar Farouk <omar@example.net>")).auto_reply


def test_a_no_reply_sender_signing_with_the_first_name_of_its_from_is_a_person():
    signed = mail("Re: [Vote 4] Budget 2026", "Yes from me. (Sorry about my funny address.)\n\nVera",
                  "Vera Novak <no-reply-please@vera.example>")
    assert not read(signed).auto_reply
    team = mail("Re: [Vote 4] Budget 2026", "We will get back to you.\n\nAcme Support",
                "Acme Support <no-reply@acme.example>")
    assert read(team).auto_reply_reason == "sent from a no-reply address"
    unsigned = mail("Re: [Vote 4] Budget 2026", "Your message was received.", "Vera Novak <no-reply@vera.example>")
    assert read(unsigned).auto_reply


MAILRU = ("Это письмо создано автоматически\nсервером Mail.Ru, отвечать на него не\nнужно.\n\n"
          "К сожалению, Ваше письмо не может\nбыть доставлено одному или нескольким\nполучателям:\n\n"
          "igor.p@mailru-dest.example\n\nРекомендуем Вам проверить корректность\nуказания адресов получателей.\n")


def test_a_mail_ru_report_wrapped_over_short_lines_is_a_bounce():
    bounce = read(raw(f"From: Mail Delivery System <mailer-daemon@corp.mail.example>\nTo: {BOUNCE_TO}\n"
                      "Subject: Mail failure.\nReturn-Path: <>", MAILRU)).bounce
    assert bounce is not None and bounce.addresses == ("igor.p@mailru-dest.example",)


def test_a_person_writing_of_a_mail_failure_sends_no_bounce():
    person = raw(f"From: Olga Ivanova <olga@example.net>\n{ANSWER}\nSubject: Re: mail failure?",
                 "Моё письмо не может\nбыть доставлено Игорю? Его адрес igor.p@mailru-dest.example.\n\nОльга")
    assert read(person).bounce is None


GREYLIST = ("Hello,\n\nYour message to heidi.r@dest-gl.example was temporarily deferred by our greylisting filter.\n"
            "Your mail server will retry and the message will be delivered automatically.\n")


def test_a_greylisting_notice_is_no_bounce():
    notice = raw(f"From: Mail Filter <postmaster@grey.example>\nTo: {BOUNCE_TO}\n"
                 "Subject: Notice: your message was greylisted\nReturn-Path: <>", GREYLIST)
    assert read(notice).bounce is None


def test_a_greylisting_delay_with_its_status_is_a_soft_bounce():
    warning = raw(f"From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nTo: {BOUNCE_TO}\n"
                  "Subject: Warning: message delayed 24 hours\nReturn-Path: <>",
                  GREYLIST + "\n  heidi.r@dest-gl.example\n    451 4.7.1 Greylisted, please try again later\n")
    bounce = read(warning).bounce
    assert bounce is not None and bounce.addresses == ("heidi.r@dest-gl.example",) and not bounce.permanent


@pytest.mark.parametrize("subject", ["Thank you for your email", "Thank you for contacting Food Bank North",
                                     "We've received your message", "Merci pour votre message",
                                     "Vielen Dank für Ihre Nachricht", "[Support] Thanks for your enquiry!"])
def test_an_autoresponders_thanks_in_place_of_the_subject(subject):
    assert read(mail(subject, "We will answer within two working days.", "Info <info@org.example>")).auto_reply


@pytest.mark.parametrize("subject", ["Re: Thank you for your email", "Thanks for your message about the budget",
                                     "Thank you for the draft"])
def test_a_persons_thanks_in_the_subject_is_no_autoresponder(subject):
    assert not read(mail(subject, "I vote yes.\n\nSam", "Sam Carter <sam@example.net>")).auto_reply


def test_a_new_message_titled_with_thanks_is_a_persons():
    new = raw("From: Info <info@org.example>\nTo: network@example.org\nSubject: Thank you for your email", "Hello!")
    assert not read(new).auto_reply


def test_a_person_writing_that_an_account_is_no_longer_checked_is_no_automatic_reply():
    """A mailbox speaking of itself says "this mailbox"; a person tells of "the account" they moved from."""
    from mailer.autoreply_words import says_it_is_automatic
    assert says_it_is_automatic("This mailbox is no longer monitored. Please write to info@example.org.")
    assert not says_it_is_automatic("The account is no longer checked by the treasurer.")
    assert not says_it_is_automatic("The inbox is not monitored over the holidays.")
