"""A vote, a meeting and an announcement whose copies are too large for the mail provider, over
the real Dovecot + an SMTP server playing a provider that states a small SIZE (so that a long
text is enough). Their copies carry no shared file (a ballot and an announcement are text; each
meeting invitation has its own .ics): the fan-out used to fail copy by copy, one "could not be
delivered" notice (or, for a meeting, one "too large" notice) per member. Now a refusal before
any copy was accepted stops the fan-out: the waiting copies are withdrawn and the item's author
alone (while an active coordinator) gets one notice, naming the item as members read it and saying
what to do. A refusal after copies were accepted is that member's (tests/test_sending_size_member_copy.py)."""
from __future__ import annotations

import pytest

from tests.fixtures_convenor import Network

MEMBERS = [
    ("Amina Diallo", "amina@example.org", "core", True, "en", []),
    ("Li Wei", "li@example.org", "core", True, "fr", []),
    ("Jean Tremblay", "jean@example.org", "core", False, "fr", []),
    ("Sofia Martins", "sofia@example.org", "core", False, "en", []),
    ("Priya Sharma", "priya@example.org", "associate", False, "en", []),
]
# about 134,000 characters in 400 lines: under the reading limits, over the provider's SIZE once sent
LONG = "\n".join(f"Paragraph {i}: " + "the network adopts the plan described in the annex, as amended. " * 5
                 for i in range(400))


def set_provider_size(mail_stack, limit: int) -> None:
    """The provider (the test's SMTP server) now states `SIZE limit` and refuses more."""
    capture = mail_stack.capture
    capture.stop()
    capture.size_limit = limit
    capture.start()


def network_with_provider_size(mail_stack, tmp_path, limit: int) -> Network:
    """A network whose provider (the test's SMTP server) states `SIZE limit` and refuses more."""
    set_provider_size(mail_stack, limit)
    return Network(tmp_path, stack=mail_stack, members=MEMBERS)


def paced_long_vote(mail_stack, tmp_path, per_minute: int) -> tuple[Network, list[str]]:
    """A network whose budget sends `per_minute` messages a minute, and Amina's vote with the long
    text, taken in: its first round went (her confirmation, then ballots); the network (to close)
    and who had a ballot in that round."""
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    net.settings.sending.provider = "custom"
    net.settings.sending.max_per_minute = per_minute
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the plan", "Closes: in 5 days\n\n" + LONG)
    net.step()
    first = net.new_messages()
    had_one = sorted(m.to for m in first if "Adopt the plan" in m.subject and "Vote opened" not in m.subject)
    assert len(first) == per_minute and len(had_one) == per_minute - 1
    return net, had_one


def rounds_after_the_limit_falls(net: Network, mail_stack, rounds: int) -> list:
    """The provider's limit falls below a ballot's size; what `rounds` more minutes of sending sent."""
    set_provider_size(mail_stack, 120_000)
    for _ in range(rounds):
        net.advance(minutes=1)
        net.step()
    return net.new_messages()


@pytest.fixture
def small_provider(mail_stack, tmp_path):
    net = network_with_provider_size(mail_stack, tmp_path, 120_000)  # the texts' confirmations fit
    yield net
    net.close()


def flat(text: str) -> str:
    return " ".join(text.split())


def states(net: Network, kind: str) -> dict:
    return dict(net.db.execute("SELECT state, count(*) FROM outbox WHERE kind = ? GROUP BY state", [kind]).fetchall())


def refused_vote(net: Network) -> list:
    """Amina opens a vote with the long text; what was sent: her confirmation, then the one notice
    that its ballots are too large, both to her alone (not to Li, the other coordinator)."""
    net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the plan", "Closes: in 5 days\n\n" + LONG)
    net.step()
    net.step()
    out = net.new_messages()
    assert [m.subject for m in out] == ["[Vote 1] Vote opened: Adopt the plan",
                                        "[Vote 1] Not sent: too large for the mail provider"]
    assert {m.to for m in out} == {"amina@example.org"}
    return out


