"""A real mail stack on loopback for tests and benchmarks: Dovecot, an SMTP→LMTP bridge, a capture.

    stack = MailStack.start()                     # Dovecot + LmtpBridge + SmtpCapture, ~0.1 s
    stack.send_to_list(msg, rcpt="network+tok@example.org")   # returns once it is in INBOX
    ImapMailbox(**stack.imap_settings())          # plaintext on loopback; imap_settings("ssl")
    SmtpSender(**stack.smtp_settings())           # outbound mail lands in stack.capture
    stack.capture.script(["451 4.3.0 try later", "250 OK"]); stack.capture.wait_for(1)
    stack.dovecot.restart(); stack.close()

Everything listens on 127.0.0.1 only; Dovecot runs from its own config in a short temp dir
(never /etc/dovecot) and is stopped by PID, its children too.
"""
from __future__ import annotations

import atexit
import email.policy
import itertools
import os
import shutil
import signal
import smtplib
import socket
import subprocess
import tempfile
import threading
import time
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

from tests.loopback import HOST, free_port, make_self_signed_cert  # noqa: F401 (re-exported)
from tests.smtp_servers import LmtpBridge, SmtpCapture  # noqa: F401 (re-exported)

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
        self.imap_port, self.imaps_port, self.lmtp_port = free_port(), free_port(), free_port()
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


def as_bytes(message: bytes | EmailMessage) -> bytes:
    """Serialise with CRLF line ends (email.policy.SMTP), as a mail client would send it."""
    if isinstance(message, bytes):
        return message
    return message.as_bytes(policy=email.policy.SMTP)


TEST_AUTHSERV_ID = "mx.test.example"  # the authserv-id the bridge (and a test Maildir's "MTA") stamps
AUTH_REQUEST = b"X-Test-Authenticate: "  # the first header line a test adds to ask the bridge for a stamp


def stamp_authentication(data: bytes, result: str, authserv_id: str = TEST_AUTHSERV_ID) -> bytes:
    """`data` with the receiving server's Authentication-Results on top, as Gmail or OpenDMARC
    add it: dkim and dmarc `result` ("pass", "fail", "none") for the From header's domain."""
    from email.parser import BytesHeaderParser
    head = BytesHeaderParser().parsebytes(data)
    domain = parseaddr(str(head.get("From", "")))[1].rpartition("@")[2].lower() or "unknown.invalid"
    line = (f"Authentication-Results: {authserv_id};\r\n\tdkim={result} header.d={domain};\r\n"
            f"\tdmarc={result} header.from={domain}\r\n").encode()
    return line + data


