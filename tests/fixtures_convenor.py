"""A Convenor under test, driven the way its users drive it: by email, with the clock in hand.

`network` runs the real daemon (one round at a time) against the real Dovecot + SMTP stack;
`maildir_network` runs it on the embedded default (local Maildirs). Both offer the same verbs:

    network.send("jean@example.org", "HELP")                 # a member writes to the list
    network.step()                                          # the daemon takes mail, ticks, sends
    help_msg = network.only_message_to("jean@example.org")  # what the member received
    network.reply(help_msg, "Merci")                        # answer it from their mail client
    network.advance(days=3); network.step()                 # time passes; due work is done
"""
from __future__ import annotations

import email
import email.policy
import itertools
import mailbox as std_mailbox
import os
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import make_msgid, parseaddr
from pathlib import Path

import pytest

from tests.mailstack import TEST_AUTHSERV_ID, as_bytes, stamp_authentication

# the people of the test networks, by first name: name, address, role, language
PEOPLE = {
    "amina": ("Amina Diallo", "amina@example.org", "core", "en"),
    "jean": ("Jean Tremblay", "jean@example.org", "core", "fr"),
    "li": ("Li Wei", "li@example.org", "core", "en"),
    "sofia": ("Sofia Martins", "sofia@example.org", "core", "en"),
    "kofi": ("Kofi Mensah", "kofi@example.org", "core", "en"),
    "rosa": ("Rosa Lima", "rosa@example.org", "core", "en"),
    "omar": ("Omar Haddad", "omar@example.org", "core", "en"),
    "nadia": ("Nadia Roy", "nadia@example.org", "core", "fr"),
    "tom": ("Tom Baker", "tom@example.org", "core", "en"),
    "priya": ("Priya Sharma", "priya@example.org", "associate", "en"),
    "marc": ("Marc Gagnon", "marc@example.org", "associate", "fr"),
    "ana": ("Ana Costa", "ana@example.org", "associate", "en"),
}


def roster(*names: str, coordinators=("amina",), subcommittees: dict | None = None,
           languages: dict | None = None) -> list[tuple]:
    """A test network's members as Network takes them (name, email, role, coordinator, language,
    sub-committees): the PEOPLE with these first names, in that order; those in `coordinators`
    coordinate; `subcommittees` maps a sub-committee's name to its members' first names;
    `languages` changes some members' language (first name to language)."""
    committees = subcommittees or {}
    return [(name, address, role, key in coordinators, (languages or {}).get(key, language),
             [c for c, keys in committees.items() if key in keys])
            for key in names for name, address, role, language in [PEOPLE[key]]]


DEFAULT_MEMBERS = roster("amina", "jean", "li", "sofia", "priya", "marc",
                         subcommittees={"Awareness": ("amina", "jean"), "Training": ("li",)})
START = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)  # a Monday, 09:00 in Toronto
_counter = itertools.count(1)
_arrivals = itertools.count(1)


class Received:
    """One message Convenor sent, as the recipient's client sees it."""

    def __init__(self, data: bytes, envelope_from: str = "", rcpt_tos: list[str] | None = None):
        self.data = data
        self.msg: EmailMessage = email.message_from_bytes(data, policy=email.policy.default)
        self.envelope_from = envelope_from
        self.rcpt_tos = rcpt_tos or [parseaddr(str(self.msg["To"]))[1]]

    @property
    def to(self) -> str:
        return parseaddr(str(self.msg["To"]))[1].lower()

    @property
    def subject(self) -> str:
        return str(self.msg["Subject"] or "")

    @property
    def reply_to(self) -> str:
        return parseaddr(str(self.msg["Reply-To"] or self.msg["From"]))[1]

    @property
    def message_id(self) -> str:
        return str(self.msg["Message-ID"])

    @property
    def text(self) -> str:
        part = self.msg.get_body(preferencelist=("plain",))
        return part.get_content() if part else ""

    @property
    def flat_text(self) -> str:
        """The text as one line of single spaces (the mail's wrapping and CRLF aside), for
        checking a sentence that a template wraps."""
        return " ".join(self.text.split())

    @property
    def attachments(self) -> list[tuple[str, str, bytes]]:
        """(filename, content type, bytes) of each attachment."""
        out = []
        for part in self.msg.iter_attachments():
            payload = part.get_payload(decode=True)
            if payload is None and part.get_content_type() == "message/rfc822":
                payload = part.get_payload(0).as_bytes()
            out.append((part.get_filename() or "", part.get_content_type(), payload or b""))
        return out

    def __repr__(self):
        return f"<Received to={self.to} subject={self.subject!r}>"


