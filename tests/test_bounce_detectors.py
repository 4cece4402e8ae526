"""flufl.bounce's detectors run one by one (mailer.bounce_detectors): the Sina detector trips on a
From header holding raw 8-bit bytes; that costs one log line naming it (no traceback, no word of the
message) and the detectors after it still read the bounce."""
from __future__ import annotations

import email
import email.policy
import logging

import flufl.bounce
import pytest
from flufl.bounce._detectors.sina import Sina

from mailer.bounce import detect_bounce
from mailer.bounce_detectors import all_failures
from mailer.parse import parse_message

LIST = "network@example.org"

# A qmail failure notice whose From carries its display name in raw UTF-8 (as a French server
# writes it): Sina's `msg.get('from').lower()` meets a Header object there.
QMAIL = ("Return-Path: <>\n"
         "From: Système de messagerie <MAILER-DAEMON@mail.provider.example>\n"
         "To: network+b-abcdefghijklmnopqrst@example.org\n"
         "Subject: failure notice\n"
         "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
         "Hi. This is the qmail-send program at mail.provider.example.\n"
         "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
         "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
         "<zoe.ancien@provider.example>:\n"
         "Sorry, no mailbox here by that name. (#5.1.1)\n\n"
         "--- Below this line is a copy of the message.\n").encode()

# A member's ordinary reply, their name in raw UTF-8 in From (most clients write it encoded, some
# servers pass it on as 8-bit)
REPLY = ("From: Zoë Ndiaye <zoe@member.example>\nTo: network+q7hx2m4kcp3vbn6wtz5d@example.org\n"
         "Subject: Re: [Vote 7] Budget\nIn-Reply-To: <q7hx2m4kcp3vbn6wtz5d.a81f@example.org>\n"
         "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
         "Oui, secret défense\n").encode()


def _compat32(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def test_the_sina_detector_still_trips_on_such_a_header():
    """The premise: without this module, the library's own scan loses the whole verdict."""
    with pytest.raises(AttributeError):
        Sina().process(_compat32(QMAIL))
    with pytest.raises(AttributeError):
        flufl.bounce.all_failures(_compat32(QMAIL))


def test_the_detectors_after_it_read_the_bounce(caplog):
    caplog.set_level(logging.DEBUG)
    temporary, permanent = all_failures(_compat32(QMAIL))
    assert permanent == {b"zoe.ancien@provider.example"} and not temporary
    lines = [r for r in caplog.records if r.name == "convenor.bounce"]
    assert [r.getMessage() for r in lines] == [  # Sina and Yahoo both read From with .lower()
        "bounce detectors that could not read a message, the others went on: "
        "Sina (AttributeError), Yahoo (AttributeError)"]
    assert not any(r.exc_info for r in caplog.records)  # no traceback anywhere
    assert not any(r.name.startswith("flufl") for r in caplog.records)


def test_a_bounce_and_a_reply_read_with_one_line_and_no_content(caplog):
    caplog.set_level(logging.DEBUG)
    bounce = detect_bounce(_compat32(QMAIL), LIST)
    assert bounce is not None and bounce.addresses == ("zoe.ancien@provider.example",) and bounce.permanent
    mail = parse_message(REPLY, LIST)
    assert mail.bounce is None and not mail.auto_reply and mail.from_addr == "zoe@member.example"
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(r.exc_info for r in caplog.records)
    assert "Traceback" not in text
    for word in ("Zoë", "Ndiaye", "Système", "secret", "Budget", "zoe"):
        assert word not in text


def test_the_librarys_own_list_and_order_are_run():
    """mailer.bounce_detectors reads flufl.bounce's private list (the pin is ==): a new version
    that renames or reorders it fails here, not silently in the bounce reader."""
    from flufl.bounce._scan import _DETECTORS

    names = [d.__name__ for d in _DETECTORS]
    assert names[:3] == ["DSN", "Exim", "Sina"] and "Yahoo" in names and len(names) == 17
