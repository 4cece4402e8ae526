"""Sending through a hosted provider: the outbox paced to its limits, its quota answers taken as
"wait", most urgent first. Over the real Dovecot + an SMTP server playing the provider (it
counts on the test's clock), with the clock moved as days pass."""
from __future__ import annotations

from datetime import timedelta

import pytest

from store import outbox
from tests.fixtures_convenor import Network
from tests.smtp_servers import ProviderProfile

COORDINATOR = ("Amina Diallo", "amina@example.org", "core", True, "en", [])
BALLOT = "[Vote 1] Adopt the terms"
MOTION = "Closes: in 7 days\n\nThat the network adopts the revised terms of reference.\n"


def core_members(n: int) -> list[tuple]:
    return [COORDINATOR] + [(f"Member {i:03d}", f"m{i:03d}@example.org", "core", False, "en", [])
                            for i in range(1, n)]


def paced(network: Network, *, per_minute=None, per_day=None, provider="custom") -> None:
    """Configure Convenor's own budget (before its daemon starts)."""
    network.settings.sending.provider = provider
    network.settings.sending.max_per_minute = per_minute
    network.settings.sending.max_per_day = per_day


def run_cli(network: Network, *args) -> dict:
    """`convenor --config … ARGS --json` as a coordinator types it (the clock is the real one:
    only what does not depend on it is read from the answer)."""
    import json
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "convenor", "--config", str(network.config), *args],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def run_minutes(network: Network, minutes: int) -> None:
    """The daemon's rounds over `minutes` minutes, one a minute (as its wake-ups would do)."""
    for _ in range(minutes):
        network.step()
        network.advance(minutes=1)


def test_a_vote_among_150_on_a_100_a_day_budget_gets_every_ballot_out_over_two_days(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=core_members(150))
    paced(network, per_minute=30, per_day=100)
    provider = ProviderProfile(lambda: network.now, per_minute=30, per_day=100)
    mail_stack.capture.provider = provider
    try:
        network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the terms", MOTION)
        run_minutes(network, 10)
        day1 = network.new_messages()
        assert len(day1) == 100  # the day's budget, not one more
        confirmation = day1[0]  # the coordinator's own confirmation goes first
        assert confirmation.to == "amina@example.org" and "Vote opened" in confirmation.subject
        assert "last one will go out around" in confirmation.text
        assert "Tuesday, January 5, 2027" in confirmation.text  # the next day, when the window reopens
        ballots_day1 = [m for m in day1 if m.subject == BALLOT]
        assert len(ballots_day1) == 99
        # members vote on the first day: their receipts wait behind the ballots still to go
        for ballot in ballots_day1[:5]:
            network.reply(ballot, "Yes")
        run_minutes(network, 60)
        assert network.new_messages() == []  # nothing more today
        network.advance(hours=23)
        run_minutes(network, 10)
        day2 = network.new_messages()
        kinds = ["ballot" if m.subject == BALLOT else m.subject for m in day2]
        assert kinds[:51] == ["ballot"] * 51 and len(kinds) == 57, kinds
        done = [m for m in day2 if "Every copy has gone out" in m.subject]
        assert [m.to for m in done] == ["amina@example.org"]  # the coordinator told when the last went
        assert "150 copies went out" in done[0].text and "Tuesday, January 5, 2027" in done[0].text
        receipts = [k for k in kinds[51:] if k != done[0].subject]
        assert len(receipts) == 5 and all("recorded" in k.lower() for k in receipts)  # after every ballot
        everyone = {m.to for m in day1 + day2 if m.subject == BALLOT}
        assert len(everyone) == 150
        counts = outbox.counts(network.db)
        assert counts.get("failed", 0) == 0 and counts.get("queued", 0) == 0
        assert provider.refusals == []  # Convenor kept within the budget by itself
        last_ballot_day = [m for m in day2 if m.subject == BALLOT][-1]
        assert last_ballot_day.msg["Date"].datetime.date().isoformat() == "2027-01-05"
    finally:
        network.close()


