"""The fan-out path's cuts in instructions (issue 18, `bench/fanout_instructions.py`) send the same
bytes and store the same rows as the code they replaced, which is kept here as the reference:
the long-line check of a plain body (`re.search(rb"[^\\n]{999}")`), the SMTP-safe check of a part
(four counts), and a whole fan-out sent through `deliver_due` + `SmtpSender` to a server that
records every byte of the session, once with the reference code patched in and once as it is.
"""
from __future__ import annotations

import random
import re
import socket
import threading
from datetime import datetime, timezone

import pytest

from mailer import compose, smtp_send

_LONG_LINE = re.compile(rb"[^\n]{999}")  # what compose._plain_body and _attach_message asked before


def reference_plain_body(text: str) -> bytes:
    """compose._plain_body as it was: the long line found by the pattern."""
    import quopri
    from mailer.line_ends import as_lf
    data = as_lf(text).encode("utf-8")
    fits = _LONG_LINE.search(data) is None
    if data.isascii() and fits:
        cte, body = "7bit", data
    elif fits:
        cte, body = "8bit", data
    else:
        cte, body = "quoted-printable", quopri.encodestring(data)
    body = body.replace(b"\n", b"\r\n")
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return (b'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: ' + cte.encode()
            + b"\r\nMIME-Version: 1.0\r\n\r\n" + body)


def reference_smtp_safe(data):
    """smtp_send._smtp_safe as it was: \\r\\n counted twice."""
    if data.count(b"\n") != data.count(b"\r\n") or data.count(b"\r") != data.count(b"\r\n"):
        data = re.sub(rb"(?:\r\n|\n|\r(?!\n))", b"\r\n", data)
    if data.startswith(b".") or b"\n." in data:
        data = re.sub(rb"(?m)^\.", b"..", data)
    return data


def _lines(rnd: random.Random) -> bytes:
    """Lines of lengths around SMTP's limit (and short ones), joined by LF, CRLF or CR."""
    out = []
    for _ in range(rnd.randrange(0, 6)):
        length = rnd.choice([0, 1, 50, 997, 998, 999, 1000, 1500, 2100, rnd.randrange(0, 3000)])
        out.append(bytes(rnd.choice(b"ab.\r \t") if rnd.random() < 0.02 else 97 for _ in range(length)))
        out.append(rnd.choice([b"\n", b"\r\n", b"\r", b"\n\n"]))
    if out and rnd.random() < 0.5:
        out.pop()
    return b"".join(out)


def test_long_line_check_is_the_pattern():
    rnd = random.Random(18)
    cases = [b"", b"a" * 998, b"a" * 999, b"\n" + b"a" * 999, b"a" * 998 + b"\n" + b"a" * 998,
             b"a" * 998 + b"\r\n" + b"b" * 999, (b"x" * 997 + b"\n") * 5 + b"y" * 999, b"\n" * 2000]
    cases += [_lines(rnd) for _ in range(3000)]
    for data in cases:
        assert compose.has_long_line(data) == (_LONG_LINE.search(data) is not None), data[:80]


def test_plain_body_is_the_reference():
    rnd = random.Random(19)
    texts = ["", "Hello\n", "é" * 500 + "\n" + "a" * 998, "é" * 999, "line\r\nother\rthird", ". a dot\n.."]
    texts += [_lines(rnd).decode("latin-1") for _ in range(1500)]
    texts += ["".join(rnd.choice("aé\n\r.€ ") for _ in range(rnd.randrange(0, 2500))) for _ in range(500)]
    for text in texts:
        assert compose._plain_body(text) == reference_plain_body(text)


def test_smtp_safe_is_the_reference():
    rnd = random.Random(20)
    alphabet = [b"\r", b"\n", b".", b"a", b"\r\n", b"\r\n.", b"\n.", b".\r\n"]
    cases = [b"".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 14))) for _ in range(20000)]
    cases += [_lines(rnd) for _ in range(500)]
    for data in cases:
        assert smtp_send._smtp_safe(data) == reference_smtp_safe(data), data


