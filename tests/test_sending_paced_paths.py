"""Every other path whose fan-out a small daily budget paces: the coordinator's commands
(`convenor meetings announce|move|close|cancel`, `convenor votes cancel`), a series' own timers
(its poll, the poll's reminder, its close, its announcement), a draft's reminder and new version,
a vote cancelled by reply. For each: what the coordinator is told about when the last copy goes,
that it then goes then (the promise is kept to within minutes, the clock moved as the provider's
window reopens), and that every member gets exactly one copy. Over the real Dovecot + an SMTP
server playing the provider on the test's clock."""
from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from store import outbox
from store.times import from_db
from tests.fixtures_convenor import Network
from tests.test_sending_paced_notices import (AMINA, PER_DAY, SOPHIE, budgeted, call_general_assembly,  # noqa: F401
                                              coordinator_writes, run_minutes)

TORONTO = ZoneInfo("America/Toronto")
CORE = [AMINA] + [f"m{i:03d}@example.org" for i in range(1, 30)]  # the 30 core members of `budgeted()`
WHEN = r"(\w+, \w+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M) \(\w+, America/Toronto\)"
SLACK = timedelta(minutes=5)  # the daemon's rounds here are a minute apart


def flat(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def moment(text: str, before: str) -> datetime:
    """The date and time written after `before` in `text` (as a Toronto reader reads it)."""
    match = re.search(re.escape(before) + " " + WHEN, flat(text))
    assert match, f"no date after {before!r} in: {flat(text)[:600]}"
    local = datetime.strptime(match.group(1), "%A, %B %d, %Y, %I:%M %p")
    return local.replace(tzinfo=TORONTO).astimezone(timezone.utc)


def promise(message) -> datetime:
    """When a confirmation or a "Going out until" notice says the last copy will go."""
    return moment(message.text, "the last one will go out around")


def pace_through(network: Network, provider) -> list:
    """Let the provider's window reopen as often as it takes (the clock jumps to each moment the
    oldest of the last day's sends leaves the window, then runs a few rounds) until nothing
    waits in the outbox; what went out meanwhile."""
    sent = []
    for _ in range(10):
        run_minutes(network, 3)
        sent += network.new_messages()
        if not outbox.counts(network.db).get("queued"):
            return sent
        oldest_in_window = sorted(provider.accepted_at)[-PER_DAY]
        network.set_time(max(network.now, oldest_in_window + timedelta(days=1)))
    raise AssertionError("the outbox never emptied")


def assert_promise_kept(network: Network, provider, told, copies_subject, audience: list[str],
                        coordinators=(AMINA,), sent_before: list = ()) -> list:
    """`told` (the message that promised when the last copy goes) is kept: following the
    provider's window, every copy has gone within minutes of the promise, each member of
    `audience` got exactly one (`copies_subject` picks them out of what went), and each of
    `coordinators` got one "Every copy has gone out" naming the moment the last copy went."""
    promised = promise(told)
    later = pace_through(network, provider)
    copies = [m for m in list(sent_before) + later if copies_subject(m)]
    assert Counter(m.to for m in copies) == Counter(audience), Counter(m.to for m in copies) - Counter(audience)
    done = [m for m in later if "Every copy has gone out" in m.subject]
    assert sorted(m.to for m in done) == sorted(coordinators)
    went = moment(done[0].text, "its last copy went out")
    assert abs(went - promised) <= SLACK, (promised, went)
    assert f"{len(audience)} copies went out" in done[0].text
    counts = outbox.counts(network.db)
    assert counts.get("failed", 0) == 0 and provider.refusals == []  # Convenor kept within the budget itself
    return later


def going_out(messages, ref: str, what: str, count: int) -> list:
    """The "[ref] Going out until …" notices among `messages`, which say what goes to how many."""
    started = [m for m in messages if m.subject.startswith(f"[{ref}] Going out until")]
    for m in started:
        assert f"{what} is going out to {count} members" in flat(m.text), flat(m.text)
    assert len({promise(m) for m in started}) <= 1  # every coordinator told the same
    return started


def cli(network: Network, monkeypatch, capsys, *words: str) -> str:
    """Run `convenor --config … words…` at the test clock's time; what it printed."""
    from convenor import cli as cli_mod
    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)
    capsys.readouterr()
    assert cli_mod.main(["--config", str(network.config), *words]) == 0
    return capsys.readouterr().out


