"""Sent-folder care against Dovecot: the provider's Sent folder holds Convenor's copies and a
person's own mail; after `sending.remove_sent_copies_after_days` only Convenor's old copies go."""
from __future__ import annotations

from imapclient import IMAPClient

from tests.fixtures_convenor import Network


def sent_folder(stack) -> IMAPClient:
    s = stack.imap_settings("plain")
    client = IMAPClient(s["host"], s["port"], ssl=False)
    client.login(s["username"], s["password"])
    if not client.folder_exists("Sent"):
        client.create_folder("Sent")
    return client


def message_ids(client: IMAPClient) -> set[str]:
    client.select_folder("Sent")
    found = client.fetch(client.search(["ALL"]), ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    return {d[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].decode().partition(":")[2].strip() for d in found.values()}


def person_mail(message_id: str) -> bytes:
    return (f"From: Amina Diallo <{'network'}@example.org>\r\nTo: partner@elsewhere.example\r\n"
            f"Subject: written by hand from the list's webmail\r\nMessage-ID: {message_id}\r\n\r\n"
            "A person's own message, sent from the shared mailbox.\r\n").encode()


def test_only_convenors_own_old_copies_leave_the_sent_folder(network: Network):
    network.settings.sending.remove_sent_copies_after_days = 30
    client = sent_folder(network.stack)
    try:
        network.send("li@example.org", "help", "HELP")
        network.send("sofia@example.org", "help", "HELP")
        network.step()
        old = network.new_messages()
        assert len(old) == 2
        # the provider keeps a copy of what went through its SMTP, dated when it went
        for m in old:
            client.append("Sent", m.data, msg_time=network.now)
        people = ["<CAF=handwritten.1@mail.gmail.com>", "<by-hand.42@example.org>"]  # one on the list's domain
        for mid in people:
            client.append("Sent", person_mail(mid), msg_time=network.now)
        network.advance(days=29)
        network.send("jean@example.org", "aide", "HELP")
        network.step()
        (recent,) = network.new_messages()
        client.append("Sent", recent.data, msg_time=network.now)
        network.advance(days=2)  # the first two are now 31 days old, the third 2 days
        network.step()
        assert message_ids(client) == set(people) | {recent.message_id}
        network.advance(days=30)
        network.step()
        assert message_ids(client) == set(people)  # the person's mail is never touched
    finally:
        client.logout()
