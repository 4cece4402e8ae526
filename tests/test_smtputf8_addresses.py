"""Members whose address is not ASCII, over the real Dovecot + SMTP stack: what they receive when
the sending server offers SMTPUTF8, when it does not (an accented domain still goes, as its
A-label; an accented part before the @ is refused when added, with the reason), and what the
coordinators are told about a message already queued to an address the server cannot carry."""
from __future__ import annotations

import pytest

from tests.fixtures_convenor import Network

JOHN, ANA = "jöhn@example.org", "ana@bücher.example"
ANA_WIRE = "ana@xn--bcher-kva.example"
ANNOUNCE = "Audience: all\n\nThe spring training is open to every member.\n"


def serve(capture, *, smtputf8: bool, pipelining: bool = False):
    """The test's SMTP server, offering SMTPUTF8 (or not) from its next EHLO."""
    capture.stop()
    capture.smtputf8, capture.pipelining = smtputf8, pipelining
    capture.start()


def add(net, address, name, capsys):
    from convenor import cli
    net.close()
    code = cli.main(["--config", str(net.config), "members", "add", address, "--name", name])
    return code, capsys.readouterr()


def copy_to(net, rcpt, messages):
    found = [m for m in messages if m.rcpt_tos == [rcpt]]
    assert len(found) == 1, (rcpt, messages)
    return found[0]


@pytest.mark.parametrize("pipelining", [False, True])
def test_with_smtputf8_both_members_receive_their_mail(network, capsys, pipelining):
    net = network
    serve(net.stack.capture, smtputf8=True, pipelining=pipelining)
    assert add(net, "Jöhn@example.org", "Jöhn Weber", capsys)[0] == 0
    assert add(net, ANA, "Ana Lima", capsys)[0] == 0
    net.send("amina@example.org", "[Announce] Spring training", ANNOUNCE)
    net.step()
    out = net.new_messages()
    john = copy_to(net, JOHN, out)  # the envelope carries the UTF-8 address (SMTPUTF8)
    assert "To: =?utf-8?q?J=C3=B6hn_Weber?= <jöhn@example.org>\r\n".encode() in john.data  # RFC 6532
    capture = net.stack.capture
    (options,) = [o for m, o in zip(capture.messages, capture.mail_options) if m["rcpt_tos"] == [JOHN]]
    assert "SMTPUTF8" in options
    assert "spring training is open" in john.text
    ana = copy_to(net, ANA_WIRE, out)  # the domain as its A-label
    assert b"<ana@xn--bcher-kva.example>" in ana.data and "spring training is open" in ana.text


def test_without_smtputf8_an_accented_local_part_is_refused_when_added_and_a_domain_is_not(network, capsys):
    net = network
    serve(net.stack.capture, smtputf8=False)
    code, printed = add(net, JOHN, "Jöhn Weber", capsys)
    assert code == 2 and "jöhn@example.org cannot be mailed from here" in printed.err and "SMTPUTF8" in printed.err
    assert add(net, ANA, "Ana Lima", capsys)[0] == 0  # an accented domain alone goes as its A-label
    net.send("amina@example.org", "[Announce] Spring training", ANNOUNCE)
    net.step()
    out = net.new_messages()
    assert "spring training is open" in copy_to(net, ANA_WIRE, out).text
    assert not [m for m in out if any("jöhn" in r for r in m.rcpt_tos)]
    net.send("li@example.org", "ADDRESS ADD", "ADDRESS ADD jöhn@example.org\n")
    net.step()
    (answer,) = net.new_messages()
    assert answer.to == "li@example.org" and "cannot be added" in answer.text and "SMTPUTF8" in answer.text


def test_a_message_queued_to_an_address_the_server_cannot_carry_reaches_the_coordinators(mail_stack, tmp_path):
    members = [("Amina Diallo", "amina@example.org", "core", True, "en", []),
               ("Li Wei", "li@example.org", "core", False, "en", []),
               ("Jöhn Weber", JOHN, "core", False, "en", [])]  # added while the server offered SMTPUTF8
    net = Network(tmp_path, stack=mail_stack, members=members)
    try:
        serve(mail_stack.capture, smtputf8=False)  # the provider changed since
        net.send("amina@example.org", "[Announce] Spring training", ANNOUNCE)
        net.step()
        out = net.new_messages()
        assert "spring training is open" in copy_to(net, "li@example.org", out).text
        told = [m for m in out if m.to == "amina@example.org" and "could not be delivered" in m.subject]
        assert len(told) == 1 and "jöhn@example.org" in told[0].text and "SMTPUTF8" in told[0].text
        assert net.db.execute("SELECT state FROM outbox WHERE recipient = ?", [JOHN]).fetchone()[0] == "failed"
    finally:
        net.close()


def test_members_with_such_addresses_vote_by_replying_and_get_their_receipts(network, capsys):
    net = network
    serve(net.stack.capture, smtputf8=True, pipelining=True)
    assert add(net, JOHN, "Jöhn Weber", capsys)[0] == 0
    assert add(net, ANA, "Ana Lima", capsys)[0] == 0
    net.send("amina@example.org", "[Vote] Adopt the budget", "Closes: in 7 days\n\nThat the network adopts it.\n")
    net.step()
    out = net.new_messages()
    john, ana = copy_to(net, JOHN, out), copy_to(net, ANA_WIRE, out)
    net.reply(john, "YES", sender=f"Jöhn Weber <{JOHN}>")   # a UTF-8 From (RFC 6532)
    net.reply(ana, "NO", sender=f"Ana Lima <{ANA_WIRE}>")   # the client writes the A-label
    net.step()
    out = net.new_messages()
    assert "is recorded: Yes." in copy_to(net, JOHN, out).text
    assert "is recorded: No." in copy_to(net, ANA_WIRE, out).text
