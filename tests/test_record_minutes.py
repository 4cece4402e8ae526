"""Minutes over the real Dovecot + SMTP stack: drafted after the meeting from the record (place,
who was present, agenda, decisions since the previous meeting, new and open actions), sent to the
coordinators as a draft; feedback, a correction that circulates a new version, ADOPT; SEND for a
member; adoption by a vote; and the static archive (0600/0700, HTML-escaped)."""
from __future__ import annotations

import os
import stat
from datetime import datetime, timezone

from tests.fixtures_convenor import Network, roster

MEMBERS = roster("amina", "jean", "li", "sofia", "priya", coordinators=("amina", "li"))
AFTER = datetime(2027, 1, 21, 1, 0, tzinfo=timezone.utc)             # the meeting ended 00:30 UTC
MINUTES_DUE = datetime(2027, 1, 22, 0, 31, tzinfo=timezone.utc)      # 24 hours after its end


def meeting_with_a_record(net):
    """A meeting announced, an agenda item, a decision before it, attendance and an action after it."""
    net.send("amina@example.org", "[Meeting] Network meeting", "When: 2027-01-20 18:00\nWhere: Hall\nAudience: core\n")
    net.step()
    announced = {m.to: m for m in net.new_messages() if "Announced" not in m.subject}
    net.reply(announced["sofia@example.org"], "Spring campaign <budget> & <script>alert(1)</script>", quote=False)
    net.send("amina@example.org", "[Vote] Adopt the spring campaign", "Closes: in 3 days\n\nThat we run it.\n")
    net.step()
    out = net.new_messages()
    ballots = {m.to: m for m in out if m.subject.startswith("[Vote 1]") or m.subject.startswith("[Scrutin 1]")}
    for address in ("jean@example.org", "li@example.org", "sofia@example.org"):
        net.reply(ballots[address], "Yes")
    net.reply(next(m for m in out if "Vote opened" in m.subject), "CLOSE")
    net.step()
    net.new_messages()
    net.set_time(AFTER)
    net.reply(announced["amina@example.org"],
              "PRESENT: Amina, Li, Jean\nACTION: Sofia — write the newsletter — 2027-02-15")
    net.step()
    net.new_messages()
    return announced


def test_minutes_drafted_corrected_adopted_sent_and_archived(mail_stack, tmp_path, capsys, monkeypatch):
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    try:
        meeting_with_a_record(net)
        net.set_time(MINUTES_DUE)
        net.step()
        drafts = net.new_messages()
        assert sorted(m.to for m in drafts) == ["amina@example.org", "li@example.org"]   # the coordinators only
        minutes = {m.to: m for m in drafts}
        li = minutes["li@example.org"]
        assert li.subject == "[Draft 1] Minutes: Network meeting, Wednesday, January 20, 2027"
        for text in ("Place: Hall", "Amina Diallo, Jean Tremblay, Li Wei", "3 of 4; meeting quorum (50%) reached",
                     "Spring campaign <budget>", "(proposed by Sofia Martins)", "Decision 1,",
                     "Adopt the spring campaign", "Action 1: write the newsletter", "Owner: Sofia Martins"):
            assert text in li.text, text
        (attached,) = li.attachments
        assert attached[0] == "minutes-2027-01-20.txt" and b"MINUTES" in attached[2]

        net.advance(hours=1)
        net.reply(li, "Looks right to me.")
        net.reply(minutes["amina@example.org"], "ACTION: Jean — send the photos — 2027-02-20")
        net.step()
        out = net.new_messages()
        assert "Feedback recorded" in next(m for m in out if m.to == "li@example.org" and "Draft 1" in m.subject
                                           and "version" not in m.subject).subject
        assert "send the photos" in net.only_message_to("jean@example.org", out).text
        again = [m for m in out if "(version 2)" in m.subject]
        assert sorted(m.to for m in again) == ["amina@example.org", "li@example.org"]
        assert all("Action 2: send the photos" in m.text for m in again)

        net.reply(again[0], "ADOPT")
        net.step()
        adopted = net.new_messages()
        assert sorted(m.to for m in adopted) == ["amina@example.org", "li@example.org"]
        assert all("Minutes adopted" in m.subject for m in adopted)

        net.send("jean@example.org", "send", "SEND minutes")
        net.send("priya@example.org", "send", "SEND minutes")      # an associate: not invited to the meeting
        net.step()
        out = net.new_messages()
        jean = net.only_message_to("jean@example.org", out)
        (attached,) = jean.attachments
        assert attached[0] == "minutes-2027-01-20.txt" and b"send the photos" in attached[2]    # version 2
        priya = net.only_message_to("priya@example.org", out)
        assert priya.attachments == [] and "No document you can receive matches" in priya.text

        config = ["--config", str(net.config)]
        net.close()
        from convenor import cli
        monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
        target = tmp_path / "archive"
        old = os.umask(0o022)
        try:
            assert cli.main(config + ["archive", "--to", str(target)]) == 0
        finally:
            os.umask(old)
        capsys.readouterr()
        for path in [target, *target.rglob("*")]:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        page = (target / "meeting-1.html").read_text()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
        assert 'href="draft-1.html"' in page and "Amina Diallo, Jean Tremblay, Li Wei" in page
        assert "Decision 1: Adopt the spring campaign" in (target / "decisions.html").read_text()
        draft_page = (target / "draft-1.html").read_text()
        assert "Version 2" in draft_page and 'href="files/draft-1/v2/minutes-2027-01-20.txt"' in draft_page
        assert b"send the photos" in (target / "files/draft-1/v2/minutes-2027-01-20.txt").read_bytes()
        assert 'href="meetings.html"' in (target / "index.html").read_text()
    finally:
        net.close()


