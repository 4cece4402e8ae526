"""`make bench`: the benchmarks, one after another, each on its own loopback mail stack.

Prints one table row per benchmark (Convenor's figure, the raw figure measured in the same
run, their ratio, the target) and the table again at the end. Nothing is asserted: shared
machines are noisy, and CI does not run this. `--profile` prints cProfile's top functions for
the inbound and fan-out runs; `--only inbound,latency` runs some of them.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (cli_wait, fanout, history, inbound, large_draft, latency, mailbox_size, mda, paced,  # noqa: E402
                   worst_read)
from bench.common import Row, table  # noqa: E402

BENCHMARKS = {"inbound": inbound, "fanout": fanout, "large_draft": large_draft, "latency": latency,
              "mailbox_size": mailbox_size, "mda": mda, "history": history, "cli_wait": cli_wait,
              "worst_read": worst_read, "paced": paced}


def main(argv: list[str]) -> int:
    """Run the chosen benchmarks and print their rows; a benchmark that breaks gets a row saying so."""
    profile = "--profile" in argv
    chosen = list(BENCHMARKS)
    if "--only" in argv:
        chosen = argv[argv.index("--only") + 1].split(",")
    rows, started = [], time.monotonic()
    for name in chosen:
        t0 = time.monotonic()
        try:
            row = BENCHMARKS[name].run(profile=profile)
        except Exception as exc:  # noqa: BLE001 - report and go on with the others
            row = Row(name, "failed", "", None, "", None, f"{type(exc).__name__}: {exc}")
        rows.append(row)
        print(table([row]).splitlines()[2], f"  ({time.monotonic() - t0:.0f} s)", flush=True)
    print(f"\nAll benchmarks in {time.monotonic() - started:.0f} s "
          f"(Dovecot {_dovecot_version()}, Python {sys.version.split()[0]}):\n")
    print(table(rows))
    return 0


def _dovecot_version() -> str:
    import subprocess
    try:
        return subprocess.run(["/usr/sbin/dovecot", "--version"], capture_output=True, text=True).stdout.split()[0]
    except (OSError, IndexError):
        return "?"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