class Network:
    """One network: settings, store and members in `folder`, its mail on the given transport."""

    def __init__(self, folder: Path, stack=None, members=DEFAULT_MEMBERS, extra_settings: str = "",
                 trust: str = f'[trust]\nauthserv_id = "{TEST_AUTHSERV_ID}"\n', network_settings: str = ""):
        self.network_settings = network_settings  # more lines of [network], e.g. 'date_order = "dmy"\n'
        self.folder = Path(folder)
        self.stack = stack
        self.now = START
        self.list_address = stack.list_address if stack else "network@example.org"
        self._seen = 0
        self.config = self.folder / "convenor.toml"
        self.config.write_text(self._settings_text() + "\n" + trust + "\n" + extra_settings)
        from convenor import settings as settings_mod
        self.settings = settings_mod.load(self.config)
        self.daemon = None
        self._add_members(members)

    # --- set-up ---------------------------------------------------------------------------

    def _settings_text(self) -> str:
        head = f'[network]\nname = "Test Network"\nlist_address = "{self.list_address}"\n' \
               f'timezone = "America/Toronto"\n{self.network_settings}\n[store]\npath = "convenor.db"\n\n'
        if self.stack is None:
            return head + '[mailbox]\nkind = "maildir"\npath = "mailbox"\n\n' \
                          '[sending]\nkind = "maildir"\npath = "outbox"\n'
        imap = self.stack.imap_settings("plain")
        smtp = self.stack.smtp_settings()
        return head + (
            f'[mailbox]\nkind = "imap"\nhost = "{imap["host"]}"\nport = {imap["port"]}\n'
            f'security = "plain"\nusername = "{imap["username"]}"\npassword_env = "CONVENOR_TEST_IMAP_PASSWORD"\n'
            f'poll_seconds = 1\n\n'
            f'[sending]\nkind = "smtp"\nhost = "{smtp["host"]}"\nport = {smtp["port"]}\nsecurity = "plain"\n'
            f'retry_base_seconds = 60\n')

    def _add_members(self, members) -> None:
        from store import members as store_members
        from store.db import open_store, transaction
        db = open_store(self.settings.store.path)
        with transaction(db):
            for name, addr, role, coordinator, lang, subs in members:
                store_members.add(db, email=addr, name=name, role=role, coordinator=coordinator,
                                  language=lang, subcommittees=subs, now=self.now)
        db.close()

    # --- the daemon -------------------------------------------------------------------------

    def start(self):
        """Start (or restart) the daemon object on this network's settings."""
        import os
        from convenor.daemon import Daemon
        if self.stack is not None:
            os.environ["CONVENOR_TEST_IMAP_PASSWORD"] = self.stack.list_password
        if self.daemon is None:
            self.daemon = Daemon(self.settings, clock=lambda: self.now)
        return self.daemon

    def step(self) -> None:
        """One round of the daemon at the current time: due timers, waiting mail, the outbox."""
        self.start().run_once()

    def restart(self) -> None:
        """Stop the daemon as SIGTERM would, and start a new one on the same store."""
        if self.daemon is not None:
            self.daemon.close()
            self.daemon = None
        self.start()

    def close(self) -> None:
        """Stop the daemon, if one was started (the network's files stay)."""
        if self.daemon is not None:
            self.daemon.close()
            self.daemon = None

    def __enter__(self) -> Network:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def advance(self, **delta) -> None:
        """Move the clock forward (e.g. advance(days=3, hours=2))."""
        self.now += timedelta(**delta)

    def set_time(self, moment: datetime) -> None:
        self.now = moment

    @property
    def db(self):
        return self.start().db

    # --- members' side ------------------------------------------------------------------------

    def compose(self, sender: str, subject: str, body: str = "", *, to: str | None = None,
                attachments: list[tuple[str, str, bytes]] = (), html: str | None = None,
                headers: dict | None = None) -> EmailMessage:
        """A message as a member's client would write it."""
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = to or self.list_address
        msg["Subject"] = subject
        msg["Date"] = email.utils.format_datetime(self.now)
        msg["Message-ID"] = make_msgid(idstring=str(next(_counter)), domain="client.example.net")
        for k, v in (headers or {}).items():
            msg[k] = v
        if html is not None and not body:
            msg.set_content(html, subtype="html")
        else:
            msg.set_content(body or "\n")
            if html is not None:
                msg.add_alternative(html, subtype="html")
        for filename, ctype, data in attachments:
            maintype, _, subtype = ctype.partition("/")
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
        return msg

    def send(self, sender: str, subject: str, body: str = "", *, authenticated: str | None = "pass",
             **kwargs) -> EmailMessage:
        """A member (or anyone) writes to the list address; the message lands in the mailbox.

        The receiving server stamps it with `authenticated` as its DKIM and DMARC result for the
        From domain ("pass" by default: the sender's own server signed it); None: no stamp."""
        msg = self.compose(sender, subject, body, **kwargs)
        self.deliver(msg, authenticated=authenticated)
        return msg

    def reply(self, received: Received, body: str, *, sender: str | None = None, quote: bool = True,
              attachments: list[tuple[str, str, bytes]] = (), html: str | None = None,
              top_post: bool = True, headers: dict | None = None,
              authenticated: str | None = "pass", subject: str | None = None) -> EmailMessage:
        """Answer a message as a mail client does: To its Reply-To, In-Reply-To its Message-ID,
        the original quoted below (Gmail style) unless `quote` is False, under "Re: " and its subject
        unless `subject` is given (an automatic reply's own: "Répondeur : [Vote 1] …")."""
        original = received.text
        quoted = "\n".join("> " + line for line in original.splitlines())
        attribution = f"On Mon, Jan 4, 2027 at 9:00 AM Test Network <{self.list_address}> wrote:"
        if quote:
            text = f"{body}\n\n{attribution}\n{quoted}\n" if top_post else f"{attribution}\n{quoted}\n\n{body}\n"
        else:
            text = body
        if subject is None:
            subject = received.subject if received.subject.lower().startswith("re:") else f"Re: {received.subject}"
        all_headers = {"In-Reply-To": received.message_id, "References": received.message_id}
        all_headers.update(headers or {})
        msg = self.compose(sender or received.to, subject, text if html is None else "",
                           to=received.reply_to, attachments=attachments, html=html, headers=all_headers)
        self.deliver(msg, authenticated=authenticated)
        return msg

    def deliver(self, msg: EmailMessage | bytes, rcpt: str | None = None, authenticated: str | None = None) -> None:
        """Put a message in the list's mailbox (over SMTP → LMTP, or into the Maildir); it
        reaches the mailbox at the test clock's `now` (its INTERNALDATE, its file's mtime). With
        `authenticated`, the receiving server (the bridge, or the Maildir's MTA) stamps it."""
        if self.stack is not None:
            to = rcpt or (parseaddr(str(msg["To"]))[1] if isinstance(msg, EmailMessage) else None)
            self.stack.send_to_list(msg, rcpt=to or self.list_address, arrived_at=self.now,
                                    authenticated=authenticated)
        else:
            data = as_bytes(msg)
            if authenticated:
                data = stamp_authentication(data, authenticated, self.settings.trust.authserv_id or TEST_AUTHSERV_ID)
            box = std_mailbox.Maildir(str(self.settings.mailbox.path), create=True)
            key = box.add(data)
            # its arrival time; a nanosecond more per message keeps the order they were sent in
            stamp = int(self.now.timestamp()) * 10**9 + next(_arrivals)
            os.utime(Path(self.settings.mailbox.path) / "new" / key, ns=(stamp, stamp))

    # --- what was sent -------------------------------------------------------------------------

    def outbound(self) -> list[Received]:
        """Every message Convenor has sent so far, in order."""
        if self.stack is not None:
            return [Received(m["data"], m["mail_from"], m["rcpt_tos"]) for m in self.stack.capture.messages]
        box = Path(self.settings.sending.path) / "new"
        files = sorted(box.iterdir(), key=lambda p: (p.stat().st_mtime_ns, p.name)) if box.exists() else []
        return [Received(p.read_bytes()) for p in files]

    def open_item(self, subject: str, body: str, confirmation: str,
                  sender: str = "Amina Diallo <amina@example.org>", **kwargs) -> dict:
        """A coordinator's new item (vote, date poll, draft), taken in: each member's copy, by
        address (the coordinator's own confirmation, whose subject holds `confirmation`, left
        out). `kwargs` go to send (attachments=...)."""
        self.send(sender, subject, body, **kwargs)
        self.step()
        return {m.to: m for m in self.new_messages() if confirmation not in m.subject}

    def open_vote(self, subject: str, body: str, sender: str = "Amina Diallo <amina@example.org>") -> dict:
        """A coordinator's new vote, taken in: each member's ballot, by address (the
        coordinator's own "Vote opened" confirmation left out)."""
        return self.open_item(subject, body, "Vote opened", sender)

    def new_messages(self) -> list[Received]:
        """Messages sent since the last call."""
        out = self.outbound()
        fresh, self._seen = out[self._seen:], len(out)
        return fresh

    def messages_to(self, address: str, messages: list[Received] | None = None) -> list[Received]:
        return [m for m in (messages if messages is not None else self.outbound()) if m.to == address.lower()]

    def only_message_to(self, address: str, messages: list[Received] | None = None) -> Received:
        """The one message sent to `address` (among `messages`, default all); fails otherwise."""
        found = self.messages_to(address, messages)
        assert len(found) == 1, f"expected one message to {address}, got {found}"
        return found[0]


def network_fixture(members=DEFAULT_MEMBERS, **options):
    """A fixture giving each test a network on the real Dovecot + SMTP stack with these members
    (and Network's other options: extra_settings, trust, network_settings), closed after the
    test; a test module names it by assigning it, e.g. `net = network_fixture(MEMBERS)`."""

    @pytest.fixture
    def fixture(mail_stack, tmp_path):
        with Network(tmp_path, stack=mail_stack, members=members, **options) as net:
            yield net

    return fixture


network = network_fixture()  # the default members: the fixture `network` of every test module


@pytest.fixture
def maildir_network(tmp_path):
    """A test network on the embedded default: local Maildirs in and out."""
    net = Network(tmp_path)
    yield net
    net.close()
