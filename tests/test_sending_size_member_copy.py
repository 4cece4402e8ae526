"""A copy of a fan-out refused for its size after the provider accepted others, over the real
Dovecot + an SMTP server playing a provider that refuses as too large (552 5.3.4) every message to
chosen recipients (their copy is longer, in their language; a limit of their own).

The copies the provider accepted show the message is not too large in general: such a refusal is
that member's failure. The item goes on (a vote stays open, its votes count, a secret ballot's
choices stay until its close), and the coordinators are told once per member and item, naming the
member, the item, and what they can do. Only when no copy of the fan-out was accepted yet does the
refusal stop the item (its waiting copies withdrawn, a vote cancelled, its opener told once)."""
from __future__ import annotations

from tests.fixtures_convenor import Network
from tests.test_sending_size_items import MEMBERS, flat, states

CORE = ["amina@example.org", "li@example.org", "jean@example.org", "sofia@example.org"]
EVERYONE = CORE + ["priya@example.org"]


def refusing(mail_stack, tmp_path, *addresses: str, per_minute: int | None = None) -> Network:
    """A network whose provider refuses as too large every message to `addresses` (and sends at
    most `per_minute` a minute, when given)."""
    mail_stack.capture.refuse_size_to = set(addresses)
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    if per_minute:
        net.settings.sending.provider = "custom"
        net.settings.sending.max_per_minute = per_minute
    return net


def told_of_size(messages: list) -> list:
    return [m for m in messages if "too large for the mail provider" in m.subject
            or "trop volumineux pour le fournisseur" in m.subject]


def ballots_in(messages: list) -> dict:
    return {m.to: m for m in messages if m.subject in ("[Vote 1] Adopt the plan", "[Scrutin 1] Adopt the plan")}


def written(net: Network, sender: str, subject: str, body: str) -> list:
    """`sender` writes to the list; what was sent in the two rounds that follow."""
    net.send(sender, subject, body)
    net.step()
    net.step()
    return net.new_messages()


def vote(net: Network, ballots: dict, answers: dict) -> None:
    for address, answer in answers.items():
        net.reply(ballots[address], answer)


def test_the_first_ballot_refused_before_any_was_accepted_cancels_the_vote(mail_stack, tmp_path):
    """(a) Li opens a vote; Amina's ballot, the fan-out's first copy, is refused and none was accepted
    yet: every copy would be refused alike. The vote is cancelled, Li told once, no ballot goes."""
    net = refusing(mail_stack, tmp_path, "amina@example.org")
    try:
        out = written(net, "Li Wei <li@example.org>", "[Vote] Adopt the plan", "Closes: in 5 days\n\nThat we adopt the plan.")
        assert [m.to for m in out] == ["li@example.org", "li@example.org"]  # her confirmation, one notice
        assert out[1].subject == "[Scrutin 1] Non envoyé : trop volumineux pour le fournisseur de messagerie"
        assert "Le Scrutin 1 est annulé, puisque aucun membre n'a de bulletin" in flat(out[1].text)
        assert states(net, "vote_ballot") == {"failed": 1, "withdrawn": 3}
        assert not states(net, "delivery_failed")
        assert net.db.execute("SELECT state, closed_how FROM votes WHERE id = 1").fetchone() == \
            ("cancelled", "too large for the mail provider")
        net.advance(days=6)
        net.step()
        assert net.new_messages() == []  # no ballot, reminder or result after it
    finally:
        net.close()


