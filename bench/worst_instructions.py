"""The worst-case read's kinds counted in instructions (valgrind's callgrind), not in seconds.

On a shared machine the CPU time of one read swings by ±50% with what the other processes do
to the caches; the instructions it executes repeat to well under 1%. Run under callgrind:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=functools_reduce --dump-after=functools_reduce \\
        --callgrind-out-file=/tmp/wi/cg.out .venv/bin/python -m bench.worst_instructions 10000 [kind ...] \\
        > /tmp/wi/labels
    .venv/bin/python -m bench.worst_instructions --read /tmp/wi

Each read (a kind at a size, as the member and as the stranger) runs inside `functools.reduce`,
which nothing in the pipeline calls: callgrind counts only inside it and writes one dump a
read, in the order this script prints. `--read` prints each kind's instructions (the worse of
member and stranger) and its ratio to the ordinary reply of the same size. The messages are sent
in the bench's order (one round of every kind at 10 KB, then REPEATS rounds at the size, each
as the member then as the stranger, the last counted), so that the store holds what it holds there (the day's forwards spent, the
member's earlier replies); each kind has its own Message-ID, as in the bench (`worst_read.distinct_ids`),
and UNIQUE_IDS=0 sends a round's kinds under one, so that all but the first are taken as copies:
read, not routed (what this script did by default until 2026-12-03, when its figure for the
mislabelled charset, 2.33x, missed the vote reading's cost that the bench's 4.4x counted). Instructions leave out the kernel's work (the commit's writes), which
the bench's CPU time counts: the ordinary reply's ratio in time is lower than in instructions.
"""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from bench.common import COORDINATOR, ballots, mark_all_sent, members, new_folder, open_vote
from bench.worst_read import REPEATS, SIZES, STRANGER, distinct_ids, kinds

UNIQUE = os.environ.get("UNIQUE_IDS", "1") != "0"  # each kind its own Message-ID (see worst_read.distinct_ids)


def _counted(work) -> None:
    functools.reduce(lambda _a, _b: work(), [None, None])


def main(size: int, only: list[str]) -> None:
    """Take every kind (or those named) once untimed, then once counted, printing each label."""
    from convenor.pipeline import ingest
    from convenor.wiring import rules_from
    from tests.fixtures_convenor import Network
    net = Network(new_folder("worstinstr"), members=members(20), extra_settings='[logging]\nlevel = "WARNING"\n')
    try:
        open_vote(net)
        mark_all_sent(net.db)
        ballot = next(b for b in ballots(net.db) if b["recipient"] != COORDINATOR)
        rules = rules_from(net.settings)
        senders = {"member": (ballot["recipient"].encode(), b"network+" + ballot["reply_token"].encode() + b"@example.org"),
                   "stranger": (STRANGER, b"network@example.org")}
        labels = []
        for n, (kind, raw) in enumerate(kinds(SIZES[0], senders["member"][0], senders["member"][1], 1).items()):
            ingest(net.db, rules, f"warm:member:{kind}", raw, net.now)  # as the bench: one round at 10 KB each
        for n, (kind, raw) in enumerate(kinds(SIZES[0], senders["stranger"][0], senders["stranger"][1], 2).items()):
            ingest(net.db, rules, f"warm:stranger:{kind}", raw, net.now)
        for rnd in range(REPEATS):  # as the bench: REPEATS rounds of every kind (member, stranger), the last counted
            for who, (sender, to) in senders.items():
                messages = kinds(size, sender, to, 10 + 2 * rnd + (who == "member"))
                for kind, raw in (distinct_ids(messages) if UNIQUE else messages).items():
                    if only and kind not in only and kind != "ordinary":
                        continue
                    key = f"{rnd}:{who}:{kind}"
                    if rnd == REPEATS - 1:
                        outcome = []
                        _counted(lambda raw=raw, key=key: outcome.append(ingest(net.db, rules, key, raw, net.now)))
                        labels.append(f"{kind}\t{who}")
                        print(f"{kind}\t{who}\t{outcome[0].state}\t{outcome[0].handler}", file=sys.stderr)
                    else:
                        ingest(net.db, rules, key, raw, net.now)
        print("\n".join(labels))
        sys.stdout.flush()
    finally:
        net.close()


def read(folder: Path, labels: list[str]) -> dict[tuple[str, str], int]:
    """Instructions of each labelled read from callgrind's dumps in `folder` (numbered .1, .2, …)."""
    dumps = sorted((p for p in folder.glob("cg.out.*") if p.suffix[1:].isdigit()), key=lambda p: int(p.suffix[1:]))
    counts = {}
    for label, dump in zip(labels, dumps[len(dumps) - len(labels):]):  # the first few: imports calling reduce
        total = next(int(line.split()[1]) for line in dump.read_text().splitlines()
                     if line.startswith(("summary:", "totals:")))
        kind, who = label.split("\t")
        counts[(kind, who)] = total
    return counts


if __name__ == "__main__":
    if sys.argv[1] == "--read":
        folder = Path(sys.argv[2])
        counts = read(folder, (folder / "labels").read_text().splitlines())
        ordinary = max(v for (k, _w), v in counts.items() if k == "ordinary")
        worst = {}
        for (kind, _who), v in counts.items():
            worst[kind] = max(worst.get(kind, 0), v)
        print(f"{'kind':<30} {'worst':>9}    ratio  {'member':>9}  {'stranger':>9}")
        for kind, v in sorted(worst.items(), key=lambda kv: -kv[1]):
            member, stranger = counts.get((kind, "member"), 0), counts.get((kind, "stranger"), 0)
            print(f"{kind:<30} {v / 1e6:9.2f} M  {v / ordinary:5.2f}x  {member / 1e6:9.2f}  {stranger / 1e6:9.2f}")
    else:
        main(int(sys.argv[1]), sys.argv[2:])
