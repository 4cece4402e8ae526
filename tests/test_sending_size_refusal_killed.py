"""A member's copy refused for its size, and `convenor run` killed before its outbox pass ends,
over the real Dovecot + an SMTP server playing a provider: it accepts the first ballots, refuses
Jean's as too large (552 5.3.4) and holds Sofia's, unanswered, while the daemon is SIGKILLed (a
power cut, the OOM killer).

The refusal's transaction records that the coordinators have to be told of Jean; the notice is
queued, and Jean recorded told, together in a later one. So when Convenor starts again the
coordinators get exactly one notice naming Jean, and a second start sends none. (The record
"told" used to be written with the refusal and the notice kept in memory until the pass ended:
killed between the two, the store said told and nobody was.)"""
from __future__ import annotations

import signal
import sqlite3
from datetime import datetime, timezone

from tests.fixtures_convenor import Network, roster
from tests.test_sending_size_member_copy import ballots_in, told_of_size
from tests.test_sending_size_items import flat
from tests.test_spine_daemon import log_of, start_cli_daemon, wait_until

MEMBERS = roster("amina", "jean", "sofia", "li", "kofi", coordinators=("amina", "li"))


def test_a_size_refusal_is_told_once_after_the_daemon_is_killed_before_its_pass_ends(mail_stack, tmp_path):
    capture = mail_stack.capture
    capture.refuse_size_to = {"jean@example.org"}
    capture.hold_to = {"sofia@example.org"}
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    net.set_time(datetime.now(timezone.utc))  # `convenor run` keeps the real time
    try:
        net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the plan", "Closes: in 5 days\n\nThat we adopt the plan.")
        proc = start_cli_daemon(net)
        try:
            assert wait_until(lambda: capture.holding >= 1, timeout=60), log_of(net).decode()
        finally:
            proc.send_signal(signal.SIGKILL)  # while the provider holds Sofia's ballot: the pass never ends
            proc.wait(timeout=20)
        store = sqlite3.connect(net.settings.store.path)
        refused = store.execute("SELECT o.state, o.last_error FROM outbox o JOIN members m ON m.id = o.member_id "
                                "WHERE o.kind = 'vote_ballot' AND m.email = 'jean@example.org'").fetchall()
        told_in_store = store.execute("SELECT count(*) FROM notices WHERE kind LIKE 'size-refused%'").fetchone()[0]
        store.close()
        assert [(state, "552 5.3.4" in error) for state, error in refused] == [("failed", True)]
        assert told_in_store == 0  # no notice queued: the store does not say the coordinators were told
        killed_run = net.new_messages()
        assert "amina@example.org" in ballots_in(killed_run)  # accepted before Jean's was refused
        assert not told_of_size(killed_run)
        capture.hold_to.clear()

        net.set_time(datetime.now(timezone.utc))
        net.step()  # Convenor starts again (a new daemon on the same store) and does one round
        out = net.new_messages()
        told = told_of_size(out)
        assert sorted(m.to for m in told) == ["amina@example.org", "li@example.org"]  # each coordinator, once
        for notice in told:
            assert notice.subject == "[Vote 1] Not delivered to Jean Tremblay: too large for the mail provider"
            assert "for Jean Tremblay <jean@example.org>" in flat(notice.text)
        assert {"sofia@example.org", "li@example.org", "kofi@example.org"} <= set(ballots_in(out))

        net.restart()  # and once more: nothing more to tell
        net.step()
        assert not told_of_size(net.new_messages())
        assert net.db.execute("SELECT count(*) FROM outbox WHERE kind = 'delivery_failed'").fetchone()[0] == 2
    finally:
        net.close()
