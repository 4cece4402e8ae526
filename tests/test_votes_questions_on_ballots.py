"""A member who answers their ballot with a question ("Can you explain the motion?") or writes
a comment under their vote used to get only "Your vote could not be read" (or a receipt): what
they wrote reached nobody. Over the real Dovecot + SMTP stack: a question or a message of some
length written on a ballot now reaches the coordinators, who answer it by replying, and the member
is told so in their language; a secret ballot passes nothing on and says how to ask instead.
"""
from __future__ import annotations

import re

from tests.fixtures_convenor import Network


def open_vote(net: Network, body: str = "Closes: in 7 days\n\nThat we adopt the budget.") -> dict:
    return net.open_vote("[Vote] Adopt the budget", body)


def test_a_question_on_a_ballot_reaches_the_coordinators_and_their_answer_the_member(network: Network):
    net = network
    ballots = open_vote(net)
    net.reply(ballots["jean@example.org"], "Je ne suis pas sûr, pouvez-vous m'expliquer la motion ?")
    net.step()
    out = net.new_messages()
    to_jean = net.only_message_to("jean@example.org", out)
    assert to_jean.subject == "[Scrutin 1] Votre vote n'a pas pu être lu"
    assert "Ce que vous avez écrit a été transmis aux coordinateurs, qui vous répondront eux-mêmes." in to_jean.flat_text
    to_amina = net.only_message_to("amina@example.org", out)
    assert to_amina.subject == "[Test Network] Written on a ballot (Vote 1): Re: [Scrutin 1] Adopt the budget"
    assert "A member wrote this in a reply to their ballot of Vote 1 (\"Adopt the budget\")" in to_amina.flat_text
    assert "pouvez-vous m'expliquer la motion" in to_amina.text
    assert not voted(net, "jean@example.org")

    # the coordinator answers by replying; Jean gets it from the list address
    net.reply(to_amina, "The motion adopts the 2027 budget circulated as Draft 2.")
    net.step()
    out = net.new_messages()
    answer = net.only_message_to("jean@example.org", out)
    assert "The motion adopts the 2027 budget" in answer.text
    assert "amina@example.org" not in str(answer.msg["From"])

    # a vote with a question below it: counted, and the question passed on
    net.reply(ballots["li@example.org"], "Yes\n\nWill the hotline still be funded next year?")
    net.step()
    out = net.new_messages()
    receipt = net.only_message_to("li@example.org", out)
    assert "is recorded: Yes." in receipt.flat_text and voted(net, "li@example.org")
    assert "What you wrote was passed on to the coordinators, who will answer you themselves." in receipt.flat_text
    fwd = net.only_message_to("amina@example.org", out)
    assert "Their vote was counted;" in fwd.flat_text and "hotline still be funded" in fwd.text

    # a short comment or an unclear word stays between the member and Convenor, as before
    net.reply(ballots["sofia@example.org"], "Yes\n\nThanks for organising!")
    net.reply(receipt, "Yes?")
    net.step()
    out = net.new_messages()
    assert not net.messages_to("amina@example.org", out)
    assert "passed on" not in net.only_message_to("sofia@example.org", out).flat_text
    assert "passed on" not in net.only_message_to("li@example.org", out).flat_text


def voted(net: Network, address: str) -> bool:
    from store import members as store_members, votes as store_votes
    member = store_members.get_by_email(net.db, address)
    return bool(store_votes.elector_state(net.db, 1, member["id"])["voted"])


def test_a_question_on_a_secret_ballot_is_shown_to_nobody_and_the_member_told_how_to_ask(network: Network):
    net = network
    ballots = open_vote(net, "Secret: yes\nCloses: in 7 days\n\nThat we adopt the budget.")
    net.reply(ballots["li@example.org"], "No\n\nI worry about the hotline: who decided the cut and why was it not discussed?")
    net.step()
    out = net.new_messages()
    receipt = net.only_message_to("li@example.org", out)
    assert "is recorded: No." in receipt.flat_text
    assert "This is a secret ballot, so what you wrote was shown to nobody." in receipt.flat_text
    assert re.search(r"write a new message to network\S*@", receipt.flat_text)
    assert not net.messages_to("amina@example.org", out)


def test_thanks_in_reply_to_a_receipt_says_the_vote_stands(network: Network):
    """"Thanks!" to a receipt used to come back as "Your vote could not be read"."""
    net = network
    ballots = open_vote(net)
    net.reply(ballots["li@example.org"], "Yes")
    net.reply(ballots["jean@example.org"], "oui")
    net.step()
    out = net.new_messages()
    net.reply(net.only_message_to("li@example.org", out), "Thanks!\n\nLi")
    net.reply(net.only_message_to("jean@example.org", out), "Merci beaucoup !")
    net.reply(ballots["sofia@example.org"], "Thanks")  # has not voted: her ballot still needs a vote
    net.step()
    out = net.new_messages()
    to_li = net.only_message_to("li@example.org", out)
    assert to_li.subject == "[Vote 1] Your vote stands"
    assert 'Your vote on "Adopt the budget" stands as recorded; nothing changed.' in to_li.flat_text
    assert net.only_message_to("jean@example.org", out).subject == "[Scrutin 1] Votre vote reste enregistré"
    assert net.only_message_to("sofia@example.org", out).subject == "[Vote 1] Your vote could not be read"
    assert voted(net, "li@example.org") and voted(net, "jean@example.org") and not voted(net, "sofia@example.org")
    assert not net.messages_to("amina@example.org", out)
    from store import members as store_members
    li = store_members.get_by_email(net.db, "li@example.org")
    kinds = [r[0] for r in net.db.execute("SELECT kind FROM vote_events WHERE member_id = ? ORDER BY id", [li["id"]])]
    assert kinds == ["vote"]  # the thanks is no unreadable reply in the audit
