"""A vote as a network lives it, over the real Dovecot + SMTP stack, with the clock in hand.

Amina (coordinator) opens a vote among 9 core and 3 associate members; members vote by replying
from their mail clients in every way they do (top- and bottom-posted, French, HTML only, the
mailto link, changing their mind, unclear); an associate tries, a token is used from another
address, an out-of-office answers; the reminder, the close at a daemon restart, a late vote.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import parse_qs, unquote, urlsplit

from tests.fixtures_convenor import network_fixture, roster

MEMBERS = roster("amina", "jean", "li", "sofia", "kofi", "rosa", "omar", "nadia", "tom", "priya", "marc", "ana")
CORE = [m[1] for m in MEMBERS if m[2] == "core"]
# "in 7 days" from Monday 2027-01-04 09:00 Toronto: Monday 2027-01-11 17:00 EST = 22:00 UTC.
CLOSE = datetime(2027, 1, 11, 22, 0, tzinfo=timezone.utc)
REMINDER_2_DAYS = datetime(2027, 1, 9, 22, 0, tzinfo=timezone.utc)
MOTION = "Closes: in 7 days\n\nThat the network adopts the revised terms of reference circulated in December.\n"


net = network_fixture(MEMBERS)


def open_vote(net, subject="[Vote] Adopt the revised terms of reference", body=MOTION):
    net.send("Amina Diallo <amina@example.org>", subject, body)
    net.step()
    return net.new_messages()


def mailto_of(ballot, label):
    """(address, subject, body) of the ballot's mailto link for the option `label`."""
    found = re.search(rf"^\s*{re.escape(label)} ?: (mailto:\S+)\s*$", ballot.text, re.M)
    assert found, ballot.text
    link = found.group(1)
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    return unquote(parts.path), query["subject"][0], query["body"][0]


def recorded(receipt):
    return re.search(r"(?:is recorded|est enregistré) : ?(.+?)\.$|is recorded: (.+?)\.$", receipt.text, re.M)


def test_a_vote_among_nine_core_members_from_ballots_to_result(net):
    out = open_vote(net)
    ballots = [m for m in out if m.to != "amina@example.org" or "Vote opened" not in m.subject]
    assert sorted(m.to for m in ballots) == sorted(CORE)  # exactly 9 ballots, none to associates
    by = {m.to: m for m in ballots}
    for addr, ballot in by.items():
        assert ballot.rcpt_tos == [addr] and ballot.msg["Cc"] is None
        assert "+" in ballot.reply_to
        for other in CORE:
            assert other == addr or not re.search(rf"(?<![\w+.-]){re.escape(other)}", ballot.text)
    li = by["li@example.org"]
    assert li.subject == "[Vote 1] Adopt the revised terms of reference"
    assert "Reply with YES, NO or ABSTAIN (or the number of an option)." in li.text
    assert "Monday, January 11, 2027, 5:00 PM" in li.text and "That the network adopts" in li.text
    assert "Closes:" not in li.text
    jean = by["jean@example.org"]
    assert jean.subject == "[Scrutin 1] Adopt the revised terms of reference"
    assert "Répondez OUI, NON ou ABSTENTION" in jean.text and "lundi 11 janvier 2027" in jean.text
    confirmation = [m for m in out if "Vote opened" in m.subject]
    assert len(confirmation) == 1 and confirmation[0].to == "amina@example.org"
    assert "Vote 1" in confirmation[0].text and "Ballots sent: 9" in confirmation[0].text
    assert "CLOSE" in confirmation[0].text and "CANCEL" in confirmation[0].text

    net.advance(hours=1)
    net.reply(jean, "Oui, bien sûr.")                                   # French, top-posted
    net.reply(li, "YES", top_post=False)                                 # bottom-posted
    net.reply(by["nadia@example.org"], "Non.\n\nJe ne suis pas d'accord avec l'article 4.")
    net.reply(by["sofia@example.org"], "", html="<div dir='ltr'><b>No</b></div><br><div class='gmail_quote'>"
              "<blockquote>Reply with YES, NO or ABSTAIN</blockquote></div>")   # HTML only
    address, subject, body = mailto_of(by["kofi@example.org"], "Abstain")
    net.send("Kofi Mensah <kofi@example.org>", subject, body, to=address)  # through the mailto link
    net.reply(by["rosa@example.org"], "Yes")
    net.reply(by["omar@example.org"], "yes and no, honestly")           # ambiguous
    net.send("Priya Sharma <priya@example.org>", "[Vote 1] yes", "Yes from me!")  # an associate
    net.reply(by["tom@example.org"], "No", sender="marc@example.org")   # a real token, a forged From
    net.reply(by["tom@example.org"], "I am out of the office until January 18.", quote=False,
              headers={"Auto-Submitted": "auto-replied"})               # out of office: ignored
    net.step()
    answers = net.new_messages()
    assert sorted(m.to for m in answers) == sorted(["jean@example.org", "li@example.org", "nadia@example.org",
                                                    "sofia@example.org", "kofi@example.org", "rosa@example.org",
                                                    "omar@example.org", "priya@example.org", "tom@example.org",
                                                    "marc@example.org"])
    receipt = {m.to: m for m in answers}
    assert "enregistré : Oui." in receipt["jean@example.org"].text
    assert "is recorded: Yes." in receipt["li@example.org"].text
    assert "enregistré : Non." in receipt["nadia@example.org"].text
    assert "is recorded: No." in receipt["sofia@example.org"].text
    assert "is recorded: Abstain." in receipt["kofi@example.org"].text
    assert "is recorded: Yes." in receipt["rosa@example.org"].text
    assert "could not be read" in receipt["omar@example.org"].subject
    assert "yes and no, honestly" in receipt["omar@example.org"].text
    assert "Who may vote" in receipt["priya@example.org"].subject
    assert "Associate members" in receipt["priya@example.org"].text
    # Tom is told; the forger is a member (Marc), whose address Tom is not shown
    assert "nothing was recorded in your name" in receipt["tom@example.org"].subject
    assert "marc@example.org" not in receipt["tom@example.org"].text
    # Marc (verified) is told his reply on another member's copy recorded nothing, never whose copy it was
    assert "Non enregistré" in receipt["marc@example.org"].subject and "tom" not in receipt["marc@example.org"].text.lower()

    net.reply(receipt["rosa@example.org"], "NO\n\nSorry, I changed my mind.")        # a change of mind
    net.step()
    (changed,) = net.new_messages()
    assert changed.to == "rosa@example.org" and "is recorded: No." in changed.text
    assert "replaces the vote you sent earlier" in changed.text

    net.set_time(REMINDER_2_DAYS.replace(minute=1))
    net.step()
    reminders = net.new_messages()
    assert sorted(m.to for m in reminders) == ["amina@example.org", "omar@example.org", "tom@example.org"]
    assert all("Reminder" in m.subject for m in reminders)

    net.reply(receipt["omar@example.org"], "Yes")                          # clarifies
    net.reply(net.only_message_to("amina@example.org", reminders), "yes")
    net.step()
    assert sorted(m.to for m in net.new_messages()) == ["amina@example.org", "omar@example.org"]

    net.set_time(CLOSE)
    net.restart()                                                          # the daemon restarts at the close
    net.step()
    results = net.new_messages()
    net.restart()
    net.step()
    net.advance(minutes=5)
    net.step()
    assert net.new_messages() == []
    assert sorted(m.to for m in results) == sorted(CORE)                   # one result per recipient
    roll = net.only_message_to("amina@example.org", results)
    assert "roll" in roll.subject
    member_copy = net.only_message_to("li@example.org", results)
    # Yes: Jean, Li, Omar, Amina; No: Nadia, Sofia, Rosa; Abstain: Kofi; Tom did not vote.
    for text in (roll.text, member_copy.text):
        assert "The motion is ADOPTED" in text
        assert "Yes: 4" in text and "No: 3" in text and "Abstain: 1" in text
        assert "Turnout: 8 of 9 eligible members (88.9%); quorum 50%: reached." in text
    assert "Rosa Lima: No" in roll.text and "Tom Baker: (no vote)" in roll.text and "Kofi Mensah: Abstain" in roll.text
    assert "Rosa Lima" not in member_copy.text
    assert "ADOPTÉE" in net.only_message_to("jean@example.org", results).text

    net.advance(hours=1)
    net.reply(by["tom@example.org"], "Yes")                                # too late
    net.step()
    (late,) = net.new_messages()
    assert late.to == "tom@example.org" and "closed" in late.subject and "ADOPTED" in late.text


