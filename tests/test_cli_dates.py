"""Every date the command line prints is in the network's time zone with the zone named; JSON
keeps ISO 8601 with the offset; "today" (who is on leave) is the network's day, not UTC's."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from tests.cli_populated import populate, run

TEXT_COMMANDS = [["status"], ["members", "list"], ["drafts", "list"], ["drafts", "show", "1"], ["votes", "list"],
                 ["votes", "show", "1"], ["votes", "show", "2"], ["votes", "show", "3"], ["meetings", "list", "--all"],
                 ["meetings", "show", "1"], ["meetings", "show", "2"], ["decisions", "list"],
                 ["decisions", "show", "1"], ["actions", "list"], ["actions", "show", "1"], ["attendance"],
                 ["purge", "--dry-run", "--days", "0"]]
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def test_every_printed_date_is_in_the_network_zone_named(network, capsys, monkeypatch):
    populate(network, capsys, monkeypatch)
    out = {" ".join(argv): run(network, capsys, *argv) for argv in TEXT_COMMANDS}
    for command, text in out.items():
        assert "UTC" not in text and "+00:00" not in text, (command, text)
        for stamp in re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?(?! America/Toronto)\b.{0,20}", text):
            raise AssertionError(f"`convenor {command}` prints a time without the zone: {stamp!r}")
    # 17:00 in Toronto, as the coordinator wrote it (22:00 UTC)
    assert "deadline 2027-01-09 17:00 America/Toronto" in out["drafts list"]
    assert "deadline 2027-01-09 17:00 America/Toronto" in out["status"]
    assert "closes 2027-01-10 17:00 America/Toronto" in out["votes list"]
    assert "Opened 2027-01-04 09:00 America/Toronto" in out["votes show 2"]
    assert "Meeting 1: Planning day  2027-01-05 18:00 America/Toronto" in out["meetings list --all"]
    assert re.search(r"^Elected: (Kwame|Maria|Ana), (Kwame|Maria|Ana)$", out["votes show 3"], re.M)  # the ranked election
    assert "1. 2027-03-02 18:00 America/Toronto: 1 available (Li Wei)" in out["meetings show 2"]
    assert "Next timer: 2027-01-06 17:00 America/Toronto" in out["status"]   # the draft's reminder
    assert "(Vote 1, 2027-01-04 09:00 America/Toronto)" in out["decisions show 1"]
    assert "  Meeting 1  2027-01-05  Planning day" in out["attendance"]     # 23:00 UTC, still the 5th there

    shown = json.loads(run(network, capsys, "meetings", "show", "2", "--json"))
    assert shown["poll"]["candidates"][0]["start"] == "2027-03-02T23:00:00+00:00"
    for argv in (["drafts", "show", "1"], ["status"], ["members", "list"], ["votes", "show", "1"]):
        stamps = _strings(json.loads(run(network, capsys, *argv, "--json")))
        instants = [s for s in stamps if re.match(r"^\d{4}-\d\d-\d\d[ T]\d\d:", s)]
        assert instants, argv
        assert all(ISO_WITH_OFFSET.match(s) for s in instants), (argv, instants)


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


def test_leave_is_judged_on_the_network_day(maildir_network, capsys, monkeypatch):
    net = maildir_network
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    run(net, capsys, "members", "set", "sofia@example.org", "--away-until", "2027-01-05")
    net.set_time(datetime(2027, 1, 6, 3, 0, tzinfo=timezone.utc))   # 22:00 on the 5th in Toronto
    status = run(net, capsys, "status")
    assert "on leave through 2027-01-05: Sofia Martins" in status
    assert json.loads(run(net, capsys, "status", "--json"))["members"]["away"][0]["until"] == "2027-01-05"
    assert "away until 2027-01-05" in run(net, capsys, "members", "list")
    net.set_time(datetime(2027, 1, 6, 5, 0, tzinfo=timezone.utc))   # midnight: the 6th in Toronto
    assert "on leave" not in run(net, capsys, "status")
    assert "away until" not in run(net, capsys, "members", "list")
