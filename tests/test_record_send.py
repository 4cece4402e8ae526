"""SEND <name> by email over the real Dovecot + SMTP stack: a member receives the latest version
of a document circulated to them, by words of its title or its number; several matches give the
list of names; a document the member was not sent is neither sent nor listed."""
from __future__ import annotations


def test_send_gives_the_latest_version_or_the_list(network):
    net = network
    net.send("amina@example.org", "[Draft] Awareness brochure", "Audience: core\n\nThe brochure.",
             attachments=[("brochure.txt", "text/plain", b"brochure version one")])
    net.step()
    confirmation = next(m for m in net.new_messages() if m.to == "amina@example.org")
    net.reply(confirmation, "Version 2\n\nWith your comments.",
              attachments=[("brochure.txt", "text/plain", b"brochure version two")])
    net.send("amina@example.org", "[Draft] Training brochure", "Audience: subcommittee Training\n\nFor trainers.",
             attachments=[("training.txt", "text/plain", b"training notes")])
    net.step()
    net.new_messages()

    net.send("li@example.org", "send", "SEND brochure")
    net.send("sofia@example.org", "send", "SEND awareness brochure")
    net.send("jean@example.org", "send", "SEND training")
    net.send("priya@example.org", "send", "SEND")
    net.send("marc@example.org", "send", "SEND 1")
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == ["jean@example.org", "li@example.org", "marc@example.org",
                                         "priya@example.org", "sofia@example.org"]
    li = net.only_message_to("li@example.org", out)
    assert li.attachments == [] and "Several documents match \"brochure\"" in li.text
    assert "1. Awareness brochure (version 2)" in li.text and "2. Training brochure (version 1)" in li.text
    sofia = net.only_message_to("sofia@example.org", out)
    assert sofia.subject == "[Draft 1] Awareness brochure (version 2)"
    assert sofia.attachments == [("brochure.txt", "text/plain", b"brochure version two")]
    jean = net.only_message_to("jean@example.org", out)                 # not on the Training sub-committee
    assert jean.attachments == [] and "Training" not in jean.text.split("«", 1)[1].split("»", 1)[1]
    assert "1. Awareness brochure" in jean.text
    priya = net.only_message_to("priya@example.org", out)               # an associate, sent neither draft
    assert priya.attachments == [] and "(none yet)" in priya.text
    marc = net.only_message_to("marc@example.org", out)
    assert marc.attachments == [] and "Awareness" not in marc.text