def due_time(network: Network, kind: str) -> datetime:
    """When the next pending timer of `kind` falls due."""
    (due,) = network.db.execute("SELECT min(due_at) FROM timers WHERE kind = ? AND done_at IS NULL", [kind]).fetchone()
    assert due, f"no pending {kind} timer"
    return from_db(due)


SERIES = """
[meetings]
[[meetings.series]]
name = "Network meeting"
audience = "core"
rule = "monthly, second Tuesday"
time = "18:00"
poll = {poll}
"""


# --- the coordinator's commands ------------------------------------------------------------------

def test_meetings_announce_move_and_cancel_typed_tell_every_coordinator_when_the_last_copy_goes(
        budgeted, monkeypatch, capsys):
    network, provider = budgeted(second_coordinator=True, extra_settings=SERIES.format(poll="false"))
    core = [AMINA, SOPHIE] + [f"m{i:03d}@example.org" for i in range(2, 30)]
    network.step()  # plans the series: Meeting 1, Tuesday February 9, waits for its announcement
    printed = cli(network, monkeypatch, capsys, "meetings", "announce", "1")
    assert "announced to 30 member(s)" in printed and "paced: last copy around" in printed
    run_minutes(network, 2)
    day1 = network.new_messages()
    started = going_out(day1, "Meeting 1", "The announcement of Meeting 1", 30)
    assert sorted(m.to for m in started) == [AMINA, SOPHIE]  # a command typed: every coordinator
    assert day1[0] in started and day1[1] in started  # before the copies
    assert_promise_kept(network, provider, started[0], lambda m: m.subject.startswith("[Meeting 1] Network meeting:"),
                        core, coordinators=[AMINA, SOPHIE], sent_before=day1)

    printed = cli(network, monkeypatch, capsys, "meetings", "move", "1", "--when", "2027-02-10 18:00")
    assert "update (sequence 1) sent to 30 member(s)" in printed and "paced: last copy around" in printed
    run_minutes(network, 2)
    first = network.new_messages()
    started = going_out(first, "Meeting 1", "The update of Meeting 1", 30)
    assert sorted(m.to for m in started) == [AMINA, SOPHIE]
    assert_promise_kept(network, provider, started[0], lambda m: m.subject.startswith("[Meeting 1] Changed:"),
                        core, coordinators=[AMINA, SOPHIE], sent_before=first)

    printed = cli(network, monkeypatch, capsys, "meetings", "cancel", "1")
    assert "cancellation sent to 30 member(s)" in printed and "paced: last copy around" in printed
    run_minutes(network, 2)
    first = network.new_messages()
    started = going_out(first, "Meeting 1", "The cancellation of Meeting 1", 30)
    assert sorted(m.to for m in started) == [AMINA, SOPHIE]
    assert_promise_kept(network, provider, started[0], lambda m: m.subject.startswith("[Meeting 1] Cancelled:"), core,
                        coordinators=[AMINA, SOPHIE], sent_before=first)


def test_meetings_close_typed_tells_the_coordinator_who_called_the_poll_when_the_last_copy_goes(
        budgeted, monkeypatch, capsys):
    network, provider = budgeted(second_coordinator=True)
    core = [AMINA, SOPHIE] + [f"m{i:03d}@example.org" for i in range(2, 30)]
    day1 = coordinator_writes(network, "[Meeting] General assembly",
                              "Candidates: 2027-01-27 10:00, 2027-01-28 10:00\nAudience: core\n")
    created = day1[0]
    assert created.to == AMINA and "[Meeting 1] Date poll sent" in created.subject
    assert_promise_kept(network, provider, created, lambda m: "When can you come" in m.subject, core,
                        sent_before=day1)
    network.close()  # no daemon runs: the command reads the mailbox, then closes
    printed = cli(network, monkeypatch, capsys, "meetings", "close", "1", "--choose", "2")
    assert "date 2 chosen" in printed and "paced: last copy around" in printed
    run_minutes(network, 2)
    first = network.new_messages()
    (started,) = going_out(first, "Meeting 1", "The announcement of Meeting 1", 30)
    assert started.to == AMINA and first[0] is started  # she called it: she answers for it, told first
    later = assert_promise_kept(network, provider, started,
                                lambda m: m.subject.startswith("[Meeting 1] General assembly:"), core,
                                sent_before=first)
    results = [m for m in first + later if "Date 2 chosen" in m.subject or "result" in m.subject.lower()]
    assert sorted(m.to for m in results) == [AMINA, SOPHIE]  # the grid, once each


