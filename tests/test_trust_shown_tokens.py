"""A member's token in a copy forwarded to the coordinators cannot act for the member (over Dovecot):
Li asks the network about her ballot, attaching it; the coordinators get her message, ballot and
token included. A coordinator writing from Li's address to that token (unverified: she cannot sign
as Li's domain) changes nothing: Li is asked to confirm, and only her GO counts it. Li's own
verified replies still count at once."""
from __future__ import annotations

import email
import email.policy
from email.utils import parseaddr

VOTE = ("[Vote] Adopt the budget", "Closes: in 7 days\n\nThat the budget is adopted.\n")


def _li_choice(net):
    return net.db.execute(
        "SELECT e.choice FROM vote_events e JOIN members m ON m.id = e.member_id "
        "WHERE m.email = 'li@example.org' AND e.kind = 'vote' ORDER BY e.id DESC LIMIT 1").fetchone()


def _ballot_to_li_forwarded(net):
    """Open a vote; Li writes a new message with her ballot attached; the coordinator's copy."""
    net.send("Amina Diallo <amina@example.org>", *VOTE)
    net.step()
    ballot = net.only_message_to("li@example.org", net.new_messages())
    question = net.compose("Li Wei <li@example.org>", "A question about the vote", "What does adopting it change?")
    question.add_attachment(email.message_from_bytes(ballot.data, policy=email.policy.default))
    net.deliver(question, authenticated="pass")
    net.step()
    copy = net.only_message_to("amina@example.org", net.new_messages())
    original, = [data for name, _, data in copy.attachments if name == "original.eml"]
    return ballot, original


def _token_address_in(original: bytes, list_address: str) -> str:
    """What the coordinator reads in the forwarded copy: the ballot's reply address."""
    forwarded = email.message_from_bytes(original, policy=email.policy.default)
    inner = next(p for p in forwarded.walk() if p.get_content_type() == "message/rfc822").get_content()
    address = parseaddr(str(inner["Reply-To"]))[1]
    assert address.startswith(list_address.split("@")[0] + "+")
    return address


def test_a_coordinator_forging_a_members_from_with_the_token_they_were_shown_changes_nothing(network):
    net = network
    ballot, original = _ballot_to_li_forwarded(net)
    token_address = _token_address_in(original, net.list_address)
    forged = net.compose("Li Wei <li@example.org>", "Re: " + ballot.subject, "NO", to=token_address)
    net.deliver(forged, authenticated="none")      # Amina cannot sign for Li's domain
    net.step()
    out = net.new_messages()
    assert _li_choice(net) is None                 # not counted
    confirm = net.only_message_to("li@example.org", out)   # Li, at her own address, is asked
    assert [m.to for m in out] == ["li@example.org"] and "confirm" in confirm.subject.lower()
    assert "coordinators saw its reply address" in confirm.text
    net.reply(confirm, "CANCEL")
    net.step()
    net.new_messages()
    assert _li_choice(net) is None


def test_the_member_confirming_or_writing_verified_still_votes(network):
    net = network
    ballot, _ = _ballot_to_li_forwarded(net)
    net.reply(ballot, "NO", authenticated="none")  # Li's own provider does not sign: confirmed first
    net.step()
    confirm = net.only_message_to("li@example.org", net.new_messages())
    assert _li_choice(net) is None
    net.reply(confirm, "GO", authenticated="none")
    net.step()
    receipt = net.only_message_to("li@example.org", net.new_messages())
    assert "is recorded: No." in receipt.text and _li_choice(net) == (1,)
    net.reply(ballot, "YES")                        # verified: at once
    net.step()
    assert "is recorded: Yes." in net.only_message_to("li@example.org", net.new_messages()).text
    assert _li_choice(net) == (0,)


def test_a_token_never_shown_to_the_coordinators_acts_unverified_as_before(network):
    net = network
    net.send("Amina Diallo <amina@example.org>", *VOTE)
    net.step()
    ballot = net.only_message_to("li@example.org", net.new_messages())
    net.reply(ballot, "NO", authenticated="none")
    net.step()
    assert "is recorded: No." in net.only_message_to("li@example.org", net.new_messages()).text
