"""A reply longer than the reading limit loses nothing: the text below the lines read through the
reply patterns (mailer.reply.MAX_LINES_READ) is kept as written and reaches the draft's author.

The limit bounds the work a crafted message can ask for (bench/worst_read.py); a member who
pastes a long document into their feedback still has every line of it passed on.
Real Dovecot + SMTP stack, the daemon's own rounds.
"""
from __future__ import annotations

from mailer.reply import MAX_LINES_READ, read_reply
from tests.test_drafts_circulation import circulate, digest_at_deadline, net  # noqa: F401 - `net` is the fixture


def long_feedback(lines: int) -> str:
    body = [f"{n}. Section {n}: the wording of clause {n} should name the sub-committee." for n in range(1, lines)]
    return "\n".join(body + ["Last of all: keep the closing paragraph as it is."])


def test_text_below_the_reading_limit_comes_back_as_written():
    text = long_feedback(MAX_LINES_READ + 40) + "\n\nOn Mon, Jan 4, 2027 at 9:00 AM Network wrote:\n> the draft\n"
    reply = read_reply(text)
    assert reply.new_text.endswith(f"{MAX_LINES_READ}. Section {MAX_LINES_READ}: the wording of clause "
                                   f"{MAX_LINES_READ} should name the sub-committee.")
    assert reply.unread.startswith(f"{MAX_LINES_READ + 1}. Section")
    assert reply.unread.endswith("> the draft")  # not read: quotes and all, as written
    assert read_reply(long_feedback(MAX_LINES_READ)).unread == ""


def test_a_long_pasted_reply_reaches_the_author_whole(net):
    out = circulate(net)
    li = net.only_message_to("li@example.org", out)
    net.reply(li, long_feedback(MAX_LINES_READ + 100))
    net.step()
    ack = net.only_message_to("li@example.org", net.new_messages())
    assert "your feedback on Draft 1" in ack.text
    digest = digest_at_deadline(net)
    assert "1. Section 1: the wording" in digest.text
    assert f"{MAX_LINES_READ + 50}. Section {MAX_LINES_READ + 50}: the wording" in digest.text
    assert "Last of all: keep the closing paragraph as it is." in digest.text


def test_text_past_the_characters_read_comes_back_too():
    from mailer.reply import MAX_CHARS
    line = "The clause on page two should name the sub-committee that reviews the budget each year. " * 20
    text = "\n".join([line] * (MAX_CHARS // len(line) + 20)) + "\nLast of all: keep the closing paragraph."
    reply = read_reply(text)
    assert len(reply.new_text) <= MAX_CHARS
    assert reply.unread.endswith("Last of all: keep the closing paragraph.")
    assert read_reply("YES\n" + line + "\n\nOn Mon, Jan 4, 2027 Network wrote:\n> " + "q" * MAX_CHARS).unread == ""


def test_text_past_the_characters_read_has_line_ends_and_spaces_as_the_text_read():
    from mailer.reply import MAX_CHARS
    line = "The clause on page two should name the sub-committee that reviews the budget each year. " * 20
    text = "\r\n".join([line] * (MAX_CHARS // len(line) + 20)) + "\rLast\x00 of all:\u00a0keep it.\ufeff"
    unread = read_reply(text).unread
    assert unread.endswith("\nLast of all: keep it.")
    assert not any(c in unread for c in "\r\x00\u00a0\ufeff")
