"""`convenor inspect` on a member's text pasted into a file, with no header line at all: read as the
body of a text/plain message, and said so; what is no message and no text (an empty file, binary
data) is still refused, naming what was expected. The daemon still sets a headerless message aside."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from mailer.mailbox import RawMessage
from mailer.parse import MalformedMessage
from tests.test_cli_core import run_cli


def _inspect(tmp_path, data: bytes, *args):
    path = tmp_path / "pasted.txt"
    path.write_bytes(data)
    return run_cli("--config", str(tmp_path / "none.toml"), "inspect", str(path), *args)


def test_a_text_with_no_header_is_read_as_a_bare_body_and_said_so(tmp_path):
    proc = _inspect(tmp_path, b"Yes, I vote for it.\n\nThanks,\nAnna\n", "--json", "--options", "Yes,No,Abstain")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["read_as"] == "bare body"
    assert report["new_text"].startswith("Yes, I vote for it.") and report["vote"] == "Yes"
    assert report["from"] == "" and report["subject"] == ""

    proc = _inspect(tmp_path, "Très bien, je vote oui.\r\n".encode("cp1252"))  # a Windows editor's file
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("read as: a bare body with no headers")
    assert "  | Très bien, je vote oui." in out


def test_an_email_message_is_read_as_before_even_after_blank_lines(tmp_path):
    message = b"From: Li Wei <li@example.org>\r\nSubject: Re: budget\r\n\r\nNo.\r\n"
    for data in (message, b"\r\n\r\n" + message):
        proc = _inspect(tmp_path, data, "--json")
        assert proc.returncode == 0, proc.stderr
        report = json.loads(proc.stdout)
        assert report["read_as"] == "message"
        assert (report["from"], report["subject"], report["new_text"]) == ("li@example.org", "Re: budget", "No.")
        assert "read as:" not in _inspect(tmp_path, data).stdout.decode()


def test_a_message_with_binary_bytes_in_its_body_is_still_read_as_a_message(tmp_path):
    data = (b"From: li@example.org\nSubject: scan\nContent-Type: application/octet-stream\n"
            b"Content-Disposition: attachment; filename=scan.bin\n\n\x00\x01\x02\x03binary\n")
    proc = _inspect(tmp_path, data, "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["read_as"] == "message" and report["attachments"][0]["filename"] == "scan.bin"


def test_what_is_neither_a_message_nor_a_text_is_refused_naming_what_was_expected(tmp_path):
    for data, why in ((b"", b"empty file"), (b"\n \r\n\t\n", b"nothing but blank lines"),
                      (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", b"binary data")):
        proc = _inspect(tmp_path, data)
        assert proc.returncode == 1 and proc.stdout == b""
        assert b"not a readable email message" in proc.stderr and why in proc.stderr
        assert b"expected an email message" in proc.stderr and b"a member's text alone" in proc.stderr


def test_the_daemon_still_sets_a_headerless_message_aside():
    from convenor.pipeline import read_message

    now = datetime(2027, 1, 4, tzinfo=timezone.utc)
    read = read_message(RawMessage("maildir:1", b"Yes, I vote for it.\n"), "network@example.org", now)
    assert read.mail is None and isinstance(read.unreadable, MalformedMessage)
