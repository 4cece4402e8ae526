"""Machine mail told from a person's, widened for the blind batch 4 (#15, b4m_ files).

- A forwarded copy's bounce names the address that failed (the forward target) and, as
  `forwarded_from`, the address we sent to: DSN Original-Recipient, Postfix "(expanded from …)",
  Exim "(generated from …)", a forwarding service's "was forwarded to …". A server's internal
  routing name ("user@sims-ms-daemon") is no forward target. The coordinators' notice of a
  bouncing member names the forward target.
- A feedback report is read (and is no bounce); one forwarded by a person is that person's mail.
- Exchange's non-delivery reports are known by X-MS-Exchange-Message-Is-Ndr in any language.
- A list manager refusing a post in its text alone ("ezmlm response": "only subscribers may post").
- The list's own plus-addresses quoted in a transcript ("MAIL From:<network+b-…>") never failed.
- Weak signs of an automatic reply (the subject, Precedence: bulk) count only for a message that
  answers one and that no person's mail program wrote (X-Mailer, User-Agent).
"""
from __future__ import annotations

import pytest

from mailer.parse import parse_message
from bench.reading import OWN
from tests.test_machine_mail_reading import BOUNCE_TO, LIST, raw


def report(text: str, dsn: str = "", subject: str = "Undelivered Mail Returned to Sender") -> bytes:
    parts = f"--B\nContent-Type: text/plain\n\n{text}\n"
    if dsn:
        parts += f"--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n{dsn}\n"
    return raw(f"From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nTo: {BOUNCE_TO}\n"
               f"Subject: {subject}\nReturn-Path: <>\n"
               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"",
               parts + "--B--\n")


def test_a_dsn_of_a_forwarded_copy_names_the_target_and_the_address_we_sent_to():
    bounce = parse_message(report("Your message could not be delivered.", (
        "Original-Recipient: rfc822;marta@member.example\nFinal-Recipient: rfc822; m.o@webmail.example\n"
        "Action: failed\nStatus: 5.1.1\n")), LIST).bounce
    assert bounce.addresses == ("m.o@webmail.example",)
    assert dict(bounce.forwarded_from) == {"m.o@webmail.example": "marta@member.example"}
    assert bounce.sent_to == ("marta@member.example",)


def test_a_copy_relayed_through_the_same_alias_is_no_forward_of_the_failed_one():
    bounce = parse_message(report("Delivery to one of the alias's mailboxes failed.", (
        "Original-Recipient: rfc822;kevin@alias.example\nFinal-Recipient: rfc822;kevin.old@alias.example\n"
        "Action: failed\nStatus: 5.1.1\n\n"
        "Original-Recipient: rfc822;kevin@alias.example\nFinal-Recipient: rfc822;k.m@alias.example\n"
        "Action: relayed\nStatus: 2.0.0\n")), LIST).bounce
    assert bounce.addresses == ("kevin.old@alias.example",)
    assert dict(bounce.forwarded_from) == {"kevin.old@alias.example": "kevin@alias.example"}


@pytest.mark.parametrize("text", [
    "<m.o@webmail.example> (expanded from <marta@member.example>): host mx.webmail.example said:\n"
    "    550 5.1.1 User unknown (in reply to RCPT TO command)",
    "  m.o@webmail.example\n    (generated from marta@member.example)\n    SMTP error: 550 5.1.1 unknown",
    "Your message sent to marta@member.example was forwarded to m.o@webmail.example, which refused it: "
    "550 5.1.1 mailbox unavailable",
])
def test_a_reports_words_say_which_address_was_forwarded_where(text):
    bounce = parse_message(report(text), LIST).bounce
    assert bounce.addresses == ("m.o@webmail.example",)
    assert dict(bounce.forwarded_from) == {"m.o@webmail.example": "marta@member.example"}


