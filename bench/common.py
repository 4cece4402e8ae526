"""What every benchmark shares: a loopback mail stack with a discarding SMTP sink, a network of
many members, ballots and replies, Maildir seeding, a `convenor run` child, and the table row.

Each benchmark measures Convenor and the raw limit of the same stack in the same run and
reports their ratio; no figure is ever asserted (the machines are shared and noisy).
"""
from __future__ import annotations

import email.policy
import itertools
import email.utils
import os
import signal
import socket
import statistics
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.fixtures_convenor import Network  # noqa: E402
from tests.mailstack import HOST, MAIL_UID, Dovecot, LmtpBridge, MailStack, free_port  # noqa: E402

LIST = "network@example.org"
COORDINATOR = "coord@example.org"
CONVENOR_BIN = ROOT / ".venv" / "bin" / "convenor"


# --- the table row ------------------------------------------------------------------------------

@dataclass
class Row:
    """One line of the results table: Convenor's figure against the raw one, and the target."""

    what: str
    convenor: str
    raw: str
    ratio: float | None
    target: str
    met: bool | None
    note: str = ""
    spread: tuple[float, float] | None = None  # (min, max) of the ratio over interleaved rounds

    def cells(self) -> list[str]:
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}"
        if self.spread is not None:
            ratio += f" ({self.spread[0]:.2f}–{self.spread[1]:.2f})"
        verdict = "—" if self.met is None else ("met" if self.met else "NOT met")
        return [self.what, self.convenor, self.raw, ratio, f"{self.target}: {verdict}"]


HEADER = ["what", "Convenor", "raw", "ratio", "target"]


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table, notes listed below it."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    notes = [f"- {r.what}: {r.note}" for r in rows if r.note]
    return "\n".join(lines + ([""] + notes if notes else []))


# --- interleaved rounds: a ratio that means something on a shared machine ------------------------------

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


@dataclass
class Rounds:
    """Rates (per second) of Convenor and of the raw side, one pair per interleaved round.

    Each round measures both sides back to back, so a neighbour's load hits both alike; the
    median ratio and its spread over the rounds are what a row reports.
    """

    convenor: list[float]
    raw: list[float]

    @property
    def ratios(self) -> list[float]:
        return [c / r for c, r in zip(self.convenor, self.raw)]

    @property
    def median_round(self) -> int:
        """The round whose ratio is the median (the lower middle one for an even count)."""
        order = sorted(range(len(self.ratios)), key=self.ratios.__getitem__)
        return order[(len(order) - 1) // 2]

    @property
    def ratio(self) -> float:
        return self.ratios[self.median_round]

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.ratios), max(self.ratios)

    def describe(self, unit: str = "msg/s") -> str:
        """Every round's figures, for the row's note."""
        return "rounds (Convenor / raw = ratio): " + "; ".join(
            f"{c:,.0f} / {r:,.0f} {unit} = {c / r:.2f}" for c, r in zip(self.convenor, self.raw)) + (
            f"; median ratio {statistics.median(self.ratios):.2f}")


# --- an SMTP server that accepts everything and keeps nothing -------------------------------------

class DiscardSmtp:
    """The discarding SMTP sink of `bench.sink`, run as a child process on 127.0.0.1.

    Its own process, so that neither side's Python competes with it for one GIL. `stats()`
    asks it (XSTAT) how many messages, DATA bytes and connections it has seen. Has the
    attributes MailStack expects of its capture (host, port, tls, cert_path, close).
    """

    tls = None
    cert_path = None

    def __init__(self):
        self.host, self.port = HOST, free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.sink", str(self.port)], cwd=str(ROOT))
        if not wait_until(self._answers, 10):
            self.close()
            raise RuntimeError("the SMTP sink did not start")

    def _answers(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=1) as s:
                return s.recv(64).startswith(b"220")
        except OSError:
            return False

    def stats(self) -> dict[str, int]:
        """{"messages", "data_bytes", "connections"} seen so far (this query's connection included)."""
        with socket.create_connection((self.host, self.port), timeout=5) as s:
            f = s.makefile("rb")
            f.readline()
            s.sendall(b"XSTAT\r\n")
            messages, data_bytes, connections = map(int, f.readline().split()[1:4])
            s.sendall(b"QUIT\r\n")
        return {"messages": messages, "data_bytes": data_bytes, "connections": connections}

    def waiter(self, count: int):
        """Start waiting (XWAIT) until the sink has accepted `count` messages in all; returns a
        function that blocks until then (or `timeout` s) and says whether it happened."""
        s = socket.create_connection((self.host, self.port), timeout=5)
        f = s.makefile("rb")
        f.readline()
        s.sendall(b"XWAIT %d\r\n" % count)

        def wait(timeout: float = 30) -> bool:
            try:
                s.settimeout(timeout)
                return int(f.readline().split()[1]) >= count
            except (OSError, IndexError, ValueError):
                return False
            finally:
                f.close()
                s.close()
        return wait

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)


