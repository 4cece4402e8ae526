"""The classes of mail batch 7 of the own corpus taught the readers (issue #15), each with the
look-alikes that must read as before: a person's message is never taken for machine mail.

Each case is a whole message as a mail program writes it, read through `parse_message` as
`convenor inspect --json` and the daemon read it.
"""
from __future__ import annotations

import pytest

from mailer.parse import parse_message

LIST = "network@example.org"
CIRCULATION = """> Hello Tom,
>
> Sam Carter is circulating a draft for your feedback: "Volunteer expenses policy" (Draft 21).
>
> Feedback is due by Friday 6 March 2026 at 17:00.
"""


def read(headers: str, body: str, charset: str = "utf-8"):
    raw = (headers.strip() + f"\nMIME-Version: 1.0\nContent-Type: text/plain; charset={charset}\n"
           "Content-Transfer-Encoding: 8bit\n\n" + body).encode(charset)
    return parse_message(raw, LIST)


REPLY = """From: Tom Ellis <tom@member.example>
To: Refuge Network <network+d21-Xk4p@example.org>
Subject: Re: [Draft 21] Volunteer expenses policy
Message-ID: <r1@member.example>
In-Reply-To: <d21@example.org>
"""


# ---------------------------------------------------------------- an app's sign-off with its link

@pytest.mark.parametrize("signoff", [
    "Sent with Canary (https://canarymail.io)",
    "Sent via Spike https://spikenow.com",
    "Sent from Mailspring ( https://getmailspring.com )",
])
def test_an_apps_sign_off_followed_by_its_link_is_no_part_of_the_text(signoff):
    mail = read(REPLY, f"Receipts under 10 pounds should not be needed.\n\n{signoff}\n\n"
                       f"On Mon, 2 Mar 2026 at 10:00, Refuge Network <network@example.org> wrote:\n{CIRCULATION}")
    assert mail.new_text == "Receipts under 10 pounds should not be needed."


def test_a_sentence_with_a_link_that_opens_like_a_sign_off_stays():
    mail = read(REPLY, "Sent with love (https://cards.example/xyz) from all of us at the shelter.\n")
    assert "Sent with love" in mail.new_text
    mail = read(REPLY, "Thanks!\n\nSent with love (https://cards.example/xyz)\n")
    assert "Sent with love" in mail.new_text  # no app named: a person's words


# ---------------------------------------------------------------- colons of other scripts

def test_an_attribution_closed_by_an_armenian_colon_is_cut():
    mail = read(REPLY, "Համաձայն եմ։\n\nԵրկ, 2 մրտ, 2026 թ., 10:00 Refuge Network <network+d21-Xk4p@example.org>"
                       f" գրել է՝\n\n{CIRCULATION}")
    assert mail.new_text == "Համաձայն եմ։"


def test_a_members_own_line_ending_in_an_armenian_sign_stays():
    mail = read(REPLY, "Իմ երկու դիտողությունները՝\nԱռաջինը՝ ժամկետը։\nԵրկրորդը՝ գումարը։\n")
    assert "Իմ երկու դիտողությունները" in mail.new_text and "Երկրորդը" in mail.new_text


# ---------------------------------------------------------------- one marked comment in a `>` original

OUTLOOK_BLOCK = """-----Original Message-----
From: Refuge Network <network+d21-Xk4p@example.org>
Sent: Monday, March 2, 2026 10:00 AM
To: Moses Okafor <moses@member.example>
Subject: [Draft 21] Volunteer expenses policy

"""


def test_one_marked_comment_inside_a_prefixed_original_reaches_the_text():
    body = ("See my comment below.\n\n" + OUTLOOK_BLOCK + "> Hello Moses,\n>\n> Feedback is due by Friday.\n"
            "[Moses] Should be 'before the deadline', not 'by'.\n>\n> To answer, reply to this email.\n")
    mail = read(REPLY, body)
    assert "See my comment below." in mail.new_text
    assert "[Moses] Should be 'before the deadline', not 'by'." in mail.new_text
    assert "To answer, reply" not in mail.new_text


