"""A notice given once (a member's copy refused for its size, told once per member and item) is
recorded under its member or message, never an address, on its real day: the privacy purge deletes
it with the other notice records. It used to be kept for good (day "once"), under the raw recipient
address for a copy with no member; the store's upgrade (core m005) moves or deletes those records."""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from store import notices
from store.db import open_store
from store.migrations import MIGRATION_SETS
from store.schema_core import core


def test_a_notice_given_once_is_not_given_again_on_a_later_day_until_its_record_is_purged(tmp_path):
    from store import purge
    db = open_store(tmp_path / "s.db")
    assert notices.first_once(db, "member 4", "size-refused vote 1", "2027-01-04")
    assert not notices.first_once(db, "member 4", "size-refused vote 1", "2027-02-10")
    assert notices.first_once(db, "member 5", "size-refused vote 1", "2027-02-10")
    assert purge.notices(db, "2027-02-01T00:00:00") == 1  # the records of days before the cut-off
    assert notices.first_once(db, "member 4", "size-refused vote 1", "2027-03-01")


def old_store(path: Path) -> None:
    """A store last opened before core m005, holding two notices given once as they were kept."""
    db = sqlite_utils.Database(path)
    for migrations in MIGRATION_SETS:
        migrations.apply(db, stop_before="m005_notices_once_kept_by_day" if migrations is core else None)
    db.execute("INSERT INTO notices (address, kind, day) VALUES ('member 4', 'size-refused vote 1', 'once'), "
               "('guest@elsewhere.example', 'size-refused vote 1', 'once'), ('x@y.example', 'stranger', '2027-01-04')")
    db.conn.commit()
    db.close()


def test_the_upgrade_keeps_no_address_and_nothing_for_good(tmp_path):
    old_store(tmp_path / "s.db")
    db = open_store(tmp_path / "s.db")
    rows = db.execute("SELECT address, kind, day FROM notices ORDER BY address").fetchall()
    assert [(a, k) for a, k, _ in rows] == [("member 4", "size-refused vote 1"), ("x@y.example", "stranger")]
    assert "once" not in {day for _, _, day in rows} and all(len(day) == 10 for _, _, day in rows)
