"""The spine, as members and coordinators meet it: mail in, one answer out, nothing lost.

Each scenario runs over the real Dovecot + SMTP stack and over the embedded Maildir default.
"""
from __future__ import annotations

import pytest

from tests.dsn import delivery_report


BOTH = ["network", "maildir_network"]


@pytest.fixture(params=BOTH)
def net(request):
    return request.getfixturevalue(request.param)


def test_a_member_who_writes_help_gets_a_reply_in_their_own_language(net):
    net.send("Jean Tremblay <jean@example.org>", "aide", "HELP\n")
    net.send("Li Wei <li@example.org>", "help", "help please")
    net.step()
    out = net.new_messages()
    jean = net.only_message_to("jean@example.org", out)
    li = net.only_message_to("li@example.org", out)
    assert "par courriel" in jean.subject and "Bonjour Jean Tremblay" in jean.text
    assert "JOIN" in jean.text  # a core member is told how to join a sub-committee
    assert "How to use" in li.subject and "reply with YES, NO or ABSTAIN" in li.text
    assert len(out) == 2


def test_every_message_has_one_recipient_and_the_headers_that_keep_loops_away(net):
    net.send("Li Wei <li@example.org>", "help", "HELP")
    net.step()
    (msg,) = net.new_messages()
    assert msg.msg.get_all("To") == [msg.msg["To"]] and msg.msg["Cc"] is None and msg.msg["Bcc"] is None
    assert msg.msg["Auto-Submitted"] == "auto-generated"
    assert "example.org" in msg.msg["List-Id"]
    assert msg.message_id.endswith("@example.org>")
    if net.stack is not None:
        assert msg.rcpt_tos == ["li@example.org"]
        local, domain = net.list_address.split("@")
        assert msg.envelope_from.startswith(f"{local}+b-") and msg.envelope_from.endswith("@" + domain)


def test_handled_mail_is_moved_to_processed_and_never_deleted(network):
    for i in range(3):
        network.send("li@example.org", f"help {i}", "HELP")
    network.step()
    counts = network.stack.folder_counts()
    assert counts["INBOX"] == 0 and counts["Processed"] == 3
    assert len(network.new_messages()) == 3


def test_a_message_convenor_does_not_understand_goes_to_the_coordinators_with_the_original(net):
    net.send("Sofia Martins <sofia@example.org>", "Question about the brochure",
             "Where can I find the printed copies?")
    net.step()
    out = net.new_messages()
    forward = net.only_message_to("amina@example.org", out)  # the only coordinator
    assert "Question about the brochure" in forward.subject
    assert "sofia@example.org" in forward.text and "printed copies" in forward.text
    (name, ctype, data) = forward.attachments[0]
    assert ctype == "message/rfc822" and b"printed copies" in data
    answer = net.only_message_to("sofia@example.org", out)  # the sender is told, never left in silence
    assert "Passed on to the coordinators" in answer.subject and "printed copies" not in answer.text
    assert len(out) == 2  # nobody else


@pytest.mark.parametrize("headers, subject", [
    ({"Auto-Submitted": "auto-replied"}, "Re: help"),
    ({"Precedence": "bulk"}, "Weekly digest"),
    # header-less, automatic by the subject alone: a guess only when it answers a message (it is then
    # kept for the coordinators, never answered); as a new message it is a person's (see
    # tests/test_machine_guesses_scenario.py)
    ({"In-Reply-To": "<a1@client.example.net>"}, "Out of Office: away until Monday"),
    ({"In-Reply-To": "<a2@client.example.net>"}, "Réponse automatique : absente"),
    ({"X-Autoreply": "yes"}, "Away"),
    ({"List-Id": "<other.lists.example.net>", "Precedence": "list"}, "[other] hello"),
])
def test_automatic_mail_and_list_traffic_are_never_answered(net, headers, subject):
    net.send("li@example.org", subject, "I am away. HELP", headers=headers)
    net.step()
    assert net.new_messages() == []


def test_our_own_message_coming_back_is_not_answered(net):
    net.send(f"Test Network <{net.list_address}>", "help", "HELP")
    net.step()
    assert net.new_messages() == []


def test_ordinary_outlook_mail_with_only_x_auto_response_suppress_is_human(net):
    net.send("li@example.org", "help", "HELP", headers={"X-Auto-Response-Suppress": "All"})
    net.step()
    assert len(net.messages_to("li@example.org", net.new_messages())) == 1


def test_a_stranger_is_forwarded_and_gets_at_most_one_notice_a_day(net):
    for i in range(3):
        net.send("Curious Person <curious@elsewhere.net>", f"Hello {i}", "Can I join?")
    net.step()
    out = net.new_messages()
    assert len(net.messages_to("amina@example.org", out)) == 3
    assert len(net.messages_to("curious@elsewhere.net", out)) == 1
    net.advance(days=1)
    net.send("curious@elsewhere.net", "Hello again", "Anyone?")
    net.step()
    assert len(net.messages_to("curious@elsewhere.net", net.new_messages())) == 1