def test_a_vote_too_large_stops_its_ballots_and_its_opener_is_told_once(small_provider):
    net = small_provider
    out = refused_vote(net)
    text = flat(out[1].text)
    assert '"Adopt the plan" could not go out: each copy is 0.2 MB,' in text
    assert "once its attachments are encoded" not in text  # a ballot has none
    assert "the mail provider takes at most 0.1 MB a message" in text
    assert "No member received it: this copy failed, and the 3 other copies waiting were withdrawn" in text
    # no member has a ballot: the vote is cancelled, never left open as if they had one
    assert ("Vote 1 is cancelled, since no member has a ballot: no reminder will go, and no result will be "
            "published.") in text
    assert "make its text shorter" in text and "open a new vote with the shorter text" in text
    assert "reply CANCEL" not in text
    assert states(net, "vote_ballot") == {"failed": 1, "withdrawn": 3}
    assert not net.db.execute("SELECT count(*) FROM outbox WHERE kind = 'delivery_failed'").fetchone()[0]
    assert net.db.execute("SELECT state, closed_how, result FROM votes WHERE id = 1").fetchone() == \
        ("cancelled", "too large for the mail provider", None)
    net.advance(days=6)  # past its reminders and its close: nothing more goes, no result over no ballots
    net.step()
    assert net.new_messages() == []
    net.reply(out[0], "CLOSE")  # its opener closing it from the confirmation is told it is over
    net.step()
    answer = net.only_message_to("amina@example.org", net.new_messages())
    assert "result" not in answer.subject.lower()


def test_a_vote_whose_last_ballots_are_refused_for_size_after_others_went_stays_open(mail_stack, tmp_path):
    """Convenor's budget sends 3 messages a minute; after the first round the provider's limit falls
    below a ballot's size: the last two ballots are refused. Copies of the same ballot were accepted
    before, so each refusal is that member's (`workflows.sending.size_refusal`): the vote stays open
    for those who had a ballot, and each coordinator is told once, in one notice naming every member
    left without one (it used to cancel the vote, over the ballots that went; then it sent each
    coordinator one notice per refused copy)."""
    net, had_one = paced_long_vote(mail_stack, tmp_path, 3)
    try:
        out = rounds_after_the_limit_falls(net, mail_stack, 4)  # three messages a minute
        assert not [m for m in out if "Not sent" in m.subject or "cancel" in m.subject.lower()]
        told = [m for m in out if "too large for the mail provider" in m.subject or "trop volumineux" in m.subject]
        missing = sorted(set(CORE) - set(had_one))
        assert len(missing) == 2 and sorted(m.to for m in told) == ["amina@example.org", "li@example.org"]
        names = {"jean@example.org": "Jean Tremblay", "sofia@example.org": "Sofia Martins"}
        notice = net.only_message_to("amina@example.org", told)
        assert notice.subject == "[Vote 1] Not delivered to 2 members: too large for the mail provider"
        assert all(f"{names[address]} <{address}>" in notice.flat_text for address in missing)
        assert "the provider takes at most 0.1 MB a message" in flat(notice.text)
        assert "Each of them has no ballot" in flat(notice.text)
        in_french = net.only_message_to("li@example.org", told)
        assert in_french.subject == "[Scrutin 1] Non remis à 2 membres : trop volumineux pour le fournisseur de messagerie"
        assert all(f"<{address}>" in in_french.flat_text for address in missing)
        assert "Chacun de ces membres n'a pas de bulletin" in flat(in_french.text)
        assert states(net, "vote_ballot") == {"sent": 2, "failed": 2}
        assert net.db.execute("SELECT state FROM votes WHERE id = 1").fetchone() == ("open",)
    finally:
        net.close()


