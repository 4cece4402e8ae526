"""`convenor meetings show N` of a date poll with places and required members, as a coordinator
reads it at the terminal and in JSON: each date with who can come (and who only if need be) and the
required members who excluded it, the places counted among who can come on the best date, the
required members with whether they answered; then the place chosen. The poll and the answers
come by email over the real Dovecot + SMTP stack."""
from __future__ import annotations

import json

from tests.test_meetings_poll_marks import PLANNING


def show(net, capsys, monkeypatch, *more) -> str:
    from convenor import cli
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    capsys.readouterr()
    assert cli.main(["--config", str(net.config), "meetings", "show", "1", *more]) == 0
    return capsys.readouterr().out


def test_meetings_show_names_the_polls_places_and_required_members(network, capsys, monkeypatch):
    net = network
    net.send("amina@example.org", "[Meeting] Spring planning", PLANNING)
    net.step()
    asked = {m.to: m for m in net.new_messages()}  # her confirmation first, then each one's poll
    net.reply(asked["li@example.org"], "1, 2?, 3\nPlaces: A")
    net.reply(asked["sofia@example.org"], "2, 3")  # required: date 1 is out
    net.reply(asked["jean@example.org"], "3\nLieux : B")
    net.step()
    net.close()

    poll = json.loads(show(net, capsys, monkeypatch, "--json"))["poll"]
    dates = {c["number"]: c for c in poll["candidates"]}
    assert dates[1]["available"] == ["Li Wei"] and dates[1]["excluded_by"] == ["Sofia Martins"]
    assert dates[2]["available"] == ["Li Wei", "Sofia Martins"] and dates[2]["if_need_be"] == ["Li Wei"]
    assert dates[3]["available"] == ["Jean Tremblay", "Li Wei", "Sofia Martins"] and dates[3]["excluded_by"] == []
    assert all(c["place"] == "" for c in poll["candidates"])  # the places are polled, not tied to a date
    # counted among who can come on date 3 (the best so far): A = Li, Sofia (any place); B = Jean, Sofia
    assert [(p["letter"], p["place"], p["count"]) for p in poll["places"]] == \
        [("A", "Library", 2), ("B", "Community Centre", 2)]
    assert poll["chosen_place"] is None
    assert poll["required"] == [{"name": "Sofia Martins", "email": "sofia@example.org", "answered": True}]

    text = show(net, capsys, monkeypatch)
    assert "1. 2027-02-09 18:00 America/Toronto: 1 available (Li Wei); excluded by Sofia Martins" in text
    assert "2. 2027-02-11 18:00 America/Toronto: 2 available (Li Wei, Sofia Martins); if need be: Li Wei" in text
    assert "place A. Library: 2 available" in text and "place B. Community Centre: 2 available" in text
    assert "required: Sofia Martins (answered)" in text

    from convenor import cli
    assert cli.main(["--config", str(net.config), "meetings", "close", "1", "--place", "B"]) == 0
    poll = json.loads(show(net, capsys, monkeypatch, "--json"))["poll"]
    assert poll["chosen"] == 3 and poll["chosen_place"] == "B"
    assert "place B. Community Centre: 2 available  (chosen)" in show(net, capsys, monkeypatch)


def test_meetings_show_of_a_poll_whose_required_member_has_not_answered(network, capsys, monkeypatch):
    net = network
    net.send("amina@example.org", "[Meeting] Spring planning", PLANNING)
    net.step()
    net.close()
    poll = json.loads(show(net, capsys, monkeypatch, "--json"))["poll"]
    assert poll["required"] == [{"name": "Sofia Martins", "email": "sofia@example.org", "answered": False}]
    assert [p["count"] for p in poll["places"]] == [0, 0]
    assert "required: Sofia Martins (no answer yet)" in show(net, capsys, monkeypatch)
