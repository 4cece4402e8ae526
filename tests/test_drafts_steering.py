"""The author steers a circulated draft by replying; members answer in French or without a token;
coordinators read drafts on the command line. Over the real Dovecot + SMTP stack."""
from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

from convenor import cli
from tests.fixtures_convenor import Network, network_fixture
from tests.test_drafts_circulation import AWARENESS, DEADLINE, MARKUP, MEMBERS, PDF, circulate


net = network_fixture(MEMBERS)


def test_the_author_moves_the_deadline_and_members_are_told_and_reminded_for_the_new_one(net):
    out = circulate(net)
    confirmation = net.only_message_to("amina@example.org", out)
    net.reply(confirmation, "Deadline: 2027-01-22\n\nGiving everyone another week.")
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == sorted(AWARENESS + ["amina@example.org"])
    li = net.only_message_to("li@example.org", out)
    assert "New deadline" in li.subject and "Friday, January 22, 2027, 5:00 PM" in li.text
    assert "Giving everyone another week." in li.text
    assert "jeudi 14 janvier 2027" in net.only_message_to("jean@example.org", out).text
    assert "the deadline is now Friday, January 22" in net.only_message_to("amina@example.org", out).text
    net.set_time(DEADLINE.replace(minute=5))  # the old reminder and deadline pass: nothing happens
    net.step()
    assert net.new_messages() == []
    net.set_time(datetime(2027, 1, 19, 22, 5, tzinfo=timezone.utc))
    net.step()
    assert sorted(m.to for m in net.new_messages()) == sorted(AWARENESS)
    net.set_time(datetime(2027, 1, 22, 22, 5, tzinfo=timezone.utc))
    net.step()
    assert [m.to for m in net.new_messages()] == ["amina@example.org"]


def test_withdraw_tells_every_member_and_cancels_the_reminder_and_the_digest(net):
    out = circulate(net)
    net.reply(net.only_message_to("amina@example.org", out), "WITHDRAW")
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == sorted(AWARENESS + ["amina@example.org"])
    assert "Withdrawn" in net.only_message_to("li@example.org", out).subject
    assert "Retiré" in net.only_message_to("jean@example.org", out).subject
    assert "is withdrawn" in net.only_message_to("amina@example.org", out).text
    net.set_time(DEADLINE.replace(hour=23))
    net.step()
    assert net.new_messages() == []
    assert net.db.execute("SELECT count(*) FROM timers WHERE kind LIKE 'draft.%' AND done_at IS NULL").fetchone()[0] == 0


def test_an_unreadable_header_line_is_explained_and_nothing_is_circulated(net):
    out = circulate(net, body="Audience: subcommittee Outreach\nDeadline: soonish\n\nPlease read.")
    (refusal,) = out
    assert refusal.to == "amina@example.org" and "Not circulated" in refusal.subject
    assert '"Deadline: soonish" is not a date I can read' in refusal.text
    net.send("amina@example.org", "[Draft] Brochure", "Audience: subcommittee Outreach\n\nPlease read.")
    net.step()
    (refusal,) = net.new_messages()
    assert "no sub-committee named 'Outreach'" in refusal.text


def test_a_french_member_says_pas_de_commentaire_and_a_reply_without_token_finds_its_draft(net):
    out = circulate(net)
    net.reply(net.only_message_to("jean@example.org", out), "PAS DE COMMENTAIRE")
    sofia_copy = net.only_message_to("sofia@example.org", out)
    net.send("Sofia Martins <sofia@example.org>", "Re: " + sofia_copy.subject,
             "Written from my other client: the map is great.")  # no Reply-To, no In-Reply-To: the subject finds it
    net.step()
    acks = net.new_messages()
    assert "pas de commentaire" in net.only_message_to("jean@example.org", acks).text
    assert "your feedback on Draft 1" in net.only_message_to("sofia@example.org", acks).text
    rows = list(net.db.query("SELECT member_id, no_comment, body FROM feedback ORDER BY id"))
    assert [(r["no_comment"], r["body"]) for r in rows] == [
        (1, "PAS DE COMMENTAIRE"), (0, "Written from my other client: the map is great.")]


def test_a_reply_to_a_withdrawn_draft_is_not_recorded_and_the_member_is_told(net):
    out = circulate(net)
    net.reply(net.only_message_to("amina@example.org", out), "withdraw")
    net.step()
    net.new_messages()
    net.reply(net.only_message_to("li@example.org", out), "Some thoughts anyway.")
    net.step()
    (answer,) = net.new_messages()
    assert answer.to == "li@example.org" and "was withdrawn" in answer.text
    assert net.db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


