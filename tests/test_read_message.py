"""ReadMessage keeps a part's content type only while its headers and default type stay as they were."""
from __future__ import annotations

import email
import email.policy

from mailer.read_message import ReadMessage

RAW = (b"Content-Type: multipart/digest; boundary=b\r\n\r\n--b\r\n\r\nFrom: x@y\r\n\r\nhi\r\n"
       b"--b\r\nContent-Type: TEXT/HTML; charset=utf-8\r\n\r\n<p>hi</p>\r\n--b--\r\n")


def test_content_types_are_those_of_the_email_package_and_follow_changes():
    ours = email.message_from_bytes(RAW, ReadMessage, policy=email.policy.compat32)
    theirs = email.message_from_bytes(RAW, policy=email.policy.compat32)
    assert [p.get_content_type() for p in ours.walk()] == [p.get_content_type() for p in theirs.walk()] \
        == ["multipart/digest", "message/rfc822", "text/plain", "text/html"]
    part = list(ours.walk())[-1]
    part.replace_header("Content-Type", "text/plain")
    assert part.get_content_type() == "text/plain"
    del part["Content-Type"]
    assert part.get_content_type() == "message/rfc822"  # a digest's part by default
    part.set_default_type("text/plain")
    assert part.get_content_type() == "text/plain"
    part["Content-Type"] = "image/png"
    assert part.get_content_type() == "image/png" and part.get_content_maintype() == "image"
    part.set_type("application/pdf")
    assert part.get_content_type() == "application/pdf"


def test_set_boundary_which_rewrites_the_header_list_itself_forgets_the_kept_type():
    msg = email.message_from_bytes(RAW, ReadMessage, policy=email.policy.compat32)
    assert msg.get_content_type() == "multipart/digest"
    msg.set_boundary("c")  # replaces `_headers` without going through any other setter
    assert msg._content_type is None  # worked out again from the new header on the next ask
    assert msg.get_boundary() == "c" and msg.get_content_type() == "multipart/digest"