def start_stack() -> MailStack:
    """Dovecot (IMAP + LMTP), the SMTP→LMTP bridge and a discarding SMTP sink, on loopback."""
    dovecot = Dovecot(domain=LIST.split("@")[1]).start()
    try:
        dovecot.add_user(LIST)
        bridge = LmtpBridge(dovecot).start()
        sink = DiscardSmtp()
    except BaseException:
        dovecot.close()
        raise
    return MailStack(dovecot, bridge, sink, LIST, owns=True)


# --- a network of many members ----------------------------------------------------------------------

def members(n: int, role: str = "core") -> list[tuple]:
    """A coordinator plus `n` other members (every tenth one French), as Network expects them."""
    out = [("Carla Coordinator", COORDINATOR, "core", True, "en", [])]
    for i in range(1, n + 1):
        out.append((f"Member {i:05d}", f"m{i:05d}@example.org", role, False, "fr" if i % 10 == 0 else "en", []))
    return out


def new_folder(prefix: str) -> Path:
    """A fresh directory under /tmp for one benchmark's settings and store."""
    return Path(tempfile.mkdtemp(prefix=f"cvb-{prefix}-", dir="/tmp"))


def network(prefix: str, stack: MailStack, n: int, extra_settings: str = "") -> Network:
    """A Network (settings, store, members) on `stack` with the clock at the real time now."""
    net = Network(new_folder(prefix), stack=stack, members=members(n),
                  extra_settings='[logging]\nlevel = "WARNING"\n' + extra_settings)
    net.now = datetime.now(timezone.utc).replace(microsecond=0)
    os.environ["CONVENOR_TEST_IMAP_PASSWORD"] = stack.list_password
    return net


VOTE_BODY = "Closes: in 7 days\n\nThat the network adopts the revised terms of reference.\n"


def open_vote(net: Network) -> int:
    """The coordinator opens a vote by email; the daemon takes it (ballots stay queued). Returns its id."""
    net.send(f"Carla Coordinator <{COORDINATOR}>", "[Vote] Adopt the revised terms of reference", VOTE_BODY)
    net.start().take_mail()
    return net.db.execute("SELECT max(id) FROM votes").fetchone()[0]


def ballots(db) -> list[dict]:
    """Every queued ballot: recipient, reply token, Message-ID, subject and text."""
    return [dict(r) for r in db.query(
        "SELECT recipient, reply_token, message_id, subject, body_text FROM outbox "
        "WHERE kind = 'vote_ballot' ORDER BY id")]


def ballot_reply(ballot: dict, answer: str = "YES", when: datetime | None = None) -> bytes:
    """A member's top-posted reply to their ballot, Gmail style (the ballot quoted below)."""
    msg = EmailMessage()
    msg["From"] = ballot["recipient"]
    msg["To"] = f"network+{ballot['reply_token']}@example.org"
    msg["Subject"] = "Re: " + ballot["subject"]
    msg["Date"] = email.utils.format_datetime(when or datetime.now(timezone.utc))
    msg["Message-ID"] = email.utils.make_msgid(domain="client.example.net")
    msg["In-Reply-To"] = msg["References"] = ballot["message_id"]
    quoted = "\n".join("> " + line for line in ballot["body_text"].splitlines())
    msg.set_content(f"{answer}\n\nOn Mon, Jan 4, 2027 at 9:00 AM Network <{LIST}> wrote:\n{quoted}\n")
    return msg.as_bytes(policy=email.policy.SMTP)