def test_the_cli_lists_shows_and_exports_a_drafts_feedback(net, tmp_path, capsys):
    out = circulate(net)
    net.reply(net.only_message_to("kofi@example.org", out), "See my markup.",
              attachments=[("brochure-marked.docx", "application/octet-stream", MARKUP)])
    net.reply(net.only_message_to("li@example.org", out), "Page 2: fix the number.")
    net.reply(net.only_message_to("li@example.org", out), "And page 3, the photo credit.")
    net.step()
    config = ["--config", str(net.config)]
    assert cli.main(config + ["drafts", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["ref"] == "Draft 1" and listed["answered"] == 2 and listed["recipients"] == 5
    assert cli.main(config + ["drafts", "show", "Draft 1"]) == 0
    shown = capsys.readouterr().out
    assert "2 of 5 answered" in shown and "And page 3, the photo credit." in shown
    assert "[ ] Jean Tremblay" in shown and "[x] Li Wei" in shown
    target = tmp_path / "export"
    assert cli.main(config + ["drafts", "export", "1", "--to", str(target)]) == 0
    with open(target / "feedback.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["member"], r["body"]) for r in rows] == [
        ("Kofi Mensah", "See my markup."), ("Li Wei", "Page 2: fix the number."),
        ("Li Wei", "And page 3, the photo credit.")]
    assert (target / "attachments" / "Kofi Mensah - brochure-marked.docx").read_bytes() == MARKUP
    assert cli.main(config + ["drafts", "show", "Draft 9"]) == 2
    assert "there is no Draft 9" in capsys.readouterr().err
    assert cli.main(config + ["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["drafts"]["open"][0]["answered"] == 2 and "Draft 1" in status["drafts"]["open"][0]["line"]


def test_the_draft_is_stored_once_whatever_the_size_of_the_audience(net):
    circulate(net)
    assert net.db.execute("SELECT count(*) FROM blobs WHERE size = ?", [len(PDF)]).fetchone()[0] == 1
    refs = [json.loads(r[0]) for r in net.db.execute("SELECT attachments FROM outbox WHERE kind = 'draft_circulation'")]
    assert len(refs) == 5 and all(len(r) == 1 and "data" not in r[0] for r in refs)


def test_a_new_version_and_a_new_deadline_in_one_reply_and_a_version_without_its_file(net):
    out = circulate(net)
    confirmation = net.only_message_to("amina@example.org", out)
    net.reply(confirmation, "Version 2\n\nI forgot to attach it, sorry.")
    net.step()
    (answer,) = net.new_messages()
    assert answer.to == "amina@example.org" and '"Version 2" needs the new file attached' in answer.text
    net.reply(answer, "Version 2\nDeadline: in 14 days\n\nNew cover.",
              attachments=[("brochure-v2.pdf", "application/pdf", PDF + b"v2")])
    net.step()
    out = net.new_messages()
    assert sorted(m.to for m in out) == sorted(AWARENESS + ["amina@example.org"])  # one message each
    li = net.only_message_to("li@example.org", out)
    assert "Version 2" in li.subject and "The deadline has moved" in li.text and "Monday, January 18, 2027" in li.text
    assert "New cover." in li.text and "Deadline:" not in li.text


def test_the_digest_goes_to_every_coordinator_when_the_settings_say_so_and_late_files_are_named(mail_stack, tmp_path):
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS,
                  extra_settings="[drafts]\ndigest_to_all_coordinators = true\nreminder_days_before = 0\n")
    try:
        out = circulate(net)
        net.reply(net.only_message_to("rosa@example.org", out), "Fine by me.")
        net.step()
        net.new_messages()
        net.set_time(DEADLINE.replace(minute=1))
        net.step()
        digests = net.new_messages()
        assert sorted(m.to for m in digests) == ["amina@example.org", "omar@example.org"]
        assert "(circulated by Amina Diallo)" in net.only_message_to("omar@example.org", digests).text
        net.reply(net.only_message_to("kofi@example.org", out), "Late, sorry: my markup.",
                  attachments=[("markup.docx", "application/octet-stream", MARKUP)])
        net.step()
        late = net.only_message_to("amina@example.org", net.new_messages())
        assert [(n, d) for n, _, d in late.attachments] == [("Kofi Mensah - markup.docx", MARKUP)]
    finally:
        net.close()


def test_an_oversized_reply_is_refused_with_the_limit_and_nothing_is_recorded(tmp_path):
    from tests.fixtures_convenor import Network
    net = Network(tmp_path, extra_settings="[drafts]\nmax_attachment_mb = 1\n")
    try:
        net.send("amina@example.org", "[Draft] Brochure", "Audience: core\n\nPlease read.",
                 attachments=[("brochure.pdf", "application/pdf", b"%PDF small")])
        net.step()
        copy = net.only_message_to("li@example.org", net.new_messages())
        net.reply(copy, "My marked-up copy", attachments=[("big.pdf", "application/pdf", b"x" * 1_300_000)])
        net.step()
        (answer,) = net.new_messages()
        assert answer.to == "li@example.org" and "1" in answer.text and "MB" in answer.text
        assert net.db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0
    finally:
        net.close()


def test_a_coordinator_closes_a_draft_early_from_the_command_line(maildir_network, capsys, monkeypatch):
    from convenor.cli import main
    net = maildir_network
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    net.send("amina@example.org", "[Draft] Leaflet", "Deadline: in 10 days\n\nComments please.")
    net.step()
    out = net.new_messages()
    net.reply(next(m for m in out if m.to == "li@example.org"), "Page 2 needs a map.")
    net.step()
    net.new_messages()
    assert main(["--config", str(net.config), "drafts", "close", "Draft 1"]) == 0
    net.step()
    digest = net.only_message_to("amina@example.org", net.new_messages())
    assert "Page 2 needs a map." in digest.text
    assert main(["--config", str(net.config), "drafts", "close", "1"]) == 2  # already closed: said so
    net.advance(days=11)
    net.step()
    assert net.new_messages() == []  # no reminder, no second digest at the old deadline
