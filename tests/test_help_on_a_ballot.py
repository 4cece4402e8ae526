"""HELP (or AIDE, ?) written in reply to a ballot gets the HELP answer with how to vote on that
ballot (not "your vote could not be read"); nothing is counted; replying YES to that answer votes."""
from __future__ import annotations

import pytest


def _ballot_of(net, address):
    net.send("amina@example.org", "[Vote] Adopt the budget", "That we adopt the budget.")
    net.step()
    out = net.new_messages()
    return next(m for m in net.messages_to(address, out) if "[Vote" in m.subject or "[Scrutin" in m.subject), out


@pytest.mark.parametrize("word", ["HELP", "help please", "?"])
def test_help_in_reply_to_a_ballot_gets_the_help_with_how_to_vote(network, word):
    ballot, _ = _ballot_of(network, "li@example.org")
    network.reply(ballot, word)
    network.step()
    out = network.new_messages()
    answer = network.only_message_to("li@example.org", out)
    text = answer.flat_text
    assert answer.subject.startswith("[Vote 1] How to use Test Network by email")
    assert "could not be read" not in text
    assert 'You wrote HELP in reply to your ballot on "Adopt the budget" (Vote 1); it was not counted' in text
    assert "Reply with YES, NO or ABSTAIN" in text and "Write STATUS to" in text
    assert not network.messages_to("amina@example.org", out)  # nothing to pass on
    network.reply(answer, "YES")  # the answer carries the ballot: replying to it votes
    network.step()
    receipt = network.only_message_to("li@example.org", network.new_messages())
    assert "could not be read" not in receipt.flat_text and "Yes" in receipt.flat_text


def test_aide_in_reply_to_a_ballot_gets_the_french_help_with_how_to_vote(network):
    ballot, _ = _ballot_of(network, "jean@example.org")
    network.reply(ballot, "AIDE")
    network.step()
    answer = network.only_message_to("jean@example.org", network.new_messages())
    text = answer.flat_text
    assert answer.subject.startswith("[Scrutin 1] Utiliser Test Network par courriel")
    assert "Vous avez écrit AIDE en réponse à votre bulletin sur « Adopt the budget » (Scrutin 1)" in text
    assert "Répondez OUI, NON ou ABSTENTION" in text and "Écrivez STATUT à" in text


def test_a_help_request_in_words_on_a_ballot_is_still_a_message_not_the_command(network):
    ballot, _ = _ballot_of(network, "li@example.org")
    network.reply(ballot, "Help! I do not understand the motion, what does it change?")
    network.step()
    out = network.new_messages()
    answer = network.only_message_to("li@example.org", out)
    assert "could not be read" in answer.flat_text  # the clarification, and the coordinators have it
    assert network.messages_to("amina@example.org", out)
