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


HEADER = "name,email,role,coordinator,language,subcommittees\n"


def test_the_first_roster_says_what_it_created_and_refuses_a_look_alike_name(tmp_path, capsys):
    cfg = setup(tmp_path)
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + "Amina,amina@example.org,core,yes,en,Training;Awareness\n"
                               "Li Wei,li@example.org,core,no,en,Training\n"
                               "Sofia,sofia@example.org,core,no,en,Trainng\n"
                               "Jean,jean@example.org,core,no,fr,awareness;Fundraising;Region 1\n"
                               "Marc,marc@example.org,core,no,fr,Region 2\n")
    capsys.readouterr()
    assert main(cfg + ["members", "import", str(roster)]) == 1
    err = capsys.readouterr().err
    assert (f"{roster}:line 4: sub-committee 'Trainng' looks like a typo of 'Training' (line 2): correct the "
            "file, or add --new-subcommittee 'Trainng' to create it") in err
    assert "Fundraising" not in err and "awareness" not in err                      # case aside, one name
    assert "Region" not in err                                                      # numbered on purpose
    assert _members(cfg, capsys) == {}                                              # nothing imported

    assert main(cfg + ["members", "import", str(roster), "--new-subcommittee", "Trainng"]) == 0
    assert capsys.readouterr().out.strip() == (f"imported {roster}: 5 added, 0 updated; sub-committees "
                                               "created: Training, Awareness, Trainng, Fundraising, Region 1, Region 2")
    assert _members(cfg, capsys)["sofia@example.org"] == ["Trainng"]
    assert main(cfg + ["members", "import", str(roster)]) == 0                      # nothing new: nothing said
    assert capsys.readouterr().out.strip() == f"imported {roster}: 0 added, 5 updated"


def test_a_row_spanning_several_lines_is_reported_by_its_first_line(tmp_path, capsys):
    cfg = setup(tmp_path)
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + "Amina,amina@example.org,core,yes,en,\n"              # line 2
                               "\n"
                               'Li Wei,li@example.org,core,maybe,en,"Training;\nAwareness"\n'   # lines 4-5
                               "Sofia,not-an-address,core,no,en,\n"                   # line 6
                               '"Amina\nagain",amina.b@example.org,core,no,en,\n'     # lines 7-8
                               "Amina twice,AMINA@example.org,core,no,en,\n")         # line 9
    capsys.readouterr()
    assert main(cfg + ["members", "import", str(roster)]) == 1
    err = capsys.readouterr().err
    assert f"{roster}:line 4: " in err and "coordinator" in err and "line 5" not in err
    assert f"{roster}:line 6: " in err and "not a valid email address" in err
    assert f"{roster}:line 7: the name 'Amina\\nagain' holds a line break" in err and "line 8" not in err
    assert f"{roster}:line 9: amina@example.org already appears on line 2" in err

    fixed = tmp_path / "fixed.csv"                    # a cell spanning lines is fine where it may
    fixed.write_text(HEADER + 'Li Wei,li@example.org,core,no,en,"Training;\nAwareness"\n'
                              "Sofia,sofia@example.org,core,no,en,Training\n")
    assert main(cfg + ["members", "import", str(fixed)]) == 0
    assert _members(cfg, capsys)["li@example.org"] == ["Awareness", "Training"]
