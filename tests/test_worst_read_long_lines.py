"""A member's long last line is read in its first characters, as every line is (the worst-case
read, bench row 7: a body mislabelled as UTF-8 decodes to one line of 100,000 replacement
characters; the emoji check after the answer and the own-address check ran over all of it).

- `contrary_remarks.emoji_line_after` reads the first `answer_lines.MAX_LINE_CHARS` characters of
  the line after the answer: an emoji answer there still counts, whatever follows it;
- `reply.without_own_address` takes off a last line only when it could be an address line: a
  longer one is the member's.
"""
from __future__ import annotations

from mailer.reply import ReplyText, without_own_address
from workflows.reading.answer_lines import MAX_LINE_CHARS
from workflows.reading.contrary_remarks import emoji_line_after

OPTIONS = ["Yes", "No", "Abstain"]


def test_a_line_of_replacement_characters_after_the_answer_is_no_emoji_answer():
    assert emoji_line_after("Yes\n" + "\ufffd" * 100_000, 1, 0, OPTIONS) is False


def test_a_thumbs_down_under_a_yes_is_read_however_long_its_line():
    assert emoji_line_after("Yes\n👎", 1, 0, OPTIONS) is True
    assert emoji_line_after("Yes\n👎" + "\ufffd" * 100_000, 1, 0, OPTIONS) is True
    assert emoji_line_after("Yes\n👍" + "\ufffd" * 100_000, 1, 0, OPTIONS) is False


def test_words_past_the_first_characters_of_the_line_are_not_read():
    line = "👎" + " " * (MAX_LINE_CHARS - 1)
    assert emoji_line_after("Yes\n" + line + "but I mean it", 1, 0, OPTIONS) is True
    assert emoji_line_after("Yes\n" + line[:-20] + "but I mean it", 1, 0, OPTIONS) is False


def test_the_senders_address_under_the_text_is_taken_off():
    reply = without_own_address(ReplyText("Yes, agreed.\nana@example.org"), "ana@example.org")
    assert reply.new_text == "Yes, agreed."


def test_a_last_line_longer_than_an_address_line_stays():
    long = "x" * 100_000 + " ana@example.org"
    reply = without_own_address(ReplyText("Yes, agreed.\n" + long), "ana@example.org")
    assert reply.new_text.endswith(long)