def test_a_bracketed_line_of_an_unprefixed_original_stays_in_the_quote():
    body = ("Fine by me.\n\n" + OUTLOOK_BLOCK + "Hello Moses,\n\n[Note] Feedback is due by Friday.\n\n"
            "To answer, reply to this email.\n")
    mail = read(REPLY, body)
    assert mail.new_text == "Fine by me."


# ---------------------------------------------------------------- a mailbox's notice about itself

AUTO = """From: {name} <{addr}>
To: network+v12-Qm3t@example.org
Subject: {subject}
Message-ID: <a1@old.example>
"""


@pytest.mark.parametrize("subject,body,charset", [
    ("My email address has changed", "Hello,\n\nPlease write to me at ruth@new.example from now on.\n\n"
     "Messages sent to this address are not forwarded.\n", "utf-8"),
    ("RE: [Announcement] Spring assembly", "Este buzón ya no se revisa. Su mensaje no será leído ni reenviado.\n",
     "utf-8"),
    ("Adresse", "Cette adresse n'est plus consultée. Écrivez à contact@new.example.\n", "utf-8"),
    ("Postfach", "Dieses Postfach wird nicht mehr gelesen. Bitte schreiben Sie an info@neu.example.\n", "utf-8"),
    ("メールアドレス変更のお知らせ", "このメールアドレスは現在使用しておりません。\n\n※このメールは自動送信されています。\n",
     "iso-2022-jp"),
    ("Notice", "This mailbox is no longer monitored. Please use office@new.example.\n", "utf-8"),
])
def test_a_mailbox_saying_it_is_no_longer_read_is_an_automatic_reply(subject, body, charset):
    mail = read(AUTO.format(name="Old Office", addr="office@old.example", subject=subject), body, charset)
    assert mail.auto_reply, mail.auto_reply_reason


@pytest.mark.parametrize("subject,body", [
    ("I have left the Caritas office", "Dear coordinators,\n\nI no longer work at Caritas; my old address is no "
     "longer monitored. Please send the ballots to Francesca from now on.\n\nChiara\n"),
    ("Re: [Vote 12] Adopt the 2026 budget", "This is Ahmed writing from my new address - the old one is no longer "
     "monitored, please replace it.\nOn the fee scale: YES.\n"),
    ("New address", "Please send network mail to this address from now on. YES to the budget.\n"),
    ("Re: This mailbox is not monitored", "Your notice says this mailbox is not monitored - where should our vote "
     "go? We vote YES.\n"),
])
def test_a_person_writing_about_an_address_no_longer_read_is_a_person(subject, body):
    mail = read(AUTO.format(name="Chiara Russo", addr="chiara@personal.example", subject=subject), body)
    assert not mail.auto_reply, mail.auto_reply_reason
    assert mail.bounce is None


def test_a_forwarded_mailbox_notice_is_a_persons_forward():
    mail = read(AUTO.format(name="Ahmed", addr="ahmed@member.example", subject="Fwd: Automatic reply: [Announcement] x"),
                "Please remove Sara from the list.\n\n---------- Forwarded message ---------\nFrom: Sara <sara@x.example>\n"
                "Subject: Automatic reply\n\nThis mailbox is no longer monitored.\n")
    assert not mail.auto_reply, mail.auto_reply_reason


# ---------------------------------------------------------------- a statement taken back

@pytest.mark.parametrize("body", [
    "This is an automatic reply. Just kidding – it's really me. I vote NO.\n",
    "This is an automatic reply... only joking! YES from me.\n",
    "Dies ist eine automatische Antwort. Kleiner Scherz: ich stimme mit JA.\n",
])
def test_an_automatic_reply_sentence_taken_back_at_once_is_a_persons_joke(body):
    mail = read(REPLY.replace("Draft 21] Volunteer expenses policy", "Vote 12] Adopt the 2026 budget"), body)
    assert not mail.auto_reply, mail.auto_reply_reason


def test_an_automatic_reply_that_goes_on_about_an_absence_is_still_one():
    mail = read(REPLY, "This is an automatic reply. I am away until Monday 23 March with no access to email.\n")
    assert mail.auto_reply


# ---------------------------------------------------------------- a no-reply sender in a person's mail program

