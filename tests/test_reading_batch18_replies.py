"""Batch 18 of replies (tests/corpus_own/replies/b18r_*, written blind): the two shapes the reader
missed, each read in general, and the member's look-alikes next to each rule kept as hers.

- Samsung Email's polite Korean device line ("갤럭시 스마트폰에서 보냈습니다.") is a phone's sign-off
  like "iPhone에서 보냄", but only with a phone named: "어제 우체국에서 보냈습니다." (I sent it from the
  post office yesterday) is the member's sentence.
- A bare "Name wrote:" (no date, no address) above the message answered copied without `>` (a
  webmail with quoting switched off) ends the member's text when a blank line stands above it and
  a letter's greeting ("Hi everyone,") right under it. "On Monday, Ana wrote:" or "what Ana
  wrote:" are her sentences, and "Ana wrote:" above her own lines (no greeting) stays hers.
"""
from __future__ import annotations

import pytest

from mailer.reply import read_reply
from mailer.reply_lines import Line
from mailer.sign_offs import is_phone_signature

ORIGINAL = ("Hi everyone,\n\nHere is the rota for the food bank shifts in January.\n"
            "Please reply by Thursday if you cannot make your shift.\n\nThanks,\nNetwork Coordination\n")


@pytest.mark.parametrize("line", ["갤럭시 스마트폰에서 보냈습니다.", "Samsung Galaxy 스마트폰에서 보냈습니다",
                                  "내 휴대폰에서 보냈습니다.", "iPhone에서 보냈습니다."])
def test_the_polite_korean_device_line_is_a_phones_sign_off(line):
    assert is_phone_signature(Line(line))


@pytest.mark.parametrize("line", ["어제 우체국에서 보냈습니다.", "서류는 사무실에서 보냈습니다.",
                                  "회의 자료는 지난주에 학교에서 보냈습니다.", "사진은 제 스마트폰에서 보냈습니다.",
                                  "지도는 갤럭시 앱에서 보냈습니다."])
def test_a_korean_sentence_of_sending_from_a_place_is_no_sign_off(line):
    assert not is_phone_signature(Line(line))


def test_a_korean_reply_ends_at_samsungs_device_line():
    text = ("9일 교대 가능합니다.\n\n갤럭시 스마트폰에서 보냈습니다.\n\n-------- 원본 메시지 --------\n"
            "발신: Network Coordination <network@example.org>\n\n" + ORIGINAL)
    assert read_reply(text).new_text == "9일 교대 가능합니다."


@pytest.mark.parametrize("first", ["신청서는 어제 우체국에서 보냈습니다.", "사진은 제 스마트폰에서 보냈습니다."])
def test_a_korean_members_sentence_of_sending_stays_with_what_follows(first):
    text = first + "\n9일에 갑니다.\n\n> 신청서를 보내 주세요.\n"
    assert read_reply(text).new_text == first + "\n9일에 갑니다."


@pytest.mark.parametrize("attribution", ["Network Coordination wrote:", "Ana wrote:", "Jan Novák schrieb:",
                                         "Marie-Claire Dubois a écrit :"])
def test_a_bare_name_attribution_over_an_unprefixed_letter_ends_the_text(attribution):
    text = f"I'm in for the 16th.\n\n{attribution}\n{ORIGINAL}"
    assert read_reply(text).new_text == "I'm in for the 16th."


@pytest.mark.parametrize("text", [
    "I'm in.\n\nOn Monday, Ana wrote:\nHi everyone, the hall is booked.\n\nSo we're fine.",
    "I'm in.\n\nI agree with what Ana wrote:\nHi everyone is a friendlier opening for the flyer.",
    "I'm in.\n\nAna wrote:\n- more gloves\n- a second table\n\nI agree with both.",
    "I'm in.\nAna wrote:\nHi all, she said she can drive.",
    "Ana wrote:\nHi everyone, the hall is booked.",
])
def test_a_members_lines_round_a_wrote_colon_stay(text):
    assert read_reply(text).new_text == text