def make_message(from_: str = "Alice <alice@example.net>", to: str = "network@example.org",
                 subject: str = "Hello", body: str = "Hello network.\n", **headers) -> EmailMessage:
    """A plain-text member message; extra headers as keyword arguments (In_Reply_To=...)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = from_, to, subject
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg


class MailStack:
    """One Dovecot + one LmtpBridge + one SmtpCapture, and the list mailbox `list_address`.

    `MailStack.start()` owns its servers; `stack.new_list(address)` shares them with a fresh
    mailbox user (what the per-test fixture does); `close()` stops only what the stack owns.
    """

    def __init__(self, dovecot: Dovecot, bridge: LmtpBridge, capture: SmtpCapture,
                 list_address: str, owns: bool = False):
        self.dovecot, self.bridge, self.capture = dovecot, bridge, capture
        self.list_address = list_address
        self.list_password = dovecot.users[list_address]
        self.owns = owns

    @classmethod
    def start(cls, list_address: str = "network@example.org", capture_tls: str | None = None) -> "MailStack":
        """Start Dovecot, the bridge and the capture, with one list mailbox user."""
        dovecot = Dovecot(domain=list_address.split("@")[1]).start()
        try:
            dovecot.add_user(list_address)
            bridge = LmtpBridge(dovecot).start()
            capture = SmtpCapture(tls=capture_tls, cert=(dovecot.cert_path, dovecot.key_path)
                                  if capture_tls else None).start()
        except BaseException:
            dovecot.close()
            raise
        return cls(dovecot, bridge, capture, list_address, owns=True)

    def new_list(self, list_address: str, password: str = "secret",
                 capture: SmtpCapture | None = None) -> "MailStack":
        """A stack sharing these servers (and this capture unless another is given) whose list
        mailbox is a new, empty user."""
        self.dovecot.add_user(list_address, password)
        return MailStack(self.dovecot, self.bridge, capture or self.capture, list_address)

    def imap_settings(self, security: str = "plain") -> dict:
        """Keyword arguments for mailer.imap_box.ImapMailbox: "plain", "starttls" or "ssl" (CA = cert)."""
        port = self.dovecot.imaps_port if security == "ssl" else self.dovecot.imap_port
        settings = {"host": HOST, "port": port, "username": self.list_address,
                    "password": self.list_password, "security": security}
        if security != "plain":
            settings["ca_file"] = self.dovecot.cert_path
        return settings

    def smtp_settings(self) -> dict:
        """Keyword arguments for mailer.smtp_send.SmtpSender pointing at the capture."""
        security = {"implicit": "ssl", "starttls": "starttls"}.get(self.capture.tls, "plain")
        settings = {"host": HOST, "port": self.capture.port, "security": security}
        if self.capture.cert_path:
            settings["ca_file"] = self.capture.cert_path
        return settings

    def send_to_list(self, message: bytes | EmailMessage, rcpt: str | list[str] | None = None,
                     mail_from: str | None = None, arrived_at=None, authenticated: str | None = None) -> None:
        """Send like a member's client would (SMTP → LMTP); on return it is in the list's INBOX.

        `rcpt` defaults to the list address; "+token" alone means list+token@domain.
        `mail_from` defaults to the From header's address. `arrived_at` (an aware datetime)
        plays the server's clock: the delivered file's mtime is set to it, so Dovecot reports
        it as the INTERNALDATE (the test config never caches the received date). With
        `authenticated` ("pass", "fail", "none") the bridge, as the receiving MTA, stamps its
        Authentication-Results (authserv-id TEST_AUTHSERV_ID) with that DKIM and DMARC result.
        """
        inbox = self.dovecot.maildir(self.list_address) / "new"
        before = set(os.listdir(inbox)) if arrived_at is not None and inbox.exists() else set()
        data = as_bytes(message)
        if authenticated:
            data = AUTH_REQUEST + authenticated.encode() + b"\r\n" + data
        rcpts = [rcpt or self.list_address] if not isinstance(rcpt, list) else rcpt
        local, domain = self.list_address.split("@")
        rcpts = [f"{local}{r}@{domain}" if r.startswith("+") else r for r in rcpts]
        if mail_from is None:
            from_header = message["From"] if isinstance(message, EmailMessage) else None
            mail_from = parseaddr(from_header or "")[1] or "member@example.net"
        with smtplib.SMTP(HOST, self.bridge.port, timeout=15) as smtp:
            refused = smtp.sendmail(mail_from, rcpts, data)
        assert not refused, refused
        if arrived_at is not None:
            stamp = arrived_at.timestamp()
            for name in set(os.listdir(inbox)) - before:
                os.utime(inbox / name, (stamp, stamp))

    def imap_client(self):
        """A logged-in imapclient.IMAPClient on the list mailbox (plaintext, loopback)."""
        from imapclient import IMAPClient
        client = IMAPClient(HOST, self.dovecot.imap_port, ssl=False, timeout=10)
        client.login(self.list_address, self.list_password)
        return client

    def folder_counts(self) -> dict[str, int]:
        """Number of messages in each folder of the list mailbox, e.g. {"INBOX": 2, "Processed": 1}."""
        client = self.imap_client()
        try:
            return {name: client.folder_status(name, ["MESSAGES"])[b"MESSAGES"]
                    for flags, _sep, name in client.list_folders() if b"\\Noselect" not in flags}
        finally:
            client.logout()

    def close(self) -> None:
        """Stop the servers this stack owns (nothing for a stack made by new_list)."""
        if self.owns:
            self.capture.close()
            self.bridge.stop()
            self.dovecot.close()
