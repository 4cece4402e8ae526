"""The sender's address is the one mail servers deliver from, whatever the display name says."""
from __future__ import annotations

import pytest

from mailer.addresses import parse_one


@pytest.mark.parametrize("header, expected", [
    ("jean@example.org <evil@attacker.example>", "evil@attacker.example"),
    ('"jean@example.org" <evil@attacker.example>', "evil@attacker.example"),
    ("Jean <jean@example.org> <evil@attacker.example>", "evil@attacker.example"),
    ("jean@example.org, evil@attacker.example", ""),
    ("Jean Tremblay <JEAN@Example.org>", "jean@example.org"),
    ("jean@example.org", "jean@example.org"),
    ("jean@example.org (Jean)", "jean@example.org"),
    ('"Tremblay, Jean" <jean@example.org>', "jean@example.org"),
    ("=?utf-8?q?Jean_=3Cjean=40example=2Eorg=3E?= <evil@attacker.example>", "evil@attacker.example"),
    ("Jean <\udc80ean@example.org>", ""),
])
def test_the_address_in_angle_brackets_is_the_sender_never_one_in_the_display_name(header, expected):
    assert parse_one(header)[1] == expected


def test_a_sender_with_undecodable_bytes_is_recorded_not_a_crash():
    from mailer.parse import parse_message
    mail = parse_message(b"From: J\xe9an <\x80ean@example.org>\r\nSubject: HELP\r\n\r\nHELP\r\n", "network@example.org")
    assert mail.from_addr == "" and mail.from_name.encode("utf-8")
