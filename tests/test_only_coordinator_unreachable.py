"""When a message to the network's only coordinator fails for good, nobody else can be told:
`convenor status` and `convenor check` show it, and the next message to a coordinator says so.
Real Dovecot and an SMTP server that refuses the coordinator's address."""
from __future__ import annotations

import json

from convenor.cli import main


def test_a_failure_to_the_only_coordinator_is_shown_and_told_once(network, capsys, monkeypatch):
    monkeypatch.setenv("CONVENOR_TEST_IMAP_PASSWORD", network.stack.list_password)
    network.stack.capture.reject_rcpt("amina@example.org", "550 5.1.1 no such user")
    network.send("Jean Tremblay <jean@example.org>", "A question", "Who do I ask about the budget?")
    network.step()
    failed = network.db.execute("SELECT id, kind FROM outbox WHERE state = 'failed'").fetchall()
    assert [tuple(r)[1] for r in failed] == ["forward_unknown"]
    config = ["--config", str(network.config)]

    assert main(config + ["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    (row,) = status["undelivered_to_only_coordinator"]
    assert row["recipient"] == "amina@example.org" and row["kind"] == "forward_unknown"
    assert main(config + ["status"]) == 0
    assert "ALERT" in capsys.readouterr().out
    assert main(config + ["check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["coordinators"]["ok"] is False
    assert report["coordinators"]["undelivered_to_only_coordinator"][0]["to"] == "amina@example.org"

    network.stack.capture.accept_rcpt("amina@example.org")  # the address works again
    network.new_messages()
    network.send("Jean Tremblay <jean@example.org>", "Another question", "And about the venue?")
    network.step()
    told = network.only_message_to("amina@example.org", network.new_messages())
    assert "the network's only coordinator" in told.text and f"outbox #{failed[0][0]}" in told.text
    network.send("Jean Tremblay <jean@example.org>", "Third", "One more thing.")
    network.step()
    again = network.only_message_to("amina@example.org", network.new_messages())
    assert "only coordinator" not in again.text  # said once
