"""Bounces widened for the blind batch 12 (#15, b12b_ files: the older and rarer mail systems),
each class with the look-alikes that must not change:

- A notice titled with the contraction "couldn't be delivered" (Sophos Central's "Message couldn't
  be delivered: …") is a failure subject like "could not be delivered".
- Italian "Mancato recapito" and "Non è stato possibile recapitare il messaggio" (Virgilio/TIM)
  say a delivery failed.
- A report with no status code whose words say the cause will pass ("The user(s) account is
  temporarily over quota", Critical Path / InterMail) is a soft failure, as a 4.x.x status would
  be; any status code still decides, and a cause that will not pass stays hard.
- A challenge-response filter that sends its ask from postmaster or MAILER-DAEMON ("送信者の確認",
  "подтвердите, что вы не робот", ChoiceMail's registration) is an automatic reply, never a
  bounce; a member mentioning a robot check is neither.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read

TOKEN = "abcdefghijklmnopqrstuvwxyz"
TO_US = f"To: network+b-{TOKEN}@example.org"
ANSWER = f"In-Reply-To: <{TOKEN}.1@example.org>\nTo: network+{TOKEN}@example.org"
ITEM = "[Vote 44] Spring assembly: which Saturday?"


def report(sender: str, subject: str, body: str, extra: str = "") -> bytes:
    """A mail system's notice arriving at our bounce address with a null return path."""
    return raw(f"Return-Path: <>\nFrom: {sender}\n{TO_US}\nSubject: {subject}\n{extra}", body)


def person(subject: str, body: str, sender: str = "Giulia Rossi <giulia@example.net>") -> bytes:
    return raw(f"Return-Path: <giulia@example.net>\nFrom: {sender}\n{ANSWER}\nSubject: {subject}", body)


@pytest.mark.parametrize("subject", [f"Message couldn't be delivered: {ITEM}", f"Message couldn’t be delivered: {ITEM}"])
def test_a_gateways_couldnt_be_delivered_notice_bounces_the_named_recipient(subject):
    bounce = read(report("Sophos Email <do-not-reply@gw.example>", subject,
                         "Your message couldn't be delivered to the following recipient:\n\n    ana.p@dest.example\n\n"
                         "The recipient's email server rejected the message.\n")).bounce
    assert bounce is not None and bounce.addresses == ("ana.p@dest.example",) and bounce.permanent


def test_a_member_saying_something_couldnt_be_delivered_is_no_bounce():
    mail = read(person(f"Re: {ITEM}", "The flyers couldn't be delivered on Friday, so Saturday it is.\n"))
    assert mail.bounce is None
    mail = read(person("Parcel couldn't be delivered", "Does anyone know the food bank's new address?\n"))
    assert mail.bounce is None


def test_an_italian_mancato_recapito_notice_is_a_hard_bounce():
    bounce = read(report("Mail Delivery Subsystem <MAILER-DAEMON@mx.example.it>", "Mancato recapito",
                         "Non è stato possibile recapitare il messaggio al destinatario\n\n  dario.k@dest.example.it\n\n"
                         "per il seguente motivo: utente sconosciuto.\n")).bounce
    assert bounce is not None and bounce.addresses == ("dario.k@dest.example.it",) and bounce.permanent


def test_an_italian_member_writing_of_a_failed_delivery_is_no_bounce():
    mail = read(person(f"Re: {ITEM}", "Non è stato possibile consegnare i volantini, ma sabato va bene.\n"))
    assert mail.bounce is None


INTERMAIL = ("This Message was undeliverable due to the following reason:\n\n{reason}\n\n<nadia.w@dest.example>\n\n"
             "Please reply to Postmaster@mx.example\nif you feel this message to be in error.\n")


@pytest.mark.parametrize("reason, permanent", [
    ("The user(s) account is temporarily over quota.", False),
    ("Das Postfach ist vorübergehend nicht erreichbar.", False),
    # a status code decides whatever the words
    ("The user(s) account is temporarily over quota. 552 5.2.2 Mailbox full", True),
    ("The user(s) account is temporarily over quota (452 4.2.2).", False),
    # a cause that will not pass
    ("The user(s) account does not exist.", True),
    ("The user(s) account is over quota.", True),
])
def test_a_report_without_a_code_is_soft_only_when_it_says_the_cause_is_temporary(reason, permanent):
    bounce = read(report("Mail Administrator <Postmaster@mx.example>", "Mail System Error - Returned Mail",
                         INTERMAIL.format(reason=reason))).bounce
    assert bounce is not None and bounce.addresses == ("nadia.w@dest.example",)
    assert bounce.permanent is permanent


@pytest.mark.parametrize("sender, subject, body", [
    ("MAILER-DAEMON@filter.example.jp", "【確認のお願い】送信者認証",
     "お送りいただいたメールは保留されています。配信するには、下記のURLをクリックして送信者の確認を行ってください。\n"),
    ("Антиспам <postmaster@filter.example.ru>", "Подтвердите отправку письма",
     "Ваше письмо задержано и будет доставлено после подтверждения.\nЧтобы подтвердить, что вы не робот, перейдите по ссылке.\n"),
    ("ChoiceMail <postmaster@filter.example>", f"Delivery pending - please register: {ITEM}",
     "The message you sent has been held by ChoiceMail, a permission-based spam blocker.\n"
     "Your message has NOT been rejected. To have it delivered, please fill in the short registration form.\n"),
])
def test_a_challenge_sent_from_postmaster_is_an_automatic_reply_not_a_bounce(sender, subject, body):
    notice = read(raw(f"Return-Path: <{sender.split('<')[-1].rstrip('>')}>\nFrom: {sender}\n{ANSWER}\nSubject: {subject}", body))
    assert notice.bounce is None
    assert notice.auto_reply and notice.auto_reply_guessed  # never answered, never dropped


def test_a_member_or_a_postmaster_writing_of_robots_stays_a_person():
    member = read(person(f"Re: {ITEM}", "The sign-up form asked me to confirm I am not a robot, odd. Saturday is fine.\n"))
    assert not member.auto_reply and member.bounce is None
    # a postmaster who is a person, answering without any challenge words
    admin = read(raw(f"From: Postmaster <postmaster@smallorg.example>\n{ANSWER}\nSubject: Re: {ITEM}",
                     "Hello, I look after our mail here; Saturday suits our group.\n"))
    assert not admin.auto_reply and admin.bounce is None
