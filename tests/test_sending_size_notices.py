"""Who is told when the mail provider refuses a copy for its size, and what `convenor check`
learns of that size, over Dovecot + an SMTP server playing a provider that states `SIZE 1000000`.

A draft's digest too large for the provider concerns its author alone (the one coordinator it was
for): she is told, in her language with French numbers ("1,1 Mo"), and the other coordinator is
not. `convenor check` records the provider's SIZE as the daemon does from its EHLO, so the first
draft too large is refused before anything is queued."""
from __future__ import annotations

import json
import os

import pytest

from tests.fixtures_convenor import Network, roster
from tests.test_sending_too_large import LIMIT, provider  # noqa: F401 - the provider stating SIZE 1000000

PDF = "application/pdf"
MEMBERS = roster("amina", "li", "jean", "sofia", coordinators=("amina", "li"), languages={"amina": "fr"})


@pytest.fixture
def net(mail_stack, provider, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    yield network
    network.close()


def test_a_digest_too_large_for_the_provider_is_told_to_its_author_alone_in_french(net, provider):
    net.send("Amina Diallo <amina@example.org>", "[Draft] Leaflet", "Audience: core\nDeadline: in 3 days\n\n"
             "Please comment.\n")
    net.step()
    copies = {m.to: m for m in net.new_messages() if "1]" in m.subject and "Leaflet" in m.subject}
    for who in ("jean@example.org", "sofia@example.org"):
        net.reply(copies[who], "My notes are attached.", attachments=[(f"{who[:4]}.pdf", PDF, os.urandom(400_000))])
    net.step()
    net.new_messages()
    net.advance(days=4)                                       # the deadline: the digest, with both files
    net.step()
    net.step()
    out = net.new_messages()
    notices = [m for m in out if "volumineux" in m.subject or "too large" in m.subject]
    assert [m.to for m in notices] == ["amina@example.org"]   # the author, not every coordinator
    text = " ".join(notices[0].text.split())
    assert "chaque copie fait 1,1 Mo" in text and "n'accepte pas plus de 1 Mo par message" in text
    assert "d'environ 0,7 Mo au total" in text
    assert not net.messages_to("li@example.org", out)
    assert max(len(m["data"]) for m in provider.messages) < LIMIT


def test_convenor_check_records_the_providers_size_so_a_draft_too_large_is_refused_at_once(
        net, monkeypatch, capsys):
    from convenor.cli import main
    monkeypatch.setenv("CONVENOR_TEST_IMAP_PASSWORD", net.stack.list_password)
    assert main(["--config", str(net.config), "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sending"]["size"] == LIMIT

    net.send("Amina Diallo <amina@example.org>", "[Draft] Annual report", "Audience: all\n\nPlease read it.\n",
             attachments=[("report.pdf", PDF, os.urandom(900_000))])
    net.step()
    (refused,) = net.new_messages()                          # refused before any copy was queued
    assert refused.to == "amina@example.org" and refused.subject == "Trop volumineux : Annual report"
    assert "environ 1,3 Mo" in " ".join(refused.text.split())
    assert net.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
