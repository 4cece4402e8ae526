"""Asking an SMTP server what it offers, without sending anything (for `convenor check`)."""
from __future__ import annotations

import smtplib

from mailer.tls import is_loopback, make_ssl_context, require_secure_or_loopback


def probe_smtp(host: str, port: int, security: str, username: str | None, password: str | None,
               ca_file: str | None, insecure: bool, timeout: float = 15.0) -> dict:
    """Connect, negotiate TLS (certificate verified), log in if credentials are given, and report.

    Returns {"tls": "verified"|"plaintext-loopback"|"insecure", "auth": bool, "size": int|None,
    "extensions": [...]}; raises OSError / smtplib.SMTPException / ssl.SSLError on failure.
    """
    require_secure_or_loopback(host, security, insecure, "sending")
    context = make_ssl_context(ca_file)
    if security == "ssl":
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    try:
        smtp.ehlo()
        if security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        logged_in = False
        if username and password:
            smtp.login(username, password)
            logged_in = True
        size = smtp.esmtp_features.get("size")
        if security != "plain":
            tls = "verified"
        else:
            tls = "plaintext-loopback" if is_loopback(host) else "insecure"
        return {"tls": tls, "auth": logged_in, "size": int(size) if size and size.isdigit() else None,
                "extensions": sorted(smtp.esmtp_features)}
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
