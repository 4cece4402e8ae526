"""A network whose store holds one of everything the `--json` commands show, made the way its
people make it: by email over the real stack, and by the coordinator's commands."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from convenor import cli

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def run(net, capsys, *argv) -> str:
    """Run `convenor ARGV` on the network's settings; its standard output (exit code 0 asserted)."""
    capsys.readouterr()
    code = cli.main(["--config", str(net.config), *argv])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def run_json(net, capsys, *argv):
    return json.loads(run(net, capsys, *argv, "--json"))


def populate(net, capsys, monkeypatch) -> dict:
    """Drafts with feedback, a closed and an open vote and a ranked election (decisions), an announced meeting with an
    agenda item, action items, attendance and a calendar answer, a date poll with answers, a
    member on leave, a held (quarantined) message, a message that failed for good to the only
    coordinator. Returns messages members received (to reply to): `ballot`, `draft`, `announce`, `poll`."""
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    net.send("Amina Diallo <amina@example.org>", "[Draft] Awareness brochure",
             "Audience: core\nDeadline: in 5 days\n\nPlease read.", attachments=[("brochure.pdf", "application/pdf", PDF)])
    net.step()
    asked = {m.to: m for m in net.new_messages()}
    net.reply(asked["jean@example.org"], "Bien, merci.", attachments=[("notes.txt", "text/plain", b"notes")])
    net.reply(asked["li@example.org"], "No comment")
    net.send("amina@example.org", "[Vote] Meet in Montréal", "Closes: in 5 days\n\nThat we meet in Montréal in May.")
    net.send("amina@example.org", "[Vote] Buy a banner", "Closes: in 6 days\n\nThat we buy a banner.")
    net.send("amina@example.org", "[Vote] Two delegates", "Options: Kwame; Maria; Ana\nPass: ranked\nSeats: 2\n\n"
             "Elect the two delegates.")
    net.send("amina@example.org", "[Meeting] Planning day", "When: 2027-01-05 18:00\nWhere: Hall\nAudience: core\n")
    net.send("amina@example.org", "[Meeting] Spring meeting",
             "Candidates: 2027-03-02 18:00; 2027-03-04 18:00\nPlaces: Hall; Online\nRequired: Li Wei\n"
             "Audience: core\n")
    net.step()
    sent = net.new_messages()
    ballots = {m.to: m for m in sent if "Montréal" in m.subject and m.to != "amina@example.org"}
    banner = {m.to: m for m in sent if "banner" in m.subject and m.to != "amina@example.org"}
    announce = {m.to: m for m in sent if "Planning day" in m.subject and "Announced" not in m.subject}
    poll = {m.to: m for m in sent if "Spring meeting" in m.subject and m.to != "amina@example.org"}
    ranked = {m.to: m for m in sent if "delegates" in m.subject and m.to != "amina@example.org"}
    net.reply(ranked["li@example.org"], "1, 2, 3")
    net.reply(ranked["jean@example.org"], "2, 1")
    net.reply(ranked["sofia@example.org"], "3, 1")
    net.reply(ballots["li@example.org"], "Yes")
    net.reply(ballots["jean@example.org"], "Non")
    net.reply(banner["sofia@example.org"], "Yes")
    net.reply(poll["li@example.org"], "1, 2")
    net.reply(announce["li@example.org"], "Item: the spring campaign budget", quote=False)
    net.reply(announce["amina@example.org"], "ACTION: Li Wei — call the shelter — 2027-02-01\n")
    accept = net.compose("sofia@example.org", "Accepted: Planning day", "Sofia has accepted.",
                         to=announce["sofia@example.org"].reply_to)
    accept["In-Reply-To"] = announce["sofia@example.org"].message_id
    net.deliver(accept)
    net.send("amina@example.org", "[Vote] Unverified", "That we trust it.", authenticated=None)  # held
    net.step()
    net.new_messages()
    _quarantine_one(net, monkeypatch)
    run(net, capsys, "votes", "close", "1")
    run(net, capsys, "votes", "close", "3")
    run(net, capsys, "members", "set", "sofia@example.org", "--away-until", "2027-02-01")
    net.stack.capture.reject_rcpt("amina@example.org", "550 5.1.1 no such user")
    net.send("amina@example.org", "HELP", "HELP")
    net.step()
    net.set_time(datetime(2027, 1, 6, 2, 0, tzinfo=timezone.utc))   # 21:00 in Toronto, after the meeting
    net.reply(announce["amina@example.org"], "PRESENT: Amina, Li Wei, jean@example.org")
    net.step()
    net.new_messages()
    net.close()
    return {"ballot": banner["li@example.org"], "draft": asked["sofia@example.org"],
            "announce": announce["jean@example.org"], "poll": poll["sofia@example.org"]}


def _quarantine_one(net, monkeypatch) -> None:
    """A stranger's message whose handler fails: set aside (quarantined) with its error."""
    from workflows.membership import commands
    from workflows.routing import table

    def broken(ctx, mail, *args, **kwargs):
        raise ValueError("the handler failed")
    with monkeypatch.context() as patch:
        for name, value in vars(table).items():
            if value is commands.from_stranger:
                patch.setattr(table, name, broken)
        patch.setattr(commands, "from_stranger", broken)
        net.send("Eve <eve@elsewhere.example>", "Hello", "Who are you?")
        net.step()
    net.new_messages()
