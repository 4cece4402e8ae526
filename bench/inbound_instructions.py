"""The inbound row's cost in instructions: what one ballot reply costs Convenor, counted by callgrind.

Rates on a shared machine swing ±50% from run to run; an instruction count repeats to a fraction
of a percent, so it is what tells whether a change to the inbound path saved anything. This takes
ballot replies the way `bench.inbound` does (the daemon's `_take_batch`, i.e. `ingest_many` on
batches of 100: parse, route by token, read the vote, record it, queue a receipt, commit) on a
network of N members with one open vote, without the mailbox: no IMAP, no Dovecot, so it needs
neither, and what it counts is Convenor's own work. A first round (every member's first vote) is
taken uncounted; the second round (each member changes their answer, as in the bench's later
rounds) is counted, and only it: callgrind runs with instrumentation off until then.

    .venv/bin/python -m bench.inbound_instructions [N]            # runs itself under callgrind, prints instructions a reply
    .venv/bin/python -m bench.inbound_instructions [N] --profile  # cProfile of the counted round instead (no valgrind)

`--out FILE` keeps callgrind's output for callgrind_annotate. PYTHONHASHSEED is fixed so that
two runs of the same code count the same.
"""
from __future__ import annotations

from datetime import datetime, timezone

from bench.callgrind import instructions_cli, instrument
from bench.common import members, new_folder, profiled, round_of_replies, vote_awaiting_replies, votes_recorded

BATCH = 100


def replies(net, n: int, number: int) -> list:
    """Round `number` of ballot replies from the first `n` members, as `bench.inbound` writes them."""
    from mailer.mailbox import RawMessage
    received = datetime.now(timezone.utc).replace(microsecond=0)
    return [RawMessage(f"maildir:{number}.{i}.bench", raw, received)
            for i, raw in enumerate(round_of_replies(net.db, n, number))]


def take(daemon, messages: list) -> None:
    """Take `messages` as the daemon takes a mailbox's: batches of BATCH, one commit each."""
    for start in range(0, len(messages), BATCH):
        daemon._take_batch(messages[start:start + BATCH])


def measure(n: int, profile: bool) -> None:
    """Set the network up, take a first round uncounted, then the counted one."""
    from tests.fixtures_convenor import Network
    net = Network(new_folder("instr"), members=members(n), extra_settings='[logging]\nlevel = "WARNING"\n')
    net.now = datetime.now(timezone.utc).replace(microsecond=0)
    try:
        vote_id = vote_awaiting_replies(net)
        daemon = net.start()
        take(daemon, replies(net, n, 0))
        counted = replies(net, n, 1)
        if profile:
            profiled(lambda: take(daemon, counted))
        else:
            instrument("on")
            take(daemon, counted)
            instrument("off")
        changed = votes_recorded(net.db, vote_id)
        assert changed == 2 * n, changed  # every reply of both rounds was read as a vote
    finally:
        net.close()


if __name__ == "__main__":
    instructions_cli("bench.inbound_instructions", "Instructions a ballot reply on the inbound path.",
                     "members, and replies counted", "ballot replies", measure, ("M a reply", 1e6, 3))
