"""Several addresses per member, over the real Dovecot + SMTP stack: ADDRESS ADD confirmed from both
addresses, a ballot answered from the other address counts, mail still goes to the primary one."""
from __future__ import annotations

from tests.fixtures_convenor import network_fixture, roster

MEMBERS = roster("amina", "jean", "li")


net = network_fixture(MEMBERS)


def test_an_address_added_by_email_is_confirmed_from_both_and_then_counts_for_ballots(net):
    net.send("Li Wei <li@example.org>", "ADDRESS ADD li.wei@home.example", "ADDRESS ADD li.wei@home.example")
    net.step()
    confirmations = {m.to: m for m in net.new_messages()}
    assert sorted(confirmations) == ["li.wei@home.example", "li@example.org"]
    assert all("Confirm: add li.wei@home.example" in m.subject for m in confirmations.values())

    # Before the new address confirms, a ballot answered from it does not count.
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget", "The budget.\n")
    net.step()
    ballot = net.only_message_to("li@example.org", [m for m in net.new_messages() if "Vote opened" not in m.subject])
    net.reply(ballot, "Yes", sender="li.wei@home.example")
    net.step()
    out = net.new_messages()
    refused = net.only_message_to("li@example.org", out)
    assert "nothing was recorded in your name" in refused.subject
    # not yet a member's address: what it wrote reaches the coordinators as a non-member's mail
    assert [m.subject for m in net.messages_to("amina@example.org", out)] == [
        "[Test Network] From a non-member: Re: [Vote 1] Adopt the budget"]
    assert len(out) == 3  # and its sender (verified) is told the coordinators have it

    net.reply(confirmations["li@example.org"], "YES")
    net.step()
    (waiting,) = net.new_messages()
    assert waiting.to == "li@example.org" and "once your new address" in " ".join(waiting.text.split())
    net.reply(confirmations["li.wei@home.example"], "Yes", sender="li.wei@home.example")
    net.step()
    (added,) = net.new_messages()
    assert added.to == "li@example.org" and "li.wei@home.example is now one of your addresses" in " ".join(added.text.split())

    net.reply(ballot, "Yes", sender="Li Wei <li.wei@home.example>")            # now it counts
    net.step()
    (receipt,) = net.new_messages()
    assert receipt.to == "li@example.org" and "is recorded: Yes." in receipt.text  # mail goes to the primary
    net.send("Li Wei <li.wei@home.example>", "STATUS", "STATUS")                  # and commands work from it
    net.step()
    (status,) = net.new_messages()
    assert status.to == "li@example.org" and "Vote 1" in status.text


def test_an_address_of_another_member_cannot_be_claimed_and_no_cancels_in_french(net):
    net.send("Jean Tremblay <jean@example.org>", "ADRESSE AJOUTER li@example.org", "ADRESSE AJOUTER li@example.org")
    net.step()
    (taken,) = net.new_messages()
    assert taken.to == "jean@example.org" and "appartient à un autre membre" in taken.text
    net.send("Jean Tremblay <jean@example.org>", "ADRESSE AJOUTER jean@maison.example", "ADRESSE AJOUTER jean@maison.example")
    net.step()
    confirmations = {m.to: m for m in net.new_messages()}
    assert "Confirmez : ajouter jean@maison.example" in confirmations["jean@maison.example"].subject
    net.reply(confirmations["jean@maison.example"], "Non", sender="jean@maison.example")
    net.step()
    (cancelled,) = net.new_messages()
    assert cancelled.to == "jean@example.org" and "est annulée" in cancelled.text
    net.reply(confirmations["jean@example.org"], "Oui")
    net.step()
    (over,) = net.new_messages()
    assert "plus en cours" in over.text


def test_addresses_from_the_command_line(net, capsys):
    from convenor.cli import main
    cfg = ["--config", str(net.config)]
    net.close()
    assert main(cfg + ["members", "set", "li@example.org", "--add-address", "Li.Wei@Home.example"]) == 0
    assert main(cfg + ["members", "set", "jean@example.org", "--add-address", "li.wei@home.example"]) == 2
    assert "another member" in capsys.readouterr().err
    assert main(cfg + ["members", "list"]) == 0
    assert "Li Wei <li@example.org>  (also li.wei@home.example)" in capsys.readouterr().out
    assert main(cfg + ["members", "set", "li.wei@home.example", "--remove-address", "li.wei@home.example"]) == 0
    assert main(cfg + ["members", "set", "li@example.org", "--remove-address", "li.wei@home.example"]) == 2



def test_an_unverified_address_change_is_held_until_the_member_confirms(net):
    # anyone can write Li's address in From: unverified, the change waits for Li's own confirmation
    net.send("Li Wei <li@example.org>", "ADDRESS ADD evil@attacker.example", "ADDRESS ADD evil@attacker.example",
             authenticated=None)
    net.step()
    out = net.new_messages()
    assert [m.to for m in out] == ["li@example.org"]  # the confirmation of a held change, to Li alone
    assert not any(m.to == "evil@attacker.example" for m in out)
