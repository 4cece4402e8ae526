"""Announcements and meeting notices that a small daily budget paces: whoever answers for the
fan-out is told when its last copy will go, then that every copy has gone. Over the real Dovecot
+ an SMTP server playing the provider (it counts on the test's clock), the clock moved as days pass."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from store import outbox
from tests.fixtures_convenor import Network
from tests.smtp_servers import ProviderProfile

AMINA = "amina@example.org"
SOPHIE = "sophie@example.org"
PER_DAY = 20
NEXT_DAY = "Tuesday, January 5, 2027"  # the test clock starts on Monday, January 4


def members(n: int, *, second_coordinator: bool = False) -> list[tuple]:
    out = [("Amina Diallo", AMINA, "core", True, "en", [])]
    if second_coordinator:
        out.append(("Sophie Martin", SOPHIE, "core", True, "en", []))
    return out + [(f"Member {i:03d}", f"m{i:03d}@example.org", "core", False, "en", [])
                  for i in range(len(out), n)]


@pytest.fixture
def budgeted(mail_stack, tmp_path):
    """Makes the network under test (closed at the end): see `budgeted_network`."""
    made = []

    def make(**kw) -> tuple[Network, ProviderProfile]:
        made.append(budgeted_network(mail_stack, tmp_path, **kw))
        return made[-1]
    yield make
    for network, _ in made:
        network.close()


def budgeted_network(mail_stack, tmp_path, n: int = 30, extra_settings: str = "",
                     **kw) -> tuple[Network, ProviderProfile]:
    """A network of `n` core members whose provider takes PER_DAY messages a day, and whose
    settings file says so (the daemon and the commands typed read it)."""
    network = Network(tmp_path, stack=mail_stack, members=members(n, **kw), extra_settings=extra_settings)
    text = network.config.read_text().replace("[sending]\n", f'[sending]\nmax_per_day = {PER_DAY}\n', 1)
    network.config.write_text(text)
    from convenor import settings as settings_mod
    network.settings = settings_mod.load(network.config)
    provider = ProviderProfile(lambda: network.now, per_day=PER_DAY)
    mail_stack.capture.provider = provider
    return network, provider


def run_minutes(network: Network, minutes: int) -> None:
    for _ in range(minutes):
        network.step()
        network.advance(minutes=1)


def coordinator_writes(network: Network, subject: str, body: str, minutes: int = 3) -> list:
    """Amina writes to the list; what went out over the daemon's next `minutes` rounds."""
    network.send(f"Amina Diallo <{AMINA}>", subject, body)
    run_minutes(network, minutes)
    return network.new_messages()


def next_day(network: Network) -> list:
    """What went out in the first rounds a day later, when the provider's window has reopened."""
    network.advance(days=1)
    run_minutes(network, 5)
    return network.new_messages()


def due_time(network: Network, kind: str) -> datetime:
    """When the timer of `kind` falls due (there is one)."""
    (due,) = network.db.execute("SELECT due_at FROM timers WHERE kind = ?", [kind]).fetchone()
    return datetime.fromisoformat(due).replace(tzinfo=timezone.utc)


def done_notices(messages) -> list:
    return [m for m in messages if "Every copy has gone out" in m.subject]


def assert_all_went(network: Network, provider: ProviderProfile) -> None:
    counts = outbox.counts(network.db)
    assert counts.get("failed", 0) == 0 and counts.get("queued", 0) == 0
    assert provider.refusals == []  # Convenor kept within the budget by itself


def test_an_announcement_sent_at_once_says_in_its_confirmation_when_the_last_copy_goes(budgeted):
    network, provider = budgeted()
    day1 = coordinator_writes(network, "[Announce] Spring gathering",
                              "Audience: all\n\nWe meet in spring, details to follow.")
    assert len(day1) == PER_DAY
    confirmation = day1[0]  # the coordinator's own confirmation goes first
    assert confirmation.to == AMINA and "[Announce 1] Ready" in confirmation.subject
    assert "(30 member(s) today)" in confirmation.text
    assert "the last one will go out around" in confirmation.text and NEXT_DAY in confirmation.text
    day2 = next_day(network)
    copies = [m for m in day1 + day2 if m.subject == "Spring gathering"]
    assert len({m.to for m in copies}) == 30
    (done,) = done_notices(day2)
    assert done.to == AMINA and "[Announce 1]" in done.subject
    assert "30 copies went out" in done.text and NEXT_DAY in done.text
    assert_all_went(network, provider)


def test_a_scheduled_announcement_tells_its_author_when_it_starts_and_when_it_has_gone(budgeted):
    network, provider = budgeted()
    (confirmation,) = coordinator_writes(network, "[Announce] Spring gathering",
                                         "Audience: all\nSend: 2027-01-06 09:00\n\nWe meet in spring.", 2)
    assert confirmation.to == AMINA and "[Announce 1] Ready" in confirmation.subject
    assert "last one will go out around" not in confirmation.text  # the day's budget is not known yet
    assert "you will be told then when the last one will go out" in " ".join(confirmation.text.split())
    network.set_time(datetime(2027, 1, 6, 14, 0, tzinfo=timezone.utc))  # 09:00 in Toronto
    run_minutes(network, 3)
    first_day = network.new_messages()
    assert len(first_day) == PER_DAY
    started = first_day[0]  # sent before the copies
    assert started.to == AMINA and started.subject.startswith("[Announce 1] Going out until")
    assert "The announcement Announce 1 is going out to 30 members" in started.text
    assert "the last one will go out around" in started.text and "Thursday, January 7, 2027" in started.text
    (done,) = done_notices(next_day(network))
    assert done.to == AMINA and "30 copies went out" in done.text
    assert_all_went(network, provider)


