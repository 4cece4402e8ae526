"""Unit test of `workflows.sending.oversize.author_of` and of the references its notices take from
`table.ITEM_DESCRIBERS`, on a real store: the member told when a
copy of each kind of item is refused for its size (the scenario over Dovecot is in
test_sending_size_notices.py)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from store import drafts, meetings, members, record, votes
from store.db import open_store
from workflows.routing.table import ITEM_DESCRIBERS
from workflows.sending.oversize import author_of

NOW = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)


def test_each_kind_of_item_names_its_author(tmp_path):
    db = open_store(str(tmp_path / "c.db"))
    amina = members.add(db, email="amina@example.org", name="Amina", role="core", coordinator=True, language="en",
                        now=NOW)
    li = members.add(db, email="li@example.org", name="Li", role="core", coordinator=True, language="en", now=NOW)
    vote = votes.create(db, title="T", motion="M", options=["Yes", "No"], electorate="core", subcommittee=None,
                        quorum_percent=0, pass_rule="majority", secret=False, opened_by=li,
                        closes_at=NOW + timedelta(days=3), message_id=None, now=NOW)
    meeting = meetings.create_meeting(db, title="M", audience="core", subcommittee=None, starts_at=None,
                                      duration_minutes=60, timezone="UTC", location="", call="",
                                      domain="example.org", now=NOW, created_by=li)
    poll = meetings.create_poll(db, meeting, [NOW + timedelta(days=9)], NOW + timedelta(days=3), NOW)
    announcement = meetings.create_announcement(db, subject="S", body="B", audience="all", subcommittee=None,
                                                send_at=NOW, created_by=li, now=NOW)
    action = record.add_action(db, meeting_id=None, source="message", created_by=li, owner_id=amina, text="x",
                               due_on=None, now=NOW)
    draft = drafts.create(db, title="D", author_id=li, intro="", audience_kind="all", audience_name=None,
                          deadline_at=NOW + timedelta(days=3), attachments=[], now=NOW)
    for kind, item in (("vote", vote), ("vote-admin", vote), ("meeting", meeting), ("meeting-admin", meeting),
                       ("poll", poll), ("poll-admin", poll), ("announce", announcement), ("action", action),
                       ("draft", draft), ("draft-admin", draft)):
        assert author_of(db, kind, item) == li, kind
    assert author_of(db, "minutes", draft) is None and author_of(db, "forward", 1) is None
    assert author_of(db, "vote", 99) is None

    # the notice names the item as members read it, from the table `convenor inspect` uses:
    # a date poll by its meeting's reference
    refs = {kind: ITEM_DESCRIBERS[kind](db, item)["ref"] for kind, item in (
        ("vote-admin", vote), ("announce", announcement), ("meeting", meeting), ("draft", draft),
        ("poll-admin", poll), ("action", action))}
    assert refs == {"vote-admin": f"Vote {vote}", "announce": f"Announcement {announcement}",
                    "meeting": f"Meeting {meeting}", "draft": f"Draft {draft}", "poll-admin": f"Meeting {meeting}",
                    "action": f"Action {action}"}
