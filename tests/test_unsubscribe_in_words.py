"""Members ask to stop the network's mail in their own words, in their own languages: "Please
remove me from this list", "Merci de me désinscrire de cette liste", "Bitte abmelden". Those used
to be answered "not understood: write UNSUBSCRIBE alone", and a core member's request got "write
to the coordinators" without the coordinators seeing it. Over the real Dovecot + SMTP stack: an
associate's request in words is their UNSUBSCRIBE (held for confirmation when unverified, as
every membership change); a core member is told they keep the network's mail and the
coordinators get their message to answer; what only looks alike stays with the coordinators.
"""
from __future__ import annotations

from tests.fixtures_convenor import Network


def subscribed(net: Network, address: str) -> bool:
    from store import members as store_members
    return bool(store_members.get_by_email(net.db, address)["subscribed"])


def test_an_associate_asking_in_words_is_unsubscribed_in_their_language(network: Network):
    net = network
    net.send("priya@example.org", "Unsubscribe", "Please remove me from this list.\n\nThanks,\nPriya")
    net.send("marc@example.org", "désinscription", "Merci de me désinscrire de cette liste.")
    net.step()
    out = net.new_messages()
    assert net.only_message_to("priya@example.org", out).subject == "You will no longer receive announcements"
    assert net.only_message_to("marc@example.org", out).subject == "Vous ne recevrez plus les annonces"
    assert not net.messages_to("amina@example.org", out)
    assert not subscribed(net, "priya@example.org") and not subscribed(net, "marc@example.org")

    # SUBSCRIBE again, then "Bitte abmelden" in reply to an announcement
    net.send("priya@example.org", "subscribe", "SUBSCRIBE")
    net.step()
    net.new_messages()
    net.send("Amina Diallo <amina@example.org>", "[Announce] Training", "Audience: associates\n\nTraining on Feb 1.")
    net.step()
    copy = net.only_message_to("priya@example.org", net.new_messages())
    net.reply(copy, "Bitte abmelden")
    net.step()
    out = net.new_messages()
    assert net.only_message_to("priya@example.org", out).subject == "You will no longer receive announcements"
    assert not subscribed(net, "priya@example.org")


def test_a_core_member_asking_to_leave_the_list_reaches_the_coordinators(network: Network):
    net = network
    net.send("sofia@example.org", "Remove me", "Please remove me from this list")
    net.step()
    out = net.new_messages()
    told = net.only_message_to("sofia@example.org", out)
    assert told.subject == "You keep receiving announcements"
    assert "Your message was passed on to the coordinators, who will answer you themselves." in told.flat_text
    fwd = net.only_message_to("amina@example.org", out)
    assert fwd.subject == "[Test Network] Asks to stop the network's mail: Remove me"
    assert "A core member asked to stop receiving the network's mail" in fwd.flat_text
    assert "Please remove me from this list" in fwd.text
    assert subscribed(net, "sofia@example.org")
    # the coordinator answers by replying: Sofia gets it from the list address
    net.reply(fwd, "Sofia, would you rather become an associate member?")
    net.step()
    assert "rather become an associate" in net.only_message_to("sofia@example.org", net.new_messages()).text


def test_an_unverified_request_in_words_is_held_and_a_look_alike_is_not_a_request(network: Network):
    net = network
    net.send("priya@example.org", "Re: newsletter", "Please unsubscribe me", authenticated=None)
    net.step()
    held = net.only_message_to("priya@example.org", net.new_messages())
    assert "Please confirm" in held.subject and subscribed(net, "priya@example.org")
    net.reply(held, "CONFIRM")
    net.step()
    assert net.only_message_to("priya@example.org", net.new_messages()).subject == \
        "You will no longer receive announcements"
    assert not subscribed(net, "priya@example.org")

    net.send("li@example.org", "Training", "Please remove me from the Training sub-committee")
    net.send("marc@example.org", "question", "How do I unsubscribe?")
    net.step()
    out = net.new_messages()
    assert len(net.messages_to("amina@example.org", out)) == 2  # both reach the coordinators
    assert net.only_message_to("li@example.org", out).subject.startswith("Passed on to the coordinators")
    assert net.only_message_to("marc@example.org", out).subject.startswith("Transmis aux coordinateurs")
    assert subscribed(net, "marc@example.org")
