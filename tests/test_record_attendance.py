"""Attendance by email over the real Dovecot + SMTP stack: a coordinator's PRESENT: / ABSENT:
reply to a meeting's announcement (names and addresses matched, the rest sent back), calendar
accepts counted for a meeting nobody reported on, the meeting quorum, and `convenor attendance`."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

from workflows.record.names import match_names


def announcement(net, subject, body):
    net.send("amina@example.org", subject, body)
    net.step()
    return {m.to: m for m in net.new_messages() if "Announced" not in m.subject}


def test_present_lines_calendar_accepts_and_the_register(network, capsys, caplog):
    net = network
    caplog.set_level(logging.DEBUG)
    first = announcement(net, "[Meeting] Winter meeting", "When: 2027-01-12 18:00\nWhere: Hall\nAudience: core\n")
    second = announcement(net, "[Meeting] Network meeting", "When: 2027-01-20 18:00\nWhere: Hall\nAudience: core\n")
    accept = net.compose("li@example.org", "Accepted: Winter meeting", "Li has accepted.",
                         to=first["li@example.org"].reply_to)
    accept["In-Reply-To"] = first["li@example.org"].message_id
    net.deliver(accept)
    net.step()
    assert net.new_messages() == []

    net.set_time(datetime(2027, 1, 21, 1, 0, tzinfo=timezone.utc))      # the evening after the second meeting
    net.reply(second["amina@example.org"], "PRESENT: Amina, Li Wei, jean@example.org, Zoe\n\nThanks all.")
    net.reply(second["li@example.org"], "PRESENT: Li, Sofia")            # not a coordinator: not attendance
    net.step()
    out = net.new_messages()
    receipt = next(m for m in out if m.to == "amina@example.org" and m.subject.startswith("Recorded"))
    assert "Attendance: Amina Diallo, Jean Tremblay, Li Wei." in receipt.text
    assert "Core members present: 3 of 4; meeting quorum 50%: reached." in receipt.text
    assert '"Zoe": no member has that name or address.' in receipt.text
    assert any(m.to == "amina@example.org" and "Li Wei" in m.text and "Recorded" not in m.subject
               for m in out)                                            # Li's message forwarded
    assert net.db.execute("SELECT count(*) FROM presence").fetchone()[0] == 3

    net.reply(second["amina@example.org"], "ABSENT: Jean\nPRESENT: Sofia Martins")
    net.step()
    receipt = next(m for m in net.new_messages() if m.subject.startswith("Recorded"))
    assert "Attendance: Amina Diallo, Li Wei, Sofia Martins." in receipt.text and "to check" not in receipt.subject

    logged = "\n".join(r.getMessage() for r in caplog.records
                        if r.name.split(".")[0] in ("convenor", "workflows", "store", "mailer"))
    assert "Zoe" not in logged and "Sofia Martins" not in logged      # no name typed reaches the logs

    config = ["--config", str(net.config)]
    net.close()
    from convenor import cli
    capsys.readouterr()
    import convenor.cli_common
    original = convenor.cli_common.now
    convenor.cli_common.now = lambda: net.now
    try:
        assert cli.main(config + ["attendance", "--year", "2027", "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert cli.main(config + ["attendance", "--year", "2027"]) == 0
        printed = capsys.readouterr().out
    finally:
        convenor.cli_common.now = original
    assert [(m["title"], m["source"], m["core_present"], m["quorum_met"]) for m in report["meetings"]] == [
        ("Winter meeting", "calendar", 1, False), ("Network meeting", "reported", 3, True)]
    counts = {r["name"]: (r["attended"], r["invited"]) for r in report["members"]}
    assert counts == {"Amina Diallo": (1, 2), "Jean Tremblay": (0, 2), "Li Wei": (2, 2), "Sofia Martins": (1, 2)}
    assert "(calendar accepts)" in printed and "Li Wei: 2 of 2 meeting(s)" in printed


def test_names_are_matched_by_words_or_address_and_ambiguity_is_reported():
    members = [{"id": 1, "name": "Li Wei", "email": "li@example.org"},
               {"id": 2, "name": "Li Na", "email": "na@example.org"},
               {"id": 3, "name": "Jean Tremblay", "email": "jean@example.org"}]
    found = match_names(members, "Li, Wei; JEAN et na@example.org and Nobody")
    assert [m["id"] for m in found.members] == [1, 3, 2]
    assert found.ambiguous == [("Li", ["Li Na", "Li Wei"])] and found.unmatched == ["Nobody"]
    assert match_names(members, "Jéan Tremblay").members[0]["id"] == 3
