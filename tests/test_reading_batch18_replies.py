"""Batch 18 of replies (tests/corpus_own/replies/b18r_*, written blind): the two shapes the reader
missed, each read in general, and the member's look-alikes next to each rule kept as hers (the
attacker review's probes, /work/notes/review_b18r: every member word main kept stays).

- Samsung Email's polite Korean device line ("갤럭시 스마트폰에서 보냈습니다.") is a phone's sign-off
  like "iPhone에서 보냄", but only with a phone's brand named (not "Samsung Pay", not an app, not
  "제 휴대폰"), a blank line above it under her text and nothing but the end or a quote below it:
  the second half of her wrapped sentence, a line with her P.S. under it, her first line and a
  reply of that line alone stay hers.
- A bare "Name wrote:" (no date, no address) above the message answered copied without `>` (a
  webmail with quoting switched off) ends the member's text when a blank line stands above it, a
  letter's greeting ("Hi everyone,") right under it, and the letter runs to the end of the
  message (or to a quote) with its writer's name as its last line. A pronoun or a heading ("I
  wrote:", "Letter Sent:", "Here's What I Wrote:") over her own letter, and any line of hers
  under the pasted letter ("My vote: B, the old hall."), keep the whole text hers.
"""
from __future__ import annotations

import pytest

from mailer.reply import read_reply
from mailer.reply_lines import Line
from mailer.sign_offs import is_phone_signature, polite_korean_device_line

ORIGINAL = ("Hi everyone,\n\nHere is the rota for the food bank shifts in January.\n"
            "Please reply by Thursday if you cannot make your shift.\n\nThanks,\nNetwork Coordination\n")


@pytest.mark.parametrize("line", ["갤럭시 스마트폰에서 보냈습니다.", "Samsung Galaxy 스마트폰에서 보냈습니다",
                                  "내 Galaxy에서 보냈습니다.", "iPhone에서 보냈습니다.", "Galaxy S24 Ultra에서 보냈습니다.",
                                  "iPad 에서 보냈습니다."])
def test_the_polite_korean_device_line_names_a_phone(line):
    assert polite_korean_device_line(Line(line))
    assert not is_phone_signature(Line(line))  # wherever it stands: the reader checks its place


@pytest.mark.parametrize("line", ["Samsung Pay에서 보냈습니다.", "제 휴대폰에서 보냈습니다.", "제 태블릿에서 보냈습니다.",
                                  "링크는 android 앱에서 보냈습니다.", "삼성 페이에서 보냈습니다.",
                                  "회비는 Samsung Pay 앱에서 보냈습니다.", "삼성에서 보냈습니다.", "Samsung에서 보냈습니다."])
def test_a_payment_an_app_or_my_phone_is_no_polite_device_line(line):
    assert not polite_korean_device_line(Line(line))


@pytest.mark.parametrize("line", ["어제 우체국에서 보냈습니다.", "서류는 사무실에서 보냈습니다.",
                                  "회의 자료는 지난주에 학교에서 보냈습니다.", "사진은 제 스마트폰에서 보냈습니다.",
                                  "지도는 갤럭시 앱에서 보냈습니다."])
def test_a_korean_sentence_of_sending_from_a_place_is_no_sign_off(line):
    assert not is_phone_signature(Line(line)) and not polite_korean_device_line(Line(line))


def test_a_korean_reply_ends_at_samsungs_device_line():
    text = ("9일 교대 가능합니다.\n\n갤럭시 스마트폰에서 보냈습니다.\n\n-------- 원본 메시지 --------\n"
            "발신: Network Coordination <network@example.org>\n\n" + ORIGINAL)
    assert read_reply(text).new_text == "9일 교대 가능합니다."


@pytest.mark.parametrize("first", ["신청서는 어제 우체국에서 보냈습니다.", "사진은 제 스마트폰에서 보냈습니다."])
def test_a_korean_members_sentence_of_sending_stays_with_what_follows(first):
    text = first + "\n9일에 갑니다.\n\n> 신청서를 보내 주세요.\n"
    assert read_reply(text).new_text == first + "\n9일에 갑니다."