NO_REPLY = """From: Eva Novak <no-reply@member-shelter.example>
To: network+v12-Qm3t@example.org
Subject: Re: [Vote 12] Adopt the 2026 budget
Message-ID: <n1@member-shelter.example>
In-Reply-To: <v12@example.org>
{client}
"""


@pytest.mark.parametrize("client", ["User-Agent: Roundcube Webmail/1.6.9", "User-Agent: Mozilla Thunderbird 128.8.0",
                                    "X-Mailer: Microsoft Outlook 16.0", "X-Mailer: iPhone Mail (22D72)"])
def test_a_person_writing_from_a_no_reply_address_in_a_mail_program_is_a_person(client):
    mail = read(NO_REPLY.format(client=client), "Hello, this is Eva from the shelter. We vote YES.\n\nEva Novak\n")
    assert not mail.auto_reply, mail.auto_reply_reason


@pytest.mark.parametrize("client", ["", "X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)",
                                    "X-Mailer: Zendesk Mailer"])
def test_a_no_reply_sender_without_a_persons_mail_program_is_still_automatic(client):
    mail = read(NO_REPLY.format(client=client), "Thank you, your message has been received.\n")
    assert mail.auto_reply


# ---------------------------------------------------------------- bounces

BOUNCE = """Return-Path: <>
From: CommuniGate Pro PIPE <MAILER-DAEMON@mail.hromada.example>
To: network+b-0l3gcg@example.org
Subject: Undeliverable mail: [Announcement] Spring assembly
Message-ID: <auto-1@mail.hromada.example>
Auto-Submitted: auto-replied
"""


@pytest.mark.parametrize("id_line", ["Original-Message-Id: <an7r2kq.1@example.org>",
                                     "Message ID: <an7r2kq.1@example.org>",
                                     "Resent-Message-ID: <an7r2kq.1@example.org>"])
def test_a_message_id_named_in_a_report_is_not_a_failed_address(id_line):
    mail = read(BOUNCE, "Failed to deliver to 'oleg@hromada.example'\nSMTP module(domain hromada.example) reports:\n"
                        f" mx.hromada.example: 550 5.1.1 <oleg@hromada.example> unknown or illegal alias\n\n{id_line}\n")
    assert mail.bounce is not None
    assert mail.bounce.addresses == ("oleg@hromada.example",)
    assert mail.bounce.permanent


CHALLENGE = """Return-Path: <>
From: Pedro Ruiz <pedro+confirm+1774429200.12345@tmda-user.example>
To: network@example.org
Subject: Please confirm your message
Message-ID: <TMDA.1@tmda-user.example>
Precedence: bulk
Auto-Submitted: auto-replied
"""


def test_a_challenge_asking_to_confirm_you_are_a_person_over_a_line_break_is_not_a_bounce():
    mail = read(CHALLENGE, "This message was created automatically by mail delivery software.\n\n"
                           "A message that you sent has not yet been delivered to one or more of its\n"
                           "recipients. I use a program called TMDA to protect my mailbox from spam.\n\n"
                           "Your message will be delivered as soon as you confirm that you are a\n"
                           "person and not a machine. To confirm, simply reply to this message; the\n"
                           "contents of your reply are not important. Alternatively, visit:\n\n"
                           "    http://tmda-user.example/cgi-bin/tmda.cgi?c=1774429200.12345\n\n"
                           "--- Enclosed is a copy of the request I received.\n\n"
                           "Subject: [Vote 12] Adopt the 2026 budget\nFrom: Refuge Network <network@example.org>\n")
    assert mail.bounce is None
    assert mail.auto_reply


def test_a_delay_warning_that_speaks_of_no_person_is_still_a_soft_bounce():
    mail = read(BOUNCE.replace("Undeliverable mail", "Warning: message 1vQm3T delayed 24 hours"),
                "This message was created automatically by mail delivery software.\n\n"
                "A message that you sent has not yet been delivered to one or more of its\n"
                "recipients after more than 24 hours on the queue.\n\n  mette@forening.example\n"
                "    Connection timed out\n\nNo action is required on your part. Delivery attempts will continue.\n")
    assert mail.bounce is not None and not mail.bounce.permanent
    assert mail.bounce.addresses == ("mette@forening.example",)
