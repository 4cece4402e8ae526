"""Bounces widened for the blind batch 19 (#15, b19b_ files), each rule with the persons'
look-alikes that must not change:

- A sending or forwarding service's own notice that a message bounced (SendGrid's "Bounce: …",
  Mandrill's "Soft bounce: …", Sophos's "Message not delivered: …", an alumni forwarder's "Message
  could not be forwarded", a private relay's "Delivery failure …") is a bounce though its envelope
  sender is not null: it comes from a no-reply or a bounce handler's address, its Return-Path is
  not null, it answers nothing, attaches nothing, and its words give a status code and the address
  that failed. A member's "Delivery failed?" from her own address stays hers, whatever her
  organisation's envelope ("bounce-4711@crm…"), and so does the notice she passes on attached.
- A forwarding service's "Forwarding address: <target>" names the forward target as the failed
  address and the member's address as where it came from, only in a report that says the forward
  failed: a moved mailbox's "Forwarding address: <new>" is where to write, and did not fail.
- A detector's find run together with JSON around one address (Amazon SES's notification by email)
  gives that address; a find with spaces stays none.
- Exchange's own list of failed recipients ("Delivery has failed to these recipients or groups:")
  names each of them, not only the one the returned headers address.
"""
from __future__ import annotations

import pytest

from mailer.bounce_addresses import detector_addresses as _addresses
from tests.test_machine_mail_reading import raw, read

TOKEN_TO = "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org"


def notice(sender: str, subject: str, body: str, return_path: str, extra: str = "") -> bytes:
    return raw(f"Return-Path: {return_path}\nFrom: {sender}\n{TOKEN_TO}\nSubject: {subject}\n{extra}", body)


SENDGRID = ("The following message was bounced by the recipient's email server.\n\nRecipient: nina@dest.example\n"
            "Status: 5.1.1\nReason: 550 5.1.1 The email account that you tried to reach does not exist.\n")


def test_a_sending_services_bounce_notice_from_no_reply_is_a_bounce():
    m = read(notice("SendGrid <no-reply@sendgrid.example>", "Bounce: [Vote 7] Approve the budget", SENDGRID,
                    "<bounces+123-ab=example.org@em.sendgrid.example>"))
    assert m.bounce is not None and m.bounce.addresses == ("nina@dest.example",) and m.bounce.permanent


def test_a_services_soft_bounce_notice_is_soft_by_its_status():
    body = ("Your message to rosa@dest.example soft-bounced.\n\nReason: 452 4.2.2 The email account that you "
            "tried to reach is over quota.\n")
    m = read(notice("Mandrill <noreply@mandrillapp.example>", "Soft bounce: [Vote 7]", body,
                    "<bounce-md_1234.abcd@mandrillapp.example>"))
    assert m.bounce is not None and m.bounce.addresses == ("rosa@dest.example",) and not m.bounce.permanent


def test_a_forwarding_services_notice_names_the_target_and_the_members_address():
    body = ("A message sent to kim@alumni.example could not be forwarded.\n\nForwarding address: kim.h@oldjob.example\n"
            "Error from the receiving server: 550 5.1.1 <kim.h@oldjob.example>: user unknown\n")
    m = read(notice("Alumni Mail Forwarding <forwarding-noreply@alumni.example>", "Message could not be forwarded",
                    body, "<fwd-bounces@alumni.example>"))
    assert m.bounce is not None and m.bounce.addresses == ("kim.h@oldjob.example",)
    assert m.bounce.forwarded_from == (("kim.h@oldjob.example", "kim@alumni.example"),)


def test_a_bounce_handler_may_send_from_its_own_address():
    body = ("Your message to sam@forwarder.example was forwarded to sam.w@final.example, which rejected it:\n\n"
            "550 5.1.1 <sam.w@final.example>: Recipient address rejected: User unknown\n")
    m = read(notice("Forwarding Service <bounces@forwarder.example>", "Forwarding failed", body,
                    "<bounces@forwarder.example>"))
    assert m.bounce is not None and m.bounce.addresses == ("sam.w@final.example",)


MEMBER_WORDS = ("My email to treasurer@club.example came back with 550 5.1.1 user unknown. "
                "Does anyone have her new address? And YES to the budget.\n\nOle")


