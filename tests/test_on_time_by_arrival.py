""""On time" is when a message reached the mailbox, not when Convenor read it.

The daemon is down over a close; answers that reached Dovecot (INTERNALDATE) or the Maildir
(the file's delivery time) before the close count when it comes back, answers that reached it
after the close do not, and the close itself waits for the mail taken in the same round.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures_convenor import Network, roster

MEMBERS = roster("amina", "jean", "li", "sofia", "kofi", "rosa", "omar",
                 subcommittees={"Awareness": ("amina", "jean", "li")})
# "in 7 days" from Monday 2027-01-04 09:00 Toronto: Monday 2027-01-11 17:00 EST = 22:00 UTC.
CLOSE = datetime(2027, 1, 11, 22, 0, tzinfo=timezone.utc)
# "in 10 days": Thursday 2027-01-14 17:00 EST = 22:00 UTC.
DEADLINE = datetime(2027, 1, 14, 22, 0, tzinfo=timezone.utc)


@pytest.fixture(params=["dovecot", "maildir"])
def net(request, tmp_path):
    stack = request.getfixturevalue("mail_stack") if request.param == "dovecot" else None
    network = Network(tmp_path, stack=stack, members=MEMBERS)
    yield network
    network.close()


def test_votes_that_reached_the_mailbox_before_the_close_count_though_the_daemon_was_down(net):
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget",
             "Closes: in 7 days\n\nThat the network adopts the 2027 budget.\n")
    net.step()
    ballots = {m.to: m for m in net.new_messages() if "Vote opened" not in m.subject}
    assert len(ballots) == 7

    net.advance(hours=2)
    net.reply(ballots["li@example.org"], "YES")
    net.step()
    assert "is recorded: Yes." in net.only_message_to("li@example.org", net.new_messages()).text

    net.close()                                           # the daemon goes down
    net.set_time(CLOSE - timedelta(hours=1))              # an hour before the close
    for voter in ("sofia@example.org", "kofi@example.org", "rosa@example.org"):
        net.reply(ballots[voter], "Yes")
    net.set_time(CLOSE + timedelta(minutes=30))           # half an hour after it
    net.reply(ballots["omar@example.org"], "No")

    net.set_time(CLOSE + timedelta(hours=2))              # the daemon comes back
    net.step()
    out = net.new_messages()
    for voter in ("sofia@example.org", "kofi@example.org", "rosa@example.org"):
        receipt, result = sorted(net.messages_to(voter, out), key=lambda m: "result" in m.subject.lower())
        assert "is recorded: Yes." in receipt.text, receipt.text
        assert "ADOPTED" in result.text
    late = [m for m in net.messages_to("omar@example.org", out) if "closed" in m.subject]
    assert len(late) == 1 and "not counted" in late[0].text
    assert "5:00 PM" in late[0].text                     # the close it missed, in the network's zone
    roll = [m for m in net.messages_to("amina@example.org", out) if "roll" in m.subject]
    assert len(roll) == 1
    assert "Yes: 4" in roll[0].text and "No: 0" in roll[0].text
    assert "Turnout: 4 of 7 eligible members (57.1%); quorum 50%: reached." in roll[0].text
    assert "Omar Haddad: (no vote)" in roll[0].text


def test_draft_feedback_that_reached_the_mailbox_before_the_deadline_is_in_the_digest(net):
    net.send("Amina Diallo <amina@example.org>", "[Draft] Brochure",
             "Audience: subcommittee Awareness\nDeadline: in 10 days\n\nThe spring brochure.\n",
             attachments=[("brochure.pdf", "application/pdf", b"%PDF-1.4 brochure")])
    net.step()
    copies = {m.to: m for m in net.new_messages() if m.to != "amina@example.org"}
    assert sorted(copies) == ["jean@example.org", "li@example.org"]

    net.close()                                           # the daemon goes down
    net.set_time(DEADLINE - timedelta(minutes=20))
    net.reply(copies["li@example.org"], "Page 2: the hotline number is wrong.")
    net.set_time(DEADLINE + timedelta(minutes=10))
    net.reply(copies["jean@example.org"], "Trop tard, mais : la page 3 est bien.")
    net.set_time(DEADLINE + timedelta(hours=3))           # back after the deadline
    net.step()
    out = net.new_messages()
    li = net.only_message_to("li@example.org", out)
    assert "LATE" not in li.text and "late" not in li.subject.lower()
    to_amina = net.messages_to("amina@example.org", out)
    digest = [m for m in to_amina if "Feedback digest" in m.subject]
    assert len(digest) == 1
    assert "1 of 2 members answered" in digest[0].text
    assert "the hotline number is wrong" in digest[0].text
    assert "la page 3" not in digest[0].text
    stamp = re.search(r"-- (.+)", digest[0].text).group(1)
    assert "4:40" in stamp                                # when it arrived (16:40 in Toronto), not 20:00
    late = [m for m in to_amina if "LATE" in m.text]
    assert len(late) == 1 and "la page 3" in late[0].text
    assert "retard" in net.only_message_to("jean@example.org", out).text.lower()


def test_a_coordinator_s_in_7_days_counts_from_when_the_mail_arrived_not_when_it_was_read(net):
    net.close()                                           # the daemon is down when the items arrive
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget",
             "Closes: in 7 days\n\nThat the network adopts the 2027 budget.\n")
    net.send("Amina Diallo <amina@example.org>", "[Draft] Brochure",
             "Audience: subcommittee Awareness\nDeadline: in 10 days\n\nThe spring brochure.\n",
             attachments=[("brochure.pdf", "application/pdf", b"%PDF-1.4 brochure")])
    net.set_time(net.now + timedelta(days=1, hours=3))    # back the next day
    net.step()
    net.new_messages()
    vote = net.db.execute("select closes_at from votes").fetchone()[0]
    draft = net.db.execute("select deadline_at from drafts").fetchone()[0]
    assert vote.startswith("2027-01-11") and "22:00" in vote, vote          # CLOSE, as if read at once
    assert draft.startswith("2027-01-14") and "22:00" in draft, draft       # DEADLINE


def test_a_vote_closed_while_the_daemon_was_down_is_counted_and_dated_as_at_its_deadline(net):
    """Whatever the close decides (who was on leave, so outside the quorum; the close time each
    person is told) is judged at the deadline, not when the daemon came back."""
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the budget",
             "Closes: in 7 days\nQuorum: 50%\n\nThat the network adopts the 2027 budget.\n")
    net.step()
    ballots = {m.to: m for m in net.new_messages() if "Vote opened" not in m.subject}
    assert len(ballots) == 7
    for away in ("sofia@example.org", "kofi@example.org", "rosa@example.org"):  # on leave through the close day
        net.send(away, "AWAY until 2027-01-11", "AWAY until 2027-01-11")
    net.advance(hours=1)
    net.reply(ballots["amina@example.org"], "YES")
    net.reply(ballots["li@example.org"], "YES")
    net.step()
    net.new_messages()

    net.close()                                               # down from before the close …
    net.set_time(CLOSE + timedelta(hours=14))                 # … to the next morning, leave over
    net.step()
    out = net.new_messages()
    roll = [m for m in net.messages_to("amina@example.org", out) if "roll" in m.subject]
    assert len(roll) == 1
    assert "Turnout: 2 of 4 members counted for the quorum (50%); quorum 50%: reached." in roll[0].text, roll[0].text
    assert "On leave at the close: Kofi Mensah, Rosa Lima, Sofia Martins" in roll[0].text
    assert "closed on Monday, January 11, 2027, 5:00 PM" in roll[0].text
    result = net.only_message_to("li@example.org", out)
    assert "ADOPTED" in result.text and "5:00 PM" in result.text and "7:00 AM" not in result.text

    net.advance(hours=1)                                      # a vote after the close, read later still
    net.reply(ballots["omar@example.org"], "No")
    net.step()
    late = net.only_message_to("omar@example.org", net.new_messages())
    assert "not counted" in late.text and "5:00 PM" in late.text and "7:00 AM" not in late.text, late.text


def test_a_coordinator_s_close_or_cancel_counts_as_at_its_arrival_though_read_after_the_close(net):
    """The daemon was down over the close. A CANCEL that arrived after the close finds the vote
    closed by its deadline (its result goes out), as without the downtime; a CLOSE that arrived
    before it closes the vote as at that moment: the vote it missed is late."""
    for title in ("Adopt the budget", "Adopt the terms"):
        net.send("Amina Diallo <amina@example.org>", f"[Vote] {title}",
                 "Closes: in 7 days\n\nThat the network adopts it.\n")
    net.step()
    out = net.new_messages()
    confirmations = sorted((m for m in out if "Vote opened" in m.subject), key=lambda m: m.subject)
    ballots = {(m.to, m.subject[:7]): m for m in out if "Vote opened" not in m.subject}
    for vote in ("[Vote 1", "[Vote 2"):
        net.reply(ballots[("li@example.org", vote)], "YES")
    net.step()
    net.new_messages()

    net.close()
    net.set_time(CLOSE - timedelta(hours=1))                # 4:00 PM: close Vote 2 early
    net.reply(confirmations[1], "CLOSE")
    net.set_time(CLOSE - timedelta(minutes=30))            # 4:30 PM: a vote on Vote 2, after its CLOSE
    net.reply(ballots[("sofia@example.org", "[Vote 2")], "YES")
    net.set_time(CLOSE + timedelta(minutes=30))            # 5:30 PM: CANCEL Vote 1, after its close
    net.reply(confirmations[0], "CANCEL")
    net.set_time(CLOSE + timedelta(hours=3))               # the daemon comes back
    net.step()
    out = net.new_messages()

    assert not [m for m in out if "cancelled" in m.subject.lower() or "annulé" in m.subject.lower()]
    results = [m for m in net.messages_to("li@example.org", out) if "Result" in m.subject]
    assert sorted(m.subject for m in results) == ["[Vote 1] Result: Adopt the budget",
                                                   "[Vote 2] Result: Adopt the terms"], [m.subject for m in out]
    by_vote = {m.subject[:7]: m.text for m in results}
    assert "5:00 PM" in by_vote["[Vote 1"] and "8:00 PM" not in by_vote["[Vote 1"]
    assert "4:00 PM" in by_vote["[Vote 2"] and "8:00 PM" not in by_vote["[Vote 2"]
    answer = [m for m in net.messages_to("amina@example.org", out) if "Vote opened" in m.subject]
    assert len(answer) == 1 and "is already closed; nothing was changed" in answer[0].text
    assert "not understood" not in answer[0].text
    late = [m for m in net.messages_to("sofia@example.org", out) if "closed" in m.subject]
    assert len(late) == 1 and "not counted" in late[0].text and "4:00 PM" in late[0].text
