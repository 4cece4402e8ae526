"""Counting a benchmark's instructions with valgrind's callgrind (`bench.inbound_instructions`,
`bench.fanout_instructions`): the module re-runs itself under callgrind with instrumentation off
at the start, turns it on around the part it counts, and the parent reads the total."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile

UNDER_CALLGRIND = "CONVENOR_UNDER_CALLGRIND"


def under_callgrind_now() -> bool:
    """True in the process callgrind runs (the counted one)."""
    return bool(os.environ.get(UNDER_CALLGRIND))


def instrument(state: str) -> None:
    """Turn callgrind's counting "on" or "off" in this process; nothing when not under callgrind."""
    if under_callgrind_now():
        subprocess.run(["callgrind_control", "-i", state, str(os.getpid())], check=True, capture_output=True)


def count(module: str, args: list[str], out: str | None) -> int:
    """Run `python -m module *args` under callgrind (PYTHONHASHSEED fixed, so that two runs of the
    same code count the same) and return the instructions counted; exit with its output if it fails.
    `out`: where to keep callgrind's output (a temporary file when None)."""
    out = out or os.path.join(tempfile.mkdtemp(prefix="cvb-callgrind-"), "callgrind.out")
    env = dict(os.environ, PYTHONHASHSEED="0", **{UNDER_CALLGRIND: "1"})
    done = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                           sys.executable, "-m", module, *args], env=env, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        sys.exit(done.stdout + done.stderr)
    print(f"callgrind output: {out}")
    return int(found.group(1))


def instructions_cli(module: str, description: str, n_help: str, what: str, measure, per: tuple[str, float]) -> None:
    """The command line `python -m <module> [n] [--profile] [--out FILE]` of an instruction bench:
    `measure(n, profile)` runs in the counted process (or alone with --profile, under cProfile); the
    parent prints the total and the figure for one `what` ("ballot copies" → "K a copy": `per` is
    the unit's label, divisor and decimals, e.g. ("K a copy", 1e3, 1))."""
    import argparse
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("n", nargs="?", type=int, default=500, help=n_help)
    parser.add_argument("--profile", action="store_true", help="cProfile of the counted round, no valgrind")
    parser.add_argument("--out", help="keep callgrind's output in this file")
    options = parser.parse_args()
    if under_callgrind_now() or options.profile:
        measure(options.n, options.profile)
        return
    total = count(module, [str(options.n)], options.out)
    label, divisor, digits = per
    print(f"{total:,} instructions for {options.n} {what}: {total / options.n / divisor:.{digits}f} {label}")