# --- a series' own timers ------------------------------------------------------------------------

def test_a_series_poll_its_reminder_and_its_close_tell_every_coordinator_when_the_last_copy_goes(budgeted):
    network, provider = budgeted(second_coordinator=True, extra_settings=SERIES.format(poll="true"))
    core = [AMINA, SOPHIE] + [f"m{i:03d}@example.org" for i in range(2, 30)]
    network.step()  # plans the series: Meeting 1 on Tuesday February 9, polled from January 19
    network.set_time(due_time(network, "meeting.poll"))
    run_minutes(network, 2)
    first = network.new_messages()
    started = going_out(first, "Meeting 1", "The date poll of Meeting 1", 30)
    assert sorted(m.to for m in started) == [AMINA, SOPHIE] and set(first[:2]) == set(started)
    polls = [m for m in first if "When can you come" in m.subject]
    assert_promise_kept(network, provider, started[0], lambda m: "When can you come" in m.subject, core,
                        coordinators=[AMINA, SOPHIE], sent_before=first)
    network.reply(next(m for m in polls if m.to == "m005@example.org"), "1")  # one member answers
    run_minutes(network, 2)
    network.new_messages()
    network.set_time(due_time(network, "poll.remind"))
    run_minutes(network, 2)
    first = network.new_messages()
    started = going_out(first, "Meeting 1", "The date poll reminder of Meeting 1", 29)
    assert sorted(m.to for m in started) == [AMINA, SOPHIE]
    assert_promise_kept(network, provider, started[0], lambda m: "Reminder: when can you come" in m.subject,
                        [a for a in core if a != "m005@example.org"], coordinators=[AMINA, SOPHIE],
                        sent_before=first)
    network.set_time(due_time(network, "poll.close"))
    run_minutes(network, 2)
    first = network.new_messages()
    started = going_out(first, "Meeting 1", "The announcement of Meeting 1", 30)
    assert sorted(m.to for m in started) == [AMINA, SOPHIE]
    assert_promise_kept(network, provider, started[0],
                        lambda m: m.subject.startswith("[Meeting 1] Network meeting:"), core,
                        coordinators=[AMINA, SOPHIE], sent_before=first)


def test_a_series_announced_without_a_poll_tells_every_coordinator_when_the_last_copy_goes(budgeted):
    network, provider = budgeted(extra_settings=SERIES.format(poll="false"))
    network.step()  # plans the series: Meeting 1 on Tuesday February 9, announced January 26
    network.set_time(due_time(network, "meeting.announce"))
    run_minutes(network, 2)
    first = network.new_messages()
    (started,) = going_out(first, "Meeting 1", "The announcement of Meeting 1", 30)
    assert started.to == AMINA and first[0] is started
    assert_promise_kept(network, provider, started, lambda m: m.subject.startswith("[Meeting 1] Network meeting:"),
                        CORE, sent_before=first)


# --- drafts --------------------------------------------------------------------------------------

def circulated_draft(network, provider) -> object:
    """Amina circulates a draft to the core (29 members besides her); every copy goes; her confirmation."""
    network.send(f"Amina Diallo <{AMINA}>", "[Draft] Brochure", "Audience: core\nDeadline: in 10 days\n\nPlease read.",
                 attachments=[("brochure.pdf", "application/pdf", b"%PDF-1.4 first")])
    run_minutes(network, 3)
    first = network.new_messages()
    confirmation = first[0]
    assert confirmation.to == AMINA and "[Draft 1]" in confirmation.subject
    assert_promise_kept(network, provider, confirmation, lambda m: m.subject == "[Draft 1] Brochure", CORE[1:],
                        sent_before=first)
    return confirmation


