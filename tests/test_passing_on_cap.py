"""What members write beside an answer (a question under their vote, a comment on a date poll, a
question in draft feedback) is passed on to the coordinators; one address could use it to flood
them. Over the real Dovecot + SMTP stack, with `trust.passed_on_per_sender_per_day` = 2: the
third such text of a UTC day from one address is not forwarded; its answer still counts, the
message is kept in the mailbox's Quarantine folder, the member is told (in their language), and
the coordinators get it counted by address in the next day's summary. Another address, and the
next day, pass on again."""
from __future__ import annotations

import json

import pytest

from tests.fixtures_convenor import TEST_AUTHSERV_ID, Network

TRUST = f'[trust]\nauthserv_id = "{TEST_AUTHSERV_ID}"\npassed_on_per_sender_per_day = 2\n'


@pytest.fixture
def net(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, trust=TRUST)
    yield network
    network.close()


def forwards_to_amina(messages) -> list:
    return [m for m in messages if m.to == "amina@example.org" and "in Quarantine" not in m.subject]


def test_past_the_days_cap_a_text_is_kept_in_quarantine_and_summarised_the_next_day(net: Network):
    ballots = net.open_vote("[Vote] Adopt the budget", "Closes: in 7 days\n\nThat we adopt the budget.")
    drafts = net.open_item("[Draft] Brochure", "Deadline: in 10 days\n\nPlease read.", "Circulated")
    polls = net.open_item("[Meeting] Spring", "Candidates: 2027-03-09 18:00; 2027-03-16 18:00\n\nSpring meeting.",
                          "Date poll sent")
    net.new_messages()

    net.reply(ballots["li@example.org"], "Yes\n\nWill the hotline still be funded next year?")
    net.reply(drafts["li@example.org"], "Is the hotline number on page 2 still the right one?")
    net.step()
    out = net.new_messages()
    assert len(forwards_to_amina(out)) == 2  # within the cap: both passed on at once
    assert "passed on to the coordinators" in net.messages_to("li@example.org", out)[0].flat_text

    # the third of the day: the availability counts, the question waits in Quarantine
    net.reply(polls["li@example.org"], "1\n\nCould we meet online instead of at the office this time?")
    net.step()
    out = net.new_messages()
    assert not forwards_to_amina(out)
    receipt = net.only_message_to("li@example.org", out)
    assert "Your availability is recorded" in receipt.subject
    assert "was kept for the coordinators but not passed on today" in receipt.flat_text
    assert "passed on to the coordinators, who will answer" not in receipt.flat_text
    assert net.stack.folder_counts().get("Quarantine") == 1

    # a vote changed with a fourth question: counted, kept too
    net.reply(ballots["li@example.org"], "No\n\nAnd who decided the cut, and why?")
    net.step()
    out = net.new_messages()
    assert not forwards_to_amina(out)
    vote_receipt = net.only_message_to("li@example.org", out)
    assert "is recorded: No." in vote_receipt.flat_text
    assert "not passed on today" in vote_receipt.flat_text
    assert net.stack.folder_counts().get("Quarantine") == 2

    # another address has its own count; a French member is told in French when held
    for n in range(3):
        net.reply(ballots["jean@example.org"], f"Oui\n\nQuestion {n} : pourquoi ce budget a-t-il changé ?")
        net.step()
    out = net.new_messages()
    assert len(forwards_to_amina(out)) == 2
    last = net.messages_to("jean@example.org", out)[-1]
    assert "pas transmis aujourd'hui" in last.flat_text and "résumé de demain" in last.flat_text

    net.advance(days=1)
    net.step()
    out = net.new_messages()
    (summary,) = [m for m in out if m.to == "amina@example.org" and "in Quarantine" in m.subject]
    assert summary.subject == "[Test Network] 3 more messages from members in Quarantine"
    assert "- li@example.org (Li Wei): 2" in summary.flat_text
    assert "- jean@example.org (Jean Tremblay): 1" in summary.flat_text
    assert "(at most 2)" in summary.flat_text and "The answers themselves counted" in summary.flat_text
    assert "hotline" not in summary.text  # counts, never a member's words

    # a new day: passed on again
    net.reply(ballots["li@example.org"], "Yes\n\nOne more question: is the vote binding?")
    net.step()
    assert len(forwards_to_amina(net.new_messages())) == 1


