"""Machine mail told from a person's (#15, batch 3 of the own corpus): what no person wrote is
recognised, and what a person wrote about machine mail is not taken for it.

- A member who answers or forwards a bounce ("Re: Mail delivery failed", "Fwd: Undelivered
  Mail …", the report attached) wrote that message: it is no bounce, it reaches the coordinators.
- A delivery report whose recipients were all delivered or relayed ("Delivered:", "Relayed:")
  and a filter's "on hold" notice are no bounces; a delay notice with no status code is soft in
  the languages reports come in; a list manager's "Authorization denied" is a refusal.
- An automatic reply's subject starts with its words; "RE: Automatic reply: …", "Fwd: Out of
  Office: …" and "Re: [Meeting 3] Abwesenheit …" are people's. "Precedence: list" is a list's
  mark on its members' mail, not an automatic reply's.
"""
from __future__ import annotations

import email
import email.policy

import pytest

from mailer.autoreply import auto_reply_reason
from mailer.autoreply_headers import is_list_traffic
from mailer.parse import parse_message
from store import members
from tests.dsn import delivery_report
from tests.fixtures_convenor import Network

LIST = "network@example.org"
BOUNCE_TO = "network+b-abcdefghijklmnopqrst@example.org"


def raw(headers: str, body: str) -> bytes:
    return (headers.strip() + "\nMIME-Version: 1.0\n" + (
        "" if "Content-Type" in headers else "Content-Type: text/plain; charset=utf-8\n")
        + "\n" + body).encode()


def read(data: bytes):
    return parse_message(data, LIST)


REPORT = ("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nTo: ana@home.example\n"
          "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
          "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\n\n"
          "--R\nContent-Type: text/plain\n\n<petra@old.example>: 550 5.1.1 User unknown\n"
          "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
          "Final-Recipient: rfc822; petra@old.example\nAction: failed\nStatus: 5.1.1\n--R--\n")


def test_a_members_forward_or_answer_of_a_bounce_is_not_a_bounce():
    attached = raw("From: Ana <ana@home.example>\nTo: network@example.org\nSubject: Petra's address?\n"
                   "Content-Type: multipart/mixed; boundary=\"M\"",
                   "--M\nContent-Type: text/plain\n\nThis came back, do we have Petra's new address?\n"
                   "--M\nContent-Type: message/rfc822\n\n" + REPORT + "--M--\n")
    inline = raw("From: Ana <ana@home.example>\nTo: network@example.org\n"
                 "Subject: Fwd: Undelivered Mail Returned to Sender",
                 "Did my vote arrive?\n\n---------- Forwarded message ---------\n"
                 "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n\n"
                 "<petra@old.example>: 550 5.1.1 User unknown\n")
    quoted = raw("Return-Path: <jan@isp.example>\nFrom: Jan <jan@isp.example>\nTo: network@example.org\n"
                 "Subject: Re: Mail delivery failed: returning message to sender",
                 "Why did this fail?\n\n> A message that you sent could not be delivered to one or more of its\n"
                 "> recipients. This is a permanent error. The following address(es) failed:\n>\n"
                 ">   network@example.org\n>     550 5.1.1 User unknown\n")
    for data in (attached, inline, quoted):
        mail = read(data)
        assert mail.bounce is None and not mail.auto_reply


def test_a_report_that_appends_its_words_to_a_reply_subject_is_still_a_bounce():
    data = raw("Return-Path: <notices@corp.example>\nFrom: notices@corp.example\nTo: network@example.org\n"
               "Subject: RE: [Vote 7] Budget : non remis (delivery failed)",
               "Votre message n'a pas pu etre delivre a\nkim@corp.example\n\n"
               "Your message could not be delivered to\nkim@corp.example\n")
    assert read(data).bounce.addresses == ("kim@corp.example",)


def success_report(final: str, *actions: str) -> bytes:
    blocks = "".join(f"\nFinal-Recipient: rfc822; {a}\nAction: {action}\nStatus: "
                     f"{'5.1.1' if action == 'failed' else '2.0.0'}\n" for a, action in
                     zip([final, "other@relay.example"], actions))
    return raw(f"From: Microsoft Outlook <postmaster@corp.example>\nTo: {BOUNCE_TO}\n"
               "Subject: Delivered: [Vote 7] Budget\n"
               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"S\"",
               "--S\nContent-Type: text/plain\n\nYour message has been delivered.\n"
               f"--S\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; corp.example\n{blocks}--S--\n")