def test_a_draft_s_new_version_says_in_its_confirmation_when_the_last_copy_goes(budgeted):
    network, provider = budgeted()
    confirmation = circulated_draft(network, provider)
    network.reply(confirmation, "Version 2\n\nNew cover.",
                  attachments=[("brochure-v2.pdf", "application/pdf", b"%PDF-1.4 second")])
    run_minutes(network, 3)
    first = network.new_messages()
    answer = first[0]  # the answer to what she asked goes first
    assert answer.to == AMINA and "[Draft 1]" in answer.subject and "version 2 went to the same 29 members" in flat(answer.text)
    assert not [m for m in first if "Going out until" in m.subject]  # told once, in the confirmation
    assert_promise_kept(network, provider, answer, lambda m: m.subject.startswith("[Draft 1] Version 2:"),
                        CORE[1:], sent_before=first)


def test_a_draft_s_reminder_tells_its_author_when_the_last_copy_goes(budgeted):
    network, provider = budgeted()
    circulated_draft(network, provider)
    copy = network.outbound()
    network.reply(next(m for m in copy if m.to == "m007@example.org" and m.subject == "[Draft 1] Brochure"),
                  "Fine by me.")  # one member answers: not reminded
    run_minutes(network, 2)
    network.new_messages()
    network.set_time(due_time(network, "draft.reminder"))
    run_minutes(network, 2)
    first = network.new_messages()
    (started,) = going_out(first, "Draft 1", "The reminder of Draft 1", 28)
    assert started.to == AMINA and first[0] is started
    assert_promise_kept(network, provider, started, lambda m: m.subject == "Reminder: [Draft 1] Brochure",
                        [a for a in CORE[1:] if a != "m007@example.org"], sent_before=first)


# --- votes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["reply", "command"])
def test_a_vote_cancelled_tells_its_opener_when_the_last_copy_goes(budgeted, monkeypatch, capsys, how):
    network, provider = budgeted(second_coordinator=True)
    core = [AMINA, SOPHIE] + [f"m{i:03d}@example.org" for i in range(2, 30)]
    day1 = coordinator_writes(network, "[Vote] Adopt the terms", "Closes: in 7 days\n\nThat we adopt them.\n")
    confirmation = day1[0]
    assert confirmation.to == AMINA and "Vote opened" in confirmation.subject
    assert_promise_kept(network, provider, confirmation, lambda m: m.subject == "[Vote 1] Adopt the terms",
                        core, sent_before=day1)
    if how == "reply":
        network.reply(confirmation, "CANCEL")
    else:
        printed = cli(network, monkeypatch, capsys, "votes", "cancel", "1")
        assert "cancelled" in printed and "paced: last copy around" in printed
    run_minutes(network, 2)
    first = network.new_messages()
    (started,) = going_out(first, "Vote 1", "The cancellation of Vote 1", 30)
    assert started.to == AMINA and first[0] is started  # she opened it: she answers for it
    assert_promise_kept(network, provider, started, lambda m: "Vote cancelled" in m.subject, core,
                        sent_before=first)


def test_a_meeting_moved_then_cancelled_by_reply_says_in_each_answer_when_the_last_copy_goes(budgeted):
    network, provider = budgeted()
    day1 = call_general_assembly(network)
    announced = day1[0]
    assert_promise_kept(network, provider, announced,
                        lambda m: m.subject.startswith("[Meeting 1] General assembly:"), CORE, sent_before=day1)
    network.reply(announced, "When: 2027-01-21 10:00")
    run_minutes(network, 2)
    first = network.new_messages()
    answer = first[0]  # the answer to what she asked goes first, not after the 30 updates
    assert answer.to == AMINA and answer.subject == "[Meeting 1] Changed: General assembly"
    assert not [m for m in first if "Going out until" in m.subject]  # told once, in the answer
    assert_promise_kept(network, provider, answer,
                        lambda m: m.subject.startswith("[Meeting 1] Changed: General assembly,"), CORE,
                        sent_before=first)
    network.reply(answer, "CANCEL")
    run_minutes(network, 2)
    first = network.new_messages()
    answer = first[0]
    assert answer.to == AMINA and answer.subject == "[Meeting 1] Cancelled: General assembly"
    assert_promise_kept(network, provider, answer,
                        lambda m: m.subject.startswith("[Meeting 1] Cancelled: General assembly,"), CORE,
                        sent_before=first)
