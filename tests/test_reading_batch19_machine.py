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
- Amazon SES's notification by email is read by its own fields (bouncedRecipients[].emailAddress);
  a detector's find that is no bare address stays as found (review b19ab).
- Exchange's own list of failed recipients ("Delivery has failed to these recipients or groups:")
  names each of them, not only the one the returned headers address.

Review b19ab (/work/notes/review_b19ab, 99 probes) found the first cut made 44 faults: the tests at
the end keep its look-alikes (service notices not about our message, members' "Bounce…" subjects,
a help or working address after "Forwarding address", a help line or a copy's Cc under Exchange's
list) as they are read on main.
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


def test_a_detectors_find_that_is_no_bare_address_stays_as_found():
    # review b19ab (r4): turning such finds into addresses named members whose own CSV/JSON lines a
    # detector misread; SES's JSON is read by its own fields instead (below)
    assert _addresses([b'"bouncedRecipients":[{"emailAddress":"paulo@ses-dest.example"']) != ("paulo@ses-dest.example",)
    assert _addresses([b'"kari@gmail.example"']) != ("kari@gmail.example",)


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
    body = ("The address old.pat@moved.example is no longer in use.\nForwarding address: pat@new-home.example\n"
            "Recipient: old.pat@moved.example\nYour message was not delivered: 550 5.1.6 Recipient no longer on server\n")
    m = read(notice("Mail System <no-reply@moved.example>", "Undeliverable: [Vote 7]", body,
                    "<bounces@moved.example>"))
    assert m.bounce is not None and m.bounce.forwarded_from == ()
    assert "old.pat@moved.example" in m.bounce.addresses  # not turned into the new address


def test_a_sending_services_bounce_notice_to_the_lists_own_address_is_read_too():
    data = raw("Return-Path: <bounces+123-ab=example.org@em.sendgrid.example>\nFrom: SendGrid <no-reply@sendgrid.example>\n"
               "To: network@example.org\nSubject: Bounce: [Vote 7] Approve the budget", SENDGRID)
    m = read(data)
    assert m.bounce is not None and m.bounce.addresses == ("nina@dest.example",)


# ---- review b19ab: the look-alikes of each rule ----------------------------------------------

LIST_TO = "To: network@example.org"


def service(sender: str, return_path: str, subject: str, body: str, to: str = LIST_TO) -> bytes:
    return raw(f"Return-Path: {return_path}\nFrom: {sender}\n{to}\nSubject: {subject}", body)


@pytest.mark.parametrize("sender, return_path, subject, body", [
    ("UPS <no-reply@ups.example>", "<bounce@ups-mail.example>", "Delivery failed: package 1Z999",
     "We could not deliver your package to\n450 Harbour Road\nRecipient: kari@gmail.example\n"),
    ("Vy <no-reply@vy.example>", "<bounces+44@sendgrid.vy.example>", "Delayed: your trip 5.3.26 Oslo S",
     "Status: 5.3.26 delayed.\nEmail: kari@gmail.example\n"),
    ("Spleis <no-reply@donate.example>", "<bounce-8812@mail.donate.example>", "Processing error: monthly donation",
     "Error 503 while charging the card of anna@member.example.\nStatus 5.1.1 retry.\n"),
    ("Jira <no-reply@acme.atlassian.example>", "<bounces+jira@atlassian.example>",
     "Bounce: SES notifications not processed (OPS-12)", "Ole wrote: mail to ole@posten.example got 550 5.1.1 user unknown\n"),
    ("Mailchimp <no-reply@mailchimp.example>", "<bounce-mc.55@mcsv.example>", "Bounce: 2 contacts cleaned",
     "Recipient: per@member.example\nReason: 550 5.1.1 user unknown\n"),
    ("Alumni Forwarding <bounces@alumni-fw.example>", "<bounces@alumni-fw.example>", "Delivery report: your forwarding",
     "Messages to anna@member.example: all delivered; one 421 4.7.0 retried fine.\n"),
])
def test_a_services_notice_not_about_our_message_is_no_bounce(sender, return_path, subject, body):
    """(r1) no bounce address of ours in its delivery headers and no subject of ours: a shop's,
    a bank's, a tracker's notice names members, not our failed recipients."""
    assert read(service(sender, return_path, subject, body)).bounce is None


