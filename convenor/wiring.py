"""Building the parts from the settings: the store, the rules, the mailbox and the sender."""
from __future__ import annotations

from convenor.settings import Settings, SettingsError, run_secret_command
from mailer.mailbox import Mailbox
from mailer.sending import Sender
from store.db import open_store
from workflows.routing.context import Rules
from workflows.routing.policy import TrustPolicy
from workflows.routing.render import Renderer


def rules_from(settings: Settings) -> Rules:
    """The network's rules as the workflows see them."""
    from convenor.providers import limits_for

    s = settings.sending
    return Rules(network=settings.network, drafts=settings.drafts, votes=settings.votes,
                 privacy=settings.privacy, strangers=settings.strangers, meetings=settings.meetings,
                 record=settings.record,
                 sending=limits_for(s.provider, s.max_per_minute, s.max_per_day), bounces=settings.bounces,
                 trust=TrustPolicy(**settings.trust.model_dump(include=set(TrustPolicy.model_fields))),
                 renderer=Renderer(settings.templates.folder, settings.network.timezone))


def authenticator_from(settings: Settings):
    """The function raw bytes -> Verdict for this network: the trusted server's
    Authentication-Results, or, with no server trusted, DKIM checked by Convenor (DNS look-ups)."""
    from functools import partial

    from mailer.authentication import authenticate
    from mailer.dns_txt import txt_resolver

    trusted = settings.trust.authserv_id
    return partial(authenticate, trusted_authserv_id=trusted,
                   dns_txt=None if trusted else txt_resolver(settings.trust.dns_server))


def store_from(settings: Settings):
    """The store, opened (and migrated) at the configured path."""
    return open_store(settings.store.path)


def mailbox_from(settings: Settings) -> Mailbox:
    """The configured mailbox (IMAP or Maildir), not yet connected."""
    m = settings.mailbox
    if m.kind == "maildir":
        from mailer.maildir_box import MaildirMailbox
        return MaildirMailbox(m.path)
    from mailer.imap_box import ImapMailbox
    if not m.username:
        raise SettingsError("mailbox.username is required for an IMAP mailbox")
    token_provider = _command_output(m.oauth2_token_command, "mailbox.oauth2_token_command") \
        if m.oauth2_token_command else None
    return ImapMailbox(
        host=m.host, port=m.port or (993 if m.security == "ssl" else 143), username=m.username,
        password=None, password_provider=m.password, oauth2_token_provider=token_provider,
        security=m.security, ca_file=m.ca_file, insecure=m.insecure, folder=m.folder,
        processed_folder=m.processed_folder, quarantine_folder=m.quarantine_folder,
        use_idle=m.idle, poll_interval=m.poll_seconds, timeout=m.timeout)


def _command_output(command: str, setting: str):
    """A function that runs `command` and returns what it printed (an OAuth2 access token);
    a failure names `setting`, never the command line."""
    def run() -> str:
        return run_secret_command(command, setting)
    return run


def sending_port(settings: Settings) -> int:
    """The SMTP port: the configured one, else the usual one for the security mode."""
    s = settings.sending
    return s.port or {"ssl": 465, "starttls": 587, "plain": 25}[s.security]


def sender_from(settings: Settings) -> Sender:
    """The configured sender (SMTP or Maildir), connecting on first use."""
    s = settings.sending
    if s.kind == "maildir":
        from mailer.maildir_send import MaildirSender
        return MaildirSender(s.path)
    from mailer.smtp_send import SmtpSender
    port = sending_port(settings)
    token_provider = _command_output(s.oauth2_token_command, "sending.oauth2_token_command") \
        if s.oauth2_token_command else None
    return SmtpSender(host=s.host, port=port, security=s.security, username=s.username,
                      password=None if token_provider else s.password(), ca_file=s.ca_file,
                      insecure=s.insecure, timeout=s.timeout, oauth2_token_provider=token_provider)
