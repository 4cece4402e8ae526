"""Issue 18, inbound row: `authentication.header_fields` reads a header block without folded lines
(no line after the first opens with a space or tab) in one comprehension, each line with a colon one
whole field. Exact: compared with the line loop before (`reference`) on every corpus message and on
generated header blocks (folds, a first line opening with a space, CRs, lines without a colon)."""
from __future__ import annotations

import random
from pathlib import Path

from mailer.authentication import MAX_HEADER_BYTES, header_fields

OWN = Path(__file__).parent / "corpus_own"


def reference(raw: bytes) -> list[tuple[str, str]]:
    """`header_fields` as it was before the fast path (2026-12-03)."""
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    head = raw[: min(ends)] if ends else raw
    head = head[:MAX_HEADER_BYTES].decode("utf-8", "surrogateescape")
    fields: list[tuple[str, list[str]]] = []
    for line in head.replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t") and fields:
            fields[-1][1].append(line.strip())
        elif ":" in line:
            name, _, value = line.partition(":")
            fields.append((name.strip().lower(), [value.strip()]))
    return [(name, " ".join(pieces)) for name, pieces in fields]


def test_every_corpus_message_gives_the_same_fields():
    compared = 0
    for path in sorted(OWN.rglob("*.eml")):
        raw = path.read_bytes()
        assert header_fields(raw) == reference(raw), path.name
        compared += 1
    assert compared > 5000


PIECES = ["From: a@example.org", "Subject:  x ", " folded", "\tmore", "X:", "no colon", "", " ", "\r",
          "Received: (a) b", "DKIM-Signature: v=1;", " From: lead@example.org", "To:\u00a0b@example.org",
          "Subject: caf\u00e9", "A: b: c", ":", "\x0bX: y", "\u2003Y: z"]


def test_generated_header_blocks_give_the_same_fields():
    rnd = random.Random(18)
    for _ in range(6000):
        lines = [rnd.choice(PIECES) for _ in range(rnd.randint(0, 12))]
        raw = "".join(line + rnd.choice(["\n", "\r\n", "\r\r\n"]) for line in lines)
        raw += rnd.choice(["", "\n", "\r\n", "\nbody\n"])
        data = raw.encode("utf-8") if rnd.random() < 0.9 else raw.encode("latin-1", "replace")
        assert header_fields(data) == reference(data), repr(raw)
