"""What the coordinators' daily summary names of a message comes from a stored fact (`inbound.facts`),
never read back out of its reason, which is written for people and may be reworded: the kind of
token reply a guessed automatic reply read as ("vote": a clear vote kept uncounted). The guesses
recorded before the fact was stored get it from their old reasons once, at the upgrade. The
scenario over the real mail stack is tests/test_machine_guesses_scenario.py."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlite_utils

from store import inbound
from store.migrations import MIGRATION_SETS
from workflows.membership import strangers
from workflows.routing.context import Context

NOW = datetime(2027, 1, 5, 0, 0, tzinfo=timezone.utc)
DAY = NOW - timedelta(days=1)


def _guess(db, n: int, error: str, facts: dict | None = None, state: str = "quarantined") -> None:
    inbound.record(db, mailbox_key=f"k{n}", sha256=f"s{n}", message_id=f"<{n}@x>", from_addr=f"m{n}@example.org",
                   state=state, handler=strangers.GUESSED, error=error, raw=None, now=DAY + timedelta(hours=n),
                   facts=facts)


def test_the_summary_names_what_a_guess_read_as_from_its_stored_fact_not_its_reason(maildir_network):
    net = maildir_network
    db = net.db
    _guess(db, 1, "held: a reason worded anew, naming no kind", {strangers.READ_AS: "vote"})
    _guess(db, 2, "held: vote: a reason that merely begins like the old ones")  # no fact: no kind read
    _guess(db, 3, "taken: reworded again", {strangers.READ_AS: "draft"}, state="handled")
    ctx = Context(db, net.start().rules, NOW)
    got = [(g["address"], g["kept"], g["read"]) for g in strangers._guessed(ctx, DAY, NOW)]
    assert got == [("m1@example.org", True, "vote"), ("m2@example.org", True, ""), ("m3@example.org", False, "draft")]


def test_guesses_recorded_before_the_upgrade_get_their_fact_from_their_old_reasons():
    db = sqlite_utils.Database(memory=True)
    for migrations in MIGRATION_SETS:
        migrations.apply(db, stop_before="m004_inbound_facts")
    assert "facts" not in db["inbound"].columns_dict
    for n, (handler, error) in enumerate([
            (strangers.GUESSED, "taken: draft: recorded as feedback on a draft; its subject looked automatic"),
            (strangers.GUESSED, "held: vote: reads as a clear vote, not counted; taken for an automatic reply"),
            (strangers.GUESSED, "held: taken for an automatic reply by its words alone (no header said so)"),
            ("token-reply", "held: vote: not a guess")]):
        db.execute("INSERT INTO inbound (mailbox_key, sha256, received_at, state, handler, error) "
                   "VALUES (?, ?, '2027-01-04 10:00:00', 'quarantined', ?, ?)", [f"k{n}", f"s{n}", handler, error])
    for migrations in MIGRATION_SETS:
        migrations.apply(db)
    assert [r[0] for r in db.execute("SELECT facts FROM inbound ORDER BY id")] == \
        ['{"read":"draft"}', '{"read":"vote"}', None, None]


def test_the_state_constraint_takes_answered_held_and_nothing_else():
    db = sqlite_utils.Database(memory=True)
    for migrations in MIGRATION_SETS:
        migrations.apply(db)
    _guess(db, 1, "held: not passed on: x", state=inbound.ANSWERED_HELD)
    try:
        _guess(db, 2, "x", state="answered")
    except Exception as exc:  # noqa: BLE001 - sqlite3.IntegrityError through sqlite-utils
        assert "CHECK" in str(exc)
    else:
        raise AssertionError("a state outside the constraint was accepted")
    assert inbound.counts(db) == {"handled": 0, "quarantined": 0, "answered_held": 1}


def test_a_reply_on_a_secret_ballot_whose_reference_was_not_known_is_still_named(maildir_network):
    """The fact of a reply on another member's secret ballot names the ballot by its reference; when
    none was known (a JSON null: its vote since removed), the reply is named all the same, with
    what is known (who, when), never dropped from the summary."""
    from store.db import transaction
    net = maildir_network
    db = net.db
    inbound.record(db, mailbox_key="k9", sha256="s9", message_id="<9@x>", from_addr="m9@example.org",
                   state="handled", handler=strangers.TOKEN_REPLY, error="refused: token used from another address",
                   raw=None, now=DAY + timedelta(hours=2), facts={strangers.UNSEEN: None, "owner": None, "verified": True})
    ctx = Context(db, net.start().rules, NOW)
    assert [(u["address"], u["ref"]) for u in strangers._unseen(ctx, DAY, NOW)] == [("m9@example.org", None)]
    with transaction(db):
        strangers.summary_timer(ctx, {"due_at": NOW})
    (body,) = [r[0] for r in db.execute("SELECT body_text FROM outbox WHERE kind = 'strangers_summary'")]
    assert "from m9@example.org, on the copy of a secret ballot no longer in the store" in " ".join(body.split())
    assert "None" not in body
