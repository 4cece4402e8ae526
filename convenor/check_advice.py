"""What a new coordinator should change when `convenor check` cannot connect: each failure
named in words with the setting to change, never a bare Python exception."""
from __future__ import annotations

import smtplib
import socket
import ssl

from convenor.settings import ServerSettings

APP_PASSWORD_HINT = ("Gmail, Google Workspace, Fastmail and iCloud want an app password here, not the "
                     "account's own (Google's need 2-Step Verification turned on); Outlook.com takes "
                     "OAuth2 only, and Microsoft 365 needs SMTP AUTH turned on for the mailbox or OAuth2 "
                     "(oauth2_token_command)")


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def password_source(section: str, server: ServerSettings) -> str:
    """Which setting the password came from, in words."""
    if getattr(server, "oauth2_token_command", None):
        return f"the OAuth2 token printed by {section}.oauth2_token_command"
    if server.password_env:
        return f"the password in the environment variable {server.password_env} ({section}.password_env)"
    if server.password_file:
        return f"the password in {server.password_file} ({section}.password_file)"
    if server.password_command:
        return f"the password printed by {section}.password_command"
    return f"no password (none of {section}.password_env, password_file, password_command is set)"


def advice(exc: BaseException, section: str, server: ServerSettings, port: int) -> str:
    """One sentence: what went wrong connecting to `server` and which setting to change."""
    where = f"{server.host}:{port}"
    for e in _chain(exc):
        text = str(e)
        if isinstance(e, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
            return (f"{where} presented a certificate that is not trusted (self-signed, or signed by an "
                    f"unknown authority): if it is your own server, set {section}.ca_file to its "
                    f"certificate or CA file; otherwise check {section}.host")
        if "WRONG_VERSION_NUMBER" in text or "wrong version number" in text or "record layer failure" in text:
            return (f"{where} does not speak TLS the way {section}.security = \"{server.security}\" expects: "
                    f"use security = \"ssl\" with the TLS port (IMAP 993, SMTP 465) or \"starttls\" with the "
                    f"plain port (IMAP 143, SMTP 587); check {section}.security and {section}.port")
        if isinstance(e, socket.gaierror) or "Name or service not known" in text or "nodename nor servname" in text:
            return f"the host {server.host} does not resolve: check {section}.host (a typo? no network?)"
        if isinstance(e, ConnectionRefusedError) or "Connection refused" in text:
            return f"nothing accepts connections on {where}: check {section}.host and {section}.port"
        if isinstance(e, (socket.timeout, TimeoutError)) or "timed out" in text:
            return (f"{where} did not answer within {server.timeout:g} s: the port may expect TLS from the "
                    f"first byte (security = \"ssl\") while {section}.security is \"{server.security}\", or a "
                    f"firewall drops the connection; check {section}.security and {section}.port")
        if isinstance(e, smtplib.SMTPAuthenticationError) or "AUTHENTICATIONFAILED" in text \
                or "login refused" in text.lower() or "authentication failed" in text.lower() \
                or "535" in text and "5.7.8" in text:
            user = server.username or "(no username)"
            return (f"the server refused the login of {user} with {password_source(section, server)}: "
                    f"check {section}.username and that password. {APP_PASSWORD_HINT}")
    from convenor.settings import SettingsError
    if isinstance(exc, SettingsError):  # already said for a person (a missing password: see "passwords")
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def missing_secrets(sections: dict[str, ServerSettings]) -> list[str]:
    """Every password variable or file named in the settings that is not there, all at once."""
    import os
    from pathlib import Path

    missing = []
    for section, server in sections.items():
        if server.password_env and server.password_env not in os.environ:
            missing.append(f"the environment variable {server.password_env} ({section}.password_env) is not set")
        if server.password_file and not Path(server.password_file).is_file():
            missing.append(f"the file {server.password_file} ({section}.password_file) does not exist")
    return missing