class RecordingSmtp:
    """A loopback SMTP server that answers 250 (354 to DATA) and keeps every byte a client sent."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.host, self.port = self.listener.getsockname()
        self.received: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        buf, in_data = b"", False
        conn.sendall(b"220 recorder ESMTP\r\n")
        with conn:
            while True:
                chunk = conn.recv(1 << 16)
                if not chunk:
                    return
                self.received.append(chunk)
                buf += chunk
                while True:
                    if in_data:
                        end = buf.find(b"\r\n.\r\n")
                        if end < 0 and not buf.startswith(b".\r\n"):
                            break
                        buf = buf[3:] if buf.startswith(b".\r\n") else buf[end + 5:]
                        in_data = False
                        conn.sendall(b"250 2.0.0 kept\r\n")
                        continue
                    if b"\r\n" not in buf:
                        break
                    line, buf = buf.split(b"\r\n", 1)
                    verb = line[:4].upper()
                    if verb in (b"EHLO", b"HELO"):
                        conn.sendall(b"250-recorder\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-SIZE 10000000\r\n"
                                     b"250 PIPELINING\r\n")
                    elif verb == b"DATA":
                        in_data = True
                        conn.sendall(b"354 go ahead\r\n")
                    elif verb == b"QUIT":
                        conn.sendall(b"221 bye\r\n")
                        return
                    else:
                        conn.sendall(b"250 OK\r\n")

    def take(self) -> bytes:
        data, self.received = b"".join(self.received), []
        return data

    def close(self) -> None:
        self.listener.close()


VOTE_BODY = ("Closes: in 7 days\n\nThat the network adopts the revised terms of reference, répartis en trois.\n"
             ".a line that starts with a dot\n" + "long " * 220 + "\n")


@pytest.fixture
def fanout_network(tmp_path):
    from tests.fixtures_convenor import Network
    people = [("Carla Coordinator", "coord@example.org", "core", True, "en", [])]
    people += [(name, f"m{i}@example.org", "core", False, "fr" if i % 3 == 0 else "en", [])
               for i, name in enumerate(["Ana", "Zoë Ångström", "O'Brien, Pat", "", "Jean \"JJ\" Tremblay",
                                         "=?utf-8?q?x?=", "Member With A Rather Long Name " * 3])]
    net = Network(tmp_path, members=people, extra_settings='[logging]\nlevel = "WARNING"\n')
    net.now = datetime(2027, 1, 4, 14, 0, 0, tzinfo=timezone.utc)
    net.send("Carla Coordinator <coord@example.org>", "[Vote] Adopt the revised terms — v2", VOTE_BODY)
    net.start().take_mail()
    yield net
    net.close()


def _send_all(net, server) -> tuple[bytes, list[tuple]]:
    """Every queued row sent through deliver_due + SmtpSender; the session's bytes and the rows after."""
    from convenor.delivery import deliver_due
    sender = smtp_send.SmtpSender(server.host, server.port, security="plain")
    report = deliver_due(net.db, net.daemon.rules, sender, lambda: net.now, retry_base=60, retry_max=3600,
                         max_attempts=5)
    sender.close()
    assert report.sent > 0 and report.failed == 0
    rows = net.db.execute("SELECT * FROM outbox ORDER BY id").fetchall()
    return server.take(), [tuple(r) for r in rows]


def test_fanout_sends_and_stores_what_the_reference_does(fanout_network, monkeypatch):
    net, server = fanout_network, RecordingSmtp()
    queued = [tuple(r) for r in net.db.execute("SELECT * FROM outbox ORDER BY id").fetchall()]
    try:
        with monkeypatch.context() as patched:
            patched.setattr(compose, "_plain_body", reference_plain_body)
            patched.setattr(smtp_send, "_smtp_safe", reference_smtp_safe)
            before, rows_before = _send_all(net, server)
        net.db.execute("UPDATE outbox SET state = 'queued', sent_at = NULL, attempts = 0")
        net.db.conn.commit()
        assert [tuple(r) for r in net.db.execute("SELECT * FROM outbox ORDER BY id").fetchall()] == queued
        after, rows_after = _send_all(net, server)
    finally:
        server.close()
    assert b"Content-Transfer-Encoding: quoted-printable" in before and b"\r\n..a line" in before
    assert before.count(b"MAIL FROM:") == len(queued) >= 8
    assert after == before
    assert rows_after == rows_before