def test_a_draft_question_past_the_cap_waits_for_the_digest(net: Network):
    drafts = net.open_item("[Draft] Brochure", "Deadline: in 10 days\n\nPlease read.", "Circulated")
    for n in range(3):
        net.reply(drafts["sofia@example.org"], f"Question {n}: is the hotline number on page {n} right?")
        net.step()
    out = net.new_messages()
    assert len(forwards_to_amina(out)) == 2
    ack = net.messages_to("sofia@example.org", out)[-1]
    assert "is recorded" in ack.flat_text
    assert "Your question was not passed on to the draft's author at once" in ack.flat_text
    net.advance(days=11)
    net.step()
    digest = [m for m in net.new_messages() if m.to == "amina@example.org" and "page 2 right" in m.text]
    assert digest  # the held question is feedback all the same



def inbound_states(net: Network) -> list[tuple[str, str]]:
    """Each message's recorded state and the start of its reason, in arrival order."""
    return [(state, (error or "")[:21]) for state, error in net.db.execute("SELECT state, error FROM inbound ORDER BY id")]


def test_past_the_cap_an_answer_that_counted_is_recorded_as_answered_with_its_text_held(net: Network, capsys):
    """Li's third vote of the day carries a question: the vote counts (her receipt says so) and the
    question waits in Quarantine for the summary. Its record says both (`answered_held`), never
    'quarantined', which says nothing was acted on; an unclear answer past the cap, which changed
    nothing, is 'quarantined'. `convenor status` counts each."""
    ballots = net.open_vote("[Vote] Adopt the budget", "Closes: in 7 days\n\nThat we adopt the budget.")
    for n in range(2):
        net.reply(ballots["li@example.org"], f"Yes\n\nQuestion {n}: will the hotline still be funded next year?")
        net.step()
    assert len(forwards_to_amina(net.new_messages())) == 2
    net.reply(ballots["li@example.org"], "No\n\nAnd who decided the cut, and why?")
    net.step()
    receipt = net.only_message_to("li@example.org", net.new_messages())
    assert "is recorded: No." in receipt.flat_text and "not passed on today" in receipt.flat_text
    assert net.db.execute("SELECT choice FROM vote_events WHERE kind = 'vote' ORDER BY id DESC LIMIT 1").fetchone() == (1,)
    assert inbound_states(net)[-1] == ("answered_held", "held: not passed on: ")
    assert net.stack.folder_counts().get("Quarantine") == 1  # its question waits there

    net.reply(ballots["li@example.org"], "I am not sure yet, can you tell me who decided the cut and why?")
    net.step()
    clarification = net.only_message_to("li@example.org", net.new_messages())
    assert "not passed on today" in clarification.flat_text
    assert inbound_states(net)[-1] == ("quarantined", "held: not passed on: ")  # nothing counted
    assert net.stack.folder_counts().get("Quarantine") == 2

    from convenor import cli
    cli.main(["--config", str(net.config), "status"])
    assert ", 1 quarantined, 1 answered with a text held" in capsys.readouterr().out
    cli.main(["--config", str(net.config), "status", "--json"])
    listed = json.loads(capsys.readouterr().out)["quarantined"]  # both are in the Quarantine folder
    assert [q["error"][:21] for q in listed] == ["held: not passed on: "] * 2

    net.advance(days=1)
    net.step()
    (summary,) = [m for m in net.new_messages() if m.to == "amina@example.org" and "in Quarantine" in m.subject]
    assert "- li@example.org (Li Wei): 2 (1 counted, 1 counted nothing)" in summary.flat_text  # both, told apart
    assert ("1 of their answers counted as usual; the other 1 counted nothing (unclear, or on another "
            "member's copy)") in summary.flat_text
    assert "The answers themselves counted as usual" not in summary.flat_text


