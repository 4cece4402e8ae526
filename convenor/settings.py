"""Settings: one TOML file, validated by pydantic; a wrong key is named with its file and line.

Passwords never need to be in the file: each server section takes `password_env` (a variable's
name), `password_file` (a file holding it) or `password_command` (a command printing it).
Relative paths are read relative to the settings file's folder.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import tomllib
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, ValidationError, model_validator

from convenor.paths import resolve
from workflows.meetings.policy import MeetingsPolicy
from workflows.record.policy import RecordPolicy
from workflows.routing.policy import (BouncePolicy, DraftPolicy, NetworkPolicy, PrivacyPolicy, Strict,
                                      StrangerPolicy, TrustPolicy, VotePolicy)


class SettingsError(Exception):
    """The settings file is missing, unreadable or wrong; the message says where and why."""


class Secret(Strict):
    """Where a password comes from: an environment variable, a file, or a command."""

    SECTION: ClassVar[str] = "server"  # the settings section, to name a failing setting

    password_env: str | None = None
    password_file: str | None = None
    password_command: str | None = None

    def password(self) -> str | None:
        """The password, read now from wherever it is configured (None when none is)."""
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise SettingsError(f"environment variable {self.password_env} (password_env) is not set")
            return value
        if self.password_file:
            try:
                return Path(self.password_file).read_text().strip()
            except OSError as exc:
                raise SettingsError(f"password_file {self.password_file}: {exc.strerror}") from exc
        if self.password_command:
            return run_secret_command(self.password_command, f"{self.SECTION}.password_command")
        return None


def run_secret_command(command: str, setting: str) -> str:
    """What `command` prints (a password or an access token), stripped.

    Promises: a failure raises SettingsError naming the setting and how it failed (exit code,
    time-out, could not start), never the command line, its arguments or what it printed:
    they may hold a secret, and the error reaches the logs.
    """
    try:
        result = subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=60)
    except ValueError:
        raise SettingsError(f"{setting} is not a valid command line") from None
    except subprocess.TimeoutExpired:
        raise SettingsError(f"{setting} did not finish within 60 s") from None
    except OSError as exc:
        raise SettingsError(f"{setting} could not be started ({exc.strerror or type(exc).__name__})") from None
    if result.returncode != 0:
        raise SettingsError(f"{setting} failed with exit code {result.returncode}")
    output = result.stdout.strip()
    if not output:
        raise SettingsError(f"{setting} printed nothing")
    return output


class ServerSettings(Secret):
    host: str = "127.0.0.1"
    port: int | None = Field(None, ge=1, le=65535)
    security: Literal["ssl", "starttls", "plain"] = "ssl"
    username: str | None = None
    ca_file: str | None = None
    insecure: bool = False
    timeout: float = Field(30.0, gt=0)


class MailboxSettings(ServerSettings):
    """Where mail to the list address arrives: a local Maildir (the default) or an IMAP server."""

    SECTION: ClassVar[str] = "mailbox"

    kind: Literal["maildir", "imap"] = "maildir"
    path: str = "var/mailbox"
    oauth2_token_command: str | None = None
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    idle: bool = True
    poll_seconds: float = Field(60.0, gt=0)


class SendingSettings(ServerSettings):
    """How mail leaves: SMTP submission, or a local Maildir (the default, for trying Convenor)."""

    SECTION: ClassVar[str] = "sending"

    kind: Literal["maildir", "smtp"] = "maildir"
    path: str = "var/outbox"
    provider: Literal["gmail", "google-workspace", "microsoft365", "fastmail", "custom"] = "custom"
    max_per_minute: int | None = Field(None, ge=1)
    max_per_day: int | None = Field(None, ge=1)
    oauth2_token_command: str | None = None
    remove_sent_copies_after_days: int | None = Field(None, ge=1)
    retry_base_seconds: float = Field(60.0, gt=0)
    retry_max_seconds: float = Field(3600.0, gt=0)
    max_attempts: int = Field(12, ge=1)


class StoreSettings(Strict):
    path: str = "var/convenor.db"


class TemplateSettings(Strict):
    folder: str | None = None


class TrustSettings(TrustPolicy):
    """Which server's Authentication-Results to believe, and the network's confirmation rules."""

    authserv_id: str | None = Field(
        None, description="the authserv-id of your own mail server's Authentication-Results header")
    dns_server: str | None = Field(
        None, pattern=r"^[\w.:\-\[\]]+$",
        description="the resolver for DKIM keys and DMARC policies when no server is trusted "
                    "(host or host:port; default: the system's)")


class LoggingSettings(Strict):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class Settings(Strict):
    """The whole settings file."""

    network: NetworkPolicy = Field(default_factory=NetworkPolicy)
    mailbox: MailboxSettings = Field(default_factory=MailboxSettings)
    sending: SendingSettings = Field(default_factory=SendingSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    templates: TemplateSettings = Field(default_factory=TemplateSettings)
    trust: TrustSettings = Field(default_factory=TrustSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    drafts: DraftPolicy = Field(default_factory=DraftPolicy)
    votes: VotePolicy = Field(default_factory=VotePolicy)
    meetings: MeetingsPolicy = Field(default_factory=MeetingsPolicy)
    privacy: PrivacyPolicy = Field(default_factory=PrivacyPolicy)
    strangers: StrangerPolicy = Field(default_factory=StrangerPolicy)
    bounces: BouncePolicy = Field(default_factory=BouncePolicy)
    record: RecordPolicy = Field(default_factory=RecordPolicy)

    source: str | None = Field(None, exclude=True)

    @model_validator(mode="after")
    def _check_addresses(self):
        from email_validator import EmailNotValidError, validate_email

        try:
            validate_email(self.network.list_address, check_deliverability=False)
        except EmailNotValidError as exc:
            raise ValueError(f"network.list_address: {exc}") from exc
        return self


def load(path: str | os.PathLike) -> Settings:
    """Read and validate the settings file; raise SettingsError naming file, line, key and expectation."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc.strerror})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = [str(p) for p in err["loc"] if not isinstance(p, int)]
            line = key_line(text, loc)
            where = f"{path}:{line}" if line else str(path)
            key = ".".join(loc) or "(top level)"
            if err["type"] == "extra_forbidden":
                problems.append(f"{where}: unknown setting '{key}'")
            else:
                said = err["msg"].removeprefix("Value error, ")  # pydantic's prefix to our own words
                problems.append(f"{where}: '{key}': {said} (got {err.get('input')!r})")
        raise SettingsError("\n".join(problems)) from None
    settings.source = str(path)
    return _resolve_paths(settings, path.parent)


def key_line(text: str, loc: list[str]) -> int | None:
    """The 1-based line where the dotted key `loc` is written in the TOML `text`, if found."""
    table: list[str] = []
    best = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?$", line)
        if header:
            table = [p.strip().strip('"') for p in header.group(1).split(".")]
            if table == loc:
                best = best or number
            continue
        m = re.match(r'^("?[\w.\-]+"?)\s*=', line)
        if m:
            full = table + [p.strip('"') for p in m.group(1).split(".")]
            if full == loc:
                return number
            if best is None and loc and full[: len(loc)] == loc:
                best = number
    if best is None and len(loc) > 1:
        return key_line(text, loc[:-1])
    return best


def _resolve_paths(settings: Settings, base: Path) -> Settings:
    def fix(value: str | None) -> str | None:
        return resolve(value, base) if value else value

    settings.store.path = fix(settings.store.path)
    settings.mailbox.path = fix(settings.mailbox.path)
    settings.sending.path = fix(settings.sending.path)
    settings.templates.folder = fix(settings.templates.folder)
    for server in (settings.mailbox, settings.sending):
        server.ca_file = fix(server.ca_file)
        server.password_file = fix(server.password_file)
    return settings
