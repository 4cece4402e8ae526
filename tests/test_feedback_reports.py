"""Feedback reports (RFC 5965 abuse complaints from a member's provider), over the real Dovecot +
SMTP stack: what each person receives.

Chosen (the issue asked for a choice): a complaint that carries the token of a message we sent to
a member, in a report its provider signed (verified), stops all mail to that member, at once and never silently: each coordinator gets one
notice with the report attached, the member gets nothing more (no ballot, no reminder) until a
coordinator resumes their mail with `convenor members set EMAIL --resume-mail`. A report that
names only an address (anyone can write one), a "not-spam" report and an authentication-failure
report about our own domain stop nothing: the coordinators are told, once a day per kind and
address.
"""
from __future__ import annotations

from convenor import cli
from store import members
from tests.fixtures_convenor import Network

FBL = "Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.example>"


def arf(network: Network, to: str, original: bytes, feedback_type: str = "abuse",
        rcpt: str | None = "li@example.org", original_headers_only: bool = False, envelope: str = "") -> bytes:
    """A feedback report as a provider's feedback loop writes it, about `original` (as the
    provider kept it: with the Return-Path of `envelope` its delivery added, when given)."""
    headers, _, body = original.replace(b"\r\n", b"\n").partition(b"\n\n")
    if envelope:
        headers = f"Return-Path: <{envelope}>\n".encode() + headers
    returned = headers if original_headers_only else headers + b"\n\n" + body
    fields = (f"Feedback-Type: {feedback_type}\nUser-Agent: Yahoo!-Mail-Feedback/2.0\nVersion: 1\n"
              + (f"Original-Rcpt-To: <{rcpt}>\n" if rcpt else "")
              + "Arrival-Date: Mon, 04 Jan 2027 14:05:00 +0000\nSource-IP: 192.0.2.25\nReported-Domain: example.org\n")
    report = (f"From: {FBL}\nTo: {to}\nSubject: FW: complaint\nMessage-ID: <arf-{feedback_type}-{len(original)}@yahoo.example>\n"
            "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\n\n"
            "--F\nContent-Type: text/plain\n\nThis is an email abuse report for an email message received from IP 192.0.2.25.\n"
            f"--F\nContent-Type: message/feedback-report\n\n{fields}\n"
            f"--F\nContent-Type: {'text/rfc822-headers' if original_headers_only else 'message/rfc822'}\n\n").encode() \
        + returned + b"\n--F--\n"
    return report.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def help_to(network: Network, address: str):
    """Convenor writes to the member (the help text), as a ballot or a reminder would."""
    from store.db import transaction
    from workflows.routing.context import Context
    with transaction(network.db):
        Context(network.db, network.start().rules, network.now).send(
            members.get_by_email(network.db, address), "help", subcommittees=[])
    network.step()
    return network.new_messages()


def test_a_members_complaint_stops_their_mail_and_tells_each_coordinator(network, capsys, monkeypatch):
    network.send("amina@example.org", "[Vote] Open the new shelter", "That the network opens the shelter.")
    network.step()
    ballots = network.new_messages()
    li_ballot = network.only_message_to("li@example.org", ballots)
    network.new_messages()

    network.deliver(arf(network, "network@example.org", li_ballot.data), authenticated="pass")
    network.step()
    told = network.new_messages()
    assert [m.to for m in told] == ["amina@example.org"]  # the one coordinator; Li gets nothing
    (notice,) = told
    assert "Li Wei" in notice.subject and "stopped" in notice.subject
    assert "--resume-mail" in notice.text and "li@example.org" in notice.text
    assert any(name == "original.eml" for name, _, _ in notice.attachments)
    assert members.get_by_email(network.db, "li@example.org")["mail_stopped"]

    assert help_to(network, "li@example.org") == []  # nothing more goes to Li …
    assert [m.to for m in help_to(network, "sofia@example.org")] == ["sofia@example.org"]  # … others get theirs

    monkeypatch.setattr("convenor.cli_common.now", lambda: network.now)
    assert cli.main(["--config", str(network.config), "members", "set", "li@example.org", "--resume-mail"]) == 0
    assert not members.get_by_email(network.db, "li@example.org")["mail_stopped"]
    assert [m.to for m in help_to(network, "li@example.org")] == ["li@example.org"]


def test_a_second_report_about_a_stopped_member_tells_nobody_again(network):
    (sent,) = help_to(network, "li@example.org")
    # a report sent to our envelope sender, with the reported message's headers only
    network.deliver(arf(network, sent.envelope_from, sent.data, original_headers_only=True), rcpt=sent.envelope_from,
                    authenticated="pass")
    network.step()
    assert [m.to for m in network.new_messages()] == ["amina@example.org"]
    # another provider's report of the same message, which kept its Return-Path
    network.deliver(arf(network, "network@example.org", sent.data, feedback_type="fraud", envelope=sent.envelope_from),
                    authenticated="pass")
    network.step()
    assert network.new_messages() == []


def test_a_report_naming_only_an_address_stops_nothing_and_reaches_the_coordinators(network):
    forged = (b"From: Network secretary <network@example.org>\nTo: li@example.org\nSubject: Hello\n"
              b"Message-ID: <not-ours@elsewhere.example>\n\nA message we never sent.\n")
    network.deliver(arf(network, "network@example.org", forged))
    network.step()
    (notice,) = network.new_messages()
    assert notice.to == "amina@example.org" and "nothing was changed" in " ".join(notice.text.split())
    assert not members.get_by_email(network.db, "li@example.org")["mail_stopped"]
    assert [m.to for m in help_to(network, "li@example.org")] == ["li@example.org"]
    network.deliver(arf(network, "network@example.org", forged.replace(b"Hello", b"Hello again")))
    network.step()
    assert network.new_messages() == []  # once a day per kind and address


def test_not_spam_and_authentication_failure_reports_change_nothing(network):
    (sent,) = help_to(network, "li@example.org")
    network.deliver(arf(network, "network@example.org", sent.data, feedback_type="not-spam"))
    network.deliver(arf(network, "network@example.org", sent.data, feedback_type="auth-failure", rcpt=None))
    network.step()
    told = network.new_messages()
    assert [m.to for m in told] == ["amina@example.org", "amina@example.org"]
    texts = [" ".join(m.text.split()) for m in told]
    assert any("not spam" in t for t in texts) and any("failed authentication" in t for t in texts)
    assert not members.get_by_email(network.db, "li@example.org")["mail_stopped"]


def test_a_complaint_read_after_downtime_is_dated_by_its_arrival(network):
    (sent,) = help_to(network, "li@example.org")
    arrived = network.now.date()
    network.deliver(arf(network, sent.envelope_from, sent.data), rcpt=sent.envelope_from, authenticated="pass")
    network.advance(days=3)  # Convenor was down: the report is read three days after it arrived
    network.step()
    assert [m.to for m in network.new_messages()] == ["amina@example.org"]
    stopped = members.get_by_email(network.db, "li@example.org")["mail_stopped"]
    assert stopped.startswith(arrived.isoformat()), stopped
