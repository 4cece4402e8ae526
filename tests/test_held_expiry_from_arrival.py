"""A held item's confirmation window counts from when the message reached the mailbox, not from
when Convenor read it: over the real Dovecot + SMTP stack, with the daemon down for part (or
all) of the window. `trust.confirm_days` is 3 (the default)."""
from __future__ import annotations

from datetime import timedelta

from store.times import from_db


def _unverified_draft(network):
    return network.send("Amina Diallo <amina@example.org>", "[Draft] Procedure",
                        "Audience: all\nDeadline: in 10 days\n\nPlease read the new procedure.\n",
                        authenticated=None)


def test_a_held_draft_read_two_days_late_expires_three_days_after_it_arrived(network):
    network.start()
    arrived = network.now
    _unverified_draft(network)        # reaches the mailbox; Convenor is down for two days
    network.advance(days=2)
    network.step()
    confirmation = network.only_message_to("amina@example.org", network.new_messages())
    assert "GO" in confirmation.text
    held = network.db.execute("SELECT received_at, expires_at FROM held").fetchone()
    assert from_db(held[0]) == arrived and from_db(held[1]) == arrived + timedelta(days=3)
    network.advance(days=1, minutes=1)  # three days and a minute after arrival (one after reading)
    network.step()
    told = network.only_message_to("amina@example.org", network.new_messages())
    assert "nothing was done" in told.subject.lower()
    assert network.db.execute("SELECT state FROM held").fetchone()[0] == "expired"
    network.reply(confirmation, "GO", authenticated=None)
    network.step()
    out = network.new_messages()
    assert [m.to for m in out] == ["amina@example.org"] and "expired" in out[0].text
    assert network.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


def test_a_held_draft_read_after_its_whole_window_is_not_offered_for_confirmation(network):
    network.start()
    _unverified_draft(network)
    network.advance(days=4)            # down past the whole window
    network.step()
    out = network.new_messages()
    told = network.only_message_to("amina@example.org", out)
    assert [m.to for m in out] == ["amina@example.org"]
    assert "nothing was done" in told.subject.lower()
    assert "could only be read" in told.text and "within 3 day(s) of its arrival" in " ".join(told.text.split())
    assert network.db.execute("SELECT state, raw FROM held").fetchone() == ("expired", None)
    network.advance(days=1)
    network.step()
    assert network.new_messages() == []  # no second notice from a timer
