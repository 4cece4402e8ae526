"""`convenor votes …`, `convenor status` and `convenor inspect` on a vote, as a coordinator uses them.

Runs on the embedded default (local Maildirs): the daemon and the command line share the store.
"""
from __future__ import annotations

import csv
import json
from convenor import cli

CORE = ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]


def run(net, capsys, *argv) -> str:
    code = cli.main(["--config", str(net.config), *argv])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def open_vote(net, body="Closes: in 5 days\n\nThat we meet in Montréal in May."):
    return net.open_vote("[Vote] Meet in Montréal", body, sender="amina@example.org")


def test_close_from_the_command_line_queues_the_result_that_the_daemon_sends(maildir_network, capsys, monkeypatch):
    net = maildir_network
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)  # the command typed at the test's time
    ballots = open_vote(net)
    assert sorted(ballots) == sorted(CORE)
    net.reply(ballots["li@example.org"], "Yes")
    net.reply(ballots["jean@example.org"], "Non")
    net.reply(ballots["sofia@example.org"], "yes")
    net.step()
    net.new_messages()
    listing = run(net, capsys, "votes", "list")
    assert "Vote 1  open  3/4 voted" in listing
    shown = json.loads(run(net, capsys, "votes", "show", "Vote 1", "--json"))
    assert shown["tallies"] == {"Yes": 2, "No": 1, "Abstain": 0} and shown["eligible"] == 4
    status = json.loads(run(net, capsys, "status", "--json"))
    assert "3/4 voted (Yes 2, No 1, Abstain 0)" in status["votes"]["open"][0]["line"]

    reply = net.reply(ballots["li@example.org"], "Abstain")  # inspect reads a reply without counting it
    eml = net.folder / "reply.eml"
    eml.write_bytes(bytes(reply))
    inspected = json.loads(run(net, capsys, "inspect", str(eml), "--json"))
    assert inspected["vote"] == "Abstain" and inspected["item"]["ref"] == "Vote 1"
    assert inspected["item"]["options"] == ["Yes", "No", "Abstain"]

    net.advance(minutes=1)
    net.close()  # no daemon runs: the command reads the mailbox itself before it closes
    out = run(net, capsys, "votes", "close", "1")
    # Li's Abstain was waiting unread in the mailbox: it reached it before the close, so it counts
    assert "1 message(s) waiting in the mailbox read first" in out
    assert "Vote 1 closed (command line): 3/4 voted, outcome" in out
    net.advance(minutes=1)
    net.reply(ballots["li@example.org"], "Yes")  # after the close: late, and Li is told
    net.step()  # the daemon sends the results and answers the late vote
    sent = net.new_messages()
    results = [m for m in sent if "Result" in m.subject or "Résultat" in m.subject]
    assert sorted(m.to for m in results) == sorted(CORE)
    assert "closed from the command line" in net.only_message_to("amina@example.org", results).text
    li = [m for m in sent if m not in results and m.to == "li@example.org"]
    assert len(li) == 2 and "recorded" in li[0].subject and "closed" in li[1].subject  # receipt, late notice
    assert "Vote 1  closed" in run(net, capsys, "votes", "list")
    export = net.folder / "vote1.csv"
    run(net, capsys, "votes", "export", "Vote 1", "--to", str(export))
    rows = {r["email"]: r for r in csv.DictReader(export.open(encoding="utf-8"))}
    assert sorted(rows) == sorted(CORE)
    assert rows["li@example.org"]["choice"] == "Abstain" and rows["li@example.org"]["late_replies"] == "1"
    assert rows["amina@example.org"]["voted"] == "no"
    assert cli.main(["--config", str(net.config), "votes", "close", "1"]) == 2  # already closed


def test_cancel_by_the_coordinators_reply_tells_everyone_once_and_stops_the_timers(maildir_network, capsys):
    net = maildir_network
    net.send("amina@example.org", "[Vote] Meet in Montréal", "Secret: yes\n\nThat we meet in May.")
    net.step()
    out = net.new_messages()
    confirmation = next(m for m in out if "Vote opened" in m.subject)
    net.reply(next(m for m in out if m.to == "li@example.org"), "Yes")
    net.step()  # Li's vote first (two replies in one round may be read in either order)
    net.new_messages()
    net.reply(confirmation, "CANCEL")
    net.step()
    cancelled = [m for m in net.new_messages() if "cancelled" in m.subject or "annulé" in m.subject]
    assert sorted(m.to for m in cancelled) == sorted(CORE)
    net.advance(days=10)
    net.step()
    assert net.new_messages() == []  # no reminder, no result
    assert net.db.execute("SELECT count(*) FROM vote_choices WHERE choice IS NOT NULL").fetchone()[0] == 0
    rows = list(csv.DictReader(run(net, capsys, "votes", "export", "1").splitlines()))
    assert {r["choice"] for r in rows} == {""}