def test_quota_answers_hold_sending_until_the_window_reopens_and_nothing_fails(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=core_members(30))
    # Convenor does not know the limits (provider "custom"): the provider's answers teach it
    provider = ProviderProfile(lambda: network.now, per_minute=8, per_day=20)
    mail_stack.capture.provider = provider
    try:
        network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the terms", MOTION)
        network.step()
        assert len(network.new_messages()) == 8
        assert provider.refusals == ["421 4.7.0 Try again later, closing connection."]
        network.step()  # a round within the minute sends nothing: sending waits
        assert network.new_messages() == []
        run_minutes(network, 5)
        assert len(network.new_messages()) == 12  # 20 in the day, then Gmail's daily answer
        assert provider.refusals[-1] == "550 5.4.5 Daily user sending limit exceeded."
        counts = outbox.counts(network.db)
        assert counts == {"sent": 20, "queued": 11}  # waiting, not failed; no failure notice queued
        status = run_cli(network, "status", "--json")["sending"]
        assert status["sent_last_24h"] == 20 and status["waiting"] == {"answers": 0, "deadlines": 11, "notices": 0}
        assert "5.4.5" in status["pause_reason"] and status["paused_until"].startswith("2027-01-05")
        network.advance(hours=2)
        network.step()
        assert network.new_messages() == []  # still within the day the provider counts
        network.advance(hours=22)
        run_minutes(network, 3)
        rest = network.new_messages()
        assert len(rest) == 11 and all(m.subject == BALLOT for m in rest)
        assert outbox.counts(network.db) == {"sent": 31}
    finally:
        network.close()


def test_a_vote_whose_ballots_cannot_go_out_well_before_its_close_is_refused(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=core_members(150))
    paced(network, per_day=100, provider="gmail")
    try:
        network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the terms",
                     "Closes: in 24 hours\n\nThat the network adopts the revised terms of reference.\n")
        network.step()
        (refusal,) = network.new_messages()
        assert refusal.to == "amina@example.org" and "not opened" in refusal.subject
        assert "cannot all go out well before the close" in refusal.text
        assert "100 messages a day, 20 a minute" in refusal.text
        assert 'The earliest workable close is' in refusal.text and '"Closes: 2027-01-06' in refusal.text
        assert network.db.execute("SELECT count(*) FROM votes").fetchone()[0] == 0
    finally:
        network.close()


def test_priority_orders_what_waits(tmp_path):
    from workflows.sending.priority import ANSWER, DEADLINE, NOTICE, priority_of
    assert [priority_of(k) for k in ("vote_confirmation", "vote_ballot", "vote_receipt", "delivery_failed")] == \
        [ANSWER, DEADLINE, NOTICE, NOTICE]


def test_the_room_left_in_the_windows_is_what_lets_the_next_message_go_at_once():
    """A sending round loads no more rows than the budget lets go now (`room`): room is above 0
    exactly when the next slot is now, whichever window is the tighter."""
    from datetime import datetime, timezone
    from workflows.sending.pacing import RollingWindows, SendingLimits
    start = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
    assert RollingWindows(SendingLimits()).room(start) is None
    for limits in (SendingLimits(per_minute=3), SendingLimits(per_day=5), SendingLimits(per_minute=3, per_day=5)):
        windows = RollingWindows(limits)
        for second in range(0, 3 * 24 * 3600, 7919):  # a prime step: every phase of both windows
            now = start + timedelta(seconds=second)
            room = windows.room(now)
            assert (room > 0) == (windows.next_slot(now) == now), (limits, second)
            for _ in range(min(room, 2)):
                windows.record(now)
    sent = [start, start, start + timedelta(seconds=30)]
    assert [RollingWindows(SendingLimits(per_minute=3, per_day=10), sent).room(start + timedelta(seconds=s))
            for s in (40, 61, 91)] == [0, 2, 3]
    assert RollingWindows(SendingLimits(per_minute=3, per_day=4), sent).room(start + timedelta(seconds=91)) == 1