def test_a_report_of_deliveries_is_not_a_bounce_and_a_mixed_one_names_only_the_failure():
    assert read(success_report("ida@corp.example", "delivered")).bounce is None
    assert read(success_report("ida@corp.example", "relayed", "expanded")).bounce is None
    mixed = read(success_report("ida@corp.example", "failed", "relayed")).bounce
    assert mixed.addresses == ("ida@corp.example",) and mixed.permanent


def daemon_notice(subject: str, text: str) -> bytes:
    return raw(f"Return-Path: <>\nFrom: Mail Delivery System <MAILER-DAEMON@mail.provider.example>\n"
               f"To: {BOUNCE_TO}\nSubject: {subject}", text)


@pytest.mark.parametrize("subject, text, permanent", [
    ("Message retardé", "Votre message à mia@dest.example n'a pas encore pu être remis.\n"
                        "Nous réessaierons pendant encore 4 jours.\n", False),
    ("Warnung: Zustellung verzögert", "Ihre Nachricht an mia@dest.example konnte bisher nicht zugestellt "
                                      "werden. Die Zustellung wird weiterhin versucht.\n", False),
    ("Mail delivery problem", "Delivery to mia@dest.example has been delayed; we will keep trying.\n", False),
    ("Mail delivery problem", "Delivery to mia@dest.example failed. This is a permanent error.\n", True),
])
def test_a_report_without_a_status_code_is_soft_when_its_words_say_delay(subject, text, permanent):
    bounce = read(daemon_notice(subject, text)).bounce
    assert bounce.addresses == ("mia@dest.example",) and bounce.permanent is permanent


def test_a_filters_hold_notice_is_not_a_bounce():
    data = daemon_notice("Your message is on hold", "Your message to otto@corp.example has been placed on "
                         "hold by the recipient's security policy and is awaiting review.\n"
                         "You do not need to resend the message.\n")
    assert read(data).bounce is None


def test_a_list_managers_authorization_denied_is_a_refusal():
    data = raw(f"From: SYMPA <sympa@lists.univ.example>\nTo: {BOUNCE_TO}\n"
               "Subject: Message distribution: Authorization denied",
               "The message you sent to the list 'allies@lists.univ.example' has been rejected because\n"
               "you are not allowed to send messages to the list allies@lists.univ.example.\n")
    bounce = read(data).bounce
    assert bounce.addresses == ("allies@lists.univ.example",) and bounce.permanent


def message(subject: str, **headers: str):
    """A message answering one of ours (an automatic reply always answers a message)."""
    text = (f"From: Ana <ana@corp.example>\nTo: {LIST}\nSubject: {subject}\n"
            "In-Reply-To: <q7hx2m4kcp3vbn6wtz5d.a81f@example.org>\n") + "".join(
        f"{name.replace('_', '-')}: {value}\n" for name, value in headers.items())
    return email.message_from_bytes(raw(text, "Thanks.\n"), policy=email.policy.compat32)


@pytest.mark.parametrize("subject", [
    "RE: Automatic reply: [Vote 7] Budget", "AW: Automatische Antwort: [Vote 7] Budget",
    "RE: Réponse automatique : [Vote 7] Budget", "Re: Out of Office: [Vote 7] Budget",
    "Fwd: Automatic reply: [Vote 7] Budget", "FW: Out of Office", "Re: [Meeting 3] Abwesenheit am 6. März",
    "Abwesenheit am Donnerstag", "Ausente el jueves", "Afwezig donderdag",
])
def test_a_person_answering_or_forwarding_an_automatic_reply_is_a_person(subject):
    assert auto_reply_reason(message(subject)) is None


@pytest.mark.parametrize("subject", [
    "Automatic reply: [Vote 7] Budget", "RE: Out of Office", "Re: On vacation", "[부재중] [Vote 7] Budget",
    "[EXTERNAL] Automatic reply: [Vote 7] Budget", "AUTO: Jane Doe is out of the office (returning 10.02.2025)",
    "Abwesend bis 14.02.", "Afwezig t/m 14 februari", "Autoantwort: [Vote 7] Budget", "Nieobecność: [Vote 7] Budget",
])
def test_automatic_subjects_lead_with_their_words(subject):
    assert auto_reply_reason(message(subject)) is not None


