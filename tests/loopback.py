"""Loopback helpers shared by the test servers: free ports and a self-signed certificate."""
from __future__ import annotations

import os
import socket
import subprocess

HOST = "127.0.0.1"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def free_ports(count: int) -> list[int]:
    """Return `count` distinct TCP ports on 127.0.0.1, free a moment ago.

    The sockets are held open until all are picked: ports taken one by one with free_port()
    may come back equal (the kernel hands a just-released port out again), which once gave a
    test Dovecot two listeners on one port ("duplicate listener").
    """
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind((HOST, 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def make_self_signed_cert(directory: str | os.PathLike) -> tuple[str, str]:
    """Write cert.pem/key.pem (EC P-256, SAN DNS:localhost,IP:127.0.0.1) and return their paths."""
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "30", "-subj", "/CN=localhost", "-keyout", key, "-out", cert,
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True)
    os.chmod(key, 0o600)
    return cert, key

