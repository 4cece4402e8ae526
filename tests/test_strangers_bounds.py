"""Strangers cannot amplify: forwards are capped per sender and for the network each day, large
messages are forwarded as headers and first lines, what is held back stays in Quarantine and the
coordinators get at most one summary a day. Real Dovecot + SMTP."""
from __future__ import annotations

import os

from tests.fixtures_convenor import network_fixture

SETTINGS = "[strangers]\nmax_forward_mb = 1\nforwards_per_sender_per_day = 3\nforwards_per_day = 5\n"


net = network_fixture(extra_settings=SETTINGS)


def _to_amina(messages):
    return [m for m in messages if m.to == "amina@example.org"]


def test_forwards_are_capped_per_sender_and_per_day_and_summarised_once(net):
    for i in range(6):
        net.send(f"Mallory <mallory@elsewhere.example>", f"Offer {i}", f"Buy now {i}")
    for who in ("bob", "carol", "dan"):
        net.send(f"{who.title()} <{who}@elsewhere.example>", f"Hello from {who}", "Hello")
    net.step()
    sent = net.new_messages()
    forwards = [m for m in _to_amina(sent) if "From a non-member" in m.subject]
    assert sorted(m.subject.split(": ", 1)[1] for m in forwards) == [
        "Hello from bob", "Hello from carol", "Offer 0", "Offer 1", "Offer 2"]  # 3 per sender, 5 a day
    notices = [m.to for m in sent if m.to.endswith("elsewhere.example")]
    assert len(notices) == len(set(notices)) and "dan@elsewhere.example" not in notices  # held: no notice
    counts = net.stack.folder_counts()
    assert counts.get("Quarantine") == 4 and counts.get("Processed") == 5
    held = net.db.execute("SELECT count(*) FROM inbound WHERE state = 'quarantined' AND raw IS NULL "
                          "AND error LIKE 'held: %'").fetchone()[0]
    assert held == 4
    net.advance(hours=6)  # 20:00 UTC: the same day
    net.step()
    assert not _to_amina(net.new_messages())  # nothing per held message
    net.advance(days=1)
    net.send("Mallory <mallory@elsewhere.example>", "Offer 7", "Again")  # a new day: forwarded again
    net.step()
    out = _to_amina(net.new_messages())
    summaries = [m for m in out if "in Quarantine" in m.subject]
    assert len(summaries) == 1 and summaries[0].subject.endswith("4 more messages from non-members in Quarantine")
    assert "4 more messages were sent" in summaries[0].text
    assert [m.subject for m in out if "From a non-member" in m.subject] == ["[Test Network] From a non-member: Offer 7"]
    net.advance(days=1)
    net.step()
    assert not [m for m in net.new_messages() if "in Quarantine" in m.subject]  # nothing held: no summary


def test_a_large_message_from_a_stranger_is_forwarded_as_headers_and_first_lines(net):
    blob = os.urandom(1_500_000)
    net.send("Big Sender <big@elsewhere.example>", "A large file", "Please look at this.\nSecond line.",
             attachments=[("big.bin", "application/octet-stream", blob)])
    net.step()
    (forward,) = [m for m in _to_amina(net.new_messages()) if "From a non-member" in m.subject]
    assert forward.attachments == []
    assert "above the 1.0 MB forwarded from non-members" in forward.text
    assert "Please look at this." in forward.text and "Message-ID: <" in forward.text
    assert len(forward.data) < 20_000
    assert net.stack.folder_counts().get("Quarantine") == 1
    stored = net.db.execute("SELECT coalesce(sum(size), 0) FROM blobs").fetchone()[0]
    assert stored < 100_000  # the message is not copied into the store
