"""Draft circulation as a coordinator and members live it, over the real Dovecot + SMTP stack.

Amina (coordinator) circulates a brochure to the Awareness sub-committee of five; members answer
by replying from their mail clients; the clock is moved to the reminder and to the deadline.
"""
from __future__ import annotations

from datetime import datetime, timezone

from tests.fixtures_convenor import Network, network_fixture, roster

MEMBERS = roster("amina", "omar", "jean", "li", "sofia", "kofi", "rosa", "priya",
                 coordinators=("amina", "omar"),
                 subcommittees={"Awareness": ("jean", "li", "sofia", "kofi", "rosa")})
AWARENESS = ["jean@example.org", "li@example.org", "sofia@example.org", "kofi@example.org", "rosa@example.org"]
PDF = b"%PDF-1.4\n% brochure draft\n" + b"0" * 4000 + b"\n%%EOF\n"
MARKUP = b"PK\x03\x04 marked-up brochure by Kofi" + b"x" * 2000
# "in 10 days" from Monday 2027-01-04 09:00 Toronto: Thursday 2027-01-14 17:00 EST = 22:00 UTC.
DEADLINE = datetime(2027, 1, 14, 22, 0, tzinfo=timezone.utc)
REMINDER = datetime(2027, 1, 11, 22, 0, tzinfo=timezone.utc)


net = network_fixture(MEMBERS)


def circulate(net, body="Audience: subcommittee Awareness\nDeadline: in 10 days\n\n"
              "Here is the brochure for the spring campaign. Please check the hotline numbers.\n",
              attachments=(("brochure.pdf", "application/pdf", PDF),), sender="Amina Diallo <amina@example.org>",
              subject="[Draft] Awareness campaign brochure"):
    """Amina sends the draft; the daemon circulates it; returns the messages it sent."""
    net.send(sender, subject, body, attachments=list(attachments))
    net.step()
    return net.new_messages()


def digest_at_deadline(net):
    """The clock is moved past the draft's deadline and the daemon runs its rounds: returns the
    one message sent then (the author's digest); fails if there is not exactly one."""
    net.set_time(DEADLINE.replace(minute=1))
    net.step()
    net.advance(hours=1)
    net.step()
    (digest,) = net.new_messages()
    return digest


def outlook_reply(net, received, sender, text):
    """A top-posted Outlook reply: the new text, then the original under an -----Original Message----- block."""
    block = (f"{text}\n\n-----Original Message-----\nFrom: Test Network <{net.list_address}>\n"
             f"Sent: Monday, January 4, 2027 9:00 AM\nTo: {sender}\nSubject: {received.subject}\n\n{received.text}")
    return net.reply(received, block, quote=False)


def test_a_draft_reaches_each_member_of_the_subcommittee_and_the_author_gets_one_digest(net):
    out = circulate(net)
    assert sorted(m.to for m in out) == sorted(AWARENESS + ["amina@example.org"])
    copies = {addr: net.only_message_to(addr, out) for addr in AWARENESS}
    for addr, copy in copies.items():
        assert copy.rcpt_tos == [addr] and copy.msg["Cc"] is None
        assert copy.attachments == [("brochure.pdf", "application/pdf", PDF)]
        assert "Please check the hotline numbers." in copy.text
        assert "Audience:" not in copy.text  # the header lines are for Convenor, not the members
        for other in AWARENESS:
            assert other == addr or other not in copy.text
    li = copies["li@example.org"]
    assert li.subject == "[Draft 1] Awareness campaign brochure"
    assert "reply to this email with your feedback or questions" in li.text
    assert "Thursday, January 14, 2027, 5:00 PM" in li.text
    jean = copies["jean@example.org"]
    assert jean.subject == "[Brouillon 1] Awareness campaign brochure"
    assert "répondez à ce courriel avec vos commentaires" in jean.text and "jeudi 14 janvier 2027" in jean.text
    confirmation = net.only_message_to("amina@example.org", out)
    assert "Draft 1" in confirmation.subject
    assert "the Awareness sub-committee (5 members" in confirmation.text
    assert "Thursday, January 14, 2027, 5:00 PM" in confirmation.text
    assert "WITHDRAW" in confirmation.text and "Deadline:" in confirmation.text

    net.advance(hours=2)
    outlook_reply(net, li, "Li Wei", "Page 2: the hotline number is out of date.\n\nLi")
    net.reply(copies["sofia@example.org"], "I like the cover, but the font is small on page 3.", top_post=False)
    net.reply(copies["kofi@example.org"], "My corrections are in the attached copy.",
              attachments=[("brochure-marked.docx", "application/vnd.openxmlformats-officedocument"
                            ".wordprocessingml.document", MARKUP)])
    net.reply(copies["rosa@example.org"], "NO COMMENT")
    net.step()
    acks = net.new_messages()
    assert sorted(m.to for m in acks) == sorted(["li@example.org", "sofia@example.org", "kofi@example.org",
                                                 "rosa@example.org"])
    assert "your feedback on Draft 1" in net.only_message_to("li@example.org", acks).text
    assert "brochure-marked.docx" in net.only_message_to("kofi@example.org", acks).text
    assert '"no comment"' in net.only_message_to("rosa@example.org", acks).text

    net.set_time(REMINDER.replace(minute=1))
    net.step()
    reminders = net.new_messages()
    assert [m.to for m in reminders] == ["jean@example.org"]
    assert reminders[0].subject.startswith("Rappel : [Brouillon 1]")
    assert reminders[0].attachments == [("brochure.pdf", "application/pdf", PDF)]

    digest = digest_at_deadline(net)
    assert digest.to == "amina@example.org" and "Feedback digest" in digest.subject
    text = digest.text
    assert "4 of 5 members answered" in text
    assert "Page 2: the hotline number is out of date." in text
    assert "-----Original Message-----" not in text and "Please check the hotline" not in text
    assert "I like the cover, but the font is small on page 3." in text
    assert "My corrections are in the attached copy." in text
    assert "Rosa Lima (no comment)" in text
    assert "No answer from: Jean Tremblay." in text
    assert text.index("Kofi Mensah") < text.index("Li Wei") < text.index("Rosa Lima") < text.index("Sofia Martins")
    assert [(n, d) for n, _, d in digest.attachments] == [("Kofi Mensah - brochure-marked.docx", MARKUP)]

    net.advance(days=1)
    net.reply(reminders[0], "Désolé du retard : la carte de la page 4 est à revoir.")
    net.step()
    late = net.new_messages()
    forwarded = net.only_message_to("amina@example.org", late)
    assert "LATE feedback from Jean Tremblay" in forwarded.subject
    assert "la carte de la page 4 est à revoir" in forwarded.text
    notice = net.only_message_to("jean@example.org", late)
    assert "en retard" in notice.subject and "après" in notice.text
    assert len(late) == 2