def test_an_announcement_too_large_stops_at_once_and_its_author_is_told_once(small_provider):
    net = small_provider
    net.send("Li Wei <li@example.org>", "[Announce] The plan", "Audience: all\n\n" + LONG)
    net.step()
    net.step()
    out = net.new_messages()
    assert [m.to for m in out] == ["li@example.org", "li@example.org"]  # its receipt, then one notice
    notice = out[1]
    assert notice.subject == "[Annonce 1] Non envoyé : trop volumineux pour le fournisseur de messagerie"
    text = flat(notice.text)
    assert "« The plan » n'a pas pu partir : chaque copie fait 0,2 Mo, et" in text
    assert "n'accepte pas plus de 0,1 Mo par message" in text
    assert "Aucun membre ne l'a reçu : cette copie a échoué, et les 4 autres copies en attente ont été retirées" in text
    assert "raccourcissez son texte" in text
    assert states(net, "announce_message") == {"failed": 1, "withdrawn": 4}
    assert not net.db.execute("SELECT count(*) FROM outbox WHERE kind = 'delivery_failed'").fetchone()[0]


def call_long_meeting(net: Network) -> list:
    """Li calls a core meeting with the long text; what was sent in the two rounds that follow."""
    net.send("Li Wei <li@example.org>", "[Meeting] Planning day",
             "When: 2027-01-05 18:00\nWhere: Hall\nAudience: core\n\n" + LONG)
    net.step()
    net.step()
    return net.new_messages()


def test_a_meeting_invitation_too_large_gives_one_notice_for_the_meeting(mail_stack, tmp_path):
    net = network_with_provider_size(mail_stack, tmp_path, 200_000)  # its "Announced" confirmation fits
    try:
        out = call_long_meeting(net)
        assert [m.to for m in out] == ["li@example.org", "li@example.org"]  # its creator; not Amina
        assert out[0].subject.startswith("[Réunion 1] ")
        notice = out[1]
        assert notice.subject == "[Réunion 1] Non envoyé : trop volumineux pour le fournisseur de messagerie"
        text = flat(notice.text)
        assert "« Planning day » n'a pas pu partir" in text and "une fois les pièces jointes" not in text
        assert "les 3 autres copies en attente ont été retirées sans être envoyées (vous recevez ce seul avis" in text
        assert "En attendant, les membres qu'il n'a pas atteints n'ont pas d'invitation." in text
        assert states(net, "meeting_announce") == {"failed": 1, "withdrawn": 3}
        assert max(len(m["data"]) for m in mail_stack.capture.messages) < 200_000
    finally:
        net.close()


def test_a_too_large_personal_message_withdraws_no_other_members_message(small_provider):
    """Two coordinators answer two members' forwarded questions in the same second: both answers
    have the same kind and subject ("Re: your message to …") and no reply token. The first is too
    large for the provider; the second is another member's own message, not a copy of it: it
    still goes (it used to be withdrawn as "the same message", grouped by kind, subject and second)."""
    net = small_provider
    net.send("sofia@example.org", "A question", "Where will the plan be discussed?")
    net.send("priya@example.org", "Another question", "Can associates read the plan?")
    net.step()
    out = net.new_messages()
    to_sofia = next(m for m in net.messages_to("amina@example.org", out) if "Where will the plan" in m.text)
    to_priya = next(m for m in net.messages_to("li@example.org", out) if "Can associates read" in m.text)
    net.reply(to_sofia, "Sofia, here is the whole plan:\n\n" + LONG)
    net.reply(to_priya, "Priya, yes: associates read it too.", sender="Li Wei <li@example.org>")
    net.step()
    net.step()
    out = net.new_messages()
    answer = net.only_message_to("priya@example.org", out)
    assert answer.subject == "Re: your message to Test Network"
    assert "associates read it too" in answer.text
    assert not net.messages_to("sofia@example.org", out)  # hers was refused for its size
    # who wrote it learns it did not reach Sofia (and that Li answered Priya)
    (told,) = [m for m in net.messages_to("amina@example.org", out) if "could not be delivered" in m.subject]
    assert "Sofia Martins <sofia@example.org>" in told.flat_text
    assert states(net, "coordinator_answer") == {"failed": 1, "sent": 1}