def test_a_ballot_refused_after_three_were_accepted_leaves_the_vote_open(mail_stack, tmp_path):
    """(b) Amina, Li and Jean's ballots are accepted, then Sofia's is refused as too large. The vote
    stays open: the three vote and are counted; each coordinator is told once, naming Sofia and her
    address, the vote, and how she can have her ballot again. Her reminder, refused too, tells no one
    again (once per member and item); her result, a message of its own, is named once."""
    net = refusing(mail_stack, tmp_path, "sofia@example.org")
    try:
        out = written(net, "Amina Diallo <amina@example.org>", "[Vote] Adopt the plan",
                      "Closes: in 5 days\n\nThat we adopt the plan.")
        ballots = ballots_in(out)
        assert sorted(ballots) == sorted(CORE[:3])
        assert not [m for m in out if "Not sent" in m.subject or "Non envoyé" in m.subject]
        told = told_of_size(out)
        assert sorted(m.to for m in told) == ["amina@example.org", "li@example.org"]  # the coordinators
        en = net.only_message_to("amina@example.org", told)
        assert en.subject == "[Vote 1] Not delivered to Sofia Martins: too large for the mail provider"
        text = flat(en.text)
        assert 'refused as too large the copy of Vote 1 "Adopt the plan" for Sofia Martins <sofia@example.org>' in text
        assert "It had accepted 3 other members' copies" in text
        assert "Vote 1 stays open, and every vote cast counts. Sofia Martins has no ballot" in text
        assert f'write to {net.list_address} with "[Vote 1]" in the subject' in text
        assert "552 5.3.4" in text
        fr = net.only_message_to("li@example.org", told)
        assert fr.subject == "[Scrutin 1] Non remis à Sofia Martins : trop volumineux pour le fournisseur de messagerie"
        assert "Le Scrutin 1 reste ouvert" in flat(fr.text)
        assert net.db.execute("SELECT state FROM votes WHERE id = 1").fetchone() == ("open",)
        assert states(net, "vote_ballot") == {"sent": 3, "failed": 1}

        vote(net, ballots, {"amina@example.org": "Yes", "li@example.org": "Oui"})
        net.step()
        receipts = net.new_messages()
        assert sorted(m.to for m in receipts) == ["amina@example.org", "li@example.org"]
        net.advance(days=4)  # the reminders: Jean's goes, Sofia's is refused again
        net.step()
        net.step()
        reminded = net.new_messages()
        assert [m.to for m in reminded] == ["jean@example.org"]
        vote(net, ballots, {"jean@example.org": "Non"})
        net.advance(days=2)  # past the close
        net.step()
        net.step()
        results = net.new_messages()
        # Sofia's result is refused too: a message of its own (no token names its vote), told once
        told = told_of_size(results)
        assert sorted(m.to for m in told) == ["amina@example.org", "li@example.org"]
        text = flat(net.only_message_to("amina@example.org", told).text)
        assert 'the copy of "[Vote 1] Result: Adopt the plan" for Sofia Martins' in text
        assert "Send it to Sofia Martins yourself" in text and "stays open" not in text
        assert sorted(m.to for m in results if "Result" in m.subject or "Résultat" in m.subject) == sorted(CORE[:3])
        row = net.db.execute("SELECT state, result FROM votes WHERE id = 1").fetchone()
        assert row[0] == "closed"
        counts = dict(net.db.execute("SELECT choice, count(*) FROM vote_choices WHERE vote_id = 1 GROUP BY choice"))
        assert counts == {0: 2, 1: 1}  # options 1 (Yes) and 2 (No)
    finally:
        net.close()


def test_an_announcement_refused_for_one_member_reaches_the_others(mail_stack, tmp_path):
    """(c) Li announces to all: Amina's, Li's and Jean's copies are accepted, Sofia's refused as too
    large, Priya's (after hers) accepted. The coordinators are told once, naming Sofia, and are not
    told to send the whole announcement again."""
    net = refusing(mail_stack, tmp_path, "sofia@example.org")
    try:
        out = written(net, "Li Wei <li@example.org>", "[Announce] The plan", "Audience: all\n\nThe plan is adopted.")
        copies = [m for m in out if "The plan" in m.subject and not told_of_size([m]) and m.to != "li@example.org"
                  or m.to == "li@example.org" and "The plan is adopted" in m.text]
        assert sorted(m.to for m in copies) == sorted(set(EVERYONE) - {"sofia@example.org"})
        assert not [m for m in out if "Not sent" in m.subject or "Non envoyé" in m.subject]
        told = told_of_size(out)
        assert sorted(m.to for m in told) == ["amina@example.org", "li@example.org"]
        text = flat(net.only_message_to("amina@example.org", told).text)
        assert "for Sofia Martins <sofia@example.org>" in text and "It had accepted 3 other members' copies" in text
        assert "Do not send the whole announcement again: the other members have it." in text
        assert "make its text shorter" not in text and "send it again" not in text
        assert "N'envoyez pas de nouveau toute l'annonce" in flat(net.only_message_to("li@example.org", told).text)
        assert states(net, "announce_message") == {"sent": 4, "failed": 1}
    finally:
        net.close()


