"""What members write beside an answer (a question under their vote, a comment on a date poll, a
question in draft feedback) is passed on to the coordinators; one address could use it to flood
them. Over the real Dovecot + SMTP stack, with `trust.passed_on_per_sender_per_day` = 2: the
third such text of a UTC day from one address is not forwarded; its answer still counts, the
message is kept in the mailbox's Quarantine folder, the member is told (in their language), and
the coordinators get it counted by address in the next day's summary. Another address, and the
next day, pass on again."""
from __future__ import annotations

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

