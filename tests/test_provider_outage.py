"""The provider's SMTP server cannot be reached for a working day (an outage, the machine's own
network down): no copy is given up for it. An unreachable server says nothing about any
message or member, so sending waits, with backoff, and every ballot goes once it is back."""
from __future__ import annotations

from store import outbox
from tests.fixtures_convenor import Network


def test_a_server_unreachable_for_ten_hours_loses_no_ballot(network: Network):
    network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget",
                 "Closes: in 7 days\n\nThat the network adopts the 2027 budget.\n")
    network.stack.capture.refuse_connections = True
    try:
        for _ in range(10 * 6):                          # the daemon keeps trying for ten hours
            network.step()
            network.advance(minutes=10)
        assert outbox.counts(network.db).get("failed", 0) == 0
    finally:
        network.stack.capture.refuse_connections = False
    network.advance(hours=1)
    network.step()
    out = network.new_messages()
    ballots = sorted(m.to for m in out if m.subject in ("[Vote 1] Adopt the budget", "[Scrutin 1] Adopt the budget"))
    assert ballots == ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"], \
        [m.subject for m in out]
    assert not [m for m in out if "could not be delivered" in m.subject]
    assert outbox.counts(network.db) == {"sent": len(out)}
