"""Copies still waiting in a paced outbox when their item changes are withdrawn, not sent late:
a vote cancelled (by reply or by command) after the first day's ballots, a meeting cancelled or
moved after the first day's announcements. The next days, a member whose copy never went gets
nothing of the old item (a moved meeting: its announcement with the new date, once), a member
who got one gets exactly one notice of the change. Over the real Dovecot + an SMTP server
playing a provider that takes 20 messages a day."""
from __future__ import annotations

from collections import Counter

import pytest

from store import outbox
from tests.test_sending_paced_notices import AMINA, budgeted, call_general_assembly, coordinator_writes  # noqa: F401
from tests.test_sending_paced_paths import CORE, cli, flat, pace_through, run_minutes


def split_by(first_day: list, picks) -> tuple[set[str], set[str]]:
    """The members of the core who got a copy `picks` picks out of the first day, and the others."""
    got = {m.to for m in first_day if picks(m)}
    return got, set(CORE) - got


@pytest.mark.parametrize("how", ["reply", "command"])
def test_a_vote_cancelled_after_the_first_day_withdraws_the_ballots_still_waiting(budgeted, monkeypatch, capsys, how):
    network, provider = budgeted()
    day1 = coordinator_writes(network, "[Vote] Adopt the terms", "Closes: in 7 days\n\nThat we adopt them.\n")
    confirmation = day1[0]
    assert confirmation.to == AMINA and "Vote opened" in confirmation.subject
    got, waiting = split_by(day1, lambda m: m.subject == "[Vote 1] Adopt the terms")
    assert got and waiting  # the provider's day ran out part way
    if how == "reply":
        network.reply(confirmation, "CANCEL")
    else:
        printed = cli(network, monkeypatch, capsys, "votes", "cancel", "1")
        assert "cancelled" in printed
    run_minutes(network, 2)
    later = network.new_messages() + pace_through(network, provider)

    ballots = [m for m in later if m.subject == "[Vote 1] Adopt the terms"]
    assert ballots == []  # not one ballot after the cancellation
    cancelled = Counter(m.to for m in later if "Vote cancelled" in m.subject)
    assert cancelled == Counter(got | {AMINA})  # those who got a ballot, and the coordinator, once each
    assert not [m for m in later if m.to in waiting - {AMINA}]  # never called: nothing at all
    counts = outbox.counts(network.db)
    assert counts.get("withdrawn") == len(waiting) and not counts.get("queued") and not counts.get("failed")
    done = [flat(m.text) for m in later if "Every copy has gone out" in m.subject and m.to == AMINA]
    # the ballots' "every copy has gone out" counts what went and what was withdrawn
    assert [t for t in done if "withdrawn" in t] == [
        t for t in done if f"{len(got)} copies went out. {len(waiting)} copies were withdrawn unsent" in t]
    assert len([t for t in done if "withdrawn" in t]) == 1
    status = cli(network, monkeypatch, capsys, "status")
    assert f"{len(waiting)} withdrawn" in status


def test_a_meeting_cancelled_after_the_first_day_withdraws_its_waiting_announcements(budgeted):
    network, provider = budgeted()
    day1 = call_general_assembly(network)
    announced = day1[0]
    got, waiting = split_by(day1, lambda m: m.subject.startswith("[Meeting 1] General assembly:"))
    assert got and waiting
    network.reply(announced, "CANCEL")
    run_minutes(network, 2)
    later = network.new_messages() + pace_through(network, provider)

    assert not [m for m in later if m.subject.startswith("[Meeting 1] General assembly:")]
    cancelled = Counter(m.to for m in later if m.subject.startswith("[Meeting 1] Cancelled: General assembly,"))
    assert cancelled == Counter(got)  # only those who had the announcement, once each
    assert not [m for m in later if m.to in waiting - {AMINA}]
    assert outbox.counts(network.db).get("withdrawn") == len(waiting)


