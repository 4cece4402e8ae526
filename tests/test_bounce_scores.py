"""Bounces scored as mature list servers do, over the real Dovecot + SMTP stack: permanent adds
more than temporary, one a day counts, scores fade, a threshold marks the member; policy
refusals (the network's own setup) count against nobody and reach the coordinators once a day;
a member who writes in, or whose mail is accepted again, is cleared."""
from __future__ import annotations

from store import members
from tests.dsn import delivery_report
from tests.fixtures_convenor import Network
from tests.smtp_servers import ProviderProfile

def dsn(to: str, failed: str, status: str, diagnostic: str, original: bytes) -> bytes:
    return delivery_report(to, failed, status, original, diagnostic, reporter="mx.example.net")


def bounce_help(network: Network, address: str, status: str = "5.1.1",
                diagnostic: str = "550 5.1.1 <{a}>: Recipient address rejected: User unknown") -> list:
    """Convenor writes to the member (the help text, as after a HELP); it comes back as a bounce."""
    write_to(network, address)
    sent = network.only_message_to(address, network.new_messages())
    network.deliver(dsn(sent.envelope_from, address, status, diagnostic.format(a=address), sent.data),
                    rcpt=sent.envelope_from)
    network.step()
    return network.new_messages()  # what Convenor sent about the bounce


def write_to(network: Network, address: str) -> None:
    """Convenor writes to the member (as a reminder or a ballot would) and sends it."""
    from store.db import transaction
    from workflows.routing.context import Context
    with transaction(network.db):
        Context(network.db, network.start().rules, network.now).send(member(network, address), "help", subcommittees=[])
    network.step()


def member(network: Network, address: str) -> dict:
    return members.get_by_email(network.db, address)


def test_permanent_bounces_mark_a_member_at_the_threshold_one_a_day(network):
    for day in range(4):
        assert bounce_help(network, "li@example.org") == []  # nobody told yet
        assert bounce_help(network, "li@example.org") == []  # a second bounce the same day does not count
        assert member(network, "li@example.org")["bounce_score"] == day + 1
        assert member(network, "li@example.org")["bouncing"] == 0
        network.advance(days=1)
    (told,) = bounce_help(network, "li@example.org")
    li = member(network, "li@example.org")
    assert li["bounce_score"] == 5 and li["bouncing"] == 1
    assert told.to == "amina@example.org" and "Li Wei" in told.subject


def test_a_temporary_bounce_adds_less_and_scores_fade(network):
    bounce_help(network, "li@example.org", "4.2.2", "452 4.2.2 mailbox full")
    assert member(network, "li@example.org")["bounce_score"] == 0.5
    network.advance(days=1)
    bounce_help(network, "li@example.org")
    assert member(network, "li@example.org")["bounce_score"] == 1.5
    network.advance(days=8)  # no bounce for longer than bounces.fade_after_days (7)
    bounce_help(network, "li@example.org")
    assert member(network, "li@example.org")["bounce_score"] == 1.0  # started again


def test_a_member_who_writes_in_is_cleared(network):
    network.settings.bounces.threshold = 1.0
    bounce_help(network, "li@example.org")
    assert member(network, "li@example.org")["bouncing"] == 1
    network.new_messages()
    network.advance(hours=2)
    network.send("li@example.org", "status", "STATUS")
    network.step()
    li = member(network, "li@example.org")
    assert li["bouncing"] == 0 and li["bounce_score"] == 0


def test_a_forged_message_in_a_bouncing_members_name_does_not_clear_the_mark(network):
    network.settings.bounces.threshold = 1.0
    bounce_help(network, "li@example.org")
    network.new_messages()
    network.advance(hours=2)
    network.send("li@example.org", "status", "STATUS", authenticated=None)  # anyone can write this From
    network.send("li@example.org", "status", "STATUS", authenticated="fail")
    network.step()
    li = member(network, "li@example.org")
    assert li["bouncing"] == 1 and li["bounce_score"] == 1.0


def test_a_member_whose_mail_is_accepted_again_is_cleared(network):
    network.settings.bounces.threshold = 1.0
    bounce_help(network, "li@example.org")
    network.advance(days=1)
    write_to(network, "li@example.org")  # Convenor keeps writing to Li; nothing bounces any more
    network.advance(days=6)
    network.step()
    assert member(network, "li@example.org")["bouncing"] == 1  # not yet: the bounce is 7 days old only
    network.advance(days=2)
    network.step()
    assert member(network, "li@example.org")["bouncing"] == 0


def test_a_policy_refusal_counts_against_nobody_and_reaches_the_coordinators_once_a_day(network):
    dmarc = "550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy"
    (notice,) = bounce_help(network, "li@example.org", "5.7.26", dmarc)
    assert bounce_help(network, "sofia@example.org", "5.7.26", dmarc) == []  # once a day
    assert notice.to == "amina@example.org"
    assert notice.subject.endswith("The network's mail is being refused by example.org")
    assert "The network's mail is being refused by example.org: 550 5.7.26 Unauthenticated" in notice.text
    for address in ("li@example.org", "sofia@example.org"):
        assert member(network, address)["bounce_score"] == 0 and member(network, address)["bouncing"] == 0
    network.advance(days=1)
    (again,) = bounce_help(network, "li@example.org", "5.7.1",
                           "554 5.7.1 Service unavailable; Client host blocked using Spamhaus")
    assert "Spamhaus" in again.text


def test_a_policy_refusal_while_sending_marks_nobody(mail_stack, tmp_path):
    people = [("Amina Diallo", "amina@example.org", "core", True, "en", [])] + [
        (f"Member {i}", f"m{i}@{'strict.example' if i < 3 else 'example.org'}", "core", False, "en", [])
        for i in range(6)]
    network = Network(tmp_path, stack=mail_stack, members=people)
    mail_stack.capture.provider = ProviderProfile(lambda: network.now, policy_domains={
        "strict.example": "550 5.7.1 Message rejected: the sending domain's DMARC policy"})
    try:
        network.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the terms",
                     "Closes: in 7 days\n\nThat the network adopts the terms.\n")
        network.step()
        out = network.new_messages()
        assert sorted(m.to for m in out if m.subject == "[Vote 1] Adopt the terms") == \
            ["amina@example.org"] + [f"m{i}@example.org" for i in range(3, 6)]
        refused = [m for m in out if "refused by" in m.subject]
        assert [m.to for m in refused] == ["amina@example.org"]  # once, not once per member
        assert "strict.example: 550 5.7.1 Message rejected" in refused[0].text
        assert not [m for m in out if "could not be delivered" in m.subject]
        assert all(m["bouncing"] == 0 and m["bounce_score"] == 0 for m in members.all_members(network.db))
    finally:
        network.close()
