"""The terms of reference circulate drafts "for feedback and questions". A question in a member's
feedback used to wait for the digest at the deadline (two weeks later, say) before its author saw
it. Over the real Dovecot + SMTP stack: the feedback is recorded as always, and a question also
reaches the draft's author at once; the author answers by replying and the member gets the answer
from the list address; plain comments wait for the digest as before.
"""
from __future__ import annotations

from tests.fixtures_convenor import Network


def test_a_question_in_feedback_reaches_the_author_at_once(network: Network):
    net = network
    copies = net.open_item("[Draft] Brochure", "Deadline: in 10 days\n\nPlease read.", "Circulated",
                           attachments=[("brochure.pdf", "application/pdf", b"%PDF-1.4 brochure")])
    net.reply(copies["li@example.org"], "Is the hotline number on page 2 still the right one?")
    net.reply(copies["jean@example.org"], "Page 3 : une coquille dans le deuxième paragraphe.")
    net.step()
    out = net.new_messages()
    ack = net.only_message_to("li@example.org", out)
    assert "your feedback on Draft 1 \"Brochure\" is recorded" in ack.flat_text
    assert "Your question was also passed on to the draft's author at once" in ack.flat_text
    assert "transmise" not in net.only_message_to("jean@example.org", out).flat_text  # no question: digest only
    to_amina = net.only_message_to("amina@example.org", out)
    assert to_amina.subject == "[Test Network] A question on Draft 1: Re: [Draft 1] Brochure"
    assert "hotline number on page 2" in to_amina.text and "digest at the deadline too" in to_amina.flat_text

    net.reply(to_amina, "Yes, it was checked last week.")
    net.step()
    answer = net.only_message_to("li@example.org", net.new_messages())
    assert "checked last week" in answer.text and "amina@example.org" not in str(answer.msg["From"])

    # the digest at the deadline still holds both replies
    net.advance(days=11)
    net.step()
    digest = [m for m in net.new_messages() if m.to == "amina@example.org" and "hotline number" in m.text]
    assert digest and "une coquille" in digest[0].text
