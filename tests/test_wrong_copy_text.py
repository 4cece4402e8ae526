"""A reply on someone else's copy (a ballot or draft copy forwarded, a shared mailbox) never acts
in the owner's name. What the writer wrote used to reach nobody unless the writer could be told
to answer their own copy: mail that is not verified (no answer: its From may be forged), a second
such reply in a day (the writer is told once a day) and a non-member's reply were lost. Over the
real Dovecot + SMTP stack: whenever the writer is not answered, the text reaches the coordinators
(a member's as a pass-on, a non-member's as non-member mail, each within its daily caps); a secret
ballot's stays shown to nobody."""
from __future__ import annotations

from tests.fixtures_convenor import Network


def open_vote(net: Network, secret: bool = False) -> dict:
    return net.open_vote("[Vote] Adopt the budget",
                         ("Secret: yes\n" if secret else "") + "Closes: in 7 days\n\nThat we adopt the budget.")


def counted(net: Network) -> int:
    return net.db.execute("SELECT count(*) FROM vote_events WHERE kind = 'vote'").fetchone()[0]


def test_a_second_reply_on_another_members_ballot_in_a_day_reaches_the_coordinators(network: Network):
    net = network
    ballots = open_vote(net)
    net.reply(ballots["sofia@example.org"], "Yes", sender="li@example.org")
    net.step()
    out = net.new_messages()
    assert "Not recorded: you answered another member's copy" in net.only_message_to("li@example.org", out).subject
    assert "Someone else replied to your copy" in net.only_message_to("sofia@example.org", out).subject
    assert not net.messages_to("amina@example.org", out)  # the writer was answered: nothing lost

    net.reply(ballots["sofia@example.org"], "No, and why was the hotline cut?", sender="li@example.org")
    net.step()
    out = net.new_messages()
    assert not net.messages_to("li@example.org", out) and not net.messages_to("sofia@example.org", out)
    forward = net.only_message_to("amina@example.org", out)
    assert forward.subject == ("[Test Network] Written on another member's copy (Vote 1): "
                               "Re: [Vote 1] Adopt the budget")
    assert "A member replied to a copy of Vote 1 (\"Adopt the budget\") that was sent to Sofia Martins" \
        in forward.flat_text
    assert "They were already told today to reply to their own copy" in forward.flat_text
    assert "why was the hotline cut?" in forward.text and "li@example.org" in forward.text
    assert counted(net) == 0

    # the coordinator answers by replying; Li gets it from the list address
    net.reply(forward, "Use your own ballot, Li: it went to you on Monday.")
    net.step()
    answer = net.only_message_to("li@example.org", net.new_messages())
    assert "Use your own ballot" in answer.text


def test_an_unverified_reply_on_another_members_draft_copy_reaches_the_coordinators(network: Network):
    net = network
    copies = net.open_item("[Draft] Leaflet", "Deadline: in 10 days\n\nComments please.", "Circulated")
    net.reply(copies["jean@example.org"], "Bon pour moi.", sender="li@example.org", authenticated=None)
    net.step()
    out = net.new_messages()
    assert "Quelqu'un d'autre a répondu à votre exemplaire" in net.only_message_to("jean@example.org", out).subject
    assert not net.messages_to("li@example.org", out)  # a From that may be forged is not answered
    forward = net.only_message_to("amina@example.org", out)
    assert forward.subject.startswith("[Test Network] Written on another member's copy (Draft 1)")
    assert "that was sent to Jean Tremblay" in forward.flat_text
    assert "could not be verified" in forward.flat_text and "Bon pour moi." in forward.text
    assert net.db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


def test_a_non_members_reply_on_a_forwarded_ballot_reaches_the_coordinators_as_theirs(network: Network):
    net = network
    ballots = open_vote(net)
    net.reply(ballots["sofia@example.org"], "Yes from me too, can outsiders vote?", sender="bob@elsewhere.example")
    net.step()
    out = net.new_messages()
    assert "Someone else replied to your copy" in net.only_message_to("sofia@example.org", out).subject
    forward = net.only_message_to("amina@example.org", out)
    assert forward.subject.startswith("[Test Network] From a non-member:")
    assert "can outsiders vote?" in forward.text
    assert net.messages_to("bob@elsewhere.example", out)  # verified: told the coordinators have it
    handler = net.db.execute("SELECT handler FROM inbound ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert handler == "stranger"  # within the strangers' daily caps
    assert counted(net) == 0


def test_a_reply_on_another_members_secret_ballot_is_shown_to_nobody(network: Network):
    net = network
    ballots = open_vote(net, secret=True)
    net.reply(ballots["sofia@example.org"], "No, and who decided this?", sender="li@example.org",
              authenticated=None)
    net.step()
    out = net.new_messages()
    assert "Someone else replied to your copy" in net.only_message_to("sofia@example.org", out).subject
    assert not net.messages_to("amina@example.org", out) and not net.messages_to("li@example.org", out)
    assert counted(net) == 0


def test_a_secret_ballot_reply_no_one_could_be_told_of_is_named_in_the_next_summary(network: Network):
    """Jean's mail is not verified (its From may be forged), so he is never answered; Sofia, whose
    secret ballot he answered, is told once a day. His second reply that day reaches nobody at
    once: the coordinators' next daily summary names it (from whom, when, on whose copy of which
    ballot), with no word of it and nothing of anyone's vote."""
    net = network
    ballots = open_vote(net, secret=True)
    net.reply(ballots["sofia@example.org"], "Oui, pour le budget", sender="jean@example.org", authenticated=None)
    net.step()
    out = net.new_messages()
    assert "Someone else replied to your copy" in net.only_message_to("sofia@example.org", out).subject
    net.reply(ballots["sofia@example.org"], "Non finalement, qui a décidé ça ?", sender="jean@example.org",
              authenticated=None)
    net.step()
    assert net.new_messages() == []  # nobody told now: Jean may be forged, Sofia was told today
    assert counted(net) == 0
    assert not net.stack.folder_counts().get("Quarantine")  # a secret ballot's text is kept for nobody to read

    net.advance(days=1)
    net.step()
    summary = net.only_message_to("amina@example.org", net.new_messages())
    assert summary.subject == "[Test Network] 1 reply on another member's secret ballot, shown to nobody"
    text = summary.flat_text
    assert "1 reply on 2027-01-04 (UTC) answered a copy of a secret ballot sent to another member." in text
    assert "Nothing was counted, and what was written is shown to nobody" in text
    assert ("from jean@example.org (Jean Tremblay, a member) (not verified: the From may be forged), "
            "on the copy of Vote 1 sent to Sofia Martins") in text  # a member may be named by a forger
    for word in ("Non", "finalement", "décidé", "Oui", "budget"):
        assert word not in summary.text  # no word written, nothing of a vote
    assert net.db.execute("SELECT count(*) FROM vote_events").fetchone()[0] == 0


def test_a_secret_ballot_reply_whose_owner_was_told_is_not_in_the_summary(network: Network):
    """Sofia was told of the one reply on her copy: nothing else needs to reach the coordinators."""
    net = network
    ballots = open_vote(net, secret=True)
    net.reply(ballots["sofia@example.org"], "Yes", sender="jean@example.org", authenticated=None)
    net.step()
    net.new_messages()
    net.advance(days=1)
    net.step()
    assert not [m for m in net.new_messages() if m.to == "amina@example.org"]
