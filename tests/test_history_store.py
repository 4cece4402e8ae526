"""A store with years of history: `convenor status` reads counts the store keeps (not a count
over every row), and `votes list` / `drafts list` show what is open and the ten latest ended
(`--all`: everything), so their work does not grow with the history."""
from __future__ import annotations

import json
from datetime import timedelta

from convenor.cli import main
from store import drafts as store_drafts, inbound, outbox, votes as store_votes
from store.db import open_store, transaction
from tests.fixtures_convenor import START


def _actual(db, table: str) -> dict[str, int]:
    return {s: n for s, n in db.execute(f"SELECT state, count(*) FROM {table} GROUP BY state")}


def _queue(db, n: int) -> int:
    return outbox.queue(db, recipient=f"m{n}@example.org", member_id=None, kind="help", subject="s",
                        body_text="b", body_html=None, headers={}, attachments=[], reply_token=None,
                        bounce_token=f"b{n}", message_id=f"<m{n}@example.org>", in_reply_to=None, now=START)


def test_outbox_and_inbound_counts_follow_every_change_of_state():
    db = open_store(":memory:")
    with transaction(db):
        ids = [_queue(db, n) for n in range(12)]
        for i in ids[:5]:
            outbox.mark_sent(db, i, START)
        outbox.mark_failed(db, ids[5], "550 no such user")
        outbox.mark_retry(db, ids[6], "451 later", START, 60, 3600)  # queued → queued: no change
        outbox.mark_sent(db, ids[6], START)
        db.execute("DELETE FROM outbox WHERE id = ?", [ids[7]])
        for n, state in enumerate(["handled"] * 4 + ["quarantined"] * 2):
            inbound.record(db, mailbox_key=f"k{n}", sha256=f"{n:064d}", message_id=f"<{n}@x>", from_addr="a@x",
                           state=state, handler=None, error=None, raw=None, now=START)
    assert outbox.counts(db) == _actual(db, "outbox") == {"queued": 4, "sent": 6, "failed": 1}
    assert _actual(db, "inbound") == {"handled": 4, "quarantined": 2}
    assert inbound.counts(db) == {"handled": 4, "quarantined": 2, "answered_held": 0}  # every state's key
    assert [r["id"] for r in inbound.quarantined(db, limit=1)] == [6]
    assert [r["id"] for r in outbox.failed_recent(db)] == [ids[5]]
    try:
        with transaction(db):  # a change rolled back leaves the counts as they were
            outbox.mark_sent(db, ids[8], START)
            raise RuntimeError("the send's transaction fails")
    except RuntimeError:
        pass
    assert outbox.counts(db) == _actual(db, "outbox") == {"queued": 4, "sent": 6, "failed": 1}


def test_status_counts_match_the_rows_after_a_day_of_mail(maildir_network, capsys):
    net = maildir_network
    for n in range(3):
        net.send("li@example.org", "help", "HELP")
    net.send("stranger@elsewhere.example", "hello", "Is this the network?")
    net.step()
    db = net.db
    assert main(["--config", str(net.config), "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["inbound"] == {"handled": 0, "quarantined": 0, "answered_held": 0, **_actual(db, "inbound")}
    assert {k: status["outbox"][k] for k in ("queued", "sent", "failed") if status["outbox"][k]} == _actual(db, "outbox")
    assert {k: v for k, v in status["members"].items() if k != "away"} == {
        "active": 6, "core": 4, "associate": 2, "coordinators": 1, "bouncing": 0, "inactive": 0}


def test_votes_and_drafts_list_show_the_open_ones_and_the_ten_latest_ended(maildir_network, capsys):
    net = maildir_network
    db = net.db
    with transaction(db):
        for n in range(14):
            vote_id = store_votes.create(
                db, title=f"Motion {n}", motion="That.", options=["Yes", "No", "Abstain"], electorate="core",
                subcommittee=None, quorum_percent=50, pass_rule="majority", secret=False, opened_by=1,
                closes_at=START + timedelta(days=7), message_id=None, now=START)
            draft_id = store_drafts.create(db, title=f"Draft {n}", author_id=1, intro="", audience_kind="all",
                                           audience_name=None, deadline_at=START + timedelta(days=14),
                                           attachments=[], now=START)
            if n != 2:  # vote and draft 3 stay open, the older ones ended
                store_votes.finish(db, vote_id, "closed", "deadline", {"outcome": "passed", "tallies": [1, 0, 0]},
                                   START)
                db.execute("UPDATE drafts SET state = 'closed' WHERE id = ?", [draft_id])
    config = str(net.config)
    for group in ("votes", "drafts"):
        assert main(["--config", config, group, "list", "--json"]) == 0
        shown = [r["ref"].split()[1] for r in json.loads(capsys.readouterr().out)]
        assert shown == ["14", "13", "12", "11", "10", "9", "8", "7", "6", "5", "3"], (group, shown)
        assert main(["--config", config, group, "list", "--all", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 14
