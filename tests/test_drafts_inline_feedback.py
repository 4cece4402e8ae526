"""Feedback written inside the quoted draft (inline comments) reaches the author with its context.

A member answers the circulated draft by writing between its quoted lines, as Thunderbird, mutt
or Gmail users do; the author's digest (and a late forward) shows those comments under the
quoted lines they answer, marked "> ", and nothing of the quote after the last comment.
Real Dovecot + SMTP stack, the daemon's own rounds.
"""
from __future__ import annotations

from datetime import datetime, timezone

from tests.test_drafts_circulation import DEADLINE, circulate, digest_at_deadline, net  # noqa: F401 - `net` is the fixture


def inline_reply(received, comments: dict[str, str]) -> str:
    """A Thunderbird-style inline reply: the attribution, the quoted copy, a comment written
    under each quoted line that contains a key of `comments`."""
    lines = ["On 04/01/2027 09:00, Test Network wrote:"]
    for line in received.text.splitlines():
        lines.append(f"> {line}" if line else ">")
        for key, comment in comments.items():
            if key in line:
                lines += ["", comment, ""]
    return "\n".join(lines) + "\n"


def test_inline_comments_reach_the_author_under_the_lines_they_answer(net):
    out = circulate(net)
    li = net.only_message_to("li@example.org", out)
    body = inline_reply(li, {"Please check the hotline numbers.": "The hotline number on page 2 is out of date."})
    net.reply(li, body, quote=False)
    net.step()
    ack = net.only_message_to("li@example.org", net.new_messages())
    assert "your feedback on Draft 1" in ack.text

    digest = digest_at_deadline(net)
    text = digest.text
    assert "The hotline number on page 2 is out of date." in text
    marked = [line for line in text.splitlines() if line.startswith("> ")]
    assert any("Please check the hotline numbers." in line for line in marked)
    assert text.index("Please check the hotline numbers.") < text.index("The hotline number on page 2")
    assert "wrote:" not in text  # the attribution is not the member's
    assert "reply to this email with your feedback" not in text  # the quote after the last comment


def test_a_top_posted_reply_is_shown_as_written_without_the_quote(net):
    out = circulate(net)
    sofia = net.only_message_to("sofia@example.org", out)
    net.reply(sofia, "The cover is fine.")  # Gmail top post: text above the whole quote
    net.step()
    net.new_messages()
    digest = digest_at_deadline(net)
    assert "The cover is fine." in digest.text
    assert not any(line.startswith(">") for line in digest.text.splitlines())


def test_late_inline_comments_are_forwarded_with_their_context(net):
    out = circulate(net)
    kofi = net.only_message_to("kofi@example.org", out)
    net.set_time(DEADLINE.replace(minute=1))
    net.step()
    net.new_messages()
    net.set_time(datetime(2027, 1, 15, 12, 0, tzinfo=timezone.utc))
    net.reply(kofi, inline_reply(kofi, {"spring campaign": "Summer, not spring."}), quote=False)
    net.step()
    forwarded = net.only_message_to("amina@example.org", net.new_messages())
    assert "LATE feedback from Kofi Mensah" in forwarded.subject
    lines = forwarded.text.splitlines()
    assert any(line.startswith("> ") and "spring campaign" in line for line in lines)
    assert "Summer, not spring." in lines