def test_a_malformed_vote_is_answered_with_the_problem_and_a_member_cannot_open_one(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Vote] Budget", "Closes: whenever\nQuorum: most\n\nAdopt it.")
    net.send("li@example.org", "[Vote] Budget", "Adopt it.")
    net.step()
    out = net.new_messages()
    answer = [m for m in out if m.to == "amina@example.org" and "not opened" in m.subject]
    assert len(answer) == 1 and "Closes: whenever" in answer[0].text and "Quorum: most" in answer[0].text
    assert "Only coordinators can open a vote" in net.only_message_to("li@example.org", out).text
    assert net.db.execute("SELECT count(*) FROM votes").fetchone()[0] == 0
    assert not any("[Vote 1]" in m.subject for m in out)


def test_a_subcommittee_vote_sends_ballots_to_its_core_members_only(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Vote] Awareness campaign budget",
             "Electorate: subcommittee Awareness\n\nThat the campaign spends 500 dollars.")
    net.step()
    out = net.new_messages()
    ballots = sorted(m.to for m in out if "mailto:" in m.text)
    assert ballots == ["amina@example.org", "jean@example.org"]  # Li (Training) and Sofia (none) are not asked
    jean = net.only_message_to("jean@example.org", out)
    net.reply(jean, "OUI")
    net.send("li@example.org", "Re: [Vote 1] Awareness campaign budget", "YES")
    net.step()
    replies = net.new_messages()
    assert net.messages_to("jean@example.org", replies)  # Jean's receipt
    (li,) = net.messages_to("li@example.org", replies)  # Li is told who may vote
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 1  # Li's reply is not counted
    assert "Awareness" in li.text


def _reminders(messages):
    return sorted(m.to for m in messages if "mailto:" in m.text and ("Reminder" in m.subject or "Rappel" in m.subject))


def test_both_reminders_go_to_non_voters_and_after_downtime_only_one(maildir_network):
    from store import timers
    net = maildir_network
    net.send("amina@example.org", "[Vote] First motion", "Closes: in 7 days\n\nThat we do it.")
    net.step()
    ballots = {m.to: m for m in net.new_messages() if "mailto:" in m.text}
    net.reply(ballots["li@example.org"], "YES")
    net.step()
    net.new_messages()
    non_voters = sorted(set(ballots) - {"li@example.org"})
    net.set_time(timers.next_due(net.db))  # two days before the close
    net.step()
    assert _reminders(net.new_messages()) == non_voters
    net.set_time(timers.next_due(net.db))  # one day before the close
    net.step()
    assert _reminders(net.new_messages()) == non_voters
    # a second vote; the daemon is down across both of its reminder times
    net.send("amina@example.org", "[Vote] Second motion", "Closes: in 3 days\n\nThat we do it too.")
    net.step()
    net.new_messages()
    net.advance(days=2, hours=12)  # past both reminders, before the close
    net.restart()
    net.step()
    assert _reminders(net.new_messages()) == sorted(ballots)  # one reminder each, not two


def test_a_tie_is_reported_as_a_tie_in_the_result_email(maildir_network):
    from store import timers
    net = maildir_network
    net.send("amina@example.org", "[Vote] Split motion", "Closes: in 2 days\n\nThat we split.")
    net.step()
    ballots = {m.to: m for m in net.new_messages() if "mailto:" in m.text}
    net.reply(ballots["li@example.org"], "YES")
    net.reply(ballots["sofia@example.org"], "NO")
    net.step()
    net.new_messages()
    while (due := timers.next_due(net.db)) is not None:
        net.set_time(due)
        net.step()
    results = [m for m in net.new_messages() if "Result" in m.subject or "Résultat" in m.subject]
    li = net.only_message_to("li@example.org", results)
    jean = net.only_message_to("jean@example.org", results)
    assert "tie" in li.text.lower() and "égalité" in jean.text.lower()
