"""On-time feedback reaches its readers in the digest at the deadline; late feedback is forwarded
as it comes. The two chose their readers by different rules: with
`drafts.digest_to_all_coordinators`, the digest went to every coordinator but a late reply to the
author alone, so the other coordinators never saw it. Over the real Dovecot + SMTP stack: one rule
(`circulation.digest_readers`) now serves both."""
from __future__ import annotations

import pytest

from tests.fixtures_convenor import Network, roster

MEMBERS = roster("amina", "li", "jean", "sofia", coordinators=("amina", "li"))


@pytest.fixture(params=[True, False], ids=["digest to all coordinators", "digest to the author"])
def net(request, mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=MEMBERS,
                      extra_settings=f"[drafts]\ndigest_to_all_coordinators = {str(request.param).lower()}\n")
    network.to_all = request.param
    yield network
    network.close()


def test_late_feedback_reaches_whoever_the_digest_reached(net: Network):
    copies = net.open_item("[Draft] Leaflet", "Deadline: in 3 days\n\nComments please.", "Circulated")
    net.reply(copies["jean@example.org"], "Page 2 : une coquille.")
    net.step()
    net.new_messages()
    net.advance(days=4)
    net.step()
    digests = [m.to for m in net.new_messages() if "Feedback digest" in m.subject]
    readers = ["amina@example.org", "li@example.org"] if net.to_all else ["amina@example.org"]
    assert sorted(digests) == readers

    net.reply(copies["sofia@example.org"], "Sorry I'm late: the map on page 3 is out of date.")
    net.step()
    out = net.new_messages()
    late = [m for m in out if "LATE feedback from Sofia Martins" in m.subject]
    assert sorted(m.to for m in late) == readers  # the same people as the digest
    assert all("the map on page 3" in m.text for m in late)
    assert net.only_message_to("sofia@example.org", out).subject == "Re: [Draft 1] Leaflet (late)"
