"""Downtime changes nothing a person sees but how late the answers come.

The daemon is stopped across a deadline and started hours later. Whatever the close decides
(who was on leave, so outside the quorum, and the close time each person is told) is judged at
the deadline, not at the moment the daemon came back.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures_convenor import Network

MEMBERS = [
    ("Amina Diallo", "amina@example.org", "core", True, "en", []),
    ("Jean Tremblay", "jean@example.org", "core", False, "fr", []),
    ("Li Wei", "li@example.org", "core", False, "en", []),
    ("Sofia Martins", "sofia@example.org", "core", False, "en", []),
    ("Kofi Mensah", "kofi@example.org", "core", False, "en", []),
    ("Rosa Lima", "rosa@example.org", "core", False, "en", []),
    ("Omar Haddad", "omar@example.org", "core", False, "en", []),
]
# "in 7 days" from Monday 2027-01-04 09:00 Toronto: Monday 2027-01-11 17:00 EST = 22:00 UTC.
CLOSE = datetime(2027, 1, 11, 22, 0, tzinfo=timezone.utc)


@pytest.fixture
def net(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    yield network
    network.close()


def test_a_vote_closed_while_the_daemon_was_down_is_counted_and_dated_as_at_its_deadline(net):
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget",
             "Closes: in 7 days\nQuorum: 50%\n\nThat the network adopts the 2027 budget.\n")
    net.step()
    ballots = {m.to: m for m in net.new_messages() if "Vote opened" not in m.subject}
    assert len(ballots) == 7
    for away in ("sofia@example.org", "kofi@example.org", "rosa@example.org"):  # on leave through the close day
        net.send(away, "AWAY until 2027-01-11", "AWAY until 2027-01-11")
    net.advance(hours=1)
    net.reply(ballots["amina@example.org"], "YES")
    net.reply(ballots["li@example.org"], "YES")
    net.step()
    net.new_messages()

    net.close()                                               # down from before the close …
    net.set_time(CLOSE + timedelta(hours=14))                 # … to the next morning, leave over
    net.step()
    out = net.new_messages()
    roll = [m for m in net.messages_to("amina@example.org", out) if "roll" in m.subject]
    assert len(roll) == 1
    assert "Turnout: 2 of 4 members counted for the quorum (50%); quorum 50%: reached." in roll[0].text, roll[0].text
    assert "On leave at the close: Kofi Mensah, Rosa Lima, Sofia Martins" in roll[0].text
    assert "closed on Monday, January 11, 2027, 5:00 PM" in roll[0].text
    result = net.only_message_to("li@example.org", out)
    assert "ADOPTED" in result.text and "5:00 PM" in result.text and "7:00 AM" not in result.text

    net.advance(hours=1)                                      # a vote after the close, read later still
    net.reply(ballots["omar@example.org"], "No")
    net.step()
    late = net.only_message_to("omar@example.org", net.new_messages())
    assert "not counted" in late.text and "5:00 PM" in late.text and "7:00 AM" not in late.text, late.text