def test_a_secret_ballot_closed_by_the_coordinator_keeps_who_voted_but_not_how(net):
    out = open_vote(net, "[Vote] Elect the treasurer",
                    "Options: Maria Okafor; Kwame Asante\nSecret: yes\nQuorum: 30%\nCloses: in 3 days\n\n"
                    "Elect the network's treasurer for 2027.\n")
    by = {m.to: m for m in out if "Vote opened" not in m.subject}
    assert len(by) == 9
    assert "Reply with the number, the letter or the label" in by["li@example.org"].text
    confirmation = next(m for m in out if "Vote opened" in m.subject)
    net.reply(by["li@example.org"], "1")
    net.reply(by["jean@example.org"], "B")
    net.reply(by["sofia@example.org"], "Maria Okafor")
    net.step()
    receipts = net.new_messages()
    assert "is recorded: Maria Okafor." in net.only_message_to("li@example.org", receipts).text
    assert "enregistré : Kwame Asante." in net.only_message_to("jean@example.org", receipts).text

    from convenor.status import collect_status
    (item,) = [v for v in collect_status(net.db, net.now, net.settings.network.timezone)["votes"]["votes"] if v["ref"] == "Vote 1"]
    assert item["voted"] == 3 and item["tallies"] is None                  # turnout only while open

    net.reply(confirmation, "CLOSE")
    net.step()
    results = net.new_messages()
    assert sorted(m.to for m in results) == sorted(CORE)
    roll = net.only_message_to("amina@example.org", results)
    assert "Chosen: Maria Okafor." in roll.text and "Maria Okafor: 2" in roll.text
    assert "Li Wei" not in roll.text and "Sofia" not in roll.text         # no names in a secret result
    net.close()

    import sqlite3
    db = sqlite3.connect(str(net.folder / "convenor.db"))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.execute("SELECT count(*) FROM vote_choices WHERE vote_id = 1").fetchone()[0] == 3  # who voted: kept
    assert db.execute("SELECT count(*) FROM vote_choices WHERE choice IS NOT NULL").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM vote_events WHERE choice IS NOT NULL").fetchone()[0] == 0
    bodies = [r[0] + (r[1] or "") for r in db.execute("SELECT body_text, body_html FROM outbox")]
    assert not [b for b in bodies if "recorded: " in b or "enregistré : " in b]
    assert db.execute("SELECT count(*) FROM outbox WHERE kind = 'vote_receipt'").fetchone()[0] == 3
    db.close()
    raw = (net.folder / "convenor.db").read_bytes()
    assert b"is recorded: Maria" not in raw and b"enregistr\xc3\xa9 : Kwame" not in raw
