"""One reference per item, the same for everyone: a meeting and its date poll are "[Meeting N]"
for the coordinator who called it, for every member, in STATUS and on the command line; a reply
naming "[Poll N]" (mail sent before polls took their meeting's number) still counts. Over Dovecot + SMTP."""
from __future__ import annotations

import json
import re

from convenor.cli import main
from tests.test_closing_now import CORE, net  # noqa: F401  (the network over Dovecot + SMTP, CLI clock)


def refs(messages) -> set[str]:
    return {re.match(r"\[(\w+ \d+)\]", m.subject.replace("Réunion", "Meeting")).group(1) for m in messages}


def test_a_meeting_and_its_poll_carry_one_reference_for_coordinators_members_status_and_cli(net, capsys, tmp_path):
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Warm-up", "When: 2027-02-02 18:00\nAudience: core\n")
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day",
             "Candidates: 2027-02-09 18:00; 2027-02-11 18:00\nAudience: core\n")
    net.step()
    out = [m for m in net.new_messages() if "Planning day" in m.subject]
    assert refs(out) == {"Meeting 2"} and len(out) == 5       # four polls and the coordinator's confirmation
    assert net.only_message_to("jean@example.org", out).subject.startswith("[Réunion 2] ")
    assert net.only_message_to("li@example.org", out).subject == "[Meeting 2] When can you come to Planning day?"
    reply = tmp_path / "reply.eml"
    reply.write_bytes(net.compose("sofia@example.org", "Re: [Meeting 2] When can you come to Planning day?", "1",
                                  to=net.only_message_to("sofia@example.org", out).reply_to).as_bytes())
    capsys.readouterr()
    assert main(["--config", str(net.config), "inspect", str(reply), "--json"]) == 0
    item = json.loads(capsys.readouterr().out)["item"]
    assert (item["kind"], item["ref"], item["title"]) == ("poll", "Meeting 2", "Planning day")
    net.advance(hours=1)
    net.send("Li Wei <li@example.org>", "Re: [Meeting 2] When can you come to Planning day?", "2")   # token lost
    net.send("Sofia Martins <sofia@example.org>", "Re: [Poll 1] When can you come to Planning day?", "1, 2")  # old
    net.send("Jean Tremblay <jean@example.org>", "STATUT")
    net.step()
    out = net.new_messages()
    assert "Your availability is recorded" in net.only_message_to("li@example.org", out).subject
    assert "Your availability is recorded" in net.only_message_to("sofia@example.org", out).subject
    assert refs(m for m in out if m.to != "jean@example.org") == {"Meeting 2"}
    assert re.search(r"(Meeting|Réunion) 2 : Planning day", net.only_message_to("jean@example.org", out).text)
    capsys.readouterr()
    net.close()  # no daemon runs: the command reads the mailbox, then closes
    assert main(["--config", str(net.config), "meetings", "close", "2"]) == 0
    assert "date poll of Meeting 2 closed, date 2 chosen" in capsys.readouterr().out
    assert main(["--config", str(net.config), "meetings", "list"]) == 0
    assert "Meeting 2: Planning day" in capsys.readouterr().out
    net.step()
    out = net.new_messages()
    assert refs(out) == {"Meeting 2"} and sorted(m.to for m in out if m.attachments) == CORE
    result = next(m for m in net.messages_to("amina@example.org", out) if "Result" in m.subject)
    assert "Li Wei: . x" in result.text and "Sofia Martins: x x" in result.text