def test_a_secret_ballot_refused_for_one_member_after_votes_were_cast_erases_nothing(mail_stack, tmp_path):
    """(d) A secret vote, paced at four messages a minute: Amina's confirmation and three ballots go
    in the first minute, and those three vote; in the next, Sofia's ballot is refused as too large.
    Nothing is erased: the vote stays open with its three choices, and its result counts them."""
    net = refusing(mail_stack, tmp_path, "sofia@example.org", per_minute=4)
    try:
        net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the plan",
                 "Closes: in 5 days\nSecret: yes\n\nThat we adopt the plan.")
        net.step()
        ballots = ballots_in(net.new_messages())
        assert sorted(ballots) == sorted(CORE[:3])
        vote(net, ballots, {"amina@example.org": "Yes", "li@example.org": "Oui", "jean@example.org": "Non"})
        for _ in range(4):  # the receipts and the notices, four a minute
            net.advance(minutes=1)
            net.step()
        out = net.new_messages()
        assert sorted(m.to for m in told_of_size(out)) == ["amina@example.org", "li@example.org"]
        assert not [m for m in out if "cancel" in m.subject.lower() or "annul" in m.subject.lower()]
        assert states(net, "vote_ballot") == {"sent": 3, "failed": 1}
        assert net.db.execute("SELECT state FROM votes WHERE id = 1").fetchone() == ("open",)
        counts = dict(net.db.execute("SELECT choice, count(*) FROM vote_choices WHERE vote_id = 1 GROUP BY choice"))
        assert counts == {0: 2, 1: 1}  # Yes twice, No once: not erased
        net.advance(days=6)
        for _ in range(4):
            net.step()
            net.advance(minutes=1)
        results = [m for m in net.new_messages() if "Result" in m.subject or "Résultat" in m.subject]
        assert sorted(m.to for m in results) == sorted(CORE[:3])
        assert "Yes: 2" in net.only_message_to("amina@example.org", results).flat_text
    finally:
        net.close()


def test_the_record_that_coordinators_were_told_of_a_member_names_no_address_and_is_purged(mail_stack, tmp_path):
    """Sofia's ballot is refused after three were accepted: the record that the coordinators were
    told of her (so her reminder, refused too, tells no one again) names her by member id on its
    day, and the daily privacy purge deletes it with the other notice records (it was kept for
    good, and for a copy to no member under its raw address)."""
    net = refusing(mail_stack, tmp_path, "sofia@example.org")
    try:
        net.settings.privacy.purge_after_days = 30
        out = written(net, "Amina Diallo <amina@example.org>", "[Vote] Adopt the plan",
                      "Closes: in 5 days\n\nThat we adopt the plan.")
        assert len(told_of_size(out)) == 2
        sofia = net.db.execute("SELECT id FROM members WHERE email = 'sofia@example.org'").fetchone()[0]
        kept = net.db.execute("SELECT address, day FROM notices WHERE kind LIKE 'size-refused%'").fetchall()
        assert kept == [(f"member {sofia}", net.now.date().isoformat())]
        net.advance(days=31)  # the vote closed meanwhile: her result, refused too, is a record of today
        net.step()
        net.step()
        assert net.db.execute("SELECT address, day FROM notices WHERE kind LIKE 'size-refused%'").fetchall() == \
            [(f"member {sofia}", net.now.date().isoformat())]
        assert "@" not in "".join(r[0] for r in net.db.execute("SELECT address FROM notices WHERE kind LIKE 'size%'"))
    finally:
        net.close()
