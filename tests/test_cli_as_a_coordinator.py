"""The command line read as a new coordinator reads it: every argument of every command says what
it is in `--help`; an empty store reads plainly (no Python values, a warning while no coordinator
exists); a wrong value or a missing item is answered with what to do, never a traceback; the
attendance register counts the network's year."""
from __future__ import annotations

import argparse
from datetime import datetime, timezone

import pytest

from convenor import cli
from tests.fixtures_convenor import Network


def run(net, capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["--config", str(net.config), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def commands(parser, prefix=()) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                out.append((prefix + (name,), child))
                out += commands(child, prefix + (name,))
    return out


def test_every_argument_of_every_command_says_what_it_is():
    unexplained = [f"convenor {' '.join(words)}: {arg.option_strings or arg.dest}"
                   for words, child in commands(cli.build_parser()) for arg in child._actions
                   if arg.help is None and not isinstance(arg, (argparse._HelpAction, argparse._SubParsersAction))]
    assert unexplained == []


def test_an_empty_store_reads_plainly_and_warns_while_nobody_coordinates(tmp_path, capsys, monkeypatch):
    net = Network(tmp_path, members=[])
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    code, out, _ = run(net, capsys, "status")
    assert code == 0 and "{" not in out and "'" not in out  # no Python dict printed
    assert "held: 0 held, 0 confirmed, 0 cancelled, 0 expired" in out
    assert "bounce reports: 0 matched, 0 unmatched" in out
    assert "no active coordinator" in out and "convenor members add EMAIL --name NAME --coordinator" in out
    assert run(net, capsys, "members", "add", "amina@example.org", "--name", "Amina Diallo", "--coordinator")[0] == 0
    assert "no active coordinator" not in run(net, capsys, "status")[1]
    code, out, _ = run(net, capsys, "attendance")
    assert code == 0 and "no meeting held in 2027" in out


@pytest.mark.parametrize("argv, said", [
    (["votes", "show", "9"], "there is no Vote 9 (see `convenor votes list`)"),
    (["votes", "cancel", "Vote 9"], "there is no Vote 9 (see `convenor votes list`)"),
    (["meetings", "show", "9"], "there is no Meeting 9 (see `convenor meetings list`)"),
    (["meetings", "move", "[Réunion 9]", "--where", "Hall"], "there is no Meeting 9 (see `convenor meetings list`)"),
    (["drafts", "show", "9"], "there is no Draft 9 (see `convenor drafts list`)"),
    (["decisions", "show", "9"], "there is no Decision 9 (see `convenor decisions list`)"),
    (["actions", "done", "9"], "there is no Action 9 (see `convenor actions list`)"),
    (["members", "set", "amina@example.org", "--coordinator", "maybe"], "--coordinator must be yes or no, not 'maybe'"),
    (["members", "set", "amina@example.org", "--active", "perhaps"], "--active must be yes or no, not 'perhaps'"),
])
def test_a_missing_item_or_a_wrong_value_is_answered_with_what_to_do(maildir_network, capsys, monkeypatch, argv, said):
    monkeypatch.setattr("convenor.cli_common.now", lambda: maildir_network.now)
    code, out, err = run(maildir_network, capsys, *argv)
    assert code == 2 and err.strip() == f"convenor: {said}" and out == ""


def test_the_attendance_register_counts_the_network_s_year(maildir_network, capsys, monkeypatch):
    new_year_s_eve = datetime(2027, 1, 1, 3, 0, tzinfo=timezone.utc)  # still 2026 in Toronto
    monkeypatch.setattr("convenor.cli_common.now", lambda: new_year_s_eve)
    code, out, _ = run(maildir_network, capsys, "attendance")
    assert code == 0 and out.startswith("Attendance 2026 ")
