"""A date poll's copies still waiting in a paced outbox when the poll ends are withdrawn, not sent
late. A meeting cancelled while polling (CANCEL in reply to its "Date poll sent" confirmation,
`convenor meetings cancel` typed, or typed while a copy is being handed over): the members who
got the poll hear once that the meeting is cancelled, those who never got it hear nothing. A poll
closed with a date while copies wait: the rest of the poll never goes; every member gets the
announcement of the date. Over the real Dovecot + an SMTP server playing a provider that takes
20 messages a day."""
from __future__ import annotations

from collections import Counter

import pytest

from store import outbox
from tests.test_sending_paced_notices import AMINA, budgeted, coordinator_writes  # noqa: F401
from tests.test_sending_paced_paths import CORE, cli, flat, pace_through, run_minutes
from tests.test_sending_withdrawn_copies import split_by, typed_while_handed_over

POLL = "[Meeting 1] When can you come to General assembly?"
CANCELLED = "[Meeting 1] Cancelled: General assembly"


def call_a_poll(network) -> list:
    """Amina calls the core to a date poll; what went out that day, her confirmation first."""
    day1 = coordinator_writes(network, "[Meeting] General assembly",
                              "Candidates: 2027-01-27 10:00, 2027-01-28 10:00\nAudience: core\n")
    assert day1[0].to == AMINA and "[Meeting 1] Date poll sent" in day1[0].subject
    assert "CANCEL" in flat(day1[0].text)  # the confirmation says how to cancel
    return day1


@pytest.mark.parametrize("how", ["reply", "reply in French", "command"])
def test_a_meeting_cancelled_while_its_poll_goes_out_withdraws_the_poll_still_waiting(
        budgeted, monkeypatch, capsys, how):
    network, provider = budgeted()
    day1 = call_a_poll(network)
    got, waiting = split_by(day1, lambda m: m.subject == POLL)
    assert got and waiting  # the provider's day ran out part way
    if how.startswith("reply"):
        network.reply(day1[0], "ANNULER" if how.endswith("French") else "CANCEL")
    else:
        printed = cli(network, monkeypatch, capsys, "meetings", "cancel", "1")
        assert f"{len(got)} member(s) who had its date poll told" in printed
    run_minutes(network, 2)
    later = network.new_messages() + pace_through(network, provider)

    assert [m for m in later if m.subject == POLL] == []  # not one poll after the cancellation
    cancelled = [m for m in later if m.subject == CANCELLED and not m.msg["In-Reply-To"]]  # not her answer
    assert Counter(m.to for m in cancelled) == Counter(got)  # those who had the poll, once each
    assert all("no need to answer" in flat(m.text) and not m.attachments for m in cancelled)
    assert not [m for m in later if m.to in waiting]  # never asked: nothing at all
    counts = outbox.counts(network.db)
    assert counts.get("withdrawn") == len(waiting) and not counts.get("queued") and not counts.get("failed")
    if how.startswith("reply"):
        (answer,) = [m for m in later if m.to == AMINA and m.msg["In-Reply-To"]]  # the answer to her CANCEL
        assert answer.subject == CANCELLED and f"The {len(got)} members who had its date poll are told" in flat(answer.text)
    # a member who had the poll and answers it now is told it is closed; nothing is recorded
    network.reply(next(m for m in day1 if m.subject == POLL and m.to != AMINA), "1")
    run_minutes(network, 2)
    (closed,) = network.new_messages()
    assert "closed" in flat(closed.text)
    assert network.db.execute("SELECT count(*) FROM availability").fetchone()[0] == 0


def test_a_meeting_cancelled_by_command_while_its_poll_is_handed_over_tells_the_member_in_flight(
        budgeted, monkeypatch, capsys):
    """`convenor meetings cancel` typed while the daemon hands the fifth poll copy over: that copy
    goes (and reads sent), none after it; its member is told of the cancellation at the next tick,
    like the four before."""
    network, provider = budgeted()
    handed = typed_while_handed_over(network, monkeypatch, capsys, POLL + "\r\n", ("meetings", "cancel", "1"))
    network.send(f"Amina Diallo <{AMINA}>", "[Meeting] General assembly",
                 "Candidates: 2027-01-27 10:00, 2027-01-28 10:00\nAudience: core\n")
    run_minutes(network, 3)
    later = network.new_messages() + pace_through(network, provider)
    polls = [m.to for m in later if m.subject == POLL]
    assert polls == handed and len(handed) == 5  # the one in flight went; none after the cancellation
    states = dict(network.db.execute(
        "SELECT state, count(*) FROM outbox WHERE kind = 'poll_request' GROUP BY state").fetchall())
    assert states == {"sent": 5, "withdrawn": 25}
    cancelled = Counter(m.to for m in later if m.subject == CANCELLED)
    assert cancelled == Counter(handed)  # the one in flight too, once; nobody else
    run_minutes(network, 3)
    assert network.new_messages() == []  # told once, not at every tick


def test_a_poll_decided_while_its_copies_wait_withdraws_them_and_announces_the_date_to_all(budgeted):
    """Choice: a poll closed with a date (CHOOSE 2 in reply to its confirmation) while some of its
    copies still wait: those copies are withdrawn (an answer could only be told "closed"); every
    member of the audience gets the announcement of the date, which is how those who had the poll
    learn the decision, and those who never had it learn of the meeting."""
    network, provider = budgeted()
    day1 = call_a_poll(network)
    got, waiting = split_by(day1, lambda m: m.subject == POLL)
    assert got and waiting
    network.reply(day1[0], "CHOOSE 2")
    run_minutes(network, 2)
    later = network.new_messages() + pace_through(network, provider)

    assert [m for m in later if m.subject == POLL] == []
    announced = [m for m in later if m.subject.startswith("[Meeting 1] General assembly:")]
    assert Counter(m.to for m in announced) == Counter(CORE)  # the whole audience, once each
    for m in announced:
        (ics,) = [data.decode() for _, kind, data in m.attachments if kind.startswith("text/calendar")]
        assert "20270128" in ics
    assert not [m for m in later if m.subject == CANCELLED]
    states = dict(network.db.execute(
        "SELECT state, count(*) FROM outbox WHERE kind = 'poll_request' GROUP BY state").fetchall())
    assert states == {"sent": len(got), "withdrawn": len(waiting)}
    assert not outbox.counts(network.db).get("failed")


def test_a_meeting_cancelled_after_its_poll_has_all_gone_tells_every_member_who_had_it(
        budgeted, monkeypatch, capsys):
    """Without any copy waiting, a meeting cancelled while polling is still news to everyone who
    had the poll (before, they heard nothing); a member on leave, who got no poll, hears nothing."""
    network, provider = budgeted()
    cli(network, monkeypatch, capsys, "members", "set", "m007@example.org", "--away-until", "2027-06-01")
    day1 = call_a_poll(network)
    pace_through(network, provider)  # every poll copy has gone
    cli(network, monkeypatch, capsys, "meetings", "cancel", "1")
    run_minutes(network, 2)
    later = network.new_messages() + pace_through(network, provider)
    cancelled = Counter(m.to for m in later if m.subject == CANCELLED)
    assert cancelled == Counter(set(CORE) - {"m007@example.org"})
    assert day1 and not outbox.counts(network.db).get("withdrawn")
