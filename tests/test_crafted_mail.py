"""Mail no client should write, but some do (and an attacker will): whatever it looks like, it
reaches the coordinators or is set aside and reported, and the next message is still read.

Messages arrive by IMAP APPEND into the list's INBOX (as a provider's MTA that accepts long
lines would put them there): the test SMTP bridge itself refuses lines over 998 characters.
"""
from __future__ import annotations

import email
import email.policy
import os

from tests.fixtures_convenor import Network

HEAD = b"Date: Mon, 4 Jan 2027 14:00:00 +0000\r\nTo: network@example.org\r\nMIME-Version: 1.0\r\n"


def arrive(net: Network, raw: bytes) -> None:
    """Put `raw` in the list's INBOX, arrived at the test clock's now (its file's mtime, which
    the test Dovecot reports as its INTERNALDATE)."""
    folder = net.stack.dovecot.maildir(net.stack.list_address)
    before = {p for sub in ("new", "cur") if (folder / sub).exists() for p in (folder / sub).iterdir()}
    client = net.stack.imap_client()
    try:
        client.append("INBOX", raw)
    finally:
        client.logout()
    stamp = net.now.timestamp()
    for path in {p for sub in ("new", "cur") for p in (folder / sub).iterdir()} - before:
        os.utime(path, (stamp, stamp))


def test_a_message_with_lines_longer_than_smtp_carries_still_reaches_the_coordinators_whole(network):
    line = "Les dates proposées ne conviennent pas " * 150  # ~5,800 characters, never wrapped
    raw = (b"From: Jean Tremblay <jean@example.org>\r\n" + HEAD + b"Subject: Dates\r\nMessage-ID: <long1@client.example>\r\n"
           b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<p>"
           + line.encode() + b"</p>\r\n")
    arrive(network, raw)
    network.send("li@example.org", "HELP", "HELP")
    network.step()
    out = network.new_messages()
    forward = network.only_message_to("amina@example.org", out)
    assert "Not understood" in forward.subject and "Les dates proposées" in forward.text
    [(name, _ctype, data)] = forward.attachments
    assert name == "original.eml"
    original = email.message_from_bytes(data, policy=email.policy.default)
    assert line.strip() in original.get_content()  # every word the member wrote, as written
    assert network.only_message_to("jean@example.org", out).subject == "Transmis aux coordinateurs : Dates"
    assert network.only_message_to("li@example.org", out).subject.startswith("How to use")
    failed = network.db.execute("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0]
    assert failed == 0


def test_mail_with_no_readable_sender_reaches_the_coordinators_within_the_caps_and_is_set_aside(network):
    unreadable = [
        b"Subject: Urgent\r\nMessage-ID: <nofrom1@client.example>\r\n",                         # no From at all
        b"From: jean@example.org, li@example.org\r\nSubject: Urgent\r\nMessage-ID: <two@client.example>\r\n",
        b"From: Jos\xe9 <jos\xe9@example.net>\r\nSubject: Urgent\r\nMessage-ID: <latin1@client.example>\r\n",
    ] + [b"Subject: Urgent\r\nMessage-ID: <nofrom%d@client.example>\r\n" % i for i in range(2, 5)]
    for i, head in enumerate(unreadable):
        arrive(network, head + HEAD + b"\r\nA woman we support needs a safe place tonight (%d).\r\n" % i)
    network.send("li@example.org", "HELP", "HELP")
    network.step()
    out = network.new_messages()
    forwards = network.messages_to("amina@example.org", out)
    assert len(forwards) == 5                                  # the sender cap of the day (5), shared
    assert all(m.subject == "[Test Network] Sender unreadable: Urgent" for m in forwards)
    assert "safe place tonight (0)" in forwards[0].text and "From: (none)" in forwards[0].text
    assert "From: jean@example.org, li@example.org" in forwards[1].text
    assert "cannot be answered" in forwards[1].text and "To answer the sender" not in forwards[1].text
    assert all(m.attachments and m.attachments[0][0] == "original.eml" for m in forwards)
    assert network.only_message_to("li@example.org", out).subject.startswith("How to use")
    assert {m.to for m in out} == {"amina@example.org", "li@example.org"}  # nobody else written to
    assert network.stack.folder_counts()["Quarantine"] == 6  # each set aside, forwarded or held
    rows = network.db.execute("SELECT state, handler, error FROM inbound WHERE from_addr = ''").fetchall()
    assert len(rows) == 6 and {r[0] for r in rows} == {"quarantined"} and {r[1] for r in rows} == {"stranger"}

    network.advance(days=1)                                    # the one held back is in the summary
    network.step()
    summary = network.only_message_to("amina@example.org", network.new_messages())
    assert "1 more message" in summary.text or "1 message" in summary.text, summary.text


def test_an_html_reply_with_a_broken_declaration_is_read_not_set_aside(network):
    """html.parser asserts on "<![>": the member's HTML-only vote was set aside (quarantined)."""
    network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget",
                 "Closes: in 7 days\n\nThat the network adopts the 2027 budget.\n")
    network.step()
    ballot = network.only_message_to("li@example.org", network.new_messages())
    network.reply(ballot, "", html="<html><body><p>YES</p><![><p>Li</p></body></html>", quote=False)
    network.step()
    receipt = network.only_message_to("li@example.org", network.new_messages())
    assert "is recorded: Yes." in receipt.text, receipt.text
    assert network.stack.folder_counts().get("Quarantine", 0) == 0
