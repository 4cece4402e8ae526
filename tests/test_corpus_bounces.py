"""detect_bounce against flufl.bounce's real bounces from many MTAs (shared/corpus/flufl.bounce).

EXPECTED.json maps each file to [detector, [addresses], temporary?] as upstream's 2012 tests
expect. A file is recognised right when detect_bounce returns a BounceInfo whose addresses
include every expected address (compared case-insensitively) and whose `permanent` flag is the
opposite of "temporary". Extra addresses are counted and shown, not failed: the MTA's text
sometimes names two forms of one recipient. Run with -s to see the figures per detector.
"""
from __future__ import annotations

import email
import email.policy
import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

from mailer.bounce import detect_bounce
from mailer.message import BounceInfo

CORPUS = Path(os.environ.get("CONVENOR_CORPUS")
              or Path(__file__).resolve().parents[2] / "shared" / "corpus")
BOUNCES = CORPUS / "flufl.bounce"
LIST = "network@example.org"

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not (BOUNCES / "EXPECTED.json").is_file(),
                                 reason=f"no flufl.bounce corpus at {BOUNCES}")]


def load(name: str) -> email.message.EmailMessage:
    return email.message_from_bytes((BOUNCES / name).read_bytes(), policy=email.policy.default)


def expected_table() -> dict[str, tuple[str, set[str], bool]]:
    """file -> (detector that finds it, expected lower-case addresses, temporary)."""
    table = {}
    for name, detections in json.loads((BOUNCES / "EXPECTED.json").read_text()).items():
        addresses = {a.lower() for _, found, _ in detections for a in found}
        detector = next((d for d, found, _ in detections if found), detections[0][0])
        table[name] = (detector, addresses, detections[-1][2])
    return table


# Hard or soft is read from the report's status class (RFC 3463: 4.x.x is transient) wherever
# a status is given; upstream's 2012 expectations call these three permanent although each
# report says 4.4.7 or "(#4.4.1)".
TRANSIENT_BY_STATUS = {"dsn_02.txt", "simple_01.txt", "yahoo_01.txt"}


def test_every_expected_bounce_is_recognised():
    per_detector: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses, extras = [], []
    for name, (detector, addresses, temporary) in sorted(expected_table().items()):
        temporary = temporary or name in TRANSIENT_BY_STATUS
        info = detect_bounce(load(name), LIST)
        # upstream names a forwarded copy's original recipient: we give it as `sent_to`, the
        # failed forward target as the address (see mailer.bounce_forwarding)
        right = (isinstance(info, BounceInfo) and addresses <= set(info.addresses) | set(info.sent_to)
                 and info.permanent is (not temporary))
        per_detector[detector][0] += right
        per_detector[detector][1] += 1
        if not right:
            misses.append((name, sorted(addresses), temporary, info))
        elif set(info.addresses) != addresses:
            extras.append((name, sorted(set(info.addresses) - addresses)))
    total = sum(r for r, _ in per_detector.values()), sum(n for _, n in per_detector.values())
    print(f"\nflufl.bounce corpus: {total[0]}/{total[1]} recognised right")
    for detector, (right, count) in sorted(per_detector.items()):
        print(f"  {detector}: {right}/{count}")
    for name, more in extras:
        print(f"  extra addresses in {name}: {more}")
    assert not misses, misses


def test_temporary_failures_are_not_permanent():
    temporary = [n for n, (_, _, temp) in expected_table().items() if temp]
    assert len(temporary) >= 5
    for name in temporary:
        assert detect_bounce(load(name), LIST).permanent is False, name


def test_bounces_without_readable_address():
    info = detect_bounce(load("bounce_01.txt"), LIST)
    assert info is not None and info.addresses == ()


def test_bounce_naming_no_address_falls_back_to_the_returned_messages_recipient():
    # Convenor sends one recipient per message, so the returned copy's To is who failed
    # (here a list's address, as the corpus message was relayed by a list).
    info = detect_bounce(load("dumbass_01.txt"), LIST)
    assert info is not None and info.addresses == ("python-list@python.org",)


def test_every_corpus_file_is_read_without_exception():
    for path in sorted(BOUNCES.glob("*.txt")):
        detect_bounce(email.message_from_bytes(path.read_bytes(), policy=email.policy.default), LIST)
        detect_bounce(email.message_from_bytes(path.read_bytes()), LIST)  # compat32 too


def test_token_found_in_the_returned_message():
    raw = (BOUNCES / "postfix_01.txt").read_bytes()
    head, body = raw.split(b"\n\n", 1)
    body = body.replace(b"mailman-developers-admin@python.org",
                        b"network+b-abcdefghijklmnopqrst@example.org")
    msg = email.message_from_bytes(head + b"\n\n" + body, policy=email.policy.default)
    assert detect_bounce(msg, LIST).token == "abcdefghijklmnopqrst"
    assert detect_bounce(load("postfix_01.txt"), LIST).token is None


def test_token_found_in_the_delivery_headers():
    msg = load("dsn_10.txt")
    msg["X-Original-To"] = "Network+B-ZYXWVUTSRQPONMLKJI@Example.org"
    assert detect_bounce(msg, LIST).token == "zyxwvutsrqponmlkji"
    assert detect_bounce(msg, "other@example.org").token is None


def test_mailman_messages_are_not_bounces():
    for path in sorted((CORPUS / "mailman3").glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert detect_bounce(msg, LIST) is None, path.name
