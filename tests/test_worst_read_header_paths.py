"""Fast paths of the worst-case read over a message's headers give what the header-by-header
loops gave: whether a header says the message was generated automatically
(`autoreply_headers._auto_token_header`, asked of every header). Compared with the loop it replaced
(copied here as it was) on every corpus message, each of its parts, the crafted kinds and
generated header blocks (Hypothesis)."""
from __future__ import annotations

import email
import email.policy

from hypothesis import example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import autoreply_headers as autoreply
from mailer.read_limits import bound_message
from mailer.read_message import ReadMessage
from mailer.simple_parse import simple_message
from tests.test_worst_read_fast_paths import corpus


def auto_token_header_by_loop(msg) -> str | None:
    """`_auto_token_header` as it was before the thirteenth round: every header asked in turn."""
    for name, value in msg.raw_items():
        lower = name.lower()
        if lower in autoreply._TOKEN_SKIP or lower.startswith("list-") or "suppress" in lower:
            continue
        if not (isinstance(value, str) and value.isascii()):
            value = msg.policy.header_fetch_parse(name, value)
        text = str(value)[:300]
        if autoreply._says_auto(text) or (autoreply._says_auto(lower)
                                          and text.strip().lower() not in ("no", "false", "0", "")):
            return name
    return None


def parsed(raw: bytes):
    """The message as the parse reads it, and the package's own reading of it."""
    raw = bound_message(raw)[0]
    return [m for m in (simple_message(raw), email.message_from_bytes(raw, ReadMessage, policy=email.policy.compat32))
            if m is not None]


def test_every_corpus_message_and_part_is_read_as_the_loop_reads_it():
    files = corpus()
    assert len(files) > 500
    found = short = 0
    for path in files:
        for msg in parsed(path.read_bytes()):
            for part in msg.walk():
                expected = auto_token_header_by_loop(part)
                assert autoreply._auto_token_header(part) == expected, path
                found += expected is not None
                short += not autoreply._may_say_auto(list(part.raw_items()))
    assert found >= 50 and short >= 500  # both ways are taken


def test_the_crafted_kinds_are_read_as_the_loop_reads_them():
    for size in SIZES[:2]:
        for name, raw in kinds(size, b"a@b.org", b"network@example.org", 1).items():
            for msg in parsed(raw):
                assert autoreply._auto_token_header(msg) == auto_token_header_by_loop(msg), name
    many = parsed(kinds(SIZES[1], b"a@b.org", b"network@example.org", 1)["many headers"])[0]
    assert not autoreply._may_say_auto(list(many.raw_items()))


NAMES = st.sampled_from(["X-Filler", "Subject", "From", "Auto-Submitted", "X-Autoreply", "X-Auto-Response-Suppress",
                         "List-Id", "Precedence", "X-Mailer", "X-AUTO", "X-Rules", "X-ſuto", "X-Autorespond",
                         "Thread-Topic", "X-Ms-Exchange-Inbox-Rules-Loop", "Ruleſ", "X-Ruleſ.OofTemplate"])
VALUES = st.lists(st.sampled_from(["some value", "auto-replied", "AutoReply", "no", "0", "", " ", "yes", "rules.",
                                   "RULES.OOFTEMPLATE", "rule\udcc5\udcbf.ooftemplate", "auto", "auto\n reply", "\udcc3\udca9", "\udce9",
                                   "=?utf-8?q?auto-reply?=", "au", "to", "\n", "Auto-Generated", "x" * 310 + "auto"]),
                  max_size=4).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(NAMES, VALUES), max_size=8))
@example([("X-Filler", "some value here")] * 50)
@example([("X-Au", "to"), ("X-Filler", "x")])
@example([("X-Ruleſ.OofTemplate", "yes")])  # "ſ" is "s" to the case-blind pattern: not ASCII, read by the loop
@example([("X-Filler", "rule\udcc5\udcbf.ooftemplate")])
@example([("X-Filler", "ab\udce9"), ("X-Autoreply", "yes")])
def test_generated_header_blocks_are_read_as_the_loop_reads_them(headers):
    msg = ReadMessage(policy=email.policy.compat32)
    msg._headers = list(headers)
    assert autoreply._auto_token_header(msg) == auto_token_header_by_loop(msg)