def test_a_services_notice_for_our_message_needs_a_real_smtp_reply():
    body = "Your message was delayed on 5.3.26.\nRecipient: kari@gmail.example\nError 503 in the portal.\n"
    m = read(service("Relay <no-reply@relay.example>", "<bounces@relay.example>", "Delivery failed: [Vote 7] Budget",
                     body, to=TOKEN_TO))
    assert m.bounce is None or "kari@gmail.example" not in m.bounce.addresses


def test_a_services_notice_names_only_the_labelled_failed_address():
    body = ("A message from kari@gmail.example (via your account) bounced.\n\nRecipient: nina@dest.example\n"
            "Reason: 550 5.1.1 The email account does not exist.\nNeed help? Contact help@sendgrid.example\n")
    m = read(service("SendGrid <no-reply@sendgrid.example>", "<bounces+1@em.sendgrid.example>",
                     "Bounce: [Vote 7] Approve the budget", body, to=TOKEN_TO))
    assert m.bounce is not None and m.bounce.addresses == ("nina@dest.example",)


MEMBER_PASTE = ("Per's address bounced again, this is what I got:\n\n<per@member.example>: host mx.member.example said:\n"
                "    550 5.1.1 <per@member.example>: Recipient address rejected: User unknown\n\nKari\n")


@pytest.mark.parametrize("subject", ["Bounce: mail to Per", "Bounced - Per", "Bounces: December mailing",
                                     "Bounce: Per sin adresse", "Bounce: updated member list"])
def test_a_members_bounce_subject_stays_her_message(subject):
    """(r2) "Bounce…" lets a message past the cheap pre-check only when our subject follows it."""
    m = read(raw("Return-Path: <kari@gmail.example>\nFrom: Kari <kari@gmail.example>\n" + LIST_TO
                 + f"\nSubject: {subject}", MEMBER_PASTE))
    assert m.bounce is None and not m.auto_reply


def test_bounce_subject_of_ours():
    from mailer.bounce_service import bounce_subject_of_ours
    assert bounce_subject_of_ours("Bounce: [Vote 7] Approve the budget")
    assert bounce_subject_of_ours("Soft bounce: [Vote 12] X")
    assert not bounce_subject_of_ours("Bounce: mail to Per")
    assert not bounce_subject_of_ours("Bounce: Re: [Vote 7] X")
    assert not bounce_subject_of_ours("Bounces: December mailing")


FWD_REPORT = ("From: Mail Delivery System <MAILER-DAEMON@mx.fw.example>\nReturn-Path: <>\n" + TOKEN_TO
              + "\nSubject: Mail delivery failed: returning message to sender")


@pytest.mark.parametrize("body, wrong", [
    ("A message that you sent could not be delivered. The following address(es) failed:\n\n  per@member.example\n"
     "    550 5.1.1 user unknown\n\nNote: copies to ole@fw.example were forwarded fine. Forwarding address: ole.h@posten.example\n"
     "(mail for other users could not be forwarded if their quota is exceeded)\n", "ole.h@posten.example"),
    ("A message sent to kim@alumni-fw.example could not be forwarded to kim.h@oldjob.example.\n"
     "Error: 550 5.1.1 user unknown\n\nQuestions about your forwarding address: fwd-help@alumni-fw.example\n",
     "fwd-help@alumni-fw.example"),
])
def test_a_forwarding_address_that_is_not_the_failed_one_is_not_named(body, wrong):
    """(r3) only a "Forwarding address:" line of its own whose address the error line names."""
    m = read(raw(FWD_REPORT, body))
    assert m.bounce is not None and wrong not in m.bounce.addresses


def test_a_closed_aliass_forwarding_address_is_not_taken_for_the_failed_one():
    body = ("A message sent to anna@alumni-fw.example could not be forwarded: this alumni address was closed.\n\n"
            "Forwarding address: anna.berg@newmail.example\n\nError: 550 5.1.1 <anna.berg@newmail.example>: mailbox closed\n")
    m = read(raw(FWD_REPORT, body))
    assert m.bounce is not None and m.bounce.forwarded_from == ()


SES = ('{"notificationType":"Bounce","mail":{"source":"kari@gmail.example"},"bounce":{"bounceType":"Permanent",'
       '"bouncedRecipients":[{"emailAddress":"paulo@ses-dest.example","status":"5.1.1"},'
       '{"emailAddress":"rita@ses-dest.example","status":"5.1.1"}]}}\n\n--\nIf you wish to stop receiving notifications …\n')