def test_past_the_cap_an_unclear_answer_alone_is_summarised_as_counting_nothing(net: Network):
    """Li's third text of the day comes with an unclear answer: nothing counted, her question waits
    in Quarantine ('quarantined'). The next day's summary must not say her answer counted."""
    ballots = net.open_vote("[Vote] Adopt the budget", "Closes: in 7 days\n\nThat we adopt the budget.")
    for n in range(2):
        net.reply(ballots["li@example.org"], f"Yes\n\nQuestion {n}: will the hotline still be funded next year?")
        net.step()
    net.reply(ballots["li@example.org"], "I am not sure yet, can you tell me who decided the cut and why?")
    net.step()
    assert inbound_states(net)[-1] == ("quarantined", "held: not passed on: ")
    net.new_messages()
    net.advance(days=1)
    net.step()
    (summary,) = [m for m in net.new_messages() if m.to == "amina@example.org" and "in Quarantine" in m.subject]
    assert "- li@example.org (Li Wei): 1" in summary.flat_text
    assert "counted as usual" not in summary.flat_text
    assert ("Its answer did not count (unclear, or on another member's copy): nothing was acted on; the messages "
            "are in the Quarantine folder") in summary.flat_text
    rules = net.start().rules  # a French coordinator reads the same
    french = " ".join(rules.renderer.render("strangers_summary", "fr", member={"name": "Jean"}, network=rules.network,
                                            held=0, day=net.now.date(), kept=[{"address": "li@example.org", "count": 1,
                                            "answered": 0, "member": None}], kept_total=1, kept_answered=0,
                                            kept_cap=2)[1].split())
    assert "ont compté normalement" not in french and "Sa réponse n'a pas compté" in french


def test_past_the_cap_a_vote_taken_for_an_automatic_reply_is_not_recorded_as_answered(net: Network):
    """Li has used her two texts of the day; her third answer comes under an 'Out of office:'
    subject, so it is taken for an automatic reply and its vote is not counted. Trying the vote
    (to tell the coordinators what it read as) met the cap, which marked it answered: undoing the
    vote must undo that too. Its record is 'quarantined', and the next summary asks the
    coordinators to have her answer again, never 'recorded as feedback'."""
    ballots = net.open_vote("[Vote] Adopt the budget", "Closes: in 7 days\n\nThat we adopt the budget.")
    for n in range(2):
        net.reply(ballots["li@example.org"], f"Yes\n\nQuestion {n}: will the hotline still be funded next year?")
        net.step()
    net.new_messages()
    ballot = ballots["li@example.org"]
    net.deliver(net.compose(ballot.to, "Out of office: Re: [Vote 1] Adopt the budget",
                            "No\n\nI'm away from tomorrow, so voting now. Who decided the cut, and why?",
                            to=ballot.reply_to, headers={"In-Reply-To": ballot.message_id}),
                authenticated="pass")
    net.step()
    assert not net.messages_to("li@example.org", net.new_messages())  # nothing answers a machine
    assert net.db.execute("SELECT count(*) FROM vote_events WHERE kind = 'vote'").fetchone() == (2,)
    assert inbound_states(net)[-1] == ("quarantined", "held: vote: reads as ")

    net.advance(days=1)
    net.step()
    summary = [m for m in net.new_messages() if m.to == "amina@example.org" and "looked automatic" in m.subject]
    assert len(summary) == 1
    assert "ask them to answer their ballot again" in summary[0].flat_text
    assert "recorded as feedback" not in summary[0].flat_text