@pytest.mark.parametrize("body", [
    "토요일에 참석하겠습니다.\n\n갤럭시 스마트폰에서 보냈습니다.",
    "토요일에 참석하겠습니다.\n\n\n삼성 스마트폰에서 보냈습니다.\n\n\n",
    "토요일에 참석하겠습니다.\n\nSamsung Galaxy 스마트폰에서 보냈습니다.\n\n> 초안을 확인해 주세요.\n",
])
def test_samsungs_line_under_a_blank_line_above_the_end_or_a_quote_is_left_out(body):
    assert read_reply(body).new_text == "토요일에 참석하겠습니다."


@pytest.mark.parametrize("body", [
    "회비 2만원은 오늘 아침\n삼성 스마트폰에서 보냈습니다.\n확인 부탁드려요.",  # her sentence wrapped
    "설문 답변은 어제 저녁에\n제 휴대폰에서 보냈습니다.",
    "설문 답변은 어제 저녁에\n갤럭시 스마트폰에서 보냈습니다.",  # wrapped, last: no blank line above
    "네, 회비 확인했습니다.\n\nSamsung Pay에서 보냈습니다.\n영수증이 필요하면 말씀해 주세요.",  # a payment
    "제 태블릿에서 보냈습니다.",  # the whole reply
    "갤럭시 스마트폰에서 보냈습니다.",
    "제 휴대폰에서 보냈습니다.\n컴퓨터가 고장나서 답장이 늦었어요. 토요일에 갈게요.",  # her first line
    "갤럭시 스마트폰에서 보냈습니다.\n컴퓨터가 고장나서 답장이 늦었어요.",
    "토요일 오전에 갈 수 있어요.\n\n갤럭시 스마트폰에서 보냈습니다.\n\n추신: 코트 3벌 가져갈게요.",  # her P.S. under it
    "토요일 오전에 갈 수 있어요.\n\n갤럭시에서 보냈습니다.\n추신: 장갑도 가져갈게요.",
])
def test_the_members_korean_lines_round_a_device_phrase_stay(body):
    assert read_reply(body).new_text == body.strip()
    assert read_reply(body + "\n\n> 초안을 확인해 주세요.\n").new_text == body.strip()


def _letter(signer: str) -> str:
    return ("Hi everyone,\n\nHere is the rota for the food bank shifts in January.\n"
            f"Please reply by Thursday if you cannot make your shift.\n\nThanks,\n{signer}\n")


@pytest.mark.parametrize("attribution, signer", [
    ("Network Coordination wrote:", "Network Coordination"), ("Network Coordination Team wrote:", "Network Coordination"),
    ("Ana wrote:", "Ana Lopez"), ("Maria Lopez wrote:", "Maria"), ("Jan Novák schrieb:", "Jan Novák"),
    ("Marie-Claire Dubois a écrit :", "Marie-Claire")])
def test_a_bare_name_attribution_over_a_letter_signed_by_that_name_ends_the_text(attribution, signer):
    text = f"I'm in for the 16th.\n\n{attribution}\n{_letter(signer)}"
    assert read_reply(text).new_text == "I'm in for the 16th."
    assert read_reply(text.replace(":\n", ":\n\n", 1) + "\n\n").new_text == "I'm in for the 16th."


def test_a_pasted_letter_above_a_quote_is_left_out_and_her_lines_under_the_quote_stay():
    text = f"I'm in.\n\nAna wrote:\n\n{_letter('Ana')}\n> Who has a van?\n> Tom\n\nAnd I have a van."
    assert read_reply(text).new_text.split() == "I'm in. And I have a van.".split()
    text = (f"I'm in.\n\nAna wrote:\n\n{_letter('Ana')}\nOn Mon, 1 Dec 2026 at 9:00, Tom <tom@example.org> wrote:\n"
            "> Who has a van?\n")
    assert read_reply(text).new_text == "I'm in."


