"""The privacy purge forgets members' Message-IDs and the text of actions done, over Dovecot: a
network's month of mail (a meeting and its minutes, an open and a secret vote, a draft's
feedback, action items, commands), then `convenor purge --days 30` forty days on. No Message-ID a
member's mail program wrote is left in the store's files, nor the text of an action done that
long ago; the record (each decision, each vote's result, the adopted minutes a member asks for)
reads the same as before the purge."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.fixtures_convenor import Network, roster
from tests.store_bytes import occurrences_in_store, purge

MEMBERS = roster("amina", "jean", "li", "sofia", coordinators=("amina", "li"))
AFTER = datetime(2027, 1, 21, 1, 0, tzinfo=timezone.utc)             # the meeting ended 00:30 UTC
MINUTES_DUE = datetime(2027, 1, 22, 0, 31, tzinfo=timezone.utc)
ACTION_TEXT = "ring Quokkalantern printers about the leaflet"


def _cli_json(net, monkeypatch, capsys, *words) -> object:
    from convenor.cli import main as cli_main
    net.close()
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    capsys.readouterr()
    assert cli_main(["--config", str(net.config), *words, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _record(net, monkeypatch, capsys) -> dict:
    """What the record says: each decision, each vote's result, the minutes Jean asks for."""
    net.send("jean@example.org", "send", "SEND minutes")
    net.step()
    (answer,) = net.new_messages()
    (minutes,) = answer.attachments
    return {"decisions": [_cli_json(net, monkeypatch, capsys, "decisions", "show", str(n)) for n in (1, 2)],
            "votes": [_cli_json(net, monkeypatch, capsys, "votes", "show", str(n)) for n in (1, 2)],
            "minutes": minutes}


def _a_month_of_mail(net) -> list:
    """Every message the members wrote, in a month with a meeting, two votes, a draft, actions."""
    written = [net.send("amina@example.org", "[Meeting] Network meeting",
                        "When: 2027-01-20 18:00\nWhere: Hall\nAudience: core\n")]
    net.step()
    net.new_messages()
    written.append(net.send("amina@example.org", "[Vote] Adopt the spring campaign",
                            "Closes: in 3 days\n\nThat we run it.\n"))
    written.append(net.send("amina@example.org", "[Vote] Elect the treasurer",
                            "Options: Maria Okafor; Kwame Asante\nSecret: yes\nCloses: in 3 days\n\n"
                            "Elect the treasurer.\n"))
    written.append(net.send("amina@example.org", "[Draft] Leaflet", "Audience: core\nDeadline: in 3 days\n\n"
                            "The leaflet.\n", attachments=[("leaflet.txt", "text/plain", b"Leaflet v1")]))
    written.append(net.send("amina@example.org", "[Action] Follow-ups", f"Jean Tremblay — {ACTION_TEXT} — 2027-01-15"))
    net.step()
    out = net.new_messages()
    for m in out:
        if m.subject.startswith(("[Vote 1]", "[Scrutin 1]")) and m.to != "amina@example.org":
            written.append(net.reply(m, "Yes" if m.to != "jean@example.org" else "Oui"))
        if m.subject.startswith(("[Vote 2]", "[Scrutin 2]")) and m.to != "amina@example.org":
            written.append(net.reply(m, "1" if m.to != "sofia@example.org" else "2"))
        if m.subject.startswith(("[Draft 1]", "[Brouillon 1]")) and m.to == "jean@example.org":
            written.append(net.reply(m, "Trop long : coupez la page deux."))
    action = next(m for m in out if m.subject.startswith("[Action 1]"))
    net.step()
    net.new_messages()
    written.append(net.reply(action, "FAIT"))
    nobody = net.compose("", "no sender", "Who reads this?")
    del nobody["From"]
    net.deliver(nobody)                                   # no From: on to the coordinators
    written.append(nobody)
    net.advance(days=4)                                   # the votes and the draft close
    net.step()
    net.new_messages()
    net.set_time(AFTER)
    announced = net.only_message_to("amina@example.org", [m for m in net.outbound() if "[Meeting 1]" in m.subject
                                                           and "Announced" not in m.subject])
    written.append(net.reply(announced, "PRESENT: Amina, Li, Jean\nACTION: Sofia — write the newsletter — 2027-02-15"))
    net.step()
    newsletter = next(m for m in net.new_messages() if m.to == "sofia@example.org")
    written.append(net.reply(newsletter, "DONE"))
    net.step()
    net.new_messages()
    net.set_time(MINUTES_DUE)
    net.step()
    minutes = net.only_message_to("amina@example.org", net.new_messages())
    written.append(net.reply(minutes, "ADOPT"))
    net.step()
    assert all("Minutes adopted" in m.subject for m in net.new_messages())
    return written


def _ids(messages) -> list[str]:
    return [str(m["Message-ID"]).strip("<>") for m in messages]


def test_members_message_ids_and_old_action_texts_are_gone_and_the_record_reads_the_same(
        mail_stack, tmp_path, monkeypatch, capsys):
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    try:
        written = _a_month_of_mail(net)
        before = _record(net, monkeypatch, capsys)
        assert before["minutes"][0] == "minutes-2027-01-20.txt" and b"write the newsletter" in before["minutes"][2]
        assert before["votes"][1]["secret"] is True
        kept = [i for i in _ids(written) if occurrences_in_store(net, i) > 0]
        assert len(kept) >= 8                             # votes, feedback, receipts in reply to them
        assert occurrences_in_store(net, "Quokkalantern") > 0

        net.advance(days=40)
        purge(net, monkeypatch, 30)
        assert [i for i in _ids(written) if occurrences_in_store(net, i) > 0] == []
        assert occurrences_in_store(net, "Quokkalantern") == 0
        after = _record(net, monkeypatch, capsys)
        assert after == before
        actions = {a["ref"]: a for a in _cli_json(net, monkeypatch, capsys, "actions", "list", "--all")}
        assert actions["Action 1"]["state"] == "done" and actions["Action 1"]["text"] == ""
        from convenor.cli import main as cli_main
        assert cli_main(["--config", str(net.config), "actions", "show", "1"]) == 0
        assert "Action 1: (text removed by the privacy purge)" in capsys.readouterr().out
        db = net.db
        # who voted on the secret ballot stays (never how); the open ballot's roll-call stays
        assert db.execute("SELECT count(*), count(choice) FROM vote_events WHERE vote_id = 2").fetchone() == (3, 0)
        assert db.execute("SELECT count(*) FROM vote_choices WHERE vote_id = 1 AND choice = 0").fetchone()[0] == 3
        assert db.execute("SELECT count(*) FROM feedback").fetchone()[0] >= 1
    finally:
        net.close()
