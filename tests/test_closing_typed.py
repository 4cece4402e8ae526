"""A close typed on the command line counts what reached the mailbox before it, even unread.

"Time is when mail arrived": `convenor votes close`, `drafts close` and `meetings close` close as
at the moment typed, once the mail waiting in the mailbox has been read, over the real Dovecot +
SMTP stack. An answer delivered before the command is typed counts though read after it; one
delivered after is late and its sender is told. Three ways: no daemon running (the command reads
the mailbox itself), a daemon holding the store (it reads first at its next round), a daemon
running its loop (woken; the command waits for its outcome); and the mailbox unreadable."""
from __future__ import annotations

import os
import threading

import pytest

from convenor import daemon as daemon_mod
from convenor.cli import main
from convenor.handoff import socket_path
from tests.fixtures_convenor import Network

CORE = ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]


@pytest.fixture
def net(mail_stack, tmp_path, monkeypatch):
    network = Network(tmp_path, stack=mail_stack)
    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)  # typed at the test's time
    yield network
    network.close()


def cli(net, capsys, *words) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--config", str(net.config), *words])
    out = capsys.readouterr()
    return code, out.out, out.err


def open_vote(net) -> dict:
    return net.open_vote("[Vote] Meet in Montréal", "Closes: in 5 days\n\nThat we meet in May.")


def results_and_late(net) -> tuple[list, list]:
    out = net.new_messages()
    results = [m for m in out if "Result" in m.subject or "Résultat" in m.subject]
    late = [m for m in out if m not in results and m.to == "jean@example.org"]
    return results, late


def test_votes_close_with_no_daemon_reads_the_mailbox_first(net, capsys):
    ballots = open_vote(net)
    net.close()                                       # the daemon is down
    net.advance(minutes=10)
    net.reply(ballots["li@example.org"], "Yes")       # reaches Dovecot; nobody reads it yet
    net.advance(minutes=5)
    code, out, _ = cli(net, capsys, "votes", "close", "1")
    assert code == 0
    assert "1 message(s) waiting in the mailbox read first" in out
    assert "Vote 1 closed (command line): 1/4 voted" in out
    net.advance(minutes=1)
    net.reply(ballots["jean@example.org"], "No")      # after the close was typed
    net.step()
    results, late = results_and_late(net)
    assert sorted(m.to for m in results) == sorted(CORE)
    assert "Your vote was counted" in net.only_message_to("li@example.org", results).text
    assert [m.to for m in late] == ["jean@example.org"]
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 1


def test_votes_close_while_the_daemon_holds_the_store_is_done_at_its_next_round(net, capsys):
    ballots = open_vote(net)                          # net's daemon holds the store from here on
    net.advance(minutes=10)
    net.reply(ballots["li@example.org"], "Yes")       # in the mailbox, not read yet
    net.advance(minutes=5)
    code, out, _ = cli(net, capsys, "votes", "close", "1")
    assert code == 0 and "Vote 1 closes as at 2027-01-04 09:15 America/Toronto" in out
    assert "`convenor votes show 1` shows the result" in out
    assert net.db.execute("SELECT state FROM votes").fetchone()[0] == "open"
    net.advance(minutes=1)
    net.reply(ballots["jean@example.org"], "No")
    net.advance(minutes=1)
    net.step()                                        # reads both, then closes as at the typed moment
    results, late = results_and_late(net)
    assert sorted(m.to for m in results) == sorted(CORE)
    assert "Your vote was counted" in net.only_message_to("li@example.org", results).text
    assert "closed from the command line" in net.only_message_to("amina@example.org", results).text
    assert [m.to for m in late] == ["jean@example.org"]
    vote = net.db.execute("SELECT closed_at, closed_how FROM votes").fetchone()
    assert vote == ("2027-01-04 14:15:00", "command line")


