"""`python -m bench.vote_sizes`: the cost of reading a vote as a reply grows, by shape of reply.

A member's reply to a ballot is read by `read_vote` (or `read_ranking`) and, when it gives no vote
after one was recorded, by `only_pleasantries`; each must cost in proportion to the reply at most
(issue 15: a reply of 1 MB of short lines, or one 1 MB line). For each shape and reader, the CPU
time (best of three) at 10 KB, 100 KB and 1 MB, and the slope of the cost against size (log-log:
1.0 is linear, below it the reader stops early). Nothing is asserted here:
tests/test_reading_review.py holds the hang detector.
"""
from __future__ import annotations

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workflows.reading.attendance_words import only_pleasantries  # noqa: E402
from workflows.reading.choices import read_vote  # noqa: E402
from workflows.reading.rankings import read_ranking  # noqa: E402

FEES = ["Keep the current fee", "Raise the fee to $40", "No change at all", "Sliding scale"]
CANDIDATES = ["Kwame Asante", "Maria Okafor", "Léa Roy", "Samir Haddad"]
SIZES = (10_000, 100_000, 1_000_000)
SHAPES = {
    "short lines": lambda n: "yes, but no\n" * (n // 12),
    "one long line": lambda n: "yes, but maybe B, not the raise; " * (n // 33),
    "one line, no punctuation": lambda n: "yes " * (n // 4),
    "commas": lambda n: "Sliding scale," + ",".join(["x"] * (n // 2)),
    "greetings only": lambda n: "Hi all,\n" * (n // 8),
    "a list one per line": lambda n: "Sliding scale,\n" + "Keep the current fee\n" * (n // 21),
}
READERS = {"read_vote": lambda text: read_vote(text, FEES), "read_ranking": lambda text: read_ranking(text, CANDIDATES),
           "only_pleasantries": only_pleasantries}


def cost(reader, text: str) -> float:
    """The best of three CPU times of one reading, in seconds."""
    best = math.inf
    for _ in range(3):
        start = time.thread_time()
        reader(text)
        best = min(best, time.thread_time() - start)
    return best


def main() -> None:
    print(f"{'shape':26s} {'reader':18s}" + "".join(f"{size // 1000:>9d} KB" for size in SIZES) + "   slope")
    for shape, make in SHAPES.items():
        texts = [make(size) for size in SIZES]
        for name, reader in READERS.items():
            costs = [cost(reader, text) for text in texts]
            slope = math.log(max(costs[-1], 1e-6) / max(costs[0], 1e-6)) / math.log(SIZES[-1] / SIZES[0])
            print(f"{shape:26s} {name:18s}" + "".join(f"{c * 1000:9.1f} ms" for c in costs) + f"   {slope:5.2f}")


if __name__ == "__main__":
    main()
