"""A test Dovecot on loopback: its own config in a short temp dir (never /etc/dovecot), IMAP and
LMTP on free ports, users with Maildirs, started and stopped by PID (its children too); crash and
restart for fault-injection tests. `tests.mailstack.MailStack` puts it together with the SMTP side.
"""
from __future__ import annotations

import atexit
import itertools
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from tests.loopback import HOST, free_ports, make_self_signed_cert

DOVECOT_BIN = "/usr/sbin/dovecot"
DOVECOT_LIBEXEC = "/usr/lib/dovecot"
MAIL_UID = 8  # Debian's `mail` user: Dovecot refuses to run mail processes as root


def dovecot_missing() -> str | None:
    """Return why a test Dovecot cannot run here (binary, imap or lmtp missing), or None."""
    for path in (DOVECOT_BIN, f"{DOVECOT_LIBEXEC}/imap", f"{DOVECOT_LIBEXEC}/lmtp"):
        if not os.path.exists(path):
            return (f"{path} is missing: run scripts/ensure-dovecot "
                    "(installs dovecot-imapd and dovecot-lmtpd)")
    return None



def _wait_port(port: int, deadline: float, proc: subprocess.Popen | None = None) -> None:
    while True:
        try:
            with socket.create_connection((HOST, port), timeout=1) as s:
                s.settimeout(1)
                if s.recv(64):  # a greeting: the service answers, not only the master's listener
                    return
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before port {port} answered")
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing answered on {HOST}:{port}")
        time.sleep(0.01)


SESSION_PROCESSES = {"imap", "imap-login", "lmtp"}


def _name(pid: int, prefix: str = "dovecot") -> str | None:
    """"imap" for a living process "dovecot-<instance>/imap" (cmdline starting with `prefix`)."""
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None
    if not cmd.startswith(prefix) or state == "Z":
        return None
    return cmd.rsplit("/", 1)[-1]


