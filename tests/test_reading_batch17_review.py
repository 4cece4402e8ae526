"""The batch-17 review's narrowings of b17a's widened machine-mail rules (/work/notes/review_b17a.md;
whole messages in tests/corpus_own/humans/b17h_rv_* and autoreplies/b17a_rv_*):

- The zh/ja/ko ask to prove the sender a person counts only after the message speaks of mail
  (邮件/郵件/メール/메일/스팸), and never in a "Re:" reply over a quote: a member telling or
  instructing about a sign-up page speaks of a site, and uses 你/您 or no pronoun at all.
- The two help-desk receipt forms batch 17 widened count only beside a help desk's own words
  ("shortly", "our team", "will be handled …"), and not under a member's "Got this back …" line.
- The null return path is read from the topmost Return-Path only, never on a reply subject, and
  the address's local part (or one of its ./-/_ words) must be the mail system's name.
- A no-reply address's bare-answer exemption holds for an answer that is its own sentence or
  line, or is followed by the writer's own agreement ("Ja, I agree."), not a label or a number.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_words import says_it_is_automatic
from tests.test_machine_mail_reading import read
from tests.test_reading_batch17_machine import LINK, mail

QUOTE = "\n\n> 周六的活动还需要人吗？\n> 请回复。\n"


@pytest.mark.parametrize("body", [
    f"同意合并。\n另外，报名网站会让你验证你是真人，点这里：{LINK}",
    f"新来的朋友请注意：报名时请点击链接验证您是真人。{LINK}",
    f"合併に賛成です。登録ページで人間であることを確認してくださいと出ます。{LINK}",
    f"합병에 찬성합니다. 가입 페이지에서 사람인지 확인해 주세요. {LINK}",
])
def test_a_member_telling_of_a_sign_up_page_in_cjk_stays_a_persons(body):
    assert not read(mail("Re: [Vote 7] 合并", body, "Li Na <li.na@qq.example>")).auto_reply


def test_a_cjk_ask_that_speaks_of_mail_in_a_quoting_reply_stays_a_persons():
    body = f"报名时系统说：为了让您的邮件送达，请点击链接验证您是真人 {LINK}" + QUOTE
    assert not read(mail("Re: 周六", body, "Li Na <li.na@qq.example>")).auto_reply


def test_a_cjk_challenge_that_speaks_of_mail_stays_machine_mail():
    body = f"为了让您的邮件送达，请点击以下链接验证您是真人：\n{LINK}\n"
    assert read(mail("Re: 周六", body, "antispam@filter.example")).auto_reply


@pytest.mark.parametrize("text", [
    "Your service request #2231 has been received - the hall is booked for the 12th. Yes to the merger.",
    "A ticket has been created with ticket ID 4411 for the hall booking. Vote: yes to the merger.",
    "Got this back from the council today\n\nYour service request #2231 has been received and will be handled"
    " in due course.\n\nsigh. anyway - yes to the merger",
])
def test_a_receipt_a_member_relays_stays_a_persons(text):
    assert not says_it_is_automatic(text)


@pytest.mark.parametrize("sender", ["a.spampinato@comune.example", "filterkaffee@cafe.example",
                                    "spamalot@theatre.example"])
def test_a_personal_address_with_a_filter_word_inside_is_no_mail_system(sender):
    assert not read(mail("Saturday", "Two of us can come on Saturday.", sender, "Return-Path: <>",
                         answer="To: network@example.org")).auto_reply


def test_a_null_return_path_on_a_reply_or_below_the_top_is_a_persons():
    assert not read(mail("Re: Saturday", "Ja, wir sind für die Fusion.", "postmaster@verein.example",
                         "Return-Path: <>")).auto_reply
    assert not read(mail("Saturday", "Two of us can come.", "postmaster@verein.example",
                         "Return-Path: <admin@verein.example>\nReturn-Path: <>",
                         answer="To: network@example.org")).auto_reply


@pytest.mark.parametrize("body", ["Approved: your expense claim 2231 was paid.", "No. 88213 - your parcel is on its way.",
                                  "Sí, su reserva 4410 está confirmada para el sábado."])
def test_a_no_reply_systems_label_or_number_is_no_bare_answer(body):
    assert read(mail("Re: Reserva", body, "noreply@shop.example")).auto_reply


@pytest.mark.parametrize("body", [
    f"土曜日は行けます。メールで届いた登録リンクで人間であることを確認してください。{LINK}",
    f"邮件里的链接会让你验证你是真人：{LINK}",
    f"메일에서 온 링크로 사람인지 확인해 주세요. {LINK}",
])
def test_mail_named_only_as_what_brought_a_link_is_no_filters_words(body):
    assert not read(mail("Re: 土曜日", body, "Sato <sato@yahoo.example>")).auto_reply


def test_a_heading_closed_before_the_ask_does_not_quote_it():
    notice = read(mail("发件人验证", f"「邮件验证」请点击以下链接验证您是真人：{LINK}", "verify@mailwall.example"))
    assert notice.auto_reply
    person = read(mail("Re: 土曜日", f"登録ページで「メールを届けるため人間であることを確認してください」と出ます。{LINK}",
                       "Sato <sato@yahoo.example>"))
    assert not person.auto_reply
