"""Machine mail widened for the blind batch 20 (#15, b20b_/b20a_/b20h_ files), each rule beside
the people's look-alikes (and the reports) that must stay as they were read:

- A member who runs her own small domain writes from postmaster@ in her mail program, her
  Return-Path her own, and tells of a bounce with its status code ("bounced with 550 5.1.1"): a
  status code in her words is no mail system's mark when no token of ours is in the message
  (`mailer.bounce_senders.written_like_a_person`). A report from postmaster@ that carries our
  bounce address, an Auto-Submitted header, a returned copy or a null envelope stays a bounce.
- A service's notice marked Auto-Submitted that reached our bounce address is read from any
  sender (Postmark's "Soft bounce: …" from support@): `mailer.bounce_service`. Without our bounce
  address in its delivery headers, without the mark, or written by a person, it is none.
- An X.400 gateway's "Non-Delivered Report" subject is a failure subject (`bounce_words`).
- "Original Message-ID: <id@host>" in a report's text is an id, never a failed address.
- The Unix vacation(1) names itself as the mail program ("X-Mailer: vacation 1.2.7"): an
  automatic reply by that header alone (`autoreply_headers`); a program whose name only holds
  the word is none.
- The Hebrew Outlook subject "מענה אוטומטי:" leads an automatic reply as "תשובה אוטומטית:" does.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read

TOKEN_TO = "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org"
LIST_TO = "To: network@example.org"
TB = "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0"


# ---- a member at postmaster@ of her own domain ----

def admin(body: str, extra: str = TB, to: str = LIST_TO, rp: str = "<postmaster@smallclub.example>",
          subject: str = "Address change for Tom") -> bytes:
    return raw("\n".join(h for h in (f"Return-Path: {rp}\nFrom: Postmaster (Lena) <postmaster@smallclub.example>\n{to}",
                                      f"Subject: {subject}", extra) if h), body)


@pytest.mark.parametrize("body", [
    "Tom's old address tom@smallclub.example is gone; please use tom.b@smallclub.example. "
    "Your last mail to him bounced with 550 5.1.1 user unknown.\n\nLena\n",
    "Hi, our server refused your newsletter (554 5.7.1 policy) because of the link shortener. "
    "I've whitelisted network@example.org now.\n\nLena\n",
    "FYI: mail to anna@smallclub.example could not be delivered (552 5.2.2 mailbox full). "
    "I've told her to clean up.\n\nLena\n",
    "Delivery to bo@smallclub.example failed with 5.1.1 — he left the club in June. Please remove him.\n",
    "We had an outage; if you got 451 4.3.0 errors for kim@smallclub.example yesterday, please resend.\n",
    "Returned mail from our side was my mistake: 550 5.1.1 for eva@smallclub.example. Fixed now.\n",
])
def test_a_member_at_postmaster_of_her_own_domain_telling_of_a_status_code_is_a_person(body):
    m = read(admin(body))
    assert m.bounce is None


@pytest.mark.parametrize("extra", [TB, "X-Mailer: Microsoft Outlook 16.0", "User-Agent: Mutt/2.2.12 (2023-09-09)",
                                   "X-Mailer: Apple Mail (2.3774.300.61.1.2)"])
def test_the_same_words_in_any_persons_mail_program_stay_hers(extra):
    m = read(admin("Your mail to tom@smallclub.example bounced with 550 5.1.1 user unknown. "
                   "Use tom.b@smallclub.example.\n\nLena\n", extra=extra))
    assert m.bounce is None


def test_a_report_from_postmaster_with_our_bounce_address_stays_a_bounce():
    m = read(admin("Delivery to tom@smallclub.example failed: 550 5.1.1 user unknown.\n", to=TOKEN_TO,
                   subject="Delivery failure"))
    assert m.bounce is not None and "tom@smallclub.example" in m.bounce.addresses and m.bounce.permanent


def test_a_report_from_postmaster_marked_automatic_stays_a_bounce():
    m = read(admin("Delivery to tom@smallclub.example failed: 550 5.1.1 user unknown.\n",
                   extra=TB + "\nAuto-Submitted: auto-replied", subject="Delivery failure"))
    assert m.bounce is not None and m.bounce.addresses == ("tom@smallclub.example",)


def test_a_report_from_postmaster_with_a_null_envelope_stays_a_bounce():
    m = read(admin("Delivery to tom@smallclub.example failed: 550 5.1.1 user unknown.\n", rp="<>",
                   subject="Delivery failure"))
    assert m.bounce is not None and m.bounce.addresses == ("tom@smallclub.example",)


def test_a_report_from_postmaster_in_no_persons_program_stays_a_bounce():
    m = read(admin("Delivery to tom@smallclub.example failed: 550 5.1.1 user unknown.\n", extra="",
                   subject="Delivery failure"))
    assert m.bounce is not None and m.bounce.addresses == ("tom@smallclub.example",)


# ---- a service's notice marked automatic, from any sender ----

POSTMARK = ("Hi there,\n\nThe message you sent to ruth@full.example could not be delivered.\n\n"
            "Type: Soft bounce\n\nDetails:\n452 4.2.2 The email account that you tried to reach is over quota.\n")


def service(sender: str = "Postmark Support <support@pm.example>", to: str = TOKEN_TO,
            extra: str = "Auto-Submitted: auto-generated", rp: str = "<pm_bounces@pm.example>",
            subject: str = "Soft bounce: [Vote 8] Move the meeting", body: str = POSTMARK) -> bytes:
    return raw("\n".join(h for h in (f"Return-Path: {rp}\nFrom: {sender}\n{to}\nSubject: {subject}", extra) if h), body)


def test_a_services_notice_marked_automatic_to_our_bounce_address_is_read_from_any_sender():
    m = read(service())
    assert m.bounce is not None and m.bounce.addresses == ("ruth@full.example",) and not m.bounce.permanent


@pytest.mark.parametrize("kwargs", [
    {"to": LIST_TO},  # not delivered to our bounce address
    {"extra": ""},  # not marked automatic
    {"extra": "Auto-Submitted: no"},
    {"extra": "Auto-Submitted: auto-generated\n" + TB},  # a person's mail program
    {"extra": "Auto-Submitted: auto-generated\nIn-Reply-To: <convenor.vote8@example.org>"},  # answers a message
    {"extra": "Auto-Submitted: auto-generated\nList-Id: <news.pm.example>"},  # a list's traffic
    {"rp": "<support@pm.example>"},  # its own mailbox takes its replies
    {"body": "Hi there,\n\nThe message you sent to ruth@full.example could not be delivered. Mailbox full.\n"},  # no SMTP reply
    {"subject": "Soft launch: [Vote 8] Move the meeting"},  # no failure subject
    {"subject": "Your plan: bounce back after the holidays"},
])
def test_a_notice_missing_one_mark_of_ours_is_no_bounce(kwargs):
    m = read(service(**kwargs))
    assert m.bounce is None


# ---- X.400's "Non-Delivered Report" ----

X400 = ("**** Non-Delivered Report ****\n\nThe following recipients did not receive your message:\n\n"
        "  Recipient: c.dupont@gw.example\n  Reason: Unable-To-Transfer\n  Diagnostic: Unrecognised-ORName\n\n"
        "Original Message-ID: <convenor.vote8.9d2f31@example.org>\n")


def test_an_x400_non_delivered_report_is_a_bounce_naming_its_recipient_not_the_ids():
    m = read(raw(f"Return-Path: <>\nFrom: X400 Gateway <postmaster@gw.example>\n{TOKEN_TO}\n"
                 "Subject: Non-Delivered Report: [Vote 8] Move the meeting", X400))
    assert m.bounce is not None and m.bounce.addresses == ("c.dupont@gw.example",) and m.bounce.permanent


@pytest.mark.parametrize("subject, body", [
    ("Non-delivered report from the courier", "The courier says the parcel to the shelter was non-delivered. "
     "Report attached on paper. Can someone call them?\n\nMark\n"),
    ("Non-Delivered Report", "Our monthly non-delivered report for the food bank: 3 boxes, all to "
     "the Lyon depot.\n\nMark\n"),
    ("Re: Non-Delivered Report: [Vote 8] Move the meeting", "What does this mean? I voted YES.\n\nMark\n"),
])
def test_a_members_non_delivered_subject_stays_hers(subject, body):
    m = read(raw(f"Return-Path: <mark@home.example>\nFrom: Mark Owens <mark@home.example>\n{LIST_TO}\n"
                 f"Subject: {subject}", body))
    assert m.bounce is None


def test_an_original_message_id_line_is_never_the_failed_address_but_an_original_recipient_is():
    body = ("Your message could not be delivered.\n\nOriginal recipient: ana@gw.example\n"
            "Original Message-ID: <abc.123@example.org>\n")
    m = read(raw(f"Return-Path: <>\nFrom: MAILER-DAEMON@gw.example\n{TOKEN_TO}\nSubject: Undeliverable", body))
    assert m.bounce is not None and m.bounce.addresses == ("ana@gw.example",)


# ---- the Unix vacation program ----

def vacation(program: str, subject: str = "away from my mail", precedence: str = "Precedence: junk",
             body: str = "I will not be reading my mail for a while.\n") -> bytes:
    headers = [f"Return-Path: <eward@cs.example>\nFrom: Ellen Ward <eward@cs.example>\n{LIST_TO}",
               f"Subject: {subject}\nIn-Reply-To: <convenor.vote8@example.org>", precedence, program]
    return raw("\n".join(h for h in headers if h), body)


@pytest.mark.parametrize("program", ["X-Mailer: vacation 1.2.7", "X-Mailer: vacation", "X-Mailer: Autoresponder 2.1",
                                     "User-Agent: vacation/1.2.8"])
def test_a_vacation_program_naming_itself_is_an_automatic_reply(program):
    assert read(vacation(program, precedence="")).auto_reply


@pytest.mark.parametrize("program", ["X-Mailer: Vacation Planner Mail 3.1", "X-Mailer: vacationrentals-mailer 2",
                                     "User-Agent: Thunderbird/128.5.0 vacation", "X-Mailer: Microsoft Outlook 16.0",
                                     "X-Mailer: Holiday Vacation Club CRM"])
def test_a_program_only_holding_the_word_is_no_vacation_program(program):
    body = "YES, and I'm on vacation next week so voting early.\n\nEllen\n"
    m = read(vacation(program, subject="Re: [Vote 8] Move the meeting", precedence="", body=body))
    assert not m.auto_reply


# ---- Hebrew Outlook subject ----

def hebrew(subject: str, answers: bool = True, body: str = "אני מחוץ למשרד עד ה-6 בינואר.\n") -> bytes:
    irt = "\nIn-Reply-To: <convenor.vote8@example.org>" if answers else ""
    return raw(f"Return-Path: <dana@il.example>\nFrom: Dana Levi <dana@il.example>\n{LIST_TO}\n"
               f"Subject: {subject}{irt}", body)


def test_the_hebrew_automatic_reply_subject_leads_an_automatic_reply():
    assert read(hebrew("מענה אוטומטי: [Vote 8] Move the meeting")).auto_reply


@pytest.mark.parametrize("subject, answers", [
    ("Re: מענה אוטומטי: [Vote 8] Move the meeting", True),  # a person answering one
    ("מענה אוטומטי: [Vote 8] Move the meeting", False),  # a new message answers nothing
])
def test_a_person_writing_the_hebrew_words_stays_a_person(subject, answers):
    assert not read(hebrew(subject, answers, body="כן, אני בעד.\n\nדנה\n")).auto_reply