def planned_meeting(mail_stack, tmp_path):
    """A network whose provider takes any size, and a meeting with a long text announced to the
    core members (Amina, Li, Jean, Sofia) by Li; then the provider takes at most 200,000 bytes (a
    new provider, a lowered limit): the meeting's long invitation no longer fits."""
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    out = call_long_meeting(net)
    announced = [m for m in out if m.subject.startswith("[Meeting 1] Planning day")
                 or m.subject.startswith("[Réunion 1] Planning day")]
    assert sorted(m.to for m in announced) == sorted(CORE)
    confirmation = next(m for m in out if m.to == "li@example.org" and m not in announced)
    set_provider_size(mail_stack, 150_000)
    return net, confirmation


CORE = ["amina@example.org", "li@example.org", "jean@example.org", "sofia@example.org"]


def test_a_meeting_change_too_large_tells_its_creator_and_the_cancellation_still_reaches_everyone(
        mail_stack, tmp_path):
    """The meeting moved after the provider's limit fell below its invitation's size: its update is
    refused at the first copy, the others are withdrawn, and Li (who created it) gets one notice
    saying that the members still have the previous date and what to do; the cancellation she then
    sends carries no description, so it fits and reaches every member who had the invitation."""
    net, confirmation = planned_meeting(mail_stack, tmp_path)
    try:
        net.reply(confirmation, "When: 2027-01-12 18:00", sender="Li Wei <li@example.org>")
        net.step()
        net.step()
        out = net.new_messages()
        assert {m.to for m in out} == {"li@example.org"}  # no member has the change
        notice = out[-1]
        assert notice.subject == "[Réunion 1] Non envoyé : trop volumineux pour le fournisseur de messagerie"
        text = flat(notice.text)
        assert "Aucun membre ne l'a reçu : cette copie a échoué, et les 3 autres copies en attente ont été retirées" in text
        assert ("Les membres qu'il n'a pas atteints ont toujours dans leur agenda la date, le lieu et l'appel "
                "précédents de la réunion.") in text
        assert "répondez ANNULER à la confirmation de la réunion" in text and "n'ont pas d'invitation" not in text
        assert states(net, "meeting_update") == {"failed": 1, "withdrawn": 3}
        assert not net.db.execute("SELECT count(*) FROM outbox WHERE kind = 'delivery_failed'").fetchone()[0]

        answer = next(m for m in out if m is not notice)  # the confirmation of the change
        net.reply(answer, "ANNULER", sender="Li Wei <li@example.org>")
        net.step()
        net.step()
        out = net.new_messages()
        cancelled = [m for m in out if m.subject.startswith(("[Meeting 1] Cancelled: Planning day, ",
                                                             "[Réunion 1] Annulée : Planning day, "))]
        assert sorted(m.to for m in cancelled) == sorted(CORE)  # each had the invitation
        assert all(len(m.data) < 150_000 for m in cancelled)
        ics = dict((name, data) for name, _, data in cancelled[0].attachments)["invite.ics"]
        assert b"METHOD:CANCEL" in ics and b"DESCRIPTION" not in ics and b"Paragraph" not in ics
        assert "Non envoyé" not in " ".join(m.subject for m in out)
    finally:
        net.close()


def test_a_meeting_whose_invitation_was_too_large_is_cancelled_without_telling_those_it_never_reached(
        mail_stack, tmp_path):
    """The meeting's invitation was refused for its size: no member has it. Li cancels it, as the
    notice says: no member gets a cancellation of a meeting they never heard of, and Li's
    confirmation says it is cancelled."""
    net = network_with_provider_size(mail_stack, tmp_path, 200_000)
    try:
        out = call_long_meeting(net)
        confirmation, notice = out
        text = flat(notice.text)
        assert "En attendant, les membres qu'il n'a pas atteints n'ont pas d'invitation." in text
        assert "répondez ANNULER à la confirmation de la réunion" in text
        net.reply(confirmation, "ANNULER", sender="Li Wei <li@example.org>")
        net.step()
        net.step()
        out = net.new_messages()
        assert [m.to for m in out] == ["li@example.org"]
        assert out[0].subject.startswith("[Réunion 1] Annulée")
        assert not states(net, "meeting_cancel")
    finally:
        net.close()


