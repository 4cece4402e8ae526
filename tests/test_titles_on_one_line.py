"""A subject may encode a line break (`=?utf-8?q?Plan=0ABcc:_evil@example.net?=`). Headers of the
mail Convenor sends were always safe (every value is written on one line), but the title taken
from such a subject kept its line breaks, so every member's copy read "Plan" and then a line
"Bcc: evil@example.net" in the text, and the invitation's SUMMARY too. Over the real Dovecot +
SMTP stack: the title is one line everywhere each member sees it.
"""
from __future__ import annotations

from tests.fixtures_convenor import Network


def test_an_encoded_line_break_in_a_subject_stays_one_line_in_every_copy(network: Network):
    net = network
    raw = ("From: Amina Diallo <amina@example.org>\r\nTo: {to}\r\n"
           "Subject: [Meeting] =?utf-8?q?Plan=0D=0ABcc:_evil@example.net=0AX-Evil:_1?=\r\n"
           "Message-ID: <title1@client.example.net>\r\nDate: Mon, 04 Jan 2027 09:00:00 -0500\r\n"
           "Content-Type: text/plain\r\n\r\nWhen: 2027-02-10 18:00\r\n\r\nAbout the plan.\r\n").format(to=net.list_address)
    net.stack.send_to_list(raw.encode(), rcpt=net.list_address, arrived_at=net.now, authenticated="pass")
    net.step()
    out = net.new_messages()
    assert len(out) == 5  # the confirmation, and one copy to each core member
    for m in out:
        assert "Plan Bcc: evil@example.net X-Evil: 1" in m.subject and m.msg["Bcc"] is None
        assert m.msg["X-Evil"] is None and m.rcpt_tos == [m.to]
        assert not any(line.startswith(("Bcc:", "X-Evil:")) for line in m.text.splitlines())
        for _, ctype, data in m.attachments:
            if ctype == "text/calendar":
                assert b"SUMMARY:Plan Bcc: evil@example.net X-Evil: 1\r\n" in data
    li = net.only_message_to("li@example.org", out)
    assert li.text.splitlines()[2] == "Plan Bcc: evil@example.net X-Evil: 1 will take place:"