def test_an_internal_routing_name_is_no_forward_target():
    bounce = parse_message(report("Mailbox unavailable.", (
        "Original-Recipient: rfc822;jimmy@go.example\nFinal-Recipient: rfc822;jimmy@sims-ms-daemon\n"
        "Action: failed\nStatus: 5.0.0\n")), LIST).bounce
    assert bounce.forwarded_from == () and "jimmy@go.example" in bounce.sent_to


@pytest.mark.parametrize("subject", ["Nelivrabil: [Vote 7] Budget", "Δεν είναι δυνατή η παράδοση: [Vote 7] Budget",
                                     "[Vote 7] Budget"])
def test_an_exchange_ndr_is_a_bounce_in_any_language(subject):
    mail = parse_message(raw(
        f"From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@corp.example>\n"
        f"To: {BOUNCE_TO}\nSubject: {subject}\nX-MS-Exchange-Message-Is-Ndr:\nContent-Type: text/html; charset=utf-8",
        "<p>Ein Text in einer Sprache.</p><p>ana@corp.example</p>"
        "<pre>Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'</pre>"), LIST)
    assert mail.bounce is not None and mail.bounce.addresses == ("ana@corp.example",) and mail.bounce.permanent


def test_a_list_managers_refusal_said_only_in_its_text():
    mail = parse_message(raw(
        f"From: allies-help@lists.example\nTo: {BOUNCE_TO}\nSubject: ezmlm response",
        "Hi! This is the ezmlm program. I'm managing the allies@lists.example mailing list.\n\n"
        "I'm sorry, only subscribers may post to this list.\n"), LIST)
    assert mail.bounce is not None and mail.bounce.addresses == ("allies@lists.example",)


def test_a_list_managers_confirmation_request_is_no_refusal():
    mail = parse_message(raw(
        f"From: allies-help@lists.example\nTo: {BOUNCE_TO}\nSubject: confirm subscribe to allies",
        "To confirm that you would like to be added to the allies list, reply to this message.\n"), LIST)
    assert mail.bounce is None


def test_our_own_envelope_sender_in_a_transcript_never_failed():
    mail = parse_message(raw(
        f"From: MAILER-DAEMON@old.example (Mail Delivery Subsystem)\nTo: {BOUNCE_TO}\n"
        "Subject: Returned mail: Service unavailable\nReturn-Path: <>",
        "   ----- Transcript of session follows -----\n>>> MAIL From:<network+b-zzzzzzzzzzzzzzzzzzzz@example.org>\n"
        "<<< 250 Sender ok\n>>> RCPT To:<ines@old.example>\n<<< 550 <ines@old.example>... Service unavailable\n"), LIST)
    assert mail.bounce is not None and mail.bounce.addresses == ("ines@old.example",)


REPLY = "In-Reply-To: <q7hx2m4kcp3vbn6wtz5d.a81f@example.org>\n"


@pytest.mark.parametrize("headers, automatic", [
    ("Subject: Out of office 16-27 February", False),  # a person's new message to the list
    ("Subject: Vacation: who covers the helpline?", False),  # a question
    ("Subject: Réponse automatique : [Vote 7] Budget", False),  # names our item but answers nothing
    # an autoresponder's title, but as a new message with no automatic header: an automatic reply
    # answers a message, so this is a person's (issue 15: "Out of Office: back Monday")
    ("Subject: Out of Office: away until Monday", False),
    (REPLY + "Subject: Out of Office: away until Monday", True),  # the same title answering ours
    (REPLY + "Subject: Out of office 16-27 February", True),  # the same words answering ours
    ("To: network+q7hx2m4kcp3vbn6wtz5d@example.org\nSubject: Abwesend bis 14.02.", True),  # sent to a token
    # Outlook's own automatic reply (a client rule, batch 13): its words before the item it answers,
    # where a person's Outlook writes "RE:"; a bare "Out of Office" from it names nothing answered
    (REPLY + "Subject: Automatic reply: [Vote 7] Budget\nX-Mailer: Microsoft Outlook 16.0", True),
    (REPLY + "Subject: Out of Office\nX-Mailer: Microsoft Outlook 16.0", False),
    (REPLY + "Subject: Re: [Vote 7] Budget\nPrecedence: bulk\nX-Mailer: Evolution 3.46", False),
    (REPLY + "Subject: Re: [Vote 7] Budget\nPrecedence: bulk", True),  # vacation(1)
    ("Subject: Re: [Vote 7] Budget\nAuto-Submitted: auto-replied\nUser-Agent: Thunderbird/115.6.0", True),
])
def test_weak_signs_count_only_for_an_answer_no_persons_program_wrote(headers, automatic):
    to = "" if "To:" in headers else f"To: {LIST}\n"
    mail = parse_message(raw(f"From: Ana <ana@corp.example>\n{to}{headers}", "I am away until 20 February.\n"), LIST)
    assert mail.auto_reply is automatic, mail.auto_reply_reason