def test_an_announcement_typed_at_the_command_line_tells_every_coordinator(budgeted, monkeypatch, tmp_path):
    from convenor import cli
    network, provider = budgeted(second_coordinator=True)
    body = tmp_path / "spring.txt"
    body.write_text("We meet in spring, details to follow.\n", encoding="utf-8")
    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)
    assert cli.main(["--config", str(network.config), "announce", "--audience", "all",
                     "--subject", "Spring gathering", "--body-file", str(body)]) == 0
    run_minutes(network, 3)
    day1 = network.new_messages()
    started = [m for m in day1 if "Going out until" in m.subject]
    assert sorted(m.to for m in started) == [AMINA, SOPHIE]  # nobody wrote it: every coordinator
    assert [m.subject for m in day1[:2]] == [started[0].subject] * 2  # before the copies
    done = done_notices(next_day(network))
    assert sorted(m.to for m in done) == [AMINA, SOPHIE]
    assert all("30 copies went out" in m.text for m in done)
    assert_all_went(network, provider)


def call_general_assembly(network: Network) -> list:
    """Amina calls a meeting of the core for January 20; what went out over the next rounds,
    her "Announced" confirmation first."""
    day1 = coordinator_writes(network, "[Meeting] General assembly",
                              "When: 2027-01-20 10:00\nWhere: Hall A\nAudience: core\n")
    assert day1[0].to == AMINA and "[Meeting 1] Announced" in day1[0].subject
    return day1


def test_a_meeting_its_announcement_and_its_reminder_say_when_the_last_copy_goes(budgeted):
    network, provider = budgeted()
    created = call_general_assembly(network)[0]
    assert "the last one will go out around" in created.text and NEXT_DAY in created.text
    (done,) = done_notices(next_day(network))
    assert done.to == AMINA and "[Meeting 1]" in done.subject and "30 copies went out" in done.text
    # the reminder, a day before, is the same fan-out again: the coordinator who called it hears first
    network.set_time(due_time(network, "meeting.remind"))
    run_minutes(network, 3)
    reminders = network.new_messages()
    started = reminders[0]
    assert started.to == AMINA and started.subject.startswith("[Meeting 1] Going out until")
    assert "The reminder of Meeting 1 is going out to 30 members" in started.text
    later = next_day(network)
    assert [m.to for m in done_notices(later)] == [AMINA]
    sent_reminders = [m for m in reminders + later if m.subject.startswith("[Meeting 1]") and "Reminder" in m.subject]
    assert len({m.to for m in sent_reminders}) == 30, [m.subject for m in reminders[:3]]
    assert_all_went(network, provider)


def test_a_vote_s_reminder_and_result_tell_its_opener_when_the_last_copy_goes(budgeted):
    network, provider = budgeted(extra_settings="[votes]\nreminder_days_before = [1]\n")
    day1 = coordinator_writes(network, "[Vote] Adopt the terms", "Closes: in 7 days\n\nThat we adopt them.\n")
    assert "Vote opened" in day1[0].subject and "last one will go out around" in day1[0].text
    assert [m.to for m in done_notices(next_day(network))] == [AMINA]
    network.set_time(due_time(network, "vote.reminder"))  # a day before the close
    run_minutes(network, 3)
    started = network.new_messages()[0]  # before the copies
    assert started.to == AMINA and started.subject.startswith("[Vote 1] Going out until")
    assert "The reminder of Vote 1 is going out to 30 members" in started.text
    closing = next_day(network)  # the close comes while the last reminders still wait for the budget
    (started,) = [m for m in closing if "Going out until" in m.subject]
    assert started.to == AMINA and "The result of Vote 1 is going out to 29 members" in started.text  # not to her
    later = next_day(network) + next_day(network)
    assert [m.to for m in done_notices(closing + later)] == [AMINA, AMINA]  # the reminder's, then the result's
    assert_all_went(network, provider)


def test_a_date_poll_and_the_date_chosen_by_reply_say_when_the_last_copy_goes(budgeted):
    network, provider = budgeted()
    day1 = coordinator_writes(network, "[Meeting] General assembly",
                              "Candidates: 2027-01-27 10:00, 2027-01-28 10:00\nAudience: core\n")
    created = day1[0]
    assert created.to == AMINA and "[Meeting 1] Date poll sent" in created.subject
    assert "the last one will go out around" in created.text and NEXT_DAY in created.text
    assert [m.to for m in done_notices(next_day(network))] == [AMINA]
    network.reply(created, "CHOOSE 2")  # the announcement of date 2 goes to the 30 members
    run_minutes(network, 3)
    chosen = network.new_messages()[0]  # the answer to what she asked goes first
    assert chosen.to == AMINA and "Date 2 chosen" in chosen.subject
    # today's window holds only 8 more (12 went earlier today): 8 today, 20 tomorrow, the last 3 after
    assert "the last one will go out around" in chosen.text and "Thursday, January 7, 2027" in chosen.text
    later = next_day(network) + next_day(network)
    (done,) = done_notices(later)
    assert done.to == AMINA and "30 copies went out" in done.text
    assert_all_went(network, provider)
