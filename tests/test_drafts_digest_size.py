"""A draft's digest whose members' files together are larger than one message may carry still
reaches its author: the text and the first files in the digest, the rest in follow-up messages
("Feedback files 2 of 3"), each within `drafts.max_attachment_mb`. Over Dovecot and an SMTP
server that refuses messages above 3 MB, as a provider does above its size limit."""
from __future__ import annotations

import os
from datetime import timedelta

import pytest

from tests.fixtures_convenor import Network, roster

MEMBERS = roster("amina", "jean", "li", "sofia")


@pytest.fixture
def net(mail_stack, tmp_path):
    capture = mail_stack.capture
    capture.stop()
    capture.controller_options = lambda: {"data_size_limit": 3_000_000}  # the provider's size limit
    capture.start()
    network = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    network.settings.drafts.max_attachment_mb = 1.5
    yield network
    network.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_digest_too_large_for_one_message_arrives_whole_in_several(net, language):
    if language == "fr":
        net.db.execute("UPDATE members SET language = 'fr' WHERE email = 'amina@example.org'")
    net.send("Amina Diallo <amina@example.org>", "[Draft] Annual report",
             "Deadline: in 10 days\n\nPlease comment on the report attached.\n",
             attachments=[("report.pdf", "application/pdf", b"%PDF-1.4 report")])
    net.step()
    copies = {m.to: m for m in net.new_messages() if m.to != "amina@example.org"}
    files = {}
    for member in ("jean", "li", "sofia"):
        files[member] = os.urandom(1_000_000)             # each within the limit, 3 MB together
        net.reply(copies[f"{member}@example.org"], f"My corrections, {member}.",
                  attachments=[(f"{member}.pdf", "application/pdf", files[member])])
    net.step()
    net.new_messages()

    net.advance(days=11)
    net.step()
    out = net.messages_to("amina@example.org", net.new_messages())
    digest = [m for m in out if "digest" in m.subject.lower() or "capitulatif" in m.subject]
    assert len(digest) == 1 and all(f"My corrections, {m}." in digest[0].text for m in files)
    follow_ups = [m for m in out if m not in digest]
    assert len(follow_ups) == 2, [m.subject for m in out]
    assert ("2 of 3" if language == "en" else "2 sur 3") in follow_ups[0].subject
    assert ("follow in 2 more" if language == "en" else "suivent en 2 autres") in digest[0].text, digest[0].text
    received = {name: data for m in out for name, _ctype, data in m.attachments}
    for member, data in files.items():
        [name] = [n for n in received if n.endswith(f"{member}.pdf")]
        assert received[name] == data
    assert dict(net.db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()).get("failed") is None
