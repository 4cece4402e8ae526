"""A coordinator's settings file: wrong keys are named with the file and line; nothing starts."""
from __future__ import annotations

import pytest

from convenor import settings as settings_mod
from convenor.cli import main


def write(tmp_path, text):
    path = tmp_path / "convenor.toml"
    path.write_text(text)
    return path


def test_the_example_settings_file_is_valid_and_its_meeting_series_is_commented_out(tmp_path):
    from pathlib import Path
    example = Path(__file__).resolve().parent.parent / "config" / "convenor.example.toml"
    s = settings_mod.load(example)
    assert s.mailbox.kind == "imap" and s.meetings.series == []  # nothing plans meetings unasked
    # the series is a working example once its "# " are removed
    text = example.read_text()
    start = text.index("# [[meetings.series]]")
    active = text[:start] + "\n".join(line.removeprefix("# ").removeprefix("#")
                                       for line in text[start:].splitlines())
    s = settings_mod.load(write(tmp_path, active))
    assert s.meetings.series[0].name == "Network meeting"


def test_an_unknown_key_is_named_with_file_and_line(tmp_path):
    path = write(tmp_path, '[network]\nname = "N"\n\n[mailbox]\nkind = "maildir"\npasword_env = "X"\n')
    with pytest.raises(settings_mod.SettingsError) as err:
        settings_mod.load(path)
    assert f"{path}:6" in str(err.value) and "mailbox.pasword_env" in str(err.value)


def test_a_wrong_value_says_what_was_expected(tmp_path):
    path = write(tmp_path, '[mailbox]\nkind = "pop3"\n')
    with pytest.raises(settings_mod.SettingsError) as err:
        settings_mod.load(path)
    message = str(err.value)
    assert f"{path}:2" in message and "'maildir' or 'imap'" in message and "pop3" in message


def test_a_bad_list_address_is_refused(tmp_path):
    path = write(tmp_path, '[network]\nlist_address = "not an address"\n')
    with pytest.raises(settings_mod.SettingsError) as err:
        settings_mod.load(path)
    assert "list_address" in str(err.value)


def test_broken_toml_is_reported_with_the_file(tmp_path):
    path = write(tmp_path, '[network\nname = 1\n')
    with pytest.raises(settings_mod.SettingsError) as err:
        settings_mod.load(path)
    assert str(path) in str(err.value) and "line 1" in str(err.value)


def test_the_daemon_does_not_start_on_a_wrong_settings_file(tmp_path, capsys):
    path = write(tmp_path, '[sending]\nkind = "smtp"\nretries = 3\n')
    assert main(["--config", str(path), "run"]) == 2
    assert f"{path}:3: unknown setting 'sending.retries'" in capsys.readouterr().err


def test_passwords_come_from_the_environment_a_file_or_a_command(tmp_path, monkeypatch):
    (tmp_path / "pw").write_text("from-file\n")
    monkeypatch.setenv("CV_PW", "from-env")
    path = write(tmp_path, '[mailbox]\nkind = "imap"\nusername = "u"\npassword_env = "CV_PW"\n'
                           '[sending]\nkind = "smtp"\npassword_file = "pw"\n')
    s = settings_mod.load(path)
    assert s.mailbox.password() == "from-env" and s.sending.password() == "from-file"
    s.sending.password_file = None
    s.sending.password_command = "echo from-command"
    assert s.sending.password() == "from-command"
    monkeypatch.delenv("CV_PW")
    with pytest.raises(settings_mod.SettingsError, match="CV_PW"):
        s.mailbox.password()


def test_relative_paths_are_read_from_the_settings_folder(tmp_path):
    s = settings_mod.load(write(tmp_path, '[store]\npath = "data/c.db"\n'))
    assert s.store.path == str(tmp_path / "data" / "c.db")


def test_an_oauth2_token_command_is_run_for_each_login(tmp_path):
    from convenor.wiring import mailbox_from
    path = write(tmp_path, '[mailbox]\nkind = "imap"\nhost = "imap.example.org"\nusername = "network@example.org"\n'
                           'oauth2_token_command = "echo ya29.token-from-the-provider"\n')
    box = mailbox_from(settings_mod.load(path))
    assert box._oauth2_token_provider() == "ya29.token-from-the-provider"


def test_a_meeting_series_with_an_unreadable_audience_or_zone_is_refused_at_start(tmp_path):
    path = write(tmp_path, '[[meetings.series]]\nname = "Network"\naudience = "everybody please"\n'
                           'timezone = "Mars/Olympus"\n')
    with pytest.raises(settings_mod.SettingsError) as err:
        settings_mod.load(path)
    message = str(err.value)
    assert "meetings.series.audience" in message and "not an audience I know" in message
    assert "meetings.series.timezone" in message and "unknown time zone" in message
    assert f"{path}:3" in message and f"{path}:4" in message


def test_a_newcomers_time_zone_or_clock_time_that_cannot_be_used_is_named_at_start(tmp_path, capsys):
    """`timezone = "Toronto"` (not a zone of the tz database) used to pass, then `convenor status`
    and the daemon stopped with a traceback; "25:00" passed the HH:MM pattern and failed at the
    first draft. Both are now refused when the file is read, with the line and an example."""
    path = write(tmp_path, '[network]\nname = "N"\ntimezone = "Toronto"\n\n[drafts]\ndeadline_time = "25:00"\n\n'
                           '[votes]\nclosing_time = "5pm"\n\n[meetings]\nsend_time = "09:60"\n\n'
                           '[record]\nsend_time = "9:00"\n')
    assert main(["--config", str(path), "status"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Value error" not in err
    assert f"{path}:3: 'network.timezone': unknown time zone 'Toronto'" in err and '"America/Toronto"' in err
    for line, key, value in ((6, "drafts.deadline_time", "25:00"), (9, "votes.closing_time", "5pm"),
                             (12, "meetings.send_time", "09:60"), (15, "record.send_time", "9:00")):
        assert f"{path}:{line}: '{key}': not a time of day: write it as HH:MM" in err and repr(value) in err
    good = write(tmp_path, '[network]\ntimezone = "Europe/Paris"\n[drafts]\ndeadline_time = "23:59"\n')
    assert settings_mod.load(good).drafts.deadline_time == "23:59"