def test_precedence_list_is_list_traffic_not_an_automatic_reply():
    msg = message("Re: [Vote 7] Budget", Precedence="list")
    assert auto_reply_reason(msg) is None and is_list_traffic(msg)


def test_exchange_out_of_office_message_class_is_automatic():
    msg = message("[Vote 7] Budget", X_MS_Exchange_Organization_Original_Message_Class="IPM.Note.Rules.OofTemplate.Microsoft")
    assert auto_reply_reason(msg) is not None


# --- over the real stack: what each person receives ------------------------------------------

def score(network: Network, address: str) -> float:
    return members.get_by_email(network.db, address)["bounce_score"]


def test_a_members_forwarded_bounce_reaches_the_coordinators_and_scores_nobody(network):
    network.deliver(raw("From: Li Wei <li@example.org>\nTo: network@example.org\n"
                        "Subject: Fwd: Undelivered Mail Returned to Sender\nMessage-ID: <fwd-1@example.org>\n"
                        "Content-Type: multipart/mixed; boundary=\"M\"",
                        "--M\nContent-Type: text/plain\n\nThis came back when I wrote to Sofia. Is her address right?\n"
                        "--M\nContent-Type: message/rfc822\n\n"
                        + REPORT.replace("petra@old.example", "sofia@example.org") + "--M--\n"),
                    authenticated="pass")
    network.step()
    told = network.messages_to("amina@example.org", network.new_messages())
    assert len(told) == 1  # the coordinator receives Li's message
    assert score(network, "sofia@example.org") == 0 and score(network, "li@example.org") == 0


def test_a_delivery_receipt_does_not_count_as_a_bounce(network):
    from store.db import transaction
    from workflows.routing.context import Context

    with transaction(network.db):
        Context(network.db, network.start().rules, network.now).send(
            members.get_by_email(network.db, "li@example.org"), "help", subcommittees=[])
    network.step()
    sent = network.only_message_to("li@example.org", network.new_messages())
    receipt = delivery_report(sent.envelope_from, "li@example.org", "2.0.0", sent.data, "250 2.0.0 OK")
    receipt = receipt.replace(b"Action: delayed", b"Action: delivered").replace(
        b"Undelivered Mail Returned to Sender", b"Delivered: help")
    network.deliver(receipt, rcpt=sent.envelope_from)
    network.step()
    assert score(network, "li@example.org") == 0
    failed = delivery_report(sent.envelope_from, "li@example.org", "5.1.1", sent.data)
    network.deliver(failed, rcpt=sent.envelope_from)
    network.step()
    assert score(network, "li@example.org") == 1  # the same path counts a real failure


@pytest.mark.parametrize("first_line", [b"From MAILER-DAEMON Mon Feb  3 11:42:10 2025\n",
                                        b">From MAILER-DAEMON Mon Feb  3 11:42:10 2025\n",
                                        b"*** EOOH ***\n", b"\tbroken fold\n"])
def test_a_saved_message_with_a_stray_line_above_its_headers_is_read(first_line):
    data = daemon_notice("Mail delivery failed", "Delivery to mia@dest.example failed: 550 5.1.1 unknown\n")
    mail = read(first_line + data)
    assert mail.from_addr == "mailer-daemon@mail.provider.example"
    assert mail.bounce.addresses == ("mia@dest.example",) and mail.bounce.permanent


@pytest.mark.parametrize("text", [
    "Your message to kim@dest.example could not be delivered.\nFor help, write to support@isp-help.example.\n",
    "The following recipient could not be reached: kim@dest.example\nContact helpdesk@isp-help.example or call us.\n",
    "Ihre Nachricht an kim@dest.example ist unzustellbar. Bei Fragen wenden Sie sich an hilfe@isp-help.example.\n",
])
def test_an_address_named_only_to_write_to_is_not_the_failed_one(text):
    assert read(daemon_notice("failure notice", text)).bounce.addresses == ("kim@dest.example",)


def test_a_version_number_is_not_a_status_code():
    data = daemon_notice("Message delivery delayed", "Your message to kim@dest.example has not been "
                         "delivered yet.\nhMailServer version 5.6.8 will try again.\n")
    assert read(data).bounce.permanent is False
