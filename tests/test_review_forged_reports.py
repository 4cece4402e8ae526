"""An attacker's review of feedback reports and bounces, over the real Dovecot + SMTP stack.

Anyone can write a feedback report (RFC 5965) or a delivery report: what may a stranger, or a
member holding a copy another member forwarded them, make the network do with one?
- a complaint stops a member's mail only when the report is verified (aligned DKIM/DMARC: the
  providers' feedback loops sign theirs) and does not come from a member's own address (a
  member is a person, not a provider); otherwise the coordinators are told and nothing stops;
- a report failing authentication is forged mail (set aside, within the forgery caps);
- forged reports and policy refusals cannot flood the coordinators: varied addresses, report
  types and domains reach them within daily caps.
"""
from __future__ import annotations

from store import members
from tests.dsn import delivery_report
from tests.fixtures_convenor import Network
from tests.test_feedback_reports import arf, help_to


def stopped(network: Network, address: str) -> bool:
    return bool(members.get_by_email(network.db, address)["mail_stopped"])


def test_an_unverified_complaint_with_a_members_token_stops_nothing_and_tells_the_coordinators(network):
    (copy,) = help_to(network, "li@example.org")
    # Sofia holds the copy Li forwarded her (as an attachment, headers and all) and writes a
    # report from an address of her own, with nothing signing it
    network.deliver(arf(network, "network@example.org", copy.data, envelope=copy.envelope_from), authenticated=None)
    network.step()
    (notice,) = network.new_messages()
    assert notice.to == "amina@example.org"
    assert "could not be verified" in notice.flat_text and "nothing was changed" in notice.flat_text
    assert not stopped(network, "li@example.org")
    assert [m.to for m in help_to(network, "li@example.org")] == ["li@example.org"]


def test_a_complaint_written_from_a_members_address_stops_nothing(network):
    (copy,) = help_to(network, "li@example.org")
    report = arf(network, "network@example.org", copy.data, envelope=copy.envelope_from).replace(
        b"Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.example>", b"Sofia <sofia@example.org>")
    network.deliver(report, authenticated="pass")          # Sofia's own provider signs it
    network.step()
    (notice,) = network.new_messages()
    assert notice.to == "amina@example.org" and "nothing was changed" in notice.flat_text
    assert not stopped(network, "li@example.org")


def test_a_complaint_failing_authentication_is_set_aside_as_forged(network):
    (copy,) = help_to(network, "li@example.org")
    network.deliver(arf(network, "network@example.org", copy.data, envelope=copy.envelope_from), authenticated="fail")
    network.step()
    assert not stopped(network, "li@example.org")
    state = network.db.execute("SELECT state, handler FROM inbound ORDER BY id DESC LIMIT 1").fetchone()
    assert state == ("quarantined", "authentication")


def test_a_verified_providers_complaint_still_stops_the_mail(network):
    (copy,) = help_to(network, "li@example.org")
    network.deliver(arf(network, "network@example.org", copy.data, envelope=copy.envelope_from), authenticated="pass")
    network.step()
    (notice,) = network.new_messages()
    assert "stopped" in notice.subject and stopped(network, "li@example.org")


def test_forged_reports_naming_many_addresses_and_types_do_not_flood_the_coordinators(network):
    network.settings.strangers.forwards_per_day = 10
    network.restart()
    for n in range(30):
        forged = (f"From: Network <network@example.org>\nTo: victim{n}@elsewhere.example\nSubject: Hi {n}\n"
                  f"Message-ID: <x{n}@elsewhere.example>\n\nNot ours.\n").encode()
        report = arf(network, "network@example.org", forged, rcpt=f"victim{n}@elsewhere.example",
                     feedback_type=["abuse", "fraud", f"type{chr(97 + n % 26)}" * 50][n % 3])
        network.deliver(report.replace(b"Message-ID: <arf-", f"Message-ID: <{n}-arf-".encode()), authenticated="pass")
    network.step()
    told = network.new_messages()
    assert 1 <= len(told) <= 3, [m.subject for m in told]  # one a day per type (abuse, fraud, other)
    assert all(len(m.subject) < 200 for m in told)
    # … and naming each member, with each registered type: at most the day's cap in all
    everyone = [row[0] for row in network.db.execute("SELECT email FROM members")]
    for n, (address, kind) in enumerate((a, k) for a in everyone for k in ("abuse", "fraud", "virus", "not-spam")):
        forged = f"From: N <network@example.org>\nTo: {address}\nSubject: {n}\n\nNot ours.\n".encode()
        report = arf(network, "network@example.org", forged, rcpt=address, feedback_type=kind)
        network.deliver(report.replace(b"Message-ID: <arf-", f"Message-ID: <m{n}-arf-".encode()), authenticated="pass")
    network.step()
    assert len(network.new_messages()) == 10 - len(told)
    network.advance(days=1)
    network.step()
    (summary,) = network.new_messages()
    assert "in Quarantine" in summary.subject and str(4 * len(everyone) - (10 - len(told))) in summary.subject


def test_forged_policy_refusals_naming_many_domains_do_not_flood_the_coordinators(network):
    original = (b"From: Test Network <network@example.org>\r\nTo: x@y.example\r\nSubject: Hi\r\n"
                b"Message-ID: <not-ours@elsewhere.example>\r\n\r\nhi\r\n")
    for n in range(20):
        network.deliver(delivery_report("network@example.org", f"someone@domain{n}.example", "5.7.1", original,
                                        f"550 5.7.1 Message rejected due to DMARC policy (domain{n})",
                                        reporter=f"mx.domain{n}.example"))
    network.step()
    told = network.new_messages()
    assert len(told) <= 1, [m.subject for m in told]


def test_a_forged_forwarded_bounce_without_our_token_marks_nobody(network):
    network.settings.bounces.threshold = 1.0
    (copy,) = help_to(network, "li@example.org")
    # a bounce claiming Li's address forwards to a failed target, but not sent to our bounce address
    # and carrying a copy that is not ours
    forged = (b"From: Test Network <network@example.org>\r\nTo: li@example.org\r\nSubject: Hi\r\n"
              b"Message-ID: <not-ours@elsewhere.example>\r\n\r\nhi\r\n")
    report = delivery_report("network@example.org", "li.forward@gone.example", "5.1.1", forged,
                             "550 5.1.1 user unknown").replace(
        b"Final-Recipient: rfc822; li.forward@gone.example\r\n",
        b"Original-Recipient: rfc822; li@example.org\r\nFinal-Recipient: rfc822; li.forward@gone.example\r\n")
    network.deliver(report)
    network.step()
    li = members.get_by_email(network.db, "li@example.org")
    assert li["bounce_score"] == 0 and li["bouncing"] == 0
    assert network.new_messages() == []


def test_a_complaint_about_the_only_coordinator_stops_nothing_and_tells_them(network):
    (copy,) = help_to(network, "amina@example.org")
    network.deliver(arf(network, "network@example.org", copy.data, envelope=copy.envelope_from, rcpt="amina@example.org"),
                    authenticated="pass")
    network.step()
    (notice,) = network.new_messages()  # before, Amina's mail was stopped and nobody was told
    assert notice.to == "amina@example.org" and "Your mail was not stopped" in notice.flat_text
    assert not stopped(network, "amina@example.org")
