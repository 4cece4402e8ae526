"""STATUS by email: a member asks what is waiting for them across drafts, votes and polls."""
from __future__ import annotations


def test_status_lists_the_open_draft_and_vote_and_what_the_member_has_answered(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Draft] Brochure", "Audience: core\n\nPlease read.",
             attachments=[("brochure.pdf", "application/pdf", b"%PDF-1.4 brochure")])
    net.send("amina@example.org", "[Vote] Adopt the budget", "That we adopt the budget.")
    net.step()
    out = net.new_messages()
    ballot = next(m for m in net.messages_to("li@example.org", out) if "[Vote" in m.subject)
    net.reply(ballot, "YES")
    net.step()
    net.new_messages()
    net.send("li@example.org", "status", "STATUS")
    net.step()
    status = net.only_message_to("li@example.org", net.new_messages())
    text = status.text
    assert "Draft 1: Brochure" in text and "(waiting for your answer)" in text
    assert "Vote 1: Adopt the budget" in text and "(answered)" in text