def test_the_coordinators_hear_that_a_bouncing_members_forwarding_fails(network):
    """Over the real stack: a member's address forwards to a mailbox that refuses our mail; the
    report (its token names the member) counts against the member, and the coordinators' notice
    names the forward target."""
    from store import members
    from tests.test_bounce_scores import write_to

    network.settings.bounces.threshold = 1.0
    write_to(network, "li@example.org")
    sent = network.only_message_to("li@example.org", network.new_messages())
    headers = sent.data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].replace(b"\n", b"\r\n")
    dsn = (f"From: Mail Delivery System <MAILER-DAEMON@fwd.example.net>\r\nTo: {sent.envelope_from}\r\n"
           "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
           "--B\r\nContent-Type: text/plain\r\n\r\n<li.wei@old-isp.example> (expanded from <li@example.org>): "
           "host mx.old-isp.example said: 550 5.1.1 User unknown\r\n"
           "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; fwd.example.net\r\n\r\n"
           "Original-Recipient: rfc822;li@example.org\r\nFinal-Recipient: rfc822; li.wei@old-isp.example\r\n"
           "Action: failed\r\nStatus: 5.1.1\r\n--B\r\nContent-Type: text/rfc822-headers\r\n\r\n").encode() \
        + headers + b"\r\n--B--\r\n"
    network.deliver(dsn, rcpt=sent.envelope_from)
    network.step()
    (told,) = network.new_messages()
    assert told.to == "amina@example.org" and "Li Wei" in told.subject
    assert "li.wei@old-isp.example" in told.text and "forwards" in told.text
    assert members.get_by_email(network.db, "li@example.org")["bouncing"] == 1


def test_a_person_forwarding_a_feedback_report_wrote_that_message():
    """Only a report's own parts make a feedback report: a coordinator forwarding one (attached)
    wrote a person's message, which reaches the coordinators as such."""
    inner = (OWN / "feedback" / "b4m_arf_yahoo_cfl_abuse.eml").read_text(encoding="utf-8")
    mail = parse_message(raw(
        f"From: Amina <amina@example.org>\nTo: {LIST}\nSubject: Fwd: FW: [Vote 12] Adopt the 2026 workplan\n"
        "Content-Type: multipart/mixed; boundary=\"M\"",
        "--M\nContent-Type: text/plain\n\nWhat does this report mean?\n"
        f"--M\nContent-Type: message/rfc822\n\n{inner}\n--M--\n"), LIST)
    assert mail.feedback is None and mail.bounce is None and not mail.auto_reply


def test_a_feedback_report_is_read_and_is_no_bounce():
    mail = parse_message((OWN / "feedback" / "b4m_arf_jmrp_hotmail.eml").read_bytes(), LIST)
    assert mail.bounce is None
    assert (mail.feedback.feedback_type, mail.feedback.addresses) == ("abuse", ("benjamin.k@outlook-fbl-dest.example",))
    assert mail.feedback.complaint and (mail.feedback.bounce_token or mail.feedback.tokens)
