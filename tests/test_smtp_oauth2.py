"""SMTP login with XOAUTH2 (`sending.oauth2_token_command`), against a loopback server that
checks the user and the bearer token as Gmail and Microsoft 365 do."""
from __future__ import annotations

import pytest

from convenor import settings as settings_mod
from convenor.wiring import sender_from
from mailer.sending import TemporaryFailure
from tests.smtp_servers import XOAuth2Smtp

MESSAGE = b"From: network@example.org\r\nTo: li@example.org\r\nSubject: hi\r\n\r\nHello\r\n"


@pytest.fixture
def oauth_server():
    server = XOAuth2Smtp("network@example.org", "ya29.good-token").start()
    yield server
    server.close()


def settings_for(tmp_path, server, command: str):
    path = tmp_path / "convenor.toml"
    path.write_text(
        f'[sending]\nkind = "smtp"\nhost = "{server.host}"\nport = {server.port}\nsecurity = "plain"\n'
        f'username = "network@example.org"\noauth2_token_command = "{command}"\n')
    return settings_mod.load(path)


def test_the_token_from_the_command_logs_in_and_the_message_goes(tmp_path, oauth_server):
    token_file = tmp_path / "token"
    token_file.write_text("ya29.good-token\n")
    sender = sender_from(settings_for(tmp_path, oauth_server, f"cat {token_file}"))
    try:
        sender.send("network+b-x@example.org", "li@example.org", MESSAGE)
    finally:
        sender.close()
    assert oauth_server.logins == [("network@example.org", "ya29.good-token")]
    assert [m["rcpt_tos"] for m in oauth_server.messages] == [["li@example.org"]]


def test_a_refused_token_is_a_temporary_failure_naming_the_refusal(tmp_path, oauth_server):
    sender = sender_from(settings_for(tmp_path, oauth_server, "echo expired-token"))
    try:
        with pytest.raises(TemporaryFailure, match="login refused: 535 5.7.8"):
            sender.send("network+b-x@example.org", "li@example.org", MESSAGE)
    finally:
        sender.close()
    assert oauth_server.logins == [("network@example.org", "expired-token")]
    assert oauth_server.messages == []
