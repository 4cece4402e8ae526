"""Leave, by email and from the command line, over the real Dovecot + SMTP stack, in English and French.

A member on leave still gets ballots and can vote, but gets no reminders and no date polls, and is
left out of the quorum's denominator unless they vote; the result and `convenor status` say who is away.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.fixtures_convenor import network_fixture, roster

MEMBERS = roster("amina", "jean", "li", "nadia", "tom")
REMINDER_2_DAYS = datetime(2027, 1, 9, 22, 1, tzinfo=timezone.utc)
CLOSE = datetime(2027, 1, 11, 22, 0, tzinfo=timezone.utc)


net = network_fixture(MEMBERS)


def one(net, sender, text):
    net.send(sender, text.splitlines()[0], text)
    net.step()
    (answer,) = net.new_messages()
    return answer


def test_members_on_leave_vote_if_they_wish_get_no_reminders_and_are_left_out_of_quorum(net):
    away = one(net, "Tom Baker <tom@example.org>", "AWAY until 2027-03-01")
    assert away.to == "tom@example.org" and away.subject == "You are on leave"
    assert "on leave through Monday, March 1, 2027" in " ".join(away.text.split())
    absent = one(net, "Nadia Roy <nadia@example.org>", "ABSENT jusqu'au 1er mars 2027")
    assert absent.subject == "Vous êtes en congé" and "jusqu'au lundi 1 mars 2027 inclus" in " ".join(absent.text.split())
    unclear = one(net, "Li Wei <li@example.org>", "AWAY for a while")
    assert unclear.subject == "Your leave was not recorded" and "AWAY until 2027-03-01" in unclear.text

    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget", "Quorum: 70%\n\nThe budget.\n")
    net.step()
    ballots = {m.to: m for m in net.new_messages() if "Vote opened" not in m.subject}
    assert sorted(ballots) == sorted(m[1] for m in MEMBERS)                 # on leave, still called to vote
    for addr in ("li@example.org", "jean@example.org", "tom@example.org"):
        net.reply(ballots[addr], "Yes")
    net.step()
    assert "tom@example.org" in [m.to for m in net.new_messages()]          # Tom voted from his leave

    net.set_time(REMINDER_2_DAYS)
    net.step()
    assert [m.to for m in net.new_messages()] == ["amina@example.org"]      # Nadia, on leave, is not reminded

    from convenor.status import collect_status
    assert [a["name"] for a in collect_status(net.db, net.now, net.settings.network.timezone)["members"]["away"]] == ["Nadia Roy", "Tom Baker"]

    net.set_time(CLOSE)
    net.step()
    results = net.new_messages()
    text = " ".join(net.only_message_to("li@example.org", results).text.split())
    # Nadia, on leave and silent, is out of the denominator: 3 of 4 = 75% ≥ 70% (3 of 5 would be 60%).
    assert "The motion is ADOPTED." in text
    assert "Turnout: 3 of 4 members counted for the quorum (75%); quorum 70%: reached." in text
    assert "On leave at the close: Nadia Roy, Tom Baker (left out of the quorum unless they voted)." in text
    assert "En congé à la clôture : Nadia Roy, Tom Baker" in " ".join(net.only_message_to("jean@example.org", results).text.split())

    back = one(net, "Tom Baker <tom@example.org>", "BACK")
    assert back.subject == "Welcome back"
    retour = one(net, "Jean Tremblay <jean@example.org>", "RETOUR")
    assert retour.subject == "Vous n'étiez pas en congé"
    assert [a["name"] for a in collect_status(net.db, net.now, net.settings.network.timezone)["members"]["away"]] == ["Nadia Roy"]


def test_members_on_leave_get_no_date_poll(net):
    one(net, "Nadia Roy <nadia@example.org>", "ABSENT jusqu'au 2027-02-28")
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day",
             "Candidates: 2027-02-09 18:00; 2027-02-16 18:00\nAudience: core\n")
    net.step()
    polled = sorted(m.to for m in net.new_messages() if "can you come" in m.subject or "pouvez-vous venir" in m.subject)
    assert "nadia@example.org" not in polled and "jean@example.org" in polled and "li@example.org" in polled


def test_leave_from_the_command_line(net, capsys):
    from convenor.cli import main
    cfg = ["--config", str(net.config)]
    net.close()
    assert main(cfg + ["members", "set", "li@example.org", "--away-until", "2099-01-01"]) == 2   # too far
    assert main(cfg + ["members", "set", "li@example.org", "--away-until", "2027-03-01"]) == 0
    assert main(cfg + ["members", "list"]) == 0
    assert "away until 2027-03-01" in capsys.readouterr().out
    assert main(cfg + ["status", "--json"]) == 0
    away = json.loads(capsys.readouterr().out)["members"]["away"]
    assert away == [{"name": "Li Wei", "email": "li@example.org", "until": "2027-03-01"}]
    assert main(cfg + ["members", "set", "li@example.org", "--back"]) == 0
    capsys.readouterr()
    assert main(cfg + ["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["members"]["away"] == []


def test_a_command_is_taken_even_when_its_thread_subject_looks_like_an_out_of_office(net):
    """A member answering a thread called "On leave until …" with AWAY: the subject alone looks
    automatic, but an auto-reply never writes a command, so the command acts."""
    net.send("Tom Baker <tom@example.org>", "Re: On leave until 2027-03-01", "AWAY until 2027-03-01")
    net.step()
    (away,) = net.new_messages()
    assert away.to == "tom@example.org" and away.subject == "You are on leave"