def test_a_message_with_broken_mime_is_set_aside_and_the_daemon_keeps_going(network):
    broken = (b"From: li@example.org\r\nTo: network@example.org\r\nSubject: broken\r\n"
              b"Message-ID: <broken-1@example.net>\r\nMIME-Version: 1.0\r\n"
              b"Content-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\n--zzz\r\n"
              b"Content-Type: text/plain; charset=\"no-such-charset\"\r\n"
              b"Content-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@\r\n")
    network.deliver(broken, rcpt=network.list_address)
    network.send("li@example.org", "help", "HELP")
    network.step()
    out = network.new_messages()
    to_li = network.messages_to("li@example.org", out)  # the HELP text, and word that the other was unreadable
    assert len(to_li) == 2 and sum("could not be read" in m.text for m in to_li) == 1
    counts = network.stack.folder_counts()
    assert counts["INBOX"] == 0
    assert counts.get("Quarantine", 0) + counts["Processed"] == 2


def test_a_handler_failure_quarantines_the_message_and_tells_the_coordinators(network, monkeypatch):
    from workflows.routing import table

    def explode(*args, **kwargs):
        raise RuntimeError("simulated handler bug")

    monkeypatch.setitem(table.COMMANDS, "HELP", explode)
    network.send("li@example.org", "help", "HELP")
    network.send("sofia@example.org", "a question", "Is the meeting on?")
    network.step()
    out = network.new_messages()
    told = [m for m in network.messages_to("amina@example.org", out) if "set aside" in m.subject]
    assert len(told) == 1 and "simulated handler bug" in told[0].text
    assert told[0].attachments and b"HELP" in told[0].attachments[0][2]
    assert network.stack.folder_counts()["Quarantine"] == 1
    assert network.messages_to("li@example.org", out) == []


def test_the_same_message_delivered_twice_is_handled_once(net):
    msg = net.compose("li@example.org", "help", "HELP")
    net.deliver(msg)
    net.deliver(msg)
    net.step()
    assert len(net.new_messages()) == 1


def test_a_permanent_bounce_marks_the_member_and_tells_the_coordinators(network):
    network.settings.bounces.threshold = 1.0  # one permanent bounce is enough here (the default
    # takes five days of bounces: see test_bounce_scores.py)
    network.send("li@example.org", "help", "HELP")
    network.step()
    (sent,) = network.new_messages()
    bounce_rcpt = sent.envelope_from
    # the failed address is a forwarding alias, not Li's: only the bounce token names the message
    dsn = _dsn(bounce_rcpt, "li.wei@old-provider.example", "5.1.1", sent.data)
    network.deliver(dsn, rcpt=bounce_rcpt)
    network.step()
    out = network.new_messages()
    (told,) = out
    assert told.to == "amina@example.org" and "Li Wei" in told.subject
    assert sent.subject in told.text  # the exact message that bounced
    from store import members
    assert members.get_by_email(network.db, "li@example.org")["bouncing"] == 1


def test_a_temporary_bounce_changes_nothing(network):
    network.send("li@example.org", "help", "HELP")
    network.step()
    (sent,) = network.new_messages()
    network.deliver(_dsn(sent.envelope_from, "li@example.org", "4.2.2", sent.data), rcpt=sent.envelope_from)
    network.step()
    assert network.new_messages() == []
    from store import members
    assert members.get_by_email(network.db, "li@example.org")["bouncing"] == 0


def _dsn(to: str, failed: str, status: str, original: bytes) -> bytes:
    return delivery_report(to, failed, status, original)


def test_a_network_can_reword_any_message_with_its_own_templates(tmp_path):
    from tests.fixtures_convenor import Network
    own = tmp_path / "our-templates" / "en"
    own.mkdir(parents=True)
    (own / "help.txt").write_text("{% block subject %}Our own help{% endblock %}"
                                  "{% block body %}Dear {{ member.name }}, call the office.{% endblock %}")
    net = Network(tmp_path, extra_settings='[templates]\nfolder = "our-templates"\n')
    try:
        net.send("li@example.org", "help", "HELP")
        net.send("jean@example.org", "aide", "HELP")
        net.step()
        out = net.new_messages()
        li, jean = net.only_message_to("li@example.org", out), net.only_message_to("jean@example.org", out)
        assert li.subject == "Our own help" and "Dear Li Wei, call the office." in li.text
        assert "par courriel" in jean.subject  # French was not overridden: the shipped one is used
    finally:
        net.close()
