"""The header caches of mailer.header_text (the raw values by name, the values read as text) follow
a message whose headers change after they were read, as ReadMessage's own caches do, whatever the
message's class: the compat32 `Message` of a simple message and the `ReadMessage` of the parse."""
from __future__ import annotations

import email
import email.policy

import pytest

from mailer.autoreply import auto_reply_reason
from mailer.header_text import first_header, header_index, header_values
from mailer.read_message import ReadMessage
from mailer.simple_parse import simple_message

RAW = (b"From: Sofia Martins <sofia@example.org>\r\nTo: network@example.org\r\n"
       b"Subject: =?utf-8?q?R=C3=A9union?=\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <1@example.org>\r\n"
       b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n")


def read_as(kind: str):
    """The message as `mailer.parse` reads it (a simple one without the feed parser, or with it:
    a ReadMessage either way), or as any other caller may hand one over (the package's Message)."""
    if kind == "simple":
        msg = simple_message(RAW)
        assert isinstance(msg, ReadMessage)
        return msg
    if kind == "plain":
        return email.message_from_bytes(RAW, policy=email.policy.compat32)
    return email.message_from_bytes(RAW, ReadMessage, policy=email.policy.compat32)


@pytest.mark.parametrize("kind", ["simple", "parsed", "plain"])
def test_a_header_changed_after_it_was_read_is_read_anew(kind):
    msg = read_as(kind)
    assert first_header(msg, "Subject") == "Réunion" and "auto-submitted" in header_index(msg)
    assert auto_reply_reason(msg) is not None
    msg.replace_header("Subject", "=?utf-8?q?Ordre_du_jour?=")  # in place: the header list keeps its length
    assert first_header(msg, "Subject") == "Ordre du jour"
    del msg["Auto-Submitted"]
    assert "auto-submitted" not in header_index(msg) and auto_reply_reason(msg) is None
    msg["Auto-Submitted"] = "auto-generated"
    assert header_values(msg, "auto-submitted") == ["auto-generated"] and auto_reply_reason(msg) is not None
    msg.set_param("charset", "iso-8859-1")
    assert header_index(msg)["content-type"] == ["text/plain; charset=\"iso-8859-1\""]


@pytest.mark.parametrize("kind", ["parsed", "plain"])
def test_an_unchanged_message_is_read_once(kind):
    msg = read_as(kind)
    assert header_index(msg) is header_index(msg)
    assert header_values(msg, "Subject") == ["Réunion"]
    texts = msg._convenor_headers_read[1]
    assert texts["subject"] == ["Réunion"]  # read once, kept while the headers stay as they are
