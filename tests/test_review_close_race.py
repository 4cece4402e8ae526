"""A close that falls due while the daemon is in the middle of a round (review: races with the
daemon). A round reads the mailbox and then runs the timers due; a vote that reached the mailbox
after the round read it, but before the close typed on the command line (or a deadline), must
still count: the round must not run a close due after the moment it read the mailbox."""
from __future__ import annotations

from datetime import timedelta

from convenor.cli import main
from tests.test_closing_typed import net  # noqa: F401 - the fixture: a network, commands typed at its time


def test_a_vote_arriving_between_a_rounds_read_and_a_typed_close_counts(net, capsys):
    ballots = net.open_vote("[Vote] Meet in Montréal", "Closes: in 5 days\n\nThat we meet in May.")
    daemon = net.start()
    net.advance(minutes=10)
    daemon.take_mail()                                # a round has just read the (empty) mailbox …
    net.advance(seconds=1)
    net.reply(ballots["li@example.org"], "Yes")       # … Li's vote arrives …
    net.advance(seconds=1)
    assert main(["--config", str(net.config), "votes", "close", "1"]) == 0   # … then the close is typed
    net.advance(seconds=1)
    daemon.tick()                                     # the same round goes on to its timers
    daemon.send_outbox()
    net.step()                                        # and the next round
    out = net.new_messages()
    results = [m for m in out if "Result" in m.subject]
    assert "Your vote was counted" in net.only_message_to("li@example.org", results).text
    assert '"voted": 1' in net.db.execute("SELECT result FROM votes").fetchone()[0]


def test_a_vote_arriving_just_before_a_deadline_the_round_overtakes_counts(net):
    ballots = net.open_vote("[Vote] Meet in Montréal", "Closes: in 5 days\n\nThat we meet in May.")
    closes = net.db.execute("SELECT closes_at FROM votes").fetchone()[0]
    from store.times import from_db
    deadline = from_db(closes)
    daemon = net.start()
    net.set_time(deadline - timedelta(seconds=2))
    daemon.take_mail()                                # a round (woken by other mail) reads …
    net.set_time(deadline - timedelta(seconds=1))
    net.reply(ballots["li@example.org"], "Yes")       # … Li votes a second before the deadline …
    net.set_time(deadline + timedelta(seconds=1))
    daemon.tick()                                     # … the round's timers run past the deadline
    daemon.send_outbox()
    net.step()
    results = [m for m in net.new_messages() if "Result" in m.subject]
    assert "Your vote was counted" in net.only_message_to("li@example.org", results).text
