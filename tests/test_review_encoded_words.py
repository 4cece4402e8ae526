"""Names and titles that are themselves RFC 2047 encoded words (review: header injection).

Convenor decodes a subject once and writes titles on one line; but a subject encoded twice
decodes to the text of an encoded word ("=?utf-8?q?Plan=0ABcc:_x?="), and a name can be typed
as one. Written as it is into a header, every recipient's mail client would decode it again,
into a line break and a forged-looking "Bcc:" line, or into any other text (a right-to-left
override, a name that is not the member's). Over the real Dovecot + SMTP stack: what each
recipient's client shows is the text as written, on one line."""
from __future__ import annotations

import base64
import email
import email.policy
from email.header import decode_header, make_header

from convenor.cli import main
from tests.test_feedback_reports import help_to

INNER = "=?utf-8?b?" + base64.b64encode("Plan\r\nBcc: evil@attacker.example".encode()).decode() + "?="


def shown(raw: bytes, header: str) -> str:
    """The header as a mail client shows it (encoded words decoded, once)."""
    value = email.message_from_bytes(raw, policy=email.policy.compat32)[header]
    return str(make_header(decode_header(value)))


def raw_message(sender: str, subject: str, body: str) -> bytes:
    """A message as its sender's client wrote it, the Subject exactly as given."""
    return (f"From: {sender}\r\nTo: network@example.org\r\nSubject: {subject}\r\n"
            f"Message-ID: <{abs(hash(subject))}@client.example>\r\nDate: Mon, 04 Jan 2027 14:00:00 +0000\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def test_a_title_that_is_an_encoded_word_reaches_each_member_as_written(network):
    subject = "=?utf-8?b?" + base64.b64encode(f"[Vote] {INNER}".encode()).decode() + "?="
    network.deliver(raw_message("Amina Diallo <amina@example.org>", subject,
                                "Closes: in 5 days\r\n\r\nThat we adopt the plan."), authenticated="pass")
    network.step()
    li = network.only_message_to("li@example.org", network.new_messages())
    assert shown(li.data, "Subject") == f"[Vote 1] {INNER}"
    assert "\n" not in shown(li.data, "Subject") and "Bcc" not in str(li.msg["Subject"]).split(INNER)[0]


def test_a_strangers_subject_that_is_an_encoded_word_reaches_the_coordinators_as_written(network):
    subject = "=?utf-8?b?" + base64.b64encode(INNER.encode()).decode() + "?="
    network.deliver(raw_message("someone@elsewhere.example", subject, "Hello, who runs this network?"),
                    authenticated="pass")
    network.step()
    (fwd,) = network.messages_to("amina@example.org", network.new_messages())
    assert INNER in shown(fwd.data, "Subject") and "\n" not in shown(fwd.data, "Subject")


def test_a_name_typed_as_an_encoded_word_is_shown_as_typed(network, capsys, monkeypatch):
    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)
    assert main(["--config", str(network.config), "members", "add", "zed@example.org", "--name", INNER,
                 "--role", "associate"]) == 0
    (copy,) = help_to(network, "zed@example.org")
    to = shown(copy.data, "To")
    assert to.startswith(INNER) and "\n" not in to


def test_a_very_long_name_is_refused_and_the_longest_allowed_reaches_its_member_whole(network, capsys):
    cfg = ["--config", str(network.config)]
    assert main(cfg + ["members", "add", "zed@example.org", "--name", "Z" * 201]) == 2
    assert "201 characters long: at most 200" in capsys.readouterr().err
    assert main(cfg + ["members", "set", "li@example.org", "--name", "L" * 5000]) == 2
    csv = network.folder / "long.csv"
    csv.write_text("name,email,role,coordinator,language,subcommittees\n" + "É" * 300 + ",eve@example.org,core,no,en,\n")
    assert main(cfg + ["members", "import", str(csv)]) == 1
    assert "300 characters long" in capsys.readouterr().err
    longest = ("Ève-Marie Zoé " * 15)[:200]
    assert main(cfg + ["members", "add", "zed@example.org", "--name", longest, "--role", "associate"]) == 0
    (copy,) = help_to(network, "zed@example.org")
    assert shown(copy.data, "To") == f"{longest.strip()} <zed@example.org>"
    assert all(len(line) <= 998 for line in copy.data.split(b"\r\n"))
