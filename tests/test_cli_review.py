"""`convenor deliver`, `purge` and `archive` reviewed from the command line: wrong input, a missing
or broken store, wrong arguments each get a clear answer naming what was expected and the right
exit code, and nothing is lost. `deliver` answers an MTA's pipe: whatever keeps it from
recording a message now exits 75 (EX_TEMPFAIL) so the MTA keeps the message and retries."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from convenor.cli import main as cli_main
from tests.store_bytes import occurrences_in_store

ROOT = Path(__file__).resolve().parent.parent
HELP = (b"From: li@example.org\r\nTo: network@example.org\r\nSubject: help\r\n"
        b"Message-ID: <review-1@client>\r\n\r\nHELP\r\n")


def deliver(config, raw: bytes, *extra: str) -> subprocess.CompletedProcess:
    """`convenor --config F deliver` as an MTA's pipe runs it."""
    return subprocess.run([sys.executable, "-m", "convenor", "--config", str(config), "deliver", *extra],
                          input=raw, capture_output=True, cwd=ROOT, timeout=60)


def inbound_count(net) -> int:
    count = net.db.execute("SELECT count(*) FROM inbound").fetchone()[0]
    net.close()
    return count


# --- deliver --------------------------------------------------------------------------------

def test_deliver_without_settings_temp_fails_and_says_which_file(tmp_path):
    proc = deliver(tmp_path / "missing.toml", HELP)
    assert proc.returncode == 75
    err = proc.stderr.decode()
    assert "no settings file at" in err and "missing.toml" in err and "delivers it again later" in err


def test_deliver_with_the_store_missing_temp_fails_and_the_retry_is_taken(maildir_network):
    net = maildir_network
    net.close()
    store = Path(net.settings.store.path)
    store.rename(store.with_suffix(".moved"))
    proc = deliver(net.config, HELP)
    assert proc.returncode == 75 and "no store at" in proc.stderr.decode() and "store.path" in proc.stderr.decode()
    assert not store.exists()                               # no empty store created in its place
    store.with_suffix(".moved").rename(store)
    proc = deliver(net.config, HELP)                        # the MTA tries again
    assert proc.returncode == 0 and proc.stdout.startswith(b"handled"), proc.stderr
    net.step()
    assert [m.to for m in net.new_messages()] == ["li@example.org"]


def test_deliver_into_a_broken_store_temp_fails_without_quoting_the_message(maildir_network):
    net = maildir_network
    net.close()
    store = Path(net.settings.store.path)
    kept = store.read_bytes()
    for side in ("-wal", "-shm"):
        Path(str(store) + side).unlink(missing_ok=True)
    store.write_bytes(b"this is not a database" * 100)
    secret = HELP.replace(b"HELP", b"HELP Zebrafinch-secret")
    proc = deliver(net.config, secret)
    assert proc.returncode == 75
    err = proc.stderr.decode()
    assert "could not be recorded" in err and "DatabaseError" in err and "Zebrafinch" not in err
    store.write_bytes(kept)
    proc = deliver(net.config, secret)
    assert proc.returncode == 0, proc.stderr


def test_deliver_with_wrong_arguments_temp_fails_naming_the_expected_command_line(maildir_network):
    proc = deliver(maildir_network.config, HELP, "--bogus", "x")
    assert proc.returncode == 75
    assert "unexpected arguments '--bogus x'" in proc.stderr.decode()
    assert "convenor [--config FILE] deliver" in proc.stderr.decode()
    assert inbound_count(maildir_network) == 0


def test_other_commands_still_refuse_unknown_arguments_with_2(maildir_network, capsys):
    with pytest.raises(SystemExit) as exc:
        cli_main(["--config", str(maildir_network.config), "status", "--bogus"])
    assert exc.value.code == 2 and "unrecognized arguments: --bogus" in capsys.readouterr().err


# --- purge ----------------------------------------------------------------------------------

CANARY = "Quetzalcanary-feedback"