def _wait_until(condition, deadline: float) -> bool:
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def _signal_pids(pids: list[int], sig: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


_running: set["Dovecot"] = set()
atexit.register(lambda: [d.stop() for d in list(_running)])
_instances = itertools.count(1)


class Dovecot:
    """One Dovecot (IMAP, IMAPS, LMTP on 127.0.0.1) from its own config in a short temp dir."""

    def __init__(self, domain: str = "example.org"):
        self.domain = domain
        self.host = HOST
        self.dir = Path(tempfile.mkdtemp(dir="/tmp", prefix="cvd"))
        assert len(str(self.dir)) <= 40, self.dir
        os.chmod(self.dir, 0o755)  # the mail user (uid 8) must reach DIR/mail
        (self.dir / "mail").mkdir()
        os.chown(self.dir / "mail", MAIL_UID, MAIL_UID)
        (self.dir / "users").mkdir()
        self.cert_path, self.key_path = make_self_signed_cert(self.dir)
        self.imap_port, self.imaps_port, self.lmtp_port = free_ports(3)
        self.instance_name = f"cvd{os.getpid()}-{next(_instances)}"
        self.users: dict[str, str] = {}
        self.proc: subprocess.Popen | None = None
        self._lock = threading.RLock()  # start/stop from a timer thread while a test runs
        (self.dir / "dovecot.conf").write_text(self._config())

    def _config(self) -> str:
        d = self.dir
        dh = "ssl_dh = </usr/share/dovecot/dh.pem" if os.path.exists("/usr/share/dovecot/dh.pem") else ""
        # one passwd-file per user: a new file is read at once (one shared file is re-read at
        # most once a second, so a user added right after a lookup would be unknown)
        user_args = f"username_format=%u {d}/users/%u"
        return f"""\
instance_name = {self.instance_name}
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap lmtp
listen = {HOST}
hostname = localhost
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = {MAIL_UID}
mail_location = maildir:~/Maildir
mail_fsync = never
# the received date (INTERNALDATE) is read from the file's mtime each time, never cached, so a
# test can play the server's clock (send_to_list(arrived_at=…))
mail_never_cache_fields = imap.envelope date.received
recipient_delimiter = +
lmtp_save_to_detail_mailbox = no
postmaster_address = postmaster@{self.domain}
ssl = yes
ssl_cert = <{self.cert_path}
ssl_key = <{self.key_path}
{dh}
namespace inbox {{
  inbox = yes
  separator = .
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {user_args}
}}
userdb {{
  driver = passwd-file
  args = {user_args}
}}
service imap-login {{
  inet_listener imap {{
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    port = {self.imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    port = {self.lmtp_port}
  }}
}}
"""

    @property
    def running(self) -> bool:
        """True while the master process is alive."""
        return self.proc is not None and self.proc.poll() is None

    def start(self, timeout: float = 10.0) -> "Dovecot":
        """Start `dovecot -F` and return once IMAP and LMTP both greet; raises with the log tail."""
        with self._lock:
            return self._start(timeout)

    def _start(self, timeout: float) -> "Dovecot":
        if self.running:
            return self
        self.proc = subprocess.Popen(
            [DOVECOT_BIN, "-F", "-c", str(self.dir / "dovecot.conf")],
            stdout=subprocess.DEVNULL, stderr=open(self.dir / "stderr.log", "ab"))
        _running.add(self)
        deadline = time.monotonic() + timeout
        try:
            for port in (self.imap_port, self.lmtp_port):
                _wait_port(port, deadline, self.proc)
        except (RuntimeError, TimeoutError) as e:
            self.stop()
            raise RuntimeError(f"dovecot did not start: {e}\n{self.log_tail()}") from None
        return self

    def pids(self, names: set[str] | None = None) -> list[int]:
        """PIDs of this instance's children ("dovecot-<instance_name>/<service>"), by /proc."""
        prefix, found = f"dovecot-{self.instance_name}/", []
        for entry in os.listdir("/proc"):
            if entry.isdigit() and (name := _name(int(entry), prefix)) and (names is None or name in names):
                found.append(int(entry))
        return found

    def stop(self, timeout: float = 1.0) -> None:
        """Stop this instance by PID; on return none of its processes serves any session any more.

        Session processes (imap, imap-login, lmtp) get SIGTERM first, so IMAP clients see
        "* BYE Server shutting down."; then the master gets SIGTERM. Its log process lingers ~1 s
        (a clean shutdown takes 1.1 s): once it is the last child it is killed; the master gets
        SIGKILL if it has not exited 0.3 s later. Takes 0.1–0.4 s.
        """
        with self._lock:
            self._stop(timeout)

    def _stop(self, timeout: float) -> None:
        if self.proc is None:
            return
        deadline = time.monotonic() + timeout
        _signal_pids(self.pids(SESSION_PROCESSES), signal.SIGTERM)
        _wait_until(lambda: not self.pids(SESSION_PROCESSES), deadline)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            _wait_until(lambda: set(map(_name, self.pids())) <= {"log"}, deadline)
            _signal_pids(self.pids(), signal.SIGKILL)
            try:  # it usually exits within ~0.15 s, reaping the log process; sometimes it dawdles
                self.proc.wait(0.3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        _signal_pids(self.pids(), signal.SIGKILL)
        self.proc = None
        _running.discard(self)

    def crash(self) -> None:
        """Cut every session at once (SIGKILL of imap, imap-login, lmtp), then stop the rest.

        Clients see their connection closed without any BYE, as when a server dies.
        """
        with self._lock:
            if self.proc is not None:
                _signal_pids(self.pids(SESSION_PROCESSES), signal.SIGKILL)
                _wait_until(lambda: not self.pids(SESSION_PROCESSES), time.monotonic() + 1.0)
                self._stop(1.0)

    def restart(self) -> None:
        """Stop and start again with the same directory, ports and users; mail is kept."""
        with self._lock:
            self.stop()
            self.start()

    def close(self) -> None:
        """Stop and remove the directory (mail included); a later start() raises."""
        with self._lock:
            self.stop()
            shutil.rmtree(self.dir, ignore_errors=True)

    def add_user(self, address: str, password: str = "secret") -> Path:
        """Add a passwd-file user (works while running) and return its home; Maildir is in ~/Maildir."""
        assert ":" not in address + password and "\n" not in address + password
        home = self.dir / "mail" / address
        home.mkdir()
        os.chown(home, MAIL_UID, MAIL_UID)
        with open(self.dir / "users" / address, "w") as f:
            f.write(f"{address}:{{PLAIN}}{password}:{MAIL_UID}:{MAIL_UID}::{home}::\n")
        self.users[address] = password
        return home

    def maildir(self, address: str) -> Path:
        """The user's Maildir path (inbox = new/ + cur/, folders = .Name)."""
        return self.dir / "mail" / address / "Maildir"

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of Dovecot's log and stderr, for error messages."""
        paths = [self.dir / "dovecot.log", self.dir / "stderr.log"]
        return "\n".join(line for p in paths if p.exists()
                         for line in p.read_text(errors="replace").splitlines()[-lines:])

    def __enter__(self) -> "Dovecot":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()
