"""A "<" that opens no tag, in HTML a member or a stranger sends (the b19r helper's find, 3 December
2026): 90 KB of "<a<a<a…" took 1.1 s to read and "<" over one 90 KB word 1.7 s, against ~5 ms for
an ordinary reply. Now each such "<" counts toward the MAX_TAGS that html2text renders (past them
the part is read as text, as past as many tags), and a tag's name is taken whole (possessive), so
that a "<" over a long word tries the bounded run after the name once, not at each letter."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from mailer import html_rest, html_text
from mailer.parse import parse_message

HEAD = b"From: a@x.org\r\nTo: network@example.org\r\nSubject: hi\r\nMessage-ID: <1@x>\r\nContent-Type: text/html\r\n\r\n"
TAG_AS_IT_WAS = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[^<>]{0,2000}>|<![^<>]{0,2000}>|<\?[^<>]{0,2000}>")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["<", ">", "a", "B", "1", " ", "/", "!", "?", "=", '"', "<b>", "</div>", "\n"]),
                max_size=20).map("".join))
def test_a_tag_is_found_as_it_was(text):
    for start in range(len(text)):
        new, old = html_rest.TAG.match(text, start), TAG_AS_IT_WAS.match(text, start)
        assert (new and (new.span(), new.group(1))) == (old and (old.span(), old.group(1)))


def test_stray_brackets_are_rendered_no_more_than_tags_are(monkeypatch):
    calls = []
    real = html_text._Converter.handle_data
    monkeypatch.setattr(html_text._Converter, "handle_data", lambda self, data, *a: calls.append(1) or real(self, data, *a))
    text = html_text.html_to_text("<p>YES, I agree.</p>" + "<a" * 45_000)
    assert text.startswith("YES, I agree.") and text.endswith("<a<a")
    assert len(calls) <= 3 * html_text.MAX_TAGS


def test_a_member_writing_less_than_and_hearts_keeps_them():
    for body, shown in [(b"YES &lt;3 " * 300, "YES <3 YES <3"), (b"YES a < b " * 300, "YES a < b YES"),
                        (b"YES <" + b"a" * 90_000, "YES <aaaa")]:
        mail = parse_message(HEAD + body + b"\r\n", "network@example.org")
        assert mail.new_text.startswith(shown), mail.new_text[:40]