def test_amazon_ses_json_is_read_by_its_own_fields():
    """(r4) bouncedRecipients, not the first address a detector meets (the sender under "mail")."""
    m = read(service("AWS Notifications <no-reply@sns.amazonaws.example>", "<0100018c@eu-west-1.amazonses.example>",
                     "AWS Notification Message", SES, to=TOKEN_TO))
    assert m.bounce is not None and m.bounce.addresses == ("paulo@ses-dest.example", "rita@ses-dest.example")
    assert m.bounce.permanent


def test_a_member_pasting_ses_json_stays_her_message():
    m = read(raw("Return-Path: <kari@gmail.example>\nFrom: Kari <kari@gmail.example>\n" + LIST_TO
                 + "\nSubject: Delivery failed? SES says bounce", "What does this mean?\n\n" + SES))
    assert m.bounce is None


EXCH_HEAD = ("Return-Path: <>\nFrom: Microsoft Outlook <postmaster@member.example>\n" + TOKEN_TO
             + "\nSubject: Undeliverable: [Vote 7]\nContent-Type: multipart/mixed; boundary=\"M\"")


@pytest.mark.parametrize("listed", [
    "Anna Berg\nThe e-mail address couldn't be found. Contact your helpdesk:\nIT Service Desk <servicedesk@member.example>",
    "Anna Berg\nYour message couldn't be delivered. For help, write to\nhelp@member.example",
    "anna@member.example\nThe mailbox is full. Your message was sent to her alternate recipient:\nole@posten.example",
    "Anna Berg\nNot found.\n\n________________________________\nFrom: Refuge Network <network@example.org>\n"
    "To: Anna Berg <anna@member.example>\nCc: Kari <kari@gmail.example>",
    "Anna Berg\nHet e-mailadres is niet gevonden.\n\nOorspronkelijke berichtkoppen:\n\n"
    "Reply-To: Kari <kari@gmail.example>\nSender: Kari <kari@gmail.example>",
])
def test_exchanges_list_names_only_the_first_line_of_each_recipients_block(listed):
    """(r5) a help address, an alternate recipient, a copy's Cc or Reply-To is no failed recipient."""
    body = (f"Delivery has failed to these recipients or groups:\n\n{listed}\n\nGenerating server: ex01\n\n"
            "anna@member.example\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n")
    copy = "From: Refuge Network <network@example.org>\nTo: anna@member.example\nSubject: [Vote 7]\n"
    m = read(raw(EXCH_HEAD, "--M\nContent-Type: text/plain\n\n" + body
                 + "--M\nContent-Type: text/rfc822-headers\n\n" + copy + "--M--\n"))
    assert m.bounce is not None and m.bounce.addresses == ("anna@member.example",)


CSV = 'Hi board,\nthe updated list:\n\nname,email,role\nKari Nordmann,"kari@gmail.example",board\nOle Hansen,"ole@posten.example",member\n'


@pytest.mark.parametrize("sender, subject, extra, body", [
    ("Kari <kari@gmail.example>", "=?utf-8?q?Medlemsliste_=E2=80=93_oppdatert?=", "X-Mailer: Microsoft Outlook 16.0\n", CSV),
    ("Kari <kari@gmail.example>", "Undelivered ballots: list", "User-Agent: Mozilla Thunderbird\n", CSV),
    ("Kari <kari@gmail.example>", "=?utf-8?q?Stemme_=E2=80=93_budsjett?=", "X-Mailer: Microsoft Outlook 16.0\n",
     'My vote as JSON, as the form wants it:\n{"vote":"yes","email":"kari@gmail.example"}\n'),
    ("Kari <kari@gmail.example>", "=?utf-8?q?Ny_kontakt_=E2=80=93_Ole?=", "X-Mailer: Microsoft Outlook 16.0\n", "New contact: Ole (mailto:ole@posten.example), please add him.\n"),
])
def test_a_members_own_message_is_no_bounce_on_a_detectors_find_alone(sender, subject, extra, body):
    """(review b19ab, a fault of main's) a detector's find in a member's CSV, JSON or mailto line,
    written in her mail program, her own mailbox taking her replies, no report part, no bounce
    address of ours: her message."""
    address = sender.split("<")[1].rstrip(">")
    m = read(raw(f"Return-Path: <{address}>\nFrom: {sender}\n{LIST_TO}\nSubject: {subject}\n{extra}".rstrip("\n"), body))
    assert m.bounce is None and not m.auto_reply
