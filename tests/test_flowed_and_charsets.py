"""format=flowed bodies are joined, ISO-8859-1 with Windows-1252 punctuation is read as such."""
from __future__ import annotations

from mailer.flowed import unflow
from mailer.parse import parse_message
from mailer.text_decoding import decode_text


def message(body: bytes, ctype: str) -> bytes:
    return (b"From: Ann <ann@example.net>\r\nTo: network@example.org\r\nSubject: Re: Draft\r\n"
            b"Message-ID: <a@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: " + ctype.encode()
            + b"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body)


def test_flowed_paragraph_is_one_line_and_the_quote_stays_a_quote():
    body = (b"I think section 2 should say which \r\ncoordinator answers.\r\n\r\nOn 3 Feb 2025 10:00, Jan wrote:\r\n"
            b"> Section 2. A long quoted line that \r\n> goes on.\r\n")
    mail = parse_message(message(body, 'text/plain; charset="utf-8"; format=flowed'), "network@example.org")
    assert mail.new_text == "I think section 2 should say which coordinator answers."
    assert "> Section 2. A long quoted line that goes on." in mail.text


def test_delsp_joins_a_split_word_and_the_signature_line_is_not_joined():
    assert unflow("wel \nche\n-- \nAnn", delsp=True) == "welche\n-- \nAnn"
    assert unflow(" From here\n>> a \n>> b", delsp=False) == "From here\n>> a b"


def test_not_flowed_text_keeps_its_line_breaks():
    body = b"one line \r\nnext line\r\n"
    mail = parse_message(message(body, 'text/plain; charset="utf-8"'), "network@example.org")
    assert mail.new_text == "one line\nnext line"


def test_iso_8859_1_with_curly_quotes_is_windows_1252():
    text, defect = decode_text("isn’t – “x”".encode("cp1252"), "iso-8859-1")
    assert text == "isn’t – “x”" and "Windows-1252" in defect
    assert decode_text("café".encode("latin-1"), "iso-8859-1") == ("café", None)
