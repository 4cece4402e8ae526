"""An SMTP server on 127.0.0.1 that answers 250 to everything and discards what it receives.

`python -m bench.sink PORT`. Plain sockets and one thread per connection, so that the sink
costs far less than either client it measures (aiosmtpd parses line by line and is slower
than smtplib sending). The extra verb XSTAT answers "250 <messages> <data bytes> <connections>"; `XWAIT <n>` answers
"250 <messages>" once n messages have been accepted (or after 30 s), so a benchmark can wait
for a message without polling.
"""
from __future__ import annotations

import socket
import sys
import threading

HOST = "127.0.0.1"


class Sink:
    """Counts messages, DATA bytes and connections; keeps nothing else."""

    def __init__(self, port: int):
        self.messages = self.data_bytes = self.connections = 0
        self.lock = threading.Lock()
        self.accepted = threading.Condition(self.lock)
        self.listener = socket.create_server((HOST, port))

    def serve_forever(self) -> None:
        while True:
            conn, _ = self.listener.accept()
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self.connections += 1
            threading.Thread(target=self.session, args=(conn,), daemon=True).start()

    def session(self, conn: socket.socket) -> None:
        buf = b""
        try:
            conn.sendall(b"220 sink ESMTP\r\n")
            while True:
                while b"\r\n" not in buf:
                    chunk = conn.recv(1 << 20)
                    if not chunk:
                        return
                    buf += chunk
                line, buf = buf.split(b"\r\n", 1)
                verb = line[:5].upper().strip()
                if verb in (b"EHLO", b"HELO"):
                    conn.sendall(b"250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    size, buf = self.swallow(conn, buf)
                    conn.sendall(b"250 2.0.0 discarded\r\n")
                    with self.lock:
                        self.messages += 1
                        self.data_bytes += size
                        self.accepted.notify_all()
                elif verb == b"XSTAT":
                    with self.lock:
                        figures = f"{self.messages} {self.data_bytes} {self.connections}"
                    conn.sendall(f"250 {figures}\r\n".encode())
                elif verb == b"XWAIT":
                    wanted = int(line.split()[1])
                    with self.lock:
                        self.accepted.wait_for(lambda: self.messages >= wanted, timeout=30)
                        figures = f"{self.messages}"
                    conn.sendall(f"250 {figures}\r\n".encode())
                elif verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 OK\r\n")
        except OSError:
            return
        finally:
            conn.close()

    @staticmethod
    def swallow(conn: socket.socket, buf: bytes) -> tuple[int, bytes]:
        """Read up to and including CRLF.CRLF; return (bytes of the message, what followed it)."""
        if buf.startswith(b".\r\n"):
            return 0, buf[3:]
        size, tail = 0, b"\r\n"  # the DATA line's own CRLF precedes the message
        while True:
            data = tail + buf
            end = data.find(b"\r\n.\r\n")
            if end >= 0:
                return size + end - len(tail) + 2, data[end + 5:]
            size += len(buf)
            tail = data[-4:]
            buf = conn.recv(1 << 20)
            if not buf:
                raise OSError("closed during DATA")


if __name__ == "__main__":
    Sink(int(sys.argv[1])).serve_forever()
