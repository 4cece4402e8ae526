"""A coordinator's long text is never cut. The readers read a message's first 600 lines (what
bounds a crafted message's cost) and keep the rest as written; a new item's text (an
announcement's body, a vote's motion, a meeting's description, a draft's introduction) used to
stop there, silently. Over the real Dovecot + SMTP stack: every member's copy has the last line."""
from __future__ import annotations

from tests.fixtures_convenor import Network

BODY = "\n".join(f"Line {i} of the text." for i in range(1, 801))


def copy_to_li(net: Network, subject: str, head: str, **kwargs):
    net.send("amina@example.org", subject, head + "\n\n" + BODY, **kwargs)
    net.step()
    net.step()
    (copy,) = [m for m in net.messages_to("li@example.org", net.new_messages())]
    return copy


def test_a_long_announcement_motion_description_and_introduction_reach_members_whole(network: Network):
    net = network
    for subject, head, kwargs in (
            ("[Announce] Newsletter", "Audience: core", {}),
            ("[Vote] Long motion", "Closes: in 5 days", {}),
            ("[Meeting] Long agenda", "When: 2027-01-05 18:00\nWhere: Hall\nAudience: core", {}),
            ("[Draft] Long brief", "Deadline: in 10 days",
             {"attachments": [("brief.pdf", "application/pdf", b"%PDF-1.4 brief")]})):
        text = copy_to_li(net, subject, head, **kwargs).text
        assert "Line 1 of the text." in text and "Line 800 of the text." in text, subject
        assert "Line 599 of the text.\r\nLine 600 of the text.\r\n" in text, subject  # as written, no seam
