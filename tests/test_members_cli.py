"""A coordinator sets up the membership from the command line."""
from __future__ import annotations

import json
import os
import stat

from convenor.cli import main


def setup(tmp_path):
    config = tmp_path / "convenor.toml"
    config.write_text('[network]\nlist_address = "network@example.org"\n[store]\npath = "c.db"\n')
    return ["--config", str(config)]


def test_init_writes_a_commented_settings_file_and_a_members_template(tmp_path, capsys):
    assert main(["init", str(tmp_path)]) == 0
    text = (tmp_path / "convenor.toml").read_text()
    assert "[mailbox]" in text and "#" in text
    assert (tmp_path / "members.csv").read_text().startswith("name,email,role")
    assert main(["init", str(tmp_path)]) == 0
    assert "left as it is" in capsys.readouterr().out


def test_import_is_all_or_nothing_with_every_bad_line_reported(tmp_path, capsys):
    cfg = setup(tmp_path)
    csv = tmp_path / "m.csv"
    csv.write_text("name,email,role,coordinator,language,subcommittees\n"
                   "Amina,amina@example.org,core,yes,en,Awareness\n"
                   "Bad,not-an-address,core,no,en,\n"
                   "Priya,priya@example.org,associate,no,en,Training\n"
                   "Jean,jean@example.org,board,no,de,\n"
                   "Amina again,AMINA@example.org,core,no,en,\n")
    assert main(cfg + ["members", "import", str(csv)]) == 1
    err = capsys.readouterr().err
    assert f"{csv}:line 3:" in err and "not a valid email address" in err
    assert "line 4:" in err and "associate members cannot sit on sub-committees" in err
    assert "line 5:" in err and "role must be core or associate" in err
    assert "line 6:" in err and "already appears on line 2" in err
    assert main(cfg + ["members", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_members_add_set_remove_export(tmp_path, capsys):
    cfg = setup(tmp_path)
    assert main(cfg + ["members", "add", "Li@Example.org", "--name", "Li Wei", "--new-subcommittee", "Training"]) == 0
    assert main(cfg + ["members", "add", "priya@example.org", "--name", "Priya", "--role", "associate",
                       "--language", "fr"]) == 0
    assert main(cfg + ["members", "set", "priya@example.org", "--subcommittees", "Training"]) == 2
    assert "associate members cannot sit on sub-committees" in capsys.readouterr().err
    assert main(cfg + ["members", "set", "li@example.org", "--coordinator", "yes"]) == 0
    assert main(cfg + ["members", "remove", "priya@example.org"]) == 0
    capsys.readouterr()
    assert main(cfg + ["members", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["email"], r["coordinator"], r["subcommittees"]) for r in rows] == [("li@example.org", 1, ["Training"])]
    assert main(cfg + ["members", "export"]) == 0
    exported = capsys.readouterr().out
    assert "Li Wei,li@example.org,core,yes,en,Training,yes" in exported
    assert "Priya,priya@example.org,associate,no,fr,,no" in exported
    mode = stat.S_IMODE(os.stat(tmp_path / "c.db").st_mode)
    assert mode == 0o600


def test_a_wrong_cli_argument_says_what_was_expected(tmp_path, capsys):
    cfg = setup(tmp_path)
    try:
        main(cfg + ["members", "add", "x@example.org", "--name", "X", "--role", "boss"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "invalid choice: 'boss' (choose from core, associate)" in capsys.readouterr().err.replace("'core', 'associate'", "core, associate")
    assert main(cfg + ["members", "set", "nobody@example.org", "--name", "N"]) == 2
    assert "no member with address nobody@example.org" in capsys.readouterr().err


def test_a_missing_settings_file_says_how_to_make_one(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CONVENOR_CONFIG", raising=False)
    assert main(["status"]) == 2
    assert "convenor init" in capsys.readouterr().err
