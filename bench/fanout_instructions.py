"""The fan-out row's cost in instructions: what one ballot copy costs Convenor, counted by callgrind.

Rates and CPU times on a shared machine swing with what the other processes do; the instructions
a copy executes repeat to a fraction of a percent, so they tell whether a change to the sending
path saved anything. This sends ballots the way `bench.fanout` does (`convenor.delivery.deliver_due`
with `mailer.smtp_send.SmtpSender`: each row rendered, sent, its sent mark committed) to the bench's
discarding sink (`bench.sink`, a child process: not counted; valgrind does not follow children),
on a network of N members with one open vote, without IMAP or Dovecot. A first round is sent
uncounted (the connection opened, the caches warm, as in the bench's later rounds); the ballots are
put back in the queue and the second round is counted, and only it: callgrind runs with
instrumentation off until then.

    .venv/bin/python -m bench.fanout_instructions [N]            # runs itself under callgrind, prints instructions a copy
    .venv/bin/python -m bench.fanout_instructions [N] --profile  # cProfile of the counted round instead (no valgrind)

`--out FILE` keeps callgrind's output for callgrind_annotate. PYTHONHASHSEED is fixed so that
two runs of the same code count the same.
"""
from __future__ import annotations


from bench.callgrind import instructions_cli, instrument
from bench.common import DiscardSmtp, members, new_folder, open_vote, profiled
from bench.fanout import _requeue_ballots


def measure(n: int, profile: bool) -> None:
    """Open a vote to `n` members, send its ballots once uncounted, then once counted."""
    from datetime import datetime, timezone
    from convenor.delivery import deliver_due
    from mailer.smtp_send import SmtpSender
    from tests.fixtures_convenor import Network
    sink = DiscardSmtp()
    net = Network(new_folder("fanoutinstr"), members=members(n - 1), extra_settings='[logging]\nlevel = "WARNING"\n')
    net.now = datetime.now(timezone.utc).replace(microsecond=0)
    try:
        open_vote(net)
        db, rules = net.db, net.daemon.rules
        sender = SmtpSender(sink.host, sink.port, security="plain")

        def deliver() -> int:
            return deliver_due(db, rules, sender, lambda: net.now, retry_base=60, retry_max=3600, max_attempts=5).sent

        deliver()  # the coordinator's confirmation and a first round of ballots
        _requeue_ballots(db)
        if profile:
            profiled(deliver)
        else:
            instrument("on")
            sent = deliver()
            instrument("off")
            assert sent == n, sent
        sender.close()
        assert db.execute("SELECT count(*) FROM outbox WHERE kind = 'vote_ballot' AND state = 'sent'").fetchone()[0] == n
    finally:
        net.close()
        sink.close()


if __name__ == "__main__":
    instructions_cli("bench.fanout_instructions", "Instructions a ballot copy on the fan-out path.",
                     "ballots (members, the coordinator included)", "ballot copies", measure, ("K a copy", 1e3, 1))
