"""TXT look-ups for DKIM keys and DMARC policies, with dnspython.

`txt_resolver(server)` returns the `dns_txt(name, timeout=5)` function `mailer.authentication`
and dkimpy (its `dnsfunc`) call: the system's resolver, or the one at `server` ("host" or
"host:port", e.g. a local validating resolver; tests point it at a loopback DNS server).
"""
from __future__ import annotations

import dns.exception
import dns.resolver

LIFETIME_SECONDS = 5.0


def txt_resolver(server: str | None = None):
    """A function name -> the TXT record's text as bytes (strings joined), or None when none."""
    resolver = dns.resolver.Resolver(configure=server is None)
    if server:
        host, _, port = server.rpartition(":") if server.count(":") == 1 else (server, "", "")
        resolver.nameservers = [host or server]
        if port:
            resolver.port = int(port)
    resolver.lifetime = LIFETIME_SECONDS

    def dns_txt(name, timeout: float = LIFETIME_SECONDS) -> bytes | None:
        qname = name.decode("utf-8") if isinstance(name, bytes) else str(name)
        try:
            answer = resolver.resolve(qname, "TXT", lifetime=min(timeout, LIFETIME_SECONDS))
        except (dns.exception.DNSException, UnicodeError, ValueError):
            return None
        for record in answer:
            return b"".join(record.strings)
        return None

    return dns_txt