def test_votes_close_wakes_a_running_daemon_and_prints_its_outcome(net, capsys, monkeypatch):
    ballots = open_vote(net)
    net.advance(minutes=10)
    net.reply(ballots["li@example.org"], "Yes")
    net.step()
    net.new_messages()
    net.close()
    monkeypatch.setattr(daemon_mod, "STORE_CHECK_SECONDS", 600.0)  # only the command's wake-up makes it act
    net.start()
    daemon = net.daemon
    thread = threading.Thread(target=daemon.run, kwargs={"install_signals": False}, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if os.path.exists(socket_path(net.settings.store.path)):
                break
            threading.Event().wait(0.02)
        code, out, err = cli(net, capsys, "votes", "close", "1")
        assert code == 0, err
        assert "Vote 1 closed by the running daemon, which read the mailbox first" in out, err
    finally:
        daemon.stop()
        thread.join(60)
        net.daemon = None
    assert not thread.is_alive()
    vote = net.db.execute("SELECT closed_at, closed_how, result FROM votes").fetchone()
    assert vote[:2] == ("2027-01-04 14:10:00", "command line") and '"voted": 1' in vote[2]


def test_votes_close_with_the_mailbox_unreadable_is_kept_and_done_once_it_is_read(net, capsys, monkeypatch):
    ballots = open_vote(net)
    net.close()
    net.advance(minutes=10)
    net.reply(ballots["li@example.org"], "Yes")
    net.advance(minutes=5)
    monkeypatch.delenv("CONVENOR_TEST_IMAP_PASSWORD")       # no password to be found
    code, _, err = cli(net, capsys, "votes", "close", "1")
    assert code == 1 and "CONVENOR_TEST_IMAP_PASSWORD (password_env) is not set" in err, err
    assert "nothing was closed yet" in err
    assert net.db.execute("SELECT closes_at, state FROM votes").fetchone() == ("2027-01-04 14:15:00", "open")
    net.close()
    net.advance(minutes=30)
    monkeypatch.setenv("CONVENOR_TEST_IMAP_PASSWORD", "not-the-password")
    code, _, err = cli(net, capsys, "votes", "close", "1")    # typed again later: the first close stands
    assert code == 1
    assert "the mailbox could not be read" in err and "Vote 1 closes as at 2027-01-04 09:15" in err
    assert net.db.execute("SELECT state FROM votes").fetchone()[0] == "open"
    net.close()
    net.advance(hours=2)
    net.reply(ballots["jean@example.org"], "No")      # after the close was typed
    net.step()                                        # the daemon, with its password: reads, then closes
    results, late = results_and_late(net)
    assert "Your vote was counted" in net.only_message_to("li@example.org", results).text
    assert [m.to for m in late] == ["jean@example.org"]
    assert net.db.execute("SELECT closed_at FROM votes").fetchone()[0] == "2027-01-04 14:15:00"


def test_drafts_close_puts_feedback_waiting_in_the_mailbox_in_the_digest(net, capsys):
    net.send("Amina Diallo <amina@example.org>", "[Draft] Leaflet", "Audience: core\nDeadline: in 10 days\n\nComments?")
    net.step()
    copies = {m.to: m for m in net.new_messages()}
    net.close()
    net.advance(hours=1)
    net.reply(copies["li@example.org"], "Page 2 needs a map.")
    net.advance(minutes=5)
    code, out, _ = cli(net, capsys, "drafts", "close", "1")
    assert code == 0 and "1 message(s) waiting in the mailbox read first" in out and "draft 1 closed" in out
    net.advance(minutes=1)
    net.reply(copies["jean@example.org"], "The title is too long.")
    net.step()
    out = net.new_messages()
    digest = [m for m in out if "Feedback digest" in m.subject]
    assert [m.to for m in digest] == ["amina@example.org"] and "Page 2 needs a map." in digest[0].text
    assert "The title is too long." not in digest[0].text
    assert "(en retard)" in net.only_message_to("jean@example.org", out).subject  # Jean reads French


def test_meetings_close_counts_availability_waiting_in_the_mailbox(net, capsys):
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day",
             "Candidates: 2027-02-09 18:00; 2027-02-11 18:00; 2027-02-16 18:00\nAudience: core\n")
    net.step()
    polls = {m.to: m for m in net.new_messages() if "Date poll sent" not in m.subject}
    net.advance(hours=1)
    net.reply(polls["li@example.org"], "3")
    net.reply(polls["sofia@example.org"], "3")        # both waiting, unread, when the close is typed
    net.advance(minutes=5)
    code, out, _ = cli(net, capsys, "meetings", "close", "1")
    assert code == 0 and "closes as at" in out        # net's daemon holds the store: its round does it
    net.advance(minutes=1)
    net.reply(polls["jean@example.org"], "1")
    net.step()
    out = net.new_messages()
    invites = [m for m in out if m.attachments and b"20270216" in m.attachments[0][2]]
    assert sorted(m.to for m in invites) == sorted(CORE)        # date 3: the answers read first counted
    assert [m.subject for m in net.messages_to("jean@example.org", out) if "sondage" in m.subject] == [
        "[Réunion 1] Ce sondage est terminé"]                   # Jean's answer came after: he is told
