"""A coordinator at the command line: check, status, inspect, deliver."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from convenor.cli import main

ROOT = Path(__file__).resolve().parent.parent
INSPECT_KEYS = {"from", "is_member", "token", "item", "auto_reply", "bounce", "from_self", "new_text",
                "attachments"}


def run_cli(*args, stdin: bytes | None = None, env=None):
    return subprocess.run([sys.executable, "-m", "convenor", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=60, env=env)


def test_check_reports_tls_idle_move_and_folders(network, capsys, monkeypatch):
    monkeypatch.setenv("CONVENOR_TEST_IMAP_PASSWORD", network.stack.list_password)
    assert main(["--config", str(network.config), "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    box = report["mailbox"]
    assert box["ok"] and box["idle"] is True and box["move"] is True
    assert box["tls"] == "plaintext-loopback" and box["separator"] in (".", "/")
    assert box["folders"]["processed"].endswith("Processed")
    assert report["sending"]["ok"] and report["sending"]["tls"] == "plaintext-loopback"
    assert report["store"] == {"ok": True, "path": network.settings.store.path, "mode": "0o600"}


def test_check_says_what_failed_when_a_server_is_unreachable(network, capsys, monkeypatch):
    monkeypatch.setenv("CONVENOR_TEST_IMAP_PASSWORD", "wrong password")
    network.stack.capture.refuse_connections = True
    assert main(["--config", str(network.config), "check"]) == 1
    out = capsys.readouterr().out
    assert "mailbox: FAILED" in out and "sending: FAILED" in out and "error:" in out


def test_check_warns_about_insecure_servers(tmp_path, capsys):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[store]\npath = "c.db"\n[sending]\nkind = "smtp"\nhost = "192.0.2.1"\nsecurity = "plain"\n'
                   'port = 2525\ntimeout = 1\n')
    assert main(["--config", str(cfg), "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert "refusing plaintext to 192.0.2.1" in report["sending"]["error"]


def test_inspect_reads_a_message_without_a_store_or_settings(tmp_path):
    eml = tmp_path / "reply.eml"
    eml.write_bytes(
        b"From: Li Wei <Li@Example.org>\r\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org\r\n"
        b"Subject: Re: [Vote 7] Adopt the terms\r\nMessage-ID: <x1@client>\r\n\r\n"
        b"Yes!\r\n\r\nOn Mon, Jan 4, 2027 at 9:00 AM Network <network@example.org> wrote:\r\n"
        b"> Reply with YES, NO or ABSTAIN\r\n")
    proc = run_cli("--config", str(tmp_path / "none.toml"), "inspect", str(eml), "--json",
                   "--options", "Yes,No,Abstain")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert INSPECT_KEYS <= set(report)
    assert report["from"] == "li@example.org" and report["is_member"] is None
    assert report["token"] == "abcdefghijklmnopqrstuvwxyz"
    assert report["new_text"] == "Yes!" and report["vote"] == "Yes"
    assert report["auto_reply"] is False and report["bounce"] is None and report["from_self"] is False


def test_inspect_with_a_store_says_who_sent_it_and_what_would_happen(network, tmp_path, capsys):
    network.start()
    eml = tmp_path / "help.eml"
    eml.write_bytes(b"From: sofia@example.org\r\nTo: network@example.org\r\nSubject: help\r\n"
                    b"Message-ID: <h1@client>\r\n\r\nHELP\r\n")
    assert main(["--config", str(network.config), "inspect", str(eml), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["is_member"] is True and report["member"]["role"] == "core"
    assert report["route"] == "command: the command HELP"
    from store import outbox
    assert outbox.counts(network.db) == {}  # inspecting changed nothing


def test_inspect_refuses_a_file_that_is_not_a_message(tmp_path):
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    proc = run_cli("--config", str(tmp_path / "none.toml"), "inspect", str(empty))
    assert proc.returncode == 1 and b"not a readable email message" in proc.stderr
    proc = run_cli("inspect", str(tmp_path / "missing.eml"), "--config", str(tmp_path / "none.toml"))
    assert proc.returncode == 2 and b"cannot read" in proc.stderr


def test_deliver_and_status_on_the_embedded_default(maildir_network, capsys):
    cfg = str(maildir_network.config)
    raw = (b"From: li@example.org\r\nTo: network@example.org\r\nSubject: help\r\n"
           b"Message-ID: <d1@client>\r\n\r\nHELP\r\n")
    proc = run_cli("--config", cfg, "deliver", stdin=raw)
    assert proc.returncode == 0 and proc.stdout.startswith(b"handled")
    proc = run_cli("--config", cfg, "deliver", stdin=raw)
    assert proc.stdout.startswith(b"duplicate")
    assert main(["--config", cfg, "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["members"]["core"] == 4 and status["members"]["associate"] == 2
    assert status["members"]["coordinators"] == 1
    assert status["outbox"]["queued"] == 1 and status["inbound"] == {"handled": 1, "quarantined": 0, "answered_held": 0}
    maildir_network.step()
    assert [m.to for m in maildir_network.new_messages()] == ["li@example.org"]
    assert main(["--config", cfg, "status"]) == 0
    assert "Outbox: 0 queued, 1 sent, 0 failed" in capsys.readouterr().out


def test_deliver_without_a_message_says_what_it_expected(maildir_network):
    proc = run_cli("--config", str(maildir_network.config), "deliver", stdin=b"")
    assert proc.returncode == 2 and b"expected one email message on standard input" in proc.stderr


@pytest.mark.parametrize("argv, expected", [
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["members"], "the following arguments are required: ACTION"),
    (["members", "add", "x@example.org"], "the following arguments are required: --name"),
])
def test_a_wrong_command_line_says_what_was_expected(argv, expected, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert expected in capsys.readouterr().err


def test_check_send_test_proves_that_sub_addressed_replies_reach_the_mailbox(network, capsys, monkeypatch):
    """Sending through the SMTP→LMTP bridge, as a real provider would deliver it."""
    monkeypatch.setenv("CONVENOR_TEST_IMAP_PASSWORD", network.stack.list_password)
    text = network.config.read_text().replace(f"port = {network.stack.capture.port}",
                                              f"port = {network.stack.bridge.port}")
    network.config.write_text(text)
    network.stack.bridge.stamp_all = "pass"  # the receiving MTA stamps every message
    try:
        assert main(["--config", str(network.config), "check", "--send-test", "--json"]) == 0
    finally:
        network.stack.bridge.stamp_all = None
    report = json.loads(capsys.readouterr().out)
    assert report["subaddressing"]["ok"] and report["subaddressing"]["result"].startswith("works")
    stamp = report["subaddressing"]["authentication"]
    domain = network.list_address.split("@")[1]
    assert stamp["authserv_id"] == "mx.test.example" and "good" in stamp["advice"]
    assert stamp["dkim"] == f"pass ({domain}, aligned with {domain})" and stamp["dmarc"].startswith("pass")
    assert stamp["spf"] == "not reported"
    assert report["trust"] == {"ok": True, "authserv_id": "mx.test.example", "confirm": "unverified"}
    network.step()  # the daemon takes the test message in and does not answer it
    assert network.new_messages() == [] and network.stack.folder_counts()["Processed"] == 1


def test_check_send_test_says_when_sub_addressed_mail_is_lost(network, capsys, monkeypatch):
    monkeypatch.setenv("CONVENOR_TEST_IMAP_PASSWORD", network.stack.list_password)
    from convenor import checks, settings as settings_mod
    report = checks._check_subaddressing(settings_mod.load(network.config), wait_seconds=1.5)
    assert report["ok"] is False and "did not reach the mailbox" in report["result"]  # the capture keeps it


def test_check_warns_when_no_server_is_trusted(maildir_network, capsys):
    maildir_network.config.write_text(maildir_network.config.read_text().replace(
        'authserv_id = "mx.test.example"', ''))
    assert main(["--config", str(maildir_network.config), "check", "--json"]) == 0
    trust = json.loads(capsys.readouterr().out)["trust"]
    assert trust["authserv_id"] is None and "the local MTA that delivers into the Maildir" in trust["warnings"][0]


def test_status_json_always_has_the_documented_inbound_keys(network, capsys):
    network.start()
    assert main(["--config", str(network.config), "status", "--json"]) == 0
    inbound = json.loads(capsys.readouterr().out)["inbound"]
    assert inbound["handled"] == 0 and inbound["quarantined"] == 0


def test_a_closed_pipe_ends_the_command_quietly(network):
    import subprocess
    import sys
    from store import members
    from store.db import transaction
    network.start()
    with transaction(network.db):  # more output than a pipe holds, so the writer meets the closed pipe
        for n in range(1500):
            members.add(network.db, email=f"member{n}@example.org", name=f"Member {n}", role="associate",
                        coordinator=False, language="en", now=network.now)
    command = (f"{sys.executable} -m convenor --config {network.config} members list --json | head -c 10")
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
