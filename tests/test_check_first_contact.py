"""First contact, as a new coordinator tries it: `convenor check` answers every failure with the
setting to change (never a bare Python exception), names every missing password at once, and says
whether the processed and quarantine folders will be created. Real Dovecot and SMTP servers."""
from __future__ import annotations

import json

import pytest

from convenor.cli import main
from tests.smtp_servers import SmtpCapture


def check(tmp_path, capsys, mailbox: str = "", sending: str = "", env: dict | None = None,
          monkeypatch=None) -> dict:
    cfg = tmp_path / "convenor.toml"
    cfg.write_text(f'[store]\npath = "c.db"\n\n[mailbox]\n{mailbox}\n\n[sending]\n{sending}\n')
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    main(["--config", str(cfg), "check", "--json"])
    return json.loads(capsys.readouterr().out)


def imap(stack, security: str, port: int, password_env: str = "FIRST_IMAP_PASSWORD", extra: str = "") -> str:
    return (f'kind = "imap"\nhost = "127.0.0.1"\nport = {port}\nsecurity = "{security}"\n'
            f'username = "{stack.list_address}"\npassword_env = "{password_env}"\ntimeout = 3\n{extra}')


def test_a_self_signed_certificate_names_ca_file(mail_stack, tmp_path, capsys, monkeypatch):
    report = check(tmp_path, capsys, imap(mail_stack, "ssl", mail_stack.dovecot.imaps_port),
                   env={"FIRST_IMAP_PASSWORD": mail_stack.list_password}, monkeypatch=monkeypatch)
    error = report["mailbox"]["error"]
    assert "not trusted" in error and "mailbox.ca_file" in error and "Error:" not in error


def test_tls_spoken_to_a_plain_port_names_security_and_port(mail_stack, tmp_path, capsys, monkeypatch):
    report = check(tmp_path, capsys, imap(mail_stack, "ssl", mail_stack.dovecot.imap_port),
                   env={"FIRST_IMAP_PASSWORD": mail_stack.list_password}, monkeypatch=monkeypatch)
    error = report["mailbox"]["error"]
    assert "does not speak TLS" in error and "mailbox.security" in error and "mailbox.port" in error


def test_plaintext_spoken_to_a_tls_port_names_security_and_port(tmp_path, capsys):
    server = SmtpCapture(tls="implicit").start()
    try:
        report = check(tmp_path, capsys, 'kind = "maildir"\npath = "mailbox"',
                       f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "starttls"\ntimeout = 2')
    finally:
        server.close()
    error = report["sending"]["error"]
    assert "did not answer" in error and "sending.security" in error and "sending.port" in error


def test_a_refused_login_names_the_password_setting_and_app_passwords(mail_stack, tmp_path, capsys, monkeypatch):
    report = check(tmp_path, capsys, imap(mail_stack, "plain", mail_stack.dovecot.imap_port),
                   env={"FIRST_IMAP_PASSWORD": "not the password"}, monkeypatch=monkeypatch)
    error = report["mailbox"]["error"]
    assert f"refused the login of {mail_stack.list_address}" in error
    assert "environment variable FIRST_IMAP_PASSWORD (mailbox.password_env)" in error
    assert "app password" in error


def test_a_host_that_does_not_resolve_names_host(tmp_path, capsys):
    report = check(tmp_path, capsys, 'kind = "maildir"\npath = "mailbox"',
                   'kind = "smtp"\nhost = "smtp.no-such-provider.invalid"\nport = 465\ntimeout = 3')
    assert "smtp.no-such-provider.invalid does not resolve" in report["sending"]["error"]
    assert "sending.host" in report["sending"]["error"]


def test_every_missing_password_is_named_at_once(mail_stack, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NO_SUCH_IMAP_PASSWORD", raising=False)
    monkeypatch.delenv("NO_SUCH_SMTP_PASSWORD", raising=False)
    report = check(tmp_path, capsys, imap(mail_stack, "plain", mail_stack.dovecot.imap_port, "NO_SUCH_IMAP_PASSWORD"),
                   f'kind = "smtp"\nhost = "127.0.0.1"\nport = {mail_stack.capture.port}\nsecurity = "plain"\n'
                   f'username = "x"\npassword_env = "NO_SUCH_SMTP_PASSWORD"\n')
    missing = report["passwords"]["missing"]
    assert any("NO_SUCH_IMAP_PASSWORD (mailbox.password_env)" in m for m in missing)
    assert any("NO_SUCH_SMTP_PASSWORD (sending.password_env)" in m for m in missing)


def test_check_says_the_folders_will_be_created(mail_stack, tmp_path, capsys, monkeypatch):
    report = check(tmp_path, capsys, imap(mail_stack, "plain", mail_stack.dovecot.imap_port),
                   env={"FIRST_IMAP_PASSWORD": mail_stack.list_password}, monkeypatch=monkeypatch)
    assert report["mailbox"]["ok"]
    assert report["mailbox"]["folders_note"] == "Processed and Quarantine will be created by `convenor run`"


def test_init_writes_a_template_that_plans_no_meeting_unasked(tmp_path, capsys):
    from convenor import settings as settings_mod
    assert main(["init", str(tmp_path / "net")]) == 0
    written = settings_mod.load(tmp_path / "net" / "convenor.toml")
    assert written.meetings.series == []
    assert "# [[meetings.series]]" in (tmp_path / "net" / "convenor.toml").read_text()


def test_the_text_report_reads_as_sentences_not_python_values(mail_stack, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NO_SUCH_IMAP_PASSWORD", raising=False)
    monkeypatch.delenv("NO_SUCH_SMTP_PASSWORD", raising=False)
    cfg = tmp_path / "convenor.toml"
    cfg.write_text(f'[store]\npath = "c.db"\n\n[mailbox]\n'
                   f'{imap(mail_stack, "plain", mail_stack.dovecot.imap_port, "NO_SUCH_IMAP_PASSWORD")}\n\n'
                   f'[sending]\nkind = "smtp"\nhost = "127.0.0.1"\nport = {mail_stack.capture.port}\n'
                   f'security = "plain"\nusername = "x"\npassword_env = "NO_SUCH_SMTP_PASSWORD"\n')
    assert main(["--config", str(cfg), "check"]) == 1
    out = capsys.readouterr().out
    assert "['" not in out and "None" not in out and "Error:" not in out, out
    assert "passwords: FAILED\n  missing:\n    - the environment variable NO_SUCH_IMAP_PASSWORD" in out
    assert "  error: environment variable NO_SUCH_SMTP_PASSWORD (password_env) is not set" in out
    assert "  authserv_id: (none)" in out
