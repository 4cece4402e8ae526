"""`convenor inspect` shows how a reply to a date poll is read, as it shows a ballot reply's
reading: the dates and places it would record (and which only if need be), or why nothing would
be; then the daemon, given the same reply over the real Dovecot + SMTP stack, records exactly that."""
from __future__ import annotations

import json

from convenor.cli import main
from store import meetings as store_meetings
from store import members as store_members
from store import poll_options
from tests.test_meetings_poll_marks import PLANNING


def inspect(net, eml, capsys, *more) -> dict | str:
    capsys.readouterr()
    assert main(["--config", str(net.config), "inspect", str(eml), *more]) == 0
    out = capsys.readouterr().out
    return json.loads(out) if "--json" in more else out


def test_inspect_reads_a_poll_reply_as_the_daemon_then_records_it(network, tmp_path, capsys):
    net = network
    net.send("amina@example.org", "[Meeting] Spring planning", PLANNING)
    net.step()
    asked = {m.to: m for m in net.new_messages()}  # her confirmation first, then each one's poll
    li = asked["li@example.org"]
    reply = net.compose("li@example.org", f"Re: {li.subject}", "1, 2?\nPlaces: A\n\nSee you!", to=li.reply_to,
                        headers={"In-Reply-To": li.message_id})
    eml = tmp_path / "reply.eml"
    eml.write_bytes(bytes(reply))

    report = inspect(net, eml, capsys, "--json")
    assert report["item"]["kind"] == "poll" and report["item"]["ref"] == "Meeting 1"
    assert report["poll"] == {"dates": [1, 2], "if_need_be": [2], "places": ["A"], "places_if_need_be": []}
    assert report["poll_reason"] == "read 1, 2?; places A" and report["vote"] is None
    assert "poll: dates 1, 2 (if need be); places A" in inspect(net, eml, capsys)

    net.deliver(reply, authenticated="pass")  # the same reply reaches the daemon: it records what inspect said
    net.step()
    poll = store_meetings.poll_of_meeting(net.db, 1)
    li_id = store_members.get_by_email(net.db, "li@example.org")["id"]
    assert store_meetings.availability(net.db, poll["id"])[li_id] == {1, 2}
    details = poll_options.details(net.db, poll["id"])[li_id]
    assert details.if_need_be == {2} and details.places == {1} and details.places_if_need_be == frozenset()

    unclear = net.compose("jean@example.org", f"Re: {asked['jean@example.org'].subject}", "Peut-être 7",
                          to=asked["jean@example.org"].reply_to)
    eml.write_bytes(bytes(unclear))
    report = inspect(net, eml, capsys, "--json")
    assert report["poll"] is None and "7" in report["poll_reason"]
    assert f"poll_reason: {report['poll_reason']}" in inspect(net, eml, capsys)


def test_inspect_reads_any_message_as_a_poll_reply_with_dates_and_places(tmp_path, capsys):
    eml = tmp_path / "reply.eml"
    eml.write_bytes(b"From: li@example.org\r\nTo: network@example.org\r\nSubject: Re: dates\r\n"
                    b"Message-ID: <p1@client>\r\n\r\n2, 3? at the Library\r\n")
    none = ["--config", str(tmp_path / "none.toml"), "inspect", str(eml)]
    assert main(none + ["--json", "--dates", "3", "--places", "Library;Online"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["poll"] == {"dates": [2, 3], "if_need_be": [3], "places": ["A"], "places_if_need_be": []}
    assert main(none + ["--json", "--dates", "3"]) == 0
    assert json.loads(capsys.readouterr().out)["poll"]["places"] is None  # no places polled: any place
    assert main(none + ["--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["poll"] is None and report["poll_reason"] is None  # no poll to read it against
    assert main(none + ["--places", "Library;Online"]) == 2
    assert "--places goes with --dates N" in capsys.readouterr().err
    assert main(none + ["--dates", "0"]) == 2
    assert "--dates: a poll offers 1 to 20 dates, not 0" in capsys.readouterr().err
