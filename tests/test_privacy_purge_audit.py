"""The privacy purge reaches every column that holds a non-member's address or a member's words
(an audit of the store's schema against `privacy.purge_after_days`), over Dovecot: bytes of a
word in the store files before and after `convenor purge --days N`."""
from __future__ import annotations

from tests.store_bytes import occurrences_in_store, purge

OTHER = "li.private@home.example"


def test_an_address_asked_to_be_added_and_never_confirmed_is_gone_after_the_purge(network, monkeypatch):
    net = network
    net.send("Li Wei <li@example.org>", f"ADDRESS ADD {OTHER}", f"ADDRESS ADD {OTHER}")
    net.step()
    confirmations = {m.to: m for m in net.new_messages()}
    assert sorted(confirmations) == [OTHER, "li@example.org"]
    assert occurrences_in_store(net, OTHER, any_case=True) > 0
    purge(net, monkeypatch, 5)                        # asked today: kept, still pending
    assert occurrences_in_store(net, OTHER, any_case=True) > 0
    assert net.db.execute("SELECT state FROM address_requests").fetchone()[0] == "pending"
    net.close()

    net.advance(days=6)
    purge(net, monkeypatch, 5)
    assert occurrences_in_store(net, OTHER, any_case=True) == 0
    assert net.db.execute("SELECT state, address FROM address_requests").fetchone() == ("cancelled", "")
    net.close()

    # a confirmation arriving after the purge adds nothing; Li is told it was not taken
    net.reply(confirmations[OTHER], "YES", sender=OTHER)
    net.step()
    out = net.new_messages()
    assert [m.to for m in out] == ["li@example.org"] and "not counted" in out[0].text
    assert net.db.execute("SELECT count(*) FROM member_addresses WHERE address = ?", [OTHER]).fetchone()[0] == 0


def test_an_added_address_stays_but_the_request_row_forgets_it(network, monkeypatch):
    net = network
    net.send("Li Wei <li@example.org>", f"ADDRESS ADD {OTHER}", f"ADDRESS ADD {OTHER}")
    net.step()
    confirmations = {m.to: m for m in net.new_messages()}
    net.reply(confirmations["li@example.org"], "YES")
    net.reply(confirmations[OTHER], "YES", sender=OTHER)
    net.step()
    net.new_messages()
    net.advance(days=6)
    purge(net, monkeypatch, 5)
    db = net.db
    assert db.execute("SELECT state, address FROM address_requests").fetchone() == ("done", "")
    assert db.execute("SELECT count(*) FROM member_addresses WHERE address = ?", [OTHER]).fetchone()[0] == 1


def test_a_strangers_subject_and_a_held_messages_sender_are_blanked_by_the_purge(network, monkeypatch):
    net = network
    net.send("Sam Stranger <sam@elsewhere.example>", "Zanzibarquokka picnic", "Where do you meet?")
    net.send("Amina Diallo <amina@example.org>", "[Draft] Procedure",   # unverified: held
             "Audience: all\nDeadline: in 10 days\n\nThe Xylophonewombat procedure.\n", authenticated=None)
    net.step()
    out = net.new_messages()
    confirmation = [m for m in out if m.to == "amina@example.org" and "GO" in m.text][0]
    net.reply(confirmation, "GO", authenticated=None)
    net.step()
    net.new_messages()
    assert occurrences_in_store(net, "Zanzibarquokka") > 0 and occurrences_in_store(net, "Xylophonewombat") > 0
    net.advance(days=11)                               # the draft closes (its digest goes to Amina)
    net.step()
    net.new_messages()
    net.advance(days=6)
    purge(net, monkeypatch, 5)
    assert occurrences_in_store(net, "Zanzibarquokka") == 0     # the forward's subject
    assert occurrences_in_store(net, "Xylophonewombat") == 0    # the draft's introduction, its sent copies
    db = net.db
    assert db.execute("SELECT state, from_addr, reason FROM held").fetchone() == ("confirmed", "", "")
    assert db.execute("SELECT state FROM drafts").fetchall() == [("closed",)]

