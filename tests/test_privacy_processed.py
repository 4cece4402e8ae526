"""The raw mail in the Processed folder: a closed secret ballot's replies leave it (the one
documented deletion), the clarification requests that quoted them are erased, and
`privacy.purge_after_days` reaches raw mail older than that. Real Dovecot and a local Maildir."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from convenor.cli import main as cli_main  # noqa: F401 - the CLI is the coordinator's view
from workflows.votes.closing import REDACTED_CLARIFICATION

SECRET_WORDS = "Yes and No: zqsecretCANARY I know the victim"  # two options: asked back


def _processed_message_ids(net) -> list[str]:
    """The Message-ID of every message in the list mailbox's Processed folder."""
    if net.stack is not None:
        client = net.stack.imap_client()
        try:
            folder = next(f[2] for f in client.list_folders() if f[2].endswith("Processed"))
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
            return [v[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].decode().split(":", 1)[1].strip()
                    for v in fetched.values()]
        finally:
            client.logout()
    folder = Path(net.settings.mailbox.path) / ".Processed"
    out = []
    for sub in ("cur", "new"):
        for path in (folder / sub).iterdir():
            for line in path.read_bytes().split(b"\n"):
                if line.lower().startswith(b"message-id:"):
                    out.append(line.split(b":", 1)[1].strip().decode())
    return out


@pytest.fixture(params=["dovecot", "maildir"])
def net(request, tmp_path):
    if request.param == "dovecot":
        network = request.getfixturevalue("network")
    else:
        network = request.getfixturevalue("maildir_network")
    network.settings.privacy.purge_after_days = 30
    yield network


def test_a_closed_secret_ballot_leaves_no_raw_reply_and_no_quoted_line(net):
    amina = "Amina Diallo <amina@example.org>"
    net.send(amina, "[Vote] Expel a member", "Closes: in 3 days\nSecret: yes\n\nThe motion.\n")
    net.send(amina, "[Vote] Adopt the budget", "Closes: in 10 days\n\nThe budget.\n")
    net.step()
    secret_replies, open_replies = [], []
    ballots = {r[0] for r in net.db.execute("SELECT message_id FROM outbox WHERE kind = 'vote_ballot'")}
    for m in net.new_messages():
        if m.message_id.strip("<>") not in {b.strip("<>") for b in ballots}:
            continue
        if m.subject.startswith(("[Vote 1]", "[Scrutin 1]")):
            if m.to == "jean@example.org":
                secret_replies.append(net.reply(m, SECRET_WORDS)["Message-ID"])
            secret_replies.append(net.reply(m, "YES")["Message-ID"])
        elif m.to == "li@example.org":
            open_replies.append(net.reply(m, "NO")["Message-ID"])
    net.step()
    assert len(secret_replies) >= 3 and open_replies
    processed = _processed_message_ids(net)
    assert set(secret_replies + open_replies) <= set(processed)
    clarifications = net.db.execute("SELECT body_text FROM outbox WHERE kind = 'vote_clarification'").fetchall()
    assert clarifications and all("zqsecretCANARY" in r[0] for r in clarifications)

    net.advance(days=4)
    net.step()
    processed = _processed_message_ids(net)
    assert not set(secret_replies) & set(processed), "a secret ballot's reply is still in Processed"
    assert set(open_replies) <= set(processed)
    assert set(r[0] for r in net.db.execute(
        "SELECT body_text FROM outbox WHERE kind = 'vote_clarification'")) == {REDACTED_CLARIFICATION}
    removals = net.db.execute("SELECT count(*), sum(done_at IS NOT NULL) FROM raw_removals").fetchone()
    assert removals[0] == len(secret_replies) and removals[1] == removals[0]

    net.advance(days=31)  # privacy.purge_after_days = 30: the rest of Processed is older than that
    net.step()
    assert _processed_message_ids(net) == []
    net.send("Jean Tremblay <jean@example.org>", "HELP")
    net.step()
    assert len(_processed_message_ids(net)) == 1  # what is newer stays
