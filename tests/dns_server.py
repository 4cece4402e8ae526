"""A DNS server on loopback answering TXT look-ups from a dict: the test resolver for DKIM keys
and DMARC policies (Convenor reaches it through `trust.dns_server`, as it would a real one).

    dns = TxtServer({"sel._domainkey.example.org": "v=DKIM1; k=rsa; p=…"}).start()
    ...  # settings: [trust] dns_server = "127.0.0.1:<dns.port>"
    dns.close()
"""
from __future__ import annotations

import base64
import socket
import subprocess
import threading

import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset

from tests.loopback import HOST


class TxtServer:
    """UDP DNS on 127.0.0.1: TXT records from `records` (name -> text), NXDOMAIN for the rest."""

    def __init__(self, records: dict[str, str] | None = None):
        self.records = {k.lower().rstrip("."): v for k, v in (records or {}).items()}
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((HOST, 0))
        self.port = self.sock.getsockname()[1]
        self.queries: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> "TxtServer":
        self._thread.start()
        return self

    def _serve(self) -> None:
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            try:
                query = dns.message.from_wire(data)
            except Exception:  # noqa: BLE001 - not a DNS query: ignore it
                continue
            response = dns.message.make_response(query)
            question = query.question[0]
            name = question.name.to_text().lower().rstrip(".")
            self.queries.append(name)
            text = self.records.get(name)
            if text is not None and question.rdtype == dns.rdatatype.TXT:
                chunks = " ".join('"' + text[i:i + 250] + '"' for i in range(0, len(text), 250))
                response.answer.append(dns.rrset.from_text(question.name, 60, "IN", "TXT", chunks))
            else:
                response.set_rcode(dns.rcode.NXDOMAIN)
            self.sock.sendto(response.to_wire(), peer)

    def close(self) -> None:
        self.sock.close()


def dkim_key(directory) -> tuple[bytes, str]:
    """A new 1024-bit RSA key: (private key PEM for dkimpy, the DNS record "v=DKIM1; k=rsa; p=…")."""
    key = f"{directory}/dkim.pem"
    subprocess.run(["openssl", "genrsa", "-traditional", "-out", key, "1024"], check=True, capture_output=True)
    public = subprocess.run(["openssl", "rsa", "-in", key, "-pubout", "-outform", "DER"], check=True,
                            capture_output=True).stdout
    with open(key, "rb") as f:
        return f.read(), "v=DKIM1; k=rsa; p=" + base64.b64encode(public).decode()
