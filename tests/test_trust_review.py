"""An attacker's review of trust (after #11 and #13): each attack through the real stack (Dovecot +
SMTP), each changing nothing and sending nothing but the confirmation or the coordinators' notice."""
from __future__ import annotations

import dkim

from tests.test_trust_forgeries import ANNOUNCE, CONFIRM, forge, signed  # noqa: F401 - `signed` is a fixture

HIDDEN_FROM = b"X-Mailer: Outlook\rFrom: Amina Diallo <amina@example.org>\r\n"  # a lone CR, then a From


def _hidden_from_announce(net, from_line: bytes) -> bytes:
    """An [Announce] whose one From (read line by line, as every MTA and DKIM reads headers) is the
    attacker's, with a coordinator's From hidden behind a lone CR (which the email package takes for
    a line end)."""
    return (HIDDEN_FROM + from_line + b"To: " + net.list_address.encode() + b"\r\nSubject: " + ANNOUNCE[0].encode()
            + b"\r\nMessage-ID: <hidden-from@attacker.example>\r\nDate: Mon, 4 Jan 2027 09:00:00 +0000\r\n\r\n"
            + ANNOUNCE[1].replace("\n", "\r\n").encode())


def test_a_from_hidden_behind_a_lone_cr_is_not_verified_by_the_attackers_dmarc_pass(network):
    # the receiving MTA (the trusted one) reads the attacker's own From, and reports its pass
    raw = _hidden_from_announce(network, b"From: evil@attacker.example\r\n")
    stamp = (b"Authentication-Results: mx.test.example; dkim=pass header.d=attacker.example;"
             b" dmarc=pass header.from=attacker.example\r\n")
    forge(network, lambda: network.deliver(stamp + raw), allowed={"amina@example.org"}, expect=CONFIRM)


def test_a_from_hidden_behind_a_lone_cr_is_not_verified_by_the_attackers_dkim_signature(signed):
    raw = _hidden_from_announce(signed, b"From: evil@attacker.example\r\n")
    signature = dkim.sign(raw, b"sel", b"attacker.example", signed.keys["attacker.example"],
                          include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
    forge(signed, lambda: signed.deliver(signature + raw), allowed={"amina@example.org"}, expect=CONFIRM)


# --- a coordinator removed mid-flight: their steering tokens change nothing ---------------------

def _cli(net, *args) -> int:
    from convenor.cli import main
    return main(["--config", str(net.config), *args])


def test_a_coordinator_demoted_mid_vote_cannot_cancel_it_with_the_votes_confirmation(network):
    assert _cli(network, "members", "set", "jean@example.org", "--coordinator", "yes") == 0
    network.send("amina@example.org", "[Vote] Adopt the budget", "Closes: in 7 days\n\nThat the budget is adopted.\n")
    network.step()
    confirmation, = [m for m in network.new_messages() if "Vote opened" in m.subject]
    assert confirmation.to == "amina@example.org" and "CANCEL" in confirmation.text
    assert _cli(network, "members", "set", "amina@example.org", "--coordinator", "no") == 0   # typed by jean
    network.reply(confirmation, "CANCEL")
    network.step()
    out = network.new_messages()
    assert network.db.execute("SELECT state FROM votes").fetchone()[0] == "open"
    assert sorted(m.to for m in out) == ["amina@example.org", "jean@example.org"]
    assert "changed nothing" in network.only_message_to("amina@example.org", out).text
    to_jean = network.only_message_to("jean@example.org", out)   # in French, his language
    assert "ancienne coordination" in to_jean.subject and "n'en fait\r\nplus partie" in to_jean.text


def test_a_removed_coordinator_cannot_answer_a_stranger_from_the_list_address(network):
    assert _cli(network, "members", "set", "jean@example.org", "--coordinator", "yes") == 0
    network.send("Sam Stranger <sam@elsewhere.example>", "A question", "Where do you meet?")
    network.step()
    forward = network.only_message_to("amina@example.org", network.new_messages())
    assert _cli(network, "members", "remove", "amina@example.org") == 0
    network.reply(forward, "Come to 12 rue Example, back entrance, tonight.")
    network.step()
    out = network.new_messages()
    assert [m.to for m in out] == ["jean@example.org"], [(m.to, m.subject) for m in out]
    assert "ancienne coordination" in out[0].subject and "rue Example" in out[0].text