def test_due_rows_are_the_reference(fanout_network):
    """outbox.due read by the queue's index: the same rows in the same order as SQLite's own plan,
    with priorities, retries not yet due and other states mixed in."""
    import json
    from datetime import timedelta
    from store import outbox
    from store.sql import query
    from store.times import to_db
    db, now = fanout_network.db, fanout_network.now
    ids = [r[0] for r in db.execute("SELECT id FROM outbox ORDER BY id").fetchall()]
    rnd = random.Random(21)
    for number, outbox_id in enumerate(ids * 3):  # more copies of the rows, as a long queue holds
        if number >= len(ids):
            db.execute("INSERT INTO outbox (created_at, member_id, recipient, kind, subject, body_text, headers, "
                       "attachments, bounce_token, message_id, state, attempts, next_try_at, priority) "
                       "SELECT created_at, member_id, recipient, kind, subject, body_text, headers, attachments, "
                       "bounce_token || ?, message_id || ?, state, attempts, next_try_at, priority FROM outbox "
                       "WHERE id = ?", [number, number, outbox_id])
    for (outbox_id,) in db.execute("SELECT id FROM outbox").fetchall():
        db.execute("UPDATE outbox SET priority = ?, next_try_at = ?, state = ? WHERE id = ?",
                   [rnd.choice([0, 1, 2, 2, 3]), to_db(now + timedelta(minutes=rnd.choice([-90, -1, 0, 0, 5, 60]))),
                    rnd.choice(["queued"] * 5 + ["sent", "failed", "withdrawn"]), outbox_id])
    db.conn.commit()
    reference = ("SELECT o.*, m.name AS member_name FROM outbox o LEFT JOIN members m ON m.id = o.member_id "
                 "WHERE o.state = 'queued' AND o.next_try_at <= ? ORDER BY o.priority, o.id LIMIT ?")
    for minutes in (-120, -60, 0, 10, 120):
        for limit in (1, 2, 5, 10, 200):
            when = now + timedelta(minutes=minutes)
            expected = list(query(db, reference, [to_db(when), limit]))
            for r in expected:
                r["headers"], r["attachments"] = json.loads(r["headers"]), json.loads(r["attachments"])
            assert outbox.due(db, when, limit=limit) == expected


def test_fold_is_the_reference(fanout_network):
    """outbox.fold_sent driven by the journal's ids stores what UPDATE … FROM outbox_sent stored:
    every table the same (rows, state counts, the journal emptied), a withdrawn row marked."""
    import sqlite3
    from store import outbox
    from store.times import to_db
    db, now = fanout_network.db, fanout_network.now
    ids = [r[0] for r in db.execute("SELECT id FROM outbox ORDER BY id").fetchall()]
    db.execute("UPDATE outbox SET state = 'withdrawn' WHERE id = ?", [ids[1]])
    for outbox_id in ids[::2] + [ids[1], max(ids) + 100]:  # a mark for a row that is not there too
        db.conn.execute("INSERT INTO outbox_sent (outbox_id, sent_at) VALUES (?, ?)", [outbox_id, to_db(now)])
    db.conn.commit()
    copies = []
    for _ in range(2):
        copy = sqlite3.connect(":memory:")
        db.conn.backup(copy)
        copies.append(copy)
    reference = copies[0].execute(
        "UPDATE outbox SET state = 'sent', sent_at = j.sent_at, attempts = attempts + 1, "
        f"last_error = CASE WHEN outbox.state = 'withdrawn' THEN '{outbox.WENT_WHILE_WITHDRAWN}' ELSE NULL END "
        "FROM outbox_sent j WHERE j.outbox_id = outbox.id").rowcount
    copies[0].execute("DELETE FROM outbox_sent")

    class Copy:
        conn = copies[1]
    assert outbox.fold_sent(Copy) == reference == len(ids[::2]) + 1
    tables = [r[0] for r in copies[0].execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        assert (sorted(copies[0].execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                == sorted(copies[1].execute(f"SELECT * FROM {table}").fetchall(), key=repr)), table
    assert copies[1].execute("SELECT last_error FROM outbox WHERE id = ?", [ids[1]]).fetchone()[0] == \
        outbox.WENT_WHILE_WITHDRAWN
