"""convenor.intake: batches taken while the next one is fetched; moves only after each batch's
commit; nothing lost and nothing taken twice when a batch fails or the round is stopped.
Against a real Maildir and a real Dovecot."""
from __future__ import annotations

import email
import email.policy
import mailbox as std_mailbox
import os
import threading

import pytest

from convenor.intake import take_in_batches
from mailer.imap_box import ImapMailbox
from mailer.maildir_box import MaildirMailbox
from tests.mailstack import as_bytes, make_message


def subject_of(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.compat32)["Subject"])


class Taker:
    """Records what each batch held, which thread took it and what the inbox held then; fails
    the batches named in `fail`."""

    def __init__(self, inbox_count, fail=(), quarantine=()):
        self.batches: list[list[str]] = []
        self.threads: set[int] = set()
        self.inbox_at_take: list[int] = []
        self.inbox_count, self.fail, self.quarantine = inbox_count, set(fail), set(quarantine)

    def __call__(self, batch):
        self.threads.add(threading.get_ident())
        self.inbox_at_take.append(self.inbox_count())
        subjects = [subject_of(m.raw) for m in batch]
        if len(self.batches) in self.fail:
            self.fail.discard(len(self.batches))
            self.batches.append([])
            raise RuntimeError("the store failed")
        self.batches.append(subjects)
        return ["quarantine" if s in self.quarantine else "processed" for s in subjects]


def maildir_files(path) -> int:
    return sum(len(os.listdir(path / sub)) for sub in ("new", "cur")) if path.exists() else 0


@pytest.fixture
def maildir(tmp_path):
    MaildirMailbox(tmp_path)  # makes new/, cur/, tmp/ and the folders
    box = std_mailbox.Maildir(str(tmp_path), create=True)
    for i in range(25):
        box.add(as_bytes(make_message(subject=f"m{i:02d}")))
    return tmp_path


def test_batches_moved_after_their_take_each_once(maildir):
    box = MaildirMailbox(maildir)
    taker = Taker(lambda: maildir_files(maildir), quarantine={"m07"})
    assert take_in_batches(box, taker, lambda: False, 10, 1 << 30) == 25
    assert [len(b) for b in taker.batches] == [10, 10, 5]
    assert sorted(s for b in taker.batches for s in b) == [f"m{i:02d}" for i in range(25)]
    assert taker.threads == {threading.get_ident()}  # the store's work stays on the caller's thread
    assert taker.inbox_at_take[0] == 25  # nothing moved before the first batch was taken
    assert (maildir_files(maildir), maildir_files(maildir / ".Processed"),
            maildir_files(maildir / ".Quarantine")) == (0, 24, 1)
    assert take_in_batches(box, taker, lambda: False, 10, 1 << 30) == 0


def test_a_failed_batch_and_the_one_fetched_meanwhile_come_again(maildir):
    box = MaildirMailbox(maildir)
    taker = Taker(lambda: maildir_files(maildir), fail={1})
    with pytest.raises(RuntimeError):
        take_in_batches(box, taker, lambda: False, 10, 1 << 30)
    assert [len(b) for b in taker.batches] == [10, 0]
    assert maildir_files(maildir) == 15  # the first batch was moved (its take succeeded), no other
    assert take_in_batches(box, taker, lambda: False, 10, 1 << 30) == 15
    assert sorted(s for b in taker.batches for s in b) == [f"m{i:02d}" for i in range(25)]
    assert maildir_files(maildir / ".Processed") == 25


def test_a_stop_after_a_batch_leaves_the_rest_for_the_next_round(maildir):
    box = MaildirMailbox(maildir)
    taker = Taker(lambda: maildir_files(maildir))
    assert take_in_batches(box, taker, lambda: True, 10, 1 << 30) == 10
    assert maildir_files(maildir) == 15
    assert take_in_batches(box, taker, lambda: False, 10, 1 << 30) == 15
    assert sorted(s for b in taker.batches for s in b) == [f"m{i:02d}" for i in range(25)]


def test_size_bound_batches(maildir):
    box = MaildirMailbox(maildir)
    taker = Taker(lambda: maildir_files(maildir))
    assert take_in_batches(box, taker, lambda: False, 100, 1) == 25  # each message alone passes the bound
    assert [len(b) for b in taker.batches] == [1] * 25


def test_over_imap_failed_batch_comes_again_and_moves_follow_takes(mail_stack):
    for i in range(25):
        mail_stack.send_to_list(make_message(subject=f"m{i:02d}"))
    box = ImapMailbox(**mail_stack.imap_settings(), backoff_initial=0.2, fetch_batch=10)
    try:
        taker = Taker(lambda: mail_stack.folder_counts().get("INBOX", 0), fail={2})
        with pytest.raises(RuntimeError):
            take_in_batches(box, taker, lambda: False, 10, 1 << 30)
        assert taker.inbox_at_take[0] == 25  # nothing moved before the first batch was taken
        assert mail_stack.folder_counts().get("Processed", 0) == 20
        assert take_in_batches(box, taker, lambda: False, 10, 1 << 30) == 5
        assert sorted(s for b in taker.batches for s in b) == [f"m{i:02d}" for i in range(25)]
        assert mail_stack.folder_counts().get("INBOX", 0) == 0
        assert mail_stack.folder_counts().get("Processed", 0) == 25
    finally:
        box.close()


# --- one commit a batch, taken without a savepoint per message unless one fails ----------------------

@pytest.fixture(params=["network", "maildir_network"])
def net(request):
    return request.getfixturevalue(request.param)


def test_a_message_failing_after_writing_leaves_nothing_and_the_batch_around_it_counts_once(net, monkeypatch):
    """The handler queues its answer, then fails, for the middle message of one batch: the batch
    is taken again with a savepoint per message, so none of that message's work stays (it is
    quarantined and the coordinators told), and the messages before and after it are answered
    exactly once."""
    from workflows.routing import table

    answer_help = table.COMMANDS["HELP"]

    def fails_for_sofia(ctx, mail, *args, **kwargs):
        outcome = answer_help(ctx, mail, *args, **kwargs)
        if mail.from_addr == "sofia@example.org":
            raise RuntimeError("failed after writing")
        return outcome

    monkeypatch.setitem(table.COMMANDS, "HELP", fails_for_sofia)
    for sender in ("li@example.org", "sofia@example.org", "jean@example.org"):
        net.send(sender, "help", "HELP")
    net.step()
    out = net.new_messages()
    assert len(net.messages_to("li@example.org", out)) == 1
    assert len(net.messages_to("jean@example.org", out)) == 1
    assert net.messages_to("sofia@example.org", out) == []
    told = [m for m in net.messages_to("amina@example.org", out) if "set aside" in m.subject]
    assert len(told) == 1 and "failed after writing" in told[0].text
    states = dict(net.db.execute("SELECT from_addr, state FROM inbound").fetchall())
    assert states == {"li@example.org": "handled", "sofia@example.org": "quarantined", "jean@example.org": "handled"}
    assert net.db.execute("SELECT count(*) FROM outbox WHERE recipient = 'sofia@example.org'").fetchone()[0] == 0