def _network_with_feedback(net, monkeypatch):
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    net.send("amina@example.org", "[Draft] Leaflet", "Audience: core\nDeadline: in 2 days\n\nComments?")
    net.step()
    copy = net.only_message_to("li@example.org", net.new_messages())
    net.reply(copy, f"Page 2: {CANARY}.")
    net.step()
    net.advance(days=3)
    net.step()
    net.close()
    assert occurrences_in_store(net, CANARY) > 0


def _terminal(monkeypatch, typed: str) -> None:
    """Standard input is a real terminal (a pseudo-terminal) on which `typed` was typed."""
    master, slave = os.openpty()
    os.write(master, typed.encode())
    monkeypatch.setattr(sys, "stdin", open(slave, "r"))


def test_purge_without_yes_and_no_terminal_blanks_nothing_and_says_how(maildir_network, monkeypatch, capsys):
    net = maildir_network
    _network_with_feedback(net, monkeypatch)
    monkeypatch.setattr(sys, "stdin", open(os.devnull))
    assert cli_main(["--config", str(net.config), "purge", "--days", "0"]) == 2
    err = capsys.readouterr().err
    assert "nothing blanked" in err and "--yes" in err and "--dry-run" in err
    assert occurrences_in_store(net, CANARY) > 0


@pytest.mark.parametrize("typed, code, said, left", [("n\n", 1, "Nothing blanked.", True),
                                                     ("y\n", 0, "blanked 1 feedback", False)])
def test_purge_at_a_terminal_counts_asks_and_does_what_was_answered(maildir_network, monkeypatch, capsys,
                                                                    typed, code, said, left):
    net = maildir_network
    _network_with_feedback(net, monkeypatch)
    _terminal(monkeypatch, typed)
    assert cli_main(["--config", str(net.config), "purge", "--days", "0"]) == code
    out = capsys.readouterr().out
    assert "would blank 1 feedback" in out and "cannot be undone. [y/N]" in out and said in out
    assert (occurrences_in_store(net, CANARY) > 0) is left


def test_purge_with_nothing_to_blank_asks_nothing(maildir_network, monkeypatch, capsys):
    monkeypatch.setattr("convenor.cli_common.now", lambda: maildir_network.now)
    monkeypatch.setattr(sys, "stdin", open(os.devnull))
    assert cli_main(["--config", str(maildir_network.config), "purge", "--days", "0"]) == 0
    assert "blanked 0 feedback" in capsys.readouterr().out


def test_purge_and_archive_refuse_a_missing_store_and_create_none(maildir_network, capsys, tmp_path):
    net = maildir_network
    net.close()
    store = Path(net.settings.store.path)
    store.rename(store.with_suffix(".moved"))
    assert cli_main(["--config", str(net.config), "purge", "--days", "0", "--yes"]) == 2
    assert "no store at" in capsys.readouterr().err
    assert cli_main(["--config", str(net.config), "archive", "--to", str(tmp_path / "arch")]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not store.exists() and not (tmp_path / "arch").exists()


# --- archive --------------------------------------------------------------------------------

def test_archive_refuses_a_file_a_foreign_folder_and_an_unwritable_place(maildir_network, capsys, tmp_path):
    config = ["--config", str(maildir_network.config)]
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    assert cli_main(config + ["archive", "--to", str(a_file)]) == 2
    assert "a file of that name exists; expected a folder" in capsys.readouterr().err
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    (home / "letter.txt").write_text("mine")
    assert cli_main(config + ["archive", "--to", str(home)]) == 2
    assert "holds other files" in capsys.readouterr().err
    assert oct(home.stat().st_mode & 0o777) == "0o755" and (home / "letter.txt").read_text() == "mine"
    assert cli_main(config + ["archive", "--to", str(a_file / "sub")]) == 2
    assert "cannot write the archive there" in capsys.readouterr().err


def test_archive_writes_a_new_folder_and_again_over_an_earlier_archive(maildir_network, capsys, tmp_path):
    config = ["--config", str(maildir_network.config)]
    target = tmp_path / "record"
    assert cli_main(config + ["archive", "--to", str(target)]) == 0
    assert "file(s) into" in capsys.readouterr().out
    assert cli_main(config + ["archive", "--to", str(target)]) == 0   # an earlier archive: written again
    assert (target / "index.html").exists() and oct(target.stat().st_mode & 0o777) == "0o700"
