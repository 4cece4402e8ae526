"""TLS rules shared by IMAP and SMTP: verified certificates always, plaintext only on loopback.

The network's mail concerns trafficked persons: a connection to another machine is encrypted
and its certificate checked, unless the operator said `insecure = true` for that server.
`insecure` only allows plaintext to a non-loopback host; it never turns certificate checks off
(for a self-signed server, give its certificate or CA as `ca_file`).
"""
from __future__ import annotations

import ipaddress
import ssl

SECURITY_MODES = ("ssl", "starttls", "plain")


class InsecureConnectionError(ValueError):
    """A plaintext connection to a host that is not loopback was asked for without `insecure`."""


def make_ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    """A client context that verifies the certificate chain and the host name (TLS 1.2 or later).

    With `ca_file`, only the certificates in that file are trusted (e.g. a self-signed server's
    own certificate); without it, the system's trust store.
    """
    context = ssl.create_default_context(cafile=ca_file)
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def is_loopback(host: str) -> bool:
    """True for "localhost" (and names under .localhost) and loopback IP literals (127/8, ::1).

    Other names are not resolved: a name that happens to resolve to 127.0.0.1 is not trusted.
    """
    host = (host or "").strip().strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_secure_or_loopback(host: str, security: str, insecure: bool, what: str) -> None:
    """Raise InsecureConnectionError unless `security` is TLS, the host is loopback, or `insecure`.

    Also raises ValueError for an unknown `security` mode. `what` names the setting in the
    message, e.g. "IMAP" or "SMTP".
    """
    if security not in SECURITY_MODES:
        raise ValueError(f"{what}: security must be one of {', '.join(SECURITY_MODES)}, not {security!r}")
    if security == "plain" and not is_loopback(host) and not insecure:
        raise InsecureConnectionError(
            f"{what}: refusing plaintext to {host}: it is not loopback, so passwords and members' "
            f"mail would cross the network unencrypted. Use security = \"ssl\" or \"starttls\", "
            f"or set insecure = true for this server if you really mean it.")


def describe_transport(host: str, security: str) -> str:
    """"verified" for TLS, "plaintext-loopback" or "insecure" for plaintext (what `check` shows)."""
    if security in ("ssl", "starttls"):
        return "verified"
    return "plaintext-loopback" if is_loopback(host) else "insecure"