def test_a_minute_budget_reads_the_last_minute_of_the_store_and_answers_as_with_the_whole_day(tmp_path):
    """Without a daily limit the governor reads only the sends that can still count (the last
    minute, read back one second late), not the day's: the same openings and room as the day's
    times give, at every second around the window's edge."""
    from datetime import datetime, timezone
    from convenor.governor import Governor, _sent_times
    from store.db import open_store
    from workflows.sending.pacing import RollingWindows, SendingLimits
    db = open_store(tmp_path / "store.db")
    start = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
    for n, second in enumerate([0, 5, 5, 20, 59, 60, 61, 3000, 3030, 3059, 3060, 3061]):
        when = start + timedelta(seconds=second)
        row = outbox.queue(db, recipient=f"m{n}@example.org", member_id=None, kind="vote_ballot", subject="s",
                           body_text="b", body_html=None, headers={}, attachments=[], reply_token=None,
                           bounce_token=f"b{n}", message_id=f"<{n}@example.org>", in_reply_to=None, now=when)
        outbox.mark_sent(db, row, when)
    limits = SendingLimits(per_minute=3)
    for second in range(3000, 3130):
        now = start + timedelta(seconds=second)
        governor, whole_day = Governor(db, limits, now), RollingWindows(limits, _sent_times(db, now))
        assert len(governor.windows.times) <= 5
        assert governor.opening(now) == whole_day.next_slot(now) and governor.room(now) == whole_day.room(now), second


@pytest.mark.parametrize("reply, scope", [
    ("550 5.4.5 Daily user sending limit exceeded. Learn more", "day"),
    ("554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException", "day"),
    ("550 5.2.252 SendAsDenied; sender throttled", "day"),
    ("432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded", "minute"),
    ("421 4.7.0 Try again later, closing connection.", "minute"),
    ("451 4.7.1 Rate limited, slow down", "minute"),
    ("452 4.5.3 Too many recipients", "minute"),
    ("451 4.3.0 try later", None),
    ("550 5.1.1 no such user", None),
    ("452 4.2.2 mailbox full", None),
])
def test_the_table_of_quota_answers(reply, scope):
    from mailer.quota_replies import quota_scope
    code, _, text = reply.partition(" ")
    assert quota_scope(int(code), text) == scope


def test_a_draft_that_will_not_fit_says_when_its_last_copy_goes_and_then_that_it_went(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=core_members(30))
    paced(network, per_day=20, provider="gmail")
    try:
        network.send("Amina Diallo <amina@example.org>", "[Draft] Awareness brochure",
                     "Audience: core\nDeadline: in 10 days\n\nPlease comment.",
                     attachments=[("brochure.pdf", "application/pdf", b"%PDF-1.4 brochure")])
        run_minutes(network, 3)
        day1 = network.new_messages()
        confirmation = network.only_message_to("amina@example.org", day1)
        assert "Circulated" in confirmation.subject and "the last one will go out around" in confirmation.text
        assert len(day1) == 20
        network.advance(days=1)
        run_minutes(network, 5)
        day2 = network.new_messages()
        assert len([m for m in day2 if m.to != "amina@example.org"]) == 10  # of 29 members (not the author), 19 went on the first day
        (done,) = [m for m in day2 if "Every copy has gone out" in m.subject]
        assert done.to == "amina@example.org" and "[Draft 1]" in done.subject
    finally:
        network.close()


def test_a_restart_keeps_to_the_same_budget(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=core_members(25))
    paced(network, per_minute=10)
    try:
        network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the terms", MOTION)
        network.step()
        assert len(network.new_messages()) == 10
        network.restart()  # a new daemon reads what was sent from the store
        network.advance(seconds=30)
        network.step()
        assert network.new_messages() == []  # still within the same 60 s
        network.advance(seconds=31)
        network.step()
        assert len(network.new_messages()) == 10
    finally:
        network.close()
