"""A network on local Maildirs with one open vote and one open draft, for feeding raw bytes
straight into `convenor.pipeline.ingest` and checking that every input left a record."""
from __future__ import annotations

import itertools
from pathlib import Path

from convenor.pipeline import ingest
from convenor.wiring import authenticator_from, rules_from
from tests.fixtures_convenor import Network

_keys = itertools.count(1)


class Harness:
    """`feed(raw)` ingests raw bytes under a fresh server key and returns the `Ingested`;
    `inputs`, `duplicates` and `states` count what happened."""

    def __init__(self, folder: Path, open_items: bool = True):
        self.net = Network(folder, trust='[trust]\nauthserv_id = "mx.example.org"\n')
        self.tokens: list[tuple[str, str, str]] = []  # (token, owner's address, item kind)
        self.message_ids: list[str] = []
        if open_items:
            self._open_items()
        self.db = self.net.db
        self.db.execute("PRAGMA synchronous=OFF")  # a throw-away test store: speed over durability
        self.rules = rules_from(self.net.settings)
        self.authenticator = authenticator_from(self.net.settings)
        self.inputs = 0
        self.baseline = self.recorded()  # the messages that opened the vote and the draft
        self.duplicates = 0
        self.states: dict[str, int] = {}

    def _open_items(self) -> None:
        net = self.net
        net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the terms of reference",
                 "Closes: in 7 days\n\nThat the network adopts the revised terms.\n")
        net.send("Amina Diallo <amina@example.org>", "[Draft] Annual report",
                 "Deadline: in 10 days\n\nPlease comment on the report attached.\n",
                 attachments=[("report.txt", "text/plain", b"The report.\n")])
        net.step()
        rows = net.db.query(
            "SELECT o.reply_token, o.message_id, m.email, t.kind FROM outbox o "
            "JOIN members m ON m.id = o.member_id JOIN tokens t ON t.token = o.reply_token "
            "WHERE o.reply_token IS NOT NULL")
        for row in rows:
            self.tokens.append((row["reply_token"], row["email"], row["kind"]))
            self.message_ids.append(row["message_id"])

    def feed(self, raw: bytes):
        """Ingest `raw` once; a duplicate must point at an earlier record, anything else makes one."""
        before = self.db.execute("SELECT count(*) FROM inbound").fetchone()[0]
        result = ingest(self.db, self.rules, f"fuzz:{next(_keys)}", raw, self.net.now, self.authenticator)
        after = self.db.execute("SELECT count(*) FROM inbound").fetchone()[0]
        self.inputs += 1
        self.states[result.state] = self.states.get(result.state, 0) + 1
        if result.state == "duplicate":
            self.duplicates += 1
            assert after == before and result.earlier_state in ("handled", "quarantined", "answered_held")
        else:
            assert after == before + 1, "a message left no record"
            if result.state == "quarantined":
                row = self.db.execute("SELECT error, raw FROM inbound ORDER BY id DESC LIMIT 1").fetchone()
                # kept in the mailbox's Quarantine, not the store: held back, or forwarded but set aside
                held = row[0] and row[0].startswith(("held: ", "forwarded: "))
                assert row[0] and (row[1] == raw or held), "quarantined without its error or its bytes"
        return result

    def recorded(self) -> int:
        """How many inbound records the store holds (including the set-up messages)."""
        return self.db.execute("SELECT count(*) FROM inbound").fetchone()[0]

    def close(self) -> None:
        self.net.close()
