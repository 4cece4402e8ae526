"""Big messages are read whole, without the parser holding every line of every attachment."""
from __future__ import annotations

import email.policy
import os
from email.message import EmailMessage

import pytest

from mailer.large_parts import LARGE_BODY, set_aside_large_bodies
from mailer.parse import parse_message


def draft(*attachments, body="Audience: core\n\nPlease read.", cte=None):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "amina@example.org", "network@example.org", "[Draft] Big"
    msg.set_content(body)
    for name, ctype, data in attachments:
        maintype, _, subtype = ctype.partition("/")
        if maintype == "text":
            msg.add_attachment(data.decode(), subtype=subtype, filename=name, cte=cte)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=email.policy.SMTP)


@pytest.mark.parametrize("size", [LARGE_BODY - 10, LARGE_BODY * 3, 3 * 1024 * 1024 + 7])
def test_a_large_attachment_comes_out_byte_for_byte(size):
    pdf, png = os.urandom(size), os.urandom(LARGE_BODY + 1)
    mail = parse_message(draft(("a.pdf", "application/pdf", pdf), ("b.png", "image/png", png)),
                         "network@example.org")
    assert [(a.filename, a.content_type) for a in mail.attachments] == [("a.pdf", "application/pdf"),
                                                                        ("b.png", "image/png")]
    assert mail.attachments[0].data == pdf and mail.attachments[1].data == png
    assert mail.new_text.startswith("Audience: core")


def test_a_large_quoted_printable_text_attachment_is_decoded():
    text = ("Ligne accentuée é à ç, " * 20 + "\n") * 2000
    raw = draft(("notes.txt", "text/plain", text.encode()), cte="quoted-printable")
    skeleton, large = set_aside_large_bodies(raw)
    assert len(large.spans) == 1 and len(skeleton) < 5000
    mail = parse_message(raw, "network@example.org")
    (att,) = mail.attachments
    assert att.data.decode().replace("\r\n", "\n") == text  # as the email package gives it: CRLF


def test_a_nested_multipart_is_looked_into_and_small_messages_are_left_alone():
    inner = EmailMessage()
    inner.set_content("text")
    inner.add_alternative("<p>text</p>", subtype="html")
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "amina@example.org", "network@example.org", "x"
    outer.set_content("hello")
    outer.make_mixed()
    outer.attach(inner)
    blob = os.urandom(LARGE_BODY * 2)
    outer.add_attachment(blob, maintype="application", subtype="octet-stream", filename="b.bin")
    raw = outer.as_bytes(policy=email.policy.SMTP)
    assert parse_message(raw, "network@example.org").attachments[0].data == blob
    small = draft(("a.pdf", "application/pdf", b"%PDF small"))
    assert set_aside_large_bodies(small) == (small, set_aside_large_bodies(small)[1])