@pytest.mark.parametrize("sender, return_path", [
    ("Ole Hansen <ole@posten.example>", "<ole@posten.example>"),           # her own mailbox
    ("Ole Hansen <ole@posten.example>", "<bounce-4711@crm-sender.example>"),  # her organisation's CRM envelope
    ("Ole Hansen <ole@posten.example>", "<prvs=9876543210=ole@posten.example>"),  # BATV
    ("Ole Hansen <no-reply.ole@posten.example>", "<bounces@posten.example>"),  # a name that only starts so
    ("Trampoline Club <bounce.club@verein.example>", "<bounce.club@verein.example>"),  # a club named so
    ("Bounceback Fitness <bounceback@gym.example>", "<bounces@gym.example>"),
])
@pytest.mark.parametrize("subject", ["Undeliverable mail to the treasurer", "Delivery failed?", "Bounce: treasurer"])
def test_a_members_own_delivery_failure_question_stays_hers(sender, return_path, subject):
    m = read(notice(sender, subject, MEMBER_WORDS, return_path))
    assert m.bounce is None and not m.auto_reply


def test_a_member_passing_on_a_services_notice_attached_stays_hers():
    attached = ("From: Alumni Forwarding <forwarding-noreply@alumni.example>\nTo: ole@alumni.example\n"
                "Subject: Forwarding failed\n\nForwarding address: ole.h@oldjob.example\n550 5.1.1 user unknown\n")
    data = raw("Return-Path: <bounce-4711@crm-sender.example>\nFrom: Ole <ole@posten.example>\n"
               "To: network@example.org\nSubject: Message could not be forwarded\n"
               "Content-Type: multipart/mixed; boundary=\"M\"",
               "--M\nContent-Type: text/plain\n\nI got the attached. I voted YES, did it arrive?\n"
               "--M\nContent-Type: message/rfc822\n\n" + attached + "--M--\n")
    m = read(data)
    assert m.bounce is None


def test_a_members_reply_about_a_bounce_from_no_reply_with_a_status_stays_hers():
    data = raw("Return-Path: <bounces@org.example>\nFrom: Org <noreply@org.example>\n"
               "In-Reply-To: <abc.1@example.org>\nTo: network@example.org\nSubject: Undeliverable: treasurer",
               "Your mail to treasurer@club.example bounced with 550 5.1.1, please resend.\n")
    assert read(data).bounce is None


def test_a_detectors_find_of_json_around_an_address_gives_the_address():
    assert _addresses([b'"bouncedRecipients":[{"emailAddress":"paulo@ses-dest.example"']) == ("paulo@ses-dest.example",)
    assert _addresses([b"Betreff: see <volunteers@example.org>"]) == ()  # words with spaces: no address


def test_exchanges_list_of_failed_recipients_names_each_one():
    body = ("Delivery has failed to these recipients or groups:\n\ndora@multi.example\nThe email address you entered "
            "couldn't be found.\n\nemil@multi.example\nThe email address you entered couldn't be found.\n\n"
            "Diagnostic information for administrators:\n\nGenerating server: EX01.multi.example\n\ndora@multi.example\n"
            "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n")
    copy = ("From: Refuge Network <network@example.org>\nTo: dora@multi.example\nSubject: [Vote 7]\n")
    data = raw("Return-Path: <>\nFrom: Microsoft Outlook <postmaster@multi.example>\n" + TOKEN_TO
               + "\nSubject: Undeliverable: [Vote 7]\nX-MS-Exchange-Message-Is-Ndr:\n"
               "Content-Type: multipart/mixed; boundary=\"M\"",
               "--M\nContent-Type: text/plain\n\n" + body + "--M\nContent-Type: text/rfc822-headers\n\n" + copy + "--M--\n")
    m = read(data)
    assert m.bounce is not None and m.bounce.addresses == ("dora@multi.example", "emil@multi.example")


def test_a_moved_mailboxs_forwarding_address_is_not_the_failed_one():
    body = ("The address old.pat@moved.example is no longer in use. Forwarding address: pat@new-home.example\n"
            "Your message was not delivered: 550 5.1.6 Recipient no longer on server\n")
    m = read(notice("Mail System <no-reply@moved.example>", "Undeliverable: [Vote 7]", body,
                    "<bounces@moved.example>"))
    assert m.bounce is not None and m.bounce.forwarded_from == ()
    assert "old.pat@moved.example" in m.bounce.addresses  # not turned into the new address


def test_a_sending_services_bounce_notice_to_the_lists_own_address_is_read_too():
    data = raw("Return-Path: <bounces+123-ab=example.org@em.sendgrid.example>\nFrom: SendGrid <no-reply@sendgrid.example>\n"
               "To: network@example.org\nSubject: Bounce: [Vote 7] Approve the budget", SENDGRID)
    m = read(data)
    assert m.bounce is not None and m.bounce.addresses == ("nina@dest.example",)
