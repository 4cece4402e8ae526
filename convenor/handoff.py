"""`convenor deliver` handing its message to the running daemon, through a Unix socket beside
the store lock (`<store>.sock`, mode 0600).

Why a hand-over rather than only a wake-up: a `deliver` that parses, routes and commits by
itself first imports all of Convenor (0.3–0.6 s on a shared 2-core machine) before the daemon
can even be told; a daemon that watches SQLite's `data_version` can only poll it. Handing the
bytes to the daemon, which has everything loaded, takes the message in at once and sends the
reply in the same round: `deliver` needs only the settings file's store path (tomllib, no
pydantic) and a socket.

The promise to the MTA is unchanged: `deliver` exits 0 only once the message is committed. The
daemon answers `<state>: <outcome>` after its commit; if no daemon listens, or it does not answer
(stopped, killed, busy past the timeout), `deliver` handles the message itself, as before. Both
paths use the same server key (`stdin:<sha256>`) inside one write transaction, so a message both
took is recorded once (the second sees it already recorded). After handling a message itself,
`deliver` pokes the daemon (`WAKE`) so the reply goes out at once rather than on its next look
at the store.

This module is what `deliver` imports before anything else (the daemon's end is
convenor.handoff_listener): the standard library's socket and tomllib only.

Protocol, one request per connection: `DELIVER <length>\\n<bytes>` answered by one line, or
`WAKE\\n` answered by nothing.
"""
from __future__ import annotations

import os
import socket
import sys
import tomllib
from pathlib import Path

from convenor.paths import resolve

ANSWER_TIMEOUT = 30.0  # seconds `deliver` waits for the daemon's commit before doing it itself


def socket_path(store_path: str | os.PathLike) -> str:
    """The hand-over socket of the store at `store_path`."""
    return str(store_path) + ".sock"


# --- the `deliver` side --------------------------------------------------------------------

_stdin: list[bytes] = []


def stdin_bytes() -> bytes:
    """Standard input, read once (the fast path and the full `deliver` share it)."""
    if not _stdin:
        _stdin.append(sys.stdin.buffer.read())
    return _stdin[0]


def forget_stdin() -> None:
    """Drop the message read (it was handled), so that a later `deliver` in the same process reads anew."""
    _stdin.clear()


def deliver_fast(argv: list[str]) -> int | None:
    """`convenor [--config F] deliver [--config F]` done by handing the message to the running
    daemon: prints the daemon's answer and returns 0. Returns None (having printed nothing)
    when the command is anything else, no daemon listens or it gave no answer: the full
    command then runs, with the same standard input."""
    config = _deliver_config(argv)
    if config is None:
        return None
    try:
        base = Path(config)
        data = tomllib.loads(base.read_text(encoding="utf-8"))
        store = resolve(str(data.get("store", {}).get("path", "var/convenor.db")), base.parent)
    except (OSError, ValueError, AttributeError):
        return None  # the full command reports what is wrong with the settings
    if not os.path.exists(socket_path(store)):
        return None
    raw = stdin_bytes()
    if not raw.strip():
        return None
    answer = hand_over(store, raw)
    if answer is None:
        return None
    forget_stdin()
    print(answer)
    return 0


def _deliver_config(argv: list[str]) -> str | None:
    """The settings file of a plain `deliver` command line, else None."""
    config, seen_deliver, i = None, False, 0
    while i < len(argv):
        arg = argv[i]
        if arg == "deliver" and not seen_deliver:
            seen_deliver = True
        elif arg in ("--config", "-c") and i + 1 < len(argv):
            config, i = argv[i + 1], i + 1
        elif arg.startswith("--config="):
            config = arg.split("=", 1)[1]
        else:
            return None
        i += 1
    if not seen_deliver:
        return None
    return config or os.environ.get("CONVENOR_CONFIG") or "convenor.toml"


def hand_over(store_path: str | os.PathLike, raw: bytes, timeout: float = ANSWER_TIMEOUT) -> str | None:
    """Give `raw` to the daemon running on this store and return its answer line, sent after
    the message was committed; None when no daemon took it (nothing listens, it closed, timed out)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(socket_path(store_path))
            s.sendall(b"DELIVER %d\n" % len(raw) + raw)
            s.shutdown(socket.SHUT_WR)
            answer = b""
            while chunk := s.recv(4096):
                answer += chunk
    except OSError:
        return None
    text = answer.decode("utf-8", "replace").strip()
    return text or None


def poke(store_path: str | os.PathLike) -> bool:
    """Tell the daemon running on this store (if any) that there is new work; never raises."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(2.0)
            s.connect(socket_path(store_path))
            s.sendall(b"WAKE\n")
        return True
    except OSError:
        return False
