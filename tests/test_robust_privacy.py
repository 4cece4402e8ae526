"""Privacy: one recipient per message, no other member's address shown, no bodies in logs,
the store readable by its owner alone, and the purge that blanks what members wrote."""
from __future__ import annotations

import logging
import os
import re
import stat

from convenor.cli import main as cli_main
from tests.fixtures_convenor import DEFAULT_MEMBERS
from tests.robust_figures import record
from tests.store_bytes import occurrences_in_store, purge

CANARY = "CANARY-b71e-purge-me"
ADDRESSES = [m[1] for m in DEFAULT_MEMBERS]


def run_scenario(net):
    """A draft with feedback and a vote with ballots, through to both closes."""
    net.send("Amina Diallo <amina@example.org>", "[Draft] Safeguarding policy",
             "Deadline: in 5 days\n\nComments please.\n", attachments=[("policy.txt", "text/plain", b"Policy\n")])
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the safeguarding policy",
             "Closes: in 5 days\n\nThat the network adopts it.\n")
    net.step()
    sent = net.new_messages()
    for m in sent:
        if m.subject.startswith(("[Draft", "[Brouillon")) and m.to != "amina@example.org":
            net.reply(m, f"Section 2 names a survivor: {CANARY}. Please remove it.")
        elif m.subject.startswith(("[Vote", "[Scrutin")):
            net.reply(m, "YES" if m.to != "jean@example.org" else "OUI")
    net.step()
    net.advance(days=6)
    net.step()
    net.step()


def test_every_message_has_one_recipient_and_shows_no_other_members_address(maildir_network, caplog):
    net = maildir_network
    caplog.set_level(logging.DEBUG)
    run_scenario(net)
    messages = net.outbound()
    coordinators = {"amina@example.org"}
    leaks = 0
    for m in messages:
        assert len(m.rcpt_tos) == 1 and not m.msg["Cc"] and not m.msg["Bcc"]
        visible = (m.data.decode("utf-8", "replace")).lower()
        # a whole address, not the tail of another one ("network+…li@example.org" is not Li's)
        others = [a for a in ADDRESSES if a != m.to and re.search(rf"(?<![\w.+-]){re.escape(a)}", visible)]
        if others and m.to not in coordinators:
            leaks += 1
            print("LEAK", m.to, m.subject, others)
    assert CANARY not in caplog.text
    mode = stat.S_IMODE(os.stat(net.settings.store.path).st_mode)
    record("privacy", messages=len(messages), with_more_than_one_recipient=0, showing_another_members_address=leaks,
           canary_in_logs=int(CANARY in caplog.text), store_mode=oct(mode))
    assert leaks == 0
    assert mode == 0o600


def test_purge_blanks_what_members_wrote_and_keeps_the_counts(maildir_network, capsys, monkeypatch):
    net = maildir_network
    run_scenario(net)
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    db = net.db
    feedback_before = db.execute("SELECT count(*) FROM feedback").fetchone()[0]
    votes_before = db.execute("SELECT count(*), group_concat(result) FROM votes").fetchone()
    choices_before = db.execute("SELECT count(*) FROM vote_choices").fetchone()[0]
    assert feedback_before >= 3 and choices_before >= 3
    assert db.execute("SELECT count(*) FROM feedback WHERE body LIKE ?", [f"%{CANARY}%"]).fetchone()[0] > 0
    net.close()
    config = ["--config", str(net.config)]
    assert cli_main(config + ["purge", "--dry-run", "--days", "0"]) == 0
    assert "would blank" in capsys.readouterr().out
    db = net.db
    assert db.execute("SELECT count(*) FROM feedback WHERE body LIKE ?", [f"%{CANARY}%"]).fetchone()[0] > 0
    net.close()
    assert cli_main(config + ["purge", "--days", "0", "--yes"]) == 0
    out = capsys.readouterr().out
    db = net.db
    assert db.execute("SELECT count(*) FROM feedback WHERE body != ''").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM outbox WHERE body_text LIKE ?", [f"%{CANARY}%"]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM feedback").fetchone()[0] == feedback_before
    assert db.execute("SELECT count(*), group_concat(result) FROM votes").fetchone() == votes_before
    assert db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == choices_before
    assert "blanked" in out
    net.close()
    assert cli_main(config + ["purge"]) == 2  # no days configured: refused, nothing done


def test_purge_leaves_what_closed_recently(maildir_network, monkeypatch):
    net = maildir_network
    run_scenario(net)
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    net.close()
    assert cli_main(["--config", str(net.config), "purge", "--days", "30", "--yes"]) == 0
    assert net.db.execute("SELECT count(*) FROM feedback WHERE body LIKE ?", [f"%{CANARY}%"]).fetchone()[0] > 0


def test_the_daemon_purges_once_the_configured_days_have_passed(tmp_path):
    from tests.fixtures_convenor import Network
    net = Network(tmp_path, extra_settings="[privacy]\npurge_after_days = 10\n")
    try:
        run_scenario(net)
        db = net.db
        assert db.execute("SELECT count(*) FROM feedback WHERE body LIKE ?", [f"%{CANARY}%"]).fetchone()[0] > 0
        net.advance(days=5)
        net.step()
        assert db.execute("SELECT count(*) FROM feedback WHERE body LIKE ?", [f"%{CANARY}%"]).fetchone()[0] > 0
        net.advance(days=6)
        net.step()
        assert db.execute("SELECT count(*) FROM feedback WHERE body != ''").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM feedback").fetchone()[0] >= 3
    finally:
        net.close()


def test_after_the_purge_the_canary_is_nowhere_in_the_store_files(maildir_network, monkeypatch):
    """Feedback with an attached file and a stranger's forwarded original carry the canary too."""
    net = maildir_network
    net.send("Amina Diallo <amina@example.org>", "[Draft] Safeguarding policy",
             "Deadline: in 5 days\n\nComments please.\n", attachments=[("policy.txt", "text/plain", b"Policy\n")])
    net.step()
    copy = next(m for m in net.new_messages() if m.to == "li@example.org")
    net.reply(copy, f"See my notes. {CANARY}",
              attachments=[("notes.txt", "text/plain", f"marked up: {CANARY}\n".encode())])
    net.send("someone@elsewhere.example", "Please help", f"My story: {CANARY}")
    net.step()
    net.advance(days=6)
    net.step()
    assert occurrences_in_store(net, CANARY) > 0
    purge(net, monkeypatch, 0)
    assert occurrences_in_store(net, CANARY) == 0
    db = net.db
    assert db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 1  # the count is kept
