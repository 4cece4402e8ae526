"""A member's name greets them in every message and names them to the coordinators. A name with
a line break ("Bob\\nBcc: evil@example.net", pasted from a spreadsheet cell or typed by mistake)
used to be stored as it was: `members list` broke its lines, and every message began "Hello Bob"
with a forged-looking line under it. Now `members add`, `members set --name` and `members import`
refuse it, naming what is wrong; spaces are tidied; a name's joiners (Persian, Hindi) stay.
"""
from __future__ import annotations

from convenor.cli import main
from tests.fixtures_convenor import Network


def test_a_name_with_a_line_break_is_refused_everywhere_a_coordinator_types_one(network: Network, capsys):
    net = network
    cfg = ["--config", str(net.config)]
    assert main(cfg + ["members", "add", "bob@example.org", "--name", "Bob\nBcc: evil@example.net"]) == 2
    err = capsys.readouterr().err
    assert "holds a line break or a control character" in err and "write it on one line" in err
    assert main(cfg + ["members", "set", "li@example.org", "--name", "Li\u202eieW"]) == 2
    assert "control character" in capsys.readouterr().err
    csv = net.folder / "more.csv"
    csv.write_text('name,email,role,coordinator,language,subcommittees\n'
                   'Ok Person,ok@example.org,core,no,en,\n'
                   '"Eve\r\nX-Header: 1",eve@example.org,core,no,en,\n')
    assert main(cfg + ["members", "import", str(csv)]) == 1
    assert f"{csv}:line 3: the name 'Eve\\nX-Header: 1' holds a line break" in capsys.readouterr().err
    names = [r[0] for r in net.db.execute("SELECT name FROM members").fetchall()]
    assert not any("\n" in n or "\u202e" in n for n in names) and "Ok Person" not in names  # all or nothing

    # a name with doubled spaces is tidied; a Persian name keeps its zero-width non-joiner
    assert main(cfg + ["members", "add", "bob@example.org", "--name", "  Bob   Smith "]) == 0
    assert main(cfg + ["members", "add", "mehr@example.org", "--name", "Mehr\u200cnaz Karimi"]) == 0
    capsys.readouterr()
    net.send("bob@example.org", "help", "HELP")
    net.send("mehr@example.org", "help", "HELP")
    net.step()
    out = net.new_messages()
    assert net.only_message_to("bob@example.org", out).text.startswith("Hello Bob Smith,")
    assert net.only_message_to("mehr@example.org", out).text.startswith("Hello Mehr\u200cnaz Karimi,")