def board_minutes(net) -> object:
    """A board meeting called by Amina, held; the minutes she receives as the coordinator."""
    net.send("amina@example.org", "[Meeting] Board", "When: 2027-01-20 18:00\nAudience: core\n")
    net.step()
    net.new_messages()
    net.set_time(MINUTES_DUE)
    net.step()
    minutes = net.only_message_to("amina@example.org", net.new_messages())
    assert "[Draft 1] Minutes: Board" in minutes.subject
    return minutes


def test_minutes_adopted_by_a_vote_naming_their_draft(maildir_network):
    net = maildir_network
    board_minutes(net)
    net.send("amina@example.org", "[Vote] Adopt the minutes of the board meeting",
             "Closes: in 3 days\n\nThat the network adopts the minutes of Draft 1.\n")
    net.step()
    out = net.new_messages()
    for m in out:
        if m.subject.startswith(("[Vote 1]", "[Scrutin 1]")):
            net.reply(m, "Yes" if m.to != "jean@example.org" else "Oui")
    net.step()
    net.reply(next(m for m in out if "Vote opened" in m.subject), "CLOSE")
    net.step()
    out = net.new_messages()
    assert any(m.to == "amina@example.org" and "Minutes adopted" in m.subject and "Vote 1" in m.text for m in out)
    assert net.db.execute("SELECT state, adopted_how FROM minutes").fetchone() == ("adopted", "Vote 1")


def test_a_former_coordinator_who_replies_adopt_is_told_nothing_changed(maildir_network, monkeypatch, capsys):
    net = maildir_network
    minutes = board_minutes(net)
    net.close()
    from convenor import cli
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    assert cli.main(["--config", str(net.config), "members", "set", "li@example.org", "--coordinator", "yes"]) == 0
    assert cli.main(["--config", str(net.config), "members", "set", "amina@example.org", "--coordinator", "no"]) == 0
    capsys.readouterr()
    net.reply(minutes, "ADOPT")  # the old token, from a coordinator no longer
    net.reply(minutes, "PRESENT: Amina, Jean")
    net.step()
    out = net.new_messages()
    answers = net.messages_to("amina@example.org", out)
    assert len(answers) == 2 and all("Nothing changed" in m.subject for m in answers)
    assert all("you are no longer a coordinator" in " ".join(m.text.split()) for m in answers)
    assert "still in draft" in answers[0].text
    assert net.db.execute("SELECT state FROM minutes").fetchone() == ("draft",)
    assert not any("Minutes adopted" in m.subject for m in out)
    assert net.db.execute("SELECT count(*) FROM presence").fetchone() == (0,)
