"""Machine mail widened for the blind batch 17 (#15, b17a_/b17b_ files), each rule with the
persons' look-alikes that must not change (tests/corpus_own/humans/b17h_r_* hold them as whole
messages too):

- A challenge-response filter's ask to prove the sender a person, addressed to them, in Chinese,
  Japanese and Korean ("请点击以下链接验证您是真人", "人間であることを確認してください", "사람인지
  확인해 주세요"), with its link: machine mail. A member telling of a sign-up page ("要我验证我是真人"),
  quoting it in 「」 or '' or “”, or forwarding one stays a person's.
- A help desk's receipt for a "service/support request #N", or one naming the ticket it opened
  after the verb ("Your ticket has been created with ticket ID #CHR00421", "… logged with request id
  ##4417##"). A person telling of one in the first person, or of one opened with someone ("with the
  housing office"), or after a bare answer stays a person's.
- A mail system's or filter's address (postmaster@, quarantine@ …) on a message with a null
  return path (a greylisting or quarantine-release notice): machine mail, not a bounce. The same
  address with a return path (a person writing from postmaster@) stays a person's.
- A no-reply address no longer makes a message that opens with a bare answer machine mail
  ("Ja, I agree." from noreply.maria@…).
"""
from __future__ import annotations

import pytest

from mailer.autoreply_words import says_it_is_automatic
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network@example.org"
LINK = "https://verify.example/c/4410"


def mail(subject: str, body: str, sender: str = "Staff <staff@corp.example>", extra: str = "",
         answer: str = ANSWER) -> bytes:
    return raw(f"From: {sender}\n{answer}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("body", [
    f"为了让您的邮件送达，请点击以下链接验证您是真人：\n{LINK}\n",
    f"メールを配送するため、人間であることを確認してください。\n{LINK}\n",
    f"메일이 전달되려면 아래 링크에서 사람인지 확인해 주세요.\n{LINK}\n",
])
def test_a_challenge_in_chinese_japanese_korean_is_machine_mail(body):
    notice = read(mail("发件人验证", body, "antispam@filter.example"))
    assert notice.auto_reply and notice.bounce is None


@pytest.mark.parametrize("subject, body", [
    ("Re: Saturday", f"网站报名时一直要我验证我是真人，链接在这里：{LINK} 有人知道怎么办吗？"),
    ("Re: Saturday", f"报名页面显示“请点击以下链接验证您是真人”，{LINK} 这是正常的吗？"),
    ("Re: Saturday", f"登録ページで「人間であることを確認してください」と表示されます。{LINK}"),
    ("Re: Saturday", f"가입 페이지에서 '사람인지 확인해 주세요'라고 계속 나와요. {LINK}"),
    ("Fwd: 发件人验证", f"这个是诈骗吗？\n\n---------- Forwarded message ---------\n请点击以下链接验证您是真人：{LINK}\n"),
])
def test_a_person_telling_of_a_challenge_stays_a_persons(subject, body):
    assert not read(mail(subject, body, "Chen Jing <chen.jing@mail.example>")).auto_reply


@pytest.mark.parametrize("text", [
    "Thank you for contacting the Help Desk. Your service request #12093 has been received and will be handled shortly.",
    "Thank you for writing to us. Your ticket has been created with ticket ID #CHR00421. Our team will reply shortly.",
    "This is an acknowledgement mail. Your request has been logged with request id ##4417##.",
])
def test_a_help_desks_receipt_says_it_is_automatic(text):
    assert says_it_is_automatic(text)


@pytest.mark.parametrize("text", [
    "Carol - your service request 4521 has been received by the council, they say. I'll chase them on Monday.",
    "Your support request #3310 has been received and I will look at it on Friday.",
    "A ticket has been created with ticket number 7781 with the housing office; they promised a visit next week.",
    "Your case has been logged with case number 50213 at Citizens Advice. I'll go with you on Friday.",
    "Yes.\n\nBob - your ticket has been created with ID 4412 in our repairs system.",
    "Your request has been logged under number 2026 in the grants book, and we will discuss it at the meeting.",
])
def test_a_person_telling_of_a_ticket_stays_a_persons(text):
    assert not says_it_is_automatic(text)


def test_a_filters_notice_with_a_null_return_path_is_machine_mail():
    for sender in ("postmaster@isp.example", "quarantine@filter.example"):
        notice = read(mail("Information zur Zustellung", "Ihre Nachricht wurde vorübergehend zurückgestellt.",
                           sender, "Return-Path: <>", answer="To: network+b-abc@example.org"))
        assert notice.auto_reply and not notice.auto_reply_guessed and notice.bounce is None


@pytest.mark.parametrize("sender, extra", [
    ("postmaster@refuge-host.example", "Return-Path: <postmaster@refuge-host.example>"),
    ("quarantine@animal-rescue.example", "Return-Path: <quarantine@animal-rescue.example>"),
    ("Jo <security@shelter.example>", ""),
])
def test_the_same_address_with_a_return_path_stays_a_persons(sender, extra):
    assert not read(mail("Re: Saturday", "Two of us can come on Saturday.\n\nJo", sender, extra)).auto_reply


def test_a_no_reply_address_opening_with_a_bare_answer_is_a_persons():
    assert not read(mail("Re: [Vote 7] Budget", "Ja, I agree.\n\nMaria", "noreply.maria@home.example")).auto_reply
    assert read(mail("Re: [Vote 7] Budget", "Your message was received.", "noreply@shop.example")).auto_reply
