"""No secret, token or command line in any log line or report: a failing password or token
command is named by its setting, against a real Dovecot and SMTP server."""
from __future__ import annotations

import logging

from convenor import settings as settings_mod
from convenor.cli import main
from convenor.daemon import Daemon
from convenor.error_text import traceback_without_message, where_it_failed

CANARY = "s3cr3t-CANARY-arg"


def _config(tmp_path, stack, mailbox_secret: str, sending_secret: str):
    imap, smtp = stack.imap_settings("plain"), stack.smtp_settings()
    path = tmp_path / "convenor.toml"
    path.write_text(
        f'[network]\nlist_address = "{stack.list_address}"\n\n[store]\npath = "convenor.db"\n\n'
        f'[mailbox]\nkind = "imap"\nhost = "{imap["host"]}"\nport = {imap["port"]}\nsecurity = "plain"\n'
        f'username = "{imap["username"]}"\n{mailbox_secret}\npoll_seconds = 1\n\n'
        f'[sending]\nkind = "smtp"\nhost = "{smtp["host"]}"\nport = {smtp["port"]}\nsecurity = "plain"\n'
        f'username = "network"\n{sending_secret}\n\n[logging]\nlevel = "DEBUG"\n')
    return path


def _everything_said(capsys, caplog) -> str:
    out = capsys.readouterr()
    return out.out + out.err + "\n".join(
        r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
        for r in caplog.records)


def test_a_failing_token_or_password_command_is_named_by_its_setting_never_shown(mail_stack, tmp_path,
                                                                                  capsys, caplog):
    caplog.set_level(logging.DEBUG)
    failing = f"sh -c 'echo {CANARY}-printed; echo {CANARY}-stderr >&2; exit 3' {CANARY}"
    path = _config(tmp_path, mail_stack, f'oauth2_token_command = "{failing}"', f'password_command = "{failing}"')
    assert main(["--config", str(path), "check", "--json"]) == 1
    said = _everything_said(capsys, caplog)
    assert "mailbox.oauth2_token_command failed with exit code 3" in said
    assert "sending.password_command failed with exit code 3" in said

    settings = settings_mod.load(path)
    settings.sending.password_command = None
    settings.sending.username = None  # no login: this part is about the mailbox
    daemon = Daemon(settings)  # the mailbox's token is asked for when the daemon connects
    try:
        daemon.run_once()
    except Exception as exc:  # noqa: BLE001 - what `convenor run` would log
        logging.getLogger("convenor.daemon").error("a round failed (%s)\n%s", where_it_failed(exc),
                                                   traceback_without_message(exc))
    finally:
        daemon.close()
    said += _everything_said(capsys, caplog)
    assert "mailbox.oauth2_token_command failed with exit code 3" in said
    assert CANARY not in said and "sh -c" not in said


def test_a_token_command_that_cannot_start_or_cannot_be_read_is_named_by_its_setting(tmp_path, mail_stack, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    path = _config(tmp_path, mail_stack, f'oauth2_token_command = "/nonexistent/{CANARY} --key {CANARY}"',
                   f'password_command = "\'unbalanced {CANARY}"')
    assert main(["--config", str(path), "check", "--json"]) == 1
    said = _everything_said(capsys, caplog)
    assert "mailbox.oauth2_token_command could not be started (No such file or directory)" in said
    assert "sending.password_command is not a valid command line" in said
    assert CANARY not in said
