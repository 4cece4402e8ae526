"""A non-member's address is kept no longer than `privacy.purge_after_days` (over Dovecot): after
`convenor purge`, the store files hold no byte of it (the message received, its forward to the
coordinators, the notice sent back, the once-a-day notice record), a second copy of the message
is still recognised, and a coordinator answering the old forward is told why nothing was sent."""
from __future__ import annotations

from tests.store_bytes import occurrences_in_store, purge

STRANGER = "sam.canary@elsewhere.example"


def _address_bytes(net) -> int:
    return occurrences_in_store(net, STRANGER, any_case=True)


def test_a_strangers_address_is_gone_from_the_store_after_the_purge(network, monkeypatch):
    net = network
    question = net.send(f"Sam Stranger <{STRANGER}>", "A question", "Where do you meet?")
    net.step()
    out = net.new_messages()
    forward = net.only_message_to("amina@example.org", out)
    assert "Where do you meet?" in forward.text
    assert net.only_message_to(STRANGER, out)          # the notice: the coordinators have it
    assert _address_bytes(net) > 0

    purge(net, monkeypatch, 5)                        # received today: kept
    assert _address_bytes(net) > 0
    net.advance(days=6)
    purge(net, monkeypatch, 5)
    assert _address_bytes(net) == 0
    db = net.db
    assert db.execute("SELECT count(*) FROM inbound").fetchone()[0] == 1     # the rows (and counts) stay
    assert db.execute("SELECT count(*) FROM forwards").fetchone()[0] == 1
    net.close()

    # a second copy of the same message (same Message-ID, other bytes) is still recognised
    del question["Date"]
    question["Date"] = "Tue, 5 Jan 2027 09:00:00 +0000"
    net.deliver(question, authenticated="pass")
    net.step()
    assert net.new_messages() == []
    assert net.db.execute("SELECT count(*) FROM inbound").fetchone()[0] == 1
    net.close()

    # a coordinator answering the old forward is told why nothing can be sent
    net.reply(forward, "We meet on Tuesdays.")
    net.step()
    out = net.new_messages()
    assert [m.to for m in out] == ["amina@example.org"], [(m.to, m.subject) for m in out]
    assert "Nothing was sent" in out[0].text and "purge_after_days" in out[0].text


def test_a_members_forward_can_still_be_answered_after_the_purge(network, monkeypatch):
    net = network
    net.send("Li Wei <li@example.org>", "Hello", "Who do I ask about the training?")
    net.step()
    forward = net.only_message_to("amina@example.org", net.new_messages())
    net.advance(days=6)
    purge(net, monkeypatch, 5)
    net.reply(forward, "Ask Sofia.")
    net.step()
    out = net.new_messages()
    assert "Ask Sofia." in net.only_message_to("li@example.org", out).text
