"""A ballot's token carried only in an attached copy (a forwarded message/rfc822 part, or a saved
.eml file) never counts, over Dovecot: the copy proves its sender held the ballot, not that they
answered it, and whoever it was forwarded to holds the same token. The member who attached their
own ballot is told so, by name of the vote, and how to vote instead; the coordinators get the
message; nobody else's copy counts for them; a real reply still counts."""
from __future__ import annotations

import email
import email.policy

VOTE = ("[Vote] Adopt the budget", "Closes: in 7 days\n\nThat the budget is adopted.\n")


def _choice(net, address: str):
    return net.db.execute(
        "SELECT e.choice FROM vote_events e JOIN members m ON m.id = e.member_id "
        "WHERE m.email = ? AND e.kind = 'vote' ORDER BY e.id DESC LIMIT 1", [address]).fetchone()


def _with_copy(net, sender: str, subject: str, body: str, ballot, *, as_file: bool = False):
    msg = net.compose(sender, subject, body)
    if as_file:
        msg.add_attachment(ballot.data, maintype="application", subtype="octet-stream", filename="ballot.eml")
    else:
        msg.add_attachment(email.message_from_bytes(ballot.data, policy=email.policy.default))
    return msg


def test_a_ballot_forwarded_as_an_attachment_is_not_a_vote_and_its_owner_is_told(network):
    net = network
    net.send("Amina Diallo <amina@example.org>", *VOTE)
    net.step()
    ballots = {m.to: m for m in net.new_messages()}
    li_ballot, jean_ballot = ballots["li@example.org"], ballots["jean@example.org"]

    net.deliver(_with_copy(net, "Li Wei <li@example.org>", "my vote", "YES", li_ballot), authenticated="pass")
    net.deliver(_with_copy(net, "Jean Tremblay <jean@example.org>", "vote", "OUI", jean_ballot, as_file=True),
                authenticated="pass")
    net.step()
    out = net.new_messages()
    assert _choice(net, "li@example.org") is None and _choice(net, "jean@example.org") is None
    li = net.only_message_to("li@example.org", out)
    assert li.subject == "Passed on to the coordinators: my vote"
    assert 'a copy of our message about Vote 1 ("Adopt the budget") as an attachment' in li.text
    assert "your vote was not counted" in li.text and "use Reply" in li.text
    jean = net.only_message_to("jean@example.org", out)
    assert "une copie de notre message sur Scrutin 1" in jean.text and "votre vote n’a pas été compté" in jean.text
    assert len(net.messages_to("amina@example.org", out)) == 2        # the coordinator has both

    # someone else's copy (Jean attaches Li's ballot) and a forged From with Li's copy: nothing
    # counts, and Jean's answer names no item of Li's
    net.deliver(_with_copy(net, "Jean Tremblay <jean@example.org>", "hers", "YES", li_ballot), authenticated="pass")
    net.deliver(_with_copy(net, "Li Wei <li@example.org>", "vote again", "NO", li_ballot), authenticated="fail")
    net.step()
    out = net.new_messages()
    assert _choice(net, "li@example.org") is None and _choice(net, "jean@example.org") is None
    jean = net.only_message_to("jean@example.org", out)
    assert "Scrutin 1" not in jean.text and "Adopt the budget" not in jean.text

    net.reply(li_ballot, "YES")                    # her real reply counts
    net.step()
    assert "is recorded: Yes." in net.only_message_to("li@example.org", net.new_messages()).text
    assert _choice(net, "li@example.org") == (0,)
