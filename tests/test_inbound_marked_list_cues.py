"""Issue 18, inbound row: `quoted_ballot_marks` tries its forwarded-message pattern only when the
text is not ASCII or its lower-cased form holds one of `_FORWARDED_CUES`, its option-line pattern
only on a line holding a "(B)" (`_LETTER_IN_PARENS`), and its "Options:" pattern only on a line
that ends with a colon: a ballot reply 2.919 -> 2.850 M instructions (bench.inbound_instructions
200). Exact: compared with the code before the earlier gates (`reference`, kept in
tests/test_inbound_marked_list_gates.py) on every corpus ballot reply and on generated texts made
to test each gate's edges (case, the letters case-blind matching joins to ASCII ones, Unicode
spaces after the colon, CRs, a "(B)" past a line's first MAX_LINE_CHARS characters)."""
from __future__ import annotations

import json
import random
from pathlib import Path

from mailer.parse import parse_message
from tests.test_inbound_marked_list_gates import reference
from workflows.reading import marked_lists as m

OWN = Path(__file__).parent / "corpus_own"


def test_every_ascii_forwarded_opening_holds_a_cue():
    openings = m._FORWARDED.pattern.split("(?:", 2)[2].rsplit(")", 1)[0].split("|")
    assert len(openings) == 11
    for opening in openings:
        assert not opening.isascii() or any(cue in opening for cue in m._FORWARDED_CUES), opening


def test_every_corpus_ballot_reply_gives_the_same_marks():
    index = json.loads((OWN / "INDEX.json").read_text())
    compared = 0
    for name, entry in index.items():
        if "vote" not in entry:
            continue
        mail = parse_message((OWN / name).read_bytes(), "network@example.org")
        for options in (entry["vote"]["options"], ["Yes", "No", "Abstain"]):
            for text in (mail.text, mail.text.replace("(A)", "(A) ").replace(">", "> (A)", 1)):
                assert m.quoted_ballot_marks(text, options) == reference(text, options), name
        compared += 1
    assert compared > 3000


PIECES = [
    "> 1. (A) Yes", "> 2. (B) No", "> 3. (C) Abstain", "1. (A) Yes  X", "> 2. (B) No ✓", "X 3. (C) Abstain",
    "Options:", "> Options:", ">options :", "> OPTIONS:\u2003", "> Options: \t", "> Optıons:", "> Options:.",
    "> options\u00a0:", "Options:\r", "\u00a01.\u00a0(A)\u00a0Yes", "> 2.(B) No <-", "[x] 1. (A) Yes", "(x) 2. (B) No",
    "", "> ", "YES", "(", ":", "> (A)", "(a) 1. (A) Yes", "> 1. (a) Yes", "> 4. (D) Later", "(Z)",
    "---------- Forwarded message ---------", "-- FORWARDED MESSAGE", "Begin forwarded message:",
    "> Original Message Follows", "> -----Original Message-----", "Weitergeleitete Nachricht",
    "Mensaje reenviado", "Messaggio inoltrato", "Doorgestuurd bericht", "Mensagem encaminhada",
    "Message transféré", "Début du message réexpédié", "Пересланное сообщение", "forwarded meſſage",
    "orıginal message follows", "ORİGİNAL MESSAGE FOLLOWS", "a message forwarded", "the nachricht",
    "x" * 310 + " 1. (A) Yes", "> " + " " * 300 + "(B)", "> 1. (A) Yes" + " " * 300 + "X",
]


def test_generated_texts_give_the_same_marks():
    rnd = random.Random(18)
    for options in (["Yes", "No", "Abstain"], ["Yes", "No"], ["Ottawa", "Montréal", "Toronto", "Later"]):
        for _ in range(4000):
            text = rnd.choice(["\n", "\r\n"]).join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 14)))
            if "(A)" not in text and rnd.random() < 0.7:
                text = "> 1. (A) " + options[0] + "\n" + text
            assert m.quoted_ballot_marks(text, options) == reference(text, options), repr(text)
