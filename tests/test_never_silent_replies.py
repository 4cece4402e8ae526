"""Never silent, for replies: over Dovecot + SMTP, every reply that cannot be acted on (empty,
after the item ended, on someone else's copy, a coordinator's word Convenor does not know) gets an
answer that says what was understood and what to write instead, or reaches the coordinators."""
from __future__ import annotations

import pytest

from convenor.cli import main
from tests.fixtures_convenor import Network
from tests.test_never_silent import MEMBERS

AMINA = "Amina Diallo <amina@example.org>"


@pytest.fixture
def net(mail_stack, tmp_path, monkeypatch):
    network = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)
    yield network
    network.close()


def _items(net):
    """A vote, an announced meeting, a date poll and a draft, all for the core members."""
    net.send(AMINA, "[Vote] Budget 2027", "Closes: in 7 days\n\nThat the network adopts the 2027 budget.\n")
    net.send(AMINA, "[Meeting] Team day", "When: 2027-02-10 18:00\nAudience: core\n")
    net.send(AMINA, "[Meeting] Planning day", "Candidates: 2027-02-16 18:00; 2027-02-18 18:00\nAudience: core\n")
    net.send(AMINA, "[Draft] Leaflet", "Audience: core\nDeadline: in 10 days\n\nComments please.",
             attachments=[("leaflet.pdf", "application/pdf", b"%PDF-1.4 leaflet")])
    net.step()
    out = net.new_messages()

    def find(address, *words):
        return next(m for m in net.messages_to(address, out) if all(w in m.subject for w in words))
    net.advance(hours=1)
    return find


def answers(net, out, address):
    return [m.subject for m in net.messages_to(address, out)]


def test_each_reply_that_cannot_act_gets_an_answer(net):
    find = _items(net)
    net.reply(find("li@example.org", "[Meeting 1]", "Team day"), "")              # empty, to a meeting
    net.reply(find("sofia@example.org", "can you come"), "")                       # empty, to a poll
    net.reply(find("omar@example.org", "[Vote 1]"), "")                            # empty, to a ballot
    net.reply(find("li@example.org", "[Draft 1]"), "")                             # empty, to a draft
    net.reply(find("jean@example.org", "[Scrutin 1]"), "OUI", sender="sofia@example.org")  # someone else's ballot
    net.reply(find("amina@example.org", "Vote opened"), "Thanks!")                 # a word Convenor does not know
    net.reply(find("amina@example.org", "[Draft 1]", "Circulated"), "Great, thanks")
    net.step()
    out = net.new_messages()
    li = answers(net, out, "li@example.org")
    assert "[Meeting 1] Nothing recorded" in li and any("[Draft 1]" in s for s in li) and len(li) == 2
    empty = next(m for m in net.messages_to("li@example.org", out) if "Nothing recorded" in m.subject)
    assert "was empty" in empty.text and "agenda" in empty.text and "calendar" in empty.text
    sofia = net.messages_to("sofia@example.org", out)
    assert sorted(m.subject for m in sofia) == ["[Meeting 2] Which dates suit you?",
                                                "[Test Network] Not recorded: you answered another member's copy"]
    not_yours = next(m for m in sofia if "Not recorded" in m.subject)
    assert "sent to another member" in not_yours.text and "jean" not in not_yours.text.lower()
    assert answers(net, out, "omar@example.org") == ["[Vote 1] Your vote could not be read"]
    assert len(answers(net, out, "jean@example.org")) == 1                           # the owner is told too
    amina = [m.text for m in net.messages_to("amina@example.org", out)]
    assert len(amina) == 2 and any('("Thanks!") was not understood' in t for t in amina)
    assert any("did not ask for a change I understand" in t for t in amina)
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 0


def test_replies_after_an_item_ended_are_answered_or_reach_the_coordinators(net, capsys):
    find = _items(net)
    ballot, poll = find("omar@example.org", "[Vote 1]"), find("sofia@example.org", "can you come")
    team_day, poll_confirmation = find("li@example.org", "[Meeting 1]", "Team day"), find("amina@example.org", "Date poll sent")
    net.reply(find("amina@example.org", "Vote opened"), "CANCEL")
    net.reply(poll_confirmation, "CLOSE")
    net.step()
    assert main(["--config", str(net.config), "meetings", "cancel", "1"]) == 0
    net.step()
    net.new_messages()
    net.advance(hours=1)
    net.reply(ballot, "YES")                                       # the vote was cancelled
    net.reply(poll, "1")                                           # the poll is closed
    net.reply(poll_confirmation, "CLOSE")                          # closed already
    net.reply(team_day, "Can we add the budget?")                  # the meeting was cancelled
    net.step()
    out = net.new_messages()
    omar = answers(net, out, "omar@example.org")   # a coordinator: he also gets Li's message
    assert "[Vote 1] This vote has been cancelled" in omar and len(omar) == 2
    assert answers(net, out, "sofia@example.org") == ["[Meeting 2] This poll is closed"]
    li = net.only_message_to("li@example.org", out)
    assert li.subject.startswith("Passed on to the coordinators")
    closed = [m for m in net.messages_to("amina@example.org", out) if "[Meeting 2]" in m.subject]
    assert len(closed) == 1 and "already closed" in closed[0].text and "CHOOSE" in closed[0].text
    forwarded = next(m for m in net.messages_to("omar@example.org", out) if "Not understood" in m.subject)
    assert "Can we add the budget?" in forwarded.text