def test_a_vote_whose_only_ballot_is_refused_for_size_is_cancelled_and_its_opener_told_once(mail_stack, tmp_path):
    """Sofia is the one core member: the vote's fan-out is her ballot alone, and no other copy waits
    when the provider refuses it. It is still the vote's refusal, not one member's failed message:
    the vote is cancelled (never left open over an electorate with no ballot), Amina (who opened it)
    gets the one notice, and Sofia, who never had a ballot, hears nothing."""
    members = [("Amina Diallo", "amina@example.org", "associate", True, "en", []),
               ("Sofia Martins", "sofia@example.org", "core", False, "en", [])]
    set_provider_size(mail_stack, 120_000)
    net = Network(tmp_path, stack=mail_stack, members=members)
    try:
        text = flat(refused_vote(net)[1].text)
        assert "No member received it: its only copy failed." in text
        assert ("Vote 1 is cancelled, since no member has a ballot: no reminder will go, and no result will be "
                "published.") in text
        assert states(net, "vote_ballot") == {"failed": 1}
        assert not states(net, "delivery_failed")  # one notice, of the vote; not a member's failed message
        assert net.db.execute("SELECT state, closed_how FROM votes WHERE id = 1").fetchone() == \
            ("cancelled", "too large for the mail provider")
        net.advance(days=6)  # no reminder, no result over an electorate that never had a ballot
        net.step()
        assert net.new_messages() == []
    finally:
        net.close()


def test_a_vote_whose_very_last_ballot_is_refused_for_size_stays_open(mail_stack, tmp_path):
    """Four ballots a minute: the confirmation and three ballots go in the first round; then the
    provider's limit falls and the fourth ballot, the last of the fan-out, is refused. Three copies
    were accepted: the refusal is that member's, the vote stays open and the coordinators are told
    once, naming her (it used to cancel the vote)."""
    net, had_one = paced_long_vote(mail_stack, tmp_path, 4)
    try:
        out = rounds_after_the_limit_falls(net, mail_stack, 2)
        (missing,) = set(CORE) - set(had_one)
        notice = net.only_message_to("amina@example.org", out)
        assert f"<{missing}>" in notice.flat_text and "It had accepted 3 other members' copies" in flat(notice.text)
        assert states(net, "vote_ballot") == {"sent": 3, "failed": 1}
        assert net.db.execute("SELECT state FROM votes WHERE id = 1").fetchone() == ("open",)
    finally:
        net.close()


def test_a_ballot_sent_again_and_refused_for_size_leaves_the_vote_open(mail_stack, tmp_path):
    """Every elector has the ballot; then the provider's limit falls. Sofia writes "[Vote 1] yes" as a
    new message (no ballot token): her ballot is sent again to her alone. That message is no fan-out:
    its refusal is one member's failed message, so the vote stays open (Sofia still has the ballot she
    got, and so does every other elector) and the coordinators are told it could not be delivered."""
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    try:
        ballots = net.open_vote("[Vote] Adopt the plan", "Closes: in 5 days\n\n" + LONG)
        assert sorted(ballots) == sorted(CORE)
        set_provider_size(mail_stack, 120_000)
        net.send("Sofia Martins <sofia@example.org>", "[Vote 1] my vote", "Yes")
        net.step()
        net.step()
        out = net.new_messages()
        assert not net.messages_to("sofia@example.org", out)  # the ballot sent again was refused
        assert [m.subject for m in out if "Not sent" in m.subject] == []  # not the vote's refusal
        told = [m for m in out if "could not be delivered" in m.subject or "n'a pas pu être remis" in m.subject]
        assert sorted(m.to for m in told) == ["amina@example.org", "li@example.org"]  # the coordinators
        assert all("Sofia Martins <sofia@example.org>" in m.flat_text for m in told)
        assert net.db.execute("SELECT state FROM votes WHERE id = 1").fetchone() == ("open",)
        assert states(net, "vote_ballot") == {"sent": 4, "failed": 1}
        net.reply(ballots["sofia@example.org"], "Yes")  # her first ballot still counts her vote
        net.step()
        receipt = net.only_message_to("sofia@example.org", net.new_messages())
        assert "recorded" in receipt.flat_text.lower()
    finally:
        net.close()
