"""Decisions by email over the real Dovecot + SMTP stack: every closed vote becomes a numbered,
dated decision linked to the draft it names; DECISIONS answers with the latest, or those matching
words or a year; a secret ballot's decision carries no names; the CLI lists, shows and exports."""
from __future__ import annotations

import csv
import io
import json

from tests.fixtures_convenor import Network, roster

MEMBERS = roster("amina", "jean", "li", "sofia", "priya")


def vote_and_close(net, subject, body, answers):
    """A coordinator opens a vote, members answer from their ballots, the coordinator CLOSEs it."""
    net.send("Amina Diallo <amina@example.org>", subject, body)
    net.step()
    out = net.new_messages()
    ballots = {m.to: m for m in out if "opened" not in m.subject.lower()}
    confirmation = next(m for m in out if "Vote opened" in m.subject)
    for address, answer in answers.items():
        net.reply(ballots[address], answer)
    net.step()
    net.new_messages()
    net.reply(confirmation, "CLOSE")
    net.step()
    return net.new_messages()


def test_closed_votes_are_decisions_members_ask_for_by_email(mail_stack, tmp_path, capsys):
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    try:
        net.send("amina@example.org", "[Draft] Awareness brochure", "Deadline: in 10 days\n\nThe new brochure.",
                 attachments=[("brochure.txt", "text/plain", b"Brochure text v1")])
        net.step()
        net.new_messages()
        results = vote_and_close(net, "[Vote] Adopt the awareness brochure",
                                 "Closes: in 5 days\n\nThat the network adopts the brochure of Draft 1.\n",
                                 {"jean@example.org": "Oui", "li@example.org": "Yes", "sofia@example.org": "No"})
        assert sorted(m.to for m in results) == ["amina@example.org", "jean@example.org", "li@example.org",
                                                 "sofia@example.org"]
        net.advance(days=1)
        vote_and_close(net, "[Vote] Elect the treasurer",
                       "Options: Maria Okafor; Kwame Asante\nSecret: yes\nQuorum: 30%\n\nElect the treasurer.\n",
                       {"li@example.org": "1", "sofia@example.org": "2", "jean@example.org": "1"})

        net.advance(hours=1)
        net.send("Jean Tremblay <jean@example.org>", "decisions", "DECISIONS")
        net.send("Li Wei <li@example.org>", "decisions", "DECISIONS brochure")
        net.send("Sofia Martins <sofia@example.org>", "decisions", "DECISIONS 2026")
        net.send("Priya Sharma <priya@example.org>", "decisions", "DECISIONS 2027")
        net.step()
        answers = net.new_messages()
        assert sorted(m.to for m in answers) == ["jean@example.org", "li@example.org", "priya@example.org",
                                                 "sofia@example.org"]
        jean = net.only_message_to("jean@example.org", answers)
        assert jean.subject == "Décisions"
        assert "Décision 2, " in jean.text and "Elect the treasurer (Scrutin 2)" in jean.text
        assert "Décision 1, " in jean.text and "ADOPTÉE" in jean.text and "Oui 2, Non 1" in jean.text
        assert "Brouillon 1 « Awareness brochure »" in jean.text
        assert jean.text.index("Décision 2") < jean.text.index("Décision 1")      # newest first
        assert "Maria Okafor 2, Kwame Asante 1" in jean.text and "scrutin secret" in jean.text
        for name in ("Li Wei", "Sofia", "Jean Tremblay"):                     # no names, secret or not
            assert name not in jean.text.replace("Bonjour Jean Tremblay", "")
        li = net.only_message_to("li@example.org", answers)
        assert "Decision 1, " in li.text and "Decision 2" not in li.text and 'matching "brochure" (1' in li.text
        assert "Draft 1 \"Awareness brochure\"" in li.text
        assert "No decision matches \"2026\"" in net.only_message_to("sofia@example.org", answers).text
        priya = net.only_message_to("priya@example.org", answers)
        assert "Decision 1" in priya.text and "Decision 2" in priya.text

        config = ["--config", str(net.config)]
        net.close()
        from convenor import cli
        capsys.readouterr()
        assert cli.main(config + ["decisions", "list", "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert [r["number"] for r in rows] == [2, 1]
        assert rows[1]["documents"] == ["Draft 1"] and rows[1]["tallies"] == {"Yes": 2, "No": 1, "Abstain": 0}
        assert rows[0]["secret"] is True and rows[0]["outcome"] == "winner"
        assert cli.main(config + ["decisions", "show", "Decision 1"]) == 0
        shown = capsys.readouterr().out
        assert "Outcome: adopted" in shown and "That the network adopts the brochure" in shown
        assert cli.main(config + ["decisions", "show", "9"]) == 2
        assert cli.main(config + ["decisions", "export"]) == 0
        exported = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert [r["number"] for r in exported] == ["1", "2"] and exported[1]["tallies"] == "Maria Okafor 2; Kwame Asante 1"
    finally:
        net.close()


def test_votes_closed_before_the_record_existed_are_recorded_at_the_next_tick(maildir_network):
    net = maildir_network
    vote_and_close(net, "[Vote] Budget 2027", "Closes: in 5 days\n\nAdopt the budget.\n",
                   {"li@example.org": "Yes", "jean@example.org": "Oui"})
    net.db.execute("DELETE FROM decisions")                   # as if closed before the upgrade
    net.advance(minutes=1)
    net.step()
    assert net.db.execute("SELECT vote_id, outcome FROM decisions").fetchall() == [(1, "adopted")]


def test_a_ranked_election_is_a_decision_naming_who_was_elected_not_who_voted(maildir_network):
    net = maildir_network
    vote_and_close(net, "[Vote] Elect the co-chair",
                   "Options: Maria Okafor; Kwame Asante\nPass: ranked\nSecret: yes\n\nElect the co-chair.\n",
                   {"li@example.org": "1, 2", "jean@example.org": "B > A", "sofia@example.org": "1"})
    net.send("li@example.org", "decisions", "DECISIONS co-chair")
    net.step()
    (answer,) = net.new_messages()
    assert "Result: ELECTED: Maria Okafor." in answer.text and "Maria Okafor 2, Kwame Asante 1" in answer.text
    assert "rule: ranked" in answer.text and "secret ballot" in answer.text
    for name in ("Jean", "Sofia"):
        assert name not in answer.text
    stored = net.db.execute("SELECT result FROM decisions").fetchone()[0]
    assert "code" not in stored.lower()                                   # no receipt codes kept either