def test_a_restart_between_reminder_and_deadline_sends_the_reminder_once_and_the_digest_once(net):
    out = circulate(net)
    net.reply(net.only_message_to("li@example.org", out), "Looks good to me.")
    net.step()
    net.new_messages()
    net.set_time(REMINDER.replace(minute=5))
    net.step()
    reminders = net.new_messages()
    assert sorted(m.to for m in reminders) == sorted(set(AWARENESS) - {"li@example.org"})
    net.restart()
    net.advance(hours=1)
    net.step()
    assert net.new_messages() == []
    net.set_time(DEADLINE.replace(minute=30))
    net.restart()
    net.step()
    net.restart()
    net.step()
    digests = net.new_messages()
    assert [m.to for m in digests] == ["amina@example.org"]
    assert "1 of 5 members answered" in digests[0].text


def test_a_draft_from_a_member_who_is_not_a_coordinator_is_refused_and_forwarded(net):
    out = circulate(net, sender="Li Wei <li@example.org>", subject="[Draft] My own leaflet")
    refusal = net.only_message_to("li@example.org", out)
    assert "Not circulated" in refusal.subject and "Only coordinators" in refusal.text
    for coordinator in ("amina@example.org", "omar@example.org"):
        forward = net.only_message_to(coordinator, out)
        assert "li@example.org" in forward.text and "[Draft] My own leaflet" in forward.text
        assert any(ctype == "message/rfc822" for _, ctype, _ in forward.attachments)
    assert len(out) == 3
    assert net.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


def test_an_oversized_draft_is_refused_with_a_clear_message(mail_stack, tmp_path):
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS, extra_settings="[drafts]\nmax_attachment_mb = 1\n")
    try:
        out = circulate(net, attachments=[("brochure.pdf", "application/pdf", b"%PDF" + b"1" * 1_500_000)])
        (refusal,) = out
        assert refusal.to == "amina@example.org" and "Too large" in refusal.subject
        assert "1.5 MB" in refusal.text and "the limit is 1.0 MB" in refusal.text
        assert net.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    finally:
        net.close()


def test_a_new_version_reaches_the_same_audience_even_after_the_membership_changes(net):
    out = circulate(net)
    confirmation = net.only_message_to("amina@example.org", out)
    from store import members as store_members
    from store.db import transaction
    with transaction(net.db):  # Priya would not have been asked; the audience is frozen
        store_members.update(net.db, store_members.get_by_email(net.db, "li@example.org")["id"],
                             subcommittees=[])
    net.advance(days=2)
    net.reply(confirmation, "Version 2\n\nThe hotline number on page 2 is fixed.",
              attachments=[("brochure-v2.pdf", "application/pdf", PDF + b"v2")])
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == sorted(AWARENESS + ["amina@example.org"])
    li = net.only_message_to("li@example.org", out)
    assert li.subject == "[Draft 1] Version 2: Awareness campaign brochure"
    assert "The hotline number on page 2 is fixed." in li.text
    assert li.attachments == [("brochure-v2.pdf", "application/pdf", PDF + b"v2")]
    assert "Mis à jour" in net.only_message_to("jean@example.org", out).subject or \
        "Version 2" in net.only_message_to("jean@example.org", out).subject
    update = net.only_message_to("amina@example.org", out)
    assert "version 2 went to the same 5 members" in update.text
    net.reply(li, "Thanks, version 2 is fine.")
    net.step()
    assert [m.to for m in net.new_messages()] == ["li@example.org"]
    row = net.db.execute("SELECT version, body FROM feedback").fetchone()
    assert row == (2, "Thanks, version 2 is fine.")


def test_convenor_run_circulates_a_draft_from_dovecot(net):
    from tests.test_spine_daemon import start_cli_daemon, wait_until
    import signal
    daemon = start_cli_daemon(net)
    try:
        net.send("Amina Diallo <amina@example.org>", "[Draft] Awareness campaign brochure",
                 "Audience: subcommittee Awareness\n\nPlease read.", attachments=[("brochure.pdf", "application/pdf", PDF)])
        assert wait_until(lambda: len(net.outbound()) == 6, timeout=30), net.outbound()
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.communicate(timeout=20)
    out = net.outbound()
    assert sorted(m.to for m in out) == sorted(AWARENESS + ["amina@example.org"])
    assert all(m.attachments == [("brochure.pdf", "application/pdf", PDF)] for m in out if m.to != "amina@example.org")
