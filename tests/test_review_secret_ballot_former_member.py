"""A member removed while a secret ballot is open answers it (review: does anything of a secret
ballot leak?). Their reply no longer counts; it used to be passed on whole to the coordinators as
a non-member's mail, showing how they voted. Over the real Dovecot + SMTP stack: it is shown to
nobody, and the writer is told it changed nothing."""
from __future__ import annotations

from convenor.cli import main


def li_removed_then_answers(network, monkeypatch, secret: str, answer: str) -> str:
    """A vote opens; Li is removed from the network; then he answers his ballot (its Message-ID)."""
    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)
    ballots = network.open_vote("[Vote] Adopt the plan", f"Secret: {secret}\nCloses: in 5 days\n\nThat we adopt the plan.")
    assert main(["--config", str(network.config), "members", "set", "li@example.org", "--active", "no"]) == 0
    sent = network.reply(ballots["li@example.org"], answer)
    network.step()
    return sent["Message-ID"]


def test_a_former_members_reply_to_a_secret_ballot_is_shown_to_nobody(network, monkeypatch):
    li_removed_then_answers(network, monkeypatch, "yes", "No, and I think the plan is a mistake.")
    out = network.new_messages()
    assert not network.messages_to("amina@example.org", out)  # no coordinator sees it
    (told,) = network.messages_to("li@example.org", out)
    assert "No, and I think" not in told.text
    assert "no longer a member" in told.flat_text and "shown to nobody" in told.flat_text
    assert network.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 0


def test_a_former_members_reply_to_an_open_ballot_still_reaches_the_coordinators(network, monkeypatch):
    li_removed_then_answers(network, monkeypatch, "no", "No")
    assert network.messages_to("amina@example.org", network.new_messages())


def test_a_late_reply_to_a_closed_secret_ballot_leaves_the_processed_folder(network):
    from tests.test_privacy_processed import _processed_message_ids
    ballots = network.open_vote("[Vote] Adopt the plan", "Secret: yes\nCloses: in 2 days\n\nThat we adopt the plan.")
    network.advance(days=3)
    network.step()                                    # the ballot closes; its replies' raw copies go
    network.new_messages()
    late = network.reply(ballots["jean@example.org"], "Non, zqlateCANARY")["Message-ID"]
    network.step()
    network.only_message_to("jean@example.org", network.new_messages())  # told it came too late
    assert late not in _processed_message_ids(network)


def test_a_former_members_secret_reply_leaves_the_processed_folder(network, monkeypatch):
    from tests.test_privacy_processed import _processed_message_ids
    reply = li_removed_then_answers(network, monkeypatch, "yes", "No, zqformerCANARY")
    assert reply not in _processed_message_ids(network)  # the round that read it removed it
    assert network.db.execute("SELECT count(*) FROM raw_removals WHERE done_at IS NOT NULL").fetchone()[0] == 1
