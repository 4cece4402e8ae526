"""A member (Sofia) forwards her copy of a draft to a colleague (Li), who replies to it: nothing
acts in Sofia's name; Sofia is told plainly that someone else answered her copy and that nothing
was recorded in her name (no alarm, no other member's address shown); Li is answered too."""
from __future__ import annotations


def _draft_copies(net):
    net.send("amina@example.org", "[Draft] Leaflet", "Audience: core\nDeadline: in 10 days\n\nComments please.",
             attachments=[("leaflet.pdf", "application/pdf", b"%PDF-1.4 leaflet")])
    net.step()
    out = net.new_messages()
    return {m.to: m for m in out if "[Draft 1]" in m.subject or "[Brouillon 1]" in m.subject}


def test_a_colleagues_reply_to_a_forwarded_copy_is_explained_to_both(network):
    copies = _draft_copies(network)
    network.reply(copies["sofia@example.org"], "Paragraph 2 needs a phone number.", sender="li@example.org")
    network.step()
    out = network.new_messages()
    sofia = network.only_message_to("sofia@example.org", out)
    assert sofia.subject == "[Test Network] Someone else replied to your copy: nothing was recorded in your name"
    text = sofia.flat_text
    assert "Another member of the network replied, from their own address, to a copy that was sent to you" in text
    assert "Nothing was recorded in your name" in text and "They were told to reply to their own copy" in text
    assert "You need do nothing." in text and "refused" not in text.lower()
    assert "li@example.org" not in sofia.text and "Li Wei" not in sofia.text  # no other member's address shown
    li = network.only_message_to("li@example.org", out)
    assert li.subject == "[Test Network] Not recorded: you answered another member's copy"
    assert "Please reply to your own copy instead." in li.flat_text
    assert network.db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


def test_an_unverified_reply_to_a_copy_tells_the_owner_it_could_not_be_verified(network):
    copies = _draft_copies(network)
    network.reply(copies["jean@example.org"], "Bon pour moi.", sender="li@example.org", authenticated=None)
    network.step()
    out = network.new_messages()
    jean = network.only_message_to("jean@example.org", out)
    assert jean.subject.startswith("[Test Network] Quelqu'un d'autre a répondu à votre exemplaire")
    assert "n'a pas pu être vérifié" in jean.flat_text and "Rien n'a été enregistré en votre nom" in jean.flat_text
    assert not network.messages_to("li@example.org", out)  # a From that may be forged is not answered
