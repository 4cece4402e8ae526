"""A sub-committee name typed at the command line must be one the network has: a typo is refused
naming the known ones (nothing changes); `--new-subcommittee NAME` creates one on purpose.
`members add`, `members set` and `members import` alike."""
from __future__ import annotations

import json

from convenor.cli import main
from tests.test_members_cli import setup


def _members(cfg, capsys):
    capsys.readouterr()
    assert main(cfg + ["members", "list", "--json"]) == 0
    return {r["email"]: r["subcommittees"] for r in json.loads(capsys.readouterr().out)}


def test_a_mistyped_sub_committee_is_refused_naming_the_known_ones(tmp_path, capsys):
    cfg = setup(tmp_path)
    assert main(cfg + ["members", "add", "amina@example.org", "--name", "Amina",
                       "--new-subcommittee", "Fundraising", "--new-subcommittee", "Training"]) == 0
    assert main(cfg + ["members", "add", "li@example.org", "--name", "Li Wei", "--subcommittees", "training"]) == 0
    capsys.readouterr()
    assert main(cfg + ["members", "set", "li@example.org", "--subcommittees", "Fundraisng"]) == 2
    err = capsys.readouterr().err
    assert ("unknown sub-committee 'Fundraisng': the sub-committees are Fundraising, Training; "
            "to create a new one, add --new-subcommittee 'Fundraisng'") in err
    assert main(cfg + ["members", "add", "sofia@example.org", "--name", "Sofia",
                       "--subcommittees", "Training;Awarness"]) == 2
    assert "unknown sub-committee 'Awarness'" in capsys.readouterr().err
    members = _members(cfg, capsys)
    assert members == {"amina@example.org": ["Fundraising", "Training"], "li@example.org": ["Training"]}
    assert main(cfg + ["members", "set", "li@example.org", "--new-subcommittee", "Awareness"]) == 0
    assert main(cfg + ["members", "set", "amina@example.org", "--subcommittees", "fundraising"]) == 0
    members = _members(cfg, capsys)
    assert members["li@example.org"] == ["Awareness", "Training"]
    assert members["amina@example.org"] == ["Fundraising"]


def test_an_import_naming_an_unknown_sub_committee_imports_nothing(tmp_path, capsys):
    cfg = setup(tmp_path)
    first = tmp_path / "first.csv"   # the first roster creates the sub-committees it names
    first.write_text("name,email,role,coordinator,language,subcommittees\n"
                     "Amina,amina@example.org,core,yes,en,Awareness;Training\n")
    assert main(cfg + ["members", "import", str(first)]) == 0
    more = tmp_path / "more.csv"
    more.write_text("name,email,role,coordinator,language,subcommittees\n"
                    "Li Wei,li@example.org,core,no,en,Trainng\n")
    capsys.readouterr()
    assert main(cfg + ["members", "import", str(more)]) == 1
    err = capsys.readouterr().err
    assert "nothing imported; li@example.org: unknown sub-committee 'Trainng': the sub-committees are " \
           "Awareness, Training" in err
    assert "li@example.org" not in _members(cfg, capsys)
    assert main(cfg + ["members", "import", str(more), "--new-subcommittee", "Trainng"]) == 0
    assert _members(cfg, capsys)["li@example.org"] == ["Trainng"]
