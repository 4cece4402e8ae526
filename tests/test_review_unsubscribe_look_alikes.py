"""A member's review of unsubscribing in ordinary words, over the real Dovecot + SMTP stack.

"Please remove me from the list" is a request to stop the network's mail only when nothing says
it is about another list: in a thread about speakers, attendees or volunteers, or with a subject
naming another list, it goes to the coordinators (who know which list is meant) and the member
stays subscribed. Quoted, forwarded and signature lines never unsubscribe anyone; a forged
request does nothing."""
from __future__ import annotations

from tests.fixtures_convenor import Network

PRIYA = "priya@example.org"  # an associate: UNSUBSCRIBE stops her announcements


def subscribed(net: Network) -> bool:
    from store import members as store_members
    return bool(store_members.get_by_email(net.db, PRIYA)["subscribed"])


def sent(net: Network, subject: str, body: str, **kwargs) -> list:
    net.send(PRIYA, subject, body, **kwargs)
    net.step()
    return net.new_messages()


def test_taken_off_another_list_is_no_unsubscribe(network: Network):
    for subject, body in (("Re: Speakers for the panel", "Please remove me from the list."),
                          ("Re: Attendees for Thursday", "Please take me off the list"),
                          ("Re: Volunteer list for the fair", "Remove me from this list please"),
                          ("Re: Liste des intervenants", "Merci de me retirer de la liste."),
                          ("Re: Speakers", "Opt out")):
        out = sent(network, subject, body)
        assert subscribed(network), (subject, body)
        assert [m.subject for m in network.messages_to("amina@example.org", out)] == [
            f"[Test Network] Not understood: {subject}"]
        network.advance(days=1)  # the "passed on" notice to the member comes once a day


def test_the_same_words_about_the_networks_mail_still_unsubscribe(network: Network):
    for subject, body in (("Remove me", "Please take me off the list"), ("", "Please remove me from the list."),
                          ("Re: Mailing list", "Remove me from this list please"),
                          ("Unsubscribe", "Opt me out")):
        out = sent(network, subject, body)
        assert network.only_message_to(PRIYA, out).subject == "You will no longer receive announcements", subject
        assert not subscribed(network)
        sent(network, "subscribe", "SUBSCRIBE")


def test_quoted_forwarded_and_signature_lines_unsubscribe_nobody(network: Network):
    for subject, body in (
            ("Re: newsletter", "Not me!\n\nOn Mon, Jan 4, 2027 at 9:00 AM Bob <bob@y.example> wrote:\n"
                               "> Please remove me from this list\n"),
            ("Fwd: odd", "FYI\n\n---------- Forwarded message ---------\nFrom: X <x@y.example>\n"
                         "Date: Mon, 4 Jan 2027\nSubject: list\nTo: priya@example.org\n\nPlease remove me from this list\n"),
            ("Re: Thursday", "Thanks, see you then.\n\n--\nPriya\nTo unsubscribe write UNSUBSCRIBE to news@priya.example"),
            ("Minutes", "Please remove me from the minutes' attendee list"),
            ("Agenda", "Can you remove me from the agenda item?")):
        out = sent(network, subject, body)
        assert subscribed(network), subject
        assert network.messages_to("amina@example.org", out), subject  # a person reads it


def test_a_forged_request_in_words_does_nothing(network: Network):
    out = sent(network, "Unsubscribe", "Please remove me from this list", authenticated="fail")
    assert subscribed(network) and not network.messages_to(PRIYA, out)


def test_the_same_words_in_reply_to_an_announcement_unsubscribe(network: Network):
    network.send("Amina Diallo <amina@example.org>", "[Announce] Volunteers for the fair",
                 "Audience: associates\n\nWe need volunteers on Saturday.")
    network.step()
    copy = network.only_message_to(PRIYA, network.new_messages())
    network.reply(copy, "Please take me off the list")
    network.step()
    assert network.only_message_to(PRIYA, network.new_messages()).subject == "You will no longer receive announcements"
    assert not subscribed(network)