def mark_all_sent(db) -> None:
    """Pretend the outbox was sent (for benchmarks that measure something else)."""
    db.execute("UPDATE outbox SET state = 'sent', sent_at = next_try_at WHERE state = 'queued'")
    db.conn.commit()


# --- ballot replies: what the inbound benchmarks take (bench.inbound, bench.inbound_instructions) -----

ANSWERS = ("YES", "No", "abstain")  # a member's answer changes from one round to the next


def vote_awaiting_replies(net: Network) -> int:
    """Open the benchmarks' vote on `net` with every ballot marked sent (the replies are what is
    measured, not the ballots); return its id."""
    vote_id = open_vote(net)
    mark_all_sent(net.db)
    return vote_id


def round_of_replies(db, n: int, number: int) -> list[bytes]:
    """Round `number` of ballot replies from the first `n` members: every member votes again
    (a new message), with another answer than in the round before."""
    return [ballot_reply(b, answer=ANSWERS[(i + number) % 3]) for i, b in enumerate(ballots(db)[:n])]


def votes_recorded(db, vote_id: int) -> int:
    """How many vote events (each reply read as a vote, changed answers included) the vote has."""
    return db.execute("SELECT count(*) FROM vote_events WHERE vote_id = ? AND kind = 'vote'", [vote_id]).fetchone()[0]


def profiled(work) -> None:
    """Run `work()` under cProfile and print its top 35 functions (sorted by BENCH_PROFILE_SORT,
    default cumulative)."""
    import cProfile
    import io
    import pstats
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative")).print_stats(35)
    print(out.getvalue())


# --- putting mail straight into Dovecot's Maildir -----------------------------------------------------

_SEEDED = itertools.count()  # unique file names across calls within one second


def seed_maildir(stack: MailStack, folder: str | None, messages, seen: bool = False) -> int:
    """Write messages as files into the list's Maildir (INBOX if folder is None), owned by the
    mail user, as a delivery agent would (in tmp/, then renamed into place); Dovecot indexes them on the next SELECT. Returns count."""
    root = stack.dovecot.maildir(stack.list_address)
    box = root if folder is None else root / f".{folder}"
    for sub in ("", "cur", "new", "tmp"):
        (box / sub).mkdir(parents=True, exist_ok=True)
        os.chown(box / sub, MAIL_UID, MAIL_UID)
    os.chown(root, MAIL_UID, MAIL_UID)
    if folder is not None:
        (box / "maildirfolder").touch()
        os.chown(box / "maildirfolder", MAIL_UID, MAIL_UID)
    stamp, count = int(time.time()), 0
    for data in messages:
        name = f"{stamp}.M{next(_SEEDED)}P{os.getpid()}.bench,S={len(data)}"
        path = box / ("cur" if seen else "new") / (name + (":2,S" if seen else ""))
        staging = box / "tmp" / name  # written in tmp/, then renamed: a running reader never sees half a file
        staging.write_bytes(data)
        os.chown(staging, MAIL_UID, MAIL_UID)
        os.rename(staging, path)
        count += 1
    return count


# --- a `convenor run` child process -------------------------------------------------------------------

class DaemonProcess:
    """`convenor --config FILE run` as a child; its peak RSS read from /proc before it stops."""

    def __init__(self, config: Path, log: Path):
        env = dict(os.environ)
        self.log = open(log, "ab")
        self.proc = subprocess.Popen([str(CONVENOR_BIN), "--config", str(config), "run"],
                                     stdout=self.log, stderr=self.log, env=env, cwd=str(config.parent))

    def status(self, key: str) -> int:
        """A /proc/<pid>/status figure in kB (VmHWM = peak RSS, VmRSS = now)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        raise KeyError(key)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        """SIGTERM, as an operator would; SIGKILL after 10 s."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def reader(path: Path) -> sqlite3.Connection:
    """A second, read-only connection to the store, as the benchmark's observer."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def wait_until(condition, timeout: float, interval: float = 0.01) -> bool:
    """Poll `condition()` until true or `timeout` s passed; return whether it became true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)
    return True


def store_bytes(db_path: Path) -> int:
    """Size of the store on disk: the database file plus its WAL."""
    paths = (Path(db_path), Path(f"{db_path}-wal"))
    return sum(p.stat().st_size for p in paths if p.exists())


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} msg/s"
