"""A provider answering 552 (size) to one ballot copy (review of size refusals), over the real
Dovecot + an SMTP server playing the provider. A ballot carries no file: nothing can be made
smaller, the other members' ballots differ and went out. The coordinators must learn whose
ballot failed, as for any copy refused for good, not read "No member received it … put the
document in a shared folder"."""
from __future__ import annotations


def test_a_ballot_refused_for_its_size_names_the_member_and_stops_nothing_else(network, mail_stack):
    network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the plan", "Closes: in 5 days\n\nThat we adopt the plan.")
    network.step()  # the vote is taken in; its copies are queued and sent in this round
    sent = {m.to for m in network.new_messages()}
    assert {"jean@example.org", "li@example.org", "sofia@example.org"} <= sent
    # Li asks for his ballot again; the provider refuses that copy for its size
    mail_stack.capture.script(["552 5.3.4 Message size exceeds fixed limit"])
    network.send("li@example.org", "[Vote 1]", "")  # no token: his ballot is sent again
    network.step()
    out = network.new_messages()
    notices = network.messages_to("amina@example.org", out)
    assert [m.subject for m in notices] == ["[Test Network] A message could not be delivered"]
    assert "Li Wei <li@example.org>" in notices[0].flat_text and "552 5.3.4" in notices[0].text
    assert not [m for m in out if "too large" in m.subject.lower()]
    row = network.db.execute("SELECT state FROM outbox WHERE recipient = 'li@example.org' ORDER BY id DESC").fetchone()
    assert row[0] == "failed"
