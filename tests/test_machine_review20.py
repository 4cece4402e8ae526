"""Review of batch 20's machine-mail rules (review b20ab): the look-alikes those rules took wrongly,
each next to the message the rule was made for, which must stay as it is read.

- A notice to our bounce address from any sender (Postmark's "Soft bounce: …" from support@) is read
  only when it is a program's own notice: Auto-Submitted "auto-generated" (an answer to our message,
  a vacation or a help desk's receipt, is "auto-replied"), its subject opening with the failure's
  words (not "Automatic reply: [Vote 9] Postpone the delayed AGM", whose failure word is our own
  title's), no writer speaking as one person ("I copied this address …"); and on every path of a
  service's notice an SMTP reply of a failure or a delay ("250 2.0.0 Ok" is a delivery).
- A status code in the words of a sender at postmaster@ in her mail program is hers when no token
  of ours is in the message; but not when the From names a mail system (MAILER-DAEMON, "Mail
  Delivery System"), which no member writes as.
- Hebrew's "מענה אוטומטי" leads an automatic reply only as the whole subject or before a colon and
  the item it answers: no letter case tells a member's topic from it, and no Hebrew answer word is
  known to the subject checks.
- "Questions? Write to help@…" in a notice names a contact, never the failed recipient.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read

BOUNCE_TO = "To: network+b-ydouzbhnxfyojjywwre6iz4ioe@example.org"
LIST_TO = "To: network@example.org"
GENERATED = "Auto-Submitted: auto-generated"
REPLIED = "Auto-Submitted: auto-replied"
OUTLOOK = "X-Mailer: Microsoft Outlook 16.0"


def sent(sender: str, subject: str, body: str, rp: str, to: str = BOUNCE_TO, extra: str = "") -> bytes:
    return raw("\n".join(h for h in (f"Return-Path: {rp}\nFrom: {sender}\n{to}\nSubject: {subject}", extra) if h), body)


# ---- a notice to our bounce address from any sender ----

POSTMARK = ("Hi there,\n\nThe message you sent to ruth@full.example could not be delivered.\n\n"
            "Details:\n452 4.2.2 Mailbox over quota.\n")


def test_a_services_generated_notice_to_our_bounce_address_stays_a_bounce_from_any_sender():
    m = read(sent("Postmark Support <support@pm.example>", "Soft bounce: [Vote 8] Move the meeting", POSTMARK,
                  "<pm_bounces@pm.example>", extra=GENERATED))
    assert m.bounce is not None and m.bounce.addresses == ("ruth@full.example",) and not m.bounce.permanent


@pytest.mark.parametrize("subject", ["Delivery failure: [Vote 8] Move the meeting", "Hard bounce: [Vote 8] Move the meeting",
                                     "Delivery failed", "Undelivered: [Vote 8] Move the meeting"])
def test_a_notice_whose_subject_opens_with_the_failure_is_read(subject):
    m = read(sent("ESP <service@esp.example>", subject, "Your message to kai@gone.example could not be delivered.\n\n"
                  "Recipient: kai@gone.example\nReason: 550 5.1.1 unknown user\n", "<esp-bounces-77@esp.example>",
                  extra=GENERATED))
    assert m.bounce is not None and m.bounce.addresses == ("kai@gone.example",) and m.bounce.permanent


MOVED = ("Hello,\n\nI have left Harbour Trust. Mail to this address is not delivered after 31 December "
         "(the server will answer 550 5.1.1).\nPlease write to anna.berg@newjob.example instead.\n\nAnna Berg\n")
QUOTED_NOTICE = ("Thank you for your message. We have received it as ticket #48213 and will answer within two days.\n\n"
                 "Your message:\n\nHello Maria,\n\nThe mail server refused for good a message to Tom Berg <tom@gone.example>:\n"
                 "\"[Vote 8] Move the meeting\"\n\nServer's answer: 550 5.1.1 <tom@gone.example>: Recipient address rejected\n")


@pytest.mark.parametrize("sender, subject, body, mark", [
    # a member's responder telling of her closing address: her new address is no failed one
    ("Anna Berg <anna@harbour.example>", "Address closing — mail not delivered after 31 Dec", MOVED, REPLIED),
    # the failure word is our vote's own title, after the responder's words
    ("Anna Berg <anna@harbour.example>", "Automatic reply: [Vote 9] Postpone the delayed AGM", MOVED, REPLIED),
    ("Anna Berg <anna@harbour.example>", "Automatic reply: [Vote 9] Postpone the delayed AGM", MOVED, GENERATED),
    ("Kai Stern <kai@harbour.example>", "Out of office: [Vote 9] Undelivered food parcels",
     "I am away until 4 January. Our depot answers mail to depot@harbour.example; if you get 452 4.2.2 from it, "
     "its box is full.\n\nKai\n", REPLIED + " (vacation)"),
    # a help desk's receipt quoting our notice to a coordinator, with its server's answer
    ("Harbour Helpdesk <helpdesk@harbour.example>", "[Ticket #48213] [Green Network] A message could not be delivered",
     QUOTED_NOTICE, REPLIED),
    ("Harbour Helpdesk <helpdesk@harbour.example>", "Received: [Green Network] A message could not be delivered",
     QUOTED_NOTICE, REPLIED),
    ("Harbour Helpdesk <helpdesk@harbour.example>", "Received: [Green Network] A message could not be delivered",
     QUOTED_NOTICE, GENERATED),
    # a list's hold for moderation answers our message
    ("Board list <board-owner@lists.club.example>", "Message delayed: held for moderation",
     "Your message to board@lists.club.example is held until a moderator approves it.\n"
     "Recipient: board@lists.club.example\n450 4.7.1 held for moderation\n", REPLIED),
])
def test_an_answer_to_our_message_that_reached_our_bounce_address_is_no_bounce(sender, subject, body, mark):
    m = read(sent(sender, subject, body, "<responder@mailhost.harbour.example>", extra=mark))
    assert m.bounce is None
    assert m.auto_reply  # still an automatic reply: never answered


@pytest.mark.parametrize("sender, subject, body", [
    ("Delivery Receipts <receipts@mailhost.example>", "Delivery report: [Vote 8] Move the meeting",
     "Your message was delivered.\n\nRecipient: ruth@full.example\nStatus: 250 2.0.0 OK: queued as 4F1A2\n"),
    ("Tracking <tracking@esp.example>", "Delivery notification: [Vote 8] Move the meeting",
     "Good news: your message reached its recipient.\n\nTo: kai@ok.example\nServer reply: 250 2.0.0 Ok\n"),
    ("ESP <service@esp.example>", "Delivery status: [Vote 8] Move the meeting",
     "Recipient: kai@ok.example\nResult: 250 2.0.0 accepted for delivery\n"),
    ("Spam Quarantine <quarantine@filter.member.example>", "Message delayed: [Vote 8] Move the meeting",
     "Your message to ruth@member.example was held for review and has now been released and delivered.\n"
     "Final answer: 250 2.0.0 Ok\n"),
])
def test_a_notice_of_a_delivery_is_no_bounce(sender, subject, body):
    assert read(sent(sender, subject, body, "<notices-bounce@mailhost.example>", extra=GENERATED)).bounce is None


def test_a_no_reply_senders_notice_of_a_delivery_is_no_bounce_either():
    m = read(sent("ESP <no-reply@esp.example>", "Delivery status: [Vote 8] Move the meeting",
                  "Recipient: kai@ok.example\nResult: 250 2.0.0 accepted for delivery\n", "<esp-bounces-77@esp.example>"))
    assert m.bounce is None


def test_a_member_who_copied_our_bounce_address_behind_a_gateway_that_marks_all_mail_is_no_bounce():
    m = read(sent("Ola Nord <ola@member-org.example>", "Delivery failure of your newsletter",
                  "Hi,\n\nI copied this address from the report our gateway sent you. Our filter refused your newsletter "
                  "with 550 5.7.1 (SPF fail). Please fix SPF; until then write to ola.private@home.example.\n\nOla, IT\n",
                  "<bounces+ola=member-org.example@sig.gateway.example>", extra=GENERATED))
    assert m.bounce is None


@pytest.mark.parametrize("footer", ["Need help? Write to support-team@relay.example.",
                                    "Questions? Reply to help@relay.example and we will look into it."])
def test_a_notices_contact_address_is_not_the_failed_one(footer):
    m = read(sent("Relay <service@relay.example>", "Delivery failure: [Vote 8] Move the meeting",
                  f"Recipient: kai@gone.example\nReason: 550 5.1.1 unknown user\n\n{footer}\n", "<rn-9@relay.example>",
                  extra=GENERATED))
    assert m.bounce is not None and m.bounce.addresses == ("kai@gone.example",)


@pytest.mark.parametrize("more", ["", "Sign in to My Account to see the details.\n"])
def test_a_notice_that_says_mail_to_the_recipient_failed_names_that_recipient(more):
    m = read(sent("Relay <service@relay.example>", "Delivery failure: [Vote 8] Move the meeting",
                  "Your mail to kai@gone.example was refused: 550 5.1.1 unknown user\n" + more, "<rn-9@relay.example>",
                  extra=GENERATED))
    assert m.bounce is not None and m.bounce.addresses == ("kai@gone.example",)


# ---- a status code from postmaster@ and from a mail system's name ----

REPORT = "Your message to tom@smallclub.example could not be delivered.\n\n550 5.1.1 <tom@smallclub.example>: user unknown\n"


@pytest.mark.parametrize("sender, subject", [
    ("Mail Delivery System <MAILER-DAEMON@smallclub.example>", "Mail delivery failed: returning message to sender"),
    ("Mail Delivery System <postmaster@smallclub.example>", "Undelivered Mail Returned to Sender"),
])
def test_a_mail_systems_report_sent_from_its_own_mailbox_in_a_mail_program_stays_a_bounce(sender, subject):
    rp = "<" + sender.split("<")[1]
    m = read(sent(sender, subject, REPORT, rp, to=LIST_TO, extra=OUTLOOK))
    assert m.bounce is not None and m.bounce.addresses == ("tom@smallclub.example",) and m.bounce.permanent


@pytest.mark.parametrize("sender", ["Lena Park <postmaster@smallclub.example>", "Postmaster (Lena) <postmaster@smallclub.example>"])
def test_a_member_at_postmaster_telling_of_the_same_code_stays_a_person(sender):
    m = read(sent(sender, "Undeliverable: your mail to Tom", "Hi,\n\nYour ballot to tom@smallclub.example got "
                  "550 5.1.1 from us. Tom is tom.b@smallclub.example now.\n\nLena\n", "<postmaster@smallclub.example>",
                  to=LIST_TO, extra=OUTLOOK))
    assert m.bounce is None and not m.auto_reply


# ---- Hebrew's "מענה אוטומטי" ----

def hebrew(subject: str, body: str) -> bytes:
    return raw(f"Return-Path: <dana@il.example>\nFrom: Dana Levi <dana@il.example>\n{LIST_TO}\nSubject: {subject}\n"
               "In-Reply-To: <convenor.vote8@example.org>", body)


@pytest.mark.parametrize("subject", ["מענה אוטומטי: [Vote 8] Move the meeting", "מענה אוטומטי"])
def test_the_hebrew_automatic_reply_before_the_item_it_answers_is_one(subject):
    assert read(hebrew(subject, "אני מחוץ למשרד עד ה-6 בינואר.\n")).auto_reply


@pytest.mark.parametrize("subject", [
    "מענה אוטומטי: כן",  # "automatic reply: yes"
    "מענה אוטומטי: בעד",  # "…: in favour"
    "מענה אוטומטי (שאלה)",  # "… (a question)"
    "מענה אוטומטי לשאלות נפוצות",  # "an automatic answer to frequent questions"
    "מענה אוטומטי – הצעה לוועד",  # "… – a proposal to the board"
    "מענה אוטומטי: הצעה לוועד",
    "מענה אוטומטי 24/12",
])
def test_a_member_writing_the_hebrew_words_as_her_own_subject_stays_a_person(subject):
    m = read(hebrew(subject, "אני מציעה שנגדיר מענה אוטומטי בחגים. כן, אני בעד.\n\nדנה\n"))
    assert not m.auto_reply and m.bounce is None
