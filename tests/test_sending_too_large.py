"""A draft too large for the mail provider: its fan-out stops at the first copy and its author is
told once (how big, the limit, what to do), never one failure notice per copy; once the
provider's SIZE is known (RFC 1870, read from its EHLO), a draft too large for it is refused
before anything is queued. Over the real Dovecot + an SMTP server playing the provider: one that
advertises SIZE and refuses bigger messages (aiosmtpd's own checks), and one whose real limit is
below what it states (refused with Postfix's "552 5.3.4" at the end of the data)."""
from __future__ import annotations

import os

import pytest

from mailer.size_replies import too_large
from store import outbox
from tests.fixtures_convenor import Network

AMINA = "amina@example.org"
OTHERS = {"jean@example.org", "li@example.org", "sofia@example.org", "priya@example.org", "marc@example.org"}
LIMIT = 1_000_000
PDF = "application/pdf"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def provider(mail_stack):
    """The test's SMTP server, advertising `SIZE 1000000` from its next EHLO."""
    capture = mail_stack.capture
    capture.stop()
    capture.size_limit = LIMIT
    capture.start()
    return capture


@pytest.fixture
def net(mail_stack, provider, tmp_path):
    network = Network(tmp_path, stack=mail_stack)
    yield network
    network.close()


def circulate(net: Network, title: str, size: int) -> list:
    """Amina circulates a draft to everyone with a `size`-byte PDF; what went out."""
    net.send(f"Amina Diallo <{AMINA}>", f"[Draft] {title}", "Audience: all\n\nPlease read it.\n",
             attachments=[(f"{title}.pdf", PDF, os.urandom(size))])
    net.step()
    net.step()
    return net.new_messages()


def states(net: Network, kind: str) -> dict:
    return dict(net.db.execute("SELECT state, count(*) FROM outbox WHERE kind = ? GROUP BY state", [kind]).fetchall())


def test_a_draft_too_large_for_the_provider_stops_at_once_and_its_author_is_told_once(net, provider):
    out = circulate(net, "Annual report", 900_000)  # under drafts.max_attachment_mb, over 1 MB once encoded
    assert not [m for m in out if m.to in OTHERS]  # no member got it, none was refused one by one
    confirmation, notice = out  # her confirmation went first; then one notice, not five
    assert confirmation.to == AMINA and "[Draft 1]" in confirmation.subject
    assert notice.to == AMINA and notice.subject == "[Draft 1] Not sent: too large for the mail provider"
    text = flat(notice.text)
    assert "each copy is 1.3 MB once its attachments are encoded" in text
    assert "the mail provider takes at most 1.0 MB a message" in text
    assert "No member received it: this copy failed, and the 4 other copies waiting were withdrawn" in text
    assert "Draft 1 is withdrawn, since no member has it" in text and "send the link" in text
    assert "could not be delivered" not in " ".join(m.subject for m in out)
    assert states(net, "draft_circulation") == {"failed": 1, "withdrawn": 4}
    assert max(len(m["data"]) for m in provider.messages) < LIMIT  # nothing too big was handed over
    assert net.db.execute("SELECT state FROM drafts WHERE id = 1").fetchone()[0] == "withdrawn"
    assert not net.db.execute("SELECT count(*) FROM timers WHERE kind LIKE 'draft.%' AND item_id = 1 "
                              "AND done_at IS NULL").fetchone()[0]  # no reminder, no digest
    net.advance(days=30)
    net.step()
    assert net.new_messages() == []

    # the provider's SIZE is known now: the same file is refused before anything is queued
    out = circulate(net, "Annual report again", 900_000)
    (refused,) = out
    assert refused.to == AMINA and "Too large: Annual report again" == refused.subject
    assert "about 1.3 MB once its attachments are encoded" in flat(refused.text)
    assert "the mail provider takes at most 1.0 MB a message" in flat(refused.text)
    assert net.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1

    # a smaller file goes to everyone
    out = circulate(net, "Annual report, compressed", 600_000)
    assert {m.to for m in out if m.subject.endswith(" 2] Annual report, compressed")} == OTHERS  # en and fr


def test_a_new_version_refused_by_a_provider_below_its_stated_size_is_told_once_and_the_draft_stays(
        net, provider, mail_stack):
    provider.refuse_larger_than = 700_000  # states 1 MB, takes 0.7 MB
    out = circulate(net, "Procedure", 100_000)
    assert {m.to for m in out if m.subject.endswith(" 1] Procedure")} == OTHERS
    confirmation = next(m for m in out if m.to == AMINA)
    net.reply(confirmation, "Version 2", attachments=[("procedure-v2.pdf", PDF, os.urandom(600_000))])
    net.step()
    net.step()
    out = net.new_messages()
    assert not [m for m in out if m.to in OTHERS]
    notices = [m for m in out if "too large" in m.subject]
    assert [m.to for m in notices] == [AMINA]  # one notice for the five copies
    text = flat(notices[0].text)
    assert "the mail provider refused it for its size" in text and "552 5.3.4" in text
    assert "reply to your draft's last confirmation with the smaller file attached" in text
    assert states(net, "draft_new_version") == {"failed": 1, "withdrawn": 4}
    assert net.db.execute("SELECT state FROM drafts WHERE id = 1").fetchone()[0] == "open"  # members have version 1
    assert not [m for m in out if "could not be delivered" in m.subject]
    assert not outbox.counts(net.db).get("queued")


@pytest.mark.parametrize("reply,at_rcpt,expected", [
    ("552 5.3.4 Message size exceeds fixed limit", False, True),                         # Postfix
    ("552 5.2.3 Your message exceeded Google's message size limits.", False, True),     # Gmail
    ("552 5.3.4 Requested action not taken; message size exceeds fixed maximum message size", False, True),
    ("552 Message size exceeds maximum permitted", False, True),                        # Exim
    ("552 Error: Too much mail data", False, True),                                     # aiosmtpd
    ("554 5.3.4 Message too big for system", False, True),
    ("552 5.2.2 Mailbox full", False, False),                                           # the recipient's
    ("552 Requested mail action aborted: exceeded storage allocation", True, False),    # RCPT: the mailbox
    ("550 5.1.1 No such user", False, False),
    ("451 4.3.0 Try again later", False, False),
])
def test_size_refusals_are_told_from_the_recipient_s_mailbox_being_full(reply, at_rcpt, expected):
    code, text = int(reply[:3]), reply[4:]
    assert too_large(code, text, at_rcpt=at_rcpt) is expected