COUNCILLOR = ("Dear Councillor Wong,\n\nThe Parkdale food bank needs a place for the winter coat drive.\n"
              "Could the city let us use the community room at the library for two weeks in December?\n\n"
              "Thank you,\nSam Member")


@pytest.mark.parametrize("heading", ["I wrote:", "We wrote:", "I sent:", "Letter Sent:", "Email Sent:",
                                    "Final Draft Sent:", "Yesterday I wrote:", "Here's What I Wrote:",
                                    "here's what I wrote:", "Ich schrieb:", "Il a écrit :", "Yo escribí:"])
@pytest.mark.parametrize("below", ["", "\n\nIf nobody hears back by Friday I will phone her office."])
def test_her_own_letter_under_a_pronoun_or_a_heading_stays(heading, below):
    text = f"Update on the library room.\n\n{heading}\n\n{COUNCILLOR}{below}"
    assert read_reply(text).new_text == text


LANDLORD = "Dear tenants,\n\nThe rent will go up by 8% from March 1.\n\nRegards,\nMr Chen"


@pytest.mark.parametrize("attribution, letter, below", [
    ("Mr Chen wrote:", LANDLORD, "Can we talk about this at the meeting? I vote we answer him together."),
    ("The Landlord wrote:", LANDLORD, "This is the third increase in two years. I say we fight it."),
    ("Mom wrote:", "Hi sweetie,\n\nI have six coats for your drive.\n\nLove, Mom", "I'll bring them Saturday."),
    ("Tom wrote:", "Hello everyone!\n\nI think we should pick the old hall.\n\nTom", "My vote is B, the old hall."),
    ("She wrote:", "Hi Sam,\n\nMy daughter wants to help, is that OK?\n\nLinda", "Can a 15-year-old volunteer?"),
    ("They Sent:", "Hello,\n\nYour booking of the hall is confirmed.\n\nHall office", "So the hall is ours!"),
    ("Anna schrieb:", "Hallo zusammen,\n\nich kann am Samstag nicht.\n\nAnna", "Dann übernehme ich ihre Schicht."),
    ("Marie a écrit :", "Bonjour à tous,\n\nJe ne peux pas venir samedi.\n\nMarie", "Je peux prendre sa place."),
    ("Ana escribió:", "Hola a todos,\n\nNo puedo ir el sábado.\n\nAna", "Yo puedo cubrir su turno."),
    ("Network Coordination wrote:", "Hi everyone,\n\nPlease vote A (new hall) or B (old hall) by Friday.\n\n"
     "Network Coordination", "My vote: B, the old hall."),
    ("Tom wrote:", "Hello everyone!\n\nI think we should pick the old hall.\n\nTom", "I agree.\n\nSam"),
])
def test_her_lines_under_a_pasted_letter_keep_the_whole_text(attribution, letter, below):
    text = f"Sending again, my first reply bounced.\n\n{attribution}\n\n{letter}\n\n{below}"
    assert read_reply(text).new_text == text
    assert below.split("\n")[0] in read_reply(text + "\n\n> Please vote by Friday.\n").new_text


def test_answers_between_two_pasted_messages_stay():
    text = ("Two things below.\n\nAna Lopez wrote:\n\nHi Sam, can you bring the folding tables?\n\nAna\n\n"
            "Tom wrote:\n\nHey, is the van free Sunday?\n\nTom")
    assert read_reply(text).new_text == text


@pytest.mark.parametrize("text", [
    "I'm in.\n\nOn Monday, Ana wrote:\nHi everyone, the hall is booked.\n\nSo we're fine.",
    "I'm in.\n\nI agree with what Ana wrote:\nHi everyone is a friendlier opening for the flyer.",
    "I'm in.\n\nAna wrote:\n- more gloves\n- a second table\n\nI agree with both.",
    "I'm in.\nAna wrote:\nHi all, she said she can drive.",
    "Ana wrote:\nHi everyone, the hall is booked.",
])
def test_a_members_lines_round_a_wrote_colon_stay(text):
    assert read_reply(text).new_text == text
