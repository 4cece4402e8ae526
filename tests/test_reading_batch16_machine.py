"""Machine mail widened for the blind batch 16 (#15, b16a_/b16b_ files), each rule with the
look-alikes that must not change (b16h_: persons' messages near these rules):

- A mail system's notice with no failure subject and no status code, in the languages it was
  missed in: Romanian ("nu a putut fi livrat"), Vietnamese ("không gửi được"), Arabic
  ("لم يتم تسليم رسالتك بعد … سيواصل الخادم المحاولة": a delay, soft). Only a mail system's own
  message (MAILER-DAEMON, postmaster) is read for them: a member who writes the same words about
  her own mail is a person.
- A DSN recipient block with no Status field takes its class from its Diagnostic-Code ("smtp; 452
  4.2.2 … over quota", folded over two lines): class 4, soft, though its Action says failed.
- A challenge-response filter's ask in more languages ("potwierdź, że nie jesteś robotem", "geen
  robot bent", "nejste robot"): an automatic reply, never a bounce, even from MAILER-DAEMON. A
  member's own "nie jestem robotem" (I am not a robot) is no ask.

Left as misses (no rule reads them without risking a person's message): a ticket system's
notice that answers no message by its headers and carries no automatic header (ServiceNow's
"Incident … opened on your behalf", GLPI's "[GLPI #…] Nouveau ticket"), and an autoresponder's
"This is an automatic reply: I check my inbox twice a day" (a first person in the statement's
sentence is read as a person's, as "This is an automatic reply I keep getting from Helen" is).
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <convenor.vote7.4c1e88@example.org>"
OURS = "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org"
DAEMON = "From: Mail Delivery System <MAILER-DAEMON@mx.provider.example>"


def notice(subject: str, body: str, sender: str = DAEMON) -> bytes:
    return raw(f"Return-Path: <>\n{sender}\n{OURS}\nSubject: {subject}", body)


@pytest.mark.parametrize("subject, body, address, permanent", [
    ("Mesaj nelivrat", "Mesajul dumneavoastră nu a putut fi livrat către:\n\n   andrei@asociatia.example\n\n"
     "Motiv: căsuța poștală a destinatarului este plină.\n", "andrei@asociatia.example", True),
    ("Thư không gửi được", "Thư của bạn không gửi được tới người nhận sau:\n\n   quang@vnmail.example\n\n"
     "Lý do: Hộp thư không tồn tại.\n", "quang@vnmail.example", True),
    ("إشعار", "لم يتم تسليم رسالتك بعد إلى المستلم التالي:\n\n   khalid@arabmail.example\n\n"
     "سيواصل الخادم المحاولة. لا حاجة لإعادة إرسال الرسالة.\n", "khalid@arabmail.example", False),
])
def test_a_mail_systems_notice_in_more_languages_is_a_bounce(subject, body, address, permanent):
    bounce = read(notice(subject, body)).bounce
    assert bounce is not None
    assert bounce.addresses == (address,)
    assert bounce.permanent is permanent


@pytest.mark.parametrize("subject, body", [
    ("Re: " + "[Vote 7] Approve the 2027 budget", "Da. Mesajul meu de ieri nu a putut fi livrat, îl trimit din nou.\n"),
    ("Re: [Vote 7] Approve the 2027 budget", "Đồng ý. Hôm qua thư của tôi không gửi được nên tôi gửi lại.\n"),
    ("Thư không gửi được?", "Thư của tôi không gửi được tới anh Quang, địa chỉ có đúng không?\n"),
    ("Re: [Vote 7] Approve the 2027 budget", "نعم. لم يتم تسليم رسالتي أمس، لذا أرسلها مرة أخرى.\n"),
])
def test_a_member_telling_of_her_own_failed_mail_is_a_person(subject, body):
    mail = read(raw(f"From: Ioana <ioana@home.example>\nTo: network+k3d9aa@example.org\n{ANSWER}\n"
                    f"Subject: {subject}", body))
    assert mail.bounce is None
    assert not mail.auto_reply


def _dsn(block: str) -> bytes:
    return raw(f"{DAEMON}\n{OURS}\nSubject: Returned mail: see transcript for details\n"
               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"",
               "--R\nContent-Type: text/plain\n\nDelivery to the recipient has failed.\n"
               "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.provider.example\n\n"
               + block + "--R--\n")


@pytest.mark.parametrize("diagnostic, permanent", [
    ("smtp; 452 4.2.2 The email account that you tried to reach is\n    over quota. Please try later", False),
    ("smtp; 452 Requested action not taken: insufficient system storage", False),
    ("smtp;550 5.1.1 <ines@dest.example>: Recipient address rejected", True),
    ("X-Local; mailbox full", True),  # no code at all: a failure is hard
])
def test_a_dsn_without_status_takes_the_class_of_its_diagnostic_code(diagnostic, permanent):
    block = f"Final-Recipient: rfc822; ines@dest.example\nAction: failed\nDiagnostic-Code: {diagnostic}\n"
    bounce = read(_dsn(block)).bounce
    assert bounce is not None and bounce.addresses == ("ines@dest.example",)
    assert bounce.permanent is permanent


def test_a_status_field_still_decides_over_the_diagnostic_code():
    block = ("Final-Recipient: rfc822; ines@dest.example\nAction: failed\nStatus: 5.2.2\n"
             "Diagnostic-Code: smtp; 452 4.2.2 over quota\n")
    assert read(_dsn(block)).bounce.permanent is True


@pytest.mark.parametrize("body", [
    "Twoja wiadomość do ewa@bezspamu.example została wstrzymana.\nAby ją dostarczyć, potwierdź, że nie jesteś "
    "robotem:\n\nhttps://bezspamu.example/potwierdz?k=9d1\n",
    "Uw bericht is vastgehouden. Bevestig dat u geen robot bent:\n\nhttps://spamvrij.example/bevestig/4c2e\n",
    "Vaše zpráva čeká. Potvrďte, že nejste robot:\n\nhttps://antispam.example/overeni?id=7\n",
])
def test_a_challenge_from_a_mail_system_is_an_automatic_reply_not_a_bounce(body):
    mail = read(raw(f"From: MAILER-DAEMON <MAILER-DAEMON@filter.example>\nTo: network@example.org\n{ANSWER}\n"
                    "Subject: Wiadomość wstrzymana - wymagane potwierdzenie", body))
    assert mail.auto_reply
    assert mail.bounce is None


@pytest.mark.parametrize("body", [
    "Tak. I nie, nie jestem robotem, po prostu odpisuję późno.\n",
    "Ja. Ik ben geen robot, ik antwoord gewoon laat: https://example.net/agenda\n",
])
def test_a_member_saying_she_is_not_a_robot_is_a_person(body):
    mail = read(raw(f"From: Ewa <ewa@home.example>\nTo: network+k3d9aa@example.org\n{ANSWER}\n"
                    "Subject: Re: [Vote 7] Approve the 2027 budget", body))
    assert not mail.auto_reply
    assert mail.bounce is None
