"""Held until confirmed: forged coordinators' items and membership changes, over the real
Dovecot + SMTP stack. The network trusts the bridge's Authentication-Results; a message the
bridge does not stamp is unverified, one it stamps dmarc=fail is forged."""
from __future__ import annotations

from tests.fixtures_convenor import DEFAULT_MEMBERS

EVERYONE = [m[1] for m in DEFAULT_MEMBERS]
EXE = b"MZ\x90\x00" + b"\x00" * 3000


def forged_draft(network, **kwargs):
    return network.send("Amina Diallo <amina@example.org>", "[Draft] Procedure",
                        "Audience: all\nDeadline: in 10 days\n\nPlease read the new procedure attached.\n",
                        attachments=[("procedure.pdf.exe", "application/octet-stream", EXE)],
                        authenticated=None, **kwargs)


def held_draft(network):
    """The unverified draft sent and held: the request to confirm it that Amina gets."""
    forged_draft(network)
    network.step()
    return network.only_message_to("amina@example.org", network.new_messages())


def test_an_unverified_draft_is_held_and_only_its_sender_hears_until_she_says_go(network):
    forged_draft(network)
    network.step()
    out = network.new_messages()
    confirmation = network.only_message_to("amina@example.org", out)
    assert [m.to for m in out] == ["amina@example.org"]
    text = confirmation.text
    assert "GO" in text and "procedure.pdf.exe (3.0 kB)" in text and "5 members would receive the draft" in text
    assert "feedback deadline" in text and "Please read the new procedure attached." in text
    assert network.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0

    network.reply(confirmation, "GO", authenticated=None)
    network.step()
    out = network.new_messages()
    assert sorted(m.to for m in out) == sorted(EVERYONE)  # the draft to 5 members, the ack to Amina
    copy = network.only_message_to("jean@example.org", out)
    assert any(name == "procedure.pdf.exe" for name, _, _ in copy.attachments)


def test_a_confirmation_token_from_another_address_changes_nothing(network):
    confirmation = held_draft(network)
    network.reply(confirmation, "GO", sender="li@example.org")
    network.reply(confirmation, "GO", sender='"amina@example.org" <evil@attacker.example>')
    network.step()
    out = network.new_messages()
    # Amina is told once that her token was used from elsewhere; Li (a verified member) is told his
    # reply on someone else's copy recorded nothing, without whose; the forger gets nothing
    assert sorted(m.to for m in out) == ["amina@example.org", "li@example.org"]
    assert "nothing was recorded in your name" in network.only_message_to("amina@example.org", out).subject
    li = network.only_message_to("li@example.org", out)
    assert "Not recorded" in li.subject and "amina" not in li.text.lower()
    assert network.db.execute("SELECT state FROM held").fetchone()[0] == "held"
    assert network.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


def test_a_held_item_expires_and_a_late_go_does_nothing(network):
    confirmation = held_draft(network)
    network.advance(days=3, minutes=1)
    network.step()
    told = network.only_message_to("amina@example.org", network.new_messages())
    assert "nothing was done" in told.subject.lower()
    network.reply(confirmation, "GO")
    network.step()
    out = network.new_messages()
    assert [m.to for m in out] == ["amina@example.org"] and "expired" in out[0].text
    assert network.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


def test_a_go_that_arrived_before_the_expiry_counts_though_read_after_it(network):
    confirmation = held_draft(network)
    network.advance(days=2, hours=23)
    network.reply(confirmation, "GO", authenticated=None)  # reaches the mailbox in time
    network.advance(hours=2)  # Convenor was down: it reads the GO after the expiry
    network.step()
    out = network.new_messages()
    assert sorted(m.to for m in out) == sorted(EVERYONE)  # circulated, not expired
    assert network.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1


def test_a_forged_leave_is_held_and_confirm_makes_it_happen(network):
    network.send("li@example.org", "LEAVE Training", "LEAVE Training", authenticated=None)
    network.step()
    confirmation = network.only_message_to("li@example.org", network.new_messages())
    assert "CONFIRM" in confirmation.text
    from store import members
    li = members.get_by_email(network.db, "li@example.org")
    assert members.subcommittees_of(network.db, li["id"]) == ["Training"]
    network.reply(confirmation, "yes please")
    network.step()
    unclear = network.only_message_to("li@example.org", network.new_messages())
    assert "still waiting" in unclear.subject.lower()
    network.reply(confirmation, "CONFIRM")
    network.step()
    out = network.new_messages()
    assert members.subcommittees_of(network.db, li["id"]) == []
    assert sorted(m.to for m in out) == ["amina@example.org", "li@example.org"]


def test_dmarc_fail_is_quarantined_and_the_coordinators_told(network):
    network.send("Amina Diallo <amina@example.org>", "[Meeting] Training session",
                 "When: 2027-01-20 18:00\nWhere: 12 rue Example, back entrance\n"
                 "Call: https://evil.example/join\nAudience: all\n", authenticated="fail")
    network.step()
    out = network.new_messages()
    assert [m.to for m in out] == ["amina@example.org"]  # the only coordinator
    assert "Someone wrote in the name of Amina Diallo" in out[0].subject
    assert network.db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0
