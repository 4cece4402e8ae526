"""The `convenor` command (console script and `python -m convenor`).

`convenor deliver` beside a running daemon is handed over before the rest of Convenor is
imported (the MTA waits on it, and the imports cost more than the work); every other command,
and `deliver` without a daemon, runs the full command line of convenor.cli.
"""
from __future__ import annotations

import sys


def main() -> int:
    """Run the command given on the command line; return its exit code."""
    from convenor.handoff import deliver_fast

    handed = deliver_fast(sys.argv[1:])
    if handed is not None:
        return handed
    from convenor.cli import main as cli_main

    return cli_main()