def test_a_meeting_moved_after_the_first_day_sends_only_the_new_date(budgeted):
    network, provider = budgeted()
    day1 = call_general_assembly(network)
    announced = day1[0]
    old = [m for m in day1 if m.subject.startswith("[Meeting 1] General assembly:")]
    got, waiting = split_by(day1, lambda m: m in old)
    assert got and waiting
    network.reply(announced, "When: 2027-01-21 10:00")
    run_minutes(network, 2)
    later = network.new_messages() + pace_through(network, provider)

    announcements = [m for m in later if m.subject.startswith("[Meeting 1] General assembly:")]
    assert Counter(m.to for m in announcements) == Counter(waiting)  # one announcement each, of the new date
    for m in announcements:
        (ics,) = [data.decode() for _, kind, data in m.attachments if kind.startswith("text/calendar")]
        assert "DTSTART" in ics and "20270121" in ics and "20270120" not in ics
    updates = Counter(m.to for m in later if m.subject.startswith("[Meeting 1] Changed: General assembly,"))
    assert updates == Counter(got)  # those who had the old date: one update each
    assert outbox.counts(network.db).get("withdrawn") == len(waiting)



def typed_while_handed_over(network, monkeypatch, capsys, subject: str, words: tuple[str, ...]) -> list[str]:
    """Type `convenor words…` while the daemon hands over the fifth copy whose subject starts
    with `subject`; return to whom those copies were handed over (as it happens)."""
    sender = network.start().sender
    handed = []
    real_send = sender.send

    def send(envelope_from, recipient, data):
        head = b"".join(data)[:2000]  # the message as parts (headers first)
        if f"Subject: {subject}".encode() in head:
            handed.append(recipient)
            if len(handed) == 5:
                cli(network, monkeypatch, capsys, *words)
        return real_send(envelope_from, recipient, data)

    monkeypatch.setattr(sender, "send", send)
    return handed


def test_a_vote_cancelled_by_command_while_its_ballots_go_out_stops_them_at_once(budgeted, monkeypatch, capsys):
    """`convenor votes cancel` typed while the daemon hands the ballots over: the ballot being
    handed over at that moment goes (and reads sent), not one after it; its member is told of the
    cancellation too, like those who got theirs before."""
    network, provider = budgeted()
    handed = typed_while_handed_over(network, monkeypatch, capsys, "[Vote 1] Adopt the terms\r\n",
                                     ("votes", "cancel", "1"))
    network.send(f"Amina Diallo <{AMINA}>", "[Vote] Adopt the terms", "Closes: in 7 days\n\nThat we adopt them.\n")
    run_minutes(network, 3)
    later = network.new_messages() + pace_through(network, provider)
    ballots = [m.to for m in later if m.subject == "[Vote 1] Adopt the terms"]
    assert ballots == handed and len(handed) == 5  # the one in flight went; none after the cancellation
    states = dict(network.db.execute(
        "SELECT state, count(*) FROM outbox WHERE kind = 'vote_ballot' GROUP BY state").fetchall())
    assert states == {"sent": 5, "withdrawn": 25}
    cancelled = Counter(m.to for m in later if "Vote cancelled" in m.subject)
    assert cancelled == Counter(set(handed) | {AMINA})  # every one who got a ballot, once; nobody else


def test_a_meeting_cancelled_by_command_while_its_announcements_go_out_stops_them_at_once(
        budgeted, monkeypatch, capsys):
    network, provider = budgeted()
    handed = typed_while_handed_over(network, monkeypatch, capsys, "[Meeting 1] General assembly:",
                                     ("meetings", "cancel", "1"))
    network.send(f"Amina Diallo <{AMINA}>", "[Meeting] General assembly",
                 "When: 2027-01-20 10:00\nWhere: Hall A\nAudience: core\n")
    run_minutes(network, 3)
    later = network.new_messages() + pace_through(network, provider)
    announced = [m.to for m in later if m.subject.startswith("[Meeting 1] General assembly:")]
    assert announced == handed and len(handed) == 5
    cancelled = Counter(m.to for m in later if m.subject.startswith("[Meeting 1] Cancelled: General assembly,"))
    assert cancelled == Counter(handed)  # the one in flight too, once
    assert outbox.counts(network.db).get("withdrawn") == 25
